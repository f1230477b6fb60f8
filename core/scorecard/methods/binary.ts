import { checkNumber } from '../../kpi/validate';
import type { Direction } from '../schema';

/** 1 when the target is met (higher: actual ≥ target, lower: actual ≤ target), else 0 (BSC Designer "binary"). */
export function binaryScore(fn: string, actual: number, target: number, direction: Direction, names = { actual: 'actual', target: 'target' }): number {
  checkNumber(fn, names.actual, actual);
  checkNumber(fn, names.target, target);
  return (direction === 'lower' ? actual <= target : actual >= target) ? 1 : 0;
}
