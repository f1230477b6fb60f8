import type { Direction } from '../../../core/scorecard/schema';
import { kpiScore, kpiStatusOf } from '../../../core/scorecard/score';
import { weightedScore } from '../../../core/scorecard/weighted';
import { isBlank, numberOf, numberOr, textOr } from '../cells/coerce';
import { cellsOf, readArgument } from '../cells/grid';
import { spill } from '../cells/spill';

/** Blank means `higher`; the core rejects anything but higher or lower with its own message. */
const directionOf = (value: unknown): Direction => readArgument('direction', () => textOr(value, 'higher').toLowerCase()) as Direction;

const optional = (name: string, value: unknown, fallback: number) => readArgument(name, () => numberOr(value, fallback));

export const KPI_SCORE = (actual: unknown, target: unknown, direction?: unknown, floor?: unknown, cap?: unknown) =>
  spill(
    [['actual', actual], ['target', target], ['direction', direction], ['floor', floor], ['cap', cap]],
    ([a, t, d, f, c]) =>
      kpiScore(readArgument('actual', () => numberOf(a)), readArgument('target', () => numberOf(t)), directionOf(d), optional('floor', f, 0), optional('cap', c, 1.2)),
  );

export const KPI_STATUS = (actual: unknown, target: unknown, direction?: unknown, amber?: unknown, red?: unknown) =>
  spill(
    [['actual', actual], ['target', target], ['direction', direction], ['amber', amber], ['red', red]],
    ([a, t, d, am, r]) =>
      kpiStatusOf(readArgument('actual', () => numberOf(a)), readArgument('target', () => numberOf(t)), directionOf(d), optional('amber', am, 0.9), optional('red', r, 0.7)),
  );

export const SCORECARD = (scores: unknown, weights: unknown) => {
  const blankToNull = (cell: unknown) => (isBlank(cell) ? null : (cell as number));
  return weightedScore(cellsOf(scores).map(blankToNull), cellsOf(weights).map(blankToNull));
};
