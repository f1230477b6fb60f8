/** The three pillars (speed, accuracy, satisfaction) of a set of scored KPIs: the mean achievement of each. */
import { describe, expect, it } from 'vitest';
import { KpiDefinitionSchema, pillarBalance, type KpiDefinition, type Pillar } from '../core';

const kpi = (id: string, pillar: Pillar): KpiDefinition =>
  KpiDefinitionSchema.parse({
    id,
    name: id,
    perspective: 'internal-process',
    pillar,
    direction: 'higher',
    unit: '%',
    target: 1,
    frequency: 'monthly',
    indicator: 'lagging',
  });

describe('pillarBalance', () => {
  it('averages the achievements of each pillar separately', () => {
    const balance = pillarBalance([
      { kpi: kpi('tat', 'speed'), achievement: 0.5 },
      { kpi: kpi('mtta', 'speed'), achievement: 1 },
      { kpi: kpi('errors', 'accuracy'), achievement: 0.8 },
      { kpi: kpi('csat', 'satisfaction'), achievement: 0.9 },
      { kpi: kpi('nps', 'satisfaction'), achievement: 0.3 },
    ]);
    expect(balance).toEqual({ speed: 0.75, accuracy: 0.8, satisfaction: 0.6 });
  });

  it('leaves out KPIs without an achievement and of the volume and other pillars', () => {
    const balance = pillarBalance([
      { kpi: kpi('tat', 'speed'), achievement: 0.4 },
      { kpi: kpi('late', 'speed'), achievement: null },
      { kpi: kpi('volume', 'volume'), achievement: 0 },
      { kpi: kpi('misc', 'other'), achievement: 0 },
      { kpi: kpi('errors', 'accuracy'), achievement: 0 },
    ]);
    expect(balance).toEqual({ speed: 0.4, accuracy: 0, satisfaction: null });
  });

  it('gives null for a pillar with no scored KPI, and null for all three on no results', () => {
    expect(pillarBalance([{ kpi: kpi('csat', 'satisfaction'), achievement: null }])).toEqual({ speed: null, accuracy: null, satisfaction: null });
    expect(pillarBalance([])).toEqual({ speed: null, accuracy: null, satisfaction: null });
  });
});
