import { type CoreMessage, errorText, type ErrorParams, said } from '../i18n/error-catalogue';

/**
 * A KPI or scorecard input that cannot be used. The message names the function (its Sheets name where it has one),
 * the argument and, for lists, the first bad row (1-based): `INPS: scores row 3: 11 is not a whole number from 0 to 10`.
 * `code` and `params` say what is wrong without words (core/i18n renders them in each language).
 */
export class KpiInputError extends Error {
  readonly fn: string;
  readonly argument: string;
  readonly row?: number;
  /** What is wrong in English, completing the message: `must be greater than 0`, `-1 is negative` for a row. */
  readonly detail: string;
  readonly code: string;
  readonly params: ErrorParams;
  /** The whole message (function, argument, row and detail), for rendering in another language. */
  readonly said: CoreMessage;
  constructor(fn: string, argument: string, detail: CoreMessage, row?: number) {
    const whole = said('kpi.input', { fn, argument, row, detail });
    super(errorText(whole, 'en'));
    this.name = 'KpiInputError';
    this.fn = fn;
    this.argument = argument;
    this.row = row;
    this.detail = errorText(detail, 'en');
    this.code = detail.code;
    this.params = detail.params;
    this.said = whole;
  }
}
