/** The one scorecard engine: levels, owners and pay on tree nodes; contributions, pillars, alerts and payouts; old scorecards as trees. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateTree,
  kpiPayout,
  ScorecardTreeSchema,
  type TreeResult,
} from '../core/scorecard';
import { PerspectiveScorecardSchema, treeOfScorecard } from '../forge-app/src/config/perspective-scorecard';
import { readFileSync } from 'node:fs';
import { CONFIG_SCHEMAS, jsonSchemaOf } from '../core/schema';
import { referenceScorecard, type ReferenceResult } from './helpers/legacy-scorecard-reference';
import { findNode, issuesOf, kpi, type KpiInput } from './helpers/scorecard-builders';


/*
 * dept (department, weighted)
 *   speed perspective, weight 3: tat 10 h against 8 lower → 0.8; sla 0.9 ÷ 0.95 → 0.947368…  mean → 0.873684…
 *   quality perspective, weight 1: ftr 0.81 ÷ 0.9 → 0.9
 *   lan (person, weight 0, pay base 1,000, gate 0.8): closed 110 ÷ 100 → 1.1, errors 0.02 ÷ 0.025 (lower) → 1.25 capped 1.2
 *       objective average → 1.15 → pay 1,000 × min(1.15, 1.2) = 1,150
 *   dept = (3 × 0.873684… + 0.9) ÷ 4
 */
const deptInput = (changes: Record<string, unknown> = {}) => ({
  root: {
    id: 'dept',
    name: 'Back office',
    kind: 'scorecard',
    level: 'department',
    owner: 'Lan',
    children: [
      {
        id: 'speed',
        name: 'Speed',
        kind: 'perspective',
        weight: 3,
        kpis: [
          kpi({ id: 'tat', pillar: 'speed', direction: 'lower', target: 8, guardedBy: 'ftr' }),
          kpi({ id: 'sla', pillar: 'speed', direction: 'higher', target: 0.95 }),
        ],
      },
      { id: 'quality', name: 'Quality', kind: 'perspective', kpis: [kpi({ id: 'ftr', pillar: 'accuracy', direction: 'higher', target: 0.9 })] },
      {
        id: 'lan',
        name: 'Lan',
        kind: 'scorecard',
        level: 'person',
        owner: 'Lan',
        weight: 0,
        pay: { base: 1000, gate: 0.8 },
        children: [
          {
            id: 'lan-work',
            name: 'Work',
            kind: 'objective',
            method: 'average',
            kpis: [
              kpi({ id: 'closed', pillar: 'volume', direction: 'higher', target: 100, guardedBy: 'errors' }),
              kpi({ id: 'errors', pillar: 'accuracy', direction: 'lower', target: 0.025 }),
            ],
          },
        ],
      },
    ],
    ...changes,
  },
});
const actuals = { tat: 10, sla: 0.9, ftr: 0.81, closed: 110, errors: 0.02 };
const speedScore = (0.8 + 0.9 / 0.95) / 2;

describe('evaluateTree: contributions, pillars, alerts, pay', () => {
  const result = evaluateTree(ScorecardTreeSchema.parse(deptInput()), actuals, { previous: { tat: 12, ftr: 0.85, closed: 100, errors: 0.03 } });

  it('splits each scorecard\'s score over its KPIs: the contributions add up to the score', () => {
    expect(result.score).toBeCloseTo((3 * speedScore + 0.9) / 4, 12);
    const [tat, sla] = findNode(result, 'speed').kpis;
    expect(tat.contribution).toBeCloseTo(0.8 * 0.5 * 0.75, 12);
    expect(sla.contribution).toBeCloseTo((0.9 / 0.95) * 0.5 * 0.75, 12);
    expect(findNode(result, 'quality').kpis[0].contribution).toBeCloseTo(0.9 * 0.25, 12);
    expect(findNode(result, 'speed').contribution).toBeCloseTo(speedScore * 0.75, 12);
    expect(findNode(result, 'lan').contribution).toBe(0); // weight 0: shown, not counted
    expect(findNode(result, 'lan-work').kpis.map((k) => k.contribution)).toEqual([0.55, 0.6]);
    expect(result.contribution).toBeNull();
  });

  it('gives the pillar balance per node, not counting the scorecards below', () => {
    expect(result.pillars.speed).toBeCloseTo(speedScore, 12);
    expect(result.pillars).toMatchObject({ accuracy: 0.9, satisfaction: null });
    expect(findNode(result, 'lan').pillars).toEqual({ speed: null, accuracy: 1.2, satisfaction: null });
    expect(findNode(result, 'quality').pillars).toEqual({ speed: null, accuracy: 0.9, satisfaction: null });
  });

  it('raises gaming alerts on the scorecard whose KPIs they concern, with changes per KPI', () => {
    expect(result.alerts).toMatchObject([{ code: 'SPEED_UP_QUALITY_DOWN', scorecardId: 'dept', kpiId: 'tat', guardId: 'ftr', kpiChange: -2 }]);
    expect(result.alerts[0].guardChange).toBeCloseTo(-0.04, 12);
    expect(findNode(result, 'speed').alerts).toEqual([]);
    expect(findNode(result, 'lan').alerts).toEqual([]); // closed up, errors down: no gaming
    expect(findNode(result, 'speed').kpis[0]).toMatchObject({ previous: 12, change: -2 });
    expect(findNode(result, 'speed').kpis[1]).toMatchObject({ previous: null, change: null });
  });

  it('pays a person-level scorecard by the KPI_PAYOUT rule on its score', () => {
    expect(findNode(result, 'lan').score).toBeCloseTo(1.15, 12);
    expect(findNode(result, 'lan').payout).toBeCloseTo(1150, 9);
    expect(result.payout).toBeNull();
    const stepped = ScorecardTreeSchema.parse(deptInput());
    stepped.root.children[2].pay = { base: 1000, steps: [[0.8, 0.5], [1, 1]] };
    expect(findNode(evaluateTree(stepped, actuals), 'lan').payout).toBe(1000);
    expect(findNode(evaluateTree(stepped, { ...actuals, closed: 40, errors: 0.05 }), 'lan').payout).toBe(kpiPayout('x', 0.45, 1000, 0, 1.2, [[0.8, 0.5], [1, 1]]));
    expect(findNode(evaluateTree(stepped, { ...actuals, closed: null, errors: null }), 'lan').payout).toBeNull();
  });

  it('gives min and max containers\' score to the item that decides it', () => {
    const tree = ScorecardTreeSchema.parse(deptInput({ method: 'min' }));
    const min = evaluateTree(tree, actuals);
    expect(min.score).toBeCloseTo(speedScore, 12);
    expect(findNode(min, 'speed').contribution).toBeCloseTo(speedScore, 12);
    expect(findNode(min, 'quality').contribution).toBe(0);
  });

  it('rolls cascaded scorecards up into the KPI they break down', () => {
    const input = deptInput();
    (input.root.children[2] as Record<string, unknown>).cascadesFrom = 'ftr';
    const tree = ScorecardTreeSchema.parse(input);
    const rolled = evaluateTree(tree, { ...actuals, ftr: null }, { rollUpChildren: true });
    expect(findNode(rolled, 'quality').kpis[0]).toMatchObject({ source: 'children', achievement: 1.15, score: null, status: 'GREEN' });
    expect(findNode(evaluateTree(tree, { ...actuals, ftr: null }), 'quality').score).toBeNull();
  });
});

describe('ScorecardTreeSchema: levels, owners, pay and links', () => {
  it('accepts the department example', () => {
    expect(issuesOf(ScorecardTreeSchema, deptInput())).toEqual([]);
  });

  it('names the node and field of a level, pay or link that does not fit', () => {
    const input = deptInput();
    const children = input.root.children as Record<string, unknown>[];
    children[2].level = 'company';
    children[0].level = 'person';
    children[1].pay = { base: 5 };
    (children[1].kpis as KpiInput[])[0].guardedBy = 'closed';
    input.root.children.push({ id: 'x', name: 'x', kind: 'scorecard', weight: 0, cascadesFrom: 'nope', kpis: [kpi({ id: 'y', direction: 'higher', target: 1 })] } as never);
    expect(issuesOf(ScorecardTreeSchema, input)).toEqual([
      'root.children.0.level: perspective "speed": level belongs on a scorecard node',
      'root.children.1.pay: perspective "quality": pay belongs on a scorecard node',
      'root.children.1.kpis.0.guardedBy: KPI "ftr": guardedBy "closed" is not a KPI of scorecard "dept"',
      'root.children.2.pay: scorecard "lan": pay needs level person, not company',
      'root.children.2.level: a company scorecard ("lan") cannot sit under a department scorecard ("dept")',
      'root.children.3.cascadesFrom: scorecard "x": cascadesFrom "nope" is not a KPI of the scorecard above ("dept")',
    ]);
  });

  it('names the pay field that is wrong', () => {
    const withPay = (pay: unknown) => {
      const input = deptInput();
      (input.root.children[2] as Record<string, unknown>).pay = pay;
      return issuesOf(ScorecardTreeSchema, input);
    };
    expect(withPay({ base: -1 })).toEqual(['root.children.2.pay.base: pay.base must not be negative']);
    expect(withPay({ base: 1, cap: 0 })).toEqual(['root.children.2.pay.cap: pay.cap must be greater than 0']);
    expect(withPay({ base: 1, steps: [[1, 1], [0.5, 1]] })).toEqual(['root.children.2.pay.steps: pay: steps row 2: must ascend: 0.5 is not greater than 1 before it']);
    expect(withPay({ base: 1, steps: [[1, -1]] })).toEqual(['root.children.2.pay.steps: pay: steps row 1: rate -1 is negative']);
  });
});

describe('treeOfScorecard: an old scorecard as a tree scores the same', () => {
  const perspectives = ['financial', 'customer', 'internal-process', 'learning-growth'] as const;
  const pillars = ['speed', 'accuracy', 'satisfaction', 'volume', 'other'] as const;
  /** Weights of 0 now and then: often enough to test them, rarely enough that most trees have a weight to split. */
  const sometimesZero = fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.double({ min: 0.1, max: 5, noNaN: true }), weight: 9 });
  const kpiArb = (id: string) =>
    fc.record({
      perspective: fc.constantFrom(...perspectives),
      pillar: fc.constantFrom(...pillars),
      direction: fc.constantFrom('higher' as const, 'lower' as const),
      target: fc.double({ min: 0.1, max: 100, noNaN: true }),
      weight: sometimesZero,
      performance: fc.boolean(),
    }).map(({ performance, ...fields }) =>
      kpi({ id, ...fields, ...(performance ? { scoring: { method: 'performance' as const, min: 0, max: fields.target * 2 } } : {}) }),
    );
  const weightsArb = fc.tuple(...perspectives.map(() => sometimesZero));
  const cardArb = (prefix: string, level: 'company' | 'department' | 'person', depth: number): fc.Arbitrary<Record<string, unknown>> =>
    fc
      .record({
        kpis: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => kpiArb(`${prefix}k${i}`)))),
        weights: weightsArb,
        guard: fc.boolean(),
        children: depth === 0 ? fc.constant<number[]>([]) : fc.array(fc.nat(), { maxLength: 2 }),
      })
      .chain(({ kpis, weights, guard, children }) => {
        if (guard && kpis.length > 1) kpis[0] = { ...kpis[0], guardedBy: kpis[1].id };
        const childArbs = children.map((seed, i) =>
          cardArb(`${prefix}c${i}`, level === 'company' ? 'department' : 'person', depth - 1).map((child) => ({ ...child, cascadesFrom: kpis[seed % kpis.length].id })),
        );
        return fc.tuple(...childArbs).map((built) => ({
          id: prefix,
          name: prefix,
          level,
          owner: prefix,
          perspectiveWeights: Object.fromEntries(perspectives.map((p, i) => [p, weights[i]])),
          kpis,
          children: built,
        }));
      });
  const idsOf = (card: Record<string, unknown>): string[] => [
    ...(card.kpis as KpiInput[]).map((k) => k.id),
    ...(card.children as Record<string, unknown>[]).flatMap(idsOf),
  ];
  /** The tree result of each scorecard, by id. */
  const cards = (result: TreeResult): TreeResult[] => [result, ...result.children.flatMap((child) => (child.node.kind === 'scorecard' ? cards(child) : child.children.flatMap(cards)))];
  const compare = (reference: ReferenceResult, byId: Map<string, TreeResult>) => {
    const tree = byId.get(reference.id)!;
    if (reference.overall === null) expect(tree.score).toBeNull();
    else expect(tree.score).toBeCloseTo(reference.overall, 9);
    const treeKpis = new Map(tree.children.filter((c) => c.node.kind === 'perspective').flatMap((c) => c.kpis).map((k) => [k.kpi.id, k]));
    for (const [id, k] of Object.entries(reference.kpis)) {
      const mine = treeKpis.get(id)!;
      // Rolled-up achievements are means of means: equal up to the order of floating-point additions.
      if (k.achievement === null) expect(mine.achievement).toBeNull();
      else expect(mine.achievement).toBeCloseTo(k.achievement, 9);
      expect(mine.status).toBe(k.status);
      if (k.contribution === null) expect(mine.contribution).toBeNull();
      else expect(mine.contribution).toBeCloseTo(k.contribution, 9);
    }
    for (const [perspective, score] of Object.entries(reference.perspectives)) {
      const node = tree.children.find((c) => c.node.id === `${reference.id}/${perspective}`)!;
      if (score === null) expect(node.score).toBeNull();
      else expect(node.score).toBeCloseTo(score, 9);
    }
    reference.children.forEach((child) => compare(child, byId));
  };

  it('gives the overall, perspective scores and KPI results of the perspective scorecard\'s rules (property)', () => {
    fc.assert(
      fc.property(
        cardArb('c', 'company', 2).chain((card) =>
          fc.tuple(
            fc.constant(card),
            fc.tuple(...idsOf(card).map((id) => fc.tuple(fc.constant(id), fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: null })))),
            fc.boolean(),
          ),
        ),
        ([input, actualPairs, rollUpChildren]) => {
          const legacy = PerspectiveScorecardSchema.parse(input);
          let tree;
          try {
            tree = treeOfScorecard(legacy);
          } catch (error) {
            // A scorecard whose perspectives with KPIs all weigh 0 has no overall to give: the tree rejects it.
            expect((error as Error).message).toMatch(/^treeOfScorecard: scorecard "c": .*weight: .* the weights of its KPIs and children are all 0/);
            return;
          }
          const actualValues = Object.fromEntries(actualPairs);
          const result = evaluateTree(tree, actualValues, { rollUpChildren });
          const reference = referenceScorecard(legacy, actualValues, rollUpChildren);
          compare(reference, new Map(cards(result).map((r) => [r.node.id, r])));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the scorecard and field it cannot turn into a tree', () => {
    const legacy = PerspectiveScorecardSchema.parse({ id: 'co', name: 'co', level: 'company', owner: 'x', perspectiveWeights: { customer: 0 }, kpis: [kpi({ id: 'a', perspective: 'customer', direction: 'higher', target: 1 })] });
    expect(() => treeOfScorecard(legacy)).toThrow('treeOfScorecard: scorecard "co": root.weight: scorecard "co": the weights of its KPIs and children are all 0, so weighted has nothing to weight');
  });
});

describe('the tree as a configuration schema', () => {
  it('accepts the shipped example and exports JSON Schema for editors (levels, pay)', () => {
    const example = JSON.parse(readFileSync(new URL('../examples/scorecard.json', import.meta.url), 'utf8'));
    expect(CONFIG_SCHEMAS.scorecardTree.safeParse(example.tree).success).toBe(true);
    const text = JSON.stringify(jsonSchemaOf('scorecardTree'));
    expect(text).toContain('"enum":["company","department","person"]');
    expect(text).toContain('"base"');
  });
});

describe('evaluateTree over random trees (properties)', () => {
  const methods = ['weighted', 'average', 'min', 'max', 'sum'] as const;
  /** A KPI scored by a method that never scores a better value lower (stabilize is left out: its best is in the middle). */
  const kpiArb = (id: string) =>
    fc
      .record({
        method: fc.constantFrom('none', 'progress', 'performance', 'goal-red-flag', 'binary', 'bands'),
        direction: fc.constantFrom('higher' as const, 'lower' as const),
        target: fc.integer({ min: 1, max: 100 }),
        width: fc.integer({ min: 1, max: 50 }),
        weight: fc.double({ min: 0.1, max: 5, noNaN: true }),
      })
      .map(({ method, direction, target, width, weight }) => {
        const away = direction === 'higher' ? -width : width; // the worse side of the target
        const scoring = {
          none: undefined,
          progress: { method: 'progress' as const, baseline: target + away },
          performance: { method: 'performance' as const, min: target - width, max: target + width },
          'goal-red-flag': { method: 'goal-red-flag' as const, redFlag: target + away },
          binary: { method: 'binary' as const },
          bands: { method: 'bands' as const, bands: [target - width, target, target + width] },
        }[method];
        return kpi({ id, direction, target, weight, ...(scoring ? { scoring } : {}) });
      });
  const treeArb = fc
    .tuple(
      fc.constantFrom(...methods),
      fc.constantFrom('relative', 'absolute'),
      fc.array(fc.tuple(fc.constantFrom(...methods), fc.double({ min: 0.1, max: 5, noNaN: true }), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 3 }),
    )
    .chain(([method, weights, objectives]) =>
      fc.tuple(...objectives.map(([m, w, n], o) => fc.tuple(...Array.from({ length: n }, (_, k) => kpiArb(`o${o}k${k}`))).map((kpis) => ({ id: `o${o}`, name: `o${o}`, kind: 'objective', method: m, weight: w, kpis })))).map((children) =>
        ScorecardTreeSchema.parse({ root: { id: 'r', name: 'r', kind: 'scorecard', method, weights, children } }),
      ),
    );
  const valuesOf = (tree: ReturnType<typeof ScorecardTreeSchema.parse>) => tree.root.children.flatMap((o) => o.kpis);

  it('never scores lower when one KPI gets better in its direction, stays within the scores it combines, and the parts of the KPIs with a value add up to the score', () => {
    fc.assert(
      fc.property(
        treeArb.chain((tree) =>
          fc.tuple(fc.constant(tree), fc.array(fc.option(fc.integer({ min: 0, max: 200 }), { nil: null, freq: 4 }), { minLength: valuesOf(tree).length, maxLength: valuesOf(tree).length }), fc.nat(), fc.integer({ min: 1, max: 100 })),
        ),
        ([tree, values, pick, step]) => {
          const kpis = valuesOf(tree);
          const actuals = Object.fromEntries(kpis.map((k, i) => [k.id, values[i]]));
          const before = evaluateTree(tree, actuals);
          if (before.score === null) return; // no KPI has a value: nothing to compare or split
          const chosen = kpis.filter((k) => actuals[k.id] !== null)[pick % kpis.filter((k) => actuals[k.id] !== null).length];
          const value = actuals[chosen.id]!;
          const better = { ...actuals, [chosen.id]: value + (chosen.direction === 'higher' ? step : -Math.min(step, value)) };
          expect(evaluateTree(tree, better).score!).toBeGreaterThanOrEqual(before.score - 1e-12);
          // Scale bounds: a mean, min or max lies between the smallest and largest score it combines (sum and absolute weights add up).
          for (const container of [before, ...before.children]) {
            const scores = [...container.kpis.map((k) => k.achievement), ...container.children.map((c) => c.score)].filter((x): x is number => x !== null);
            if (container.score === null || container.node.method === 'sum' || container.node.weights === 'absolute') continue;
            expect(container.score).toBeGreaterThanOrEqual(Math.min(...scores) - 1e-12);
            expect(container.score).toBeLessThanOrEqual(Math.max(...scores) + 1e-12);
          }
          const parts = before.children.flatMap((o) => o.kpis).reduce((total, k) => total + (k.contribution ?? 0), 0);
          expect(parts).toBeCloseTo(before.score, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
