import { ErrorMessage } from '@forge/react';
import { errorInLanguage, FORGE_PHRASE_BOOK } from '../../../core/i18n';
import { useAdminMessages } from './admin-messages-context';

/**
 * The errors of one field, each under it in the order the check gave them, shown as sent: a resolver answers them
 * already worded in the caller's app language (resolvers/access.ts), or the page wrote them in its own.
 */
export const fieldErrors = (messages: readonly string[]) => messages.map((message) => <ErrorMessage key={message}>{message}</ErrorMessage>);

/** What the page's own call to the core threw (a calendar text it parses as the admin types), said by the error's code. */
function ThrownError({ error }: { error: unknown }) {
  const m = useAdminMessages();
  return <ErrorMessage>{errorInLanguage(error, m.language, FORGE_PHRASE_BOOK)}</ErrorMessage>;
}

export const thrownError = (error: unknown) => <ThrownError error={error} />;
