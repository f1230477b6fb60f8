import { invoke } from '@forge/bridge';
import { Button, ErrorMessage, Heading, Label, SectionMessage, Spinner, Stack, Text, TextArea, Textfield } from '@forge/react';
import { useEffect, useState } from 'react';
import type { AppConfigInput, FieldError } from '../config/schema';
import type { SyncState } from '../sync/state';
import { type AdminField, type AdminForm, configOf, errorsByField, formOf } from './admin-form';
import { useAppContext, useResolver } from './hooks';

type Loaded = { input: AppConfigInput | null; errors: FieldError[]; sync: SyncState } | { error: 'FORBIDDEN'; message: string };
type SaveAnswer = { ok: true } | { ok: false; errors: FieldError[] } | { error: 'FORBIDDEN'; message: string };

/** The admin page: calendars, SLA policies, scorecards and sync settings, validated by the core's schemas on save. */
export function AdminPage() {
  const { context, t } = useAppContext();
  const loaded = useResolver<Loaded>('getConfig', context === undefined ? undefined : {});
  const [form, setForm] = useState<AdminForm | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<'saved' | 'fix' | 'failed' | null>(null);
  const stored = loaded.status === 'ready' && !('error' in loaded.data) ? loaded.data : null;
  useEffect(() => {
    if (stored) {
      setForm(formOf(stored.input));
      setErrors(stored.errors);
    }
  }, [stored]);

  if (context === undefined || loaded.status === 'loading') return <Spinner label={t.loading} />;
  if (loaded.status === 'error') return <SectionMessage appearance="error" title={t.error}><Text>{loaded.message}</Text></SectionMessage>;
  if ('error' in loaded.data) return <SectionMessage appearance="warning"><Text>{t.forbidden}</Text></SectionMessage>;
  if (form === null) return <Spinner label={t.loading} />;

  const byField = errorsByField(errors);
  const save = async () => {
    const built = configOf(form, stored!.input, t.invalidJson);
    const answer: SaveAnswer = 'errors' in built ? { ok: false, errors: built.errors } : ((await invoke<SaveAnswer>('saveConfig', { config: built.config })) as SaveAnswer);
    if ('error' in answer) return setNotice('fix');
    setErrors(answer.ok ? [] : answer.errors);
    setNotice(answer.ok ? 'saved' : 'fix');
  };
  const field = (name: AdminField, label: string, multiline = false) => (
    <Stack space="space.050">
      <Label labelFor={name}>{label}</Label>
      {multiline ? (
        <TextArea id={name} value={form[name]} onChange={(e: { target: { value?: string } }) => setForm({ ...form, [name]: e.target.value ?? '' })} />
      ) : (
        <Textfield id={name} value={form[name]} onChange={(e: { target: { value?: string } }) => setForm({ ...form, [name]: e.target.value ?? '' })} />
      )}
      {(byField[name] ?? []).map((message) => (
        <ErrorMessage key={message}>{message}</ErrorMessage>
      ))}
    </Stack>
  );
  const last = stored!.sync.lastRun;
  return (
    <Stack space="space.200">
      <Heading size="large">{t.adminTitle}</Heading>
      {stored!.sync.lastRunAt !== null && last && <Text>{t.lastSync(new Date(stored!.sync.lastRunAt).toISOString(), last.issues)}</Text>}
      {notice === 'saved' && <SectionMessage appearance="success"><Text>{t.saved}</Text></SectionMessage>}
      {notice === 'fix' && <SectionMessage appearance="error"><Text>{t.fixErrors}</Text></SectionMessage>}
      {notice === 'failed' && <SectionMessage appearance="error"><Text>{t.error}</Text></SectionMessage>}
      {field('scopeJql', t.scopeJql)}
      {field('requestTypeField', t.requestTypeField)}
      {field('teamField', t.teamField)}
      {field('calendars', t.calendars, true)}
      {field('policies', t.policies, true)}
      {field('scorecards', t.scorecards, true)}
      <Button appearance="primary" onClick={() => void save().catch(() => setNotice('failed'))}>{t.save}</Button>
    </Stack>
  );
}
