/** What evaluateTree reports beyond the score: pillars per scorecard, absolute weights, carried values; tree issue codes. */
import { describe, expect, it } from 'vitest';
import { evaluateTree, ScorecardTreeSchema } from '../core';
import { issuesWithCodesOf, kpi } from './helpers/scorecard-builders';

/*
 * co: speed KPI `tat` in an objective (achievement 0.5); scorecard `team` below with accuracy KPI `errors` (0.8).
 * The pillars of co are its own KPIs, down to but not into the scorecard below.
 */
const tree = (missing = 'ignore') =>
  ScorecardTreeSchema.parse({
    missing,
    root: {
      id: 'co',
      name: 'Co',
      kind: 'scorecard',
      kpis: [kpi({ id: 'csat', direction: 'higher', target: 1, pillar: 'satisfaction' })],
      children: [
        { id: 'obj', name: 'Obj', kind: 'objective', kpis: [kpi({ id: 'tat', direction: 'higher', target: 10, pillar: 'speed' })] },
        { id: 'team', name: 'Team', kind: 'scorecard', kpis: [kpi({ id: 'errors', direction: 'higher', target: 10, pillar: 'accuracy' })] },
      ],
    },
  });

describe('evaluateTree results', () => {
  it('pillars of a scorecard take the KPIs of its objectives, not those of the scorecards below', () => {
    const result = evaluateTree(tree(), { csat: 0.9, tat: 5, errors: 8 });
    expect(result.pillars).toEqual({ speed: 0.5, accuracy: null, satisfaction: 0.9 });
    expect(result.children[1].pillars).toEqual({ speed: null, accuracy: 0.8, satisfaction: null });
    expect(result.children[0].pillars).toEqual({ speed: 0.5, accuracy: null, satisfaction: null });
    // Alerts and pay belong to scorecards; an objective has none.
    expect(result.children[0]).toMatchObject({ alerts: [], payout: null });
  });

  it('absolute weights turn only weighted into a sum: average stays the plain mean', () => {
    const card = (method: string) =>
      ScorecardTreeSchema.parse({
        root: { id: 'co', name: 'Co', kind: 'scorecard', method, weights: 'absolute', kpis: [kpi({ id: 'a', direction: 'higher', target: 1, weight: 0.5 }), kpi({ id: 'b', direction: 'higher', target: 1, weight: 0.5 })] },
      });
    expect(evaluateTree(card('average'), { a: 0.4, b: 0.8 }).score).toBeCloseTo(0.6, 12);
    expect(evaluateTree(card('weighted'), { a: 0.4 }).score).toBeCloseTo(0.2, 12);
  });

  it('a carried value says so, and a bad one is named as lastKnown', () => {
    const result = evaluateTree(tree('carry-forward'), { csat: 0.9, errors: 8 }, { lastKnown: { tat: 7 } });
    expect(result.children[0].kpis[0]).toMatchObject({ actual: 7, source: 'carried', achievement: 0.7 });
    expect(result.kpis[0]).toMatchObject({ actual: 0.9, source: 'actual' });
    const lower = ScorecardTreeSchema.parse({ missing: 'carry-forward', root: { id: 'co', name: 'Co', kind: 'scorecard', kpis: [kpi({ id: 'k', direction: 'lower', target: 5 })] } });
    expect(() => evaluateTree(lower, {}, { lastKnown: { k: -1 } })).toThrow('evaluateTree: KPI "k": lastKnown.k must not be negative when lower is better');
    expect(() => evaluateTree(lower, { k: -1 })).toThrow('evaluateTree: KPI "k": actuals.k must not be negative when lower is better');
  });
});

describe('nested containers', () => {
  it('a scorecard inside an objective is left out of the pillars above it, as one directly below', () => {
    const nested = ScorecardTreeSchema.parse({
      root: {
        id: 'co',
        name: 'Co',
        kind: 'scorecard',
        children: [
          {
            id: 'obj',
            name: 'Obj',
            kind: 'objective',
            kpis: [kpi({ id: 'tat', direction: 'higher', target: 10, pillar: 'speed' })],
            children: [{ id: 'team', name: 'Team', kind: 'scorecard', kpis: [kpi({ id: 'errors', direction: 'higher', target: 10, pillar: 'accuracy' })] }],
          },
        ],
      },
    });
    const result = evaluateTree(nested, { tat: 5, errors: 8 });
    expect(result.pillars).toEqual({ speed: 0.5, accuracy: null, satisfaction: null });
    expect(result.children[0].children[0].pillars).toEqual({ speed: null, accuracy: 0.8, satisfaction: null });
  });

  it('contributions multiply down the levels; an item without a score contributes nothing', () => {
    const tree = ScorecardTreeSchema.parse({
      root: {
        id: 'co',
        name: 'Co',
        kind: 'scorecard',
        children: [
          { id: 'o1', name: 'O1', kind: 'objective', kpis: [kpi({ id: 'a', direction: 'higher', target: 1 })] },
          { id: 'o2', name: 'O2', kind: 'objective', children: [{ id: 'in', name: 'In', kind: 'objective', kpis: [kpi({ id: 'b', direction: 'higher', target: 1 })] }] },
          { id: 'o3', name: 'O3', kind: 'objective', kpis: [kpi({ id: 'c', direction: 'higher', target: 1 })] },
        ],
      },
    });
    // co = (0.5 + 1) ÷ 2 = 0.75: o1 0.5 × ½, o2 1 × ½, and inside o2 its only child and KPI carry o2's half.
    const result = evaluateTree(tree, { a: 0.5, b: 1 });
    expect(result.score).toBe(0.75);
    expect(result.children.map((c) => [c.node.id, c.score, c.contribution])).toEqual([['o1', 0.5, 0.25], ['o2', 1, 0.5], ['o3', null, null]]);
    expect(result.children[1].children[0].contribution).toBe(0.5);
    expect(result.children[1].children[0].kpis[0].contribution).toBe(0.5);
  });

  it('weights all 0 leave nothing to weight under sum as under weighted, but average ignores weights', () => {
    const card = (method: string) => ({ root: { id: 'co', name: 'Co', kind: 'scorecard', method, kpis: [kpi({ id: 'a', direction: 'higher', target: 1, weight: 0 })] } });
    expect(issuesWithCodesOf(ScorecardTreeSchema, card('sum'))).toEqual(['root.weight: scorecard "co": the weights of its KPIs and children are all 0, so sum has nothing to weight (custom)']);
    expect(issuesWithCodesOf(ScorecardTreeSchema, card('average'))).toEqual([]);
  });
});

describe('tree issues are custom issues', () => {
  const root = (fields: Record<string, unknown>) => ({ root: { id: 'co', name: 'Co', kind: 'scorecard', kpis: [kpi({ id: 'a', direction: 'higher', target: 1 })], ...fields } });

  it('a KPI id used twice, a root that is not a scorecard, a node with nothing to score, unordered pay steps', () => {
    expect(issuesWithCodesOf(ScorecardTreeSchema, root({ kpis: [kpi({ id: 'a', direction: 'higher', target: 1 }), kpi({ id: 'a', direction: 'higher', target: 1 })] }))).toEqual([
      'root.kpis.1.id: KPI id "a" is used twice (custom)',
    ]);
    expect(issuesWithCodesOf(ScorecardTreeSchema, root({ kind: 'objective' }))).toEqual(['root.kind: the root must be a scorecard, not objective (custom)']);
    expect(issuesWithCodesOf(ScorecardTreeSchema, root({ kpis: [] }))).toEqual(['root.children: scorecard "co" has no KPI and no child to score (custom)']);
    expect(issuesWithCodesOf(ScorecardTreeSchema, root({ pay: { base: 1 } }))).toEqual(['root.pay: scorecard "co": pay needs level person, not no level (custom)']);
    expect(issuesWithCodesOf(ScorecardTreeSchema, root({ children: [{ id: 'p', name: 'P', kind: 'objective', children: [{ id: 'q', name: 'Q', kind: 'perspective', kpis: [kpi({ id: 'b', direction: 'higher', target: 1 })] }] }] }))).toEqual([
      'root.children.0.children.0.kind: a perspective ("q") cannot sit under a objective ("p") (custom)',
    ]);
    expect(issuesWithCodesOf(ScorecardTreeSchema, root({ level: 'person', pay: { base: 1, steps: [[1, 1], [0.5, 1]] } }))).toEqual([
      'root.pay.steps: pay: steps row 2: must ascend: 0.5 is not greater than 1 before it (custom)',
    ]);
  });
});
