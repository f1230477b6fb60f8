import { KpiInputError } from './errors';
import { checkNonNegative, checkNumber, checkPositive } from './validate';

/** DSO, days sales outstanding = receivables ÷ credit sales × days in the period (standard AR definition). */
export function dso(receivables: number, creditSales: number, days: number): number {
  checkNonNegative('DSO', 'receivables', receivables);
  checkPositive('DSO', 'credit_sales', creditSales);
  checkPositive('DSO', 'days', days);
  return (receivables / creditSales) * days;
}

const checkDayNumber = (argument: string, value: number): number => {
  if (!Number.isInteger(checkNumber('daysToClose', argument, value))) {
    throw new KpiInputError('daysToClose', argument, `must be a whole day number, not ${value}`);
  }
  return value;
};

/**
 * Days to close = close date − period end date, in calendar days (the financial-close cycle time; negative when
 * closed before the period ended). Both are day numbers: whole days since 1970-01-01.
 */
export const daysToClose = (closeDay: number, periodEndDay: number): number =>
  checkDayNumber('closeDay', closeDay) - checkDayNumber('periodEndDay', periodEndDay);
