import type { CoreMessage } from '../../../core/i18n';

/** Refusals that quote a core error, with the error's message by code: read once, when the answer is rendered. */
const quoted = new WeakMap<object, CoreMessage>();

/**
 * A refusal whose message is a core error's: the resolver wrapper (access.ts) renders it by the error's code in the
 * caller's language, not by the phrase catalogue. The answer itself is unchanged: codes never cross to the views.
 */
export function quotingCoreError<T extends { message: string }>(answer: T, error: { readonly said: CoreMessage }): T {
  quoted.set(answer, error.said);
  return answer;
}

/** The core message a refusal quotes, if it quotes one. */
export const coreMessageOf = (answer: object): CoreMessage | undefined => quoted.get(answer);
