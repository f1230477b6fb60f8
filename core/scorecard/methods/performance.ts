import { said } from '../../i18n/error-catalogue';
import { KpiInputError } from '../../kpi/errors';
import { checkNumber } from '../../kpi/validate';
import type { Direction } from '../schema';
import { fractionOfSpan } from './span';

/**
 * Position on a min..max scale (BSC Designer's "performance"): higher is better → (actual − min) ÷ (max − min),
 * lower is better → (max − actual) ÷ (max − min), limited to 0..1. Min 0, max 200, actual 50 → 0.25.
 */
export function performanceScore(fn: string, actual: number, min: number, max: number, direction: Direction, names = { actual: 'actual', min: 'min', max: 'max' }): number {
  checkNumber(fn, names.actual, actual);
  checkNumber(fn, names.min, min);
  checkNumber(fn, names.max, max);
  if (max <= min) throw new KpiInputError(fn, names.max, said('kpi.notAboveArgumentScale', { other: names.min, value: max, otherValue: min }));
  const position = fractionOfSpan(actual, min, max);
  return Math.min(1, Math.max(0, direction === 'lower' ? 1 - position : position));
}
