import { said } from '../i18n/error-catalogue';
import { KpiInputError } from '../kpi/errors';
import { checkList, checkSameLength, describe, isBlank, rowNonNegative, rowNumber } from '../kpi/validate';

/** The power of two nearest below the largest magnitude in `values` (1 when all are 0): dividing by it is exact. */
function binaryMagnitude(values: readonly number[]): number {
  // A loop, not Math.max(...values): a spread of a few hundred thousand values overflows the call stack.
  const largest = values.reduce((most, value) => Math.max(most, Math.abs(value)), 0);
  return largest > 0 ? 2 ** Math.floor(Math.log2(largest)) : 1;
}

/**
 * @internal The mean every roll-up uses, exported so its float-limit behaviour is tested directly.
 * Σ score × weight ÷ Σ weight over the given pairs; null when the weights sum to 0 (nothing to average). Scores and
 * weights are first divided by powers of two near their largest magnitude, so weights or scores near 1e308 cannot
 * overflow the sums (which would make the mean 0 or NaN); powers of two keep every ordinary result bit for bit.
 */
export function weightedMean(pairs: readonly (readonly [score: number, weight: number])[]): number | null {
  const scoreScale = binaryMagnitude(pairs.map(([score]) => score));
  const weightScale = binaryMagnitude(pairs.map(([, weight]) => weight));
  let weighted = 0;
  let totalWeight = 0;
  for (const [score, weight] of pairs) {
    weighted += (score / scoreScale) * (weight / weightScale);
    totalWeight += weight / weightScale;
  }
  return totalWeight > 0 ? (weighted / totalWeight) * scoreScale : null;
}

export const ROLL_UP_METHODS = ['weighted', 'average', 'min', 'max', 'sum'] as const;
export type RollUpMethod = (typeof ROLL_UP_METHODS)[number];
const BLANK_POLICIES = ['ignore', 'zero'] as const;
export type BlankPolicy = (typeof BLANK_POLICIES)[number];

/**
 * Combines scores with their weights by a container method (BSC Designer's weighted average, average, min, max, sum):
 * `weighted` Σ w·s ÷ Σ w (null when the weights sum to 0), `average` the plain mean, `min`, `max`, `sum` Σ w·s.
 * Null when there is nothing to combine.
 */
export function combine(method: RollUpMethod, pairs: readonly (readonly [score: number, weight: number])[]): number | null {
  if (pairs.length === 0) return null;
  const scores = pairs.map(([score]) => score);
  switch (method) {
    case 'weighted':
      return weightedMean(pairs);
    case 'average':
      return scores.reduce((total, score) => total + score, 0) / scores.length;
    case 'min':
      return Math.min(...scores);
    case 'max':
      return Math.max(...scores);
    case 'sum':
      return pairs.reduce((total, [score, weight]) => total + score * weight, 0);
  }
}

/**
 * Roll-up of scores (the SCORECARD Sheets function). `method` is `weighted` (default: blank scores left out and the
 * remaining weights renormalised, so [0.8, blank, 1] with weights [1, 2, 1] gives 0.9), `average`, `min`, `max` or
 * `sum` (Σ w·s); `blanks` `ignore` (default) leaves blank scores out, `zero` counts them as 0. A row blank in both
 * lists is ignored; every other row needs a weight of 0 or more, whatever the method.
 */
export function weightedScore(
  scores: readonly (number | null | undefined)[],
  weights: readonly (number | null | undefined)[],
  method: RollUpMethod = 'weighted',
  blanks: BlankPolicy = 'ignore',
): number {
  if (!ROLL_UP_METHODS.includes(method)) throw new KpiInputError('SCORECARD', 'method', said('kpi.notOneOf', { choices: 'weighted, average, min, max', last: 'sum', value: describe(method) }));
  if (!BLANK_POLICIES.includes(blanks)) throw new KpiInputError('SCORECARD', 'blanks', said('kpi.notOneOf', { choices: 'ignore', last: 'zero', value: describe(blanks) }));
  const scoreList = checkList('SCORECARD', 'scores', scores);
  const weightList = checkList('SCORECARD', 'weights', weights);
  checkSameLength('SCORECARD', 'scores', scoreList, 'weights', weightList);
  const pairs: [number, number][] = [];
  scoreList.forEach((score, index) => {
    if (isBlank(score) && isBlank(weightList[index])) return;
    const weight = rowNonNegative('SCORECARD', 'weights', weightList[index], index);
    if (!isBlank(score)) pairs.push([rowNumber('SCORECARD', 'scores', score, index), weight]);
    else if (blanks === 'zero') pairs.push([0, weight]);
  });
  const result = combine(method, pairs);
  if (result === null) {
    throw new KpiInputError('SCORECARD', 'scores', said(method === 'weighted' ? 'kpi.noWeightedScore' : 'kpi.noScore'));
  }
  return result;
}
