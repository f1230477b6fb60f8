import { FieldError } from '../util/field-error';

/** A calendar argument or specification that cannot be used. */
export class CalendarError extends FieldError {}
