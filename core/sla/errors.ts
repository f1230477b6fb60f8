import { FieldError } from '../util/field-error';

/** An SLA policy, ticket or argument that cannot be used. */
export class SlaError extends FieldError {}
