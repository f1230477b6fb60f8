import type { GamingAlert, KpiDefinition, ScoringMethod, TreeKpiResult, TreeNode, TreeResult } from '../../../core';
import { type AgreedLevel, statusWithAgreement } from './scorecard-agreed';

// The evaluated tree as the scorecard gadget receives it; scorecard-access.ts trims it for viewers.

/** A gaming alert; its values are null for a viewer when they are typed actuals (scorecard-access.ts). */
type AlertView = Pick<GamingAlert, 'code' | 'kpiId' | 'guardId'> & Record<'kpiPrevious' | 'kpiCurrent' | 'guardPrevious' | 'guardCurrent', number | null>;
type KpiView = Pick<TreeKpiResult, 'actual' | 'source' | 'score' | 'achievement' | 'status' | 'contribution'> &
  Pick<KpiDefinition, 'id' | 'name' | 'unit' | 'pillar' | 'direction' | 'target' | 'weight' | 'owner'> & { method: ScoringMethod };

/** A node of the evaluated tree as the gadget shows it: plain numbers and names, no definitions. */
export interface ScorecardNodeView extends Pick<TreeResult, 'score' | 'greyed' | 'contribution' | 'pillars' | 'payout'>, Pick<TreeNode, 'id' | 'name' | 'kind' | 'method' | 'weights' | 'weight'> {
  level: TreeNode['level'] | null;
  owner: string | null;
  alerts: AlertView[];
  kpis: KpiView[];
  children: ScorecardNodeView[];
}

/** `levels`: the KPIs coloured by their SLA policy's agreed level (scorecard-agreed.ts). */
export const nodeView = (result: TreeResult, levels: ReadonlyMap<string, AgreedLevel>): ScorecardNodeView => ({
  id: result.node.id,
  name: result.node.name,
  kind: result.node.kind,
  level: result.node.level ?? null,
  owner: result.node.owner ?? null,
  method: result.node.method,
  weights: result.node.weights,
  weight: result.node.weight,
  score: result.score,
  greyed: result.greyed,
  contribution: result.contribution,
  pillars: result.pillars,
  payout: result.payout,
  alerts: result.alerts.map((a) => ({ code: a.code, kpiId: a.kpiId, guardId: a.guardId, kpiPrevious: a.kpiPrevious, kpiCurrent: a.kpiCurrent, guardPrevious: a.guardPrevious, guardCurrent: a.guardCurrent })),
  kpis: result.kpis.map((k) => ({
    id: k.kpi.id,
    name: k.kpi.name,
    unit: k.kpi.unit,
    pillar: k.kpi.pillar,
    method: k.kpi.scoring?.method ?? 'ratio',
    direction: k.kpi.direction,
    target: k.kpi.target,
    weight: k.kpi.weight,
    owner: k.kpi.owner,
    actual: k.actual,
    source: k.source,
    score: k.score,
    achievement: k.achievement,
    status: statusWithAgreement(k, levels),
    contribution: k.contribution,
  })),
  children: result.children.map((child) => nodeView(child, levels)),
});
