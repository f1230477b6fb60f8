/**
 * The contract's scoring functions (shared/SHEETS-FUNCTIONS.md) in the built Apps Script bundle, run in node:vm.
 * Expected values are worked by hand from each method's definition (docs/SCORING.md). Run `npm run build` first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { col, loadBundle, type Sandbox } from './helpers/sheets-sandbox';

let s: Sandbox;
const call = (name: string, ...args: unknown[]) => s.call(name, ...args);
const fails = (name: string, ...args: unknown[]) => s.thrown(name, ...args);
/** Numbers of a spilled column rounded to 12 places; text (blank, #INVALID) as it is. */
const rounded = (result: unknown) => (result as unknown[][]).map(([v]) => (typeof v === 'number' ? Math.round(v * 1e12) / 1e12 : v));

beforeAll(() => {
  s = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh' });
});

describe('KPI_PROGRESS', () => {
  it('measures progress from the baseline to the target, either direction, a target of 0 included', () => {
    // Cost per acquisition 100 → 50: (75 − 100) ÷ (50 − 100) = 0.5; 40 is past the target, clamped to 1.
    expect(call('KPI_PROGRESS', 75, 50, 100)).toBe(0.5);
    expect(rounded(call('KPI_PROGRESS', col(75, '', 40, 120, 'x'), 50, 100))).toEqual([0.5, '', 1, 0, '#INVALID: actual: "x" is not a number']);
    // clamp FALSE: (40 − 100) ÷ (50 − 100) = 1.2; (120 − 100) ÷ −50 = −0.4.
    expect(rounded(call('KPI_PROGRESS', col(40, 120), 50, 100, false))).toEqual([1.2, -0.4]);
    // Defects from 8 down to 0: at 2, (2 − 8) ÷ (0 − 8) = 0.75.
    expect(call('KPI_PROGRESS', 2, 0, 8, true)).toBe(0.75);
  });

  it('rejects target = baseline and a clamp that is not TRUE/FALSE, in the row', () => {
    expect(call('KPI_PROGRESS', 5, 10, 10)).toBe('#INVALID: baseline must differ from target (both are 10): the scale from baseline to target has no width');
    expect(call('KPI_PROGRESS', 5, 10, 0, 'yes')).toBe('#INVALID: clamp must be TRUE or FALSE, not "yes"');
    expect(fails('KPI_PROGRESS', 5, 10)).toBe('KPI_PROGRESS: baseline is required');
  });
});

describe('KPI_PERFORMANCE', () => {
  it('places the actual on the min..max scale', () => {
    // 0..200 at 50 → 0.25; lower is better → 0.75; 100..200 at 150 → 0.5; outside the scale → 0 or 1.
    expect(call('KPI_PERFORMANCE', 50, 0, 200)).toBe(0.25);
    expect(call('KPI_PERFORMANCE', 50, 0, 200, 'lower')).toBe(0.75);
    expect(call('KPI_PERFORMANCE', 50, 0, 200, 'thấp')).toBe(0.75);
    expect(call('KPI_PERFORMANCE', 50, 0, 200, 'CAO')).toBe(0.25);
    expect(call('KPI_PERFORMANCE', col(150, 250, 90), 100, 200)).toEqual([[0.5], [1], [0]]);
  });

  it('rejects a zero-width scale and an unknown direction', () => {
    expect(call('KPI_PERFORMANCE', 5, 10, 10)).toBe('#INVALID: max must be greater than min (10 is not greater than 10): the scale has no width');
    expect(call('KPI_PERFORMANCE', 5, 0, 10, 'up')).toBe('#INVALID: direction must be higher or lower, not "up"');
  });
});

describe('KPI_GOAL_SCORE and KPI_GOAL_STATUS', () => {
  it('scores a third of the scale at the red flag and two thirds at the goal, linear, within 0..scale', () => {
    // Goal 700, red flag 500: 300 → 0, 500 → 10/3, 600 → 5, 700 → 20/3, 900 → 10, 1000 → 10.
    expect(rounded(call('KPI_GOAL_SCORE', col(300, 500, 600, 700, 900, 1000), 700, 500))).toEqual([0, 3.333333333333, 5, 6.666666666667, 10, 10]);
    // Scale 100: 600 → 50.
    expect(call('KPI_GOAL_SCORE', 600, 700, 500, 100)).toBeCloseTo(50, 12);
    // Compliance incidents, goal 0, red flag 3 (lower is better): 1 → 10/3 × (1 + 2/3) = 50/9.
    expect(call('KPI_GOAL_SCORE', 1, 0, 3)).toBeCloseTo(50 / 9, 12);
  });

  it('rates GREEN at the goal, AMBER between, RED past the red flag', () => {
    expect(call('KPI_GOAL_STATUS', col(700, 600, 500, 499), 700, 500)).toEqual([['GREEN'], ['AMBER'], ['AMBER'], ['RED']]);
    expect(call('KPI_GOAL_STATUS', col(0, 2, 4), 0, 3)).toEqual([['GREEN'], ['AMBER'], ['RED']]);
  });

  it('rejects goal = red flag and a scale of 0', () => {
    expect(call('KPI_GOAL_SCORE', 1, 5, 5)).toBe('#INVALID: red_flag must differ from goal (both are 5): the scale has no width');
    expect(call('KPI_GOAL_STATUS', 1, 5, 5)).toBe('#INVALID: red_flag must differ from goal (both are 5): the scale has no width');
    expect(call('KPI_GOAL_SCORE', 1, 5, 3, 0)).toBe('#INVALID: scale must be greater than 0');
  });
});

describe('KPI_BAND_SCORE', () => {
  it('gives each band an equal share, linear inside it, from a row or a column of boundaries', () => {
    // Bands 0 | 50 | 80 | 100: 65 → (1 + 15/30) ÷ 3 = 0.5; 25 → 1/6; 90 → 5/6; −5 → 0; 120 → 1.
    expect(rounded(call('KPI_BAND_SCORE', col(65, 25, 90, -5, 120), [[0, 50, 80, 100]]))).toEqual([0.5, 0.166666666667, 0.833333333333, 0, 1]);
    expect(call('KPI_BAND_SCORE', 25, col(0, 50, 80, 100, ''), 'lower')).toBeCloseTo(5 / 6, 12);
  });

  it('rejects unordered bands for the whole call, naming the boundary', () => {
    expect(fails('KPI_BAND_SCORE', 1, [[0, 50, 40, 100]])).toBe('KPI_BAND_SCORE: bands row 3: must ascend: 40 is not greater than 50 before it');
    expect(fails('KPI_BAND_SCORE', 1, [[5]])).toBe('KPI_BAND_SCORE: bands must have at least 2 boundaries (one band), not 1');
    expect(fails('KPI_BAND_SCORE', 1, [[0, 'x']])).toBe('KPI_BAND_SCORE: bands row 2: "x" is not a number');
  });
});

describe('KPI_BINARY_SCORE and KPI_STABILIZE_SCORE', () => {
  it('binary: 1 when the target is met, else 0, either direction', () => {
    expect(call('KPI_BINARY_SCORE', col(0.996, 0.995, 0.994), 0.995)).toEqual([[1], [1], [0]]);
    expect(call('KPI_BINARY_SCORE', col(0, 1), 0, 'lower')).toEqual([[1], [0]]);
  });

  it('stabilize: 1 at the target, 0 at ± tolerance', () => {
    // Target 20, tolerance 5: 22 → 1 − 2/5 = 0.6; 17.5 → 0.5; 26 → 0.
    expect(rounded(call('KPI_STABILIZE_SCORE', col(20, 22, 17.5, 26), 20, 5))).toEqual([1, 0.6, 0.5, 0]);
    expect(call('KPI_STABILIZE_SCORE', 1, 2, 0)).toBe('#INVALID: tolerance must be greater than 0, not 0: the scale has no width');
  });
});

describe('KPI_STATUS defaults', () => {
  it('is GREEN when the target is met, AMBER within 10 %, RED below; thresholds by name', () => {
    expect(call('KPI_STATUS', col(100, 95, 90, 89), 100)).toEqual([['GREEN'], ['AMBER'], ['AMBER'], ['RED']]);
    expect(call('KPI_STATUS', 95, 100, '', 0.95, 0.8)).toBe('GREEN');
    expect(call('KPI_STATUS', 95, 100, 'higher', 0.8, 0.9)).toBe('#INVALID: green_from must be greater than red_below');
  });
});

describe('KPI_PAYOUT', () => {
  it('pays base × achievement up to the cap, nothing below the gate', () => {
    expect(call('KPI_PAYOUT', 0.95, 10_000_000)).toBe(9_500_000);
    expect(call('KPI_PAYOUT', col(1.5, 0.75, 0.8, ''), 10_000_000, 0.8)).toEqual([[12_000_000], [0], [8_000_000], ['']]);
    expect(call('KPI_PAYOUT', 1.5, col(1000, 2000), '', 1.3)).toEqual([[1300], [2600]]);
  });

  it('pays by a step table: the rate of the last row reached', () => {
    const steps = [[0.8, 0.5], [0.9, 0.8], [1, 1], ['', '']];
    expect(call('KPI_PAYOUT', col(0.7, 0.85, 0.95, 1.4), 1000, '', '', steps)).toEqual([[0], [500], [800], [1000]]);
  });

  it('rejects bad input, naming the argument', () => {
    expect(call('KPI_PAYOUT', -1, 1000)).toBe('#INVALID: achievement must not be negative');
    expect(call('KPI_PAYOUT', 1, 'lots')).toBe('#INVALID: base: "lots" is not a number');
    expect(fails('KPI_PAYOUT', 1, 1000, '', '', [[1, 1], [0.9, 0.5]])).toBe('KPI_PAYOUT: steps row 2: must ascend: 0.9 is not greater than 1 before it');
    expect(fails('KPI_PAYOUT', 1, 1000, '', '', [[1, 1, 1]])).toBe('KPI_PAYOUT: steps row 1: must have two columns (achievement from, rate), not [1,1,1]');
  });
});

describe('SCORECARD with method and blanks', () => {
  const scores = col(0.8, '', 1);
  const weights = col(1, 2, 1);
  it('rolls up by each method, blanks left out or counted as 0', () => {
    // weighted: (0.8 + 1) ÷ 2 = 0.9; blanks zero: (0.8 + 0 + 1) ÷ 4 = 0.45.
    expect(call('SCORECARD', scores, weights)).toBeCloseTo(0.9, 12);
    expect(call('SCORECARD', scores, weights, 'weighted', 'zero')).toBeCloseTo(0.45, 12);
    expect(call('SCORECARD', col(0.5, 1), col(3, 1), 'average')).toBe(0.75);
    expect(call('SCORECARD', scores, weights, 'min')).toBe(0.8);
    expect(call('SCORECARD', scores, weights, 'MIN', 'zero')).toBe(0);
    expect(call('SCORECARD', scores, weights, 'max')).toBe(1);
    // sum: 0.8 × 1 + 1 × 1 = 1.8.
    expect(call('SCORECARD', scores, weights, 'sum')).toBeCloseTo(1.8, 12);
  });

  it('rejects an unknown method or policy and weights all 0', () => {
    expect(fails('SCORECARD', scores, weights, 'median')).toBe('SCORECARD: method must be weighted, average, min, max or sum, not "median"');
    expect(fails('SCORECARD', scores, weights, '', 'skip')).toBe('SCORECARD: blanks must be ignore or zero, not "skip"');
    expect(fails('SCORECARD', col(0.5, 1), col(0, 0))).toBe('SCORECARD: scores has no score with a weight greater than 0');
    expect(fails('SCORECARD', col('', ''), col(1, 1), 'max')).toBe('SCORECARD: scores has no score');
  });
});
