import type { Language } from './language';

/** A value said inside a message: a name, a number, or another message (a calendar's error inside its set's). */
type ErrorParam = string | number | CoreMessage | undefined;
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

/** What a core error says without words: its code and the values the catalogue's templates put in. */
export interface CoreMessage {
  readonly code: string;
  readonly params: ErrorParams;
}

/** A template: the message in one language from its values; `say` renders a nested message in the same language. */
export type Template<P> = (params: P, say: (message: CoreMessage) => string) => string;

/** A code's English and Vietnamese side by side: a code without its Vietnamese is a type error, not an English fallback. */
export interface Entry<P> {
  readonly en: Template<P>;
  readonly vi: Template<P>;
}

/** The two templates of a code; the values' names and types come from the English one. */
export const entry = <P extends ErrorParams = Record<string, never>>(en: Template<P>, vi: Template<P>): Entry<P> => ({ en, vi });

/** A decimal written the English way, as Vietnamese writes it (`0.95` → `0,95`). */
export const decimalComma = (value: string | number): string => String(value).replace('.', ',');

/** A door's own wording of a message (a schema issue its page knows), or undefined for the catalogue's. */
export type Instead = (message: CoreMessage) => string | undefined;

/** A message in a language, by its code in a catalogue. */
export function textOf(catalogue: Readonly<Record<string, Entry<never>>>, message: CoreMessage, language: Language, instead: Instead = () => undefined): string {
  const say = (nested: CoreMessage): string => textOf(catalogue, nested, language, instead);
  return instead(message) ?? (catalogue[message.code][language] as Template<ErrorParams>)(message.params, say);
}
