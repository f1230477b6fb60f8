import type { CoreMessage } from '../../../core/i18n';

/**
 * One problem of a configuration (or of typed actuals) at its field: what saving answers and the admin page shows next
 * to that field. Its own module, importing only a type, so the configuration's checks and the views share it without a cycle.
 */
export interface ConfigProblem {
  /** Dotted path of the offending field, e.g. `policies.0.goals.0.calendar`; the admin page shows the message there. */
  path: string;
  /** In English, for logs and the API; the caller reads it in their app language (resolvers/access.ts). */
  message: string;
  /** The core error's message by code when the problem is one: rendered from the catalogue, never from the English. */
  said?: CoreMessage;
}

/** The problem a core error makes at a field: its English and its message by code. */
export const coreProblem = (path: string, error: Error & { readonly said: CoreMessage }): ConfigProblem => ({ path, message: error.message, said: error.said });
