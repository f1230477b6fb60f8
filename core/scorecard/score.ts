import { KpiInputError } from '../kpi/errors';
import { checkNonNegative, checkNumber, checkPositive, describe } from '../kpi/validate';
import type { Direction } from './schema';

export type RagStatus = 'GREEN' | 'AMBER' | 'RED';

/**
 * Achievement of an actual against its target, validated: higher is better → actual ÷ target, lower is better →
 * target ÷ actual (an actual of 0 scores the cap), clamped to [floor, cap]. `fn` and `actualName` name the caller
 * and the argument in error messages.
 */
export function achievementOf(
  fn: string,
  actualName: string,
  actual: number,
  target: number,
  direction: Direction,
  floor: number,
  cap: number,
): number {
  checkNumber(fn, actualName, actual);
  checkPositive(fn, 'target', target);
  if (direction !== 'higher' && direction !== 'lower') {
    throw new KpiInputError(fn, 'direction', `must be higher or lower, not ${describe(direction)}`);
  }
  checkNonNegative(fn, 'floor', floor);
  if (checkNumber(fn, 'cap', cap) <= floor) throw new KpiInputError(fn, 'cap', 'must be greater than floor');
  if (direction === 'lower' && actual < 0) throw new KpiInputError(fn, actualName, 'must not be negative when lower is better');
  // Lower is better with an actual of 0: target ÷ 0 = Infinity, which the clamp turns into the cap.
  const ratio = direction === 'higher' ? actual / target : target / actual;
  return Math.min(cap, Math.max(floor, ratio));
}

/** KPI achievement (Balanced Scorecard scoring): `kpiScore(45, 50)` = 0.9, `kpiScore(10, 8, 'lower')` = 0.8. */
export const kpiScore = (actual: number, target: number, direction: Direction = 'higher', floor = 0, cap = 1.2): number =>
  achievementOf('KPI_SCORE', 'actual', actual, target, direction, floor, cap);

/** Floating-point slack in threshold comparisons: 0.72 ÷ 0.8 is 0.8999999999999999 and must still reach 0.9. */
const THRESHOLD_TOLERANCE = 1e-9;

function statusOf(fn: string, achievement: number, green: number, red: number, names = { green: 'amber', red: 'red' }): RagStatus {
  checkNumber(fn, 'achievement', achievement);
  checkNumber(fn, names.green, green);
  if (checkNumber(fn, names.red, red) >= green) throw new KpiInputError(fn, names.green, `must be greater than ${names.red}`);
  const reaches = (threshold: number) => achievement >= threshold - THRESHOLD_TOLERANCE;
  return reaches(green) ? 'GREEN' : reaches(red) ? 'AMBER' : 'RED';
}

/**
 * RAG status of an achievement ratio: GREEN at or above `amber` (the green threshold), AMBER at or above `red`, RED
 * below (within 1e-9). Defaults as ClearPoint's measure evaluation: GREEN when the target is met (1), RED below 90 %.
 */
export const kpiStatus = (achievement: number, amber = 1, red = 0.9): RagStatus => statusOf('KPI_STATUS', achievement, amber, red);

/**
 * RAG status of an actual against its target (the KPI_STATUS Sheets function): the status of its uncapped
 * achievement, GREEN from `greenFrom` (default 1: the target is met), RED below `redBelow` (default 0.9).
 */
export const kpiStatusOf = (actual: number, target: number, direction: Direction = 'higher', greenFrom = 1, redBelow = 0.9): RagStatus =>
  statusOf('KPI_STATUS', achievementOf('KPI_STATUS', 'actual', actual, target, direction, 0, Number.MAX_VALUE), greenFrom, redBelow, { green: 'green_from', red: 'red_below' });
