import { said } from '../../i18n/error-catalogue';
import { KpiInputError } from '../../kpi/errors';
import { checkList, checkNumber, rowNumber } from '../../kpi/validate';
import type { Direction } from '../schema';
import { fractionOfSpan } from './span';

/** Checks that `bands` is a list of at least two strictly ascending numbers (b0 < b1 < … < bn). */
function checkBands(fn: string, argument: string, bands: readonly unknown[]): number[] {
  const list = checkList(fn, argument, bands).map((value, index) => rowNumber(fn, argument, value, index));
  if (list.length < 2) throw new KpiInputError(fn, argument, said('kpi.tooFewBoundaries', { count: list.length }));
  list.forEach((value, index) => {
    if (index > 0 && value <= list[index - 1]) {
      throw new KpiInputError(fn, argument, said('kpi.notAscending', { value, previous: list[index - 1] }), index + 1);
    }
  });
  return list;
}

/**
 * Banded scoring (Microsoft PerformancePoint / Scorecard Manager banding by actual value): boundaries b0 < … < bn cut
 * n bands that each carry 1/n of the score, linear inside a band, so a value in band i scores
 * (i + (actual − b_i) ÷ (b_i+1 − b_i)) ÷ n, limited to 0..1; lower is better gives 1 minus that.
 * Bands [0, 50, 80, 100]: 65 is halfway through band 1 → (1 + 0.5) ÷ 3 = 0.5.
 */
export function bandScore(fn: string, actual: number, bands: readonly number[], direction: Direction, names = { actual: 'actual', bands: 'bands' }): number {
  checkNumber(fn, names.actual, actual);
  const b = checkBands(fn, names.bands, bands);
  const n = b.length - 1;
  let score: number;
  if (actual <= b[0]) score = 0;
  else if (actual >= b[n]) score = 1;
  else {
    let i = 0;
    while (actual >= b[i + 1]) i++;
    score = (i + fractionOfSpan(actual, b[i], b[i + 1])) / n;
  }
  return direction === 'lower' ? 1 - score : score;
}
