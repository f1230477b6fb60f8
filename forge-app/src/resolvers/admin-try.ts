import api from '@forge/api';
import { CalendarError, compileCalendar, createSlaClock, type CycleState, parseCalendarText, SlaError, type SlaPolicyInput, type WorkCalendar } from '../../../core';
import { FieldMapSchema } from '../config/schema';
import { JiraClient } from '../jira/client';
import { runtime } from '../runtime';
import { issueFieldsToFetch, toTicketHistory } from '../sync/normalise';
import { quotingCoreError } from './core-refusal';

/** "Try on issue": a policy as the admin is editing it, run by the core on one issue's full history, before saving. */
interface TryPolicyRequest {
  issueKey: string;
  /** The policy being edited (not yet saved). */
  policy: unknown;
  /** The calendar texts being edited, by name. */
  calendars: Record<string, string>;
  /** The field map being edited (which Jira fields feed request type, team and extras). */
  fields?: unknown;
}

interface TriedCycle {
  start: number;
  stop: number | null;
  due: number | null;
  state: CycleState;
  goalMinutes: number;
  elapsedMinutes: number;
  pausedMinutes: number;
  remainingMinutes: number;
}

export type TryPolicyAnswer =
  | { ok: true; issueKey: string; asOf: number; applies: false }
  | { ok: true; issueKey: string; asOf: number; applies: true; goalLabel: string; cycles: TriedCycle[] }
  /** `field` is a path in the configuration (`policies.draft.goals.0.calendar`, `calendars.office`) or `issueKey`. */
  | { ok: false; field: string; message: string };

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9]\d*$/;

/** The goals' calendars compiled from the texts being edited; a text the core refuses names its calendar. */
function compileGoalCalendars(policy: unknown, texts: Record<string, string>): { calendars: Record<string, WorkCalendar> } | { ok: false; field: string; message: string } {
  const goals = (policy as { goals?: Array<{ calendar?: unknown }> } | null)?.goals;
  const names = new Set((Array.isArray(goals) ? goals : []).map((g) => g?.calendar).filter((name): name is string => typeof name === 'string' && name in texts));
  const calendars: Record<string, WorkCalendar> = {};
  for (const name of names) {
    try {
      calendars[name] = compileCalendar(parseCalendarText(texts[name], 'UTC'));
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      return quotingCoreError({ ok: false as const, field: `calendars.${name}`, message: error.message }, error);
    }
  }
  return { calendars };
}

/**
 * Reads the issue as the admin (`asUser()`: an issue they may not browse is not found), its full changelog through the
 * same bulkfetch and normalisation as the sync, and runs the core's SLA clock on it as of now.
 */
export async function tryPolicyOnIssue(payload: unknown): Promise<TryPolicyAnswer> {
  const { issueKey, policy, calendars: texts = {}, fields } = (payload ?? {}) as Partial<TryPolicyRequest>;
  const key = typeof issueKey === 'string' ? issueKey.trim().toUpperCase() : '';
  if (!ISSUE_KEY.test(key)) return { ok: false, field: 'issueKey', message: `issueKey: expected an issue key such as SUP-12, got ${JSON.stringify(issueKey ?? '')}` };
  const fieldMap = FieldMapSchema.safeParse(fields ?? {});
  if (!fieldMap.success) {
    const issue = fieldMap.error.issues[0];
    return { ok: false, field: `fields.${issue.path.join('.')}`, message: issue.message };
  }
  const compiled = compileGoalCalendars(policy, texts);
  if (!('calendars' in compiled)) return compiled;
  let clock;
  try {
    // The core validates the policy and names the field it refuses.
    clock = createSlaClock(policy as SlaPolicyInput, compiled.calendars);
  } catch (error) {
    if (!(error instanceof SlaError)) throw error;
    return quotingCoreError({ ok: false as const, field: `policies.draft.${error.field}`, message: error.message }, error);
  }
  const jira = new JiraClient(api.asUser().requestJira, runtime.sleep);
  const { issues } = await jira.issuesByKeys([key], issueFieldsToFetch(fieldMap.data));
  const issue = issues[0];
  if (!issue) return { ok: false, field: 'issueKey', message: `issueKey: no issue ${key} that you may browse` };
  const changelogs = await jira.changelogs([issue.id], ['status', 'resolution']);
  const ticket = toTicketHistory(issue, changelogs.get(issue.id) ?? [], fieldMap.data);
  const asOf = runtime.now();
  const result = clock.compute(ticket, asOf);
  if (!result) return { ok: true, issueKey: issue.key, asOf, applies: false };
  return {
    ok: true,
    issueKey: issue.key,
    asOf,
    applies: true,
    goalLabel: result.goalLabel,
    cycles: result.cycles.map(({ start, stop, due, state, goalMinutes, elapsedMinutes, pausedMinutes, remainingMinutes }) => ({ start, stop, due, state, goalMinutes, elapsedMinutes, pausedMinutes, remainingMinutes })),
  };
}
