import { z } from 'zod';
import { valueOf, type KpiValues } from './gaming';
import { number, oneOf, text } from './fields';
import { kpiStatusFor, scoreKpi } from './kpi-score';
import { KpiDefinitionSchema, type KpiDefinition } from './schema';
import type { RagStatus } from './score';
import { combine, ROLL_UP_METHODS } from './weighted';

/**
 * The objective tree (issue 9, docs/SCORING.md "Objective trees"): scorecard → perspectives → objectives of any depth →
 * KPIs, with cascaded child scorecards as children weighted like any other child. Each container rolls up its KPIs
 * and children by its method (BSC Designer's container methods: weighted average, average, min, max, sum).
 */

const NODE_KINDS = ['scorecard', 'perspective', 'objective'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export const MISSING_POLICIES = ['ignore', 'zero', 'carry-forward', 'strict'] as const;
export type MissingPolicy = (typeof MISSING_POLICIES)[number];

const TreeNodeSchema = z.object({
  id: text('id'),
  name: text('name'),
  kind: oneOf('kind', NODE_KINDS),
  /** How this container combines its KPIs and children. */
  method: oneOf('method', ROLL_UP_METHODS).default('weighted'),
  /**
   * `relative` (default): weights are renormalised over the items that have a score, Σ w·s ÷ Σ w. `absolute`: each
   * weight is the item's share of this container, Σ w·s, and a missing item's share is lost, not handed to the others.
   */
  weights: oneOf('weights', ['relative', 'absolute']).default('relative'),
  /** This node's weight in its parent. */
  weight: number('weight').nonnegative({ error: 'weight must not be negative' }).default(1),
  kpis: z.array(KpiDefinitionSchema).default([]),
  // The annotation lets TypeScript (and type-aware lint) resolve the recursive type.
  get children(): z.ZodDefault<z.ZodArray<typeof TreeNodeSchema>> {
    return z.array(TreeNodeSchema).default([]);
  },
});
export type TreeNode = z.infer<typeof TreeNodeSchema>;

/** Which kinds may sit under which: perspectives under a scorecard, objectives under either, scorecards anywhere. */
const ALLOWED_UNDER: Record<NodeKind, readonly NodeKind[]> = {
  scorecard: ['perspective', 'objective', 'scorecard'],
  perspective: ['objective', 'scorecard'],
  objective: ['objective', 'scorecard'],
};

export const ScorecardTreeSchema = z
  .object({
    /** What a KPI without an actual does: left out (default), scores 0, takes its last known value, or greys its parents. */
    missing: oneOf('missing', MISSING_POLICIES).default('ignore'),
    root: TreeNodeSchema,
  })
  .superRefine((tree, ctx) => {
    const seen = { node: new Set<string>(), KPI: new Set<string>() };
    const claim = (kind: keyof typeof seen, id: string, path: (string | number)[]) => {
      if (seen[kind].has(id)) ctx.addIssue({ code: 'custom', path, message: `${kind} id "${id}" is used twice` });
      seen[kind].add(id);
    };
    if (tree.root.kind !== 'scorecard') ctx.addIssue({ code: 'custom', path: ['root', 'kind'], message: `the root must be a scorecard, not ${tree.root.kind}` });
    const visit = (node: TreeNode, path: (string | number)[]): void => {
      claim('node', node.id, [...path, 'id']);
      node.kpis.forEach((kpi, index) => claim('KPI', kpi.id, [...path, 'kpis', index, 'id']));
      const weights = [...node.kpis.map((kpi) => kpi.weight), ...node.children.map((child) => child.weight)];
      if (weights.length === 0) {
        ctx.addIssue({ code: 'custom', path: [...path, 'children'], message: `${node.kind} "${node.id}" has no KPI and no child to score` });
      } else if ((node.method === 'weighted' || node.method === 'sum') && weights.every((w) => w === 0)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'weight'], message: `${node.kind} "${node.id}": the weights of its KPIs and children are all 0, so ${node.method} has nothing to weight` });
      }
      node.children.forEach((child, index) => {
        if (!ALLOWED_UNDER[node.kind].includes(child.kind)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'children', index, 'kind'], message: `a ${child.kind} ("${child.id}") cannot sit under a ${node.kind} ("${node.id}")` });
        }
        visit(child, [...path, 'children', index]);
      });
    };
    visit(tree.root, ['root']);
  });
export type ScorecardTree = z.infer<typeof ScorecardTreeSchema>;

export interface TreeKpiResult {
  kpi: KpiDefinition;
  /** The actual scored: this period's, or the last known one under carry-forward; null when none. */
  actual: number | null;
  /** `actual`: this period's value; `carried`: the last known value; `zero`: missing, scored 0; null: not scored. */
  source: 'actual' | 'carried' | 'zero' | null;
  score: number | null;
  achievement: number | null;
  status: RagStatus | null;
}

export interface TreeResult {
  node: TreeNode;
  /** The container's score on the achievement scale; null when nothing under it is scored, or greyed by strict. */
  score: number | null;
  /** Under strict: true when a KPI or child below is missing, which is why the score is null. */
  greyed: boolean;
  kpis: TreeKpiResult[];
  children: TreeResult[];
}

export interface TreeOptions {
  /** The last known value of each KPI, for the carry-forward policy. */
  lastKnown?: KpiValues;
}

const FN = 'evaluateTree';

/** Evaluates a parsed objective tree against actuals keyed by KPI id, by each container's method and the tree's missing-data policy. */
export function evaluateTree(tree: ScorecardTree, actuals: KpiValues, options: TreeOptions = {}): TreeResult {
  const lastKnown = options.lastKnown ?? {};
  const scoreLeaf = (kpi: KpiDefinition): TreeKpiResult => {
    let actual = valueOf(FN, 'actuals', actuals, kpi.id);
    let source: TreeKpiResult['source'] = actual === null ? null : 'actual';
    if (actual === null && tree.missing === 'carry-forward') {
      actual = valueOf(FN, 'lastKnown', lastKnown, kpi.id);
      if (actual !== null) source = 'carried';
    }
    if (actual === null) {
      if (tree.missing !== 'zero') return { kpi, actual: null, source: null, score: null, achievement: null, status: null };
      return { kpi, actual: null, source: 'zero', score: 0, achievement: 0, status: 'RED' };
    }
    const { score, achievement } = scoreKpi(kpi, actual, `${FN}: KPI "${kpi.id}"`, source === 'carried' ? `lastKnown.${kpi.id}` : `actuals.${kpi.id}`);
    return { kpi, actual, source, score, achievement, status: kpiStatusFor(kpi, actual, achievement, `${FN}: KPI "${kpi.id}"`) };
  };

  const visit = (node: TreeNode): TreeResult => {
    const kpis = node.kpis.map(scoreLeaf);
    const children = node.children.map(visit);
    const items: [score: number | null, weight: number][] = [
      ...kpis.map((k): [number | null, number] => [k.achievement, k.kpi.weight]),
      ...children.map((c): [number | null, number] => [c.score, c.node.weight]),
    ];
    const greyed = tree.missing === 'strict' && (items.some(([score]) => score === null) || children.some((c) => c.greyed));
    const present = items.filter((item): item is [number, number] => item[0] !== null);
    let score: number | null = null;
    if (!greyed && present.length > 0) {
      score = node.weights === 'absolute' && node.method === 'weighted' ? combine('sum', present) : combine(node.method, present);
    }
    return { node, score, greyed, kpis, children };
  };
  return visit(tree.root);
}
