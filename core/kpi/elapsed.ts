import { said } from '../i18n/error-catalogue';
import { MS_PER_DAY } from '../calendar/days';
import { KpiInputError } from './errors';
import { checkList, checkSameLength, isBlank, mean, rowNumber } from './validate';

/**
 * Time from a start to an end instant (epoch ms), in the unit the caller wants; a calendar can count working time.
 * `row` (0-based) lets a caller use a different calendar on each row.
 */
export type Elapsed = (start: number, end: number, row: number) => number;

const wallClockMs: Elapsed = (start, end) => end - start;
const calendarDays: Elapsed = (start, end) => (end - start) / MS_PER_DAY;

/**
 * Mean of elapsed(start, end) over the rows that have an end; a row with a blank end is still open and left out.
 * Every start must be a number and no end may come before its start.
 */
function meanElapsed(fn: string, startsName: string, endsName: string, starts: unknown, ends: unknown, elapsed: Elapsed): number {
  const startList = checkList(fn, startsName, starts);
  const endList = checkList(fn, endsName, ends);
  checkSameLength(fn, startsName, startList, endsName, endList);
  const durations: number[] = [];
  startList.forEach((startValue, index) => {
    const start = rowNumber(fn, startsName, startValue, index);
    if (isBlank(endList[index])) return;
    const end = rowNumber(fn, endsName, endList[index], index);
    if (end < start) throw new KpiInputError(fn, endsName, said('kpi.endBeforeStart'), index + 1);
    durations.push(elapsed(start, end, index));
  });
  if (durations.length === 0) throw new KpiInputError(fn, endsName, said('kpi.noCompletedRows'));
  return mean(durations);
}

type Ends = readonly (number | null | undefined)[];

/**
 * Cycle time = mean of (end − start) over completed items (Lean/Kanban definition); milliseconds by default.
 * @public
 */
export const cycleTime = (starts: readonly number[], ends: Ends, elapsed: Elapsed = wallClockMs): number =>
  meanElapsed('cycleTime', 'starts', 'ends', starts, ends, elapsed);

/** MTTR, mean time to restore = total restore time ÷ number of restored incidents (ITIL / DORA); ms by default. */
export const mttr = (starts: readonly number[], ends: Ends, elapsed: Elapsed = wallClockMs): number =>
  meanElapsed('MTTR', 'starts', 'ends', starts, ends, elapsed);

/**
 * Time to fill = mean days from requisition opened to offer accepted, over filled requisitions (SHRM definition);
 * calendar days by default.
 */
export const timeToFill = (opened: readonly number[], filled: Ends, elapsed: Elapsed = calendarDays): number =>
  meanElapsed('TIME_TO_FILL', 'opened', 'filled', opened, filled, elapsed);

/**
 * MTTA, mean time to acknowledge = total time from creation to first acknowledgement ÷ acknowledged items (ITIL /
 * incident-response definition); unacknowledged rows are left out; ms by default.
 */
export const mtta = (created: readonly number[], acknowledged: Ends, elapsed: Elapsed = wallClockMs): number =>
  meanElapsed('MTTA', 'created', 'acknowledged', created, acknowledged, elapsed);
