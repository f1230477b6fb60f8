import { said } from '../i18n/error-catalogue';
import { KpiInputError } from './errors';
import { checkList, checkNonNegativeList, checkNumber, describe, mean, rowNumber } from './validate';

export interface TatStats {
  count: number;
  mean: number;
  median: number;
  p90: number;
  max: number;
  min: number;
}

/** `mean`, `median`, `min`, `max`, `count`, or a percentile `p1` … `p99` (PERCENTILE.INC; `p50` is the median). */
export type TatStatistic = 'mean' | 'median' | 'min' | 'max' | 'count' | `p${number}`;

const NAMED_STATISTICS = ['mean', 'median', 'min', 'max', 'count'] as const;
const PERCENTILE_STATISTIC = /^p([1-9]\d?)$/;

/**
 * Percentile of ascending values by linear interpolation between closest ranks: rank = p × (n − 1) counted from 0,
 * and the result lies between the values at floor(rank) and ceil(rank) in proportion to rank's fraction. This is
 * Excel's PERCENTILE.INC and Sheets' PERCENTILE (method 7 of Hyndman & Fan).
 */
const percentileOfSorted = (sorted: ArrayLike<number>, p: number): number => {
  const rank = p * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
};

const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/**
 * The p-th percentile (0 ≤ p ≤ 1) of values, as PERCENTILE.INC: `percentile([1, 2, 3, 4], 0.9)` = 3.7.
 * @internal
 */
export function percentile(values: readonly number[], p: number): number {
  const list = checkList('percentile', 'values', values);
  if (list.length === 0) throw new KpiInputError('percentile', 'values', said('kpi.noValues'));
  const numbers = list.map((value, index) => rowNumber('percentile', 'values', value, index));
  if (checkNumber('percentile', 'p', p) < 0 || p > 1) throw new KpiInputError('percentile', 'p', said('kpi.notFraction'));
  return percentileOfSorted(ascending(numbers), p);
}

/**
 * The median and 90th percentile (as `tatStats`) of durations already in ascending order, read in place: a large
 * log's millions of durations in a typed array are neither copied nor checked again.
 */
export function tatPercentilesOfSorted(sorted: ArrayLike<number>): Pick<TatStats, 'median' | 'p90'> {
  if (sorted.length === 0) throw new KpiInputError('TAT', 'durations', said('kpi.noValues'));
  if (!(sorted[0] >= 0)) throw new KpiInputError('TAT', 'durations', said('kpi.notAscendingDurations', { first: describe(sorted[0]) }));
  return { median: percentileOfSorted(sorted, 0.5), p90: percentileOfSorted(sorted, 0.9) };
}

/** Turnaround-time statistics of durations (any unit, ≥ 0): count, mean, median, 90th percentile, max, min. */
export const tatStats = (durations: readonly number[]): TatStats => statsOfSorted(sortedDurations(durations));

const sortedDurations = (durations: readonly number[]): number[] => ascending(checkNonNegativeList('TAT', 'durations', durations));

function statsOfSorted(sorted: readonly number[]): TatStats {
  return {
    count: sorted.length,
    mean: mean(sorted),
    median: percentileOfSorted(sorted, 0.5),
    p90: percentileOfSorted(sorted, 0.9),
    max: sorted[sorted.length - 1],
    min: sorted[0],
  };
}

/** One statistic of the durations, as the `statistic` argument of the TAT Sheets function (case ignored). */
export function tatStatistic(durations: readonly number[], statistic: TatStatistic): number {
  const name = typeof statistic === 'string' ? statistic.trim().toLowerCase() : statistic;
  const percent = typeof name === 'string' ? PERCENTILE_STATISTIC.exec(name) : null;
  if (!percent && !NAMED_STATISTICS.includes(name as (typeof NAMED_STATISTICS)[number])) {
    throw new KpiInputError('TAT', 'statistic', said('kpi.unknownStatistic', { value: describe(statistic) }));
  }
  const sorted = sortedDurations(durations);
  if (percent) return percentileOfSorted(sorted, Number(percent[1]) / 100);
  return statsOfSorted(sorted)[name as (typeof NAMED_STATISTICS)[number]];
}
