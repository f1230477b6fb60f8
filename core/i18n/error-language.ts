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

/**
 * A thrown error's message in a language. A core error is rendered by its code; a door's error that quotes one (its
 * `cause`) keeps its places and ending through the door's page of the phrase catalogue around the rendered core error;
 * any other message goes through the phrase catalogue (`inLanguage`).
 */
export function errorInLanguage(error: unknown, language: Language, book: PhraseBook = SHARED_ONLY): string {
  const message = error instanceof Error ? error.message : String(error);
  if (language === 'en') return message;
  const [whole] = saidBy(error);
  if (whole !== undefined && whole.code !== 'text') return errorText(whole, language);
  for (const quoted of saidBy(error instanceof Error ? error.cause : undefined)) {
    const english = errorText(quoted, 'en');
    const at = message.lastIndexOf(english);
    const frame = at < 0 ? null : framedIn(message.slice(0, at), message.slice(at + english.length), book);
    if (frame !== null) return `${frame.before}${errorText(quoted, language)}${frame.after}`;
  }
  return inLanguage(message, language, book);
}
