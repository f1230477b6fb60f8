import { type CoreMessage, errorText, type ErrorParams, said } from '../i18n/error-catalogue';

/** The message a frame (a place, a policy, a ticket) holds, down to what is wrong. */
const innermost = (message: CoreMessage): CoreMessage => {
  const detail = message.params.detail;
  return typeof detail === 'object' ? innermost(detail) : message;
};

/**
 * An input that cannot be used; `field` names the offending argument or part, the message says what was expected.
 * `code` and `params` say what is wrong without words; `said` is the whole message (places included), which core/i18n
 * renders in each language. The English `.message` is made from the same template. A door's own error of the same
 * kind (the Jira app's check of a service's JQL) may give English text instead: it has no code, and the door's phrase
 * catalogue renders it.
 */
export class FieldError extends Error {
  readonly field: string;
  /** Not enumerable: two errors that say the same words are equal, however each was made. */
  declare readonly said: CoreMessage;
  constructor(field: string, message: CoreMessage | string) {
    const whole = typeof message === 'string' ? said('text', { text: message }) : message;
    super(errorText(whole, 'en'));
    this.name = new.target.name;
    this.field = field;
    Object.defineProperty(this, 'said', { value: whole });
  }

  get code(): string {
    return innermost(this.said).code;
  }

  get params(): ErrorParams {
    return innermost(this.said).params;
  }
}
