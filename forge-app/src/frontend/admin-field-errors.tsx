import { ErrorMessage } from '@forge/react';
import { errorInLanguage, FORGE_PHRASE_BOOK, inLanguage } from '../../../core/i18n';
import { useAdminMessages } from './admin-messages-context';

/**
 * One error as a resolver answered it (a configuration's problems come worded in the caller's app language) or as the
 * page wrote it, in the admin page's language where the phrase is known.
 */
function FieldError({ message }: { message: string }) {
  const m = useAdminMessages();
  return <ErrorMessage>{inLanguage(message, m.language, FORGE_PHRASE_BOOK)}</ErrorMessage>;
}

/** The errors of one field, each under it in the order the check gave them. */
export const fieldErrors = (messages: readonly string[]) => messages.map((message) => <FieldError key={message} message={message} />);

/** What the page's own call to the core threw (a calendar text it parses as the admin types), said by the error's code. */
function ThrownError({ error }: { error: unknown }) {
  const m = useAdminMessages();
  return <ErrorMessage>{errorInLanguage(error, m.language, FORGE_PHRASE_BOOK)}</ErrorMessage>;
}

export const thrownError = (error: unknown) => <ThrownError error={error} />;
