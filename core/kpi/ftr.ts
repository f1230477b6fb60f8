import { said } from '../i18n/error-catalogue';
import { KpiInputError } from './errors';
import { checkList, describe, isBlank } from './validate';

/** One item's outcome: TRUE/FALSE (right first time or not), or its number of reworks (0 = right first time). */
export type FtrOutcome = boolean | number;

/**
 * First-time-right rate = items done right the first time ÷ items done (Lean / Six Sigma first-pass yield); 0..1.
 * Blank rows (null or undefined) are left out.
 */
export function ftrRate(outcomes: readonly (FtrOutcome | null | undefined)[]): number {
  let answered = 0;
  let rightFirstTime = 0;
  checkList('FTR_RATE', 'outcomes', outcomes).forEach((outcome, index) => {
    if (isBlank(outcome)) return;
    if (typeof outcome === 'number' && Number.isInteger(outcome) && outcome >= 0) {
      rightFirstTime += outcome === 0 ? 1 : 0;
    } else if (typeof outcome === 'boolean') {
      rightFirstTime += outcome ? 1 : 0;
    } else {
      throw new KpiInputError('FTR_RATE', 'outcomes', said('kpi.notOutcome', { value: describe(outcome) }), index + 1);
    }
    answered++;
  });
  if (answered === 0) throw new KpiInputError('FTR_RATE', 'outcomes', said('kpi.noAnswers'));
  return rightFirstTime / answered;
}
