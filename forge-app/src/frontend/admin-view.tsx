import { invoke } from '@forge/bridge';
import { Button, Heading, SectionMessage, Spinner, Stack, Text } from '@forge/react';
import { type ReactNode, useEffect, useState } from 'react';
import type { AppConfigInput } from '../config/schema';
import type { ConfigProblem } from '../config/problem';
import type { GenerationState } from '../sync/generations';
import type { SyncHealth } from '../sync/health';
import type { SyncState } from '../sync/state';
import { type AdminDraft, configOf, draftOf, errorsAt, errorsElsewhere } from './admin-form';
import { fieldErrors } from './admin-field-errors';
import { HistoryPanel } from './admin-history-panel';
import { AdminJson } from './admin-json';
import { adminMessagesFor } from '../i18n/admin-messages';
import { AdminMessages } from './admin-messages-context';
import { PickerCache } from './admin-picker';
import { ScopeAndFieldsEditor } from './admin-scope-fields-editor';
import { SyncHealthPanel } from './admin-sync-health-panel';
import { CalendarEditor } from './calendar-editor';
import { CatalogueEditor } from './catalogue-editor';
import { marketMessagesFor } from '../i18n/market-messages';
import { PolicyEditor } from './policy-editor';
import { ScorecardEditor } from './scorecard-editor';
import { useAppContext, useResolver } from './hooks';
import { UnlicensedMessage } from './unlicensed';

type Loaded = { input: AppConfigInput | null; errors: ConfigProblem[]; sync: SyncState; health?: SyncHealth; generations?: GenerationState; jsmMetrics?: string[] } | { error: 'FORBIDDEN'; message: string };
type SaveAnswer = { ok: true; recompute?: unknown } | { ok: false; errors: ConfigProblem[] } | { error: 'FORBIDDEN' | 'UNLICENSED'; message: string };

/** A name not yet in `taken`: `base-1`, `base-2` … */
const freshName = (base: string, taken: readonly string[]) => {
  let n = taken.length + 1;
  while (taken.includes(`${base}-${n}`)) n++;
  return `${base}-${n}`;
};

/**
 * The admin page: scope and field map, business calendars (calendar editor with a preview), SLA policies (policy
 * editor with pickers and "try on issue"), scorecards, JSON import/export; validated by the core's schemas on save,
 * every error shown at its field.
 */
export function AdminPage() {
  const { context, t, locale } = useAppContext();
  const m = adminMessagesFor(locale);
  const loaded = useResolver<Loaded>('getConfig', context === undefined ? undefined : {});
  const [draft, setDraft] = useState<AdminDraft | null>(null);
  /** The configuration the draft started from (stored, or imported): settings the page does not show ride along. */
  const [base, setBase] = useState<AppConfigInput | null>(null);
  const [errors, setErrors] = useState<ConfigProblem[]>([]);
  const [notice, setNotice] = useState<'saved' | 'savedRecomputing' | 'fix' | 'failed' | 'unlicensed' | null>(null);
  const [pickerCache] = useState(() => new Map());
  const stored = loaded.status === 'ready' && !('error' in loaded.data) ? loaded.data : null;
  useEffect(() => {
    if (stored) {
      setDraft(draftOf(stored.input));
      setBase(stored.input);
      setErrors(stored.errors);
    }
  }, [stored]);

  if (context === undefined || loaded.status === 'loading') return <Spinner label={t.loading} />;
  if (loaded.status === 'unlicensed') return <UnlicensedMessage t={t} />;
  if (loaded.status === 'error') return <SectionMessage appearance="error" title={t.error}><Text>{loaded.message}</Text></SectionMessage>;
  if ('error' in loaded.data) return <SectionMessage appearance="warning"><Text>{t.forbidden}</Text></SectionMessage>;
  if (draft === null) return <Spinner label={t.loading} />;

  const update = (changes: Partial<AdminDraft>) => setDraft({ ...draft, ...changes });
  const built = () => configOf(draft, base);
  const save = async () => {
    const answer = (await invoke<SaveAnswer>('saveConfig', { config: built().config })) as SaveAnswer;
    if ('error' in answer) return setNotice(answer.error === 'UNLICENSED' ? 'unlicensed' : 'fix');
    setErrors(answer.ok ? [] : answer.errors);
    setNotice(answer.ok ? (answer.recompute ? 'savedRecomputing' : 'saved') : 'fix');
  };
  const calendarNames = draft.calendars.map((c) => c.name);
  const renameCalendar = (index: number, name: string) => {
    const old = draft.calendars[index].name;
    update({
      calendars: draft.calendars.map((c, i) => (i === index ? { ...c, name } : c)),
      // Goals follow their calendar's new name.
      policies: draft.policies.map((p) => ({ ...p, goals: p.goals.map((g) => (g.calendar === old ? { ...g, calendar: name } : g)) })),
    });
  };
  const tryContext = () => {
    return { calendars: Object.fromEntries(draft.calendars.map((c) => [c.name, c.text])), fields: built().config.fields };
  };
  const shownPaths = ['sync.scopeJql', 'fields', 'scorecards', ...calendarNames.map((name) => `calendars.${name}`), ...draft.policies.map((_, i) => `policies.${i}`)];
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
          {stored!.sync.lastRunAt !== null && last && <Text>{t.lastSync(new Date(stored!.sync.lastRunAt).toISOString(), last.issues)}</Text>}
          {notice === 'saved' && <SectionMessage appearance="success"><Text>{t.saved}</Text></SectionMessage>}
          {notice === 'savedRecomputing' && <SectionMessage appearance="success"><Text>{t.savedRecomputing}</Text></SectionMessage>}
          {notice === 'fix' && <SectionMessage appearance="error"><Text>{t.fixErrors}</Text></SectionMessage>}
          {notice === 'failed' && <SectionMessage appearance="error"><Text>{t.error}</Text></SectionMessage>}
          {notice === 'unlicensed' && <UnlicensedMessage t={t} />}
          {fieldErrors(errorsElsewhere(errors, '', shownPaths))}
          {section(m.scopeAndFields, (
            <ScopeAndFieldsEditor draft={draft} errors={errors} update={update} t={t} />
          ))}
          {section(m.calendarsTitle, (
            <Stack space="space.200">
              {draft.calendars.map((calendar, i) => (
                <CalendarEditor
                  key={i}
                  index={i}
                  name={calendar.name}
                  text={calendar.text}
                  errors={errorsAt(errors, `calendars.${calendar.name}`)}
                  locale={locale}
                  onName={(name) => renameCalendar(i, name)}
                  onText={(text) => update({ calendars: draft.calendars.map((c, j) => (j === i ? { ...c, text } : c)) })}
                  onRemove={() => update({ calendars: draft.calendars.filter((_, j) => j !== i) })}
                />
              ))}
              <Button onClick={() => update({ calendars: [...draft.calendars, { name: freshName('calendar', calendarNames), text: `Mo-Fr 08:00-17:00 | tz=${context.timezone ?? 'UTC'}` }] })}>{m.addCalendar}</Button>
            </Stack>
          ))}
          {section(m.policiesTitle, (
            <Stack space="space.200">
              {draft.policies.map((policy, i) => (
                <PolicyEditor
                  key={i}
                  index={i}
                  policy={policy}
                  calendarNames={calendarNames}
                  dateFields={draft.extraFields.map((x) => x.name).filter(Boolean)}
                  errors={errors}
                  locale={locale}
                  timeZone={context.timezone}
                  onChange={(changed) => update({ policies: draft.policies.map((p, j) => (j === i ? changed : p)) })}
                  onRemove={() => update({ policies: draft.policies.filter((_, j) => j !== i) })}
                  tryContext={tryContext}
                />
              ))}
              <Button
                onClick={() =>
                  update({ policies: [...draft.policies, { id: freshName('policy', draft.policies.map((p) => p.id)), name: '', stop: { statuses: [], resolutionSet: true }, goals: [{ target: '8h', calendar: calendarNames[0] ?? '' }] }] })
                }
              >
                {m.addPolicy}
              </Button>
            </Stack>
          ))}
          <ScorecardEditor value={draft.scorecards} onChange={(scorecards) => update({ scorecards })} errors={errors} policies={draft.policies} jsmMetrics={stored?.jsmMetrics ?? []} locale={locale} />
          <Button appearance="primary" onClick={() => void save().catch(() => setNotice('failed'))}>{t.save}</Button>
          <CatalogueEditor policyIds={(stored!.input?.policies ?? []).map((p) => p.id)} m={marketMessagesFor(locale)} />
          <AdminJson
            current={() => built().config}
            onImport={(input) => {
              setDraft(draftOf(input));
              setBase(input);
              setErrors([]);
              setNotice(null);
            }}
          />
          {stored!.health && <SyncHealthPanel health={stored!.health} t={t} locale={locale} timeZone={context.timezone} />}
          {stored!.generations && <HistoryPanel generations={stored!.generations} t={t} locale={locale} timeZone={context.timezone} />}
        </Stack>
      </PickerCache.Provider>
    </AdminMessages.Provider>
  );
}
