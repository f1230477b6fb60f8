import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregatePeriod,
  evaluateTree,
  KpiDefinitionSchema,
  achievementOfActual,
  statusOfAchievement,
  statusOfActual,
  weightedScore,
  type GamingAlert,
  type KpiValues,
  type TreeOptions,
  type TreeResult,
} from '../core/scorecard';
import { PerspectiveScorecardSchema, treeOfScorecard, type PerspectiveScorecard } from '../forge-app/src/config/perspective-scorecard';
import { issuesOf, kpi, loose } from './helpers/scorecard-builders';

const t = (iso: string) => Date.parse(iso);

/**
 * A number from min to max, spread evenly half of the time: fc.double alone draws among representable doubles, most
 * of which are within a hair of 0, so a test of the middle of the range would rarely see it.
 */
const spread = (min: number, max: number) =>
  fc.oneof(fc.integer({ min: 0, max: 10_000 }).map((n) => min + ((max - min) * n) / 10_000), fc.double({ min, max, noNaN: true }));

describe('achievementOfActual', () => {
  it('scores higher-is-better as actual ÷ target and lower-is-better as target ÷ actual', () => {
    expect(achievementOfActual(45, 50)).toBe(0.9);
    expect(achievementOfActual(45, 50, 'higher')).toBe(0.9);
    expect(achievementOfActual(10, 8, 'lower')).toBe(0.8);
  });

  it('clamps to the cap and the floor', () => {
    expect(achievementOfActual(60, 50)).toBe(1.2);
    expect(achievementOfActual(70, 50, 'higher', 0, 1.5)).toBe(1.4);
    expect(achievementOfActual(-5, 10)).toBe(0);
    expect(achievementOfActual(1, 10, 'higher', 0.2)).toBe(0.2);
    expect(achievementOfActual(2, 8, 'lower')).toBe(1.2);
  });

  it('gives the cap to an actual of 0 when lower is better', () => {
    expect(achievementOfActual(0, 8, 'lower')).toBe(1.2);
    expect(achievementOfActual(0, 8, 'lower', 0, 2)).toBe(2);
  });

  it('rejects bad input with exact messages', () => {
    expect(() => achievementOfActual(1, 0)).toThrow('KPI_SCORE: target must be greater than 0');
    expect(() => achievementOfActual(1, -5)).toThrow('KPI_SCORE: target must be greater than 0');
    expect(() => loose(achievementOfActual)(1, 5, 'up')).toThrow('KPI_SCORE: direction must be higher or lower, not "up"');
    expect(() => achievementOfActual(1, 5, 'higher', 1, 1)).toThrow('KPI_SCORE: cap must be greater than floor');
    expect(() => achievementOfActual(1, 5, 'higher', -1)).toThrow('KPI_SCORE: floor must not be negative');
    expect(() => achievementOfActual(-1, 5, 'lower')).toThrow('KPI_SCORE: actual must not be negative when lower is better');
    expect(() => achievementOfActual(NaN, 5)).toThrow('KPI_SCORE: actual must be a number, not NaN');
  });

  it('equals the ratio the direction gives, raised to the floor or lowered to the cap (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        // actual = target × factor, so the ratio often lands between the floor and the cap, not only outside them.
        spread(0, 3),
        fc.constantFrom('higher' as const, 'lower' as const),
        spread(0, 1),
        spread(0.01, 2),
        (target, factor, direction, floor, width) => {
          const actual = target * factor;
          const cap = floor + width;
          let expected: number;
          if (direction === 'higher') expected = actual / target;
          else expected = actual === 0 ? cap : target / actual;
          if (expected < floor) expected = floor;
          if (expected > cap) expected = cap;
          expect(achievementOfActual(actual, target, direction, floor, cap)).toBe(expected);
        },
      ),
    );
  });

  it('stays within [floor, cap] (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        fc.constantFrom('higher' as const, 'lower' as const),
        (actual, target, direction) => {
          const score = achievementOfActual(actual, target, direction, 0.1, 1.3);
          expect(score).toBeGreaterThanOrEqual(0.1);
          expect(score).toBeLessThanOrEqual(1.3);
        },
      ),
    );
  });
});

describe('statusOfAchievement and statusOfActual', () => {
  it('is GREEN at or above amber, AMBER at or above red, RED below', () => {
    // Defaults (ClearPoint's evaluation): GREEN when the target is met, AMBER within 10 %, RED below.
    expect(statusOfAchievement(1)).toBe('GREEN');
    expect(statusOfAchievement(1.2)).toBe('GREEN');
    expect(statusOfAchievement(0.99)).toBe('AMBER');
    expect(statusOfAchievement(0.9)).toBe('AMBER');
    expect(statusOfAchievement(0.89)).toBe('RED');
    expect(statusOfAchievement(0.9, 0.9, 0.7)).toBe('GREEN');
    expect(statusOfAchievement(0.7, 0.9, 0.7)).toBe('AMBER');
    expect(statusOfAchievement(0.69, 0.9, 0.7)).toBe('RED');
    expect(statusOfAchievement(0.9, 0.95, 0.8)).toBe('AMBER');
    expect(statusOfAchievement(0.79, 0.95, 0.8)).toBe('RED');
  });

  it('does not let floating-point error drop a status', () => {
    // 0.72 ÷ 0.8 is 0.8999999999999999 in binary floating point; 90 % of target reaches a threshold of 0.9.
    expect(statusOfActual(0.72, 0.8, 'higher', 0.9, 0.7)).toBe('GREEN');
    expect(statusOfActual(0.72, 0.8)).toBe('AMBER');
    expect(statusOfAchievement(0.9 - 1e-6)).toBe('RED');
    // At the target is GREEN by default.
    expect(statusOfActual(0.7, 0.7)).toBe('GREEN');
  });

  it('rates an actual against its target', () => {
    // 45 ÷ 50 = 0.9: within 10 % of the target → AMBER by default (GREEN from 1).
    expect(statusOfActual(45, 50)).toBe('AMBER');
    expect(statusOfActual(50, 50)).toBe('GREEN');
    expect(statusOfActual(44.9, 50)).toBe('RED');
    expect(statusOfActual(45, 50, 'higher', 0.9, 0.7)).toBe('GREEN');
    // Lower is better: 10 ÷ 11 = 0.909 → AMBER; 10 ÷ 12 = 0.83 → RED (AMBER with the old 0.9/0.7); 10 ÷ 20 = 0.5 → RED.
    expect(statusOfActual(11, 10, 'lower')).toBe('AMBER');
    expect(statusOfActual(12, 10, 'lower')).toBe('RED');
    expect(statusOfActual(12, 10, 'lower', 0.9, 0.7)).toBe('AMBER');
    expect(statusOfActual(20, 10, 'lower')).toBe('RED');
    // A stretch threshold above the usual cap can still be reached: 70 ÷ 50 = 1.4 ≥ 1.3.
    expect(statusOfActual(70, 50, 'higher', 1.3, 1)).toBe('GREEN');
    expect(statusOfActual(60, 50, 'higher', 1.3, 1)).toBe('AMBER');
  });

  it('rejects bad input with exact messages', () => {
    expect(() => statusOfAchievement(1, 0.7, 0.9)).toThrow('KPI_STATUS: amber must be greater than red');
    expect(() => statusOfAchievement(1, 0.8, 0.8)).toThrow('KPI_STATUS: amber must be greater than red');
    expect(() => statusOfAchievement(NaN)).toThrow('KPI_STATUS: achievement must be a number, not NaN');
    expect(() => statusOfActual(1, 0)).toThrow('KPI_STATUS: target must be greater than 0');
    expect(() => loose(statusOfActual)('', 5)).toThrow('KPI_STATUS: actual must be a number, not ""');
  });
});

describe('weightedScore', () => {
  it('leaves blank scores out and renormalises the weights', () => {
    // (0.8 × 1 + 1 × 1) ÷ (1 + 1) = 0.9; the blank row's weight 2 drops out.
    expect(weightedScore([0.8, null, 1], [1, 2, 1])).toBe(0.9);
    // (0.5 × 3 + 1 × 1) ÷ 4 = 0.625.
    expect(weightedScore([0.5, 1], [3, 1])).toBe(0.625);
    expect(weightedScore([0.5, 1, undefined], [0, 1, undefined])).toBe(1);
  });

  it('rejects bad input with exact messages', () => {
    expect(() => weightedScore([null, null], [1, 1])).toThrow('SCORECARD: scores has no score with a weight greater than 0');
    expect(() => weightedScore([0.5], [0])).toThrow('SCORECARD: scores has no score with a weight greater than 0');
    expect(() => weightedScore([], [])).toThrow('SCORECARD: scores has no score with a weight greater than 0');
    expect(() => weightedScore([1, 1], [1, -1])).toThrow('SCORECARD: weights row 2: -1 is negative');
    expect(() => weightedScore([1, 1], [1, 1, 1])).toThrow('SCORECARD: scores has 2 rows but weights has 3');
    expect(() => loose(weightedScore)(['x'], [1])).toThrow('SCORECARD: scores row 1: "x" is not a number');
    expect(() => weightedScore([1], [null])).toThrow('SCORECARD: weights row 1: blank is not a number');
  });

  it('equals each present score times its share of the present weights, summed (property)', () => {
    // A row is a score with its weight, a blank score with a weight, or blank in both.
    // Weights in hundredths: a subnormal weight such as 5e-324 would test floating-point underflow, not the mean.
    const weight = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 1000 }).map((n) => n / 100));
    const row = fc.oneof(
      fc.tuple(spread(0, 2), weight),
      fc.tuple(fc.constant(null), weight),
      fc.constant([null, null] as const),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const scores = rows.map(([score]) => score);
        const weights = rows.map(([, w]) => w);
        const present = rows.filter((r): r is [number, number] => r[0] !== null);
        const totalWeight = present.reduce((total, [, w]) => total + w, 0);
        if (totalWeight === 0) {
          expect(() => weightedScore(scores, weights)).toThrow('SCORECARD: scores has no score with a weight greater than 0');
          return;
        }
        const expected = present.reduce((total, [score, w]) => total + score * (w / totalWeight), 0);
        expect(weightedScore(scores, weights)).toBeCloseTo(expected, 12);
      }),
    );
  });

  it('lies between the smallest and largest score (property)', () => {
    const row = fc.tuple(fc.option(fc.double({ min: 0, max: 2, noNaN: true })), fc.integer({ min: 1, max: 10 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
        const present = rows.map(([score]) => score).filter((score): score is number => score !== null);
        fc.pre(present.length > 0);
        const value = weightedScore(rows.map(([score]) => score), rows.map(([, weight]) => weight));
        expect(value).toBeGreaterThanOrEqual(Math.min(...present) - 1e-12);
        expect(value).toBeLessThanOrEqual(Math.max(...present) + 1e-12);
      }),
    );
  });
});

describe('KpiDefinitionSchema', () => {
  const valid = kpi({ id: 'tat', perspective: 'internal-process', pillar: 'speed', direction: 'lower', target: 8 });

  it('fills defaults', () => {
    expect(KpiDefinitionSchema.parse(valid)).toMatchObject({ amber: 0.9, red: 0.7, weight: 1, floor: 0, cap: 1.2 });
    expect(KpiDefinitionSchema.parse(valid).guardedBy).toBeUndefined();
  });

  it('explains what is wrong, field by field', () => {
    expect(issuesOf(KpiDefinitionSchema, { ...valid, target: 0 })).toEqual(['target: target must be greater than 0']);
    expect(issuesOf(KpiDefinitionSchema, { ...valid, perspective: 'finance' })).toEqual([
      'perspective: perspective must be financial, customer, internal-process or learning-growth',
    ]);
    expect(issuesOf(KpiDefinitionSchema, { ...valid, pillar: 'cost' })).toEqual([
      'pillar: pillar must be speed, accuracy, satisfaction, volume or other',
    ]);
    expect(issuesOf(KpiDefinitionSchema, { ...valid, direction: 'up' })).toEqual(['direction: direction must be higher or lower']);
    // A KPI without an owner is accepted and gets a note (scorecardNotes); an empty one is an error.
    expect(issuesOf(KpiDefinitionSchema, { ...valid, owner: undefined })).toEqual([]);
    expect(issuesOf(KpiDefinitionSchema, { ...valid, owner: '' })).toEqual(['owner: owner must not be empty']);
    expect(issuesOf(KpiDefinitionSchema, { ...valid, name: '' })).toEqual(['name: name must not be empty']);
    expect(issuesOf(KpiDefinitionSchema, { ...valid, target: '8' })).toEqual(['target: target must be a number']);
    expect(issuesOf(KpiDefinitionSchema, { ...valid, weight: -1 })).toEqual(['weight: weight must not be negative']);
    expect(issuesOf(KpiDefinitionSchema, { ...valid, frequency: 'hourly' })).toEqual([
      'frequency: frequency must be daily, weekly, monthly, quarterly or yearly',
    ]);
    expect(issuesOf(KpiDefinitionSchema, { ...valid, amber: 0.6 })).toEqual(['amber: amber (0.6) must be greater than red (0.7)']);
    expect(issuesOf(KpiDefinitionSchema, { ...valid, floor: 0.5, cap: 0.5 })).toEqual(['cap: cap (0.5) must be greater than floor (0.5)']);
    expect(issuesOf(KpiDefinitionSchema, { ...valid, guardedBy: 'tat' })).toEqual(['guardedBy: KPI "tat" cannot guard itself']);
  });
});

/**
 * The worked company scorecard. Achievements:
 *   financial (weight 0.4):        dso lower 45 vs 50 → 0.9 (w 1); payroll 0.995 vs 0.995 → 1 (w 3) → (0.9 + 3) ÷ 4 = 0.975
 *   customer (0.3):                csat 0.6 vs 0.8 → 0.75 (w 1); inps blank → 0.75
 *   internal-process (0.3):        tat lower 8 vs 4 → 2, capped 1.2 (w 2); ftr 0.45 vs 0.9 → 0.5 (w 2) → 0.85
 *   learning-growth: no KPI, no weight.
 *   overall = 0.4 × 0.975 + 0.3 × 0.75 + 0.3 × 0.85 = 0.39 + 0.225 + 0.255 = 0.87.
 * The ops department cascades from tat: its one KPI fcr 0.72 vs 0.8 → 0.9, so its overall is 0.9.
 */
const companyInput = {
  id: 'co',
  name: 'Shared services',
  level: 'company',
  owner: 'COO',
  perspectiveWeights: { financial: 0.4, customer: 0.3, 'internal-process': 0.3 },
  kpis: [
    kpi({ id: 'dso', perspective: 'financial', pillar: 'other', direction: 'lower', target: 45, unit: 'days' }),
    kpi({ id: 'payroll', perspective: 'financial', pillar: 'accuracy', direction: 'higher', target: 0.995, weight: 3 }),
    kpi({ id: 'csat', perspective: 'customer', pillar: 'satisfaction', direction: 'higher', target: 0.8 }),
    kpi({ id: 'inps', perspective: 'customer', pillar: 'satisfaction', direction: 'higher', target: 40 }),
    kpi({ id: 'tat', name: 'Mean TAT', unit: 'hours', perspective: 'internal-process', pillar: 'speed', direction: 'lower', target: 8, weight: 2, guardedBy: 'ftr' }),
    kpi({ id: 'ftr', name: 'First-time right', perspective: 'internal-process', pillar: 'accuracy', direction: 'higher', target: 0.9, weight: 2 }),
  ],
  children: [
    {
      id: 'ops',
      name: 'Operations',
      level: 'department',
      owner: 'Head of ops',
      cascadesFrom: 'tat',
      kpis: [kpi({ id: 'fcr', perspective: 'internal-process', pillar: 'accuracy', direction: 'higher', target: 0.8 })],
      children: [
        {
          id: 'ana',
          name: 'Ana',
          level: 'person',
          owner: 'Ana',
          cascadesFrom: 'fcr',
          kpis: [
            kpi({ id: 'ana-closed', perspective: 'internal-process', pillar: 'volume', direction: 'higher', target: 100, guardedBy: 'ana-errors' }),
            kpi({ id: 'ana-errors', perspective: 'internal-process', pillar: 'accuracy', direction: 'lower', target: 0.02 }),
          ],
        },
      ],
    },
  ],
};
const company: PerspectiveScorecard = PerspectiveScorecardSchema.parse(companyInput);
const actuals = { dso: 50, payroll: 0.995, csat: 0.6, inps: null, tat: 4, ftr: 0.45, fcr: 0.72, 'ana-closed': 120, 'ana-errors': 0.02 };

describe('PerspectiveScorecardSchema', () => {
  it('fills defaults for children and equal perspective weights', () => {
    const ana = company.children[0].children[0];
    expect(ana.children).toEqual([]);
    expect(ana.perspectiveWeights).toEqual({ financial: 1, customer: 1, 'internal-process': 1, 'learning-growth': 1 });
  });

  it('checks links, levels, weights and ids across the tree', () => {
    const input = structuredClone(companyInput);
    input.kpis[0].guardedBy = 'nope';
    input.children[0].cascadesFrom = 'missing';
    input.children[0].children[0].level = 'company';
    input.children[0].children[0].kpis[1].id = 'dso';
    input.perspectiveWeights = { financial: 0.4, customer: 0.3 } as typeof input.perspectiveWeights;
    expect(issuesOf(PerspectiveScorecardSchema, input)).toEqual([
      'children.0.children.0.kpis.0.guardedBy: guardedBy "ana-errors" is not a KPI of scorecard "ana"',
      'children.0.children.0.level: a company scorecard cannot sit under a department scorecard',
      'kpis.0.guardedBy: guardedBy "nope" is not a KPI of scorecard "co"',
      'perspectiveWeights: perspectiveWeights has no weight for "internal-process", which has KPIs',
      'children.0.cascadesFrom: cascadesFrom "missing" is not a KPI of the parent scorecard "co"',
      'children.0.children.0.kpis.1.id: KPI id "dso" is used twice',
    ]);
  });

  it('rejects the same id twice in the tree', () => {
    const input = structuredClone(companyInput);
    input.children[0].kpis[0].id = 'csat';
    input.children[0].children[0].id = 'ops';
    input.children[0].children[0].cascadesFrom = 'csat';
    expect(issuesOf(PerspectiveScorecardSchema, input)).toEqual([
      'children.0.kpis.0.id: KPI id "csat" is used twice',
      'children.0.children.0.id: scorecard id "ops" is used twice',
    ]);
  });

  it('rejects bad fields with clear messages', () => {
    expect(issuesOf(PerspectiveScorecardSchema, { ...companyInput, level: 'team' })).toEqual(['level: level must be company, department or person']);
    const perspectiveWeights = { ...companyInput.perspectiveWeights, financial: -1 };
    expect(issuesOf(PerspectiveScorecardSchema, { ...companyInput, perspectiveWeights })).toEqual([
      'perspectiveWeights.financial: a perspective weight must not be negative',
    ]);
  });
});

describe('evaluateTree on the company scorecard as a tree (treeOfScorecard)', () => {
  const evaluate = (values: KpiValues, options: TreeOptions = {}) => evaluateTree(treeOfScorecard(company), values, options);
  const all = (r: TreeResult): TreeResult[] => [r, ...r.children.flatMap(all)];
  const node = (r: TreeResult, id: string) => all(r).find((n) => n.node.id === id);
  const kpiIn = (r: TreeResult, id: string) => all(r).flatMap((n) => n.kpis).find((k) => k.kpi.id === id)!;
  const result = evaluate(actuals);
  const byId = (id: string) => kpiIn(result, id);

  it('scores each KPI with its status', () => {
    expect(byId('dso')).toMatchObject({ actual: 50, achievement: 0.9, status: 'GREEN', source: 'actual' });
    expect(byId('payroll')).toMatchObject({ achievement: 1, status: 'GREEN' });
    expect(byId('csat').achievement).toBeCloseTo(0.75, 12);
    expect(byId('csat').status).toBe('AMBER');
    expect(byId('tat')).toMatchObject({ achievement: 1.2, status: 'GREEN' });
    expect(byId('ftr')).toMatchObject({ achievement: 0.5, status: 'RED' });
    expect(byId('inps')).toMatchObject({ actual: null, achievement: null, status: null, source: null, contribution: null });
  });

  it('rolls up per perspective and overall, leaving blanks out', () => {
    expect(node(result, 'co/financial')!.score).toBeCloseTo(0.975, 12);
    expect(node(result, 'co/customer')!.score).toBeCloseTo(0.75, 12);
    expect(node(result, 'co/internal-process')!.score).toBeCloseTo(0.85, 12);
    expect(node(result, 'co/learning-growth')).toBeUndefined(); // no KPI, no node
    expect(result.score).toBeCloseTo(0.87, 12);
  });

  it('gives each KPI its contribution to the overall', () => {
    // dso 0.9 × 1/4 × 0.4 = 0.09; payroll 1 × 3/4 × 0.4 = 0.3; csat 0.75 × 0.3 = 0.225; tat 1.2 × ½ × 0.3 = 0.18;
    // ftr 0.5 × ½ × 0.3 = 0.075; they add up to 0.87.
    expect(byId('dso').contribution).toBeCloseTo(0.09, 12);
    expect(byId('payroll').contribution).toBeCloseTo(0.3, 12);
    expect(byId('csat').contribution).toBeCloseTo(0.225, 12);
    expect(byId('tat').contribution).toBeCloseTo(0.18, 12);
    expect(byId('ftr').contribution).toBeCloseTo(0.075, 12);
    const own = result.children.filter((c) => c.node.kind === 'perspective').flatMap((c) => c.kpis);
    expect(own.reduce((sum, r) => sum + (r.contribution ?? 0), 0)).toBeCloseTo(result.score!, 12);
    expect(node(result, 'ops')!.contribution).toBe(0); // a cascaded scorecard weighs 0 in the overall
  });

  it('renormalises the perspective weights when a perspective has no score', () => {
    // Without csat the customer perspective is blank: (0.4 × 0.975 + 0.3 × 0.85) ÷ 0.7 = 0.9214…
    expect(evaluate({ ...actuals, csat: null }).score).toBeCloseTo(0.645 / 0.7, 12);
  });

  it('gives the pillar balance', () => {
    // speed: tat 1.2; accuracy: payroll 1 and ftr 0.5 → 0.75; satisfaction: csat 0.75 (inps blank).
    expect(result.pillars.speed).toBe(1.2);
    expect(result.pillars.accuracy).toBeCloseTo(0.75, 12);
    expect(result.pillars.satisfaction).toBeCloseTo(0.75, 12);
    expect(evaluate({}).pillars).toEqual({ speed: null, accuracy: null, satisfaction: null });
  });

  it('evaluates children recursively', () => {
    expect(node(result, 'ops')!.score).toBeCloseTo(0.9, 12);
    // Ana: closed 120 vs 100 → 1.2; errors 0.02 vs 0.02 → 1; both internal-process, weight 1 each → 1.1.
    expect(node(result, 'ana')!.score).toBeCloseTo(1.1, 12);
  });

  it('is blank overall with no actuals', () => {
    const empty = evaluate({});
    expect(empty.score).toBeNull();
    expect(all(empty).every((n) => n.score === null)).toBe(true);
  });

  it('rolls children up into the parent KPI they cascade from, when asked', () => {
    const withoutTat = { ...actuals, tat: null };
    // Without roll-up tat is blank: internal-process = ftr 0.5 → overall 0.39 + 0.225 + 0.15 = 0.765.
    expect(evaluate(withoutTat).score).toBeCloseTo(0.765, 12);
    // With roll-up tat takes ops' overall 0.9: internal-process (0.9 × 2 + 0.5 × 2) ÷ 4 = 0.7 → 0.39 + 0.225 + 0.21.
    const rolled = evaluate(withoutTat, { rollUpChildren: true });
    expect(kpiIn(rolled, 'tat')).toMatchObject({ actual: null, source: 'children', status: 'GREEN' });
    expect(kpiIn(rolled, 'tat').achievement).toBeCloseTo(0.9, 12);
    expect(rolled.score).toBeCloseTo(0.825, 12);
    // A KPI's own actual wins over its children: fcr keeps 0.9 although Ana cascades from it.
    expect(kpiIn(rolled, 'fcr')).toMatchObject({ source: 'actual' });
    expect(kpiIn(rolled, 'fcr').achievement).toBeCloseTo(0.9, 12);
  });

  it('compares with previous values and raises gaming alerts', () => {
    const withPrevious = evaluate(actuals, { previous: { tat: 6, ftr: 0.6 } });
    expect(byId('tat').change).toBeNull();
    expect(kpiIn(withPrevious, 'tat')).toMatchObject({ previous: 6, change: -2 });
    expect(withPrevious.alerts.map((alert) => alert.kpiId)).toEqual(['tat']);
    expect(result.alerts).toEqual([]);
  });

  it('rejects bad actuals with exact messages', () => {
    expect(() => evaluate({ ...actuals, dso: -1 })).toThrow('evaluateTree: KPI "dso": actuals.dso must not be negative when lower is better');
    expect(() => evaluate({ ...actuals, csat: 'x' as unknown as number })).toThrow('evaluateTree: actuals.csat must be a number, not "x"');
    expect(() => evaluate(actuals, { previous: { ftr: NaN } })).toThrow('evaluateTree: previous.ftr must be a number, not NaN');
  });
});

/** The gaming alerts of every scorecard in the migrated tree, root first, as evaluateTree reports them with `previous`. */
const alertsOf = (card: PerspectiveScorecard, current: KpiValues, previous: KpiValues): GamingAlert[] => {
  const all = (r: TreeResult): TreeResult[] => [r, ...r.children.flatMap(all)];
  return all(evaluateTree(treeOfScorecard(card), current, { previous })).flatMap((r) => r.alerts);
};

describe('gaming alerts', () => {
  it('flags a speed KPI that improved while its guard worsened', () => {
    // tat (lower is better) 6 → 4 improved; ftr (higher is better) 0.6 → 0.45 worsened.
    const [alert, ...rest] = alertsOf(company, actuals, { tat: 6, ftr: 0.6 });
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({
      code: 'SPEED_UP_QUALITY_DOWN',
      scorecardId: 'co',
      kpiId: 'tat',
      guardId: 'ftr',
      kpiPrevious: 6,
      kpiCurrent: 4,
      kpiChange: -2,
      guardPrevious: 0.6,
      guardCurrent: 0.45,
      message: 'Speed KPI "Mean TAT" (hours) improved from 6 to 4 while its guard "First-time right" (ratio) worsened from 0.6 to 0.45.',
    });
    expect(alert.guardChange).toBeCloseTo(-0.15, 12);
  });

  it('flags a volume KPI in a child scorecard, with a lower-is-better guard', () => {
    // Ana closed 100 → 120 (better) while her error rate rose 0.01 → 0.02 (worse).
    expect(alertsOf(company, actuals, { 'ana-closed': 100, 'ana-errors': 0.01 })).toMatchObject([
      { code: 'VOLUME_UP_QUALITY_DOWN', scorecardId: 'ana', kpiId: 'ana-closed', guardId: 'ana-errors', kpiChange: 20 },
    ]);
  });

  it('stays quiet when the KPI did not improve, the guard did not worsen, or a value is blank', () => {
    expect(alertsOf(company, actuals, { tat: 4, ftr: 0.6 })).toEqual([]);
    expect(alertsOf(company, actuals, { tat: 3, ftr: 0.6 })).toEqual([]);
    expect(alertsOf(company, actuals, { tat: 6, ftr: 0.45 })).toEqual([]);
    expect(alertsOf(company, actuals, { tat: 6, ftr: 0.4 })).toEqual([]);
    expect(alertsOf(company, { ...actuals, ftr: null }, { tat: 6, ftr: 0.6 })).toEqual([]);
    expect(alertsOf(company, actuals, {})).toEqual([]);
  });

  it('only watches speed and volume KPIs', () => {
    const input = structuredClone(companyInput);
    input.kpis[4].pillar = 'accuracy';
    expect(alertsOf(PerspectiveScorecardSchema.parse(input), actuals, { tat: 6, ftr: 0.6 })).toEqual([]);
  });

  it('rejects a value that is not a number', () => {
    expect(() => alertsOf(company, { ...actuals, tat: 'fast' as unknown as number }, { tat: 6, ftr: 0.6 })).toThrow(
      'evaluateTree: actuals.tat must be a number, not "fast"',
    );
  });
});

describe('aggregatePeriod', () => {
  // Rows out of time order on purpose. 2024-12-30 is the Monday of ISO week 2025-W01; 2025-03-03 is a Monday
  // (week 10), 2025-03-09 its Sunday, 2025-03-10 starts week 11, 2025-03-31 and 2025-04-01 are in week 14.
  const values = [
    { at: t('2025-03-31T12:00:00Z'), value: 1 },
    { at: t('2025-03-03T10:00:00Z'), value: 5 },
    { at: t('2025-03-09T23:00:00Z'), value: 7 },
    { at: t('2025-03-10T01:00:00Z'), value: 4 },
    { at: t('2025-04-01T00:00:00Z'), value: 2 },
    { at: t('2024-12-30T08:00:00Z'), value: 3 },
  ];

  it('sums per month, sorted by key', () => {
    expect(aggregatePeriod(values, 'month', 'sum')).toEqual([
      { key: '2024-12', value: 3, count: 1 },
      { key: '2025-03', value: 17, count: 4 },
      { key: '2025-04', value: 2, count: 1 },
    ]);
  });

  it('buckets by ISO week, quarter, year and day', () => {
    expect(aggregatePeriod(values, 'week', 'sum').map(({ key, value }) => [key, value])).toEqual([
      ['2025-W01', 3],
      ['2025-W10', 12],
      ['2025-W11', 4],
      ['2025-W14', 3],
    ]);
    expect(aggregatePeriod(values, 'quarter', 'mean').map(({ key, value }) => [key, value])).toEqual([
      ['2024-Q4', 3],
      ['2025-Q1', 4.25],
      ['2025-Q2', 2],
    ]);
    expect(aggregatePeriod(values, 'year', 'sum').map(({ key, value }) => [key, value])).toEqual([
      ['2024', 3],
      ['2025', 19],
    ]);
    expect(aggregatePeriod(values, 'day', 'sum')[2]).toEqual({ key: '2025-03-09', value: 7, count: 1 });
  });

  it('takes the latest value with last, whatever the row order', () => {
    expect(aggregatePeriod(values, 'month', 'last')[1]).toEqual({ key: '2025-03', value: 1, count: 4 });
    const tie = [{ at: 5, value: 1 }, { at: 5, value: 2 }];
    expect(aggregatePeriod(tie, 'day', 'last')).toEqual([{ key: '1970-01-01', value: 2, count: 2 }]);
  });

  it('follows a local offset when given', () => {
    // At UTC+7, Sunday 23:00 UTC is Monday 06:00 local: 7 moves from week 10 to week 11.
    const weeks = aggregatePeriod(values, 'week', 'sum', () => 420);
    expect(weeks.find((b) => b.key === '2025-W10')!.value).toBe(5);
    expect(weeks.find((b) => b.key === '2025-W11')!.value).toBe(11);
  });

  it('gives no buckets for no values', () => {
    expect(aggregatePeriod([], 'month', 'sum')).toEqual([]);
  });

  it('rejects bad input with exact messages', () => {
    expect(() => loose(aggregatePeriod)(values, 'fortnight', 'sum')).toThrow(
      'aggregatePeriod: period must be day, week, month, quarter, year or ytd, not "fortnight"',
    );
    // min, max and average are aggregations; median is not.
    expect(() => loose(aggregatePeriod)(values, 'month', 'median')).toThrow('aggregatePeriod: how must be sum, mean, average, last, min or max, not "median"');
    expect(() => loose(aggregatePeriod)([{ at: 1, value: 1 }, { at: 2, value: 'x' }], 'month', 'sum')).toThrow(
      'aggregatePeriod: values.value row 2: "x" is not a number',
    );
    expect(() => loose(aggregatePeriod)([{ value: 1 }], 'month', 'sum')).toThrow('aggregatePeriod: values.at row 1: blank is not a number');
  });
});
