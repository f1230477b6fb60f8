import { z } from 'zod';
import { choices, enumField, numberField, textField } from './fields';

export const PERSPECTIVES = ['financial', 'customer', 'internal-process', 'learning-growth'] as const;
const PILLARS = ['speed', 'accuracy', 'satisfaction', 'volume', 'other'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];
export type Pillar = (typeof PILLARS)[number];
export type Direction = 'higher' | 'lower';
export type RagStatus = 'GREEN' | 'AMBER' | 'RED';

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

const ScoringSchema = z.lazy(() =>
  z.discriminatedUnion(
    'method',
    [
      method({ method: z.literal('ratio') }),
      method({ method: z.literal('progress'), baseline: numberField('scoring.baseline'), clamp: z.boolean({ error: 'scoring.clamp must be true or false' }).default(true) }),
      method({ method: z.literal('performance'), min: numberField('scoring.min'), max: numberField('scoring.max') }),
      method({ method: z.literal('goal-red-flag'), redFlag: numberField('scoring.redFlag'), scale: numberField('scoring.scale').positive({ error: 'scoring.scale must be greater than 0' }).default(10) }),
      method({ method: z.literal('stabilize'), tolerance: numberField('scoring.tolerance').positive({ error: 'scoring.tolerance must be greater than 0' }) }),
      method({ method: z.literal('binary') }),
      method({ method: z.literal('bands'), bands: z.array(numberField('scoring.bands'), { error: 'scoring.bands must be a list of numbers' }).min(2, { error: 'scoring.bands must have at least 2 boundaries' }) }),
    ],
    { error: choices('scoring.method', SCORING_METHODS) },
  ),
);

/**
 * The RAG rule of a KPI with a scoring method: by achievement (GREEN from greenFrom, RED below redBelow, AMBER
 * between; defaults: the target is met, 90 %), or by the goal and red flag of a goal-red-flag KPI.
 */
const StatusRuleSchema = z.lazy(() =>
  z.discriminatedUnion(
    'by',
    [
      z.object({ by: z.literal('achievement'), greenFrom: numberField('status.greenFrom').default(1), redBelow: numberField('status.redBelow').default(0.9) }),
      z.object({ by: z.literal('goal-red-flag') }),
    ],
    { error: 'status.by must be achievement or goal-red-flag' },
  ),
);

const KpiFields = z.lazy(() =>
  z
    .object({
      id: textField('id'),
      name: textField('name'),
      perspective: enumField('perspective', PERSPECTIVES),
      pillar: enumField('pillar', PILLARS),
      direction: enumField('direction', ['higher', 'lower']),
      /** What the actual and target are measured in: `hours`, `%`, `tickets`. */
      unit: textField('unit'),
      /** The target (the goal of goal-red-flag). Greater than 0 for ratio scoring; any number for the other methods. */
      target: numberField('target'),
      /** The scoring method and its parameters; left out: `ratio` with floor and cap (definitions before methods). */
      scoring: ScoringSchema.optional(),
      /** The RAG rule when `scoring` is given (see StatusRuleSchema); left out, definitions without `scoring` use amber/red. */
      status: StatusRuleSchema.optional(),
      /** Achievement ratios of a definition without `scoring`: GREEN at or above amber, AMBER at or above red, RED below. */
      amber: numberField('amber').nonnegative({ error: 'amber must not be negative' }).default(0.9),
      red: numberField('red').nonnegative({ error: 'red must not be negative' }).default(0.7),
      /** Relative weight within its perspective. */
      weight: numberField('weight').nonnegative({ error: 'weight must not be negative' }).default(1),
      frequency: enumField('frequency', ['daily', 'weekly', 'monthly', 'quarterly', 'yearly']),
      /** Who answers for the KPI; a KPI without one gets a note (scorecardNotes), not an error. */
      owner: textField('owner').optional(),
      indicator: enumField('indicator', ['leading', 'lagging']),
      /** The id of the quality KPI in the same scorecard that guards this one against gaming. */
      guardedBy: textField('guardedBy').optional(),
      /** How values within a period combine into the period's actual. */
      aggregation: enumField('aggregation', ['sum', 'mean', 'average', 'last', 'min', 'max', 'ratio-of-sums']).optional(),
      /** Achievement is clamped to [floor, cap]. */
      floor: numberField('floor').nonnegative({ error: 'floor must not be negative' }).default(0),
      cap: numberField('cap').positive({ error: 'cap must be greater than 0' }).default(1.2),
    }),
);

export const KpiDefinitionSchema = z.lazy(() =>
  KpiFields
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
    }),
);
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
