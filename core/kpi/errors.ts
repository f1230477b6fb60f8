/**
 * A KPI or scorecard input that cannot be used. The message names the function (its Sheets name where it has one),
 * the argument and, for lists, the first bad row (1-based): `INPS: scores row 3: 11 is not a whole number from 0 to 10`.
 */
export class KpiInputError extends Error {
  readonly fn: string;
  readonly argument: string;
  readonly row?: number;
  /** What is wrong, completing the message: `must be greater than 0` for an argument, `-1 is negative` for a row. */
  readonly detail: string;
  constructor(fn: string, argument: string, detail: string, row?: number) {
    super(row === undefined ? `${fn}: ${argument} ${detail}` : `${fn}: ${argument} row ${row}: ${detail}`);
    this.name = 'KpiInputError';
    this.fn = fn;
    this.argument = argument;
    this.row = row;
    this.detail = detail;
  }
}
