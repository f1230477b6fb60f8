import { SectionMessage, Text } from '@forge/react';
import type { Messages } from '../i18n/messages';
import { UnlicensedMessage } from './unlicensed';

/** What the last save (or import) came to; null before any. */
export type AdminNoticeKind = 'saved' | 'savedRecomputing' | 'fix' | 'failed' | 'unlicensed' | null;

/** The admin page's message about the last save. */
export function AdminNotice({ notice, t }: { notice: AdminNoticeKind; t: Messages }) {
  return (
    <>
      {notice === 'saved' && <SectionMessage appearance="success"><Text>{t.saved}</Text></SectionMessage>}
      {notice === 'savedRecomputing' && <SectionMessage appearance="success"><Text>{t.savedRecomputing}</Text></SectionMessage>}
      {notice === 'fix' && <SectionMessage appearance="error"><Text>{t.fixErrors}</Text></SectionMessage>}
      {notice === 'failed' && <SectionMessage appearance="error"><Text>{t.error}</Text></SectionMessage>}
      {notice === 'unlicensed' && <UnlicensedMessage t={t} />}
    </>
  );
}
