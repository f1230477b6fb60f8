import { CalendarError, type WorkCalendar } from '../../../core/calendar';
import { said } from '../../../core/i18n';
import { resolveCalendar } from '../calendars/resolve';
import { CellError, isBlank } from '../cells/coerce';
import { byDistinctCell, cellsOf, perRow, readArgument, RowError } from '../cells/grid';

/**
 * The `calendar` argument: one cell for every row, or a column with one calendar per row (text, a saved name, blank
 * for the function's default). Each distinct cell is compiled once per call, with the function's holiday range.
 */

const CALENDAR_PREFIX = 'calendar: ';

/**
 * What a function needs of its calendar: SLA functions need working hours (a goal on a calendar without any never
 * falls due); counting functions take any calendar (a closed one counts 0).
 */
export interface CalendarNeeds {
  workingHours?: boolean;
}

/** A calendar cell with the holiday range, as the function needs it; its failures name no argument (the caller does). */
function calendarOfCell(holidays: unknown, needs: CalendarNeeds = {}): (cell: unknown) => WorkCalendar {
  return (cell) => {
    const calendar = resolvedCell(cell, holidays);
    if (needs.workingHours && !calendar.hasWorkingHours) {
      const none = new CalendarError('calendar', said('calendar.noWorkingHours'));
      throw new CellError(none.message, none);
    }
    return calendar;
  };
}

/** A calendar cell with the holiday range; its failures become the cell's. */
function resolvedCell(cell: unknown, holidays: unknown): WorkCalendar {
  try {
    return resolveCalendar(cell, holidays);
  } catch (error) {
    if (error instanceof RowError) throw error; // the holiday range's own row, already named
    const message = (error as Error).message;
    if (message.startsWith(CALENDAR_PREFIX)) throw new CellError(message.slice(CALENDAR_PREFIX.length), error);
    if (error instanceof CalendarError) throw new CellError(message, error);
    throw error;
  }
}

/**
 * For per-row functions (spill): the calendar of a row's cell, and `single`, the calendar of every row when the
 * argument is one cell. A single calendar is compiled now, so a bad one fails the call instead of every row.
 */
export function calendarOfRow(
  calendar: unknown,
  holidays: unknown,
  needs: CalendarNeeds = {},
): { calendarOf: (cell: unknown) => WorkCalendar; single?: WorkCalendar } {
  const calendarOf = byDistinctCell(calendarOfCell(holidays, needs));
  const cells = cellsOf(calendar);
  return cells.length === 1 ? { calendarOf, single: readArgument('calendar', () => calendarOf(cells[0])) } : { calendarOf };
}

/** For aggregates: the calendar of row i (0-based, in the user's rows) of a list named `rowsName`. */
export const calendarOfIndex = (
  calendar: unknown,
  holidays: unknown,
  rowsName: string,
  height: number,
  needs: CalendarNeeds = {},
): ((row: number) => WorkCalendar) => perRow('calendar', calendar, rowsName, height, calendarOfCell(holidays, needs));

/** The same where a blank calendar means none (wall-clock time: MTTA, MTTR, TIME_TO_FILL): null for a blank cell. */
export function optionalCalendarOfIndex(calendar: unknown, rowsName: string, height: number): (row: number) => WorkCalendar | null {
  const read = calendarOfCell(undefined);
  return perRow('calendar', calendar, rowsName, height, (cell) => (isBlank(cell) ? null : read(cell)));
}
