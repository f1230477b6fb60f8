import { SectionMessage, Text } from '@forge/react';
import type { Messages } from '../i18n/messages';

/** What every view shows instead of data when the site's license is inactive (issue 12, L1). */
export function UnlicensedMessage({ t }: { t: Messages }) {
  return (
    <SectionMessage appearance="warning">
      <Text>{t.unlicensed}</Text>
    </SectionMessage>
  );
}
