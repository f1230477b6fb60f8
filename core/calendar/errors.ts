import { FieldError } from '../util/field-error';

/** A calendar argument or specification that cannot be used. */
export class CalendarError extends FieldError {}

/** A date or result outside the years a calendar can measure; `coverage` names those years and what sets them. */
export class CalendarYearsError extends CalendarError {
  constructor(
    field: string,
    subject: string,
    readonly coverage: string,
  ) {
    super(field, `${field}: ${subject} ${coverage}`);
  }
}
