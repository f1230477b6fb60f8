import { evaluateTree, KpiInputError, scorecardNotes, type KpiValues } from '../../../core';
import { scorecardById, type ScorecardConfig } from '../config/scorecards';
import { SCORECARD_PERIODS, type ScorecardPeriod } from '../model/periods';
import { loadConfig } from '../config/store';
import { runtime } from '../runtime';
import { activeGeneration } from '../sync/generations';
import { monthOf } from '../model/ticket-result';
import { browsableProjects } from './permissions';
import { SecurityLevelGate } from './security-levels';
import { scorecardAccess, typedKpiIds, withoutPay } from './scorecard-access';
import { agreedLevels } from './scorecard-agreed';
import { payReviewsOf, teamSignals } from './scorecard-signals';
import { nodeView } from './scorecard-node-view';
import { invalidMonth, MONTH, typedActuals, type TypedValue } from './scorecard-actuals';
import { type FactsScope, type LegacySource, legacySource, sourcedActuals } from './scorecard-facts';
import { type PeriodSpan, periodSpan, previousAnchor, typedPeriodActuals } from './scorecard-period';

import type { ScorecardQuery } from './payloads';
import { quotingCoreError } from './core-refusal';
export type { ScorecardQuery };

/** How many periods the gadget's trend shows, the current one last (a year or year to date: that period alone). */
const TREND_LENGTH: Record<ScorecardPeriod, number> = { month: 6, quarter: 4, year: 1, ytd: 1 };

/** `n` periods before the one holding `month`. */
const stepBack = (view: ScorecardPeriod, month: string, n: number): string => (n === 0 ? month : stepBack(view, previousAnchor(view, month), n - 1));

type PeriodActuals = { values: KpiValues } | { error: 'INVALID_PERIOD' | 'INVALID_SOURCE'; message: string };

/** A period's actuals: typed values (combined by each KPI's aggregation), then those from the synced tickets. */
async function periodActuals(scorecard: ScorecardConfig, view: ScorecardPeriod, span: PeriodSpan, legacy: Readonly<Record<string, LegacySource>>, scope: FactsScope): Promise<PeriodActuals> {
  let typed: KpiValues;
  try {
    const monthly: Array<[string, Record<string, TypedValue>]> = [];
    for (const m of span.months) monthly.push([m, await typedActuals(scorecard.tree.root.id, m)]);
    typed = typedPeriodActuals(scorecard.tree, view, span, monthly);
  } catch (error) {
    if (error instanceof KpiInputError) return quotingCoreError({ error: 'INVALID_PERIOD' as const, message: error.message }, error);
    throw error;
  }
  try {
    return { values: { ...typed, ...(await sourcedActuals(scorecard.sources, legacy, span.months, scope)) } };
  } catch (error) {
    // A source the facts cannot answer (a policy removed since, a TAT statistic misspelt): named, not a crash.
    if (error instanceof KpiInputError) return quotingCoreError({ error: 'INVALID_SOURCE' as const, message: error.message }, error);
    throw error;
  }
}

/** The scorecard gadget's answer for the calling account: refused to a non-viewer, without pay for a plain viewer. */
export async function scorecardData(query: ScorecardQuery, accountId: string | undefined) {
  if (query.month !== undefined && !MONTH.test(query.month)) return invalidMonth(query.month);
  const view = (query.period ?? 'month') as ScorecardPeriod;
  if (!SCORECARD_PERIODS.includes(view)) return { error: 'INVALID_PERIOD' as const, message: `period must be ${SCORECARD_PERIODS.join(', ')}, got ${JSON.stringify(view)}` };
  const { config } = await loadConfig();
  const scorecard = scorecardById(config, query.scorecardId);
  if (!config || !scorecard) return { error: 'NO_SCORECARD' as const, scorecardId: query.scorecardId };
  const access = await scorecardAccess(scorecard, accountId);
  const legacy: Record<string, LegacySource> = {};
  for (const [kpiId, source] of Object.entries(query.sources ?? {})) {
    const read = legacySource(source);
    if (read === null) return { error: 'INVALID_SOURCE' as const, message: `KPI "${kpiId}": gadget source ${JSON.stringify(source)} is not sla:<policy id>, tatMedianHours, ftrPercent, reopenPercent or csatPercent` };
    legacy[kpiId] = read;
  }
  const timeZone = config.sync.reportTimeZone;
  const scope: FactsScope = { projects: await browsableProjects(query.projects), timeZone, gen: await activeGeneration(), policyIds: config.policies.map((p) => p.id), gate: new SecurityLevelGate() };
  const month = query.month ?? monthOf(runtime.now(), timeZone);
  // Each period's actuals are read once, though a trend point's period is also the baseline of the one after it.
  const read = new Map<string, Promise<PeriodActuals>>();
  const actualsIn = (anchor: string) => {
    const span = periodSpan(view, anchor);
    if (!read.has(span.key)) read.set(span.key, periodActuals(scorecard, view, span, legacy, scope));
    return read.get(span.key)!;
  };
  const anchors = Array.from({ length: TREND_LENGTH[view] }, (_, i) => stepBack(view, month, TREND_LENGTH[view] - 1 - i));
  const results = [];
  for (const anchor of anchors) {
    const actuals = await actualsIn(anchor);
    const previous = await actualsIn(previousAnchor(view, anchor));
    if ('error' in actuals) return actuals;
    if ('error' in previous) return previous;
    try {
      // The period before is both the last known value (carry-forward) and the baseline of the gaming alerts.
      results.push({ key: periodSpan(view, anchor).key, result: evaluateTree(scorecard.tree, actuals.values, { lastKnown: previous.values, previous: previous.values }) });
    } catch (error) {
      // A value its KPI's method cannot score (a negative time, lower is better): named, not a crash.
      if (error instanceof KpiInputError) return quotingCoreError({ error: 'INVALID_ACTUAL' as const, message: error.message }, error);
      throw error;
    }
  }
  const { key, result } = results[results.length - 1];
  const notes = scorecardNotes(scorecard.tree).map(({ code, scorecardId, kpiId, count }) => ({ code, scorecardId, kpiId: kpiId ?? null, count: count ?? null }));
  const trend = results.map((point) => ({ period: point.key, score: point.result.score }));
  const tree = nodeView(result, agreedLevels(scorecard.tree.root, scorecard.sources, legacy, config.policies));
  const signals = await teamSignals(config, scope, periodSpan(view, month).months);
  // A review note is about pay: only a viewer who sees pay sees it.
  const reviews = access === 'full' ? payReviewsOf(scorecard.tree, signals) : [];
  return { month, period: view, periodKey: key, projects: scope.projects, id: scorecard.tree.root.id, name: scorecard.tree.root.name, missing: scorecard.tree.missing, overall: result.score, tree: access === 'full' ? tree : withoutPay(tree, typedKpiIds(scorecard, legacy)), notes, trend, signals, reviews };
}
