import { said } from '../../i18n/error-catalogue';
import { KpiInputError } from '../../kpi/errors';
import { checkList, checkNonNegative, checkNumber, describe, rowNumber } from '../../kpi/validate';

/** One row of a step table: from this achievement on, this rate. */
export type PayoutStep = readonly [from: number, rate: number];

/** Checks a step table: rows of two numbers, starts strictly ascending, rates not negative. */
export function checkSteps(fn: string, argument: string, steps: readonly unknown[]): PayoutStep[] {
  const rows = checkList(fn, argument, steps).map((row, index): PayoutStep => {
    if (!Array.isArray(row) || row.length !== 2) throw new KpiInputError(fn, argument, said('kpi.notTwoColumns', { value: describe(row) }), index + 1);
    const from = rowNumber(fn, argument, row[0], index);
    const rate = rowNumber(fn, argument, row[1], index);
    if (rate < 0) throw new KpiInputError(fn, argument, said('kpi.negativeRate', { value: rate }), index + 1);
    return [from, rate];
  });
  if (rows.length === 0) throw new KpiInputError(fn, argument, said('kpi.noRows'));
  rows.forEach(([from], index) => {
    if (index > 0 && from <= rows[index - 1][0]) throw new KpiInputError(fn, argument, said('kpi.notAscending', { value: from, previous: rows[index - 1][0] }), index + 1);
  });
  return rows;
}

/**
 * KPI pay (lương/thưởng KPI) = base × rate. The rate is 0 below `gate`; otherwise the achievement limited to `cap`,
 * or, with `steps`, the rate of the last row whose start the achievement reaches (0 when it reaches none). Base
 * 10,000,000 at achievement 0.95 → 9,500,000; gate 0.8 and achievement 0.75 → 0; achievement 1.5, cap 1.2 → 12,000,000.
 */
export function kpiPayout(fn: string, achievement: number, base: number, gate = 0, cap = 1.2, steps?: readonly PayoutStep[]): number {
  checkNonNegative(fn, 'achievement', achievement);
  checkNonNegative(fn, 'base', base);
  checkNonNegative(fn, 'gate', gate);
  if (checkNumber(fn, 'cap', cap) <= 0) throw new KpiInputError(fn, 'cap', said('kpi.notAbove', { bound: 0, value: cap }));
  const table = steps === undefined ? undefined : checkSteps(fn, 'steps', steps);
  if (achievement < gate) return 0;
  if (table === undefined) return base * Math.min(achievement, cap);
  let rate = 0;
  for (const [from, stepRate] of table) if (achievement >= from) rate = stepRate;
  return base * rate;
}
