import { said } from '../../i18n/error-catalogue';
import { KpiInputError } from '../../kpi/errors';
import { checkNumber, describe } from '../../kpi/validate';
import { fractionOfSpan } from './span';

/**
 * Progress from a baseline to the target (BSC Designer's "progress"): (actual − baseline) ÷ (target − baseline).
 * Lower is better when the baseline is above the target, with no direction needed; a target of 0 or below is fine.
 * `clamp` (default true) limits the result to 0..1. Cost per acquisition from a baseline of 100 to a target of 50:
 * at 75 the progress is 0.5.
 */
export function progressScore(fn: string, actual: number, target: number, baseline: number, clamp = true, names = { actual: 'actual', target: 'target', baseline: 'baseline', clamp: 'clamp' }): number {
  checkNumber(fn, names.actual, actual);
  checkNumber(fn, names.target, target);
  checkNumber(fn, names.baseline, baseline);
  if (typeof clamp !== 'boolean') throw new KpiInputError(fn, names.clamp, said('kpi.notOneOf', { choices: 'TRUE', last: 'FALSE', value: describe(clamp) }));
  if (target === baseline) throw new KpiInputError(fn, names.baseline, said('kpi.sameAsArgumentSpan', { other: names.target, value: target, from: 'baseline', to: 'target' }));
  const progress = fractionOfSpan(actual, baseline, target);
  return clamp ? Math.min(1, Math.max(0, progress)) : progress;
}
