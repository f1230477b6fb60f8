/**
 * The scoring methods called as the Sheets functions call them (default argument names), and at the exact edges of
 * their scales.
 */
import { describe, expect, it } from 'vitest';
import { bandScore, binaryScore, goalRedFlagScore, goalStatus, kpiPayout, performanceScore, progressScore, stabilizeScore } from '../core';

const F = 'FN';

describe('default argument names in errors', () => {
  it('names the actual of every method `actual`', () => {
    expect(() => bandScore(F, NaN, [0, 1], 'higher')).toThrow('FN: actual must be a number, not NaN');
    expect(() => binaryScore(F, NaN, 1, 'higher')).toThrow('FN: actual must be a number, not NaN');
    expect(() => goalRedFlagScore(F, NaN, 5, 3)).toThrow('FN: actual must be a number, not NaN');
    expect(() => goalStatus(F, NaN, 5, 3)).toThrow('FN: actual must be a number, not NaN');
    expect(() => performanceScore(F, NaN, 0, 1, 'higher')).toThrow('FN: actual must be a number, not NaN');
    expect(() => stabilizeScore(F, NaN, 0, 1)).toThrow('FN: actual must be a number, not NaN');
  });

  it('names the other arguments by their Sheets names', () => {
    expect(() => bandScore(F, 1, [0, NaN], 'higher')).toThrow('FN: bands row 2: NaN is not a number');
    expect(() => goalRedFlagScore(F, 1, NaN, 3)).toThrow('FN: goal must be a number, not NaN');
    expect(() => goalRedFlagScore(F, 1, 5, NaN)).toThrow('FN: red_flag must be a number, not NaN');
    expect(() => goalStatus(F, 1, 5, NaN)).toThrow('FN: red_flag must be a number, not NaN');
    expect(() => performanceScore(F, 1, NaN, 1, 'higher')).toThrow('FN: min must be a number, not NaN');
    expect(() => performanceScore(F, 1, 0, NaN, 'higher')).toThrow('FN: max must be a number, not NaN');
    expect(() => progressScore(F, 1, NaN, 0)).toThrow('FN: target must be a number, not NaN');
    expect(() => stabilizeScore(F, 1, NaN, 1)).toThrow('FN: target must be a number, not NaN');
    expect(() => stabilizeScore(F, 1, 0, NaN)).toThrow('FN: tolerance must be a number, not NaN');
  });
});

describe('scores at the exact edges of the scale', () => {
  it('bands: the first boundary scores 0, the last 1, a boundary between starts its band', () => {
    expect(bandScore(F, 100, [0, 50, 80, 100], 'higher')).toBe(1);
    expect(bandScore(F, 100, [0, 50, 80, 100], 'lower')).toBe(0);
    expect(bandScore(F, 0, [0, 50, 80, 100], 'higher')).toBe(0);
    expect(bandScore(F, 50, [0, 50, 80, 100], 'higher')).toBe(1 / 3);
    expect(bandScore(F, 80, [0, 50, 80, 100], 'higher')).toBe(2 / 3);
  });

  it('performance and progress are limited to 0..1 only when asked', () => {
    expect(performanceScore(F, 300, 0, 200, 'higher')).toBe(1);
    expect(performanceScore(F, -100, 0, 200, 'higher')).toBe(0);
    expect(performanceScore(F, 300, 0, 200, 'lower')).toBe(0);
    expect(progressScore(F, 150, 100, 0, false)).toBe(1.5);
    expect(progressScore(F, -50, 100, 0, false)).toBe(-0.5);
    expect(progressScore(F, -50, 100, 0)).toBe(0);
  });

  it('goal/red flag: limited to 0..scale, the goal itself GREEN and the red flag AMBER', () => {
    expect(goalRedFlagScore(F, 10_000, 700, 500, 10)).toBe(10);
    expect(goalRedFlagScore(F, -10_000, 700, 500, 10)).toBe(0);
    expect(goalStatus(F, 700, 700, 500)).toBe('GREEN');
    expect(goalStatus(F, 500, 700, 500)).toBe('AMBER');
    expect(goalStatus(F, 499.99, 700, 500)).toBe('RED');
    expect(goalStatus(F, 3, 3, 5)).toBe('GREEN');
    expect(goalStatus(F, 5, 3, 5)).toBe('AMBER');
    expect(goalStatus(F, 5.01, 3, 5)).toBe('RED');
  });

  it('stabilize: 0 at the tolerance and beyond, on both sides', () => {
    expect(stabilizeScore(F, 25, 20, 5)).toBe(0);
    expect(stabilizeScore(F, 15, 20, 5)).toBe(0);
    expect(stabilizeScore(F, 40, 20, 5)).toBe(0);
    expect(stabilizeScore(F, 18, 20, 5)).toBeCloseTo(0.6, 12);
  });

  it('pay steps: two rows starting at the same achievement are refused, and a step starts at its own achievement', () => {
    expect(() => kpiPayout(F, 1, 100, 0, 1.2, [[1, 1], [1, 0.5]])).toThrow('FN: steps row 2: must ascend: 1 is not greater than 1 before it');
    expect(kpiPayout(F, 1, 100, 0, 1.2, [[0.8, 0.5], [1, 1]])).toBe(100);
    expect(kpiPayout(F, 0.99, 100, 0, 1.2, [[0.8, 0.5], [1, 1]])).toBe(50);
    expect(kpiPayout(F, 0.79, 100, 0, 1.2, [[0.8, 0.5], [1, 1]])).toBe(0);
  });

  it('binary: the target itself is met in either direction', () => {
    expect(binaryScore(F, 5, 5, 'higher')).toBe(1);
    expect(binaryScore(F, 5, 5, 'lower')).toBe(1);
    expect(binaryScore(F, 4.99, 5, 'higher')).toBe(0);
    expect(binaryScore(F, 5.01, 5, 'lower')).toBe(0);
  });
});
