import type { SlaPolicyInput } from '../../../core';
import type { AppConfigInput } from '../config/schema';
import type { ConfigProblem } from '../config/problem';
import type { ScorecardConfigInput } from '../config/scorecards';

/**
 * What the admin page edits: calendars as their text form (the calendar editor writes it), policies as the core's
 * policy objects (the policy editor's pickers fill them), the field map and scope, scorecards as their trees (the
 * scorecard tree editor changes them).
 */
export interface AdminDraft {
  scopeJql: string;
  requestTypeField: string;
  /** Empty: no team field. */
  teamField: string;
  /** Core field name → Jira field id, e.g. `requestDate` → `customfield_10050` for a retroactive start. */
  extraFields: Array<{ name: string; field: string }>;
  calendars: Array<{ name: string; text: string }>;
  policies: SlaPolicyInput[];
  scorecards: ScorecardConfigInput[];
}

export const draftOf = (input: AppConfigInput | null): AdminDraft => ({
  scopeJql: input?.sync.scopeJql ?? '',
  requestTypeField: input?.fields?.requestType ?? 'customfield_10010',
  teamField: input?.fields?.team ?? '',
  extraFields: Object.entries(input?.fields?.extra ?? {}).map(([name, field]) => ({ name, field })),
  calendars: Object.entries(input?.calendars ?? {}).map(([name, text]) => ({ name, text })),
  policies: (Array.isArray(input?.policies) ? input.policies : []).map(editablePolicy),
  scorecards: input?.scorecards ?? [],
});

const listOr = <T>(value: T[] | undefined, fallback: T[] | undefined): T[] | undefined => (Array.isArray(value) ? value : fallback);

/**
 * A stored policy the editor can show even when it no longer validates (loaded with its errors): the lists and objects
 * the editor walks exist; every value it has is kept, and the check names what is still missing at its field.
 */
function editablePolicy(stored: SlaPolicyInput): SlaPolicyInput {
  const policy = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<SlaPolicyInput>;
  const objectOr = <T extends object>(value: T | undefined, fallback: T): T => (typeof value === 'object' && value !== null ? value : fallback);
  const stop = objectOr(policy.stop, { statuses: [] });
  const start = objectOr(policy.start, { on: 'created' });
  const pause = objectOr(policy.pause, { statuses: [] });
  const alerts = policy.alerts === undefined ? undefined : objectOr(policy.alerts, {});
  return {
    ...policy,
    id: typeof policy.id === 'string' ? policy.id : '',
    name: typeof policy.name === 'string' ? policy.name : '',
    appliesTo: listOr(policy.appliesTo, undefined),
    // A part the stored policy leaves out stays out (the core's default applies): a policy round-trips unchanged.
    start: policy.start === undefined ? undefined : start.on === 'status' ? { ...start, statuses: listOr(start.statuses, []) ?? [] } : start.on === 'events' ? { ...start, events: listOr(start.events, []) ?? [] } : start,
    pause: policy.pause === undefined ? undefined : { ...pause, statuses: listOr(pause.statuses, []), while: listOr(pause.while, undefined) },
    stop: { ...stop, statuses: listOr(stop.statuses, []), events: listOr(stop.events, undefined) },
    alerts: alerts && { ...alerts, onWarning: listOr(alerts.onWarning, undefined), onBreach: listOr(alerts.onBreach, undefined) },
    goals: (listOr(policy.goals, []) ?? []).map((goal) => ({ ...goal, when: listOr(goal?.when, undefined) })),
  };
}

/** The draft as a configuration, keeping the settings the page does not show. */
export function configOf(draft: AdminDraft, previous: AppConfigInput | null): { config: AppConfigInput } {
  return {
    config: {
      ...previous,
      // A fresh site writes the first format this page knew; saving migrates it to the current one.
      schemaVersion: previous?.schemaVersion ?? 2,
      calendars: Object.fromEntries(draft.calendars.map((c) => [c.name, c.text])),
      policies: draft.policies,
      scorecards: draft.scorecards,
      fields: {
        ...previous?.fields,
        requestType: draft.requestTypeField,
        team: draft.teamField.trim() || null,
        extra: Object.fromEntries(draft.extraFields.map((x) => [x.name, x.field])),
      },
      sync: { ...previous?.sync, scopeJql: draft.scopeJql },
    } as AppConfigInput,
  };
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`);

/** Messages of the errors at `path` or inside it, each prefixed by where inside it lies. */
export const errorsAt = (errors: readonly ConfigProblem[], path: string): string[] =>
  errors.filter((e) => under(e.path, path)).map((e) => (e.path === path ? e.message : `${e.path.slice(path.length + 1)}: ${e.message}`));

/** Errors inside `prefix` (everywhere when empty) that none of the `shown` paths (each shown at its own field) covers: listed at `prefix`'s level. */
export const errorsElsewhere = (errors: readonly ConfigProblem[], prefix: string, shown: readonly string[]): string[] =>
  errors
    .filter((e) => (prefix === '' || under(e.path, prefix)) && !shown.some((s) => under(e.path, s)))
    .map((e) => (e.path === prefix ? e.message : `${prefix === '' ? e.path : e.path.slice(prefix.length + 1)}: ${e.message}`));

/** The values of a field's `in` condition, e.g. the projects a policy applies to. */
export const conditionValues = (conditions: SlaPolicyInput['appliesTo'], field: string): string[] =>
  conditions?.find((c) => c.field === field && c.in !== undefined)?.in ?? [];

/** The conditions with the field's `in` condition replaced by these values (removed when none); other conditions kept. */
export function withCondition(conditions: SlaPolicyInput['appliesTo'], field: string, values: string[]): NonNullable<SlaPolicyInput['appliesTo']> {
  const others = (conditions ?? []).filter((c) => !(c.field === field && c.in !== undefined));
  return values.length > 0 ? [...others, { field, in: values }] : others;
}

/** The project keys of a scope written as `project in (A, B)` or `project = A`; null for any other JQL. */
export function scopeProjects(jql: string): string[] | null {
  const listed = /^\s*project\s+in\s*\(([^)]*)\)\s*$/i.exec(jql);
  if (listed) return listed[1].split(',').map((key) => key.trim()).filter(Boolean);
  const single = /^\s*project\s*=\s*([A-Za-z][A-Za-z0-9_]*)\s*$/.exec(jql);
  return single ? [single[1]] : jql.trim() === '' ? [] : null;
}

/** The scope JQL of these projects (empty when none). */
export const scopeOfProjects = (keys: readonly string[]): string => (keys.length === 0 ? '' : `project in (${keys.join(', ')})`);

/** A name not yet in `taken`: `base-1`, `base-2` … */
export const freshName = (base: string, taken: readonly string[]) => {
  let n = taken.length + 1;
  while (taken.includes(`${base}-${n}`)) n++;
  return `${base}-${n}`;
};
