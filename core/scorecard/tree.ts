import { z } from 'zod';
import { enumField, numberField, textField } from './fields';
import { checkSteps } from './methods/payout';
import { KpiDefinitionSchema, LEVELS, type KpiDefinition } from './schema';
import { ROLL_UP_METHODS } from './weighted';

/**
 * The objective tree (docs/SCORING.md "Objective trees"): scorecard → perspectives → objectives of any depth →
 * KPIs, with cascaded child scorecards as children weighted like any other child. Each container rolls up its KPIs
 * and children by its method (BSC Designer's container methods: weighted average, average, min, max, sum).
 */

const NODE_KINDS = ['scorecard', 'perspective', 'objective'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export const MISSING_POLICIES = ['ignore', 'zero', 'carry-forward', 'strict'] as const;
export type MissingPolicy = (typeof MISSING_POLICIES)[number];

/** KPI pay of a person-level scorecard: the KPI_PAYOUT rule (methods/payout.ts) applied to the scorecard's score. */
const PaySchema = z.lazy(() =>
  z
    .object({
      base: numberField('pay.base').nonnegative({ error: 'pay.base must not be negative' }),
      gate: numberField('pay.gate').nonnegative({ error: 'pay.gate must not be negative' }).optional(),
      cap: numberField('pay.cap').positive({ error: 'pay.cap must be greater than 0' }).optional(),
      /** Rows of [achievement from, rate], starts ascending; the rate of the last row reached applies. */
      steps: z.array(z.tuple([numberField('pay.steps from'), numberField('pay.steps rate')]), { error: 'pay.steps must be a list of [from, rate] rows' }).optional(),
    })
    .superRefine((pay, ctx) => {
      if (pay.steps === undefined) return;
      try {
        checkSteps('pay', 'steps', pay.steps);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['steps'], message: (error as Error).message });
      }
    }),
);

/** A node of the tree, built on ScorecardTreeSchema's first use (core/calendar/spec.ts says why schemas are lazy). */
function treeNodeSchema() {
  const node = z.object({
    id: textField('id'),
    name: textField('name'),
    kind: enumField('kind', NODE_KINDS),
    /** How this container combines its KPIs and children. */
    method: enumField('method', ROLL_UP_METHODS).default('weighted'),
    /**
     * `relative` (default): weights are renormalised over the items that have a score, Σ w·s ÷ Σ w. `absolute`: each
     * weight is the item's share of this container, Σ w·s, and a missing item's share is lost, not handed to the others.
     */
    weights: enumField('weights', ['relative', 'absolute']).default('relative'),
    /** This node's weight in its parent. */
    weight: numberField('weight').nonnegative({ error: 'weight must not be negative' }).default(1),
    /** Scorecard nodes: whose scorecard it is (company → department → person); a child is never above its parent. */
    level: enumField('level', LEVELS).optional(),
    /** Who answers for this node (a scorecard's holder, an objective's owner). */
    owner: textField('owner').optional(),
    /** Scorecard nodes: the id of the KPI of the scorecard above that this one breaks down (see TreeOptions.rollUpChildren). */
    cascadesFrom: textField('cascadesFrom').optional(),
    /** Person-level scorecards: KPI pay on the scorecard's score. */
    pay: PaySchema.optional(),
    kpis: z.array(KpiDefinitionSchema).default([]),
    // The annotation lets TypeScript (and type-aware lint) resolve the recursive type.
    get children(): z.ZodDefault<z.ZodArray<typeof node>> {
      return z.array(node).default([]);
    },
  });
  return node;
}

export type TreeNode = z.infer<ReturnType<typeof treeNodeSchema>>;

/** Which kinds may sit under which: perspectives under a scorecard, objectives under either, scorecards anywhere. */
const ALLOWED_UNDER: Record<NodeKind, readonly NodeKind[]> = {
  scorecard: ['perspective', 'objective', 'scorecard'],
  perspective: ['objective', 'scorecard'],
  objective: ['objective', 'scorecard'],
};

export const ScorecardTreeSchema = z.lazy(() =>
  z
    .object({
      /** What a KPI without an actual does: left out (default), scores 0, takes its last known value, or greys its parents. */
      missing: enumField('missing', MISSING_POLICIES).default('ignore'),
      root: treeNodeSchema(),
    })
    .superRefine((tree, ctx) => {
      const seen = { node: new Set<string>(), KPI: new Set<string>() };
      const claim = (kind: keyof typeof seen, id: string, path: (string | number)[]) => {
        if (seen[kind].has(id)) ctx.addIssue({ code: 'custom', path, message: `${kind} id "${id}" is used twice` });
        seen[kind].add(id);
      };
      if (tree.root.kind !== 'scorecard') ctx.addIssue({ code: 'custom', path: ['root', 'kind'], message: `the root must be a scorecard, not ${tree.root.kind}` });
      checkScorecardLinks(tree.root, undefined, ['root'], ctx);
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
    }),
);
export type ScorecardTree = z.infer<typeof ScorecardTreeSchema>;

/** Every KPI under a node, the scorecards below it included. */
export const kpisOfTree = (node: TreeNode): KpiDefinition[] => [...node.kpis, ...node.children.flatMap(kpisOfTree)];

/** The KPIs that belong to a scorecard node: its own and those of its perspectives and objectives, not of scorecards below. */
export function kpisOfScorecard(card: TreeNode): KpiDefinition[] {
  return [...card.kpis, ...card.children.filter((child) => child.kind !== 'scorecard').flatMap(kpisOfScorecard)];
}

/** The scorecards directly below a scorecard node, through its perspectives and objectives. */
export function scorecardsBelow(card: TreeNode): TreeNode[] {
  return card.children.flatMap((child) => (child.kind === 'scorecard' ? [child] : scorecardsBelow(child)));
}

/**
 * Checks made per scorecard: level, pay and cascadesFrom only on scorecards, a level never above its parent's, pay only
 * on a person, guardedBy naming a KPI of the same scorecard, cascadesFrom naming a KPI of the scorecard above.
 */
function checkScorecardLinks(card: TreeNode, parent: TreeNode | undefined, at: (string | number)[], ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const own = new Set(kpisOfScorecard(card).map((kpi) => kpi.id));
  if (card.pay !== undefined && card.level !== 'person') {
    issue([...at, 'pay'], `scorecard "${card.id}": pay needs level person, not ${card.level ?? 'no level'}`);
  }
  if (parent !== undefined && card.level !== undefined && parent.level !== undefined && LEVELS.indexOf(card.level) < LEVELS.indexOf(parent.level)) {
    issue([...at, 'level'], `a ${card.level} scorecard ("${card.id}") cannot sit under a ${parent.level} scorecard ("${parent.id}")`);
  }
  if (card.cascadesFrom !== undefined && (parent === undefined || !kpisOfScorecard(parent).some((kpi) => kpi.id === card.cascadesFrom))) {
    issue([...at, 'cascadesFrom'], `scorecard "${card.id}": cascadesFrom "${card.cascadesFrom}" is not a KPI of the scorecard above${parent ? ` ("${parent.id}")` : ''}`);
  }
  const walk = (node: TreeNode, path: (string | number)[]): void => {
    node.kpis.forEach((kpi, index) => {
      if (kpi.guardedBy !== undefined && !own.has(kpi.guardedBy)) {
        issue([...path, 'kpis', index, 'guardedBy'], `KPI "${kpi.id}": guardedBy "${kpi.guardedBy}" is not a KPI of scorecard "${card.id}"`);
      }
    });
    node.children.forEach((child, index) => {
      const childPath = [...path, 'children', index];
      if (child.kind === 'scorecard') return checkScorecardLinks(child, card, childPath, ctx);
      for (const field of ['level', 'pay', 'cascadesFrom'] as const) {
        if (child[field] !== undefined) issue([...childPath, field], `${child.kind} "${child.id}": ${field} belongs on a scorecard node`);
      }
      walk(child, childPath);
    });
  };
  walk(card, at);
}
