import { actualsFromFacts, csat, evaluateTree, KpiInputError, scorecardNotes, slaCompliance, tatStatistic, type GamingAlert, type KpiDefinition, type KpiValues, type LogFacts, type ScoringMethod, type TatStatistic, type TreeKpiResult, type TreeNode, type TreeResult } from '../../../core';
import type { FieldError } from '../config/schema';
import { kpisOf, tatStatisticsOf } from '../config/scorecards';
import { loadConfig } from '../config/store';
import { runtime } from '../runtime';
import { type Bucket, TICKETS_FAMILY, type TicketEntry } from '../storage/aggregates';
import { checkedKey, keys, segment } from '../storage/keys';
import { getValue, setValue, valuesWithPrefix } from '../storage/store';
import { activeGeneration } from '../sync/generations';
import { monthOf } from '../sync/ticket-result';
import { addMonths, storedCyclesInMonth } from './compliance';
import { inpsActual } from './inps';
import { browsableProjects } from './permissions';

export interface ScorecardQuery {
  scorecardId: string;
  projects: string[];
  /** `YYYY-MM`; the current month by default. Gaming alerts and carried-forward values come from the month before. */
  month?: string;
  /**
   * Sources saved on a gadget before scorecards carried their own, in that version's names and percent units
   * (`sla:<policy>`, `tatMedianHours`, `ftrPercent`, `reopenPercent`, `csatPercent`); they override the scorecard's.
   */
  sources?: Record<string, string>;
}

/** The gadget-level source names of version 2 and how they read in the core's names: the core's source × factor. */
function legacySource(source: string): { source: string; factor: number } | null {
  if (source.startsWith('sla:')) return { source, factor: 100 };
  const named: Record<string, { source: string; factor: number }> = {
    tatMedianHours: { source: 'tat:median', factor: 1 },
    ftrPercent: { source: 'ftr', factor: 100 },
    reopenPercent: { source: 'reopen', factor: 100 },
    csatPercent: { source: 'csat', factor: 100 },
  };
  return named[source] ?? null;
}

/** The month's ticket facts (its buckets only: months follow the report time zone, as the compliance gadget's do). */
async function ticketEntries(projects: readonly string[], month: string, gen: number): Promise<TicketEntry[]> {
  const entries: TicketEntry[] = [];
  for (const project of projects) {
    for (const { value } of await valuesWithPrefix<Bucket<TicketEntry>>(keys.monthPrefix(TICKETS_FAMILY, project, month, gen))) entries.push(...Object.values(value.entries));
  }
  return entries.filter((e) => e[0] !== null);
}

interface FactsScope {
  projects: readonly string[];
  timeZone: string;
  gen: number;
  /** Every policy of the configuration: the `sla` source (no policy named) is compliance over all of them. */
  policyIds: readonly string[];
}

const complianceOf = (cycles: Parameters<typeof slaCompliance>[0], timeZone: string) => slaCompliance(cycles, { timeZone }).total.compliance;

/**
 * The month's facts of the synced tickets as the core's actualsFromFacts reads them (the CLI builds the same from a
 * log), computing only what the sources ask for: SLA compliance per policy, TAT statistics in working hours,
 * resolved and reopened counts, CSAT share, iNPS from the portal answers.
 */
async function factsFor(sources: readonly string[], month: string, scope: FactsScope): Promise<LogFacts> {
  const { projects, timeZone, gen } = scope;
  const resolved = await ticketEntries(projects, month, gen);
  const asked = new Set(sources.map((source) => source.trim()));
  const byPolicy: Record<string, number | null> = {};
  for (const source of asked) {
    if (source.startsWith('sla:')) byPolicy[source.slice(4)] = complianceOf(await storedCyclesInMonth(source.slice(4), projects, month, timeZone, gen), timeZone);
  }
  let overall: number | null = null;
  if (asked.has('sla')) {
    const cycles = [];
    for (const policyId of scope.policyIds) cycles.push(...(await storedCyclesInMonth(policyId, projects, month, timeZone, gen)));
    overall = complianceOf(cycles, timeZone);
  }
  const tatHours = resolved.map((e) => e[1]).filter((t): t is number => t !== null).map((minutes) => minutes / 60);
  const ratings = resolved.map((e) => e[3]).filter((r): r is number => r !== null);
  return {
    compliance: { overall, byPolicy },
    tatHours: Object.fromEntries(tatStatisticsOf([...asked]).map((stat) => [stat, tatHours.length > 0 ? tatStatistic(tatHours, stat as TatStatistic) : null])),
    resolved: resolved.length,
    reopened: resolved.filter((e) => e[2] > 0).length,
    csat: ratings.length > 0 ? csat(ratings) : null,
    inps: asked.has('inps') ? (await inpsActual(projects, month)).inps : null,
  };
}

/** The month's actual of each KPI with a source: the scorecard's sources in the core's names, the gadget's legacy ones scaled. */
async function actualsFor(sources: Readonly<Record<string, string>>, legacy: Readonly<Record<string, { source: string; factor: number }>>, month: string, scope: FactsScope): Promise<KpiValues> {
  const coreSources = { ...sources, ...Object.fromEntries(Object.entries(legacy).map(([id, l]) => [id, l.source])) };
  const facts = await factsFor(Object.values(coreSources), month, scope);
  const actuals = actualsFromFacts(coreSources, facts);
  return Object.fromEntries(Object.entries(actuals).map(([id, value]) => [id, value === null || value === undefined || !(id in legacy) ? value : value * legacy[id].factor]));
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

/** Values an admin typed for KPIs that no Jira data measures (payroll accuracy, DSO): per scorecard and month. */
const typedActualsKey = (scorecardId: string, month: string) => checkedKey(`scorecard-actuals:${segment(scorecardId)}:${month}`);
type TypedActuals = { values: Record<string, number> };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const invalidMonth = (month: unknown) => ({ error: 'INVALID_MONTH' as const, message: `month must be YYYY-MM, got ${JSON.stringify(month)}` });

export interface TypedActualsInput {
  scorecardId: string;
  month: string;
  /** KPI id → its value this month; null removes a value typed before. */
  values: Record<string, unknown>;
}

/**
 * Stores typed actuals for a month: only KPIs of the scorecard that have no source (a source's actual comes from Jira),
 * each a finite number; every problem is answered with its path (`values.<kpi id>`), and nothing is stored then.
 */
export async function saveScorecardActuals(input: TypedActualsInput) {
  if (typeof input.month !== 'string' || !MONTH.test(input.month)) return invalidMonth(input.month);
  const { config } = await loadConfig();
  const scorecard = config?.scorecards.find((s) => s.tree.root.id === input.scorecardId);
  if (!scorecard) return { error: 'NO_SCORECARD' as const, scorecardId: input.scorecardId };
  const kpiIds = new Set(kpisOf(scorecard.tree.root).map((kpi) => kpi.id));
  const errors: FieldError[] = [];
  for (const [kpiId, value] of Object.entries(input.values ?? {})) {
    const path = `values.${kpiId}`;
    if (!kpiIds.has(kpiId)) errors.push({ path, message: `"${kpiId}" is not a KPI of scorecard "${input.scorecardId}"` });
    else if (kpiId in scorecard.sources) errors.push({ path, message: `KPI "${kpiId}" takes its actual from ${scorecard.sources[kpiId]}; typed values are for KPIs without a source` });
    else if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) errors.push({ path, message: `must be a number (or null to remove it), not ${JSON.stringify(value)}` });
  }
  if (errors.length > 0) return { ok: false as const, errors };
  const key = typedActualsKey(input.scorecardId, input.month);
  const values = { ...(await getValue<TypedActuals>(key))?.values };
  for (const [kpiId, value] of Object.entries(input.values ?? {})) {
    if (value === null) delete values[kpiId];
    else values[kpiId] = value as number;
  }
  await setValue<TypedActuals>(key, { values });
  return { ok: true as const };
}

const typedActuals = async (scorecardId: string, month: string): Promise<KpiValues> => (await getValue<TypedActuals>(typedActualsKey(scorecardId, month)))?.values ?? {};

/** The values typed for a scorecard's month (the admin page's form starts from them). */
export async function scorecardActuals(query: { scorecardId: string; month: string }) {
  if (typeof query.month !== 'string' || !MONTH.test(query.month)) return invalidMonth(query.month);
  return { values: await typedActuals(query.scorecardId, query.month) };
}

export async function scorecardData(query: ScorecardQuery) {
  if (query.month !== undefined && !MONTH.test(query.month)) return invalidMonth(query.month);
  const { config } = await loadConfig();
  const scorecard = config?.scorecards.find((s) => s.tree.root.id === query.scorecardId);
  if (!config || !scorecard) return { error: 'NO_SCORECARD' as const, scorecardId: query.scorecardId };
  const legacy: Record<string, { source: string; factor: number }> = {};
  for (const [kpiId, source] of Object.entries(query.sources ?? {})) {
    const read = legacySource(source);
    if (read === null) return { error: 'INVALID_SOURCE' as const, message: `KPI "${kpiId}": gadget source ${JSON.stringify(source)} is not sla:<policy id>, tatMedianHours, ftrPercent, reopenPercent or csatPercent` };
    legacy[kpiId] = read;
  }
  const timeZone = config.sync.reportTimeZone;
  const scope: FactsScope = { projects: await browsableProjects(query.projects), timeZone, gen: await activeGeneration(), policyIds: config.policies.map((p) => p.id) };
  const month = query.month ?? monthOf(runtime.now(), timeZone);
  let actuals: KpiValues;
  let previous: KpiValues;
  try {
    // Typed values for the KPIs without a source, the rest from the synced tickets.
    actuals = { ...(await typedActuals(scorecard.tree.root.id, month)), ...(await actualsFor(scorecard.sources, legacy, month, scope)) };
    previous = { ...(await typedActuals(scorecard.tree.root.id, addMonths(month, -1))), ...(await actualsFor(scorecard.sources, legacy, addMonths(month, -1), scope)) };
  } catch (error) {
    // A source the facts cannot answer (a policy removed since, a TAT statistic misspelt): named, not a crash.
    if (error instanceof KpiInputError) return { error: 'INVALID_SOURCE' as const, message: error.message };
    throw error;
  }
  // The month before is both the last known value (carry-forward) and the baseline of the gaming alerts.
  const result = evaluateTree(scorecard.tree, actuals, { lastKnown: previous, previous });
  const notes = scorecardNotes(scorecard.tree).map(({ code, scorecardId, kpiId, count }) => ({ code, scorecardId, kpiId: kpiId ?? null, count: count ?? null }));
  return { month, projects: scope.projects, id: scorecard.tree.root.id, name: scorecard.tree.root.name, missing: scorecard.tree.missing, overall: result.score, tree: nodeView(result), notes };
}
