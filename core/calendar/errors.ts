import { type CoreMessage, errorText } from '../i18n/error-catalogue';
import { FieldError } from '../util/field-error';

/** A calendar argument or specification that cannot be used. */
export class CalendarError extends FieldError {}

/** A date or result outside the years a calendar can measure; `covered` names those years and what sets them. */
export class CalendarYearsError extends CalendarError {
  /** The years in English (`the years 1900-2300 that calendars cover`). */
  readonly coverage: string;
  constructor(
    field: string,
    subject: (coverage: CoreMessage) => CoreMessage,
    readonly covered: CoreMessage,
  ) {
    super(field, { code: 'at', params: { place: field, detail: subject(covered) } });
    this.coverage = errorText(covered, 'en');
  }
}
