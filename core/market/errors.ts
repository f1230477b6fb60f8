import { FieldError } from '../util/field-error';

/** A catalogue, amount or argument of the internal market that cannot be used; `field` names the part. */
export class MarketError extends FieldError {}
