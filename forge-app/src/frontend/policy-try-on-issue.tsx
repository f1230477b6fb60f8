import { invoke } from '@forge/bridge';
import { Button, DynamicTable, Inline, Lozenge, Stack, Text } from '@forge/react';
import { useState } from 'react';
import { formatInstant, formatMinutes } from '../i18n/messages';
import type { TryPolicyAnswer } from '../resolvers/admin-try';
import { fieldErrors } from './admin-field-errors';
import { useAdminMessages } from './admin-messages-context';
import { IssueLink } from './issue-link';
import { textField } from './policy-fields';

const STATE_APPEARANCE = { met: 'success', breached: 'removed', ongoing: 'inprogress', paused: 'moved' } as const;

/** "Try on issue": the clock the core computes for one issue under the policy as it stands in the editor. */
export function TryOnIssue({ id, request, locale, timeZone }: { id: string; request: () => Record<string, unknown>; locale: string | undefined; timeZone: string | undefined }) {
  const m = useAdminMessages();
  const [issueKey, setIssueKey] = useState('');
  const [answer, setAnswer] = useState<TryPolicyAnswer | { error: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      setAnswer((await invoke<TryPolicyAnswer>('tryPolicy', { ...request(), issueKey })) as TryPolicyAnswer);
    } catch (error) {
      setAnswer({ error: 'FAILED', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  const at = (instant: number | null) => (instant === null ? '—' : formatInstant(instant, locale, timeZone));
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="end">
        {textField(id, m.tryIssueKey, issueKey, setIssueKey)}
        <Button isDisabled={busy || issueKey.trim() === ''} onClick={() => void run()}>{m.tryOnIssue}</Button>
      </Inline>
      {answer !== null && 'error' in answer && fieldErrors([answer.message])}
      {answer !== null && 'ok' in answer && !answer.ok && fieldErrors([answer.message])}
      {answer !== null && 'ok' in answer && answer.ok && !answer.applies && <Text><IssueLink issueKey={answer.issueKey} />{m.tryNotApplies}</Text>}
      {answer !== null && 'ok' in answer && answer.ok && answer.applies && (
        <Stack space="space.100">
          <Text><IssueLink issueKey={answer.issueKey} />{m.tryResult(answer.goalLabel, at(answer.asOf), answer.cycles.length)}</Text>
          <DynamicTable
            caption={m.tryCaption(answer.issueKey)}
            head={{ cells: ['cycle', 'state', 'start', 'stop', 'due', 'elapsed', 'paused', 'remaining'].map((key) => ({ key, content: m.tryColumns[key as keyof typeof m.tryColumns] })) }}
            rows={answer.cycles.map((c, i) => ({
              key: String(i),
              cells: [
                { key: 'cycle', content: String(i + 1) },
                { key: 'state', content: <Lozenge appearance={STATE_APPEARANCE[c.state]}>{m.states[c.state]}</Lozenge> },
                { key: 'start', content: at(c.start) },
                { key: 'stop', content: at(c.stop) },
                { key: 'due', content: at(c.due) },
                { key: 'elapsed', content: formatMinutes(c.elapsedMinutes, locale) },
                { key: 'paused', content: formatMinutes(c.pausedMinutes, locale) },
                { key: 'remaining', content: c.remainingMinutes >= 0 ? m.left(formatMinutes(c.remainingMinutes, locale)) : m.overdue(formatMinutes(-c.remainingMinutes, locale)) },
              ],
            }))}
          />
        </Stack>
      )}
    </Stack>
  );
}
