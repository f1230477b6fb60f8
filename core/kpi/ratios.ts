import { said } from '../i18n/error-catalogue';
import { KpiInputError } from './errors';
import { checkNonNegative, checkPositive } from './validate';

/** part ÷ whole for a count of items out of a total: 0 ≤ part ≤ whole, whole > 0. */
function share(fn: string, partName: string, part: number, wholeName: string, whole: number): number {
  checkNonNegative(fn, partName, part);
  checkPositive(fn, wholeName, whole);
  if (part > whole) throw new KpiInputError(fn, partName, said('kpi.partAboveWhole', { part, whole, wholeName }));
  return part / whole;
}

/** Error rate = items with errors ÷ items processed (standard quality definition); 0..1. */
export const errorRate = (errors: number, total: number): number => share('ERROR_RATE', 'errors', errors, 'total', total);

/** Reopen rate = tickets reopened ÷ tickets resolved (ITSM definition); 0..1. */
export const reopenRate = (reopened: number, resolved: number): number =>
  share('reopenRate', 'reopened', reopened, 'resolved', resolved);

/**
 * Payroll accuracy = 1 − payslips with errors ÷ payslips issued (APQC / CIPP definition); 0..1.
 * @public
 */
export const payrollAccuracy = (payslipsWithErrors: number, payslips: number): number =>
  1 - share('payrollAccuracy', 'payslipsWithErrors', payslipsWithErrors, 'payslips', payslips);
