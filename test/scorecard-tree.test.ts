/** The objective tree: container methods, relative and absolute weights, cascaded scorecards, missing-data policies. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateTree, ScorecardTreeSchema } from '../core/scorecard';
import { findNode, issuesOf, kpi } from './helpers/scorecard-builders';

/*
 * co (weighted, relative)
 *   fin  perspective, weight 2: dso progress 60 → 45 at 51 → 0.6; payroll binary 0.996 ≥ 0.995 → 1      → 0.8
 *   proc perspective, weight 1:
 *     speed objective (min): sla 0.9025 ÷ 0.95 = 0.95; tat lower 8 ÷ 10 = 0.8                           → 0.8
 *     quality objective → deep objective (average): incidents goal 0, red flag 3, at 1 → 5/9 of the scale → 5/9
 *                                                                                       proc (0.8 + 5/9) ÷ 2 = 6.1/9
 *   ops  cascaded scorecard, weight 2: fcr 0.72 ÷ 0.8 = 0.9                                               → 0.9
 *   co = (2 × 0.8 + 1 × 6.1/9 + 2 × 0.9) ÷ 5 = 0.815555…
 */
const input = (missing?: string, changes: Record<string, unknown> = {}) => ({
  missing,
  root: {
    id: 'co',
    name: 'Shared services',
    kind: 'scorecard',
    children: [
      {
        id: 'fin',
        name: 'Financial',
        kind: 'perspective',
        weight: 2,
        kpis: [
          kpi({ id: 'dso', direction: 'lower', target: 45, scoring: { method: 'progress', baseline: 60 } }),
          kpi({ id: 'payroll', direction: 'higher', target: 0.995, scoring: { method: 'binary' } }),
        ],
      },
      {
        id: 'proc',
        name: 'Internal process',
        kind: 'perspective',
        children: [
          {
            id: 'speed',
            name: 'Fast',
            kind: 'objective',
            method: 'min',
            kpis: [kpi({ id: 'sla', direction: 'higher', target: 0.95 }), kpi({ id: 'tat', direction: 'lower', target: 8 })],
          },
          {
            id: 'quality',
            name: 'Right first time',
            kind: 'objective',
            children: [
              {
                id: 'deep',
                name: 'No incidents',
                kind: 'objective',
                method: 'average',
                kpis: [kpi({ id: 'incidents', direction: 'lower', target: 0, scoring: { method: 'goal-red-flag', redFlag: 3 } })],
              },
            ],
          },
        ],
      },
      { id: 'ops', name: 'Operations', kind: 'scorecard', weight: 2, kpis: [kpi({ id: 'fcr', direction: 'higher', target: 0.8 })] },
    ],
    ...changes,
  },
});
const actuals = { dso: 51, payroll: 0.996, sla: 0.9025, tat: 10, incidents: 1, fcr: 0.72 };

describe('evaluateTree', () => {
  it('rolls up KPIs → objectives of any depth → perspectives → scorecard, cascaded scorecards weighted', () => {
    const result = evaluateTree(ScorecardTreeSchema.parse(input()), actuals);
    expect(findNode(result, 'fin').score).toBeCloseTo(0.8, 12);
    expect(findNode(result, 'speed').score).toBeCloseTo(0.8, 12);
    expect(findNode(result, 'deep').score).toBeCloseTo(5 / 9, 12);
    expect(findNode(result, 'quality').score).toBeCloseTo(5 / 9, 12);
    expect(findNode(result, 'proc').score).toBeCloseTo(6.1 / 9, 12);
    expect(findNode(result, 'ops').score).toBeCloseTo(0.9, 12);
    expect(result.score).toBeCloseTo((2 * 0.8 + 6.1 / 9 + 2 * 0.9) / 5, 12);
    expect(findNode(result, 'deep').kpis[0].score).toBeCloseTo(50 / 9, 12);
    expect(findNode(result, 'deep').kpis[0].status).toBe('AMBER');
    // sla and tat have no scoring method: their amber 0.9 / red 0.7 apply, so 0.95 is GREEN and 0.8 AMBER.
    expect(findNode(result, 'speed').kpis.map((k) => k.status)).toEqual(['GREEN', 'AMBER']);
  });

  it('combines by each container method', () => {
    const root = (method: string, weights?: string) =>
      evaluateTree(
        ScorecardTreeSchema.parse({
          root: {
            id: 'r',
            name: 'r',
            kind: 'scorecard',
            method,
            weights,
            kpis: [kpi({ id: 'a', direction: 'higher', target: 1, weight: 1 }), kpi({ id: 'b', direction: 'higher', target: 1, weight: 3 })],
          },
        }),
        { a: 0.4, b: 0.8 },
      ).score;
    expect(root('weighted')).toBeCloseTo((0.4 + 3 * 0.8) / 4, 12);
    expect(root('average')).toBeCloseTo(0.6, 12);
    expect(root('min')).toBe(0.4);
    expect(root('max')).toBe(0.8);
    expect(root('sum')).toBeCloseTo(0.4 + 2.4, 12);
    expect(root('weighted', 'absolute')).toBeCloseTo(0.4 + 2.4, 12);
  });

  it('absolute weights keep a missing item\'s share; relative weights renormalise', () => {
    const tree = (weights: string) =>
      ScorecardTreeSchema.parse({
        root: { id: 'r', name: 'r', kind: 'scorecard', weights, kpis: [kpi({ id: 'a', direction: 'higher', target: 1, weight: 0.25 }), kpi({ id: 'b', direction: 'higher', target: 1, weight: 0.75 })] },
      });
    expect(evaluateTree(tree('absolute'), { a: 1, b: null }).score).toBe(0.25);
    expect(evaluateTree(tree('relative'), { a: 1, b: null }).score).toBe(1);
  });

  it('gives equal scores back at every level whatever the weights, and renormalises weights (properties)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1.2, noNaN: true }),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.constantFrom('weighted', 'average', 'min', 'max'),
        (achievement, weights, factor, method) => {
          const build = (scale: number) =>
            ScorecardTreeSchema.parse({
              root: {
                id: 'r',
                name: 'r',
                kind: 'scorecard',
                method,
                children: [
                  { id: 'o', name: 'o', kind: 'objective', method, kpis: weights.map((w, i) => kpi({ id: `k${i}`, direction: 'higher', target: 1, weight: w * scale })) },
                ],
              },
            });
          const values = Object.fromEntries(weights.map((_, i) => [`k${i}`, achievement]));
          expect(evaluateTree(build(1), values).score).toBeCloseTo(achievement, 9);
          const mixed = Object.fromEntries(weights.map((_, i) => [`k${i}`, ((i + 1) * achievement) / weights.length]));
          expect(evaluateTree(build(factor), mixed).score).toBeCloseTo(evaluateTree(build(1), mixed).score!, 9);
        },
      ),
    );
  });
});

describe('missing-data policy', () => {
  const without = { ...actuals, tat: null };
  it('ignore leaves the KPI out', () => {
    const result = evaluateTree(ScorecardTreeSchema.parse(input()), without);
    expect(findNode(result, 'speed').score).toBeCloseTo(0.95, 12);
    expect(findNode(result, 'speed').kpis[1]).toMatchObject({ source: null, achievement: null, status: null });
  });

  it('zero scores it 0', () => {
    const result = evaluateTree(ScorecardTreeSchema.parse(input('zero')), without);
    expect(findNode(result, 'speed').score).toBe(0);
    expect(findNode(result, 'proc').score).toBeCloseTo(5 / 18, 12);
    expect(findNode(result, 'speed').kpis[1]).toMatchObject({ source: 'zero', achievement: 0, status: 'RED' });
  });

  it('carry-forward scores the last known value, and leaves the KPI out when there is none', () => {
    const tree = ScorecardTreeSchema.parse(input('carry-forward'));
    const carried = evaluateTree(tree, without, { lastKnown: { tat: 9 } });
    expect(findNode(carried, 'speed').score).toBeCloseTo(8 / 9, 12);
    expect(findNode(carried, 'speed').kpis[1]).toMatchObject({ actual: 9, source: 'carried' });
    expect(findNode(evaluateTree(tree, without), 'speed').score).toBeCloseTo(0.95, 12);
    // This period's value wins over the last known one.
    expect(findNode(evaluateTree(tree, actuals, { lastKnown: { tat: 9 } }), 'speed').score).toBeCloseTo(0.8, 12);
  });

  it('strict greys every container above a missing KPI, and only those', () => {
    const result = evaluateTree(ScorecardTreeSchema.parse(input('strict')), without);
    expect(findNode(result, 'speed')).toMatchObject({ score: null, greyed: true });
    expect(findNode(result, 'proc')).toMatchObject({ score: null, greyed: true });
    expect(result).toMatchObject({ score: null, greyed: true });
    expect(findNode(result, 'fin')).toMatchObject({ greyed: false });
    expect(findNode(result, 'fin').score).toBeCloseTo(0.8, 12);
    expect(findNode(result, 'quality').greyed).toBe(false);
    expect(evaluateTree(ScorecardTreeSchema.parse(input('strict')), actuals).score).toBeCloseTo((2 * 0.8 + 6.1 / 9 + 2 * 0.9) / 5, 12);
  });
});

describe('ScorecardTreeSchema', () => {
  it('names the node and field of a bad tree', () => {
    expect(issuesOf(ScorecardTreeSchema, input('sometimes'))).toEqual(['missing: missing must be ignore, zero, carry-forward or strict']);
    expect(issuesOf(ScorecardTreeSchema, input(undefined, { kind: 'objective' }))).toEqual([
      'root.kind: the root must be a scorecard, not objective',
      'root.children.0.kind: a perspective ("fin") cannot sit under a objective ("co")',
      'root.children.1.kind: a perspective ("proc") cannot sit under a objective ("co")',
    ]);
    expect(issuesOf(ScorecardTreeSchema, input(undefined, { children: [{ id: 'p', name: 'p', kind: 'perspective', kpis: [kpi({ id: 'a', direction: 'higher', target: 1, weight: 0 })] }] }))).toEqual([
      'root.children.0.weight: perspective "p": the weights of its KPIs and children are all 0, so weighted has nothing to weight',
    ]);
    expect(issuesOf(ScorecardTreeSchema, input(undefined, { children: [{ id: 'p', name: 'p', kind: 'perspective' }] }))).toEqual(['root.children.0.children: perspective "p" has no KPI and no child to score']);
    expect(issuesOf(ScorecardTreeSchema, input(undefined, { children: [{ id: 'co', name: 'p', kind: 'objective', method: 'median', kpis: [kpi({ id: 'a', direction: 'higher', target: 1 })] }] }))).toEqual([
      'root.children.0.method: method must be weighted, average, min, max or sum',
    ]);
    expect(issuesOf(ScorecardTreeSchema, input(undefined, { children: [{ id: 'co', name: 'p', kind: 'objective', kpis: [kpi({ id: 'a', direction: 'higher', target: 1 }), kpi({ id: 'a', direction: 'higher', target: 2 })] }] }))).toEqual([
      'root.children.0.id: node id "co" is used twice',
      'root.children.0.kpis.1.id: KPI id "a" is used twice',
    ]);
    expect(issuesOf(ScorecardTreeSchema, input(undefined, { children: [{ id: 'o', name: 'o', kind: 'objective', kpis: [kpi({ id: 'p', direction: 'higher', target: 1, scoring: { method: 'performance', min: 2, max: 2 } })] }] }))).toEqual([
      'root.children.0.kpis.0.scoring.max: KPI "p": scoring.max (2) must be greater than scoring.min (2): the scale has no width',
    ]);
  });

  it('names the KPI whose actual cannot be scored', () => {
    expect(() => evaluateTree(ScorecardTreeSchema.parse(input()), { ...actuals, tat: -1 })).toThrow('evaluateTree: KPI "tat": actuals.tat must not be negative when lower is better');
  });
});
