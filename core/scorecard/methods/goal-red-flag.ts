import { said } from '../../i18n/error-catalogue';
import { KpiInputError } from '../../kpi/errors';
import { checkNumber, checkPositive } from '../../kpi/validate';
import type { RagStatus } from '../schema';
import { fractionOfSpan } from './span';

export interface GoalNames {
  actual: string;
  goal: string;
  redFlag: string;
  scale: string;
}
const NAMES: GoalNames = { actual: 'actual', goal: 'goal', redFlag: 'red_flag', scale: 'scale' };

function checkGoal(fn: string, actual: number, goal: number, redFlag: number, names: GoalNames): void {
  checkNumber(fn, names.actual, actual);
  checkNumber(fn, names.goal, goal);
  checkNumber(fn, names.redFlag, redFlag);
  if (goal === redFlag) throw new KpiInputError(fn, names.redFlag, said('kpi.sameAsArgument', { other: names.goal, value: goal }));
}

/**
 * Goal / red-flag scoring (Spider Impact's default scoring type): the red flag scores scale ÷ 3, the goal 2·scale ÷ 3,
 * linear between them and beyond, limited to 0..scale. Lower is better when the goal is below the red flag; a goal of
 * 0 is fine. Goal 700, red flag 500, scale 10: 300 scores 0, 600 scores 5, 900 scores 10.
 */
export function goalRedFlagScore(fn: string, actual: number, goal: number, redFlag: number, scale = 10, names: GoalNames = NAMES): number {
  checkGoal(fn, actual, goal, redFlag, names);
  checkPositive(fn, names.scale, scale);
  const score = (scale / 3) * (1 + fractionOfSpan(actual, redFlag, goal));
  return Math.min(scale, Math.max(0, score));
}

/** GREEN when the goal is reached, RED when worse than the red flag, AMBER between (the red flag itself is AMBER). */
export function goalStatus(fn: string, actual: number, goal: number, redFlag: number, names: GoalNames = NAMES): RagStatus {
  checkGoal(fn, actual, goal, redFlag, names);
  const better = goal > redFlag ? (a: number, b: number) => a >= b : (a: number, b: number) => a <= b;
  if (better(actual, goal)) return 'GREEN';
  return better(actual, redFlag) ? 'AMBER' : 'RED';
}
