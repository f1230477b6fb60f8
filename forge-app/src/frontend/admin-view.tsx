import { invoke } from '@forge/bridge';
import { Button, DynamicTable, ErrorMessage, Heading, Label, ProgressBar, SectionMessage, Spinner, Stack, Text, TextArea, Textfield } from '@forge/react';
import { useEffect, useState } from 'react';
import type { AppConfigInput, FieldError } from '../config/schema';
import type { GenerationState } from '../sync/generations';
import type { SyncHealth } from '../sync/health';
import type { SyncState } from '../sync/state';
import { formatCount, formatInstant, formatMinutes, type Messages } from '../i18n/messages';
import { type AdminField, type AdminForm, configOf, errorsByField, formOf } from './admin-form';
import { useAppContext, useResolver } from './hooks';

type Loaded = { input: AppConfigInput | null; errors: FieldError[]; sync: SyncState; health?: SyncHealth; generations?: GenerationState } | { error: 'FORBIDDEN'; message: string };
type RecomputeAnswer = { ok: true; recompute: GenerationState['building'] } | { error: string; message: string };

/** History recompute: progress of the one running, the last one finished, and a button to start one. */
export function HistoryPanel({ generations, t, locale, timeZone }: { generations: GenerationState; t: Messages; locale: string | undefined; timeZone: string | undefined }) {
  const [notice, setNotice] = useState<string | null>(null);
  const start = async () => {
    const answer = (await invoke<RecomputeAnswer>('startRecompute', {})) as RecomputeAnswer;
    if ('error' in answer) return setNotice(answer.error === 'FORBIDDEN' ? t.forbidden : answer.message);
    setNotice(answer.recompute ? t.recomputeStarted : t.nothingToRecompute);
  };
  const building = generations.building;
  return (
    <Stack space="space.100">
      <Heading size="medium">{t.history}</Heading>
      {building && <Text>{t.recomputing(formatCount(building.done, locale), formatCount(building.expected, locale), formatInstant(building.startedAt, locale, timeZone))}</Text>}
      {building && <ProgressBar value={building.expected > 0 ? Math.min(1, building.done / building.expected) : 0} ariaLabel={t.history} />}
      {generations.lastCompleted && <Text>{t.lastRecompute(formatInstant(generations.lastCompleted.completedAt, locale, timeZone), formatCount(generations.lastCompleted.tickets, locale))}</Text>}
      <Button onClick={() => void start().catch(() => setNotice(t.error))}>{t.recomputeHistory}</Button>
      {notice !== null && <SectionMessage appearance="information"><Text>{notice}</Text></SectionMessage>}
    </Stack>
  );
}
type RetryAnswer = { queued: number; rateLimited: boolean } | { error: 'FORBIDDEN'; message: string };

/** Sync health: last run, lag, tickets processed, the tickets that keep failing with their errors, and "retry now". */
export function SyncHealthPanel({ health, t, locale, timeZone }: { health: SyncHealth; t: Messages; locale: string | undefined; timeZone: string | undefined }) {
  const [notice, setNotice] = useState<string | null>(null);
  const retry = async () => {
    const answer = (await invoke<RetryAnswer>('retryFailedNow', {})) as RetryAnswer;
    if ('error' in answer) return setNotice(t.forbidden);
    setNotice(answer.rateLimited ? `${t.retryQueued(answer.queued)} ${t.retryRateLimited}` : t.retryQueued(answer.queued));
  };
  return (
    <Stack space="space.100">
      <Heading size="medium">{t.syncHealth}</Heading>
      <Text>{health.lastRunAt === null ? t.noRunYet : t.lastRun(formatInstant(health.lastRunAt, locale, timeZone))}</Text>
      {health.lagMs !== null && <Text>{t.lag(formatMinutes(health.lagMs / 60_000))}</Text>}
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
              { key: 'ticket', content: f.key },
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
type SaveAnswer = { ok: true; recompute?: unknown } | { ok: false; errors: FieldError[] } | { error: 'FORBIDDEN'; message: string };

/** The admin page: calendars, SLA policies, scorecards and sync settings, validated by the core's schemas on save. */
export function AdminPage() {
  const { context, t, locale } = useAppContext();
  const loaded = useResolver<Loaded>('getConfig', context === undefined ? undefined : {});
  const [form, setForm] = useState<AdminForm | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<'saved' | 'savedRecomputing' | 'fix' | 'failed' | null>(null);
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
    setNotice(answer.ok ? (answer.recompute ? 'savedRecomputing' : 'saved') : 'fix');
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
      {notice === 'savedRecomputing' && <SectionMessage appearance="success"><Text>{t.savedRecomputing}</Text></SectionMessage>}
      {notice === 'fix' && <SectionMessage appearance="error"><Text>{t.fixErrors}</Text></SectionMessage>}
      {notice === 'failed' && <SectionMessage appearance="error"><Text>{t.error}</Text></SectionMessage>}
      {field('scopeJql', t.scopeJql)}
      {field('requestTypeField', t.requestTypeField)}
      {field('teamField', t.teamField)}
      {field('calendars', t.calendars, true)}
      {field('policies', t.policies, true)}
      {field('scorecards', t.scorecards, true)}
      <Button appearance="primary" onClick={() => void save().catch(() => setNotice('failed'))}>{t.save}</Button>
      {stored!.health && <SyncHealthPanel health={stored!.health} t={t} locale={locale} timeZone={context.timezone} />}
      {stored!.generations && <HistoryPanel generations={stored!.generations} t={t} locale={locale} timeZone={context.timezone} />}
    </Stack>
  );
}
