import { Button, Heading, SectionMessage, Spinner, Stack, Text } from '@forge/react';
import { type ReactNode, useState } from 'react';
import type { AppConfigInput } from '../config/schema';
import type { ConfigProblem } from '../config/problem';
import type { GenerationState } from '../sync/generations';
import type { SyncHealth } from '../sync/health';
import type { SyncState } from '../sync/state';
import { CalendarsEditor } from './admin-calendars-editor';
import { useAdminDraft } from './admin-draft-state';
import { type AdminDraft, errorsElsewhere } from './admin-form';
import { fieldErrors } from './admin-field-errors';
import { HistoryPanel } from './admin-history-panel';
import { AdminJson } from './admin-json';
import { adminMessagesFor } from '../i18n/admin-messages';
import { formatCount, formatInstant } from '../i18n/messages';
import { AdminMessages } from './admin-messages-context';
import { AdminNotice } from './admin-notice';
import { PickerCache } from './admin-picker';
import { ScopeAndFieldsEditor } from './admin-scope-fields-editor';
import { AlertAuditPanel } from './admin-alert-audit-panel';
import { PoliciesEditor } from './admin-policies-editor';
import { SyncHealthPanel } from './admin-sync-health-panel';
import { CatalogueEditor } from './catalogue-editor';
import { marketMessagesFor } from '../i18n/market-messages';
import { ScorecardEditor } from './scorecard-editor';
import { useAppContext, useResolver } from './hooks';
import { LanguagePicker } from './language-picker';
import { UnlicensedMessage } from './unlicensed';

type Loaded = { input: AppConfigInput | null; errors: ConfigProblem[]; sync: SyncState; health?: SyncHealth; generations?: GenerationState; jsmMetrics?: string[] } | { error: 'FORBIDDEN'; message: string };

/**
 * The admin page: scope and field map, business calendars (calendar editor with a preview), SLA policies (policy
 * editor with pickers and "try on issue"), scorecards, JSON import/export; validated by the core's schemas on save,
 * every error shown at its field.
 */
export function AdminPage() {
  const app = useAppContext();
  const { context, t, locale } = app;
  const m = adminMessagesFor(locale);
  const loaded = useResolver<Loaded>('getConfig', context === undefined ? undefined : {});
  const [pickerCache] = useState(() => new Map());
  const stored = loaded.status === 'ready' && !('error' in loaded.data) ? loaded.data : null;
  const { draft, setDraft, errors, notice, setNotice, built, save, startFrom } = useAdminDraft(stored);

  if (context === undefined || loaded.status === 'loading') return <Spinner label={t.loading} />;
  if (loaded.status === 'unlicensed') return <UnlicensedMessage t={t} />;
  if (loaded.status === 'error') return <SectionMessage appearance="error" title={t.error}><Text>{loaded.message}</Text></SectionMessage>;
  if ('error' in loaded.data) return <SectionMessage appearance="warning"><Text>{t.forbidden}</Text></SectionMessage>;
  if (draft === null) return <Spinner label={t.loading} />;

  const update = (changes: Partial<AdminDraft>) => setDraft({ ...draft, ...changes });
  const tryContext = () => {
    return { calendars: Object.fromEntries(draft.calendars.map((c) => [c.name, c.text])), fields: built(draft).config.fields };
  };
  const shownPaths = ['sync.scopeJql', 'fields', 'scorecards', ...draft.calendars.map((c) => `calendars.${c.name}`), ...draft.policies.map((_, i) => `policies.${i}`)];
  const section = (title: string, children: ReactNode) => (
    <Stack space="space.150">
      <Heading size="medium">{title}</Heading>
      {children}
    </Stack>
  );
  const last = stored!.sync.lastRun;
  return (
    <AdminMessages.Provider value={m}>
      <PickerCache.Provider value={pickerCache}>
        <Stack space="space.300">
          <Heading size="large">{t.adminTitle}</Heading>
          <LanguagePicker app={app} site />
          {stored!.sync.lastRunAt !== null && last && <Text>{t.lastSync(formatInstant(stored!.sync.lastRunAt, locale, context.timezone), formatCount(last.issues, locale))}</Text>}
          <AdminNotice notice={notice} t={t} />
          {fieldErrors(errorsElsewhere(errors, '', shownPaths))}
          {section(m.scopeAndFields, (
            <ScopeAndFieldsEditor draft={draft} errors={errors} update={update} t={t} />
          ))}
          {section(m.calendarsTitle, <CalendarsEditor draft={draft} errors={errors} update={update} locale={locale} timeZone={context.timezone} />)}
          {section(m.policiesTitle, <PoliciesEditor draft={draft} errors={errors} update={update} locale={locale} timeZone={context.timezone} tryContext={tryContext} />)}
          <ScorecardEditor value={draft.scorecards} onChange={(scorecards) => update({ scorecards })} errors={errors} policies={draft.policies} jsmMetrics={stored?.jsmMetrics ?? []} locale={locale} />
          <Button appearance="primary" onClick={() => void save(draft).catch(() => setNotice('failed'))}>{t.save}</Button>
          <AdminJson current={() => built(draft).config} onImport={startFrom} />
          <CatalogueEditor policyIds={(stored!.input?.policies ?? []).map((p) => p.id)} m={marketMessagesFor(locale)} />
          {stored!.health && <SyncHealthPanel health={stored!.health} t={t} locale={locale} timeZone={context.timezone} />}
          <AlertAuditPanel t={t} locale={locale} timeZone={context.timezone} />
          {stored!.generations && <HistoryPanel generations={stored!.generations} t={t} locale={locale} timeZone={context.timezone} />}
        </Stack>
      </PickerCache.Provider>
    </AdminMessages.Provider>
  );
}
