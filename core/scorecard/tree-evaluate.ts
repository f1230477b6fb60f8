import { mean } from '../kpi/validate';
import { gamingAlertsOf, type GamingAlert } from './guard-alerts';
import { kpiPayout } from './methods/payout';
import { pillarBalance, type PillarBalance } from './pillars';
import type { KpiDefinition, RagStatus } from './schema';
import { scoreOfKpi, statusOfKpi } from './score';
import { kpisOfScorecard, scorecardsBelow, type ScorecardTree, type TreeNode } from './tree';
import { valueOf, type KpiValues } from './values';
import { combine, type RollUpMethod } from './weighted';

export interface TreeKpiResult {
  kpi: KpiDefinition;
  /** The actual scored: this period's, or the last known one under carry-forward; null when none. */
  actual: number | null;
  /**
   * `actual`: this period's value; `children`: rolled up from the scorecards that cascade from it (rollUpChildren);
   * `carried`: the last known value; `zero`: missing, scored 0; null: not scored.
   */
  source: 'actual' | 'children' | 'carried' | 'zero' | null;
  /** The method's own score (0..scale for goal-red-flag); null when not scored or rolled up from children. */
  score: number | null;
  /** The score on the scale that rolls up (1 = the target is met). */
  achievement: number | null;
  status: RagStatus | null;
  /** The previous period's value (TreeOptions.previous) and actual − previous when both are known. */
  previous: number | null;
  change: number | null;
  /** This KPI's part of its scorecard's score: with the parts of the scorecards below, they add up to that score. */
  contribution: number | null;
}

export interface TreeResult {
  node: TreeNode;
  /** The container's score on the achievement scale; null when nothing under it is scored, or greyed by strict. */
  score: number | null;
  /** Under strict: true when a KPI or child below is missing, which is why the score is null. */
  greyed: boolean;
  kpis: TreeKpiResult[];
  children: TreeResult[];
  /** This node's part of the score of the scorecard above it (null at the root or when not scored). */
  contribution: number | null;
  /** Mean achievement per pillar of the KPIs under this node, not counting the scorecards below it. */
  pillars: PillarBalance;
  /** Scorecard nodes: gaming alerts among the scorecard's own KPIs, previous vs current; empty elsewhere. */
  alerts: GamingAlert[];
  /** Person-level scorecards with `pay`: KPI pay on the score (a negative score earns 0); null otherwise. */
  payout: number | null;
}

export interface TreeOptions {
  /** The last known value of each KPI, for the carry-forward policy. */
  lastKnown?: KpiValues;
  /** The previous period's values: changes per KPI and gaming alerts. */
  previous?: KpiValues;
  /**
   * A KPI with no actual takes, as its achievement, the mean score of the scorecards that cascade from it
   * (`cascadesFrom` = its id), limited to its floor and cap.
   */
  rollUpChildren?: boolean;
}

const FN = 'evaluateTree';
type Item = [score: number | null, weight: number];

/**
 * Each item's share of its container's score, so that Σ share × score = the score: w ÷ Σ w over the scored items
 * (weighted, relative), w (sum, or weighted with absolute weights), 1 ÷ n (average), all of it to the first item
 * that gives the min or max. Null for unscored items.
 */
function sharesOf(method: RollUpMethod, items: readonly Item[], score: number): (number | null)[] {
  const present = items.filter((item): item is [number, number] => item[0] !== null);
  const totalWeight = present.reduce((total, [, weight]) => total + weight, 0);
  const decisive = items.findIndex(([s]) => s === score);
  return items.map(([s, weight], index) => {
    if (s === null) return null;
    switch (method) {
      case 'weighted':
        return weight / totalWeight;
      case 'sum':
        return weight;
      case 'average':
        return 1 / present.length;
      case 'min':
      case 'max':
        return index === decisive ? 1 : 0;
    }
  });
}

/**
 * Evaluates a parsed objective tree against actuals keyed by KPI id, by each container's method and the tree's
 * missing-data policy; per node also the pillar balance, gaming alerts (scorecards, with `previous`), each KPI's
 * contribution to its scorecard's score and the pay of a person-level scorecard with `pay`.
 */
export function evaluateTree(tree: ScorecardTree, actuals: KpiValues, options: TreeOptions = {}): TreeResult {
  const lastKnown = options.lastKnown ?? {};
  const previous = options.previous ?? {};

  const scoreLeaf = (kpi: KpiDefinition, cascaded: readonly TreeResult[]): TreeKpiResult => {
    const before = valueOf(FN, 'previous', previous, kpi.id);
    let actual = valueOf(FN, 'actuals', actuals, kpi.id);
    const change = actual !== null && before !== null ? actual - before : null;
    const base = { kpi, previous: before, change, contribution: null };
    const fromChildren = cascaded.filter((card) => card.node.cascadesFrom === kpi.id && card.score !== null);
    if (actual === null && options.rollUpChildren && fromChildren.length > 0) {
      const achievement = Math.min(kpi.cap, Math.max(kpi.floor, mean(fromChildren.map((card) => card.score!))));
      return { ...base, actual: null, source: 'children', score: null, achievement, status: statusOfKpi(kpi, null, achievement, `${FN}: KPI "${kpi.id}"`) };
    }
    let source: TreeKpiResult['source'] = actual === null ? null : 'actual';
    if (actual === null && tree.missing === 'carry-forward') {
      actual = valueOf(FN, 'lastKnown', lastKnown, kpi.id);
      if (actual !== null) source = 'carried';
    }
    if (actual === null) {
      if (tree.missing !== 'zero') return { ...base, actual: null, source: null, score: null, achievement: null, status: null };
      return { ...base, actual: null, source: 'zero', score: 0, achievement: 0, status: 'RED' };
    }
    const { score, achievement } = scoreOfKpi(kpi, actual, `${FN}: KPI "${kpi.id}"`, source === 'carried' ? `lastKnown.${kpi.id}` : `actuals.${kpi.id}`);
    return { ...base, actual, source, score, achievement, status: statusOfKpi(kpi, actual, achievement, `${FN}: KPI "${kpi.id}"`) };
  };

  /** A scorecard: the scorecards below it first (a KPI may roll them up), then its own containers. */
  const evaluateCard = (card: TreeNode): TreeResult => {
    const below = new Map(scorecardsBelow(card).map((child) => [child.id, evaluateCard(child)]));
    const cascaded = [...below.values()];
    const visit = (node: TreeNode): TreeResult => {
      const kpis = node.kpis.map((kpi) => scoreLeaf(kpi, cascaded));
      const children = node.children.map((child) => (child.kind === 'scorecard' ? below.get(child.id)! : visit(child)));
      const items = itemsOf(kpis, children);
      const greyed = tree.missing === 'strict' && (items.some(([score]) => score === null) || children.some((c) => c.greyed));
      const present = items.filter((item): item is [number, number] => item[0] !== null);
      const score = greyed || present.length === 0 ? null : combine(methodOf(node), present);
      const ownKpis = [...kpis, ...children.filter((c) => c.node.kind !== 'scorecard').flatMap(kpisUnder)];
      return { node, score, greyed, kpis, children, contribution: null, pillars: pillarBalance(ownKpis), alerts: [], payout: null };
    };
    const result = visit(card);
    assignContributions(result, 1);
    result.alerts = gamingAlertsOf(FN, card.id, kpisOfScorecard(card), actuals, previous);
    if (card.pay !== undefined && result.score !== null) {
      const { base, gate, cap, steps } = card.pay;
      result.payout = kpiPayout(`${FN}: scorecard "${card.id}" pay`, Math.max(0, result.score), base, gate, cap, steps);
    }
    return result;
  };
  return evaluateCard(tree.root);
}

/** Absolute weights under `weighted` add up like `sum`: each weight is the item's share of the container. */
const methodOf = (node: TreeNode): RollUpMethod => (node.weights === 'absolute' && node.method === 'weighted' ? 'sum' : node.method);

const itemsOf = (kpis: readonly TreeKpiResult[], children: readonly TreeResult[]): Item[] => [
  ...kpis.map((k): Item => [k.achievement, k.kpi.weight]),
  ...children.map((c): Item => [c.score, c.node.weight]),
];

/** The KPI results under a node, down to (not into) the scorecards below it. */
const kpisUnder = (result: TreeResult): TreeKpiResult[] => [
  ...result.kpis,
  ...result.children.filter((c) => c.node.kind !== 'scorecard').flatMap(kpisUnder),
];

/**
 * Splits a scorecard's score over its KPIs and the scorecards below, top down: each item gets its container's
 * factor × its share. A scorecard below gets its own contribution here; its KPIs' parts were set when it was evaluated.
 */
function assignContributions(result: TreeResult, factor: number): void {
  if (result.score === null) return;
  const shares = sharesOf(methodOf(result.node), itemsOf(result.kpis, result.children), result.score);
  result.kpis.forEach((k, index) => {
    const share = shares[index];
    k.contribution = share === null ? null : k.achievement! * share * factor;
  });
  result.children.forEach((child, index) => {
    const share = shares[result.kpis.length + index];
    if (share === null) return;
    child.contribution = child.score! * share * factor;
    if (child.node.kind !== 'scorecard') assignContributions(child, share * factor);
  });
}
