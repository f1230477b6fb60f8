import { said } from '../i18n/error-catalogue';
import { type Interval, mergeIntervals } from '../util/intervals';
import { KpiInputError } from './errors';
import { checkList, checkNumber, checkSameLength, isBlank, rowNumber } from './validate';

/**
 * Outages clipped to [periodStart, periodEnd) and merged where they overlap or touch, in time order. A blank end
 * means the outage is still going on: it runs to the end of the period.
 */
function mergedOutages(
  fn: string,
  outageStarts: readonly number[],
  outageEnds: readonly (number | null | undefined)[],
  periodStart: number,
  periodEnd: number,
): Interval[] {
  const starts = checkList(fn, 'outage_starts', outageStarts);
  const ends = checkList(fn, 'outage_ends', outageEnds);
  checkSameLength(fn, 'outage_starts', starts, 'outage_ends', ends);
  checkNumber(fn, 'period_start', periodStart);
  if (checkNumber(fn, 'period_end', periodEnd) <= periodStart) {
    throw new KpiInputError(fn, 'period_end', said('kpi.notAfter', { other: 'period_start' }));
  }
  const clipped: Interval[] = [];
  starts.forEach((startValue, index) => {
    const start = rowNumber(fn, 'outage_starts', startValue, index);
    // An open outage that starts after the period is outside it, like a closed one: it runs to no end we can clip.
    const end = isBlank(ends[index]) ? Math.max(start, periodEnd) : rowNumber(fn, 'outage_ends', ends[index], index);
    if (end < start) throw new KpiInputError(fn, 'outage_ends', said('kpi.endBeforeStart'), index + 1);
    const from = Math.max(start, periodStart);
    const to = Math.min(end, periodEnd);
    if (from < to) clipped.push([from, to]);
  });
  return mergeIntervals(clipped);
}

const downtime = (outages: readonly Interval[]): number => outages.reduce((total, [start, end]) => total + end - start, 0);

/**
 * Uptime (availability) = 1 − downtime ÷ period (ITIL availability = agreed service time − downtime ÷ agreed service
 * time), where downtime is the outages merged where they overlap and clipped to the period; 0..1.
 */
export function uptime(
  outageStarts: readonly number[],
  outageEnds: readonly (number | null | undefined)[],
  periodStart: number,
  periodEnd: number,
): number {
  const outages = mergedOutages('UPTIME', outageStarts, outageEnds, periodStart, periodEnd);
  return 1 - downtime(outages) / (periodEnd - periodStart);
}

/**
 * MTBF, mean time between failures = operating time ÷ number of failures = (period − downtime) ÷ failures (ITIL),
 * in the unit of the instants (ms). Failures are the merged outages inside the period: overlapping reports of one
 * outage count once.
 */
export function mtbf(
  outageStarts: readonly number[],
  outageEnds: readonly (number | null | undefined)[],
  periodStart: number,
  periodEnd: number,
): number {
  const outages = mergedOutages('MTBF', outageStarts, outageEnds, periodStart, periodEnd);
  if (outages.length === 0) throw new KpiInputError('MTBF', 'outage_starts', said('kpi.noOutage'));
  return (periodEnd - periodStart - downtime(outages)) / outages.length;
}
