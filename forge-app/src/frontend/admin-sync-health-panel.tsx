import { invoke } from '@forge/bridge';
import { Button, DynamicTable, Heading, SectionMessage, Stack, Text } from '@forge/react';
import { useState } from 'react';
import { formatCount, formatInstant, formatMinutes, type Messages } from '../i18n/messages';
import type { SyncHealth } from '../sync/health';
import { IssueLink } from './issue-link';
import { refusalText } from './unlicensed';

type RetryAnswer = { queued: number; rateLimited: boolean } | { error: 'FORBIDDEN' | 'UNLICENSED'; message: string };

/** Sync health: last run, lag, tickets processed, the tickets that keep failing with their errors, and "retry now". */
export function SyncHealthPanel({ health, t, locale, timeZone }: { health: SyncHealth; t: Messages; locale: string | undefined; timeZone: string | undefined }) {
  const [notice, setNotice] = useState<string | null>(null);
  const retry = async () => {
    const answer = (await invoke<RetryAnswer>('retryFailedNow', {})) as RetryAnswer;
    if ('error' in answer) return setNotice(refusalText(answer, t));
    setNotice(answer.rateLimited ? `${t.retryQueued(answer.queued)} ${t.retryRateLimited}` : t.retryQueued(answer.queued));
  };
  return (
    <Stack space="space.100">
      <Heading size="medium">{t.syncHealth}</Heading>
      <Text>{health.lastRunAt === null ? t.noRunYet : t.lastRun(formatInstant(health.lastRunAt, locale, timeZone))}</Text>
      {health.lagMs !== null && <Text>{t.lag(formatMinutes(health.lagMs / 60_000, locale))}</Text>}
      {health.more && <Text>{t.moreToSync}</Text>}
      <Text>{t.processed(formatCount(health.processed, locale), formatCount(health.failedAttempts, locale))}</Text>
      {health.retrying > 0 && <Text>{t.retrying(health.retrying)}</Text>}
      {health.failing.length === 0 ? (
        <Text>{t.noFailures}</Text>
      ) : (
        <DynamicTable
          caption={t.failingTickets}
          head={{ cells: [{ key: 'ticket', content: t.ticket }, { key: 'step', content: t.step }, { key: 'error', content: t.lastError }, { key: 'attempts', content: t.attempts }] }}
          rows={health.failing.map((f) => ({
            key: f.key,
            cells: [
              { key: 'ticket', content: <IssueLink issueKey={f.key} /> },
              { key: 'step', content: t.steps[f.step] ?? f.step },
              { key: 'error', content: f.error },
              { key: 'attempts', content: String(f.attempts) },
            ],
          }))}
        />
      )}
      {health.failing.length + health.retrying > 0 && <Button onClick={() => void retry().catch(() => setNotice(t.error))}>{t.retryNow}</Button>}
      {notice !== null && <SectionMessage appearance="information"><Text>{notice}</Text></SectionMessage>}
    </Stack>
  );
}
