import { csat, evaluateScorecard, ftrRate, reopenRate, slaCompliance, tatStats, type KpiValues } from '../../../core';
import { loadConfig } from '../config/store';
import { runtime } from '../runtime';
import { type Bucket, TICKETS_FAMILY, type TicketEntry } from '../storage/aggregates';
import { keys } from '../storage/keys';
import { valuesWithPrefix } from '../storage/store';
import { activeGeneration } from '../sync/generations';
import { monthOf } from '../sync/ticket-result';
import { storedCyclesInMonth } from './compliance';
import { browsableProjects } from './permissions';

/** Where a KPI's actual comes from: SLA compliance of a policy (%), median TAT (hours), FTR or reopen rate (%), CSAT (%). */
export type KpiSource = `sla:${string}` | 'tatMedianHours' | 'ftrPercent' | 'reopenPercent' | 'csatPercent';

export interface ScorecardQuery {
  scorecardId: string;
  projects: string[];
  /** `YYYY-MM`; the current month by default. Gaming alerts compare it with the month before. */
  month?: string;
  sources: Record<string, KpiSource>;
}

const previousMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** The month's ticket facts (its buckets only: months follow the report time zone, as the compliance gadget's do). */
async function ticketEntries(projects: readonly string[], month: string, gen: number): Promise<TicketEntry[]> {
  const entries: TicketEntry[] = [];
  for (const project of projects) {
    for (const { value } of await valuesWithPrefix<Bucket<TicketEntry>>(keys.monthPrefix(TICKETS_FAMILY, project, month, gen))) entries.push(...Object.values(value.entries));
  }
  return entries.filter((e) => e[0] !== null);
}

/** The month's actual for each KPI with a source; null when the month has no data for it. */
async function actualsFor(sources: ScorecardQuery['sources'], projects: readonly string[], month: string, timeZone: string, gen: number): Promise<KpiValues> {
  const resolved = await ticketEntries(projects, month, gen);
  const values: Record<string, number | null> = {};
  for (const [kpiId, source] of Object.entries(sources)) {
    if (source.startsWith('sla:')) {
      const compliance = slaCompliance(await storedCyclesInMonth(source.slice(4), projects, month, timeZone, gen), { timeZone }).total.compliance;
      values[kpiId] = compliance === null ? null : compliance * 100;
    } else if (source === 'tatMedianHours') {
      const tats = resolved.map((e) => e[1]).filter((t): t is number => t !== null);
      values[kpiId] = tats.length ? tatStats(tats).median / 60 : null;
    } else if (source === 'ftrPercent') {
      values[kpiId] = resolved.length ? ftrRate(resolved.map((e) => e[2])) * 100 : null;
    } else if (source === 'reopenPercent') {
      values[kpiId] = resolved.length ? reopenRate(resolved.filter((e) => e[2] > 0).length, resolved.length) * 100 : null;
    } else {
      const ratings = resolved.map((e) => e[3]).filter((r): r is number => r !== null);
      values[kpiId] = ratings.length ? csat(ratings) * 100 : null;
    }
  }
  return values;
}

export async function scorecardData(query: ScorecardQuery) {
  if (query.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(query.month)) return { error: 'INVALID_MONTH' as const, message: `month must be YYYY-MM, got ${JSON.stringify(query.month)}` };
  const { config } = await loadConfig();
  const scorecard = config?.scorecards.find((s) => s.id === query.scorecardId);
  if (!config || !scorecard) return { error: 'NO_SCORECARD' as const, scorecardId: query.scorecardId };
  const timeZone = config.sync.reportTimeZone;
  const projects = await browsableProjects(query.projects);
  const month = query.month ?? monthOf(runtime.now(), timeZone);
  const gen = await activeGeneration();
  const actuals = await actualsFor(query.sources, projects, month, timeZone, gen);
  const previous = await actualsFor(query.sources, projects, previousMonth(month), timeZone, gen);
  const result = evaluateScorecard(scorecard, actuals, previous);
  return {
    month,
    projects,
    name: scorecard.name,
    overall: result.overall,
    pillars: result.pillars,
    kpis: result.kpis.map((k) => ({ id: k.kpi.id, name: k.kpi.name, unit: k.kpi.unit, target: k.kpi.target, actual: k.actual, status: k.status, pillar: k.kpi.pillar, weight: k.kpi.weight })),
    alerts: result.alerts.map((a) => ({ code: a.code, kpiId: a.kpiId, guardId: a.guardId, kpiPrevious: a.kpiPrevious, kpiCurrent: a.kpiCurrent, guardPrevious: a.guardPrevious, guardCurrent: a.guardCurrent })),
  };
}
