import { describe, expect, it } from 'vitest';
import {
  bandScore,
  combine,
  complianceRag,
  complianceTargetOf,
  goalRedFlagScore,
  performanceScore,
  progressScore,
  retentionRate,
  weightedMean,
  weightedScore,
} from '../core';

// Inputs at the edge of what a float holds must give the right figure, never a silently wrong 0, 1 or red.
const HUGE = 1e308;

describe('weightedMean and the roll-ups with weights near the float limit', () => {
  it('weightedMean with 1e308 weights gives 0.75, not 0 (the sum of the weights overflows to Infinity)', () => {
    expect(weightedMean([[0.5, HUGE], [1, HUGE]])).toBe(0.75);
    expect(weightedMean([[1, HUGE], [0.5, HUGE], [0.75, HUGE]])).toBe(0.75);
    expect(combine('weighted', [[0.5, HUGE], [1, HUGE]])).toBe(0.75);
    expect(weightedScore([0.5, 1], [HUGE, HUGE])).toBe(0.75);
  });

  it('weightedMean of scores near 1e308 stays finite (Σ score × weight would overflow)', () => {
    expect(weightedMean([[HUGE, 1], [HUGE, 1]])).toBe(HUGE);
    expect(weightedMean([[HUGE, 3], [-HUGE, 1]])).toBe(HUGE / 2);
  });

  it('weightedMean keeps ordinary means exactly as before and null when the weights sum to 0', () => {
    expect(weightedMean([[0.8, 1], [1, 1]])).toBe((0.8 * 1 + 1 * 1) / 2);
    expect(weightedMean([[0.1, 3], [0.7, 5], [0.2, 0.3]])).toBe((0.1 * 3 + 0.7 * 5 + 0.2 * 0.3) / (3 + 5 + 0.3));
    expect(weightedMean([[0.4, 1e-300], [0.6, 3e-300]])).toBeCloseTo(0.55, 15);
    expect(weightedMean([[0.5, 0], [1, 0]])).toBeNull();
    expect(weightedMean([])).toBeNull();
  });

  it('weightedMean reads a list of 300,000 pairs (no spread of the list into Math.max)', () => {
    const pairs = Array.from({ length: 300_000 }, (_, i): [number, number] => [i % 2, 1]);
    expect(weightedMean(pairs)).toBe(0.5);
  });
});

describe('method scores with bounds near the float limit', () => {
  it('method scores at ±1e308 bounds give 0.5 halfway, not 0 (max − min overflows to Infinity)', () => {
    expect(performanceScore('PERFORMANCE_SCORE', 0, -HUGE, HUGE, 'higher')).toBe(0.5);
    expect(performanceScore('PERFORMANCE_SCORE', HUGE / 2, -HUGE, HUGE, 'lower')).toBe(0.25);
    expect(progressScore('PROGRESS_SCORE', 0, HUGE, -HUGE)).toBe(0.5);
    expect(progressScore('PROGRESS_SCORE', 0, -HUGE, HUGE)).toBe(0.5);
    expect(bandScore('BAND_SCORE', 0, [-HUGE, HUGE], 'higher')).toBe(0.5);
    expect(bandScore('BAND_SCORE', 0, [-HUGE, 0, HUGE], 'higher')).toBe(0.5);
    expect(goalRedFlagScore('GOAL_SCORE', 0, HUGE, -HUGE, 10)).toBe(5);
  });

  it('unclamped progress beyond a bound near 1e308 is the true fraction, not Infinity', () => {
    expect(progressScore('PROGRESS_SCORE', HUGE, HUGE / 2, -HUGE / 2, false)).toBe(1.5);
    expect(progressScore('PROGRESS_SCORE', -HUGE, 0, HUGE, false)).toBe(2);
  });

  it('method scores keep ordinary values exactly (the plain formula, no halving of tiny bounds)', () => {
    expect(performanceScore('PERFORMANCE_SCORE', 50, 0, 200, 'higher')).toBe(0.25);
    expect(progressScore('PROGRESS_SCORE', 75, 50, 100)).toBe(0.5);
    expect(bandScore('BAND_SCORE', 65, [0, 50, 80, 100], 'higher')).toBe(0.5);
    // Halving 5e-324 rounds it to 0: the tiny scale must not be halved.
    expect(performanceScore('PERFORMANCE_SCORE', 5e-324, 0, 1e-323, 'higher')).toBe(0.5);
  });
});

describe('complianceRag with no figure', () => {
  const target = complianceTargetOf(undefined);

  it('complianceRag(NaN) is no data (null), not red', () => {
    expect(complianceRag(NaN, target)).toBeNull();
    expect(complianceRag(0 / 0, { level: 0.95, amberFrom: 0 })).toBeNull();
  });

  it('complianceRag still colours real ratios: null has no colour, 0.95 green, 0.9 amber, 0.5 red', () => {
    expect(complianceRag(null, target)).toBeNull();
    expect(complianceRag(0.95, target)).toBe('green');
    expect(complianceRag(0.9, target)).toBe('amber');
    expect(complianceRag(0.5, target)).toBe('red');
    expect(complianceRag(0, target)).toBe('red');
  });
});

describe('retentionRate months', () => {
  const day = 86_400_000;
  const hires = [Date.UTC(2024, 0, 15), Date.UTC(2024, 2, 1)];
  const exits = [null, Date.UTC(2024, 3, 1)];
  const asOf = Date.UTC(2025, 5, 1);

  it('retentionRate with months -1 is an error naming months, not 1', () => {
    expect(() => retentionRate(hires, exits, asOf, -1)).toThrow('RETENTION_RATE: months must be a whole number of at least 1');
    expect(() => retentionRate(hires, exits, asOf, -12)).toThrow('RETENTION_RATE: months must be a whole number of at least 1');
    expect(() => retentionRate(hires, exits, asOf, 0.5)).toThrow('RETENTION_RATE: months must be a whole number of at least 1');
  });

  it('retentionRate with 1 month counts the hire that left after 31 days as retained', () => {
    expect(retentionRate(hires, exits, asOf, 1)).toBe(1);
    expect(retentionRate(hires, [null, Date.UTC(2024, 2, 1) + 10 * day], asOf, 1)).toBe(0.5);
  });
});
