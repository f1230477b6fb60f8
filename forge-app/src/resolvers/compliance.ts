import { type ComplianceEntry, complianceTargetOf, type ComplianceTarget, localDayIn, periodLabel, slaCompliance } from '../../../core';
import api from '@forge/api';
import { loadConfig } from '../config/store';
import { JiraClient, JqlError } from '../jira/client';
import { runtime } from '../runtime';
import { GROUP_FIELDS } from '../model/group-fields';
import { TREND_PERIODS, type TrendPeriod } from '../model/periods';
import { type Bucket, type CycleEntry, type OpenEntry, SECURED_CYCLE_AT, securedAt, STATE_OF_CODE } from '../storage/aggregates';
import { keys, AGGREGATE_SHARDS } from '../storage/keys';
import { valuesWithPrefix, getValue } from '../storage/store';
import { activeGeneration } from '../sync/generations';
import { monthOf } from '../model/ticket-result';
import { browsableIssueIds, browsableProjects } from './permissions';
import { securedIn, SecurityLevelGate } from './security-levels';

/** A JQL scope counts the stored cycles of at most this many issues (the user's search, keys only). */
export const JQL_ISSUE_LIMIT = 5_000;

/** The gadget's query, as parsed at the resolver boundary (payloads.ts). */
import type { ComplianceQuery } from './payloads';
export type { ComplianceQuery };

export interface ComplianceAnswer {
  projects: string[];
  period: TrendPeriod;
  /** With a JQL scope: the search found more than JQL_ISSUE_LIMIT issues and only the first ones are counted. */
  truncated: boolean;
  issueLimit: number;
  /** The policy's agreed level and amber threshold (defaults for JSM metrics and policies without them). */
  target: ComplianceTarget;
  total: { met: number; breached: number; ongoingBreached: number; ongoing: number; compliance: number | null };
  groups: Array<{ key: string; met: number; breached: number; ongoingBreached: number; compliance: number | null }>;
  /** One point per period (ISO week, month or quarter) that has measurable cycles. */
  trend: Array<{ period: string; compliance: number }>;
  /** Open tickets breached or due soon that the viewing user may see (issue security levels included). */
  atRisk: Array<OpenEntry & { project: string; risk: 'breached' | 'soon' }>;
}

const DAY_MS = 86_400_000;

/** The label of the oldest of the last `count` periods up to `now`, and an instant safely before that period begins. */
export function periodWindow(now: number, period: TrendPeriod, count: number, timeZone: string): { oldest: string; from: number } {
  let day = localDayIn(timeZone)(now);
  let oldest = periodLabel(day, period);
  let seen = 1;
  for (;;) {
    const label = periodLabel(day - 1, period);
    if (label !== oldest && ++seen > count) break;
    oldest = label;
    day--;
  }
  // `day` is the period's first local day; a day earlier in UTC covers any zone offset.
  return { oldest, from: (day - 1) * DAY_MS };
}

/** The entry keys are `<ticket>#<n>`. */
const ticketOfEntry = (entryKey: string) => entryKey.slice(0, entryKey.lastIndexOf('#'));

/** A stored entry back in the shape slaCompliance counts: state, stop or not, and the reported instant. */
function cycleOf(entry: CycleEntry): ComplianceEntry {
  const [code, stopped, at, ...groups] = entry;
  const fields = Object.fromEntries(GROUP_FIELDS.map((f, i) => [f, groups[i] ?? null]));
  return { policyId: '', fields, goalLabel: '', start: at, stop: stopped ? at : null, due: at, state: STATE_OF_CODE[code] };
}

/** `YYYY-MM` plus `n` months. */
export const addMonths = (month: string, n: number): string => {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** Every `YYYY-MM` from `first` to `last`, both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last && months.length < 1_200; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** Open cycles are reported at their due time, which may lie ahead: months this far past the current one are read too. */
export const MONTHS_AHEAD = 2;

/**
 * Stored cycles of a policy in the projects, reported within [from, to]; with `tickets`, only those tickets' cycles;
 * only issues the viewer may see (`gate`: issue security levels). Only the months of the window are read (one prefix
 * query per project-month), so the cost follows the window, not the project's history. Months follow the report time
 * zone, as the buckets do.
 */
export async function storedCycles(
  policyId: string,
  projects: readonly string[],
  from: number,
  to: number,
  timeZone: string,
  gate: SecurityLevelGate,
  tickets?: ReadonlySet<string>,
  gen = 0,
): Promise<ComplianceEntry[]> {
  const first = monthOf(from, timeZone);
  const last = Number.isFinite(to) ? monthOf(to, timeZone) : addMonths(monthOf(runtime.now(), timeZone), MONTHS_AHEAD);
  const cycles: ComplianceEntry[] = [];
  for (const project of projects) {
    const entries: CycleEntry[] = [];
    for (const month of monthsBetween(first, last)) {
      for (const { value } of await valuesWithPrefix<Bucket<CycleEntry>>(keys.monthPrefix(policyId, project, month, gen))) {
        for (const [entryKey, entry] of Object.entries(value.entries)) {
          if (tickets && !tickets.has(ticketOfEntry(entryKey))) continue;
          if (entry[2] >= from && entry[2] <= to) entries.push(entry);
        }
      }
    }
    // One by one: a project can hold tens of thousands of entries, too many to spread as arguments.
    for (const item of await visibleCycles(gate, project, entries)) cycles.push(item);
  }
  return cycles;
}

/** Stored cycles of a policy reported in one month of the report time zone, of the issues the viewer may see. */
export async function storedCyclesInMonth(policyId: string, projects: readonly string[], month: string, timeZone: string, gate: SecurityLevelGate, gen = 0): Promise<ComplianceEntry[]> {
  const cycles: ComplianceEntry[] = [];
  for (const project of projects) {
    const entries: CycleEntry[] = [];
    for (const { value } of await valuesWithPrefix<Bucket<CycleEntry>>(keys.monthPrefix(policyId, project, month, gen))) {
      for (const entry of Object.values(value.entries)) if (monthOf(entry[2], timeZone) === month) entries.push(entry);
    }
    // One by one: a project can hold tens of thousands of entries, too many to spread as arguments.
    for (const item of await visibleCycles(gate, project, entries)) cycles.push(item);
  }
  return cycles;
}

/** A project's cycle entries the viewer may see, in the shape slaCompliance counts. */
const visibleCycles = async (gate: SecurityLevelGate, project: string, entries: readonly CycleEntry[]): Promise<ComplianceEntry[]> =>
  (await gate.visible(entries, (entry) => securedIn(project, securedAt(entry, SECURED_CYCLE_AT)))).map(cycleOf);

export type ComplianceResult = ComplianceAnswer | { error: 'INVALID_JQL'; message: string };

/** The projects and (with JQL) the ticket keys a query covers, limited to what the viewing user may browse. */
async function scopeOf(query: ComplianceQuery): Promise<{ projects: string[]; tickets?: Set<string>; truncated: boolean }> {
  if (query.scope !== 'jql') return { projects: await browsableProjects(query.projects ?? []), truncated: false };
  // As the user: Jira only returns issues the user may see.
  const found = await new JiraClient(api.asUser().requestJira, runtime.sleep).searchKeys(query.jql ?? '', JQL_ISSUE_LIMIT);
  const tickets = new Set(found.keys);
  const projects = await browsableProjects([...new Set(found.keys.map((key) => key.slice(0, key.lastIndexOf('-'))))].sort());
  return { projects, tickets, truncated: found.truncated };
}

export async function complianceData(query: ComplianceQuery): Promise<ComplianceResult> {
  try {
    return await complianceAnswer(query);
  } catch (error) {
    if (error instanceof JqlError) return { error: 'INVALID_JQL', message: error.message };
    throw error;
  }
}

async function complianceAnswer(query: ComplianceQuery): Promise<ComplianceAnswer> {
  const { config } = await loadConfig();
  const timeZone = config?.sync.reportTimeZone ?? 'UTC';
  const { projects, tickets, truncated } = await scopeOf(query);
  const now = runtime.now();
  const period: TrendPeriod = TREND_PERIODS.includes(query.period as TrendPeriod) ? query.period! : 'week';
  const count = Math.max(1, Math.min(104, Math.floor(query.periods ?? query.weeks ?? 12) || 12));
  const { oldest, from } = periodWindow(now, period, count, timeZone);
  const dayOf = localDayIn(timeZone);
  // No upper bound: an open cycle is reported at its due time, which may lie ahead; it counts as ongoing.
  const gen = await activeGeneration();
  const cycles = (await storedCycles(query.policyId, projects, from, Infinity, timeZone, new SecurityLevelGate(), tickets, gen)).filter((c) => periodLabel(dayOf(c.start), period) >= oldest);
  const report = slaCompliance(cycles, { groupBy: query.groupBy ?? undefined, timeZone });
  const trend = slaCompliance(cycles, { period, timeZone });
  const soon = now + (query.soonHours ?? 4) * 3_600_000;
  const atRisk: ComplianceAnswer['atRisk'] = [];
  for (const project of projects) {
    for (let shard = 0; shard < AGGREGATE_SHARDS; shard++) {
      const index = await getValue<Bucket<OpenEntry>>(keys.openIndex(query.policyId, project, shard, gen));
      for (const entry of Object.values(index?.entries ?? {})) {
        if (tickets && !tickets.has(entry.key)) continue;
        const breached = entry.state === 'breached' || (entry.due !== null && entry.due < now);
        if (breached || (entry.due !== null && entry.due <= soon)) atRisk.push({ ...entry, project, risk: breached ? 'breached' : 'soon' });
      }
    }
  }
  // Browsing the project is not enough to see an issue under a security level: check each listed issue as the user.
  const visible = atRisk.length > 0 ? await browsableIssueIds(atRisk.map((r) => r.id ?? '')) : new Set<string>();
  const shown = atRisk.filter((r) => r.id !== undefined && visible.has(r.id));
  shown.sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.key.localeCompare(b.key));
  return {
    projects,
    period,
    truncated,
    issueLimit: JQL_ISSUE_LIMIT,
    target: complianceTargetOf(config?.policies.find((p) => p.id === query.policyId)),
    total: report.total,
    groups: query.groupBy ? report.groups.map(({ period: _p, ongoing: _o, ...g }) => g) : [],
    trend: trend.groups.filter((g) => g.compliance !== null).map((g) => ({ period: g.period, compliance: g.compliance! })),
    atRisk: shown,
  };
}
