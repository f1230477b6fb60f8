import { said } from '../i18n/error-catalogue';
import { KpiInputError } from './errors';
import { checkNonNegative, checkNumber, checkPositive } from './validate';

/**
 * A balance of a days-outstanding ratio: one number is the period-end balance; a list of balances (month ends of a
 * quarter, say) is averaged, the period's average balance. Summing them would count the balance once per month.
 */
export type Balance = number | readonly number[];

function balanceOf(fn: string, name: string, balance: Balance): number {
  if (typeof balance === 'number') return checkNonNegative(fn, name, balance);
  if (balance.length === 0) throw new KpiInputError(fn, name, said('kpi.noBalance'));
  let sum = 0;
  for (const value of balance) sum += checkNonNegative(fn, name, value);
  return sum / balance.length;
}

/** Days outstanding = balance ÷ flow × days in the period; `fn` and the argument names are the Sheets function's. */
function daysOutstanding(fn: string, balanceName: string, balance: Balance, flowName: string, flow: number, days: number): number {
  const average = balanceOf(fn, balanceName, balance);
  checkPositive(fn, flowName, flow);
  checkPositive(fn, 'days', days);
  return (average / flow) * days;
}

/** DSO, days sales outstanding = receivables ÷ credit sales × days in the period (standard AR definition). */
export const dso = (receivables: Balance, creditSales: number, days: number): number =>
  daysOutstanding('DSO', 'receivables', receivables, 'credit_sales', creditSales, days);

/** DPO, days payable outstanding = payables ÷ cost of sales × days in the period (standard AP definition). */
export const dpo = (payables: Balance, costOfSales: number, days: number): number =>
  daysOutstanding('DPO', 'payables', payables, 'cost_of_sales', costOfSales, days);

/** DIO, days inventory outstanding = inventory ÷ cost of sales × days in the period (standard definition). */
export const dio = (inventory: Balance, costOfSales: number, days: number): number =>
  daysOutstanding('DIO', 'inventory', inventory, 'cost_of_sales', costOfSales, days);

/**
 * Cash conversion cycle = DSO + DIO − DPO, in days (negative when suppliers are paid after customers pay). Each
 * part is a count of days, so none may be negative.
 */
export function ccc(dsoDays: number, dioDays: number, dpoDays: number): number {
  checkNonNegative('CCC', 'dso', dsoDays);
  checkNonNegative('CCC', 'dio', dioDays);
  checkNonNegative('CCC', 'dpo', dpoDays);
  return dsoDays + dioDays - dpoDays;
}

const checkDayNumber = (argument: string, value: number): number => {
  if (!Number.isInteger(checkNumber('daysToClose', argument, value))) {
    throw new KpiInputError('daysToClose', argument, said('kpi.notWholeDay', { value }));
  }
  return value;
};

/**
 * Days to close = close date − period end date, in calendar days (the financial-close cycle time; negative when
 * closed before the period ended). Both are day numbers: whole days since 1970-01-01.
 * @public
 */
export const daysToClose = (closeDay: number, periodEndDay: number): number =>
  checkDayNumber('closeDay', closeDay) - checkDayNumber('periodEndDay', periodEndDay);
