import { MS_PER_DAY, MS_PER_HOUR, CalendarError, CalendarYearsError, type WorkCalendar } from '../../../core/calendar';
import { type CoreMessage, said } from '../../../core/i18n';
import { KpiInputError, mtta, mttr, timeToFill, type Elapsed, tatStatistic, type TatStatistic } from '../../../core/kpi';
import { type SlaClock, type SlaCycle, runningCompliance, SlaError, formatTarget, parseTarget, type SlaTarget } from '../../../core/sla';
import { CellError, instantOf, isBlank, quoting, rejectErrorValue, textOr } from '../cells/coerce';
import { byDistinctCell, cellsOf, pairedRows, perRow, readArgument, readArgumentCell, readRow, RowError, rowError } from '../cells/grid';
import { sharedDates } from '../cells/shared-dates';
import { spill } from '../cells/spill';
import { formatWallTime } from '../cells/wall-time';
import { spreadsheetTimeZone } from '../platform';
import { clockFor, rowCycle } from '../sla/row-clock';
import { calendarOfIndex, calendarOfRow, optionalCalendarOfIndex } from './calendar-cells';
import { remapKpiRows } from './kpi-rows';

const MINUTES_PER_HOUR = 60;
/** An instant past the calendars' last year (2300), which a date can still show in any zone. */
const AFTER_EVERY_CALENDAR_YEAR = Date.UTC(9999, 0, 1);
/** Beyond this many ms from 1970 a Date cannot show the instant; the number is shown instead. */
const LARGEST_DATE_MS = 8.64e15;

/** A target cell; the core's message without its own `target: ` prefix, which the caller adds with the row. */
function targetOf(value: unknown): SlaTarget {
  rejectErrorValue(value);
  try {
    return parseTarget(value);
  } catch (error) {
    if (error instanceof SlaError) throw new CellError(error.message.slice('target: '.length), error);
    throw error;
  }
}

/** A date-time cell read in the calendar's zone. */
const instantOn = (value: unknown, cal: WorkCalendar): number => instantOf(value, cal.timeZone);

/** Where an instant lies outside the years the calendar covers: the calendar's error, if any, for that instant. */
function yearsError(cal: WorkCalendar, t: number): CalendarError | null {
  try {
    cal.localDay(t);
    return null;
  } catch (error) {
    if (!(error instanceof CalendarError)) throw error;
    return error;
  }
}

/** Why an instant is outside the years the calendar's tables cover, shown in its zone; null when it is inside. */
function outsideYears(cal: WorkCalendar, t: number): CoreMessage | null {
  if (!Number.isFinite(t)) return null;
  const error = yearsError(cal, t);
  if (!error) return null;
  const shown = Math.abs(t) < LARGEST_DATE_MS ? formatWallTime(t, cal.timeZone) : String(t);
  return error instanceof CalendarYearsError ? said('calendar.dateOutsideYears', { date: shown, coverage: error.covered }) : said('text', { text: `${shown} ${error.message}` });
}

/**
 * The years a calendar answers for, as the calendar itself words them: the calendars' 1900-2300, or its holiday
 * tables' years with the option that asks for them (`the years 2000-2060 that the public-holiday tables cover
 * (holidays=VN)`), which the calendar has learnt once a question went past them.
 */
function yearsCovered(cal: WorkCalendar): CoreMessage | null {
  const error = yearsError(cal, AFTER_EVERY_CALENDAR_YEAR);
  return error instanceof CalendarYearsError ? error.covered : null;
}

/** Instants a computation reads, by the argument they come from. */
type Instants = ReadonlyArray<readonly [argument: string, t: number | null]>;

/**
 * Runs a core calendar computation. The core checks its instants itself and names them `instant`, a word the user
 * never typed: only when it fails are the instants checked again here, to name the argument (and the row, 0-based,
 * of a list argument) at fault, so the rows that succeed pay nothing.
 */
function naming<T>(cal: WorkCalendar, instants: Instants, row: number | undefined, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw namedError(cal, instants, row, error);
  }
}

/** A message on an argument, or on its row (0-based) of a list argument. */
const placed = (argument: string, row: number | undefined, detail: CoreMessage): CoreMessage =>
  row === undefined ? said('at', { place: argument, detail }) : said('atRow', { place: argument, row: row + 1, detail });

/** The error to show for a failed computation: the first instant outside the calendar's years, named; else the error itself. */
function namedError(cal: WorkCalendar, instants: Instants, row: number | undefined, error: unknown): unknown {
  if (!(error instanceof CalendarError || error instanceof SlaError)) return error;
  for (const [argument, t] of instants) {
    const problem = t === null ? null : outsideYears(cal, t);
    if (problem) return new CalendarError(argument, placed(argument, row === undefined || argument === 'as_of' ? undefined : row, problem));
  }
  return error;
}

/** The argument names of a cycle's start and end: `start`/`end` for one row, `starts`/`ends` for a column. */
type CycleNames = readonly [start: string, end: string];
const ONE_ROW: CycleNames = ['start', 'end'];
const COLUMNS: CycleNames = ['starts', 'ends'];

/**
 * The row's SLA cycle. A start, end or as_of outside the calendars' years is named as such; otherwise a goal due past
 * them is an error on `target` that shows the start in the calendar's zone and the years the calendar covers. Nothing
 * is allocated for the error path unless the row fails: this runs once per row of a 100,000-row column.
 */
function cycleOf(cal: WorkCalendar, target: SlaTarget, names: CycleNames, row: number | undefined, start: number, end: number | null, asOf: number) {
  try {
    return rowCycle(clockFor(cal, target), start, end, asOf);
  } catch (error) {
    throw rowFailure(cal, target, names, row, [start, end, asOf], error);
  }
}

/** The due time of a row's goal from its start, as its cycle would report it at the start (SLA_DUE), named as cycleOf names failures. */
function dueOf(cal: WorkCalendar, target: SlaTarget, start: number): number {
  try {
    return clockFor(cal, target).dueFrom(start)!; // the row's policy applies to every row
  } catch (error) {
    throw rowFailure(cal, target, ONE_ROW, undefined, [start, null, start], error);
  }
}

/** What a row's failed SLA computation throws: the instant at fault named, or a goal due past the calendar's years. */
function rowFailure(
  cal: WorkCalendar,
  target: SlaTarget,
  names: CycleNames,
  row: number | undefined,
  [start, end, asOf]: readonly [number, number | null, number],
  error: unknown,
): unknown {
  const instants: Instants = [[names[0], start], [names[1], end], ['as_of', asOf]];
  const outside = (error instanceof SlaError || error instanceof CalendarError) && /(is due|lies) outside /.test(error.message);
  const years = outside ? yearsCovered(cal) : null;
  if (!years || instants.some(([, t]) => t !== null && outsideYears(cal, t) !== null)) return namedError(cal, instants, row, error);
  const due = said('sla.dueOutsideYears', { target: formatTarget(target), start: formatWallTime(start, cal.timeZone), ticket: undefined, coverage: years });
  return new SlaError('target', placed('target', row, due));
}

/** `as_of` read in each calendar's zone (a calendar per row may have its own), once per calendar; blank means now. */
function asOfReader(value: unknown): (cal: WorkCalendar) => number {
  if (isBlank(value)) {
    const now = Date.now();
    return () => now;
  }
  const byCalendar = new Map<WorkCalendar, number>();
  return (cal) => {
    let at = byCalendar.get(cal);
    if (at === undefined) byCalendar.set(cal, (at = readArgument('as_of', () => instantOn(value, cal))));
    return at;
  };
}

/** An end cell: blank while open; never before its start. */
function endOn(value: unknown, start: number, cal: WorkCalendar): number | null {
  if (isBlank(value)) return null;
  const end = instantOn(value, cal);
  if (end < start) throw new CellError(`${formatWallTime(end, cal.timeZone)} is before its start`);
  return end;
}

const cell = <T>(argument: string, read: () => T): T => readArgument(argument, read);

export function BUSINESS_HOURS(start: unknown, end: unknown, calendar?: unknown, holidays?: unknown) {
  const { calendarOf } = calendarOfRow(calendar, holidays);
  return spill([['start', start], ['end', end], ['calendar', calendar]], ([s, e, c]) => {
    const cal = cell('calendar', () => calendarOf(c));
    const a = cell('start', () => instantOn(s, cal));
    const b = cell('end', () => instantOn(e, cal));
    return naming(cal, [['start', a], ['end', b]], undefined, () => cal.workingMinutesBetween(a, b) / MINUTES_PER_HOUR);
  });
}

/** An SLA's calendar needs working hours, or no goal falls due. */
const SLA_CALENDAR = { workingHours: true } as const;

/** A row's instant cell read in its calendar's zone, a failure naming the argument: no closure per row. */
function instantCell(argument: string, value: unknown, cal: WorkCalendar): number {
  try {
    return instantOn(value, cal);
  } catch (error) {
    throw error instanceof CellError ? quoting(`${argument}: ${error.message}`, error) : error;
  }
}

/** A row's end cell (blank while open), a failure naming the argument. */
function endCell(value: unknown, start: number, cal: WorkCalendar): number | null {
  try {
    return endOn(value, start, cal);
  } catch (error) {
    throw error instanceof CellError ? quoting(`end: ${error.message}`, error) : error;
  }
}

/** A row's value from its calendar, target, start, end (null when open or when the function has none) and as_of. */
type SlaRowValue = (cal: WorkCalendar, target: SlaTarget, start: number, end: number | null, asOf: number) => string | number | Date;

/**
 * Per-row SLA functions share this: the row's start, end (when the function has one), target and calendar cells.
 * Per row: the cells read by plain functions (no closure, no array), the calendar and target found among the distinct
 * cells already read, then `value`.
 */
function slaRows(columns: ReadonlyArray<readonly [string, unknown]>, calendar: unknown, holidays: unknown, asOf: (cal: WorkCalendar) => number, value: SlaRowValue) {
  const { calendarOf, single } = calendarOfRow(calendar, holidays, SLA_CALENDAR);
  // With one calendar for every row, a bad as_of fails the call, as any other whole-call argument does.
  if (single) asOf(single);
  const hasEnd = columns[1][0] === 'end';
  const targetColumn = hasEnd ? 2 : 1;
  const calendarColumn = targetColumn + 1;
  // A column of targets holds a few distinct cells: each is parsed once per call, not once per row.
  const targetOfCell = byDistinctCell(targetOf);
  return spill([...columns, ['calendar', calendar]], (cells) => {
    const cal = single ?? readArgumentCell('calendar', calendarOf, cells[calendarColumn]);
    const start = instantCell('start', cells[0], cal);
    const end = hasEnd ? endCell(cells[1], start, cal) : null;
    const target = readArgumentCell('target', targetOfCell, cells[targetColumn]);
    return value(cal, target, start, end, asOf(cal));
  });
}

/** The row's cycle as `result` shows it. */
const cycleValue =
  (result: (cycle: SlaCycle) => string | number): SlaRowValue =>
  (cal, target, start, end, at) =>
    result(cycleOf(cal, target, ONE_ROW, undefined, start, end, at));

const NEVER = () => -Infinity;

export function SLA_DUE(start: unknown, target: unknown, calendar?: unknown, holidays?: unknown) {
  // Judged at its own start, the cycle's due time is the goal from the start: the clock places it without a ticket.
  const dateAt = sharedDates();
  return slaRows([['start', start], ['target', target]], calendar, holidays, NEVER, (cal, goal, from) => dateAt(dueOf(cal, goal, from)));
}

const STATUS = { met: 'MET', breached: 'BREACHED', ongoing: 'ON TRACK', paused: 'ON TRACK' } as const;

export function SLA_STATUS(start: unknown, end: unknown, target: unknown, calendar?: unknown, holidays?: unknown, asOf?: unknown) {
  return slaRows([['start', start], ['end', end], ['target', target]], calendar, holidays, asOfReader(asOf), cycleValue((cycle) => STATUS[cycle.state]));
}

export function SLA_REMAINING(start: unknown, target: unknown, calendar?: unknown, holidays?: unknown, asOf?: unknown) {
  return slaRows([['start', start], ['target', target]], calendar, holidays, asOfReader(asOf), cycleValue((cycle) => cycle.remainingMinutes / MINUTES_PER_HOUR));
}

/**
 * Per row only the cells are read, into columns (a target and a calendar once per distinct cell), then one core loop
 * counts the rows (runningCompliance): a first call, which every execution is, warms up one loop instead of a clock's
 * helpers per row.
 * A row that cannot be read stops the reading: the rows before it are still counted first, so the error shown is the
 * first row's in sheet order, as when each row was read and measured in turn.
 */
export function SLA_COMPLIANCE(starts: unknown, ends: unknown, target: unknown, calendar?: unknown, holidays?: unknown, asOf?: unknown) {
  const startCells = cellsOf(starts);
  const endCells = cellsOf(ends);
  if (endCells.length !== startCells.length) throw new Error(`starts has ${startCells.length} rows but ends has ${endCells.length}`);
  const height = startCells.length;
  const targetOfRow = perRow('target', target, 'starts', height, targetOf);
  const calendarOf = calendarOfIndex(calendar, holidays, 'starts', height, SLA_CALENDAR);
  const asOfIn = asOfReader(asOf);
  const startColumn = new Float64Array(height);
  const endColumn = new Float64Array(height);
  const clockOfRow = new Int32Array(height);
  const rowOf = new Int32Array(height); // the sheet's row (0-based) of each counted row: blank rows are left out
  // The clocks the rows use (clockFor keeps one per calendar and target), each with its calendar, target and as-of.
  const calendars: WorkCalendar[] = [];
  const targets: SlaTarget[] = [];
  const clocks: SlaClock[] = [];
  const asOfs: number[] = [];
  const clockIndex = new Map<SlaClock, number>();
  let lastCalendar: WorkCalendar | null = null;
  let lastTarget: SlaTarget | null = null;
  let lastClock = -1;
  let count = 0;
  let unread: { error: unknown } | null = null; // why the reading stopped
  for (let i = 0; i < height; i++) {
    const startCell = startCells[i];
    const endCell = endCells[i];
    if (isBlank(startCell)) {
      if (isBlank(endCell)) continue;
      unread = { error: new RowError('starts', i + 1, 'blank, but the row has an end') };
      break;
    }
    try {
      const cal = calendarOf(i);
      let start: number;
      let end: number | null;
      try {
        start = instantOn(startCell, cal);
      } catch (error) {
        throw rowError('starts', i, error);
      }
      try {
        end = endOn(endCell, start, cal);
      } catch (error) {
        throw rowError('ends', i, error);
      }
      const goal = targetOfRow(i);
      // Rows of one column mostly repeat the previous row's calendar and target: no look-up for them.
      if (cal !== lastCalendar || goal !== lastTarget) {
        lastCalendar = cal;
        lastTarget = goal;
        const clock = clockFor(cal, goal);
        const known = clockIndex.get(clock);
        if (known !== undefined) lastClock = known;
        else {
          clockIndex.set(clock, (lastClock = clocks.push(clock) - 1));
          calendars.push(cal);
          targets.push(goal);
          asOfs.push(asOfIn(cal));
        }
      }
      startColumn[count] = start;
      endColumn[count] = end ?? Infinity;
      clockOfRow[count] = lastClock;
      rowOf[count++] = i;
    } catch (error) {
      unread = { error };
      break;
    }
  }
  const rows = { starts: startColumn.subarray(0, count), ends: endColumn.subarray(0, count), clockOfRow: clockOfRow.subarray(0, count), clocks, asOf: asOfs };
  const { compliance } = runningCompliance(rows, (r) => {
    const k = clockOfRow[r];
    return cycleOf(calendars[k], targets[k], COLUMNS, rowOf[r], startColumn[r], endColumn[r] === Infinity ? null : endColumn[r], asOfs[k]);
  });
  if (unread !== null) throw unread.error;
  if (compliance === null) throw new Error('nothing is measurable: no row is done or past due at as_of');
  return compliance;
}

export function TAT(starts: unknown, ends: unknown, calendar?: unknown, holidays?: unknown, statistic?: unknown) {
  const stat = readArgument('statistic', () => textOr(statistic, 'mean')) as TatStatistic;
  const { lists, rows } = pairedRows(['starts', 'ends'], [starts, ends]);
  const calendarOf = calendarOfIndex(calendar, holidays, 'starts', cellsOf(starts).length);
  const durations: number[] = [];
  lists[0].forEach((startCell, i) => {
    const cal = calendarOf(rows[i]);
    const start = readRow('starts', rows[i], () => instantOn(startCell, cal));
    const end = readRow('ends', rows[i], () => endOn(lists[1][i], start, cal));
    if (end !== null) durations.push(naming(cal, [['starts', start], ['ends', end]], rows[i], () => cal.workingMinutesBetween(start, end) / MINUTES_PER_HOUR));
  });
  if (durations.length === 0) throw new KpiInputError('TAT', 'ends', said('kpi.noCompletedRows'));
  return tatStatistic(durations, stat);
}

/**
 * Start/end lists for the core's elapsed-time formulas (MTTA, MTTR, TIME_TO_FILL): blank rows left out, row numbers
 * kept, each row read in its calendar's zone (the spreadsheet's without one), and the elapsed time of each row on
 * its own calendar, or `plain` (wall-clock) where it has none.
 */
function elapsedRows(
  names: [string, string],
  starts: unknown,
  ends: unknown,
  calendar: unknown,
  onCalendar: (cal: WorkCalendar, start: number, end: number) => number,
  plain: Elapsed,
) {
  const { lists, rows } = pairedRows(names, [starts, ends]);
  const calendarOf = optionalCalendarOfIndex(calendar, names[0], cellsOf(starts).length);
  const zone = spreadsheetTimeZone();
  const read = (name: string, list: unknown[]) =>
    list.map((c, i) => {
      if (isBlank(c)) return null;
      const cal = calendarOf(rows[i]);
      return readRow(name, rows[i], () => (cal ? instantOn(c, cal) : instantOf(c, zone)));
    });
  const elapsed: Elapsed = (a, b, i) => {
    const cal = calendarOf(rows[i]);
    return cal ? naming(cal, [[names[0], a], [names[1], b]], rows[i], () => onCalendar(cal, a, b)) : plain(a, b, i);
  };
  return { startList: read(names[0], lists[0]), endList: read(names[1], lists[1]), rows, elapsed };
}

/** Hours between two instants: working hours on the row's calendar, or wall-clock hours without one. */
function hoursRows(names: [string, string], fn: typeof mttr, starts: unknown, ends: unknown, calendar: unknown) {
  const wallHours: Elapsed = (a, b) => (b - a) / MS_PER_HOUR;
  const rowsOf = elapsedRows(names, starts, ends, calendar, (cal, a, b) => cal.workingMinutesBetween(a, b) / MINUTES_PER_HOUR, wallHours);
  return remapKpiRows(rowsOf.rows, () => fn(rowsOf.startList as number[], rowsOf.endList, rowsOf.elapsed));
}

export const MTTA = (created: unknown, acknowledged: unknown, calendar?: unknown) => hoursRows(['created', 'acknowledged'], mtta, created, acknowledged, calendar);

export const MTTR = (starts: unknown, ends: unknown, calendar?: unknown) => hoursRows(['starts', 'ends'], mttr, starts, ends, calendar);

/** Working days of a calendar after the opened day up to and including the filled day; calendar days without one. */
export function TIME_TO_FILL(opened: unknown, filled: unknown, calendar?: unknown) {
  const calendarDays: Elapsed = (a, b) => (b - a) / MS_PER_DAY;
  const workingDays = (cal: WorkCalendar, a: number, b: number) => cal.workingDaysAfter(cal.localDay(a), cal.localDay(b));
  const rowsOf = elapsedRows(['opened', 'filled'], opened, filled, calendar, workingDays, calendarDays);
  return remapKpiRows(rowsOf.rows, () => timeToFill(rowsOf.startList as number[], rowsOf.endList, rowsOf.elapsed));
}
