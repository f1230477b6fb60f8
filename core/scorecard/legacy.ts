import { PERSPECTIVES, type Scorecard } from './schema';
import { ScorecardTreeSchema, type ScorecardTree, type TreeNode } from './tree';

const PERSPECTIVE_NAMES = {
  financial: 'Financial',
  customer: 'Customer',
  'internal-process': 'Internal process',
  'learning-growth': 'Learning and growth',
} as const;

/**
 * The objective tree of a perspective-based scorecard (ScorecardSchema), for stored configurations: each perspective
 * that has KPIs becomes a perspective node `<scorecard id>/<perspective>` weighted by perspectiveWeights, and each
 * cascaded child scorecard a scorecard child of weight 0, because the old overall counts a scorecard's own KPIs only
 * (with `rollUpChildren` a KPI still takes the score of the scorecards that cascade from it). evaluateTree gives the
 * same scores as the perspective rules did (test/helpers/legacy-scorecard-reference.ts). Errors (through ScorecardTreeSchema) name the node and field: a scorecard with no
 * KPI, or whose perspectives with KPIs all weigh 0, has no score to give and is rejected.
 */
export function treeOfScorecard(legacy: Scorecard): ScorecardTree {
  const nodeOf = (card: Scorecard, weight: number): TreeNode => ({
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
