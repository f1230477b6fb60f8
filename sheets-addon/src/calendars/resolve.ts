import { compileCalendar, parseCalendarText, type WorkCalendar } from '../../../core/calendar';
import { CellError, describeCell, holidayDateOf, isBlank, quoting, rejectErrorValue } from '../cells/coerce';
import { readRow } from '../cells/grid';
import { holidayCells, rejectDateText } from '../cells/holiday-range';
import { spreadsheetLocale, spreadsheetTimeZone } from '../platform';
import { savedCalendars, savedCalendarText } from './store';

/** Compiled calendars by text, zone and extra holidays: one compile per distinct calendar in an execution. */
const compiled = new Map<string, WorkCalendar>();

/** Calendar text never looks like a bare name: it has times, `24/7`, `off` or options. */
const looksLikeName = (text: string): boolean => !/\d|\||\/|^\s*(off|closed)\s*$/i.test(text);

function calendarText(argument: unknown): string {
  if (isBlank(argument)) return '';
  rejectErrorValue(argument);
  if (typeof argument !== 'string') {
    throw new CellError(`${describeCell(argument, spreadsheetTimeZone())} is not a calendar (use text such as "Mo-Fr 08:00-17:00" or a saved name)`);
  }
  const saved = savedCalendarText(argument.trim());
  if (saved !== undefined) return saved;
  if (looksLikeName(argument)) {
    const names = savedCalendars().map((c) => c.name);
    throw new CellError(`no saved calendar is named "${argument.trim()}" (saved: ${names.join(', ') || 'none'})`);
  }
  return argument;
}

/**
 * Whole-day closures and worked days from a range argument (date cells, ISO date text, or a HOLIDAYS() spill whose
 * `worked` rows open a day), as `YYYY-MM-DD`; blanks are skipped. Text in the sheet's own date form is an error
 * asking for a date cell.
 */
function holidayDates(argument: unknown, spreadsheetZone: string): ExtraDays {
  const closed: string[] = [];
  const worked: string[] = [];
  for (const { cell, row, worked: isWorked } of holidayCells('holidays', argument)) {
    const date = readRow('holidays', row, () => {
      try {
        return holidayDateOf(cell, spreadsheetZone);
      } catch (error) {
        if (error instanceof CellError) rejectDateText(cell, spreadsheetLocale());
        throw error;
      }
    });
    (isWorked ? worked : closed).push(date);
  }
  return { closed, worked };
}

/** Days a holiday range closes and opens, as `YYYY-MM-DD`. */
export interface ExtraDays {
  readonly closed: readonly string[];
  readonly worked: readonly string[];
}

/**
 * The calendar for a function's `calendar` and `holidays` arguments: calendar text or a saved name, without `tz=`
 * in the spreadsheet's zone, with the holiday range's dates added to its own holidays (and its worked days opened).
 */
export const resolveCalendar = (calendarArgument: unknown, holidaysArgument?: unknown): WorkCalendar =>
  resolveCalendarWith(calendarArgument, () => holidayDates(holidaysArgument, spreadsheetTimeZone()));

/** The same with the extra days read by the caller (BUSINESS_DAYS reads its range as NETWORKDAYS does). */
export function resolveCalendarWith(calendarArgument: unknown, extraDays: () => ExtraDays): WorkCalendar {
  const zone = spreadsheetTimeZone();
  let text: string;
  try {
    text = calendarText(calendarArgument);
  } catch (error) {
    if (error instanceof CellError) throw quoting(`calendar: ${error.message}`, error);
    throw error;
  }
  const extra = extraDays();
  const key = `${zone}\u0000${text}\u0000${extra.closed.join(',')}\u0000${extra.worked.join(',')}`;
  let calendar = compiled.get(key);
  if (!calendar) {
    const spec = parseCalendarText(text, zone);
    // A worked day of the range takes Monday's hours (MakeUpDaySchema's default): the spill does not say which
    // weekday's hours the swapped day had.
    calendar = compileCalendar({
      ...spec,
      holidays: [...spec.holidays, ...extra.closed.map((date) => ({ date }))],
      makeUpDays: [...spec.makeUpDays, ...extra.worked.map((date) => ({ date, like: 'Mo' as const }))],
    });
    compiled.set(key, calendar);
  }
  return calendar;
}
