import { invoke } from '@forge/bridge';
import { Button, Heading, Inline, Label, SectionMessage, Stack, Text, TextArea } from '@forge/react';
import { useState } from 'react';
import type { AppConfigInput } from '../config/schema';
import type { ConfigProblem } from '../config/problem';
import { fieldErrors } from './admin-field-errors';
import { useAdminMessages } from './admin-messages-context';

type CheckAnswer = { ok: true } | { ok: false; errors: ConfigProblem[] } | { error: string; message: string };

/**
 * Bulk changes as JSON: export writes the configuration being edited; import checks a pasted one with the same
 * checkConfig as saving (each error with its path) and, when it passes, loads it into the forms for review before Save.
 */
export function AdminJson({ current, onImport }: { current: () => AppConfigInput | null; onImport: (input: AppConfigInput) => void }) {
  const m = useAdminMessages();
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ imported: true } | { errors: ConfigProblem[] } | null>(null);
  const importJson = async () => {
    let config: unknown;
    try {
      config = JSON.parse(text);
    } catch (error) {
      return setResult({ errors: [{ path: '', message: `${m.invalidJson}: ${error instanceof Error ? error.message : String(error)}` }] });
    }
    const answer = (await invoke<CheckAnswer>('checkConfig', { config })) as CheckAnswer;
    if ('error' in answer) return setResult({ errors: [{ path: '', message: answer.message }] });
    if (!answer.ok) return setResult({ errors: answer.errors });
    // Saving brings an export of an older format up to the current one, as it does for the stored configuration.
    onImport(config as AppConfigInput);
    setResult({ imported: true });
  };
  const exported = () => {
    const config = current();
    setResult(null);
    setText(config === null ? '' : JSON.stringify(config, null, 2));
  };
  return (
    <Stack space="space.100">
      <Heading size="medium">{m.jsonTitle}</Heading>
      <Text>{m.jsonHint}</Text>
      <Label labelFor="admin-json">{m.jsonLabel}</Label>
      <TextArea id="admin-json" value={text} onChange={(e: { target: { value?: string } }) => setText(e.target.value ?? '')} />
      <Inline space="space.100">
        <Button onClick={exported}>{m.exportJson}</Button>
        <Button isDisabled={text.trim() === ''} onClick={() => void importJson().catch((error: unknown) => setResult({ errors: [{ path: '', message: error instanceof Error ? error.message : String(error) }] }))}>{m.importJson}</Button>
      </Inline>
      {result !== null && 'imported' in result && <SectionMessage appearance="information"><Text>{m.imported}</Text></SectionMessage>}
      {result !== null && 'errors' in result && fieldErrors(result.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)))}
    </Stack>
  );
}
