import { complianceTargetOf, type ComplianceTarget, localDayIn, MS_PER_HOUR, periodLabel, slaCompliance } from '../../../core';
import api from '@forge/api';
import { loadConfig } from '../config/store';
import { JiraClient, JqlError } from '../jira/client';
import { runtime } from '../runtime';
import { TREND_PERIODS, type TrendPeriod } from '../model/periods';
import type { OpenEntry } from '../storage/aggregates';
import { readableResults } from '../storage/repository';
import { activeGeneration } from '../sync/generations';
import { browsableIssueIds, browsableProjects } from './permissions';
import { SecurityLevelGate } from './security-levels';
import { periodWindow, storedCycles } from './visible-cycles';

/** A JQL scope counts the stored cycles of at most this many issues (the user's search, keys only). */
const JQL_ISSUE_LIMIT = 5_000;

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
  const count = Math.max(1, Math.min(104, Math.floor(query.periods ?? 12) || 12));
  const { oldest, from } = periodWindow(now, period, count, timeZone);
  const dayOf = localDayIn(timeZone);
  // No upper bound: an open cycle is reported at its due time, which may lie ahead; it counts as ongoing.
  const gen = await activeGeneration();
  const cycles = (await storedCycles(query.policyId, projects, from, Infinity, timeZone, new SecurityLevelGate(), tickets, gen, query.groupBy ?? null)).filter((c) => periodLabel(dayOf(c.start), period) >= oldest);
  const report = slaCompliance(cycles, { groupBy: query.groupBy ?? undefined, timeZone });
  const trend = slaCompliance(cycles, { period, timeZone });
  const soon = now + (query.soonHours ?? 4) * MS_PER_HOUR;
  const atRisk: ComplianceAnswer['atRisk'] = [];
  const results = await readableResults();
  for (const project of projects) {
    for (const entry of await results.openCycles(query.policyId, project, gen)) {
      if (tickets && !tickets.has(entry.key)) continue;
      const breached = entry.state === 'breached' || (entry.due !== null && entry.due < now);
      if (breached || (entry.due !== null && entry.due <= soon)) atRisk.push({ ...entry, project, risk: breached ? 'breached' : 'soon' });
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
