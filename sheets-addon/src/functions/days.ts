import { prepareWorkdays } from '../../../core/calendar';
import { CellError, dateOfDay, dayOf, describeCell, isBlank, isDate, rejectErrorValue, SERIAL_OF_EPOCH } from '../cells/coerce';
import { cellsOf, readArgument, readRow } from '../cells/grid';
import { spill } from '../cells/spill';
import { spreadsheetTimeZone } from '../platform';

/**
 * NETWORKDAYS.INTL and WORKDAY.INTL over the core's day functions. Cells become day numbers: a date cell its local
 * day in the spreadsheet's zone, a number a date serial, ISO text its date. Holiday ranges keep the spreadsheets'
 * rule that text and blank cells are ignored. The weekend is checked before any row, as the spreadsheets check it
 * before the 0-day shortcut. A single-cell call throws where the spreadsheet function gives an error.
 */

/**
 * Holiday cells as day numbers; text, blanks and booleans stay as they are, and the core ignores them. An error value
 * (`#N/A`) is an error naming its row, as the contract says for every range.
 */
const holidayDays = (holidays: unknown, zone: string): unknown[] =>
  cellsOf(holidays).map((cell, index) => {
    if (isDate(cell) || typeof cell === 'number') return readRow('holidays', index, () => dayOf(cell, zone));
    readRow('holidays', index, () => rejectErrorValue(cell));
    return cell;
  });

/**
 * The weekend and holiday arguments prepared once for the whole column (the core checks the weekend before any row,
 * as the spreadsheets check it before the 0-day shortcut); per row only two lookups remain.
 */
function preparedDays(weekend: unknown, holidays: unknown, zone: string) {
  readArgument('weekend', () => rejectErrorValue(weekend));
  if (weekend !== undefined && typeof weekend !== 'string' && typeof weekend !== 'number') {
    throw new Error(`weekend: expected a 7-character mask of 0 and 1 (Monday first) or a code 1-7 or 11-17, got ${describeCell(weekend, zone)}`);
  }
  return prepareWorkdays(weekend, holidayDays(holidays, zone));
}

/** Days as the spreadsheets take them: numbers (cut toward zero by the core), numeric text and blank (0). */
function daysOf(value: unknown, zone: string): number {
  if (isBlank(value)) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  throw new CellError(`${describeCell(value, zone)} is not a number of days`);
}

export function BUSINESS_DAYS(startDate: unknown, endDate: unknown, weekend?: unknown, holidays?: unknown) {
  const zone = spreadsheetTimeZone();
  const workdays = preparedDays(weekend, holidays, zone);
  return spill(
    [['start_date', startDate], ['end_date', endDate]],
    ([s, e]) => {
      const start = readArgument('start_date', () => dayOf(s, zone));
      const end = readArgument('end_date', () => dayOf(isBlank(e) ? 0 : e, zone));
      return workdays.count(start, end);
    },
    { throwForSingleCell: true },
  );
}

export function ADD_BUSINESS_DAYS(startDate: unknown, days: unknown, weekend?: unknown, holidays?: unknown) {
  const zone = spreadsheetTimeZone();
  const workdays = preparedDays(weekend, holidays, zone);
  // Local midnights by day: a column's results fall on a few hundred days, each converted from wall time once.
  const midnights = new Map<number, number>();
  const dateOf = (day: number): Date => {
    let t = midnights.get(day);
    if (t === undefined) midnights.set(day, (t = dateOfDay(day, zone).getTime()));
    return new Date(t);
  };
  return spill(
    [['start_date', startDate], ['days', days]],
    ([s, d]) => {
      const start = readArgument('start_date', () => dayOf(s, zone));
      const day = workdays.add(start, readArgument('days', () => daysOf(d, zone)));
      // Dates in, dates out; a serial number in, a serial number out.
      return typeof s === 'number' ? day + SERIAL_OF_EPOCH : dateOf(day);
    },
    { throwForSingleCell: true },
  );
}
