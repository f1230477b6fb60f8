import { z } from 'zod';

export const PERSPECTIVES = ['financial', 'customer', 'internal-process', 'learning-growth'] as const;
export const PILLARS = ['speed', 'accuracy', 'satisfaction', 'volume', 'other'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];
export type Pillar = (typeof PILLARS)[number];
export type Direction = 'higher' | 'lower';

const choices = (field: string, values: readonly string[]): string =>
  `${field} must be ${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;

const oneOf = <const T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: choices(field, values) });

const text = (field: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be text`) })
    .min(1, { error: `${field} must not be empty` });

const number = (field: string) =>
  z.number({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a number`) });

export const KpiDefinitionSchema = z
  .object({
    id: text('id'),
    name: text('name'),
    perspective: oneOf('perspective', PERSPECTIVES),
    pillar: oneOf('pillar', PILLARS),
    direction: oneOf('direction', ['higher', 'lower']),
    /** What the actual and target are measured in: `hours`, `%`, `tickets`. */
    unit: text('unit'),
    target: number('target').positive({ error: 'target must be greater than 0' }),
    /** Achievement ratios: GREEN at or above amber, AMBER at or above red, RED below. */
    amber: number('amber').nonnegative({ error: 'amber must not be negative' }).default(0.9),
    red: number('red').nonnegative({ error: 'red must not be negative' }).default(0.7),
    /** Relative weight within its perspective. */
    weight: number('weight').nonnegative({ error: 'weight must not be negative' }).default(1),
    frequency: oneOf('frequency', ['daily', 'weekly', 'monthly', 'quarterly', 'yearly']),
    owner: text('owner'),
    indicator: oneOf('indicator', ['leading', 'lagging']),
    /** The id of the quality KPI in the same scorecard that guards this one against gaming. */
    guardedBy: text('guardedBy').optional(),
    /** How values within a period combine into the period's actual. */
    aggregation: oneOf('aggregation', ['sum', 'mean', 'last']).optional(),
    /** Achievement is clamped to [floor, cap]. */
    floor: number('floor').nonnegative({ error: 'floor must not be negative' }).default(0),
    cap: number('cap').positive({ error: 'cap must be greater than 0' }).default(1.2),
  })
  .superRefine((kpi, ctx) => {
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

const LEVELS = ['company', 'department', 'person'] as const;
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


