import { createHash } from 'node:crypto';
import { type CalendarSet, formatTarget, type SlaPolicy, type WorkCalendar } from '../../../core';
import type { JiraClient } from '../jira/client';
import { keys } from '../storage/keys';
import { deleteValue, getValue, setValue } from '../storage/store';
import type { StoredCycle, TicketResult } from '../model/ticket-result';

/**
 * The issue entity property that carries each synced issue's SLA state, indexed for JQL by the manifest's
 * `jira:entityProperty` module (same key there).
 * @internal Exported for its tests.
 */
export const SLA_PROPERTY_KEY = 'sla-state';

/** "Due soon" in JQL for a policy without a warning line: the instant a running clock has this many working minutes left, on its goal's calendar. */
const PRE_BREACH_MINUTES = 240;

/** One app policy's current clock on the issue (its latest cycle). */
interface PolicySlaState {
  id: string;
  name: string;
  state: StoredCycle['state'];
  /** ISO instant, or null while paused. */
  due: string | null;
  /** Working minutes left at `asOf` (negative: overdue). */
  remainingMinutes: number;
  breached: boolean;
  /** When PRE_BREACH_MINUTES working minutes are left (running clocks only). */
  warnFrom: string | null;
}

/** The property's value. The arrays and dates are what the manifest indexes; `policies` holds the details. */
interface SlaStateProperty {
  policies: PolicySlaState[];
  /** Policy ids whose latest cycle breached (running past due, or stopped late). */
  breached: string[];
  /** Policy ids whose clock runs now, paused now, or stopped within the goal. */
  running: string[];
  paused: string[];
  met: string[];
  /** Earliest due / warning instant among running clocks. */
  nextDue: string | null;
  warnFrom: string | null;
  /** Fewest working minutes left among running clocks, at `asOf`. */
  remainingMinutes: number | null;
  asOf: string;
}

/** What the sync knows about a policy: its name and the calendar of the goal a cycle ran under. */
export interface PolicyDirectory {
  nameOf(policyId: string): string | undefined;
  /** The goal's working-time calculator for a cycle (by the goal's label), if the policy and calendar are known. */
  calendarOf(policyId: string, goalLabel: string): WorkCalendar | undefined;
}

export function policyDirectory(policies: readonly SlaPolicy[], calendars: CalendarSet): PolicyDirectory {
  const byId = new Map(policies.map((p) => [p.id, p]));
  return {
    nameOf: (id) => byId.get(id)?.name,
    calendarOf: (id, label) => {
      const goal = byId.get(id)?.goals.find((g) => (g.label ?? formatTarget(g.target)) === label);
      return goal ? calendars[goal.calendar] : undefined;
    },
  };
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
const earliest = (values: Array<string | null>) => values.filter((v): v is string => v !== null).sort()[0] ?? null;

/**
 * The SLA state of an issue under the app's own policies (JSM's SLAs are searchable in JQL already), or null when no
 * app policy applies. Each policy is represented by its latest cycle: a reopened ticket's new cycle replaces the old.
 */
function slaStateOf(result: TicketResult, directory: PolicyDirectory): SlaStateProperty | null {
  const latest = new Map<string, StoredCycle>();
  for (const cycle of result.cycles) {
    if (cycle.policyId.startsWith('jsm:')) continue;
    const seen = latest.get(cycle.policyId);
    if (!seen || cycle.start >= seen.start) latest.set(cycle.policyId, cycle);
  }
  if (latest.size === 0) return null;
  const policies = [...latest.values()].sort((a, b) => a.policyId.localeCompare(b.policyId)).map((cycle): PolicySlaState => {
    const running = cycle.stop === null && cycle.state !== 'paused' && cycle.due !== null;
    const calendar = running ? directory.calendarOf(cycle.policyId, cycle.goalLabel) : undefined;
    return {
      id: cycle.policyId,
      name: directory.nameOf(cycle.policyId) ?? cycle.policyId,
      state: cycle.state,
      due: iso(cycle.due),
      remainingMinutes: Math.round(cycle.remainingMinutes),
      breached: cycle.state === 'breached',
      // The policy's own warning line when it has one (alerts.warnAt), else PRE_BREACH_MINUTES before the due time.
      warnFrom: running ? iso(cycle.warningAt ?? (calendar ? calendar.addWorkingMinutes(cycle.due!, -PRE_BREACH_MINUTES) : cycle.due! - PRE_BREACH_MINUTES * 60_000)) : null,
    };
  });
  const openIds = new Set([...latest.values()].filter((c) => c.stop === null && c.state !== 'paused').map((c) => c.policyId));
  const open = policies.filter((p) => openIds.has(p.id));
  return {
    policies,
    breached: policies.filter((p) => p.breached).map((p) => p.id),
    running: open.map((p) => p.id),
    paused: policies.filter((p) => p.state === 'paused').map((p) => p.id),
    met: policies.filter((p) => p.state === 'met').map((p) => p.id),
    nextDue: earliest(open.map((p) => p.due)),
    warnFrom: earliest(open.map((p) => p.warnFrom)),
    remainingMinutes: open.length > 0 ? Math.min(...open.map((p) => p.remainingMinutes)) : null,
    asOf: new Date(result.computedAt).toISOString(),
  };
}

/**
 * What decides a rewrite: states, due and warning instants, not the remaining minutes (they change with every
 * recompute of a running clock; the value says at which instant they were counted).
 */
const fingerprintOf = (value: SlaStateProperty): string =>
  createHash('sha256')
    .update(JSON.stringify({ ...value, asOf: null, remainingMinutes: null, policies: value.policies.map((p) => ({ ...p, remainingMinutes: null })) }))
    .digest('hex')
    .slice(0, 32);

export type PublishOutcome = 'written' | 'unchanged' | 'removed' | 'none';

/**
 * Writes the issue's SLA state property when it changed since the app last wrote it (the fingerprint of the last
 * write is kept in KVS), and removes the property when no app policy applies any more.
 */
export async function publishSlaState(jira: JiraClient, result: TicketResult, directory: PolicyDirectory): Promise<PublishOutcome> {
  const value = slaStateOf(result, directory);
  const recordKey = keys.slaProperty(result.key);
  const previous = await getValue<{ fingerprint: string }>(recordKey);
  if (value === null) {
    if (!previous) return 'none';
    await jira.deleteIssueProperty(result.key, SLA_PROPERTY_KEY);
    await deleteValue(recordKey);
    return 'removed';
  }
  const fingerprint = fingerprintOf(value);
  if (previous?.fingerprint === fingerprint) return 'unchanged';
  await jira.setIssueProperty(result.key, SLA_PROPERTY_KEY, value);
  await setValue(recordKey, { fingerprint });
  return 'written';
}

/** A purged ticket (out of scope, moved, deleted) loses the property the app wrote; a deleted issue's 404 is fine. */
export async function withdrawSlaState(jira: JiraClient, issueKey: string): Promise<boolean> {
  const recordKey = keys.slaProperty(issueKey);
  if (!(await getValue(recordKey))) return false;
  await jira.deleteIssueProperty(issueKey, SLA_PROPERTY_KEY);
  await deleteValue(recordKey);
  return true;
}
