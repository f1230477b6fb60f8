import { FieldError } from '../../util/field-error';

/** A gaming-signal parameter that cannot be used; `field` names it. */
export class SignalError extends FieldError {}
