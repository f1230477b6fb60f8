import { z } from 'zod';
import {
  enumField,
  KpiDefinitionSchema,
  LEVELS,
  numberField,
  PERSPECTIVES,
  ScorecardTreeSchema,
  textField,
  type ScorecardTree,
  type TreeNode,
} from '../../../core';

/**
 * The perspective form of a scorecard that configuration version 2 stored (`perspectiveWeights`, `kpis`, cascaded
 * `children`). The engine scores trees only; this form is read here, by the migration, and turned into a tree.
 */

const EQUAL_PERSPECTIVE_WEIGHTS = { financial: 1, customer: 1, 'internal-process': 1, 'learning-growth': 1 };

const PerspectiveScorecardNodeSchema = z.object({
  id: textField('id'),
  name: textField('name'),
  level: enumField('level', LEVELS),
  owner: textField('owner'),
  /** Weight of each perspective in the overall score; equal when left out. */
  perspectiveWeights: z
    .partialRecord(enumField('perspective', PERSPECTIVES), numberField('perspective weight').nonnegative({ error: 'a perspective weight must not be negative' }))
    .default(EQUAL_PERSPECTIVE_WEIGHTS),
  kpis: z.array(KpiDefinitionSchema).default([]),
  /** The id of the parent scorecard's KPI that this scorecard breaks down. */
  cascadesFrom: textField('cascadesFrom').optional(),
  // The annotation lets TypeScript (and type-aware lint) resolve the recursive type.
  get children(): z.ZodDefault<z.ZodArray<typeof PerspectiveScorecardNodeSchema>> {
    return z.array(PerspectiveScorecardNodeSchema).default([]);
  },
});

/** A stored perspective scorecard; children are the scorecards it cascades to (company → department → person). */
export type PerspectiveScorecard = z.infer<typeof PerspectiveScorecardNodeSchema>;

/** Scorecard and KPI ids must be unique in the whole tree: actuals are keyed by KPI id, results by scorecard id. */
export const PerspectiveScorecardSchema = PerspectiveScorecardNodeSchema.superRefine((root, ctx) => {
  const seen = { scorecard: new Set<string>(), KPI: new Set<string>() };
  const claim = (kind: keyof typeof seen, id: string, path: (string | number)[]): void => {
    if (seen[kind].has(id)) ctx.addIssue({ code: 'custom', path, message: `${kind} id "${id}" is used twice` });
    seen[kind].add(id);
  };
  const visit = (card: PerspectiveScorecard, path: (string | number)[]): void => {
    claim('scorecard', card.id, [...path, 'id']);
    card.kpis.forEach((kpi, index) => claim('KPI', kpi.id, [...path, 'kpis', index, 'id']));
    card.children.forEach((child, index) => visit(child, [...path, 'children', index]));
  };
  // Deepest scorecards first, as a parser reads a tree; then ids across the whole tree.
  const checkTree = (card: PerspectiveScorecard, path: (string | number)[]): void => {
    card.children.forEach((child, index) => checkTree(child, [...path, 'children', index]));
    checkNode(card, ctx, path);
  };
  checkTree(root, []);
  visit(root, []);
});

/** Checks made at every node of the tree: cross-references within a scorecard and to its parent. */
function checkNode(card: PerspectiveScorecard, ctx: z.RefinementCtx, at: (string | number)[]): void {
  const kpiIds = new Set(card.kpis.map((kpi) => kpi.id));
  card.kpis.forEach((kpi, index) => {
    if (kpi.guardedBy !== undefined && !kpiIds.has(kpi.guardedBy)) {
      ctx.addIssue({ code: 'custom', path: [...at, 'kpis', index, 'guardedBy'], message: `guardedBy "${kpi.guardedBy}" is not a KPI of scorecard "${card.id}"` });
    }
  });
  for (const perspective of new Set(card.kpis.map((kpi) => kpi.perspective))) {
    if (card.perspectiveWeights[perspective] === undefined) {
      ctx.addIssue({ code: 'custom', path: [...at, 'perspectiveWeights'], message: `perspectiveWeights has no weight for "${perspective}", which has KPIs` });
    }
  }
  card.children.forEach((child, index) => {
    if (child.cascadesFrom !== undefined && !kpiIds.has(child.cascadesFrom)) {
      ctx.addIssue({ code: 'custom', path: [...at, 'children', index, 'cascadesFrom'], message: `cascadesFrom "${child.cascadesFrom}" is not a KPI of the parent scorecard "${card.id}"` });
    }
    if (LEVELS.indexOf(child.level) < LEVELS.indexOf(card.level)) {
      ctx.addIssue({ code: 'custom', path: [...at, 'children', index, 'level'], message: `a ${child.level} scorecard cannot sit under a ${card.level} scorecard` });
    }
  });
}

const PERSPECTIVE_NAMES = {
  financial: 'Financial',
  customer: 'Customer',
  'internal-process': 'Internal process',
  'learning-growth': 'Learning and growth',
} as const;

/**
 * The objective tree of a perspective scorecard: each perspective that has KPIs becomes a perspective node
 * `<scorecard id>/<perspective>` weighted by perspectiveWeights, and each cascaded child scorecard a scorecard child of
 * weight 0, because the old overall counts a scorecard's own KPIs only (with `rollUpChildren` a KPI still takes the
 * score of the scorecards that cascade from it). The engine's evaluateTree gives the same scores as the perspective
 * rules did. Errors (through ScorecardTreeSchema) name the node and field: a scorecard with no KPI, or whose
 * perspectives with KPIs all weigh 0, has no score to give and is rejected.
 */
export function treeOfScorecard(legacy: PerspectiveScorecard): ScorecardTree {
  const nodeOf = (card: PerspectiveScorecard, weight: number): TreeNode => ({
    id: card.id,
    name: card.name,
    kind: 'scorecard',
    method: 'weighted',
    weights: 'relative',
    weight,
    level: card.level,
    owner: card.owner,
    ...(card.cascadesFrom === undefined ? {} : { cascadesFrom: card.cascadesFrom }),
    kpis: [],
    children: [
      ...PERSPECTIVES.filter((perspective) => card.kpis.some((kpi) => kpi.perspective === perspective)).map(
        (perspective): TreeNode => ({
          id: `${card.id}/${perspective}`,
          name: PERSPECTIVE_NAMES[perspective],
          kind: 'perspective',
          method: 'weighted',
          weights: 'relative',
          weight: card.perspectiveWeights[perspective] ?? 0,
          kpis: card.kpis.filter((kpi) => kpi.perspective === perspective),
          children: [],
        }),
      ),
      ...card.children.map((child) => nodeOf(child, 0)),
    ],
  });
  const parsed = ScorecardTreeSchema.safeParse({ missing: 'ignore', root: nodeOf(legacy, 1) });
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    throw new Error(`treeOfScorecard: scorecard "${legacy.id}": ${first.path.join('.')}: ${first.message}`);
  }
  return parsed.data;
}
