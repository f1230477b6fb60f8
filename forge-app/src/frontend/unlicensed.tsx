import { SectionMessage, Text } from '@forge/react';
import type { Messages } from '../i18n/messages';

/** What a view says of an action a resolver refused: the license or permission message in the user's language, else the resolver's own. */
export const refusalText = (answer: { error: string; message?: string }, t: Messages): string =>
  answer.error === 'UNLICENSED' ? t.unlicensed : answer.error === 'FORBIDDEN' ? t.forbidden : (answer.message ?? t.error);

/** What every view shows instead of data when the site's license is inactive (L1). */
export function UnlicensedMessage({ t }: { t: Messages }) {
  return (
    <SectionMessage appearance="warning">
      <Text>{t.unlicensed}</Text>
    </SectionMessage>
  );
}
