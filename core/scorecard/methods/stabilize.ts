import { said } from '../../i18n/error-catalogue';
import { KpiInputError } from '../../kpi/errors';
import { checkNumber } from '../../kpi/validate';

/**
 * Closer is better (Spider Impact's "stabilize" scoring types, highest score in the middle): 1 at the target, falling
 * linearly to 0 at target ± tolerance and staying 0 beyond. Target 20, tolerance 5: 20 → 1, 22 → 0.6, 17.5 → 0.5.
 */
export function stabilizeScore(fn: string, actual: number, target: number, tolerance: number, names = { actual: 'actual', target: 'target', tolerance: 'tolerance' }): number {
  checkNumber(fn, names.actual, actual);
  checkNumber(fn, names.target, target);
  if (checkNumber(fn, names.tolerance, tolerance) <= 0) throw new KpiInputError(fn, names.tolerance, said('kpi.notAboveScale', { bound: 0, value: tolerance }));
  return Math.max(0, 1 - Math.abs(actual - target) / tolerance);
}
