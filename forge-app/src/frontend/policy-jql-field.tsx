import { invoke } from '@forge/bridge';
import { Button, ErrorMessage, Inline, Stack, Text } from '@forge/react';
import { useState } from 'react';
import type { JqlCheckAnswer } from '../resolvers/admin-jql';
import { useAdminMessages } from './admin-messages-context';
import { textField } from './policy-fields';

/**
 * A policy's or goal's JQL, with a button that asks Jira whether it accepts the query and shows a few issues it
 * matches; saving checks it with Jira again. Blank leaves the JQL out.
 */
export function JqlField({ id, label, value, onChange, errors }: { id: string; label: string; value: string | undefined; onChange: (jql: string | undefined) => void; errors: readonly string[] }) {
  const m = useAdminMessages();
  const [answer, setAnswer] = useState<JqlCheckAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const test = async () => {
    setBusy(true);
    try {
      setAnswer((await invoke<JqlCheckAnswer>('checkJql', { jql: value ?? '' })) as JqlCheckAnswer);
    } catch (error) {
      setAnswer({ ok: false, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack space="space.050">
      <Inline space="space.100" alignBlock="end">
        {textField(id, label, value ?? '', (jql) => {
          setAnswer(null);
          onChange(jql.trim() === '' ? undefined : jql);
        }, errors)}
        <Button isDisabled={busy || (value ?? '').trim() === ''} onClick={() => void test()}>{m.testJql}</Button>
      </Inline>
      {answer !== null && !answer.ok && <ErrorMessage>{answer.message}</ErrorMessage>}
      {answer !== null && answer.ok && <Text>{m.jqlMatches(answer.sample.join(', '), answer.more)}</Text>}
    </Stack>
  );
}
