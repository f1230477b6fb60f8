import { KpiInputError } from '../kpi/errors';
import { checkList, checkSameLength, isBlank, rowNonNegative, rowNumber } from '../kpi/validate';

/** Σ score × weight ÷ Σ weight over the given pairs; null when the weights sum to 0 (nothing to average). */
export function weightedMean(pairs: readonly (readonly [score: number, weight: number])[]): number | null {
  let weighted = 0;
  let totalWeight = 0;
  for (const [score, weight] of pairs) {
    weighted += score * weight;
    totalWeight += weight;
  }
  return totalWeight > 0 ? weighted / totalWeight : null;
}

/**
 * Weighted mean of scores (the SCORECARD Sheets function): blank scores are left out and the remaining weights
 * renormalised, so [0.8, blank, 1] with weights [1, 2, 1] gives 0.9. A row blank in both lists is ignored.
 */
export function weightedScore(scores: readonly (number | null | undefined)[], weights: readonly (number | null | undefined)[]): number {
  const scoreList = checkList('SCORECARD', 'scores', scores);
  const weightList = checkList('SCORECARD', 'weights', weights);
  checkSameLength('SCORECARD', 'scores', scoreList, 'weights', weightList);
  const pairs: [number, number][] = [];
  scoreList.forEach((score, index) => {
    if (isBlank(score) && isBlank(weightList[index])) return;
    const weight = rowNonNegative('SCORECARD', 'weights', weightList[index], index);
    if (!isBlank(score)) pairs.push([rowNumber('SCORECARD', 'scores', score, index), weight]);
  });
  const result = weightedMean(pairs);
  if (result === null) throw new KpiInputError('SCORECARD', 'scores', 'has no score with a weight greater than 0');
  return result;
}
