import type { z } from 'zod';
import type { KpiDefinitionSchema } from '../../core/scorecard';

export type KpiInput = z.input<typeof KpiDefinitionSchema>;

/** A KPI definition with the fields a test does not look at filled in. */
export const kpi = (fields: Partial<KpiInput> & Pick<KpiInput, 'id' | 'direction' | 'target'>): KpiInput => ({
  name: fields.id,
  perspective: 'internal-process',
  pillar: 'other',
  unit: 'ratio',
  frequency: 'monthly',
  owner: 'ops lead',
  indicator: 'lagging',
  ...fields,
});
