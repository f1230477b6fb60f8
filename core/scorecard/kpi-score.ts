import { bandScore } from './methods/bands';
import { binaryScore } from './methods/binary';
import { goalRedFlagScore, goalStatus } from './methods/goal-red-flag';
import { performanceScore } from './methods/performance';
import { progressScore } from './methods/progress';
import { stabilizeScore } from './methods/stabilize';
import type { KpiDefinition } from './schema';
import { achievementOf, kpiStatus, type RagStatus } from './score';

export interface KpiScore {
  /** The method's own score: 0..scale for goal-red-flag, the achievement for every other method. */
  score: number;
  /** The score on the scale that rolls up (1 = the target is met): score ÷ scale for goal-red-flag. */
  achievement: number;
}

/**
 * Scores one actual by its KPI's method (docs/SCORING.md). Errors name the KPI and the field: `KPI "dso":
 * scoring.max must be greater than scoring.min …`, or `actualName` for the actual.
 */
export function scoreKpi(kpi: KpiDefinition, actual: number, fn = `KPI "${kpi.id}"`, actualName = 'actual'): KpiScore {
  const scoring = kpi.scoring ?? { method: 'ratio' as const };
  const same = (score: number): KpiScore => ({ score, achievement: score });
  switch (scoring.method) {
    case 'ratio':
      return same(achievementOf(fn, actualName, actual, kpi.target, kpi.direction, kpi.floor, kpi.cap));
    case 'progress':
      return same(progressScore(fn, actual, kpi.target, scoring.baseline, scoring.clamp, { actual: actualName, target: 'target', baseline: 'scoring.baseline', clamp: 'scoring.clamp' }));
    case 'performance':
      return same(performanceScore(fn, actual, scoring.min, scoring.max, kpi.direction, { actual: actualName, min: 'scoring.min', max: 'scoring.max' }));
    case 'goal-red-flag': {
      const score = goalRedFlagScore(fn, actual, kpi.target, scoring.redFlag, scoring.scale, { actual: actualName, goal: 'target', redFlag: 'scoring.redFlag', scale: 'scoring.scale' });
      return { score, achievement: score / scoring.scale };
    }
    case 'stabilize':
      return same(stabilizeScore(fn, actual, kpi.target, scoring.tolerance, { actual: actualName, target: 'target', tolerance: 'scoring.tolerance' }));
    case 'binary':
      return same(binaryScore(fn, actual, kpi.target, kpi.direction, { actual: actualName, target: 'target' }));
    case 'bands':
      return same(bandScore(fn, actual, scoring.bands, kpi.direction, { actual: actualName, bands: 'scoring.bands' }));
  }
}

/** Floating-point slack, as in score.ts: a goal reached exactly must not read as 0.6666666666666665 < 2/3. */
const TOLERANCE = 1e-9;

/**
 * The RAG status of a scored KPI. Definitions without `scoring` keep their amber/red thresholds on the achievement.
 * With `scoring`: the `status` rule, by default GREEN when the target is met (achievement ≥ 1), RED below 0.9, AMBER
 * between; a goal-red-flag KPI by default by its goal and red flag (from the actual when there is one, else from the
 * achievement: the goal scores 2/3 of the scale, the red flag 1/3).
 */
export function kpiStatusFor(kpi: KpiDefinition, actual: number | null, achievement: number, fn = `KPI "${kpi.id}"`): RagStatus {
  if (kpi.scoring === undefined) return kpiStatus(achievement, kpi.amber, kpi.red);
  const rule = kpi.status ?? (kpi.scoring.method === 'goal-red-flag' ? { by: 'goal-red-flag' as const } : { by: 'achievement' as const, greenFrom: 1, redBelow: 0.9 });
  if (rule.by === 'achievement') return kpiStatus(achievement, rule.greenFrom, rule.redBelow);
  if (kpi.scoring.method !== 'goal-red-flag') throw new Error(`${fn}: status by goal-red-flag needs scoring.method goal-red-flag`);
  if (actual !== null) return goalStatus(fn, actual, kpi.target, kpi.scoring.redFlag, { actual: 'actual', goal: 'target', redFlag: 'scoring.redFlag', scale: 'scoring.scale' });
  return achievement >= 2 / 3 - TOLERANCE ? 'GREEN' : achievement >= 1 / 3 - TOLERANCE ? 'AMBER' : 'RED';
}
