import { mean, sum } from '../kpi/validate';
import { levelAlerts, valueOf, type GamingAlert, type KpiValues } from './gaming';
import { pillarBalance, type PillarBalance } from './pillars';
import { PERSPECTIVES, type KpiDefinition, type Perspective, type Scorecard } from './schema';
import { kpiStatusFor, scoreKpi } from './kpi-score';
import type { RagStatus } from './score';
import { weightedMean } from './weighted';

export interface KpiResult {
  kpi: KpiDefinition;
  actual: number | null;
  previous: number | null;
  /** actual − previous, when both are known. */
  change: number | null;
  /**
   * The score on the scale that rolls up (1 = the target is met): for ratio scoring the achievement ratio in
   * [floor, cap]; for goal-red-flag the score ÷ scale. Null when the KPI has no actual (and nothing rolled up into it).
   */
  achievement: number | null;
  /** The method's own score (0..scale for goal-red-flag; the achievement otherwise); null without an actual. */
  score: number | null;
  /** Where the achievement came from: the KPI's own actual, or the child scorecards that cascade from it. */
  source: 'actual' | 'children' | null;
  status: RagStatus | null;
  /** This KPI's part of the overall score: the contributions of a scorecard add up to its overall. */
  contribution: number | null;
}

export interface PerspectiveResult {
  perspective: Perspective;
  weight: number;
  /** KPI-weighted mean achievement of the perspective's scored KPIs; null when none is scored. */
  score: number | null;
}


export interface ScorecardResult {
  scorecard: Scorecard;
  /** Perspective-weighted mean of the perspective scores, over the perspectives that have one; null if none. */
  overall: number | null;
  perspectives: PerspectiveResult[];
  pillars: PillarBalance;
  kpis: KpiResult[];
  /** Gaming alerts for this scorecard's own KPIs (empty without previous values). */
  alerts: GamingAlert[];
  children: ScorecardResult[];
}

export interface EvaluateOptions {
  /**
   * Roll children up into the parent: a parent KPI with no actual of its own takes, as its achievement, the mean
   * overall score of the child scorecards that cascade from it (`cascadesFrom` = its id), clamped to its floor and cap.
   */
  rollUpChildren?: boolean;
}

const FN = 'evaluateScorecard';

/**
 * Evaluates a parsed scorecard (the output of ScorecardSchema) and its children, recursively, against actual values
 * keyed by KPI id. Perspective scores weight KPIs by their weights, the overall weights perspectives by
 * perspectiveWeights; in both, blank scores are left out and the remaining weights renormalised.
 */
export function evaluateScorecard(
  scorecard: Scorecard,
  actuals: KpiValues,
  previous: KpiValues = {},
  options: EvaluateOptions = {},
): ScorecardResult {
  const children = scorecard.children.map((child) => evaluateScorecard(child, actuals, previous, options));

  const kpis = scorecard.kpis.map((kpi): KpiResult => {
    const actual = valueOf(FN, 'actuals', actuals, kpi.id);
    const before = valueOf(FN, 'previous', previous, kpi.id);
    const cascaded = children.filter((child) => child.scorecard.cascadesFrom === kpi.id && child.overall !== null);
    const scored = actual !== null ? scoreKpi(kpi, actual, kpi.scoring ? `${FN}: KPI "${kpi.id}"` : FN, `actuals.${kpi.id}`) : null;
    const achievement =
      scored !== null
        ? scored.achievement
        : options.rollUpChildren && cascaded.length > 0
          ? Math.min(kpi.cap, Math.max(kpi.floor, mean(cascaded.map((child) => child.overall!))))
          : null;
    return {
      kpi,
      actual,
      previous: before,
      change: actual !== null && before !== null ? actual - before : null,
      achievement,
      score: scored?.score ?? null,
      source: achievement === null ? null : actual !== null ? 'actual' : 'children',
      status: achievement === null ? null : kpiStatusFor(kpi, actual, achievement, `${FN}: KPI "${kpi.id}"`),
      contribution: achievement === null ? null : 0,
    };
  });

  const scored = kpis.filter((result) => result.achievement !== null);
  const membersOf = (perspective: Perspective): KpiResult[] => scored.filter((r) => r.kpi.perspective === perspective);
  const perspectives = PERSPECTIVES.map((perspective): PerspectiveResult => ({
    perspective,
    weight: scorecard.perspectiveWeights[perspective] ?? 0,
    score: weightedMean(membersOf(perspective).map((r) => [r.achievement!, r.kpi.weight])),
  }));
  const counted = perspectives.filter((p) => p.score !== null);
  const overall = weightedMean(counted.map((p) => [p.score!, p.weight]));

  const countedWeight = sum(counted.map((p) => p.weight));
  if (countedWeight > 0) {
    for (const { perspective, weight } of counted) {
      const members = membersOf(perspective);
      const memberWeight = sum(members.map((r) => r.kpi.weight));
      for (const r of members) r.contribution = r.achievement! * (r.kpi.weight / memberWeight) * (weight / countedWeight);
    }
  }


  return {
    scorecard,
    overall,
    perspectives,
    pillars: pillarBalance(kpis),
    kpis,
    alerts: levelAlerts(FN, scorecard, actuals, previous),
    children,
  };
}
