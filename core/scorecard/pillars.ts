import { mean } from '../kpi/validate';
import type { KpiDefinition, Pillar } from './schema';

/** Mean achievement per pillar; null when the pillar has no scored KPI. */
export type PillarBalance = Record<Extract<Pillar, 'speed' | 'accuracy' | 'satisfaction'>, number | null>;

/** The three pillars of a set of scored KPIs (a KPI without an achievement is left out). */
export function pillarBalance(results: readonly { kpi: KpiDefinition; achievement: number | null }[]): PillarBalance {
  const of = (pillar: Pillar): number | null => {
    const achievements = results.filter((r) => r.kpi.pillar === pillar && r.achievement !== null).map((r) => r.achievement!);
    return achievements.length > 0 ? mean(achievements) : null;
  };
  return { speed: of('speed'), accuracy: of('accuracy'), satisfaction: of('satisfaction') };
}
