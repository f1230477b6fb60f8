import { scoreOfKpi, statusOfKpi, type RagStatus } from '../../core/scorecard';
import type { PerspectiveScorecard } from '../../forge-app/src/config/perspective-scorecard';

/**
 * The perspective scorecard's rules as they were before the tree (the removed evaluateScorecard), written plainly as
 * a reference for treeOfScorecard: perspective score = KPI-weighted mean of its scored KPIs; overall = perspective-
 * weighted mean of the perspectives with a score; a KPI's contribution = achievement × its share in its perspective
 * × its perspective's share; with rollUp a KPI without an actual takes the mean overall of the scorecards that
 * cascade from it, within its floor and cap. Blank scores are left out and the other weights renormalised.
 */
export interface ReferenceResult {
  id: string;
  overall: number | null;
  perspectives: Record<string, number | null>;
  kpis: Record<string, { achievement: number | null; status: RagStatus | null; contribution: number | null }>;
  children: ReferenceResult[];
}

const weightedMean = (pairs: [number, number][]): number | null => {
  const total = pairs.reduce((sum, [, w]) => sum + w, 0);
  return total > 0 ? pairs.reduce((sum, [s, w]) => sum + s * w, 0) / total : null;
};

export function referenceScorecard(card: PerspectiveScorecard, actuals: Record<string, number | null>, rollUp: boolean): ReferenceResult {
  const children = card.children.map((child) => referenceScorecard(child, actuals, rollUp));
  const achievements = new Map<string, number>();
  const kpis: ReferenceResult['kpis'] = {};
  for (const kpi of card.kpis) {
    const actual = actuals[kpi.id] ?? null;
    const cascaded = children.filter((c, i) => card.children[i].cascadesFrom === kpi.id && c.overall !== null).map((c) => c.overall!);
    let achievement: number | null = null;
    if (actual !== null) achievement = scoreOfKpi(kpi, actual).achievement;
    else if (rollUp && cascaded.length > 0) achievement = Math.min(kpi.cap, Math.max(kpi.floor, cascaded.reduce((a, b) => a + b, 0) / cascaded.length));
    if (achievement !== null) achievements.set(kpi.id, achievement);
    kpis[kpi.id] = { achievement, status: achievement === null ? null : statusOfKpi(kpi, actual, achievement), contribution: null };
  }
  const perspectives: ReferenceResult['perspectives'] = {};
  for (const perspective of new Set(card.kpis.map((k) => k.perspective))) {
    const members = card.kpis.filter((k) => k.perspective === perspective && achievements.has(k.id));
    perspectives[perspective] = weightedMean(members.map((k) => [achievements.get(k.id)!, k.weight]));
  }
  const scored = Object.entries(perspectives).filter((entry): entry is [string, number] => entry[1] !== null);
  const weightOf = (p: string) => card.perspectiveWeights[p as keyof typeof card.perspectiveWeights] ?? 0;
  const overall = weightedMean(scored.map(([p, s]) => [s, weightOf(p)]));
  const countedWeight = scored.reduce((sum, [p]) => sum + weightOf(p), 0);
  // No overall (the scored perspectives weigh 0): nothing to split. The old evaluator gave 0 here, the tree null.
  for (const [perspective] of countedWeight > 0 ? scored : []) {
    const members = card.kpis.filter((k) => k.perspective === perspective && achievements.has(k.id));
    const memberWeight = members.reduce((sum, k) => sum + k.weight, 0);
    for (const k of members) kpis[k.id].contribution = achievements.get(k.id)! * (k.weight / memberWeight) * (weightOf(perspective) / countedWeight);
  }
  return { id: card.id, overall, perspectives, kpis, children };
}
