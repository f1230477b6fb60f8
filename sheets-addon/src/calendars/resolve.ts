import { compileCalendar, parseCalendarText, type WorkCalendar } from '../../../core/calendar';
import { CellError, describeCell, holidayDateOf, isBlank, rejectErrorValue } from '../cells/coerce';
import { cellsOf, readRow } from '../cells/grid';
import { spreadsheetTimeZone } from '../platform';
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

/** Whole-day closures from a range argument (date cells, ISO date text), as `YYYY-MM-DD`; blanks are skipped. */
function holidayDates(argument: unknown, spreadsheetZone: string): string[] {
  const dates: string[] = [];
  cellsOf(argument).forEach((cell, index) => {
    if (isBlank(cell)) return;
    dates.push(
      readRow('holidays', index, () => holidayDateOf(cell, spreadsheetZone)),
    );
  });
  return dates;
}

/**
 * The calendar for a function's `calendar` and `holidays` arguments: calendar text or a saved name, without `tz=`
 * in the spreadsheet's zone, with the holiday range's dates added to its own holidays.
 */
export function resolveCalendar(calendarArgument: unknown, holidaysArgument?: unknown): WorkCalendar {
  const zone = spreadsheetTimeZone();
  let text: string;
  try {
    text = calendarText(calendarArgument);
  } catch (error) {
    if (error instanceof CellError) throw new Error(`calendar: ${error.message}`);
    throw error;
  }
  const extra = holidayDates(holidaysArgument, zone);
  const key = `${zone}\u0000${text}\u0000${extra.join(',')}`;
  let calendar = compiled.get(key);
  if (!calendar) {
    const spec = parseCalendarText(text, zone);
    calendar = compileCalendar({ ...spec, holidays: [...spec.holidays, ...extra.map((date) => ({ date }))] });
    compiled.set(key, calendar);
  }
  return calendar;
}
