import { MS_PER_HOUR } from '../../../core/calendar';
import { mtbf, uptime, ccc, dio, dpo, dso, type Balance, ftrRate, type FtrOutcome, errorRate, retentionRate, csat, inps } from '../../../core/kpi';
import { CellError, instantOf, isBlank, numberOf, numberOr, rejectErrorValue } from '../cells/coerce';
import { cellsOf, pairedRows, readArgument, readRow } from '../cells/grid';
import { spreadsheetTimeZone } from '../platform';
import { remapKpiRows } from './kpi-rows';


/**
 * The core's formulas take blanks as null; an error value is an error naming the row; everything else goes through
 * as is and the core names what is wrong.
 */
const answers = <T>(name: string, argument: unknown): (T | null)[] =>
  cellsOf(argument).map((cell, index) => (isBlank(cell) ? null : readRow(name, index, () => (rejectErrorValue(cell), cell as T))));

/** A cell or a range summed; blanks count as 0. */
function total(name: string, argument: unknown): number {
  return cellsOf(argument).reduce<number>((sum, cell, index) => (isBlank(cell) ? sum : sum + readRow(name, index, () => numberOf(cell))), 0);
}

export const FTR_RATE = (outcomes: unknown) => ftrRate(answers<FtrOutcome>('outcomes', outcomes));

/** A count cell: a number of at least 0 (a negative row would otherwise hide inside the sum). */
function countOf(cell: unknown): number {
  const n = numberOf(cell);
  if (n < 0) throw new CellError(`${n} is negative; a count is 0 or more`);
  return n;
}

/** A cell or a range of counts summed; blanks count as 0, a negative row is an error naming the row. */
function countTotal(name: string, argument: unknown): number {
  return cellsOf(argument).reduce<number>((sum, cell, index) => (isBlank(cell) ? sum : sum + readRow(name, index, () => countOf(cell))), 0);
}

export const ERROR_RATE = (errors: unknown, totalItems: unknown) =>
  errorRate(countTotal('errors', errors), countTotal('total', totalItems));

export const INPS = (scores: unknown) => inps(answers<number>('scores', scores));

export const CSAT = (scores: unknown, scaleMax?: unknown) =>
  csat(answers<number>('scores', scores), readArgument('scale_max', () => numberOr(scaleMax, 5)));

/**
 * A balance argument: one cell is the period-end balance; a range (month-end balances of a quarter) is the list the
 * core averages, blanks left out, each row named in its error. A blank single cell is a balance of 0, as before.
 */
function balances(name: string, argument: unknown): Balance {
  if (!Array.isArray(argument)) return total(name, argument);
  const values: number[] = [];
  cellsOf(argument).forEach((cell, index) => {
    if (!isBlank(cell)) values.push(readRow(name, index, () => numberOf(cell)));
  });
  return values;
}

export const DSO = (receivables: unknown, creditSales: unknown, days: unknown) =>
  dso(balances('receivables', receivables), total('credit_sales', creditSales), total('days', days));

export const DPO = (payables: unknown, costOfSales: unknown, days: unknown) =>
  dpo(balances('payables', payables), total('cost_of_sales', costOfSales), total('days', days));

export const DIO = (inventory: unknown, costOfSales: unknown, days: unknown) =>
  dio(balances('inventory', inventory), total('cost_of_sales', costOfSales), total('days', days));

/** One number each (a DSO, DIO and DPO cell, or the functions themselves). */
export const CCC = (dsoDays: unknown, dioDays: unknown, dpoDays: unknown) =>
  ccc(readArgument('dso', () => numberOf(dsoDays)), readArgument('dio', () => numberOf(dioDays)), readArgument('dpo', () => numberOf(dpoDays)));

/** Instant lists in the spreadsheet's zone with the rows blank in both left out. */
function instantPairs(names: [string, string], first: unknown, second: unknown, zone: string) {
  const { lists, rows } = pairedRows(names, [first, second]);
  const read = (name: string, list: unknown[]) =>
    list.map((cell, i) => (isBlank(cell) ? null : readRow(name, rows[i], () => instantOf(cell, zone))));
  return { firsts: read(names[0], lists[0]), seconds: read(names[1], lists[1]), rows };
}

export function UPTIME(outageStarts: unknown, outageEnds: unknown, periodStart: unknown, periodEnd: unknown) {
  const zone = spreadsheetTimeZone();
  const { firsts, seconds, rows } = instantPairs(['outage_starts', 'outage_ends'], outageStarts, outageEnds, zone);
  const from = readArgument('period_start', () => instantOf(periodStart, zone));
  const to = readArgument('period_end', () => instantOf(periodEnd, zone));
  return remapKpiRows(rows, () => uptime(firsts as number[], seconds, from, to));
}

/** Up time in the period ÷ merged outages, in hours. */
export function MTBF(outageStarts: unknown, outageEnds: unknown, periodStart: unknown, periodEnd: unknown) {
  const zone = spreadsheetTimeZone();
  const { firsts, seconds, rows } = instantPairs(['outage_starts', 'outage_ends'], outageStarts, outageEnds, zone);
  const from = readArgument('period_start', () => instantOf(periodStart, zone));
  const to = readArgument('period_end', () => instantOf(periodEnd, zone));
  return remapKpiRows(rows, () => mtbf(firsts as number[], seconds, from, to)) / MS_PER_HOUR;
}

export function RETENTION_RATE(hireDates: unknown, exitDates: unknown, months?: unknown, asOf?: unknown) {
  const zone = spreadsheetTimeZone();
  const { firsts, seconds, rows } = instantPairs(['hire_dates', 'exit_dates'], hireDates, exitDates, zone);
  const at = isBlank(asOf) ? Date.now() : readArgument('as_of', () => instantOf(asOf, zone));
  const span = readArgument('months', () => numberOr(months, 12));
  return remapKpiRows(rows, () => retentionRate(firsts as number[], seconds, at, span));
}
