/** An SLA policy, ticket or argument that cannot be used; `field` names the offending part. */
export class SlaError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'SlaError';
    this.field = field;
  }
}
