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

export type TatStatistic = 'mean' | 'median' | 'p90' | 'max';

const TAT_STATISTICS: readonly TatStatistic[] = ['mean', 'median', 'p90', 'max'];

/**
 * Percentile of ascending values by linear interpolation between closest ranks: rank = p × (n − 1) counted from 0,
 * and the result lies between the values at floor(rank) and ceil(rank) in proportion to rank's fraction. This is
 * Excel's PERCENTILE.INC and Sheets' PERCENTILE (method 7 of Hyndman & Fan).
 */
const percentileOfSorted = (sorted: readonly number[], p: number): number => {
  const rank = p * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
};

const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** The p-th percentile (0 ≤ p ≤ 1) of values, as PERCENTILE.INC: `percentile([1, 2, 3, 4], 0.9)` = 3.7. */
export function percentile(values: readonly number[], p: number): number {
  const list = checkList('percentile', 'values', values);
  if (list.length === 0) throw new KpiInputError('percentile', 'values', 'has no values');
  const numbers = list.map((value, index) => rowNumber('percentile', 'values', value, index));
  if (checkNumber('percentile', 'p', p) < 0 || p > 1) throw new KpiInputError('percentile', 'p', 'must be from 0 to 1');
  return percentileOfSorted(ascending(numbers), p);
}

/** Turnaround-time statistics of durations (any unit, ≥ 0): count, mean, median, 90th percentile, max, min. */
export function tatStats(durations: readonly number[]): TatStats {
  const sorted = ascending(checkNonNegativeList('TAT', 'durations', durations));
  return {
    count: sorted.length,
    mean: mean(sorted),
    median: percentileOfSorted(sorted, 0.5),
    p90: percentileOfSorted(sorted, 0.9),
    max: sorted[sorted.length - 1],
    min: sorted[0],
  };
}

/** One statistic of the durations, as the `statistic` argument of the TAT Sheets function. */
export function tatStatistic(durations: readonly number[], statistic: TatStatistic): number {
  if (!TAT_STATISTICS.includes(statistic)) {
    throw new KpiInputError('TAT', 'statistic', `must be mean, median, p90 or max, not ${describe(statistic)}`);
  }
  return tatStats(durations)[statistic];
}
