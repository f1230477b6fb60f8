import { said } from '../i18n/error-catalogue';
import { KpiInputError } from '../kpi/errors';
import { checkNonNegative, checkNumber, checkPositive, describe } from '../kpi/validate';
import { reachesThreshold } from '../util/tolerance';
import { bandScore } from './methods/bands';
import { binaryScore } from './methods/binary';
import { goalRedFlagScore, goalStatus } from './methods/goal-red-flag';
import { performanceScore } from './methods/performance';
import { progressScore } from './methods/progress';
import { stabilizeScore } from './methods/stabilize';
import type { Direction, KpiDefinition, RagStatus } from './schema';

/**
 * Scoring of one KPI: its achievement (1 = the target is met) and its RAG status. `achievementOf…` return an
 * achievement, `scoreOfKpi` a method's score with its achievement, `statusOf…` a RAG status.
 */

/**
 * Achievement of an actual against its target, validated: higher is better → actual ÷ target, lower is better →
 * target ÷ actual (an actual of 0 scores the cap), clamped to [floor, cap]. `fn` and `actualName` name the caller
 * and the argument in error messages.
 */
function checkedAchievement(fn: string, actualName: string, actual: number, target: number, direction: Direction, floor: number, cap: number): number {
  checkNumber(fn, actualName, actual);
  checkPositive(fn, 'target', target);
  if (direction !== 'higher' && direction !== 'lower') {
    throw new KpiInputError(fn, 'direction', said('kpi.notOneOf', { choices: 'higher', last: 'lower', value: describe(direction) }));
  }
  checkNonNegative(fn, 'floor', floor);
  if (checkNumber(fn, 'cap', cap) <= floor) throw new KpiInputError(fn, 'cap', said('kpi.notAboveArgument', { other: 'floor' }));
  if (direction === 'lower' && actual < 0) throw new KpiInputError(fn, actualName, said('kpi.negativeWhenLower', { lower: 'lower' }));
  // Lower is better with an actual of 0: target ÷ 0 = Infinity, which the clamp turns into the cap.
  const ratio = direction === 'higher' ? actual / target : target / actual;
  return Math.min(cap, Math.max(floor, ratio));
}

/**
 * Achievement of an actual against its target (the KPI_SCORE Sheets function, Balanced Scorecard ratio scoring):
 * `achievementOfActual(45, 50)` = 0.9, `achievementOfActual(10, 8, 'lower')` = 0.8.
 */
export const achievementOfActual = (actual: number, target: number, direction: Direction = 'higher', floor = 0, cap = 1.2): number =>
  checkedAchievement('KPI_SCORE', 'actual', actual, target, direction, floor, cap);

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
export function scoreOfKpi(kpi: KpiDefinition, actual: number, fn = `KPI "${kpi.id}"`, actualName = 'actual'): KpiScore {
  const scoring = kpi.scoring ?? { method: 'ratio' as const };
  const same = (score: number): KpiScore => ({ score, achievement: score });
  switch (scoring.method) {
    case 'ratio':
      return same(checkedAchievement(fn, actualName, actual, kpi.target, kpi.direction, kpi.floor, kpi.cap));
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

function checkedStatus(fn: string, achievement: number, green: number, red: number, names = { green: 'amber', red: 'red' }): RagStatus {
  checkNumber(fn, 'achievement', achievement);
  checkNumber(fn, names.green, green);
  if (checkNumber(fn, names.red, red) >= green) throw new KpiInputError(fn, names.green, said('kpi.notAboveArgument', { other: names.red }));
  return reachesThreshold(achievement, green) ? 'GREEN' : reachesThreshold(achievement, red) ? 'AMBER' : 'RED';
}

/**
 * RAG status of an achievement ratio: GREEN at or above `amber` (the green threshold), AMBER at or above `red`, RED
 * below (within 1e-9). Defaults as ClearPoint's measure evaluation: GREEN when the target is met (1), RED below 90 %.
 */
export const statusOfAchievement = (achievement: number, amber = 1, red = 0.9): RagStatus => checkedStatus('KPI_STATUS', achievement, amber, red);

/**
 * RAG status of an actual against its target (the KPI_STATUS Sheets function): the status of its uncapped
 * achievement, GREEN from `greenFrom` (default 1: the target is met), RED below `redBelow` (default 0.9).
 */
export const statusOfActual = (actual: number, target: number, direction: Direction = 'higher', greenFrom = 1, redBelow = 0.9): RagStatus =>
  checkedStatus('KPI_STATUS', checkedAchievement('KPI_STATUS', 'actual', actual, target, direction, 0, Number.MAX_VALUE), greenFrom, redBelow, { green: 'green_from', red: 'red_below' });

/**
 * The RAG status of a scored KPI. Definitions without `scoring` keep their amber/red thresholds on the achievement.
 * With `scoring`: the `status` rule, by default GREEN when the target is met (achievement ≥ 1), RED below 0.9, AMBER
 * between; a goal-red-flag KPI by default by its goal and red flag (from the actual when there is one, else from the
 * achievement: the goal scores 2/3 of the scale, the red flag 1/3).
 */
export function statusOfKpi(kpi: KpiDefinition, actual: number | null, achievement: number, fn = `KPI "${kpi.id}"`): RagStatus {
  if (kpi.scoring === undefined) return statusOfAchievement(achievement, kpi.amber, kpi.red);
  const rule = kpi.status ?? (kpi.scoring.method === 'goal-red-flag' ? { by: 'goal-red-flag' as const } : { by: 'achievement' as const, greenFrom: 1, redBelow: 0.9 });
  if (rule.by === 'achievement') return statusOfAchievement(achievement, rule.greenFrom, rule.redBelow);
  if (kpi.scoring.method !== 'goal-red-flag') throw new Error(`${fn}: status by goal-red-flag needs scoring.method goal-red-flag`);
  if (actual !== null) return goalStatus(fn, actual, kpi.target, kpi.scoring.redFlag, { actual: 'actual', goal: 'target', redFlag: 'scoring.redFlag', scale: 'scoring.scale' });
  return reachesThreshold(achievement, 2 / 3) ? 'GREEN' : reachesThreshold(achievement, 1 / 3) ? 'AMBER' : 'RED';
}
