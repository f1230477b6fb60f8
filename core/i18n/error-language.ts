import { type CoreMessage, errorText } from './error-catalogue';
import type { Language } from './language';
import { framedIn, inLanguage, type PhraseBook, SHARED_ONLY } from './messages-vi';

/** What a core error says by code: the whole message, and the detail alone (a door may quote only that). */
function saidBy(error: unknown): CoreMessage[] {
  if (typeof error !== 'object' || error === null) return [];
  const { said, code, params } = error as { said?: CoreMessage; code?: unknown; params?: CoreMessage['params'] };
  if (said === undefined || typeof code !== 'string' || params === undefined) return [];
  return said.code === code ? [said] : [said, { code, params }];
}

const causeOf = (error: unknown): unknown => (error instanceof Error ? error.cause : undefined);

/** A schema issue of the door's own files (an SLA policy, a service catalogue) is worded by the door's page. */
const doorIssues = (language: Language, book: PhraseBook) => (message: CoreMessage): string | undefined => {
  if (message.code !== 'schema.issue') return undefined;
  const issue = message.params.issue as string;
  const worded = inLanguage(issue, language, book);
  return worded === issue ? undefined : worded;
};

/**
 * A core error's message kept apart from its error (a problem answered at a field), in a language: by its code, or
 * its English through the door's page of the phrase catalogue when it has none (a door's own text).
 */
export const saidInLanguage = (said: CoreMessage | undefined, english: string, language: Language, book: PhraseBook): string =>
  language === 'en' ? english : said !== undefined && said.code !== 'text' ? errorText(said, language, doorIssues(language, book)) : inLanguage(english, language, book);

/**
 * A thrown error's message in a language. A core error is rendered by its code; a door's error that quotes one (its
 * `cause`, or its cause's) keeps its places and ending through the door's page of the phrase catalogue around the rendered core error;
 * any other message goes through the phrase catalogue (`inLanguage`).
 */
export function errorInLanguage(error: unknown, language: Language, book: PhraseBook = SHARED_ONLY): string {
  const message = error instanceof Error ? error.message : String(error);
  if (language === 'en') return message;
  const instead = doorIssues(language, book);
  const [whole] = saidBy(error);
  if (whole !== undefined && whole.code !== 'text') return errorText(whole, language, instead);
  for (let cause = causeOf(error); cause !== undefined; cause = causeOf(cause)) {
    for (const quoted of saidBy(cause)) {
      const english = errorText(quoted, 'en');
      const at = message.lastIndexOf(english);
      const frame = at < 0 ? null : framedIn(message.slice(0, at), message.slice(at + english.length), book);
      if (frame !== null) return `${frame.before}${errorText(quoted, language, instead)}${frame.after}`;
    }
  }
  return inLanguage(message, language, book);
}
