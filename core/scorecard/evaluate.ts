import type { GamingAlert, KpiValues } from './gaming';
import { treeOfScorecard } from './legacy';
import type { PillarBalance } from './pillars';
import { PERSPECTIVES, type KpiDefinition, type Perspective, type Scorecard } from './schema';
import type { RagStatus } from './score';
import { evaluateTree, type TreeKpiResult, type TreeResult } from './tree-evaluate';

export interface KpiResult {
  kpi: KpiDefinition;
  actual: number | null;
  previous: number | null;
  /** actual − previous, when both are known. */
  change: number | null;
  /** The score on the scale that rolls up (1 = the target is met); null when the KPI has no actual (and nothing rolled up into it). */
  achievement: number | null;
  /** The method's own score (0..scale for goal-red-flag; the achievement otherwise); null without an actual. */
  score: number | null;
  /** Where the achievement came from: the KPI's own actual, or the child scorecards that cascade from it. */
  source: TreeKpiResult['source'];
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
  /** A parent KPI with no actual takes the mean overall of the scorecards that cascade from it (TreeOptions.rollUpChildren). */
  rollUpChildren?: boolean;
}

/**
 * The perspective scorecard's result, for callers still on ScorecardSchema: a thin view of
 * `evaluateTree(treeOfScorecard(scorecard), …)`, the one evaluator. Errors are the tree's (`evaluateTree: KPI "dso":
 * actuals.dso …`; `treeOfScorecard: …` for a scorecard with no KPI or whose perspectives with KPIs all weigh 0).
 */
export function evaluateScorecard(scorecard: Scorecard, actuals: KpiValues, previous: KpiValues = {}, options: EvaluateOptions = {}): ScorecardResult {
  return viewOf(scorecard, evaluateTree(treeOfScorecard(scorecard), actuals, { previous, rollUpChildren: options.rollUpChildren }));
}

function viewOf(card: Scorecard, result: TreeResult): ScorecardResult {
  const perspectiveNodes = result.children.filter((child) => child.node.kind === 'perspective');
  const kpis = new Map(perspectiveNodes.flatMap((node) => node.kpis).map((k) => [k.kpi.id, k]));
  return {
    scorecard: card,
    overall: result.score,
    perspectives: PERSPECTIVES.map((perspective) => ({
      perspective,
      weight: card.perspectiveWeights[perspective] ?? 0,
      score: perspectiveNodes.find((node) => node.node.id === `${card.id}/${perspective}`)?.score ?? null,
    })),
    pillars: result.pillars,
    kpis: card.kpis.map((kpi): KpiResult => {
      const { actual, previous, change, achievement, score, source, status, contribution } = kpis.get(kpi.id)!;
      return { kpi, actual, previous, change, achievement, score, source, status, contribution };
    }),
    alerts: result.alerts,
    children: card.children.map((child) => viewOf(child, result.children.find((node) => node.node.id === child.id)!)),
  };
}
