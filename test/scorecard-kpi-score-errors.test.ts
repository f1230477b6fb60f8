/**
 * Scoring one KPI by its method: each method's errors name the KPI and the definition's own field (scoring.max, not
 * the method's argument name), and the default status rules sit exactly on their thresholds.
 */
import { describe, expect, it } from 'vitest';
import { KpiDefinitionSchema, statusOfKpi, scoreOfKpi, type KpiDefinition } from '../core';
import { kpi, type KpiInput } from './helpers/scorecard-builders';

const parse = (fields: Parameters<typeof kpi>[0]): KpiDefinition => KpiDefinitionSchema.parse(kpi(fields));
/** A definition as an adapter may hand it over unchecked, to reach each method's own checks. */
const unchecked = (fields: Partial<KpiInput> & Pick<KpiInput, 'id' | 'direction' | 'target'>): KpiDefinition =>
  ({ amber: 0.9, red: 0.7, weight: 1, floor: 0, cap: 1.2, ...kpi(fields) }) as KpiDefinition;

const METHODS: KpiDefinition[] = [
  parse({ id: 'ratio', direction: 'higher', target: 10 }),
  parse({ id: 'progress', direction: 'lower', target: 50, scoring: { method: 'progress', baseline: 100 } }),
  parse({ id: 'performance', direction: 'higher', target: 150, scoring: { method: 'performance', min: 100, max: 200 } }),
  parse({ id: 'grf', direction: 'lower', target: 0, scoring: { method: 'goal-red-flag', redFlag: 3 } }),
  parse({ id: 'stabilize', direction: 'higher', target: 20, scoring: { method: 'stabilize', tolerance: 5 } }),
  parse({ id: 'binary', direction: 'higher', target: 1, scoring: { method: 'binary' } }),
  parse({ id: 'bands', direction: 'higher', target: 80, scoring: { method: 'bands', bands: [0, 50, 80, 100] } }),
];

describe('scoreOfKpi errors name the KPI and the field', () => {
  it('names the actual of every method, by default as `actual` and otherwise by the name given', () => {
    for (const definition of METHODS) {
      expect(() => scoreOfKpi(definition, NaN), definition.id).toThrow(`KPI "${definition.id}": actual must be a number, not NaN`);
      expect(() => scoreOfKpi(definition, Infinity, 'TREE', 'values.x'), definition.id).toThrow('TREE: values.x must be a number, not Infinity');
    }
  });

  it('names scoring.baseline and scoring.clamp of a progress definition', () => {
    expect(() => scoreOfKpi(unchecked({ id: 'p', direction: 'lower', target: 5, scoring: { method: 'progress', baseline: 5, clamp: true } }), 1)).toThrow(
      'KPI "p": scoring.baseline must differ from target (both are 5): the scale from baseline to target has no width',
    );
    expect(() => scoreOfKpi(unchecked({ id: 'p', direction: 'lower', target: 5, scoring: { method: 'progress', baseline: 9, clamp: 'yes' as never } }), 1)).toThrow(
      'KPI "p": scoring.clamp must be TRUE or FALSE, not "yes"',
    );
    expect(() => scoreOfKpi(unchecked({ id: 'p', direction: 'lower', target: NaN, scoring: { method: 'progress', baseline: 9, clamp: true } }), 1)).toThrow('KPI "p": target must be a number, not NaN');
    expect(() => scoreOfKpi(unchecked({ id: 'p', direction: 'lower', target: 5, scoring: { method: 'progress', baseline: NaN, clamp: true } }), 1)).toThrow('KPI "p": scoring.baseline must be a number, not NaN');
  });

  it('gives unclamped progress when the definition says clamp false', () => {
    expect(scoreOfKpi(parse({ id: 'p', direction: 'lower', target: 50, scoring: { method: 'progress', baseline: 100, clamp: false } }), 25)).toEqual({ score: 1.5, achievement: 1.5 });
    expect(scoreOfKpi(parse({ id: 'p', direction: 'lower', target: 50, scoring: { method: 'progress', baseline: 100 } }), 25)).toEqual({ score: 1, achievement: 1 });
  });

  it('names scoring.min and scoring.max of a performance definition', () => {
    expect(() => scoreOfKpi(unchecked({ id: 'pf', direction: 'higher', target: 5, scoring: { method: 'performance', min: 10, max: 10 } }), 1)).toThrow(
      'KPI "pf": scoring.max must be greater than scoring.min (10 is not greater than 10): the scale has no width',
    );
    expect(() => scoreOfKpi(unchecked({ id: 'pf', direction: 'higher', target: 5, scoring: { method: 'performance', min: NaN, max: 10 } }), 1)).toThrow('KPI "pf": scoring.min must be a number, not NaN');
    expect(() => scoreOfKpi(unchecked({ id: 'pf', direction: 'higher', target: 5, scoring: { method: 'performance', min: 0, max: NaN } }), 1)).toThrow('KPI "pf": scoring.max must be a number, not NaN');
  });

  it('scores performance by the definition direction: lower is better counts from the max', () => {
    expect(scoreOfKpi(parse({ id: 'pf', direction: 'lower', target: 150, scoring: { method: 'performance', min: 100, max: 200 } }), 125)).toEqual({ score: 0.75, achievement: 0.75 });
  });

  it('names target, scoring.redFlag and scoring.scale of a goal-red-flag definition', () => {
    expect(() => scoreOfKpi(unchecked({ id: 'g', direction: 'higher', target: 5, scoring: { method: 'goal-red-flag', redFlag: 5, scale: 10 } }), 1)).toThrow(
      'KPI "g": scoring.redFlag must differ from target (both are 5): the scale has no width',
    );
    expect(() => scoreOfKpi(unchecked({ id: 'g', direction: 'higher', target: 5, scoring: { method: 'goal-red-flag', redFlag: 1, scale: 0 } }), 1)).toThrow('KPI "g": scoring.scale must be greater than 0');
    expect(() => scoreOfKpi(unchecked({ id: 'g', direction: 'higher', target: NaN, scoring: { method: 'goal-red-flag', redFlag: 1, scale: 10 } }), 1)).toThrow('KPI "g": target must be a number, not NaN');
    expect(() => scoreOfKpi(unchecked({ id: 'g', direction: 'higher', target: 5, scoring: { method: 'goal-red-flag', redFlag: NaN, scale: 10 } }), 1)).toThrow('KPI "g": scoring.redFlag must be a number, not NaN');
  });

  it('gives goal-red-flag a score on its scale and the achievement on 0..1', () => {
    expect(scoreOfKpi(parse({ id: 'g', direction: 'higher', target: 700, scoring: { method: 'goal-red-flag', redFlag: 500, scale: 4 } }), 600)).toEqual({ score: 2, achievement: 0.5 });
  });

  it('names target and scoring.tolerance of a stabilize definition', () => {
    expect(() => scoreOfKpi(unchecked({ id: 's', direction: 'higher', target: 5, scoring: { method: 'stabilize', tolerance: 0 } }), 1)).toThrow('KPI "s": scoring.tolerance must be greater than 0, not 0: the scale has no width');
    expect(() => scoreOfKpi(unchecked({ id: 's', direction: 'higher', target: NaN, scoring: { method: 'stabilize', tolerance: 1 } }), 1)).toThrow('KPI "s": target must be a number, not NaN');
  });

  it('names the target of a binary definition and scores by its direction', () => {
    expect(() => scoreOfKpi(unchecked({ id: 'b', direction: 'higher', target: NaN, scoring: { method: 'binary' } }), 1)).toThrow('KPI "b": target must be a number, not NaN');
    expect(scoreOfKpi(parse({ id: 'b', direction: 'lower', target: 3, scoring: { method: 'binary' } }), 3)).toEqual({ score: 1, achievement: 1 });
    expect(scoreOfKpi(parse({ id: 'b', direction: 'lower', target: 3, scoring: { method: 'binary' } }), 4)).toEqual({ score: 0, achievement: 0 });
  });

  it('names scoring.bands of a bands definition and scores by its direction', () => {
    expect(() => scoreOfKpi(unchecked({ id: 'bd', direction: 'higher', target: 5, scoring: { method: 'bands', bands: [0, 50, 40] } }), 1)).toThrow(
      'KPI "bd": scoring.bands row 3: must ascend: 40 is not greater than 50 before it',
    );
    expect(scoreOfKpi(parse({ id: 'bd', direction: 'lower', target: 5, scoring: { method: 'bands', bands: [0, 50, 80, 100] } }), 65)).toEqual({ score: 0.5, achievement: 0.5 });
    expect(scoreOfKpi(parse({ id: 'bd', direction: 'lower', target: 5, scoring: { method: 'bands', bands: [0, 100] } }), 25)).toEqual({ score: 0.75, achievement: 0.75 });
  });

  it('names the ratio target, floor and cap of a definition without a method', () => {
    expect(() => scoreOfKpi(unchecked({ id: 'r', direction: 'higher', target: 0 }), 1)).toThrow('KPI "r": target must be greater than 0');
    expect(scoreOfKpi(parse({ id: 'r', direction: 'lower', target: 8, floor: 0.5, cap: 1.1 }), 10)).toEqual({ score: 0.8, achievement: 0.8 });
    expect(scoreOfKpi(parse({ id: 'r', direction: 'higher', target: 8, floor: 0.5, cap: 1.1 }), 1)).toEqual({ score: 0.5, achievement: 0.5 });
    expect(scoreOfKpi(parse({ id: 'r', direction: 'higher', target: 8, floor: 0.5, cap: 1.1 }), 80)).toEqual({ score: 1.1, achievement: 1.1 });
  });
});

describe('statusOfKpi thresholds', () => {
  it('uses amber and red of a definition without a method', () => {
    const old = parse({ id: 'old', direction: 'higher', target: 1, amber: 0.8, red: 0.5 });
    expect(statusOfKpi(old, null, 0.8)).toBe('GREEN');
    expect(statusOfKpi(old, null, 0.79)).toBe('AMBER');
    expect(statusOfKpi(old, null, 0.5)).toBe('AMBER');
    expect(statusOfKpi(old, null, 0.49)).toBe('RED');
  });

  it('by default with a method: GREEN from 1, AMBER from 0.9, RED below', () => {
    const method = parse({ id: 'm', direction: 'higher', target: 10, scoring: { method: 'ratio' } });
    expect(statusOfKpi(method, 10, 1)).toBe('GREEN');
    expect(statusOfKpi(method, 9.99, 0.999)).toBe('AMBER');
    expect(statusOfKpi(method, 9, 0.9)).toBe('AMBER');
    expect(statusOfKpi(method, 8.9, 0.89)).toBe('RED');
  });

  it('with a status rule by achievement: its own greenFrom and redBelow', () => {
    const custom = parse({ id: 'c', direction: 'higher', target: 10, scoring: { method: 'binary' }, status: { by: 'achievement', greenFrom: 0.5, redBelow: 0.2 } });
    expect(statusOfKpi(custom, 1, 0.5)).toBe('GREEN');
    expect(statusOfKpi(custom, 1, 0.2)).toBe('AMBER');
    expect(statusOfKpi(custom, 1, 0.19)).toBe('RED');
  });

  it('goal-red-flag by the actual: the goal is GREEN, the red flag AMBER, worse RED', () => {
    const grf = parse({ id: 'g', direction: 'higher', target: 700, scoring: { method: 'goal-red-flag', redFlag: 500 } });
    expect(statusOfKpi(grf, 700, 0)).toBe('GREEN');
    expect(statusOfKpi(grf, 500, 1)).toBe('AMBER');
    expect(statusOfKpi(grf, 499, 1)).toBe('RED');
    expect(() => statusOfKpi(grf, NaN, 1)).toThrow('KPI "g": actual must be a number, not NaN');
    expect(() => statusOfKpi(grf, NaN, 1, 'TREE')).toThrow('TREE: actual must be a number, not NaN');
  });

  it('goal-red-flag without an actual: thirds of the scale, with a hair of tolerance at 2/3 and 1/3', () => {
    const grf = parse({ id: 'g', direction: 'higher', target: 700, scoring: { method: 'goal-red-flag', redFlag: 500 } });
    const twoThirdsRoundedDown = 0.6666666666666665;
    const oneThirdRoundedDown = 0.33333333333333326;
    expect(twoThirdsRoundedDown).toBeLessThan(2 / 3);
    expect(statusOfKpi(grf, null, twoThirdsRoundedDown)).toBe('GREEN');
    expect(statusOfKpi(grf, null, 2 / 3 - 1e-6)).toBe('AMBER');
    expect(statusOfKpi(grf, null, oneThirdRoundedDown)).toBe('AMBER');
    expect(statusOfKpi(grf, null, 1 / 3 - 1e-6)).toBe('RED');
    // The tolerance itself is inclusive.
    expect(statusOfKpi(grf, null, 2 / 3 - 1e-9)).toBe('GREEN');
    expect(statusOfKpi(grf, null, 1 / 3 - 1e-9)).toBe('AMBER');
  });

  it('goal-red-flag by the actual names the target and scoring.redFlag of a bad definition', () => {
    const noTarget = unchecked({ id: 'g', direction: 'higher', target: NaN, scoring: { method: 'goal-red-flag', redFlag: 1, scale: 10 } });
    expect(() => statusOfKpi(noTarget, 1, 1)).toThrow('KPI "g": target must be a number, not NaN');
    const noWidth = unchecked({ id: 'g', direction: 'higher', target: 5, scoring: { method: 'goal-red-flag', redFlag: 5, scale: 10 } });
    expect(() => statusOfKpi(noWidth, 1, 1)).toThrow('KPI "g": scoring.redFlag must differ from target (both are 5): the scale has no width');
  });

  it('a status rule by goal-red-flag on another method is an error naming the KPI', () => {
    const wrong = unchecked({ id: 'w', direction: 'higher', target: 10, scoring: { method: 'binary' }, status: { by: 'goal-red-flag' } });
    expect(() => statusOfKpi(wrong, 1, 1)).toThrow('KPI "w": status by goal-red-flag needs scoring.method goal-red-flag');
    expect(() => statusOfKpi(wrong, 1, 1, 'TREE')).toThrow('TREE: status by goal-red-flag needs scoring.method goal-red-flag');
  });
});
