/** An input that cannot be used; `field` names the offending argument or part, the message says what was expected. */
export class FieldError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}
