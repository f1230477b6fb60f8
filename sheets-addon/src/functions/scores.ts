import { bandScore, binaryScore, directionOf as coreDirection, goalRedFlagScore, goalStatus, kpiPayout, type PayoutStep, performanceScore, progressScore, stabilizeScore, type Direction, achievementOfActual, statusOfActual, weightedScore, type BlankPolicy, type RollUpMethod } from '../../../core/scorecard';
import { isBlank, numberOf, numberOr, textOr } from '../cells/coerce';
import { cellsOf, readArgument, rejectErrorValues } from '../cells/grid';
import { spill } from '../cells/spill';

/**
 * The scoring functions of the contract: each reads its cells and calls one core function (core/scorecard/methods,
 * docs/SCORING.md). Per-row functions spill over a column of actuals; a bad row gets #INVALID text.
 */

/** Blank means `higher`; `cao` / `thấp` are read as higher / lower; the core names anything else. */
const directionOf = (fn: string, value: unknown): Direction => (isBlank(value) ? 'higher' : coreDirection(fn, 'direction', value));

const num = (name: string, value: unknown) => readArgument(name, () => numberOf(value));
const optional = (name: string, value: unknown, fallback: number) => readArgument(name, () => numberOr(value, fallback));
/** Text options (`method`, `blanks`): blank gives the fallback; the core rejects unknown words. */
const word = (name: string, value: unknown, fallback: string) => readArgument(name, () => textOr(value, fallback).toLowerCase());

export const KPI_SCORE = (actual: unknown, target: unknown, direction?: unknown, floor?: unknown, cap?: unknown) =>
  spill(
    [['actual', actual], ['target', target], ['direction', direction], ['floor', floor], ['cap', cap]],
    ([a, t, d, f, c]) => achievementOfActual(num('actual', a), num('target', t), directionOf('KPI_SCORE', d), optional('floor', f, 0), optional('cap', c, 1.2)),
  );

/**
 * KPI_STATUS thresholds are achievements as fractions (0.9, or a 90% cell, which Sheets passes as 0.9). Above this
 * one is a percent typed as a number (90): read as 90 times the target, it would make every status RED.
 */
const MAX_THRESHOLD = 1.5;

function threshold(name: string, value: unknown, fallback: number): number {
  const n = optional(name, value, fallback);
  if (n > MAX_THRESHOLD) {
    throw new Error(`${name}: ${n} would mean ${n * 100} % of the target; give the achievement as a fraction (${n / 100}) or a percent cell (${n}%)`);
  }
  return n;
}

export const KPI_STATUS = (actual: unknown, target: unknown, direction?: unknown, greenFrom?: unknown, redBelow?: unknown) =>
  spill(
    [['actual', actual], ['target', target], ['direction', direction], ['green_from', greenFrom], ['red_below', redBelow]],
    ([a, t, d, g, r]) =>
      statusOfActual(num('actual', a), num('target', t), directionOf('KPI_STATUS', d), threshold('green_from', g, 1), threshold('red_below', r, 0.9)),
  );

export const KPI_PROGRESS = (actual: unknown, target: unknown, baseline: unknown, clamp?: unknown) =>
  spill(
    [['actual', actual], ['target', target], ['baseline', baseline], ['clamp', clamp]],
    // A blank clamp is TRUE; anything but TRUE/FALSE goes to the core, which names it.
    ([a, t, b, c]) => progressScore('KPI_PROGRESS', num('actual', a), num('target', t), num('baseline', b), (isBlank(c) ? true : c) as boolean),
  );

export const KPI_PERFORMANCE = (actual: unknown, min: unknown, max: unknown, direction?: unknown) =>
  spill(
    [['actual', actual], ['min', min], ['max', max], ['direction', direction]],
    ([a, lo, hi, d]) => performanceScore('KPI_PERFORMANCE', num('actual', a), num('min', lo), num('max', hi), directionOf('KPI_PERFORMANCE', d)),
  );

export const KPI_GOAL_SCORE = (actual: unknown, goal: unknown, redFlag: unknown, scale?: unknown) =>
  spill(
    [['actual', actual], ['goal', goal], ['red_flag', redFlag], ['scale', scale]],
    ([a, g, r, s]) => goalRedFlagScore('KPI_GOAL_SCORE', num('actual', a), num('goal', g), num('red_flag', r), optional('scale', s, 10)),
  );

export const KPI_GOAL_STATUS = (actual: unknown, goal: unknown, redFlag: unknown) =>
  spill(
    [['actual', actual], ['goal', goal], ['red_flag', redFlag]],
    ([a, g, r]) => goalStatus('KPI_GOAL_STATUS', num('actual', a), num('goal', g), num('red_flag', r)),
  );

export const KPI_BINARY_SCORE = (actual: unknown, target: unknown, direction?: unknown) =>
  spill(
    [['actual', actual], ['target', target], ['direction', direction]],
    ([a, t, d]) => binaryScore('KPI_BINARY_SCORE', num('actual', a), num('target', t), directionOf('KPI_BINARY_SCORE', d)),
  );

export const KPI_STABILIZE_SCORE = (actual: unknown, target: unknown, tolerance: unknown) =>
  spill(
    [['actual', actual], ['target', target], ['tolerance', tolerance]],
    ([a, t, tol]) => stabilizeScore('KPI_STABILIZE_SCORE', num('actual', a), num('target', t), num('tolerance', tol)),
  );

/** The bands of a row or a column, blank cells left out; checked once (the core names a bad boundary), then per row. */
export function KPI_BAND_SCORE(actual: unknown, bands: unknown, direction?: unknown) {
  rejectErrorValues('bands', bands);
  const boundaries = cellsOf(bands).filter((cell) => !isBlank(cell)) as number[];
  bandScore('KPI_BAND_SCORE', 0, boundaries, 'higher');
  return spill(
    [['actual', actual], ['direction', direction]],
    ([a, d]) => bandScore('KPI_BAND_SCORE', num('actual', a), boundaries, directionOf('KPI_BAND_SCORE', d)),
  );
}

/** A two-column range (achievement from, rate) without its blank rows; the core checks the rest. */
function stepsOf(steps: unknown): PayoutStep[] | undefined {
  if (isBlank(steps)) return undefined;
  if (!Array.isArray(steps)) throw new Error('steps must be a two-column range (achievement from, rate)');
  rejectErrorValues('steps', steps);
  return (steps as unknown[][]).filter((row) => !row.every(isBlank)) as unknown as PayoutStep[];
}

export function KPI_PAYOUT(achievement: unknown, base: unknown, gate?: unknown, cap?: unknown, steps?: unknown) {
  const table = stepsOf(steps);
  // The step table is checked once, so a bad table is one #ERROR!, not a column of #INVALID.
  if (table !== undefined) kpiPayout('KPI_PAYOUT', 0, 0, 0, 1.2, table);
  return spill(
    [['achievement', achievement], ['base', base], ['gate', gate], ['cap', cap]],
    ([a, b, g, c]) => kpiPayout('KPI_PAYOUT', num('achievement', a), num('base', b), optional('gate', g, 0), optional('cap', c, 1.2), table),
  );
}

export const SCORECARD = (scores: unknown, weights: unknown, method?: unknown, blanks?: unknown) => {
  rejectErrorValues('scores', scores);
  rejectErrorValues('weights', weights);
  const blankToNull = (cell: unknown) => (isBlank(cell) ? null : (cell as number));
  return weightedScore(
    cellsOf(scores).map(blankToNull),
    cellsOf(weights).map(blankToNull),
    word('method', method, 'weighted') as RollUpMethod,
    word('blanks', blanks, 'ignore') as BlankPolicy,
  );
};
