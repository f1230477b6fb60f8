import { ErrorMessage } from '@forge/react';
import { FORGE_PHRASE_BOOK, inLanguage } from '../../../core/i18n';
import { useAdminMessages } from './admin-messages-context';

/** One error as the core or the configuration check wrote it, in the admin page's language where the phrase is known. */
function FieldError({ message }: { message: string }) {
  const m = useAdminMessages();
  return <ErrorMessage>{inLanguage(message, m.language, FORGE_PHRASE_BOOK)}</ErrorMessage>;
}

/** The errors of one field, each under it in the order the check gave them. */
export const fieldErrors = (messages: readonly string[]) => messages.map((message) => <FieldError key={message} message={message} />);
