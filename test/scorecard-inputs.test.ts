/**
 * Scorecard inputs read by the Sheets SCORECARD function, the CLI's sources and period actuals: every roll-up method,
 * the blanks policy, and the errors that name what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { actualsFromFacts, directionOf, KpiDefinitionSchema, periodActuals, ScorecardTreeSchema, weightedScore, type LogFacts, type RollUpMethod } from '../core';
import { issuesOf, kpi, loose } from './helpers/scorecard-builders';

describe('weightedScore methods and blanks', () => {
  const scores = [0.8, null, 0.5];
  const weights = [1, 2, 3];

  it('average, min, max and sum of the present scores; sum weighs them', () => {
    expect(weightedScore(scores, weights, 'average')).toBe(0.65);
    expect(weightedScore(scores, weights, 'min')).toBe(0.5);
    expect(weightedScore(scores, weights, 'max')).toBe(0.8);
    expect(weightedScore(scores, weights, 'sum')).toBe(0.8 * 1 + 0.5 * 3);
    expect(weightedScore(scores, weights, 'weighted')).toBe((0.8 + 1.5) / 4);
  });

  it('blanks zero counts a blank score as 0 with its weight', () => {
    expect(weightedScore(scores, weights, 'weighted', 'zero')).toBe((0.8 + 0 + 1.5) / 6);
    expect(weightedScore(scores, weights, 'average', 'zero')).toBeCloseTo(1.3 / 3, 15);
    expect(weightedScore(scores, weights, 'min', 'zero')).toBe(0);
    expect(weightedScore([null, null], [1, 1], 'max', 'zero')).toBe(0);
  });

  it('names a bad method or blanks policy', () => {
    expect(() => weightedScore(scores, weights, 'median' as RollUpMethod)).toThrow('SCORECARD: method must be weighted, average, min, max or sum, not "median"');
    expect(() => loose(weightedScore)(scores, weights, 'weighted', 'skip')).toThrow('SCORECARD: blanks must be ignore or zero, not "skip"');
  });

  it('with no score at all: "has no score" for the methods that do not weigh', () => {
    expect(() => weightedScore([null], [1], 'average')).toThrow('SCORECARD: scores has no score');
    expect(() => weightedScore([null], [1], 'average')).not.toThrow('weight greater than 0');
    expect(() => weightedScore([], [], 'max')).toThrow('SCORECARD: scores has no score');
    expect(() => weightedScore([], [])).toThrow('SCORECARD: scores has no score with a weight greater than 0');
  });
});

describe('actualsFromFacts sources', () => {
  const facts: LogFacts = { compliance: { overall: 0.8 }, resolved: 10, csat: 0.7, inps: 12 };

  it('a report without policies lists none; a ticket count without reopened ones reopens nothing', () => {
    expect(() => actualsFromFacts({ x: 'sla:it' }, facts)).toThrow('actualsFromFacts: sources.x "sla:it": no SLA policy "it" in the report (policies: none)');
    expect(actualsFromFacts({ f: 'ftr', r: 'reopen', c: 'csat', n: 'inps' }, facts)).toEqual({ f: 1, r: 0, c: 0.7, n: 12 });
    expect(actualsFromFacts({ f: 'ftr' }, { ...facts, resolved: 0 })).toEqual({ f: null });
  });

  it('ratings take no detail; an unknown source names the ones there are', () => {
    expect(() => actualsFromFacts({ x: 'csat:2025' }, facts)).toThrow('actualsFromFacts: sources.x "csat:2025": csat takes no detail');
    expect(() => actualsFromFacts({ x: 'inps:q1' }, facts)).toThrow('actualsFromFacts: sources.x "inps:q1": inps takes no detail');
    expect(() => actualsFromFacts({ x: 'reopen:7d' }, facts)).toThrow('actualsFromFacts: sources.x "reopen:7d": reopen takes no detail');
    expect(() => actualsFromFacts({ x: 'speed' }, facts)).toThrow(
      'actualsFromFacts: sources.x "speed": must be sla, sla:<policy id>, tat:median, tat:p<N>, ftr, reopen, csat or inps',
    );
  });
});

describe('definition checks', () => {
  it('directionOf names a value that is not text', () => {
    expect(() => directionOf('FN', 'direction', 1)).toThrow('FN: direction must be higher or lower, not 1');
    expect(() => directionOf('FN', 'direction', null)).toThrow('FN: direction must be higher or lower, not blank');
    expect(directionOf('FN', 'direction', ' Thấp ')).toBe('lower');
  });

  it('a goal-red-flag definition whose goal is above the red flag must be higher is better', () => {
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'g', direction: 'lower', target: 10, scoring: { method: 'goal-red-flag', redFlag: 3 } }))).toEqual([
      'direction: KPI "g": direction must be higher: the goal (target 10) is above scoring.redFlag 3',
    ]);
  });

  it('a scale with no width is one issue, whatever the direction', () => {
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'g', direction: 'lower', target: 5, scoring: { method: 'goal-red-flag', redFlag: 5 } }))).toEqual([
      'scoring.redFlag: KPI "g": scoring.redFlag must differ from target, the goal (both are 5): the scale has no width',
    ]);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'p', direction: 'lower', target: 5, scoring: { method: 'progress', baseline: 5 } }))).toEqual([
      'scoring.baseline: KPI "p": scoring.baseline must differ from target (both are 5): the scale has no width',
    ]);
    expect(issuesOf(KpiDefinitionSchema, kpi({ id: 'b', direction: 'higher', target: 5, scoring: { method: 'bands', bands: [0, 50, 50] } }))).toEqual([
      'scoring.bands.2: KPI "b": scoring.bands must ascend: 50 is not greater than 50 before it',
    ]);
  });

  it('the top scorecard cannot cascade from a KPI: it has no scorecard above', () => {
    const input = { root: { id: 'co', name: 'Co', kind: 'scorecard', cascadesFrom: 'x', kpis: [kpi({ id: 'x', direction: 'higher', target: 1 })] } };
    expect(issuesOf(ScorecardTreeSchema, input)).toEqual(['root.cascadesFrom: scorecard "co": cascadesFrom "x" is not a KPI of the scorecard above']);
  });

  it('periodActuals names a series that is not a KPI of the tree', () => {
    const tree = ScorecardTreeSchema.parse({ root: { id: 'co', name: 'Co', kind: 'scorecard', kpis: [kpi({ id: 'x', direction: 'higher', target: 1, aggregation: 'sum' })] } });
    expect(() => periodActuals(tree, { y: [{ at: 0, value: 1 }] }, 'month', '1970-01')).toThrow('periodActuals: series.y is not a KPI of the scorecard tree');
    expect(periodActuals(tree, { x: [{ at: 0, value: 4 }] }, 'month', '1970-01')).toEqual({ x: 4 });
    expect(periodActuals(tree, { x: [{ at: 0, value: 4 }] }, 'month', '1970-02')).toEqual({ x: null });
  });
});
