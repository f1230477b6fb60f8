import { said } from '../i18n/error-catalogue';
import { MS_PER_DAY } from '../calendar/days';
import { KpiInputError } from './errors';
import { checkList, checkNumber, checkSameLength, isBlank, rowNumber } from './validate';

/**
 * The instant `months` calendar months after `instant`, in UTC, keeping the time of day; a day past the end of the
 * target month is clamped to its last day (31 Jan + 1 month = 28 or 29 Feb).
 * @internal
 */
export function addMonthsUtc(instant: number, months: number): number {
  const date = new Date(instant);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const timeOfDay = ((instant % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) + timeOfDay;
}

/**
 * New-hire retention (a quality-of-hire measure) = hires still employed `months` after their hire date ÷ hires made
 * at least `months` before `asOf` (SHRM definition); 0..1. A blank exit date means still employed; an exit on or
 * after the anniversary counts as retained. Instants are epoch milliseconds.
 */
export function retentionRate(
  hireDates: readonly number[],
  exitDates: readonly (number | null | undefined)[],
  asOf: number,
  months = 12,
): number {
  const fn = 'RETENTION_RATE';
  const hires = checkList(fn, 'hire_dates', hireDates);
  const exits = checkList(fn, 'exit_dates', exitDates);
  checkSameLength(fn, 'hire_dates', hires, 'exit_dates', exits);
  checkNumber(fn, 'as_of', asOf);
  if (!Number.isInteger(checkNumber(fn, 'months', months)) || months < 1) {
    throw new KpiInputError(fn, 'months', said('kpi.notWholeAtLeast', { min: 1 }));
  }
  let eligible = 0;
  let retained = 0;
  hires.forEach((hireValue, index) => {
    const hire = rowNumber(fn, 'hire_dates', hireValue, index);
    const exit = isBlank(exits[index]) ? null : rowNumber(fn, 'exit_dates', exits[index], index);
    if (exit !== null && exit < hire) throw new KpiInputError(fn, 'exit_dates', said('kpi.exitBeforeHire'), index + 1);
    const anniversary = addMonthsUtc(hire, months);
    if (anniversary > asOf) return;
    eligible++;
    if (exit === null || exit >= anniversary) retained++;
  });
  if (eligible === 0) throw new KpiInputError(fn, 'hire_dates', said('kpi.noHireBefore', { months, asOf: 'as_of' }));
  return retained / eligible;
}
