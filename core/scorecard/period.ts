import { MS_PER_DAY, MS_PER_MINUTE } from '../calendar/days';
import { KpiInputError } from '../kpi/errors';
import { checkList, describe, rowNumber } from '../kpi/validate';
import { periodLabel, type Period } from '../calendar/period';

export type Aggregation = 'sum' | 'mean' | 'last';

export interface PeriodBucket {
  /** `2025-03-14` (day), `2025-W11` (ISO week, Monday first), `2025-03`, `2025-Q1`, `2025`. */
  key: string;
  value: number;
  /** How many values fell in the period. */
  count: number;
}

const MAX_DATE_MS = 8.64e15;
const PERIODS: readonly Period[] = ['day', 'week', 'month', 'quarter', 'year'];
const AGGREGATIONS: readonly Aggregation[] = ['sum', 'mean', 'last'];

/**
 * Buckets timed values by calendar period and combines each bucket: `sum`, `mean`, or `last` (the value with the
 * latest `at`; on a tie the later row). Periods are UTC calendar periods unless `utcOffsetMinutes` gives the local
 * offset at an instant (+420 for Asia/Ho_Chi_Minh). Buckets come sorted by key; empty periods are not listed.
 */
export function aggregatePeriod(
  values: readonly { at: number; value: number }[],
  period: Period,
  how: Aggregation,
  utcOffsetMinutes: (at: number) => number = () => 0,
): PeriodBucket[] {
  const fn = 'aggregatePeriod';
  if (!PERIODS.includes(period)) throw new KpiInputError(fn, 'period', `must be day, week, month, quarter or year, not ${describe(period)}`);
  if (!AGGREGATIONS.includes(how)) throw new KpiInputError(fn, 'how', `must be sum, mean or last, not ${describe(how)}`);
  const buckets = new Map<string, { total: number; count: number; lastAt: number; last: number }>();
  checkList(fn, 'values', values).forEach((row, index) => {
    const { at, value } = (row ?? {}) as { at?: unknown; value?: unknown };
    const instant = rowNumber(fn, 'values.at', at, index);
    // Date's range (±8.64e15 ms, ±273,790 years): beyond it a period label has no year to show.
    if (Math.abs(instant) > MAX_DATE_MS) throw new KpiInputError(fn, 'values.at', `${instant} is outside the dates a period can hold`, index + 1);
    const amount = rowNumber(fn, 'values.value', value, index);
    const key = periodLabel(Math.floor((instant + utcOffsetMinutes(instant) * MS_PER_MINUTE) / MS_PER_DAY), period);
    const bucket = buckets.get(key);
    if (!bucket) buckets.set(key, { total: amount, count: 1, lastAt: instant, last: amount });
    else {
      bucket.total += amount;
      bucket.count++;
      if (instant >= bucket.lastAt) Object.assign(bucket, { lastAt: instant, last: amount });
    }
  });
  return [...buckets]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, { total, count, last }]) => ({
      key,
      value: how === 'sum' ? total : how === 'mean' ? total / count : last,
      count,
    }));
}
