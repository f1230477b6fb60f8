import { invoke } from '@forge/bridge';
import { Button, DynamicTable, Heading, Stack, Text } from '@forge/react';
import { useState } from 'react';
import { formatInstant, type Messages } from '../i18n/messages';
import type { AuditEntry } from '../storage/alerts';
import { IssueLink } from './issue-link';

/** The audit list of warnings and breach actions fired (newest first), loaded when the admin asks for it. */
export function AlertAuditPanel({ t, locale, timeZone }: { t: Messages; locale: string | undefined; timeZone: string | undefined }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const load = async () => setEntries(((await invoke<{ entries: AuditEntry[] }>('getAlertAudit', {})) as { entries: AuditEntry[] }).entries);
  const at = (instant: number) => formatInstant(instant, locale, timeZone);
  return (
    <Stack space="space.100">
      <Heading size="medium">{t.alertAudit}</Heading>
      <Button onClick={() => void load()}>{t.showAlertAudit}</Button>
      {entries !== null && entries.length === 0 && <Text>{t.noAlertsFired}</Text>}
      {entries !== null && entries.length > 0 && (
        <DynamicTable
          head={{ cells: ['firedAt', 'ticket', 'policy', 'kind', 'actions'].map((key) => ({ key, content: t.alertAuditColumns[key] })) }}
          rows={entries.map((e) => ({
            key: `${e.issueKey}-${e.policyId}-${e.start}-${e.kind}`,
            cells: [
              { key: 'firedAt', content: at(e.firedAt) },
              { key: 'ticket', content: <IssueLink issueKey={e.issueKey} /> },
              { key: 'policy', content: e.policyId },
              { key: 'kind', content: e.kind === 'warning' ? t.alertWarning(at(e.at)) : t.alertBreach(at(e.at)) },
              { key: 'actions', content: `${e.actions.join(', ') || '—'}${e.error ? ` · ${t.alertRefused(e.error)}` : ''}` },
            ],
          }))}
        />
      )}
    </Stack>
  );
}
