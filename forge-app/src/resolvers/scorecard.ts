import { csat, evaluateTree, ftrRate, reopenRate, slaCompliance, tatStats, type GamingAlert, type KpiDefinition, type KpiValues, type ScoringMethod, type TreeKpiResult, type TreeNode, type TreeResult } from '../../../core';
import type { KpiSource } from '../config/scorecards';
import { isKpiSource } from '../config/scorecards';
import { loadConfig } from '../config/store';
import { runtime } from '../runtime';
import { type Bucket, TICKETS_FAMILY, type TicketEntry } from '../storage/aggregates';
import { keys } from '../storage/keys';
import { valuesWithPrefix } from '../storage/store';
import { activeGeneration } from '../sync/generations';
import { monthOf } from '../sync/ticket-result';
import { addMonths, storedCyclesInMonth } from './compliance';
import { browsableProjects } from './permissions';

export interface ScorecardQuery {
  scorecardId: string;
  projects: string[];
  /** `YYYY-MM`; the current month by default. Gaming alerts and carried-forward values come from the month before. */
  month?: string;
  /** Sources set on the gadget (`kpiId=source` lines of gadgets saved before scorecards carried their own); they win. */
  sources?: Record<string, string>;
}

/** The month's ticket facts (its buckets only: months follow the report time zone, as the compliance gadget's do). */
async function ticketEntries(projects: readonly string[], month: string, gen: number): Promise<TicketEntry[]> {
  const entries: TicketEntry[] = [];
  for (const project of projects) {
    for (const { value } of await valuesWithPrefix<Bucket<TicketEntry>>(keys.monthPrefix(TICKETS_FAMILY, project, month, gen))) entries.push(...Object.values(value.entries));
  }
  return entries.filter((e) => e[0] !== null);
}

/** The month's actual for each KPI with a source; null when the month has no data for it. */
async function actualsFor(sources: Readonly<Record<string, KpiSource>>, projects: readonly string[], month: string, timeZone: string, gen: number): Promise<KpiValues> {
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

type AlertView = Pick<GamingAlert, 'code' | 'kpiId' | 'guardId' | 'kpiPrevious' | 'kpiCurrent' | 'guardPrevious' | 'guardCurrent'>;
type KpiView = Pick<TreeKpiResult, 'actual' | 'source' | 'score' | 'achievement' | 'status' | 'contribution'> &
  Pick<KpiDefinition, 'id' | 'name' | 'unit' | 'pillar' | 'direction' | 'target' | 'weight' | 'owner'> & { method: ScoringMethod };

/** A node of the evaluated tree as the gadget shows it: plain numbers and names, no definitions. */
export interface ScorecardNodeView extends Pick<TreeResult, 'score' | 'greyed' | 'contribution' | 'pillars' | 'payout'>, Pick<TreeNode, 'id' | 'name' | 'kind' | 'method' | 'weights' | 'weight'> {
  level: TreeNode['level'] | null;
  owner: string | null;
  alerts: AlertView[];
  kpis: KpiView[];
  children: ScorecardNodeView[];
}

const nodeView = (result: TreeResult): ScorecardNodeView => ({
  id: result.node.id,
  name: result.node.name,
  kind: result.node.kind,
  level: result.node.level ?? null,
  owner: result.node.owner ?? null,
  method: result.node.method,
  weights: result.node.weights,
  weight: result.node.weight,
  score: result.score,
  greyed: result.greyed,
  contribution: result.contribution,
  pillars: result.pillars,
  payout: result.payout,
  alerts: result.alerts.map((a) => ({ code: a.code, kpiId: a.kpiId, guardId: a.guardId, kpiPrevious: a.kpiPrevious, kpiCurrent: a.kpiCurrent, guardPrevious: a.guardPrevious, guardCurrent: a.guardCurrent })),
  kpis: result.kpis.map((k) => ({
    id: k.kpi.id,
    name: k.kpi.name,
    unit: k.kpi.unit,
    pillar: k.kpi.pillar,
    method: k.kpi.scoring?.method ?? 'ratio',
    direction: k.kpi.direction,
    target: k.kpi.target,
    weight: k.kpi.weight,
    owner: k.kpi.owner,
    actual: k.actual,
    source: k.source,
    score: k.score,
    achievement: k.achievement,
    status: k.status,
    contribution: k.contribution,
  })),
  children: result.children.map(nodeView),
});

export async function scorecardData(query: ScorecardQuery) {
  if (query.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(query.month)) return { error: 'INVALID_MONTH' as const, message: `month must be YYYY-MM, got ${JSON.stringify(query.month)}` };
  const { config } = await loadConfig();
  const scorecard = config?.scorecards.find((s) => s.root.id === query.scorecardId);
  if (!config || !scorecard) return { error: 'NO_SCORECARD' as const, scorecardId: query.scorecardId };
  const sources: Record<string, string> = { ...scorecard.sources, ...query.sources };
  const wrong = Object.entries(sources).find(([, source]) => !isKpiSource(source));
  if (wrong) return { error: 'INVALID_SOURCE' as const, message: `KPI "${wrong[0]}": source ${JSON.stringify(wrong[1])} is not sla:<policy id>, tatMedianHours, ftrPercent, reopenPercent or csatPercent` };
  const timeZone = config.sync.reportTimeZone;
  const projects = await browsableProjects(query.projects);
  const month = query.month ?? monthOf(runtime.now(), timeZone);
  const gen = await activeGeneration();
  const actuals = await actualsFor(sources as Record<string, KpiSource>, projects, month, timeZone, gen);
  const previous = await actualsFor(sources as Record<string, KpiSource>, projects, addMonths(month, -1), timeZone, gen);
  // The month before is both the last known value (carry-forward) and the baseline of the gaming alerts.
  const result = evaluateTree(scorecard, actuals, { lastKnown: previous, previous });
  return { month, projects, id: scorecard.root.id, name: scorecard.root.name, missing: scorecard.missing, overall: result.score, tree: nodeView(result) };
}
