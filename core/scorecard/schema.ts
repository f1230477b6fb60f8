import { z } from 'zod';
import { choices, number, oneOf, text } from './fields';

export const PERSPECTIVES = ['financial', 'customer', 'internal-process', 'learning-growth'] as const;
export const PILLARS = ['speed', 'accuracy', 'satisfaction', 'volume', 'other'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];
export type Pillar = (typeof PILLARS)[number];
export type Direction = 'higher' | 'lower';

const SCORING_METHODS = ['ratio', 'progress', 'performance', 'goal-red-flag', 'stabilize', 'binary', 'bands'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

/**
 * How a KPI's actual becomes a score (docs/SCORING.md). The KPI's `target` is the target (ratio, progress, binary,
 * stabilize) or the goal (goal-red-flag); `direction` is used by ratio, performance, binary and bands.
 */
/**
 * A method's parameters, and nothing else: a key the method does not take (a `cap` written inside `scoring` instead
 * of on the KPI) is an error naming it, not dropped.
 */
const method = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `scoring: ${issue.keys.map((key) => `"${key}"`).join(', ')} is not a parameter of the ${String((issue.input as { method?: unknown }).method)} method${issue.keys.some((key) => ['cap', 'floor'].includes(key)) ? '; floor and cap belong on the KPI, beside target' : ''}`
        : undefined,
  });

export const ScoringSchema = z.discriminatedUnion(
  'method',
  [
    method({ method: z.literal('ratio') }),
    method({ method: z.literal('progress'), baseline: number('scoring.baseline'), clamp: z.boolean({ error: 'scoring.clamp must be true or false' }).default(true) }),
    method({ method: z.literal('performance'), min: number('scoring.min'), max: number('scoring.max') }),
    method({ method: z.literal('goal-red-flag'), redFlag: number('scoring.redFlag'), scale: number('scoring.scale').positive({ error: 'scoring.scale must be greater than 0' }).default(10) }),
    method({ method: z.literal('stabilize'), tolerance: number('scoring.tolerance').positive({ error: 'scoring.tolerance must be greater than 0' }) }),
    method({ method: z.literal('binary') }),
    method({ method: z.literal('bands'), bands: z.array(number('scoring.bands'), { error: 'scoring.bands must be a list of numbers' }).min(2, { error: 'scoring.bands must have at least 2 boundaries' }) }),
  ],
  { error: choices('scoring.method', SCORING_METHODS) },
);
export type Scoring = z.infer<typeof ScoringSchema>;

/**
 * The RAG rule of a KPI with a scoring method: by achievement (GREEN from greenFrom, RED below redBelow, AMBER
 * between; defaults: the target is met, 90 %), or by the goal and red flag of a goal-red-flag KPI.
 */
export const StatusRuleSchema = z.discriminatedUnion(
  'by',
  [
    z.object({ by: z.literal('achievement'), greenFrom: number('status.greenFrom').default(1), redBelow: number('status.redBelow').default(0.9) }),
    z.object({ by: z.literal('goal-red-flag') }),
  ],
  { error: 'status.by must be achievement or goal-red-flag' },
);
export type StatusRule = z.infer<typeof StatusRuleSchema>;

const KpiFields = z
  .object({
    id: text('id'),
    name: text('name'),
    perspective: oneOf('perspective', PERSPECTIVES),
    pillar: oneOf('pillar', PILLARS),
    direction: oneOf('direction', ['higher', 'lower']),
    /** What the actual and target are measured in: `hours`, `%`, `tickets`. */
    unit: text('unit'),
    /** The target (the goal of goal-red-flag). Greater than 0 for ratio scoring; any number for the other methods. */
    target: number('target'),
    /** The scoring method and its parameters; left out: `ratio` with floor and cap (definitions before methods). */
    scoring: ScoringSchema.optional(),
    /** The RAG rule when `scoring` is given (see StatusRuleSchema); left out, definitions without `scoring` use amber/red. */
    status: StatusRuleSchema.optional(),
    /** Achievement ratios of a definition without `scoring`: GREEN at or above amber, AMBER at or above red, RED below. */
    amber: number('amber').nonnegative({ error: 'amber must not be negative' }).default(0.9),
    red: number('red').nonnegative({ error: 'red must not be negative' }).default(0.7),
    /** Relative weight within its perspective. */
    weight: number('weight').nonnegative({ error: 'weight must not be negative' }).default(1),
    frequency: oneOf('frequency', ['daily', 'weekly', 'monthly', 'quarterly', 'yearly']),
    /** Who answers for the KPI; a KPI without one gets a note (scorecardNotes), not an error. */
    owner: text('owner').optional(),
    indicator: oneOf('indicator', ['leading', 'lagging']),
    /** The id of the quality KPI in the same scorecard that guards this one against gaming. */
    guardedBy: text('guardedBy').optional(),
    /** How values within a period combine into the period's actual. */
    aggregation: oneOf('aggregation', ['sum', 'mean', 'average', 'last', 'min', 'max', 'ratio-of-sums']).optional(),
    /** Achievement is clamped to [floor, cap]. */
    floor: number('floor').nonnegative({ error: 'floor must not be negative' }).default(0),
    cap: number('cap').positive({ error: 'cap must be greater than 0' }).default(1.2),
  });

export const KpiDefinitionSchema = KpiFields
  .superRefine((kpi, ctx) => {
    checkScoring(kpi, ctx);
    if (kpi.amber <= kpi.red) {
      ctx.addIssue({ code: 'custom', path: ['amber'], message: `amber (${kpi.amber}) must be greater than red (${kpi.red})` });
    }
    if (kpi.cap <= kpi.floor) {
      ctx.addIssue({ code: 'custom', path: ['cap'], message: `cap (${kpi.cap}) must be greater than floor (${kpi.floor})` });
    }
    if (kpi.guardedBy === kpi.id) {
      ctx.addIssue({ code: 'custom', path: ['guardedBy'], message: `KPI "${kpi.id}" cannot guard itself` });
    }
  });
export type KpiDefinition = z.infer<typeof KpiDefinitionSchema>;

/** Checks between fields of a scoring method, each issue naming the KPI and the field. */
function checkScoring(kpi: z.infer<typeof KpiFields>, ctx: z.RefinementCtx): void {
  const issue = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message: `KPI "${kpi.id}": ${message}` });
  const scoring = kpi.scoring ?? { method: 'ratio' as const };
  if (scoring.method === 'ratio' && kpi.target <= 0) {
    // The message of definitions before scoring methods, kept word for word.
    ctx.addIssue({ code: 'custom', path: ['target'], message: 'target must be greater than 0' });
  }
  if (scoring.method === 'progress') {
    if (scoring.baseline === kpi.target) issue(['scoring', 'baseline'], `scoring.baseline must differ from target (both are ${kpi.target}): the scale has no width`);
    const implied = scoring.baseline > kpi.target ? 'lower' : 'higher';
    if (scoring.baseline !== kpi.target && implied !== kpi.direction) {
      issue(['direction'], `direction must be ${implied}: progress runs from scoring.baseline ${scoring.baseline} to target ${kpi.target}`);
    }
  }
  if (scoring.method === 'performance' && scoring.max <= scoring.min) {
    issue(['scoring', 'max'], `scoring.max (${scoring.max}) must be greater than scoring.min (${scoring.min}): the scale has no width`);
  }
  if (scoring.method === 'goal-red-flag') {
    if (scoring.redFlag === kpi.target) issue(['scoring', 'redFlag'], `scoring.redFlag must differ from target, the goal (both are ${kpi.target}): the scale has no width`);
    const implied = scoring.redFlag > kpi.target ? 'lower' : 'higher';
    if (scoring.redFlag !== kpi.target && implied !== kpi.direction) {
      issue(['direction'], `direction must be ${implied}: the goal (target ${kpi.target}) is ${implied === 'lower' ? 'below' : 'above'} scoring.redFlag ${scoring.redFlag}`);
    }
  }
  if (scoring.method === 'bands') {
    scoring.bands.forEach((bound, index) => {
      if (index > 0 && bound <= scoring.bands[index - 1]) {
        issue(['scoring', 'bands', String(index)], `scoring.bands must ascend: ${bound} is not greater than ${scoring.bands[index - 1]} before it`);
      }
    });
  }
  if (kpi.status !== undefined && kpi.scoring === undefined) {
    issue(['status'], 'status needs a scoring method: without scoring, amber and red set the RAG thresholds');
  }
  if (kpi.status?.by === 'goal-red-flag' && scoring.method !== 'goal-red-flag') {
    issue(['status', 'by'], `status by goal-red-flag needs scoring.method goal-red-flag, not ${scoring.method}`);
  }
  if (kpi.status?.by === 'achievement' && kpi.status.greenFrom <= kpi.status.redBelow) {
    issue(['status', 'greenFrom'], `status.greenFrom (${kpi.status.greenFrom}) must be greater than status.redBelow (${kpi.status.redBelow})`);
  }
}

export const LEVELS = ['company', 'department', 'person'] as const;
export type ScorecardLevel = (typeof LEVELS)[number];

const EQUAL_PERSPECTIVE_WEIGHTS = { financial: 1, customer: 1, 'internal-process': 1, 'learning-growth': 1 };

const ScorecardNodeSchema = z.object({
    id: text('id'),
    name: text('name'),
    level: oneOf('level', LEVELS),
    owner: text('owner'),
    /** Weight of each perspective in the overall score; equal when left out. */
    perspectiveWeights: z
      .partialRecord(oneOf('perspective', PERSPECTIVES), number('perspective weight').nonnegative({ error: 'a perspective weight must not be negative' }))
      .default(EQUAL_PERSPECTIVE_WEIGHTS),
    kpis: z.array(KpiDefinitionSchema).default([]),
    /** The id of the parent scorecard's KPI that this scorecard breaks down. */
    cascadesFrom: text('cascadesFrom').optional(),
    // The annotation lets TypeScript (and type-aware lint) resolve the recursive type.
    get children(): z.ZodDefault<z.ZodArray<typeof ScorecardNodeSchema>> {
      return z.array(ScorecardNodeSchema).default([]);
    },
  });

/** A Balanced Scorecard; children are the scorecards it cascades to (company → department → person). */
export type Scorecard = z.infer<typeof ScorecardNodeSchema>;

/** Scorecard and KPI ids must be unique in the whole tree: actuals are keyed by KPI id, results by scorecard id. */
export const ScorecardSchema = ScorecardNodeSchema.superRefine((root, ctx) => {
  const seen = { scorecard: new Set<string>(), KPI: new Set<string>() };
  const claim = (kind: keyof typeof seen, id: string, path: (string | number)[]): void => {
    if (seen[kind].has(id)) ctx.addIssue({ code: 'custom', path, message: `${kind} id "${id}" is used twice` });
    seen[kind].add(id);
  };
  const visit = (card: Scorecard, path: (string | number)[]): void => {
    claim('scorecard', card.id, [...path, 'id']);
    card.kpis.forEach((kpi, index) => claim('KPI', kpi.id, [...path, 'kpis', index, 'id']));
    card.children.forEach((child, index) => visit(child, [...path, 'children', index]));
  };
  // Deepest scorecards first, as a parser reads a tree; then ids across the whole tree.
  const checkTree = (card: Scorecard, path: (string | number)[]): void => {
    card.children.forEach((child, index) => checkTree(child, [...path, 'children', index]));
    checkNode(card, ctx, path);
  };
  checkTree(root, []);
  visit(root, []);
});

/** Checks made at every node of the tree: cross-references within a scorecard and to its parent. */
function checkNode(card: Scorecard, ctx: z.RefinementCtx, at: (string | number)[]): void {
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


