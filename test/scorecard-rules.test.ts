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
import { issuesWithCodesOf, kpi, loose } from './helpers/scorecard-builders';

/**
 * A department scorecard, perspective weights 2 (customer) and 1 (internal-process), summing to 3, not 1:
 *   customer:          csat 0.72 vs 0.8 → 0.9 (weight 1)                                   → 0.9
 *   internal-process:  tat lower 5 vs 4 → 0.8 (weight 3); closed 110 vs 100 → 1.1 (weight 1) → (2.4 + 1.1) ÷ 4 = 0.875
 *   overall = (2 × 0.9 + 1 × 0.875) ÷ 3 = 2.675 ÷ 3.
 * Contributions: csat 0.9 × 1 × 2/3 = 0.6; tat 0.8 × ¾ × ⅓ = 0.2; closed 1.1 × ¼ × ⅓ = 0.091666…
 * The team child cascades from closed; the desk child cascades from closed too but has no actuals.
 */
const deptInput = {
  id: 'dept',
  name: 'Service desk',
  level: 'department',
  owner: 'Head of desk',
  perspectiveWeights: { customer: 2, 'internal-process': 1 },
  kpis: [
    kpi({ id: 'csat', perspective: 'customer', pillar: 'satisfaction', direction: 'higher', target: 0.8 }),
    kpi({ id: 'tat', name: 'Mean TAT', unit: 'hours', perspective: 'internal-process', pillar: 'speed', direction: 'lower', target: 4, weight: 3, guardedBy: 'fcr' }),
    kpi({ id: 'closed', name: 'Tickets closed', unit: 'tickets', perspective: 'internal-process', pillar: 'volume', direction: 'higher', target: 100, guardedBy: 'fcr' }),
    kpi({ id: 'fcr', name: 'First-contact resolution', unit: '%', perspective: 'internal-process', pillar: 'accuracy', direction: 'higher', target: 80, weight: 0 }),
  ],
  children: [
    {
      id: 'team',
      name: 'Team A',
      level: 'department',
      owner: 'Lead A',
      cascadesFrom: 'closed',
      kpis: [kpi({ id: 'team-closed', perspective: 'internal-process', pillar: 'volume', direction: 'higher', target: 50 })],
    },
    {
      id: 'desk',
      name: 'Night desk',
      level: 'person',
      owner: 'Bo',
      cascadesFrom: 'closed',
      kpis: [kpi({ id: 'desk-closed', perspective: 'internal-process', pillar: 'volume', direction: 'higher', target: 20 })],
    },
  ],
};
const dept = PerspectiveScorecardSchema.parse(deptInput);
const actuals = { csat: 0.72, tat: 5, closed: 110, fcr: 80, 'team-closed': 40 };

describe('a perspective scorecard as a tree, perspective weights that do not sum to 1', () => {
  const evaluate = (card: PerspectiveScorecard, values: KpiValues, options: TreeOptions = {}) => evaluateTree(treeOfScorecard(card), values, options);
  const all = (r: TreeResult): TreeResult[] => [r, ...r.children.flatMap(all)];
  const kpiIn = (r: TreeResult, id: string) => all(r).flatMap((n) => n.kpis).find((k) => k.kpi.id === id)!;

  it('gives contributions that add up to the overall', () => {
    const result = evaluate(dept, actuals);
    expect(result.score).toBeCloseTo(2.675 / 3, 12);
    const contribution = (id: string) => kpiIn(result, id).contribution;
    expect(contribution('csat')).toBeCloseTo(0.6, 12);
    expect(contribution('tat')).toBeCloseTo(0.2, 12);
    expect(contribution('closed')).toBeCloseTo(1.1 / 12, 12);
    // fcr is scored (achievement 1) but weighs 0 in its perspective.
    expect(contribution('fcr')).toBe(0);
    const own = ['csat', 'tat', 'closed', 'fcr'].map(contribution);
    expect(own.reduce((sum: number, c) => sum + (c ?? 0), 0)).toBeCloseTo(result.score!, 12);
  });

  it('rejects a scorecard whose perspectives with KPIs all weigh 0 (weights all 0), naming the field', () => {
    const zero = PerspectiveScorecardSchema.parse({ ...deptInput, perspectiveWeights: { customer: 0, 'internal-process': 0 }, children: [] });
    expect(() => treeOfScorecard(zero)).toThrow(
      'treeOfScorecard: scorecard "dept": root.weight: scorecard "dept": the weights of its KPIs and children are all 0, so weighted has nothing to weight',
    );
  });

  it('has no change for a KPI with a previous value but no actual', () => {
    const result = evaluate(dept, { ...actuals, csat: null }, { previous: { csat: 0.7, tat: 6 } });
    expect(kpiIn(result, 'csat')).toMatchObject({ actual: null, previous: 0.7, change: null, contribution: null });
    expect(kpiIn(result, 'tat')).toMatchObject({ previous: 6, change: -1 });
  });

  it('rolls up only the children that have an overall score', () => {
    const rolled = evaluate(dept, { ...actuals, closed: null }, { rollUpChildren: true });
    // team 40 vs 50 → 0.8; the night desk has no actuals and is left out of the mean (not counted as 0).
    expect(['team', 'desk'].map((id) => all(rolled).find((n) => n.node.id === id)!.score)).toEqual([0.8, null]);
    const closed = kpiIn(rolled, 'closed');
    expect(closed.source).toBe('children');
    expect(closed.achievement).toBeCloseTo(0.8, 12);
    // With no child scored, the KPI stays blank.
    const none = evaluate(dept, { ...actuals, closed: null, 'team-closed': null }, { rollUpChildren: true });
    expect(kpiIn(none, 'closed')).toMatchObject({ achievement: null, source: null, status: null });
  });
});

/** The gaming alerts of every scorecard in the migrated tree, root first, as evaluateTree reports them with `previous`. */
const alertsOf = (card: PerspectiveScorecard, current: KpiValues, previous: KpiValues): GamingAlert[] => {
  const all = (r: TreeResult): TreeResult[] => [r, ...r.children.flatMap(all)];
  return all(evaluateTree(treeOfScorecard(card), current, { previous })).flatMap((r) => r.alerts);
};

describe('gaming alerts: what counts and how it reads', () => {
  it('writes a volume alert with the KPI and guard names and units', () => {
    const [alert, ...rest] = alertsOf(dept, actuals, { closed: 90, fcr: 85, tat: 5 });
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({
      code: 'VOLUME_UP_QUALITY_DOWN',
      kpiId: 'closed',
      guardId: 'fcr',
      message: 'Volume KPI "Tickets closed" (tickets) improved from 90 to 110 while its guard "First-contact resolution" (%) worsened from 85 to 80.',
    });
    expect(alertsOf(dept, actuals, { tat: 6, fcr: 85 })[0].message).toBe(
      'Speed KPI "Mean TAT" (hours) improved from 6 to 5 while its guard "First-contact resolution" (%) worsened from 85 to 80.',
    );
  });

  it('raises nothing when any of the four values is missing', () => {
    expect(alertsOf(dept, actuals, { tat: 6 })).toEqual([]); // guard has no previous value
    expect(alertsOf(dept, actuals, { fcr: 85 })).toEqual([]); // KPIs have no previous value
    expect(alertsOf(dept, { ...actuals, tat: null, closed: null }, { tat: 6, closed: 90, fcr: 85 })).toEqual([]);
    expect(alertsOf(dept, { ...actuals, fcr: null }, { tat: 6, closed: 90, fcr: 85 })).toEqual([]);
  });

  it('raises nothing for a lower-is-better guard without a previous value (a blank is not 0)', () => {
    const person = PerspectiveScorecardSchema.parse({
      id: 'bo',
      name: 'Bo',
      level: 'person',
      owner: 'Bo',
      kpis: [
        kpi({ id: 'bo-closed', perspective: 'internal-process', pillar: 'volume', direction: 'higher', target: 100, guardedBy: 'bo-errors' }),
        kpi({ id: 'bo-errors', perspective: 'internal-process', pillar: 'accuracy', direction: 'lower', target: 0.02 }),
      ],
    });
    const current = { 'bo-closed': 120, 'bo-errors': 0.05 };
    expect(alertsOf(person, current, { 'bo-closed': 100 })).toEqual([]);
    expect(alertsOf(person, current, { 'bo-closed': 100, 'bo-errors': 0.01 })).toMatchObject([{ code: 'VOLUME_UP_QUALITY_DOWN', guardChange: 0.04 }]);
  });

  it('names the record and the KPI of a value that is not a number', () => {
    expect(() => alertsOf(dept, actuals, { tat: 'x' as unknown as number })).toThrow('evaluateTree: previous.tat must be a number, not "x"');
    expect(() => alertsOf(dept, { ...actuals, fcr: 'y' as unknown as number }, { tat: 6 })).toThrow('evaluateTree: actuals.fcr must be a number, not "y"');
    expect(() => alertsOf(dept, actuals, { tat: 6, fcr: 'z' as unknown as number })).toThrow('evaluateTree: previous.fcr must be a number, not "z"');
  });
});

describe('scorecard schema messages', () => {
  const valid = kpi({ id: 'tat', perspective: 'internal-process', pillar: 'speed', direction: 'lower', target: 8 });

  it('says whether a field is missing or of the wrong type', () => {
    expect(issuesWithCodesOf(KpiDefinitionSchema, { ...valid, name: 5 })).toEqual(['name: name must be text (invalid_type)']);
    expect(issuesWithCodesOf(KpiDefinitionSchema, { ...valid, name: undefined })).toEqual(['name: name is required (invalid_type)']);
    expect(issuesWithCodesOf(KpiDefinitionSchema, { ...valid, target: undefined })).toEqual(['target: target is required (invalid_type)']);
    expect(issuesWithCodesOf(KpiDefinitionSchema, { ...valid, weight: null })).toEqual(['weight: weight must be a number (invalid_type)']);
  });

  it('refuses amber equal to red, a cap equal to the floor and a KPI guarding itself, as custom issues', () => {
    expect(issuesWithCodesOf(KpiDefinitionSchema, { ...valid, amber: 0.7, red: 0.7 })).toEqual(['amber: amber (0.7) must be greater than red (0.7) (custom)']);
    expect(issuesWithCodesOf(KpiDefinitionSchema, { ...valid, floor: 1, cap: 1 })).toEqual(['cap: cap (1) must be greater than floor (1) (custom)']);
    expect(issuesWithCodesOf(KpiDefinitionSchema, { ...valid, guardedBy: 'tat' })).toEqual(['guardedBy: KPI "tat" cannot guard itself (custom)']);
    expect(KpiDefinitionSchema.parse({ ...valid, amber: 0.71, red: 0.7 }).amber).toBe(0.71);
  });

  it('accepts children without cascadesFrom and at the same level; reports tree errors as custom issues', () => {
    const child = { id: 'c', name: 'C', level: 'department', owner: 'o' };
    expect(issuesWithCodesOf(PerspectiveScorecardSchema, { ...deptInput, children: [child] })).toEqual([]);
    const bad = structuredClone(deptInput);
    bad.kpis[1].guardedBy = 'nope';
    bad.children[0].cascadesFrom = 'nope';
    bad.children[1].level = 'company';
    bad.children[1].kpis[0].id = 'csat';
    bad.perspectiveWeights = { customer: 1 } as typeof bad.perspectiveWeights;
    expect(issuesWithCodesOf(PerspectiveScorecardSchema, bad)).toEqual([
      'kpis.1.guardedBy: guardedBy "nope" is not a KPI of scorecard "dept" (custom)',
      'perspectiveWeights: perspectiveWeights has no weight for "internal-process", which has KPIs (custom)',
      'children.0.cascadesFrom: cascadesFrom "nope" is not a KPI of the parent scorecard "dept" (custom)',
      'children.1.level: a company scorecard cannot sit under a department scorecard (custom)',
      'children.1.kpis.0.id: KPI id "csat" is used twice (custom)',
    ]);
  });
});

describe('scoring and aggregation functions name their arguments', () => {
  it('achievementOfActual, statusOfAchievement and statusOfActual', () => {
    expect(() => loose(achievementOfActual)(1, 1, 'higher', 0, 'x')).toThrow('KPI_SCORE: cap must be a number, not "x"');
    expect(() => loose(statusOfAchievement)(1, 'x')).toThrow('KPI_STATUS: amber must be a number, not "x"');
    expect(() => loose(statusOfAchievement)(1, 0.9, 'y')).toThrow('KPI_STATUS: red must be a number, not "y"');
    expect(() => statusOfActual(1, 1, 'higher', 0.5, 0.7)).toThrow('KPI_STATUS: green_from must be greater than red_below');
    expect(() => loose(statusOfActual)(1, 1, 'higher', 'g')).toThrow('KPI_STATUS: green_from must be a number, not "g"');
    expect(() => loose(statusOfActual)(1, 1, 'higher', 1, 'r')).toThrow('KPI_STATUS: red_below must be a number, not "r"');
  });

  it('counts an achievement within 1e-9 below a threshold as reaching it', () => {
    // The defaults are GREEN from 1 (the target is met) and RED below 0.9.
    expect(statusOfAchievement(1 - 1e-9)).toBe('GREEN');
    expect(statusOfAchievement(0.9 - 1e-9)).toBe('AMBER');
    expect(statusOfAchievement(1 - 1e-8)).toBe('AMBER');
    expect(statusOfAchievement(0.9 - 1e-8)).toBe('RED');
    expect(statusOfAchievement(0.9 - 1e-9, 0.9, 0.7)).toBe('GREEN');
    expect(statusOfAchievement(0.7 - 1e-9, 0.9, 0.7)).toBe('AMBER');
  });

  it('weightedScore and aggregatePeriod', () => {
    expect(() => loose(weightedScore)('x', [])).toThrow('SCORECARD: scores must be a list, not "x"');
    expect(() => loose(weightedScore)([], 'y')).toThrow('SCORECARD: weights must be a list, not "y"');
    expect(() => loose(aggregatePeriod)('z', 'month', 'sum')).toThrow('aggregatePeriod: values must be a list, not "z"');
  });
});
