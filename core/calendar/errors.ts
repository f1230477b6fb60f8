/** A calendar argument or specification that cannot be used; `field` names the offending argument or part. */
export class CalendarError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'CalendarError';
    this.field = field;
  }
}
