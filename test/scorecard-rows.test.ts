/** Flat rows (a sheet, a JSON import) → objective tree, with errors naming the row, id and column. */
import { describe, expect, it } from 'vitest';
import { evaluateTree, treeFromRows, type ScorecardRow } from '../core/scorecard';
import { kpiRow as anyKpiRow } from './helpers/scorecard-builders';

/** Every KPI of these rows is owned by Lan. */
const kpiRow = (id: string, parent: string, fields: Record<string, unknown> = {}): ScorecardRow => anyKpiRow(id, parent, { owner: 'Lan', ...fields });
const rows = (): ScorecardRow[] => [
  { id: 'co', kind: 'scorecard', name: 'Shared services', level: 'company' },
  { id: 'fin', parent: 'co', kind: 'perspective', name: 'Financial', weight: '2' },
  kpiRow('dso', 'fin', { direction: 'lower', target: '45', method: 'progress', baseline: 60 }),
  { id: 'proc', parent: 'co', kind: 'perspective', name: 'Process', method: 'min' },
  kpiRow('incidents', 'proc', { direction: 'lower', target: 0, method: 'goal-red-flag', redFlag: '3' }),
  kpiRow('band', 'proc', { target: 100, method: 'bands', bands: '0; 50; 80; 100' }),
  { id: 'ana', parent: 'co', kind: 'scorecard', level: 'person', weight: 0, payBase: 1000, paySteps: '0.8:0.5; 1:1' },
  kpiRow('closed', 'ana', { target: 100, weight: '' }),
];

describe('treeFromRows', () => {
  it('builds the tree in row order, reading numbers, lists and pay from their columns', () => {
    const tree = treeFromRows(rows(), 'zero');
    expect(tree.missing).toBe('zero');
    expect(tree.root.children.map((c) => [c.id, c.kind, c.weight])).toEqual([['fin', 'perspective', 2], ['proc', 'perspective', 1], ['ana', 'scorecard', 0]]);
    expect(tree.root.children[0].kpis[0]).toMatchObject({ id: 'dso', name: 'dso', target: 45, scoring: { method: 'progress', baseline: 60, clamp: true } });
    expect(tree.root.children[1].kpis[1].scoring).toEqual({ method: 'bands', bands: [0, 50, 80, 100] });
    expect(tree.root.children[2].pay).toEqual({ base: 1000, steps: [[0.8, 0.5], [1, 1]] });
    const result = evaluateTree(tree, { dso: 51, incidents: 1, band: 65, closed: 90 });
    // fin 0.6 (weight 2); proc min(5/9, 0.5) = 0.5; ana weight 0 → (2 × 0.6 + 0.5) ÷ 3
    expect(result.score).toBeCloseTo(1.7 / 3, 12);
    expect(result.children[2].payout).toBe(500);
  });

  it('reads numbers and clamp yes/no given as text (a CSV import)', () => {
    const tree = treeFromRows([...rows(), kpiRow('past', 'proc', { direction: 'lower', target: '50', method: 'progress', baseline: ' 100 ', clamp: 'FALSE', weight: '0' })]);
    expect(tree.root.children[1].kpis[2]).toMatchObject({ target: 50, weight: 0, scoring: { method: 'progress', baseline: 100, clamp: false } });
    expect(evaluateTree(tree, { past: 25 }).children[1].kpis[2].achievement).toBe(1.5);
  });

  it('C1: names the chain of ids of a cycle in the cascade', () => {
    const cyclic = [...rows(), { id: 'a', parent: 'c', kind: 'objective' } as ScorecardRow, { id: 'b', parent: 'a', kind: 'objective' } as ScorecardRow, { id: 'c', parent: 'b', kind: 'objective' } as ScorecardRow];
    expect(() => treeFromRows(cyclic)).toThrow('treeFromRows: row 9 ("a"), parent: the parents form a cycle: a → c → b → a');
    expect(() => treeFromRows([...rows(), { id: 'self', parent: 'self', kind: 'objective' }])).toThrow('row 9 ("self"), parent: the parents form a cycle: self → self');
  });

  it('names the row and column of an unknown parent, a KPI as parent, an id twice, no top or two', () => {
    expect(() => treeFromRows([...rows(), kpiRow('x', 'nowhere')])).toThrow('treeFromRows: row 9 ("x"), parent: parent "nowhere" is not the id of any row');
    expect(() => treeFromRows([...rows(), kpiRow('x', 'dso')])).toThrow('row 9 ("x"), parent: parent "dso" is a KPI; KPIs hold no rows');
    expect(() => treeFromRows([...rows(), kpiRow('dso', 'fin')])).toThrow('row 9 ("dso"), id: id "dso" is also row 3\'s');
    expect(() => treeFromRows([...rows(), { id: 'top2', kind: 'scorecard' }])).toThrow('row 9 ("top2"), parent: only the top scorecard has a blank parent, and row 1 is already the top');
    expect(() => treeFromRows([])).toThrow('treeFromRows: row 0, parent: no row is the top scorecard (a row with a blank parent)');
  });

  it('names the row, KPI and column of what the schema rejects', () => {
    const change = (id: string, fields: Record<string, unknown>) => rows().map((r) => (r.id === id ? { ...r, ...fields } : r));
    expect(() => treeFromRows(change('incidents', { redFlag: 0 }))).toThrow(
      'treeFromRows: row 5 ("incidents"), redFlag: KPI "incidents": scoring.redFlag must differ from target, the goal (both are 0): the scale has no width',
    );
    expect(() => treeFromRows(change('band', { bands: '0; 80; 50' }))).toThrow('row 6 ("band"), bands: KPI "band": scoring.bands must ascend: 50 is not greater than 80 before it');
    expect(() => treeFromRows(change('dso', { target: '' }))).toThrow('row 3 ("dso"), target: target is required');
    expect(() => treeFromRows(change('dso', { target: 'soon' }))).toThrow('row 3 ("dso"), target: target must be a number');
    expect(() => treeFromRows(change('fin', { weight: 0 }).map((r) => (r.id === 'proc' ? { ...r, weight: 0 } : r)))).toThrow(
      'row 1 ("co"), weight: scorecard "co": the weights of its KPIs and children are all 0, so weighted has nothing to weight',
    );
    expect(() => treeFromRows(change('ana', { paySteps: '1:1; 0.5:1' }))).toThrow('row 7 ("ana"), paySteps: pay: steps row 2: must ascend: 0.5 is not greater than 1 before it');
    expect(() => treeFromRows(change('dso', { method: 'performance', min: 5, max: 5, baseline: undefined }))).toThrow('row 3 ("dso"), max: KPI "dso": scoring.max (5) must be greater than scoring.min (5): the scale has no width');
    // Rows carrying their sheet line (a header above them) are named by it; a blank cell is a missing field.
    const sheetRows = change('dso', { unit: '' }).map((r, i) => ({ ...r, line: i + 2 }));
    expect(() => treeFromRows(sheetRows)).toThrow('treeFromRows: row 4 ("dso"), unit: unit is required');
  });
});
