import { MS_PER_DAY } from '../../../core/calendar/days';
import type { WorkCalendar } from '../../../core/calendar/types';
import { mttr, timeToFill } from '../../../core/kpi/elapsed';
import { tatStatistic, type TatStatistic } from '../../../core/kpi/tat';
import { ComplianceTally } from '../../../core/sla/compliance';
import { SlaError } from '../../../core/sla/errors';
import { parseTarget, type SlaTarget } from '../../../core/sla/target';
import type { SlaClock, SlaCycle } from '../../../core/sla/clock';
import { resolveCalendar } from '../calendars/resolve';
import { CellError, instantOf, isBlank, textOr } from '../cells/coerce';
import { cellsOf, pairedRows, readArgument, readRow, RowError } from '../cells/grid';
import { spill } from '../cells/spill';
import { formatWallTime } from '../cells/wall-time';
import { spreadsheetTimeZone } from '../platform';
import { clockFor, rowCycle } from '../sla/row-clock';
import { remapKpiRows } from './kpi-rows';

const MINUTES_PER_HOUR = 60;
const MS_PER_HOUR = 3_600_000;

/** A target cell; the core's message without its own `target: ` prefix, which the caller adds with the row. */
function targetOf(value: unknown): SlaTarget {
  try {
    return parseTarget(value);
  } catch (error) {
    if (error instanceof SlaError) throw new CellError(error.message.slice('target: '.length));
    throw error;
  }
}

const asOfOf = (value: unknown, zone: string): number =>
  isBlank(value) ? Date.now() : readArgument('as_of', () => instantOf(value, zone));

/** An end cell: blank while open; never before its start. */
function endOf(value: unknown, start: number, zone: string): number | null {
  if (isBlank(value)) return null;
  const end = instantOf(value, zone);
  if (end < start) throw new CellError(`${formatWallTime(end, zone)} is before its start`);
  return end;
}

const cell = <T>(argument: string, read: () => T): T => readArgument(argument, read);

export function BUSINESS_HOURS(start: unknown, end: unknown, calendar?: unknown, holidays?: unknown) {
  const cal = resolveCalendar(calendar, holidays);
  const zone = cal.timeZone;
  return spill([['start', start], ['end', end]], ([s, e]) => {
    const a = cell('start', () => instantOf(s, zone));
    const b = cell('end', () => instantOf(e, zone));
    return cal.workingMinutesBetween(a, b) / MINUTES_PER_HOUR;
  });
}

/** Per-row SLA functions share this: start and target cells of the row through the core's clock. */
function slaRows(
  columns: ReadonlyArray<readonly [string, unknown]>,
  cal: WorkCalendar,
  asOf: number,
  result: (cycle: SlaCycle) => string | number | Date,
) {
  const zone = cal.timeZone;
  const hasEnd = columns[1][0] === 'end';
  return spill(columns, (cells) => {
    const start = cell('start', () => instantOf(cells[0], zone));
    const end = hasEnd ? cell('end', () => endOf(cells[1], start, zone)) : null;
    const target = cell('target', () => targetOf(cells[hasEnd ? 2 : 1]));
    return result(rowCycle(clockFor(cal, target), start, end, asOf));
  });
}

export function SLA_DUE(start: unknown, target: unknown, calendar?: unknown, holidays?: unknown) {
  const cal = resolveCalendar(calendar, holidays);
  // Judged at its own start (as_of before any start), the cycle's due time is the goal from the start.
  return slaRows([['start', start], ['target', target]], cal, -Infinity, (cycle) => new Date(cycle.due!));
}

const STATUS = { met: 'MET', breached: 'BREACHED', ongoing: 'ON TRACK', paused: 'ON TRACK' } as const;

export function SLA_STATUS(start: unknown, end: unknown, target: unknown, calendar?: unknown, holidays?: unknown, asOf?: unknown) {
  const cal = resolveCalendar(calendar, holidays);
  const at = asOfOf(asOf, cal.timeZone);
  return slaRows([['start', start], ['end', end], ['target', target]], cal, at, (cycle) => STATUS[cycle.state]);
}

export function SLA_REMAINING(start: unknown, target: unknown, calendar?: unknown, holidays?: unknown, asOf?: unknown) {
  const cal = resolveCalendar(calendar, holidays);
  const at = asOfOf(asOf, cal.timeZone);
  return slaRows([['start', start], ['target', target]], cal, at, (cycle) => cycle.remainingMinutes / MINUTES_PER_HOUR);
}

export function SLA_COMPLIANCE(starts: unknown, ends: unknown, target: unknown, calendar?: unknown, holidays?: unknown, asOf?: unknown) {
  const cal = resolveCalendar(calendar, holidays);
  const zone = cal.timeZone;
  const at = asOfOf(asOf, zone);
  const startCells = cellsOf(starts);
  const endCells = cellsOf(ends);
  if (endCells.length !== startCells.length) throw new Error(`starts has ${startCells.length} rows but ends has ${endCells.length}`);
  const targetCells = Array.isArray(target) ? cellsOf(target) : null;
  if (targetCells && targetCells.length !== startCells.length && targetCells.length !== 1) {
    throw new Error(`starts has ${startCells.length} rows but target has ${targetCells.length}`);
  }
  const single = targetCells === null || targetCells.length === 1 ? readArgument('target', () => targetOf(targetCells ? targetCells[0] : target)) : null;
  // A target column holds a few distinct values (3bd, 45bd): each is parsed and bound to a clock once.
  const clocks = new Map<unknown, SlaClock>();
  const clockOfRow = (i: number): SlaClock => {
    const cell = targetCells![i];
    let clock = clocks.get(cell);
    if (!clock) clocks.set(cell, (clock = clockFor(cal, readRow('target', i, () => targetOf(cell)))));
    return clock;
  };
  const singleClock = single && clockFor(cal, single);
  const tally = new ComplianceTally();
  for (let i = 0; i < startCells.length; i++) {
    if (isBlank(startCells[i])) {
      if (!isBlank(endCells[i])) throw new RowError('starts', i + 1, 'blank, but the row has an end');
      continue;
    }
    const start = readRow('starts', i, () => instantOf(startCells[i], zone));
    const end = readRow('ends', i, () => endOf(endCells[i], start, zone));
    tally.add(rowCycle(singleClock || clockOfRow(i), start, end, at));
  }
  const { compliance } = tally.report().total;
  if (compliance === null) throw new Error('nothing is measurable: no row is done or past due at as_of');
  return compliance;
}

const TAT_STATISTICS = ['mean', 'median', 'p90', 'max'];

export function TAT(starts: unknown, ends: unknown, calendar?: unknown, holidays?: unknown, statistic?: unknown) {
  const cal = resolveCalendar(calendar, holidays);
  const zone = cal.timeZone;
  const stat = readArgument('statistic', () => textOr(statistic, 'mean').toLowerCase());
  if (!TAT_STATISTICS.includes(stat)) throw new Error(`statistic must be mean, median, p90 or max, not ${JSON.stringify(statistic)}`);
  const { lists, rows } = pairedRows(['starts', 'ends'], [starts, ends]);
  const durations: number[] = [];
  lists[0].forEach((startCell, i) => {
    const start = readRow('starts', rows[i], () => instantOf(startCell, zone));
    const end = readRow('ends', rows[i], () => endOf(lists[1][i], start, zone));
    if (end !== null) durations.push(cal.workingMinutesBetween(start, end) / MINUTES_PER_HOUR);
  });
  if (durations.length === 0) throw new Error('ends has no completed rows');
  return tatStatistic(durations, stat as TatStatistic);
}

/** Start/end lists read into instants for the core's elapsed-time formulas, blank rows left out, row numbers kept. */
function instantLists(names: [string, string], starts: unknown, ends: unknown, zone: string) {
  const { lists, rows } = pairedRows(names, [starts, ends]);
  const startList = lists[0].map((c, i) => (isBlank(c) ? null : readRow(names[0], rows[i], () => instantOf(c, zone))));
  const endList = lists[1].map((c, i) => (isBlank(c) ? null : readRow(names[1], rows[i], () => instantOf(c, zone))));
  return { startList, endList, rows };
}

export function MTTR(starts: unknown, ends: unknown, calendar?: unknown) {
  const cal = isBlank(calendar) ? null : resolveCalendar(calendar);
  const { startList, endList, rows } = instantLists(['starts', 'ends'], starts, ends, cal?.timeZone ?? spreadsheetTimeZone());
  const hours = cal ? (a: number, b: number) => cal.workingMinutesBetween(a, b) / MINUTES_PER_HOUR : (a: number, b: number) => (b - a) / MS_PER_HOUR;
  return remapKpiRows(rows, () => mttr(startList as number[], endList, hours));
}

/** Working days of a calendar after the opened day up to and including the filled day. */
export function TIME_TO_FILL(opened: unknown, filled: unknown, calendar?: unknown) {
  const cal = isBlank(calendar) ? null : resolveCalendar(calendar);
  const { startList, endList, rows } = instantLists(['opened', 'filled'], opened, filled, cal?.timeZone ?? spreadsheetTimeZone());
  const days = cal ? (a: number, b: number) => cal.workingDaysAfter(cal.localDay(a), cal.localDay(b)) : (a: number, b: number) => (b - a) / MS_PER_DAY;
  return remapKpiRows(rows, () => timeToFill(startList as number[], endList, days));
}

