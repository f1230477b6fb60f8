import { calendarWorkdays, isoOfDayNumber, prepareWorkdays, type PreparedWorkdays } from '../../../core/calendar';
import { resolveCalendarWith } from '../calendars/resolve';
import { CellError, dayOf, dayReader, describeCell, isBlank, isDate, quoting, rejectErrorValue, SERIAL_OF_EPOCH } from '../cells/coerce';
import { readArgument, readArgumentCell, readRow } from '../cells/grid';
import { holidayCells, rejectDateText } from '../cells/holiday-range';
import { sharedDates } from '../cells/shared-dates';
import { spill } from '../cells/spill';
import { zoneDaysIn } from '../cells/zone-days';
import { spreadsheetLocale, spreadsheetTimeZone } from '../platform';

/**
 * NETWORKDAYS.INTL and WORKDAY.INTL over the core's day functions. Cells become day numbers: a date cell its local
 * day in the spreadsheet's zone, a number a date serial, ISO text its date. Where the weekend goes, a calendar (text or
 * a saved name) may go instead: its working days, holidays and worked days then decide. Holiday ranges keep the
 * spreadsheets' rule that blank cells and text such as a header are ignored, except text that reads as a date, which
 * is an error (dropping it would shift every count). The weekend is checked before any row, as the spreadsheets check
 * it before the 0-day shortcut. A single-cell call throws where the spreadsheet function gives an error.
 */

/** The holiday range as NETWORKDAYS reads it: day numbers of date and number cells, and the worked days of a HOLIDAYS() spill. */
function holidayDays(holidays: unknown, zone: string): { closed: number[]; worked: number[] } {
  const locale = spreadsheetLocale();
  const closed: number[] = [];
  const worked: number[] = [];
  for (const { cell, row, worked: isWorked } of holidayCells('holidays', holidays)) {
    if (isDate(cell) || typeof cell === 'number') (isWorked ? worked : closed).push(readRow('holidays', row, () => dayOf(cell, zone)));
    else readRow('holidays', row, () => rejectDateText(cell, locale));
  }
  return { closed, worked };
}

/** Text where the weekend goes is a calendar unless it is digits only (a mask, or a code typed as text, as "1"). */
const isCalendarArgument = (weekend: unknown): weekend is string => typeof weekend === 'string' && /[^\d\s]/.test(weekend);

/** The argument's name as the function's help shows it; the core and the calendar reader name it `weekend` or `calendar`. */
const WEEKEND_OR_CALENDAR = 'weekend_or_calendar';
const CORE_NAME = /^(weekend|calendar): /;

const renamed = (error: unknown): unknown =>
  error instanceof Error && CORE_NAME.test(error.message) ? quoting(error.message.replace(CORE_NAME, `${WEEKEND_OR_CALENDAR}: `), error) : error;

function naming<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw renamed(error);
  }
}

/**
 * The weekend (or calendar) and holiday arguments prepared once for the whole column (the core checks the weekend
 * before any row, as the spreadsheets check it before the 0-day shortcut); per row only two lookups remain. With a
 * weekend mask the worked rows of a HOLIDAYS() spill are skipped: a mask has no place for a worked Saturday.
 */
function preparedDays(weekend: unknown, holidays: unknown, zone: string): PreparedWorkdays {
  readArgument(WEEKEND_OR_CALENDAR, () => rejectErrorValue(weekend));
  const prepared = naming((): PreparedWorkdays => {
    if (isCalendarArgument(weekend)) {
      const calendar = resolveCalendarWith(weekend, () => {
        const { closed, worked } = holidayDays(holidays, zone);
        return { closed: closed.map((day) => isoOfDayNumber(Math.floor(day))), worked: worked.map((day) => isoOfDayNumber(Math.floor(day))) };
      });
      return calendarWorkdays(calendar);
    }
    if (weekend !== undefined && typeof weekend !== 'string' && typeof weekend !== 'number') {
      throw new Error(`weekend: expected a 7-character mask of 0 and 1 (Monday first) or a code 1-7 or 11-17, got ${describeCell(weekend, zone)}`);
    }
    return prepareWorkdays(weekend, holidayDays(holidays, zone).closed);
  });
  // Per row without a closure: these run 100,000 times a column.
  return {
    count(start, end) {
      try {
        return prepared.count(start, end);
      } catch (error) {
        throw renamed(error);
      }
    },
    add(start, days) {
      try {
        return prepared.add(start, days);
      } catch (error) {
        throw renamed(error);
      }
    },
  };
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
  const dayOfCell = dayReader(zone);
  return spill(
    [['start_date', startDate], ['end_date', endDate]],
    ([s, e]) => {
      const start = readArgumentCell('start_date', dayOfCell, s);
      const end = readArgumentCell('end_date', dayOfCell, isBlank(e) ? 0 : e);
      return workdays.count(start, end);
    },
    { throwForSingleCell: true },
  );
}

export function ADD_BUSINESS_DAYS(startDate: unknown, days: unknown, weekend?: unknown, holidays?: unknown) {
  const zone = spreadsheetTimeZone();
  const workdays = preparedDays(weekend, holidays, zone);
  // One Date per result day, at its midnight from the zone's offsets that reading the start cells already asked for.
  const zoneDays = zoneDaysIn(zone);
  const dateOfDay = sharedDates((day) => zoneDays.midnight(day));
  const dayOfCell = dayReader(zone);
  const daysOfCell = (value: unknown) => daysOf(value, zone);
  return spill(
    [['start_date', startDate], ['days', days]],
    ([s, d]) => {
      const start = readArgumentCell('start_date', dayOfCell, s);
      const day = workdays.add(start, readArgumentCell('days', daysOfCell, d));
      // Dates in, dates out; a serial number in, a serial number out.
      return typeof s === 'number' ? day + SERIAL_OF_EPOCH : dateOfDay(day);
    },
    { throwForSingleCell: true },
  );
}
