import { z } from 'zod';
import { ScorecardTreeSchema, type TreeNode } from '../../../core';
import type { FieldError } from './schema';

/** Measures of the synced tickets that can feed a KPI's actual, besides `sla:<policy id>` (SLA compliance, %). */
export const TICKET_MEASURES = ['tatMedianHours', 'ftrPercent', 'reopenPercent', 'csatPercent'] as const;
export type KpiSource = `sla:${string}` | (typeof TICKET_MEASURES)[number];

export const isKpiSource = (value: string): value is KpiSource =>
  (value.startsWith('sla:') && value.length > 4) || (TICKET_MEASURES as readonly string[]).includes(value);

const KpiSourceSchema = z.string().refine(isKpiSource, {
  error: (issue) => `source ${JSON.stringify(issue.input)} is not one of sla:<policy id>, ${TICKET_MEASURES.join(', ')}`,
});

/**
 * A stored scorecard: the core's objective tree (scorecard → perspectives → objectives → KPIs, each KPI with its
 * scoring method) plus where each KPI's actual comes from, keyed by KPI id. Its id is the root node's id.
 */
export const ScorecardConfigSchema = z.intersection(
  ScorecardTreeSchema,
  z.object({ sources: z.record(z.string(), KpiSourceSchema, { error: 'sources must map KPI ids to sources' }).default({}) }),
);
export type ScorecardConfig = z.output<typeof ScorecardConfigSchema>;
export type ScorecardConfigInput = z.input<typeof ScorecardConfigSchema>;

/** Every KPI of a tree, depth first. */
export const kpisOf = (node: TreeNode): TreeNode['kpis'] => [...node.kpis, ...node.children.flatMap(kpisOf)];

/** What the schema cannot check alone: scorecard ids are unique, sources name KPIs of their tree and known policies. */
export function checkScorecards(scorecards: readonly ScorecardConfig[], policyIds: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  const ids = new Set<string>();
  scorecards.forEach((card, index) => {
    if (ids.has(card.root.id)) errors.push({ path: `scorecards.${index}.root.id`, message: `scorecard id "${card.root.id}" is used twice` });
    ids.add(card.root.id);
    const kpiIds = new Set(kpisOf(card.root).map((kpi) => kpi.id));
    for (const [kpiId, source] of Object.entries(card.sources)) {
      const path = `scorecards.${index}.sources.${kpiId}`;
      if (!kpiIds.has(kpiId)) errors.push({ path, message: `"${kpiId}" is not a KPI of scorecard "${card.root.id}"` });
      // JSM's own SLA metrics are stored as `jsm:<metric name>` and appear once the sync has read them.
      const policy = source.startsWith('sla:') ? source.slice(4) : null;
      if (policy !== null && !policy.startsWith('jsm:') && !policyIds.has(policy)) errors.push({ path, message: `source "${source}" names no SLA policy of this configuration` });
    }
  });
  return errors;
}
