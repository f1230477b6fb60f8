/**
 * Scoring methods of a KPI definition (docs/SCORING.md). Worked examples follow each method's published
 * definition; the page is cited at each example.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandScore,
  binaryScore,
  directionOf,
  evaluateTree,
  goalRedFlagScore,
  goalStatus,
  KpiDefinitionSchema,
  kpiPayout,
  statusOfKpi,
  statusOfActual,
  performanceScore,
  progressScore,
  scoreOfKpi,
  stabilizeScore,
  type Direction,
  type KpiDefinition,
  type KpiValues,
  type TreeKpiResult,
  type TreeResult,
} from '../core/scorecard';
import { PerspectiveScorecardSchema, treeOfScorecard } from '../forge-app/src/config/perspective-scorecard';
import { issuesOf, kpi, loose } from './helpers/scorecard-builders';

const parse = (fields: Parameters<typeof kpi>[0]): KpiDefinition => KpiDefinitionSchema.parse(kpi(fields));
const F = 'T';
const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const direction = fc.constantFrom<Direction>('higher', 'lower');

describe('progress (BSC Designer: progress from baseline to target)', () => {
  // https://bscdesigner.com/webbsc_manual/cases.htm: "Cost per Acquisition", lower is better, baseline above target;
  // https://bscdesigner.com/monitoring-performance-and-tracking-progress.htm: progress from baseline, target, value.
  it('scores the worked examples', () => {
    expect(progressScore(F, 75, 50, 100)).toBe(0.5); // CPA 100 → 50, at 75: halfway
    expect(progressScore(F, 50, 50, 100)).toBe(1);
    expect(progressScore(F, 100, 50, 100)).toBe(0);
    expect(progressScore(F, 120, 50, 100)).toBe(0); // worse than the baseline, clamped
    expect(progressScore(F, 120, 50, 100, false)).toBe(-0.4);
    expect(progressScore(F, 40, 50, 100, false)).toBeCloseTo(1.2, 12);
    expect(progressScore(F, 60, 80, 40)).toBe(0.5); // higher is better: baseline 40 → target 80
    // A target of 0: defects from 8 down to 0; at 2 → 0.75. Negative values are fine.
    expect(progressScore(F, 2, 0, 8)).toBe(0.75);
    expect(progressScore(F, -5, -10, 0)).toBe(0.5);
  });

  it('rejects a zero-width scale and bad arguments, naming them', () => {
    expect(() => progressScore('KPI_PROGRESS', 5, 10, 10)).toThrow('KPI_PROGRESS: baseline must differ from target (both are 10): the scale from baseline to target has no width');
    expect(() => loose(progressScore)('KPI_PROGRESS', 5, 10, 0, 'yes')).toThrow('KPI_PROGRESS: clamp must be TRUE or FALSE, not "yes"');
    expect(() => progressScore('KPI_PROGRESS', NaN, 10, 0)).toThrow('KPI_PROGRESS: actual must be a number, not NaN');
    expect(() => loose(progressScore)('KPI_PROGRESS', 1, 10)).toThrow('KPI_PROGRESS: baseline must be a number, not blank');
  });

  it('rises as the actual moves from the baseline toward the target, within 0..1', () => {
    fc.assert(
      fc.property(value, value, value, value, (a, b, target, baseline) => {
        fc.pre(target !== baseline);
        const [sa, sb] = [progressScore(F, a, target, baseline), progressScore(F, b, target, baseline)];
        expect(sa).toBeGreaterThanOrEqual(0);
        expect(sa).toBeLessThanOrEqual(1);
        // Closer to the target's side means a higher score.
        const towardTarget = (x: number) => (target > baseline ? x : -x);
        if (towardTarget(a) <= towardTarget(b)) expect(sa).toBeLessThanOrEqual(sb);
      }),
    );
  });
});

describe('performance (BSC Designer: position on the min..max scale)', () => {
  // http://www.bscdesigner.com/kpi_designer_manual/change-indicator-details.htm: "if the max value is 200 and the min
  // value is 0 and your current value is 50, then the total performance will be 25%".
  it('scores the worked examples', () => {
    expect(performanceScore(F, 50, 0, 200, 'higher')).toBe(0.25);
    expect(performanceScore(F, 150, 100, 200, 'higher')).toBe(0.5); // 100..200, 150 → 50 %
    expect(performanceScore(F, 50, 0, 200, 'lower')).toBe(0.75); // minimization: (max − value) ÷ (max − min)
    expect(performanceScore(F, 250, 0, 200, 'higher')).toBe(1);
    expect(performanceScore(F, -10, 0, 200, 'higher')).toBe(0);
    expect(performanceScore(F, -5, -10, 0, 'higher')).toBe(0.5);
  });

  it('rejects a zero-width or reversed scale', () => {
    expect(() => performanceScore('KPI_PERFORMANCE', 5, 10, 10, 'higher')).toThrow('KPI_PERFORMANCE: max must be greater than min (10 is not greater than 10): the scale has no width');
    expect(() => performanceScore('KPI_PERFORMANCE', 5, 10, 0, 'higher')).toThrow('KPI_PERFORMANCE: max must be greater than min (0 is not greater than 10)');
  });

  it('is monotonic in the actual in the KPI\'s direction and stays within 0..1', () => {
    fc.assert(
      fc.property(value, value, value, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), direction, (a, b, min, width, d) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const [s, t] = [performanceScore(F, lo, min, min + width, d), performanceScore(F, hi, min, min + width, d)];
        expect(Math.min(s, t)).toBeGreaterThanOrEqual(0);
        expect(Math.max(s, t)).toBeLessThanOrEqual(1);
        if (d === 'higher') expect(s).toBeLessThanOrEqual(t);
        else expect(s).toBeGreaterThanOrEqual(t);
      }),
    );
  });
});

describe('goal / red flag (Spider Impact)', () => {
  // https://support.spiderstrategies.com/hc/en-us/articles/360041554151-Using-KPI-Scoring-Types: the red flag scores
  // 3.3, the goal 6.6 (thirds of 10); goal 700, red flag 500 → 0 at 300, 10 at 900.
  it('scores the worked examples', () => {
    expect(goalRedFlagScore(F, 300, 700, 500)).toBe(0);
    expect(goalRedFlagScore(F, 900, 700, 500)).toBe(10);
    expect(goalRedFlagScore(F, 500, 700, 500)).toBeCloseTo(10 / 3, 12);
    expect(goalRedFlagScore(F, 700, 700, 500)).toBeCloseTo(20 / 3, 12);
    expect(goalRedFlagScore(F, 600, 700, 500)).toBeCloseTo(5, 12);
    expect(goalRedFlagScore(F, 1000, 700, 500)).toBe(10);
    expect(goalRedFlagScore(F, 600, 700, 500, 100)).toBeCloseTo(50, 12);
    // Lower is better with a goal of 0 (compliance incidents): red flag 3 → 0 at 6, 3.33 at 3, 6.67 at 0.
    expect(goalRedFlagScore(F, 0, 0, 3)).toBeCloseTo(20 / 3, 12);
    expect(goalRedFlagScore(F, 3, 0, 3)).toBeCloseTo(10 / 3, 12);
    expect(goalRedFlagScore(F, 6, 0, 3)).toBe(0);
    expect(goalRedFlagScore(F, 1, 0, 3)).toBeCloseTo(50 / 9, 12);
  });

  it('gives GREEN at the goal, AMBER between, RED past the red flag', () => {
    // The same page's example: red below 255,000, green above 260,000.
    expect(goalStatus(F, 260_000, 260_000, 255_000)).toBe('GREEN');
    expect(goalStatus(F, 257_000, 260_000, 255_000)).toBe('AMBER');
    expect(goalStatus(F, 255_000, 260_000, 255_000)).toBe('AMBER');
    expect(goalStatus(F, 254_999, 260_000, 255_000)).toBe('RED');
    expect(goalStatus(F, 0, 0, 3)).toBe('GREEN');
    expect(goalStatus(F, 2, 0, 3)).toBe('AMBER');
    expect(goalStatus(F, 4, 0, 3)).toBe('RED');
  });

  it('rejects goal = red flag and a scale of 0', () => {
    expect(() => goalRedFlagScore('KPI_GOAL_SCORE', 1, 5, 5)).toThrow('KPI_GOAL_SCORE: red_flag must differ from goal (both are 5): the scale has no width');
    expect(() => goalStatus('KPI_GOAL_STATUS', 1, 5, 5)).toThrow('KPI_GOAL_STATUS: red_flag must differ from goal (both are 5)');
    expect(() => goalRedFlagScore('KPI_GOAL_SCORE', 1, 5, 3, 0)).toThrow('KPI_GOAL_SCORE: scale must be greater than 0');
  });

  it('is monotonic toward the goal, within 0..scale, and agrees with its status', () => {
    fc.assert(
      fc.property(value, value, value, value, fc.double({ min: 0.1, max: 100, noNaN: true }), (a, b, goal, redFlag, scale) => {
        fc.pre(goal !== redFlag);
        const [sa, sb] = [goalRedFlagScore(F, a, goal, redFlag, scale), goalRedFlagScore(F, b, goal, redFlag, scale)];
        expect(sa).toBeGreaterThanOrEqual(0);
        expect(sa).toBeLessThanOrEqual(scale);
        const better = (x: number) => (goal > redFlag ? x : -x);
        if (better(a) <= better(b)) expect(sa).toBeLessThanOrEqual(sb + 1e-9 * scale);
        const status = goalStatus(F, a, goal, redFlag);
        if (status === 'GREEN') expect(sa).toBeGreaterThanOrEqual((2 * scale) / 3 - 1e-6 * scale);
        if (status === 'RED') expect(sa).toBeLessThan(scale / 3 + 1e-6 * scale);
      }),
    );
  });
});

describe('stabilize, binary and bands', () => {
  // Stabilize: Spider Impact's "Stabilize Number" scoring types put the highest score in the middle
  // (https://support.spiderstrategies.com/hc/en-us/articles/10022397290260-Editing-Scoring-Types); here 1 at the
  // target falling linearly to 0 at target ± tolerance (docs/SHEETS-FUNCTIONS.md).
  it('stabilize: 1 at the target, 0 at and beyond the tolerance', () => {
    expect(stabilizeScore(F, 20, 20, 5)).toBe(1);
    expect(stabilizeScore(F, 22, 20, 5)).toBeCloseTo(0.6, 12);
    expect(stabilizeScore(F, 17.5, 20, 5)).toBe(0.5);
    expect(stabilizeScore(F, 25, 20, 5)).toBe(0);
    expect(stabilizeScore(F, 40, 20, 5)).toBe(0);
    expect(stabilizeScore(F, -1, 0, 2)).toBe(0.5);
    expect(() => stabilizeScore('KPI_STABILIZE_SCORE', 1, 2, 0)).toThrow('KPI_STABILIZE_SCORE: tolerance must be greater than 0, not 0: the scale has no width');
    fc.assert(
      fc.property(value, value, value, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (a, b, target, tolerance) => {
        const [sa, sb] = [stabilizeScore(F, a, target, tolerance), stabilizeScore(F, b, target, tolerance)];
        expect(sa).toBeGreaterThanOrEqual(0);
        expect(sa).toBeLessThanOrEqual(1);
        if (Math.abs(a - target) <= Math.abs(b - target)) expect(sa).toBeGreaterThanOrEqual(sb);
      }),
    );
  });

  // Binary: https://bscdesigner.com/webbsc_manual/cases.htm, "Mandatory Training Completion should be 100% only when
  // all employees are trained; otherwise, 0%" (Binary Maximize).
  it('binary: 1 when the target is met, else 0', () => {
    expect(binaryScore(F, 1, 1, 'higher')).toBe(1);
    expect(binaryScore(F, 0.98, 1, 'higher')).toBe(0);
    expect(binaryScore(F, 0, 0, 'lower')).toBe(1);
    expect(binaryScore(F, 1, 0, 'lower')).toBe(0);
    expect(() => loose(binaryScore)('KPI_BINARY_SCORE', 1, 'x', 'higher')).toThrow('KPI_BINARY_SCORE: target must be a number, not "x"');
  });

  // Bands: PerformancePoint Scorecard Manager bands a KPI by its actual value
  // (https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/bb836786(v=office.15), BandType.Actual);
  // each band carries 1/n of the score, linear inside it (docs/SHEETS-FUNCTIONS.md).
  it('bands: 1/n per band, linear inside, limited to 0..1', () => {
    expect(bandScore(F, 65, [0, 50, 80, 100], 'higher')).toBeCloseTo(0.5, 12);
    expect(bandScore(F, 25, [0, 50, 80, 100], 'higher')).toBeCloseTo(1 / 6, 12);
    expect(bandScore(F, 80, [0, 50, 80, 100], 'higher')).toBeCloseTo(2 / 3, 12);
    expect(bandScore(F, 90, [0, 50, 80, 100], 'higher')).toBeCloseTo(5 / 6, 12);
    expect(bandScore(F, -5, [0, 50, 80, 100], 'higher')).toBe(0);
    expect(bandScore(F, 120, [0, 50, 80, 100], 'higher')).toBe(1);
    expect(bandScore(F, 25, [0, 50, 80, 100], 'lower')).toBeCloseTo(5 / 6, 12);
    expect(() => bandScore('KPI_BAND_SCORE', 1, [0, 50, 40], 'higher')).toThrow('KPI_BAND_SCORE: bands row 3: must ascend: 40 is not greater than 50 before it');
    expect(() => bandScore('KPI_BAND_SCORE', 1, [0, 0], 'higher')).toThrow('KPI_BAND_SCORE: bands row 2: must ascend: 0 is not greater than 0 before it');
    expect(() => bandScore('KPI_BAND_SCORE', 1, [5], 'higher')).toThrow('KPI_BAND_SCORE: bands must have at least 2 boundaries (one band), not 1');
    fc.assert(
      fc.property(value, value, fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 8 }), direction, (a, b, raw, d) => {
        const bands = [...raw].sort((x, y) => x - y);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const [s, t] = [bandScore(F, lo, bands, d), bandScore(F, hi, bands, d)];
        expect(Math.min(s, t)).toBeGreaterThanOrEqual(0);
        expect(Math.max(s, t)).toBeLessThanOrEqual(1);
        if (d === 'higher') expect(s).toBeLessThanOrEqual(t + 1e-12);
        else expect(s).toBeGreaterThanOrEqual(t - 1e-12);
      }),
    );
  });

  it('directions in English and Vietnamese', () => {
    expect(directionOf(F, 'direction', 'Higher')).toBe('higher');
    expect(directionOf(F, 'direction', ' cao ')).toBe('higher');
    expect(directionOf(F, 'direction', 'THẤP')).toBe('lower');
    expect(directionOf(F, 'direction', 'thấp')).toBe('lower');
    expect(() => directionOf('KPI_BINARY_SCORE', 'direction', 'up')).toThrow('KPI_BINARY_SCORE: direction must be higher or lower, not "up"');
  });
});

describe('status rules (ClearPoint)', () => {
  // https://next-support.clearpointstrategy.com/en/articles/12885814-automate-calculations-evaluations-setting-measure-evaluations:
  // Above Target: Actual ≥ Target; Caution: Actual ≥ Target × 0.9; Below Plan otherwise.
  it('is GREEN at target, AMBER within 10 %, RED below, by default', () => {
    expect(statusOfActual(100, 100)).toBe('GREEN');
    expect(statusOfActual(95, 100)).toBe('AMBER');
    expect(statusOfActual(90, 100)).toBe('AMBER');
    expect(statusOfActual(89, 100)).toBe('RED');
    expect(statusOfActual(95, 100, 'higher', 0.95, 0.8)).toBe('GREEN');
  });
});

describe('KPI definitions with a scoring method', () => {
  it('keeps definitions without a method as ratio scoring with their amber/red thresholds', () => {
    const old = parse({ id: 'sla', direction: 'higher', target: 0.95 });
    expect(old.scoring).toBeUndefined();
    expect(scoreOfKpi(old, 0.9025).score).toBeCloseTo(0.95, 12);
    expect(scoreOfKpi(old, 0.9025).achievement).toBe(scoreOfKpi(old, 0.9025).score);
    expect(statusOfKpi(old, 0.9025, 0.95)).toBe('GREEN'); // amber 0.9 by default, as before
    const explicit = parse({ id: 'sla2', direction: 'higher', target: 0.95, scoring: { method: 'ratio' } });
    expect(statusOfKpi(explicit, 0.9025, 0.95)).toBe('AMBER'); // a method: GREEN from the target
  });

  it('scores each method from the definition', () => {
    expect(scoreOfKpi(parse({ id: 'cpa', direction: 'lower', target: 50, scoring: { method: 'progress', baseline: 100 } }), 75).score).toBe(0.5);
    expect(scoreOfKpi(parse({ id: 'p', direction: 'higher', target: 180, scoring: { method: 'performance', min: 100, max: 200 } }), 150).score).toBe(0.5);
    const incidents = parse({ id: 'inc', direction: 'lower', target: 0, scoring: { method: 'goal-red-flag', redFlag: 3 } });
    expect(scoreOfKpi(incidents, 1).score).toBeCloseTo(50 / 9, 12);
    expect(scoreOfKpi(incidents, 1).achievement).toBeCloseTo(5 / 9, 12);
    expect(statusOfKpi(incidents, 0, scoreOfKpi(incidents, 0).achievement)).toBe('GREEN');
    expect(statusOfKpi(incidents, 1, scoreOfKpi(incidents, 1).achievement)).toBe('AMBER');
    expect(statusOfKpi(incidents, 4, scoreOfKpi(incidents, 4).achievement)).toBe('RED');
    // Without an actual (rolled up from children), the status comes from the achievement: thirds of the scale.
    expect(statusOfKpi(incidents, null, 0.7)).toBe('GREEN');
    expect(statusOfKpi(incidents, null, 0.5)).toBe('AMBER');
    expect(statusOfKpi(incidents, null, 0.3)).toBe('RED');
    expect(scoreOfKpi(parse({ id: 's', direction: 'higher', target: 20, scoring: { method: 'stabilize', tolerance: 5 } }), 22).score).toBeCloseTo(0.6, 12);
    expect(scoreOfKpi(parse({ id: 'b', direction: 'higher', target: 0.995, scoring: { method: 'binary' } }), 0.996).score).toBe(1);
    expect(scoreOfKpi(parse({ id: 'bd', direction: 'higher', target: 80, scoring: { method: 'bands', bands: [0, 50, 80, 100] } }), 65).score).toBeCloseTo(0.5, 12);
    const custom = parse({ id: 'c', direction: 'higher', target: 100, scoring: { method: 'ratio' }, status: { by: 'achievement', greenFrom: 0.95, redBelow: 0.8 } });
    expect(statusOfKpi(custom, 96, 0.96)).toBe('GREEN');
    expect(statusOfKpi(custom, 79, 0.79)).toBe('RED');
  });

  it('allows targets of 0 and negative where the method allows; ratio still needs a target above 0', () => {
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'inc', direction: 'lower', target: 0, scoring: { method: 'goal-red-flag', redFlag: 3 } }))).toEqual([]);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'm', direction: 'higher', target: -2, scoring: { method: 'progress', baseline: -10 } }))).toEqual([]);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'r', direction: 'higher', target: 0, scoring: { method: 'ratio' } }))).toEqual(['target: target must be greater than 0']);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'r', direction: 'higher', target: 0 }))).toEqual(['target: target must be greater than 0']);
  });

  it('names the KPI and the field of a bad definition', () => {
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'p', direction: 'higher', target: 5, scoring: { method: 'performance', min: 10, max: 10 } }))).toEqual([
      'scoring.max: KPI "p": scoring.max (10) must be greater than scoring.min (10): the scale has no width',
    ]);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'g', direction: 'higher', target: 5, scoring: { method: 'goal-red-flag', redFlag: 5 } }))).toEqual([
      'scoring.redFlag: KPI "g": scoring.redFlag must differ from target, the goal (both are 5): the scale has no width',
    ]);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'g', direction: 'higher', target: 0, scoring: { method: 'goal-red-flag', redFlag: 3 } }))).toEqual([
      'direction: KPI "g": direction must be lower: the goal (target 0) is below scoring.redFlag 3',
    ]);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'pr', direction: 'lower', target: 50, scoring: { method: 'progress', baseline: 50 } }))).toEqual([
      'scoring.baseline: KPI "pr": scoring.baseline must differ from target (both are 50): the scale has no width',
    ]);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'pr', direction: 'higher', target: 50, scoring: { method: 'progress', baseline: 100 } }))).toEqual([
      'direction: KPI "pr": direction must be lower: progress runs from scoring.baseline 100 to target 50',
    ]);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'bd', direction: 'higher', target: 5, scoring: { method: 'bands', bands: [0, 50, 40, 100] } }))).toEqual([
      'scoring.bands.2: KPI "bd": scoring.bands must ascend: 40 is not greater than 50 before it',
    ]);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'bd', direction: 'higher', target: 5, scoring: { method: 'bands', bands: [1] } }))).toEqual([
      'scoring.bands: scoring.bands must have at least 2 boundaries',
    ]);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 's', direction: 'higher', target: 5, scoring: { method: 'stabilize', tolerance: 0 } }))).toEqual([
      'scoring.tolerance: scoring.tolerance must be greater than 0',
    ]);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'x', direction: 'higher', target: 5, scoring: { method: 'linear' } as never }))).toEqual([
      'scoring.method: scoring.method must be ratio, progress, performance, goal-red-flag, stabilize, binary or bands',
    ]);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'x', direction: 'higher', target: 5, scoring: { method: 'performance', min: 0 } as never }))).toEqual(['scoring.max: scoring.max is required']);
    expect(issuesOf(KpiDefinitionSchema, { ...kpi({ id: 'x', direction: 'higher', target: 5 }), target: undefined })).toEqual(['target: target is required']);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'x', direction: 'higher', target: 5, scoring: { method: 'ratio' }, status: { by: 'goal-red-flag' } }))).toEqual([
      'status.by: KPI "x": status by goal-red-flag needs scoring.method goal-red-flag, not ratio',
    ]);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'x', direction: 'higher', target: 5, status: { by: 'achievement' } }))).toEqual([
      'status: KPI "x": status needs a scoring method: without scoring, amber and red set the RAG thresholds',
    ]);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'x', direction: 'higher', target: 5, scoring: { method: 'binary' }, status: { by: 'achievement', greenFrom: 0.8, redBelow: 0.8 } }))).toEqual([
      'status.greenFrom: KPI "x": status.greenFrom (0.8) must be greater than status.redBelow (0.8)',
    ]);
  });

  it('scoreOfKpi checks a definition that did not come through the schema, naming the KPI and field', () => {
    const raw = { ...parse({ id: 'p', direction: 'higher', target: 5 }), scoring: { method: 'performance' as const, min: 3, max: 3 } };
    expect(() => scoreOfKpi(raw, 4)).toThrow('KPI "p": scoring.max must be greater than scoring.min (3 is not greater than 3): the scale has no width');
    const bands = { ...parse({ id: 'b', direction: 'higher', target: 5 }), scoring: { method: 'bands' as const, bands: [0, 2, 1] } };
    expect(() => scoreOfKpi(bands, 1)).toThrow('KPI "b": scoring.bands row 3: must ascend: 1 is not greater than 2 before it');
  });
});

describe('a back-office scorecard using several methods', () => {
  /*
   * sla        ratio 0.9025 ÷ 0.95 = 0.95                                   customer          → AMBER (GREEN from 1)
   * incidents  goal 0, red flag 3, actual 1 → 50/9 of 10 → achievement 5/9  internal-process  → AMBER
   * payroll    binary 0.996 ≥ 0.995 → 1                                     financial         → GREEN
   * dso        progress from 60 to 45, actual 51 → (51 − 60) ÷ (45 − 60) = 0.6  financial     → RED
   * financial (1 + 0.6) ÷ 2 = 0.8; overall (0.8 + 0.95 + 5/9) ÷ 3 = 0.768518…
   */
  const card = PerspectiveScorecardSchema.parse({
    id: 'bo',
    name: 'Back office',
    level: 'department',
    owner: 'Head of finance ops',
    kpis: [
      kpi({ id: 'sla', perspective: 'customer', direction: 'higher', target: 0.95, scoring: { method: 'ratio' } }),
      kpi({ id: 'incidents', direction: 'lower', target: 0, scoring: { method: 'goal-red-flag', redFlag: 3 } }),
      kpi({ id: 'payroll', perspective: 'financial', direction: 'higher', target: 0.995, scoring: { method: 'binary' } }),
      kpi({ id: 'dso', perspective: 'financial', direction: 'lower', target: 45, unit: 'days', scoring: { method: 'progress', baseline: 60 } }),
    ],
  });

  const evaluate = (values: KpiValues) => evaluateTree(treeOfScorecard(card), values);
  const kpisOf = (r: TreeResult): TreeKpiResult[] => [...r.kpis, ...r.children.flatMap(kpisOf)];

  it('scores, rates and rolls up every method', () => {
    const result = evaluate({ sla: 0.9025, incidents: 1, payroll: 0.996, dso: 51 });
    const by = (id: string) => kpisOf(result).find((r) => r.kpi.id === id)!;
    expect(by('sla').achievement).toBeCloseTo(0.95, 12);
    expect(by('incidents').score).toBeCloseTo(50 / 9, 12);
    expect(by('incidents').achievement).toBeCloseTo(5 / 9, 12);
    expect(by('payroll').achievement).toBe(1);
    expect(by('dso').achievement).toBeCloseTo(0.6, 12);
    expect(['sla', 'incidents', 'payroll', 'dso'].map((id) => by(id).status)).toEqual(['AMBER', 'AMBER', 'GREEN', 'RED']);
    expect(result.children.find((p) => p.node.id === 'bo/financial')!.score).toBeCloseTo(0.8, 12);
    expect(result.score).toBeCloseTo((0.8 + 0.95 + 5 / 9) / 3, 12);
  });

  it('names the KPI and field of a definition or actual that cannot be scored', () => {
    expect(() => evaluate({ incidents: Number.NaN })).toThrow('evaluateTree: actuals.incidents must be a number, not NaN');
    const broken = { ...card, kpis: card.kpis.map((k) => (k.id === 'incidents' ? { ...k, scoring: { method: 'goal-red-flag' as const, redFlag: 0, scale: 10 } } : k)) };
    expect(() => treeOfScorecard(broken)).toThrow('treeOfScorecard: scorecard "bo": root.children.2.kpis.0.scoring.redFlag: KPI "incidents": scoring.redFlag must differ from target, the goal (both are 0): the scale has no width');
});
});

describe('KPI payout (lương/thưởng KPI)', () => {
  it('pays base × achievement limited to the cap, nothing below the gate', () => {
    expect(kpiPayout(F, 0.95, 10_000_000)).toBe(9_500_000);
    expect(kpiPayout(F, 1.5, 10_000_000)).toBe(12_000_000);
    expect(kpiPayout(F, 0.75, 10_000_000, 0.8)).toBe(0);
    expect(kpiPayout(F, 0.8, 10_000_000, 0.8)).toBe(8_000_000);
    expect(kpiPayout(F, 1.5, 1000, 0, 1.3)).toBe(1300);
  });

  it('pays the rate of the last step reached', () => {
    const steps = [[0.8, 0.5], [0.9, 0.8], [1, 1], [1.1, 1.2]] as const;
    expect(kpiPayout(F, 0.7, 1000, 0, 1.2, steps)).toBe(0);
    expect(kpiPayout(F, 0.85, 1000, 0, 1.2, steps)).toBe(500);
    expect(kpiPayout(F, 1, 1000, 0, 1.2, steps)).toBe(1000);
    expect(kpiPayout(F, 2, 1000, 0, 1.2, steps)).toBe(1200);
    expect(kpiPayout(F, 0.85, 1000, 0.9, 1.2, steps)).toBe(0);
  });

  it('rejects bad input, naming the argument', () => {
    expect(() => kpiPayout('KPI_PAYOUT', -0.1, 1000)).toThrow('KPI_PAYOUT: achievement must not be negative');
    expect(() => kpiPayout('KPI_PAYOUT', 1, -5)).toThrow('KPI_PAYOUT: base must not be negative');
    expect(() => kpiPayout('KPI_PAYOUT', 1, 5, 0, 0)).toThrow('KPI_PAYOUT: cap must be greater than 0, not 0');
    expect(() => kpiPayout('KPI_PAYOUT', 1, 5, 0, 1.2, [[1, 1], [0.9, 0.5]])).toThrow('KPI_PAYOUT: steps row 2: must ascend: 0.9 is not greater than 1 before it');
    expect(() => kpiPayout('KPI_PAYOUT', 1, 5, 0, 1.2, [[1, -1]])).toThrow('KPI_PAYOUT: steps row 1: rate -1 is negative');
    expect(() => loose(kpiPayout)('KPI_PAYOUT', 1, 5, 0, 1.2, [[1]])).toThrow('KPI_PAYOUT: steps row 1: must have two columns (achievement from, rate), not [1]');
    expect(() => kpiPayout('KPI_PAYOUT', 1, 5, 0, 1.2, [])).toThrow('KPI_PAYOUT: steps has no rows');
  });

  it('never pays more than base × cap and grows with the achievement', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true }), (a, b, base) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(kpiPayout(F, lo, base, 0.5)).toBeLessThanOrEqual(kpiPayout(F, hi, base, 0.5));
        expect(kpiPayout(F, hi, base, 0.5)).toBeLessThanOrEqual(base * 1.2 * (1 + 1e-12));
      }),
    );
  });
});
