/**
 * Flat rows → objective tree: what each error carries for adapters that word it themselves (row, id, column, code,
 * values), and how each kind of cell is read (numbers as text, clamp yes/no, lists, pay steps, status thresholds).
 */
import { describe, expect, it } from 'vitest';
import { ScorecardRowsError, treeFromRows, type ScorecardRow } from '../core';
import { kpiRow } from './helpers/scorecard-builders';

const TOP: ScorecardRow = { id: 'co', kind: 'scorecard' };
const base = (...more: ScorecardRow[]): ScorecardRow[] => [TOP, { id: 'ops', parent: 'co', kind: 'perspective' }, kpiRow('k', 'ops'), ...more];
const withKpi = (fields: Record<string, unknown>): ScorecardRow[] => base().map((row) => (row.id === 'k' ? { ...row, ...fields } : row));

/** The error treeFromRows throws, with the fields an adapter reads. */
function rowsError(rows: readonly ScorecardRow[], missing?: Parameters<typeof treeFromRows>[1]) {
  try {
    treeFromRows(rows, missing);
  } catch (error) {
    expect(error).toBeInstanceOf(ScorecardRowsError);
    const { row, id, field, code, values, message, name } = error as ScorecardRowsError;
    return { row, id, field, code, values, message, name };
  }
  throw new Error('treeFromRows accepted the rows');
}

describe('treeFromRows errors: row, id, column, code and values', () => {
  it('names a bad missing policy as row 0, column missing', () => {
    expect(rowsError(base(), 'sometimes' as never)).toEqual({
      row: 0, id: undefined, field: 'missing', code: 'INVALID', values: {}, name: 'ScorecardRowsError',
      message: 'treeFromRows: row 0, missing: must be ignore, zero, carry-forward, strict, not sometimes',
    });
  });

  it('REQUIRED: a blank id, by its line', () => {
    expect(rowsError([...base(), kpiRow('  ', 'ops')])).toMatchObject({ row: 4, id: '  ', field: 'id', code: 'REQUIRED', values: {}, message: 'treeFromRows: row 4 ("  "), id: id is required' });
    expect(rowsError([...base(), { ...kpiRow('', 'ops'), line: 12 }])).toMatchObject({ row: 12, field: 'id', code: 'REQUIRED' });
  });

  it('REQUIRED for a blank id comes before the checks of later rows', () => {
    expect(rowsError(base(kpiRow('  ', 'ops'), kpiRow('x', 'nowhere')))).toMatchObject({ row: 4, field: 'id', code: 'REQUIRED' });
  });

  it('ID_TWICE: the other row by its line', () => {
    const rows = base(kpiRow('k', 'ops')).map((row, index) => ({ ...row, line: index + 10 }));
    expect(rowsError(rows)).toMatchObject({ row: 13, id: 'k', field: 'id', code: 'ID_TWICE', values: { other: 12 }, message: 'treeFromRows: row 13 ("k"), id: id "k" is also row 12\'s' });
  });

  it('NO_TOP: row 0 for no rows, else the first row by its line', () => {
    expect(rowsError([])).toMatchObject({ row: 0, id: undefined, field: 'parent', code: 'NO_TOP', values: {} });
    expect(rowsError([{ id: 'a', parent: 'b', kind: 'scorecard', line: 7 }, { id: 'b', parent: 'a', kind: 'scorecard', line: 8 }])).toMatchObject({ row: 7, id: undefined, field: 'parent', code: 'NO_TOP' });
  });

  it('TWO_TOPS: the second top, naming the first', () => {
    expect(rowsError(base({ id: 'other', kind: 'scorecard', parent: '  ' }))).toMatchObject({ row: 4, id: 'other', field: 'parent', code: 'TWO_TOPS', values: { top: 1 } });
    expect(rowsError(base({ id: 'other', kind: 'scorecard', parent: null }))).toMatchObject({ code: 'TWO_TOPS' });
  });

  it('UNKNOWN_PARENT and KPI_AS_PARENT name the parent', () => {
    expect(rowsError(base(kpiRow('x', 'nowhere')))).toMatchObject({ row: 4, id: 'x', field: 'parent', code: 'UNKNOWN_PARENT', values: { parent: 'nowhere' } });
    expect(rowsError(base(kpiRow('x', 'k')))).toMatchObject({ row: 4, id: 'x', field: 'parent', code: 'KPI_AS_PARENT', values: { parent: 'k' } });
  });

  it('CYCLE: named from the first row of the cycle, even after a row hanging from it', () => {
    const rows = base({ id: 'x', parent: 'a', kind: 'objective' }, { id: 'a', parent: 'b', kind: 'objective' }, { id: 'b', parent: 'a', kind: 'objective' });
    expect(rowsError(rows)).toMatchObject({ row: 5, id: 'a', field: 'parent', code: 'CYCLE', values: { chain: 'a → b → a' }, message: 'treeFromRows: row 5 ("a"), parent: the parents form a cycle: a → b → a' });
  });

  it('ZERO_WIDTH_SCALE: the value as typed and the column at the other end', () => {
    expect(rowsError(withKpi({ direction: 'lower', target: 0, method: 'goal-red-flag', redFlag: ' 0 ' }))).toMatchObject({ row: 3, id: 'k', field: 'redFlag', code: 'ZERO_WIDTH_SCALE', values: { value: '0', other: 'target' } });
    expect(rowsError(withKpi({ target: 5, method: 'progress', baseline: '5' }))).toMatchObject({ field: 'baseline', code: 'ZERO_WIDTH_SCALE', values: { value: '5', other: 'target' } });
    expect(rowsError(withKpi({ target: 5, method: 'performance', min: 3, max: '3' }))).toMatchObject({ field: 'max', code: 'ZERO_WIDTH_SCALE', values: { value: '3', other: 'min' } });
  });

  it('an empty band between separators is not a number, not a band at 0', () => {
    expect(rowsError(withKpi({ method: 'bands', bands: '0; ;50' }))).toMatchObject({ field: 'bands', code: 'INVALID', message: 'treeFromRows: row 3 ("k"), bands: scoring.bands must be a number' });
    expect(rowsError(withKpi({ method: 'bands', bands: '0;;50' }))).toMatchObject({ field: 'bands', code: 'INVALID' });
  });

  it('clamp is yes/no only when it is exactly true or false', () => {
    expect(rowsError(withKpi({ method: 'progress', baseline: 0, clamp: 'untrue' }))).toMatchObject({ field: 'clamp', code: 'INVALID' });
    expect(rowsError(withKpi({ method: 'progress', baseline: 0, clamp: 'falsehood' }))).toMatchObject({ field: 'clamp', code: 'INVALID' });
  });

  it('UNORDERED_BANDS: the band and the one before it, from text or a list', () => {
    expect(rowsError(withKpi({ method: 'bands', bands: '0; 80 ,50' }))).toMatchObject({ field: 'bands', code: 'UNORDERED_BANDS', values: { value: '50', before: '80' } });
    expect(rowsError(withKpi({ method: 'bands', bands: [0, 70, 60, 100] }))).toMatchObject({ field: 'bands', code: 'UNORDERED_BANDS', values: { value: '60', before: '70' } });
  });

  it('UNORDERED_BANDS past the tenth boundary', () => {
    const bands = '0; 1; 2; 3; 4; 5; 6; 7; 8; 9; 10; 12; 11';
    expect(rowsError(withKpi({ method: 'bands', bands }))).toMatchObject({ field: 'bands', code: 'UNORDERED_BANDS', values: { value: '11', before: '12' } });
  });

  it('WEIGHTS_ALL_ZERO: the container whose weights are all 0', () => {
    expect(rowsError(withKpi({ weight: '0' }))).toMatchObject({ row: 2, id: 'ops', field: 'weight', code: 'WEIGHTS_ALL_ZERO', values: { node: 'ops' } });
  });

  it('REQUIRED for a blank cell a field needs, INVALID for a bad one and for every other check', () => {
    expect(rowsError(withKpi({ direction: ' ' }))).toMatchObject({ field: 'direction', code: 'REQUIRED', values: {} });
    expect(rowsError(withKpi({ direction: 'sideways' }))).toMatchObject({ field: 'direction', code: 'INVALID', values: {} });
    expect(rowsError(withKpi({ amber: 0.5, red: 0.6 }))).toMatchObject({ field: 'amber', code: 'INVALID', values: {}, message: 'treeFromRows: row 3 ("k"), amber: amber (0.5) must be greater than red (0.6)' });
    expect(rowsError(withKpi({ target: 5, direction: 'higher', method: 'progress', baseline: 9 }))).toMatchObject({ field: 'direction', code: 'INVALID' });
    expect(rowsError(withKpi({ method: 'bands', bands: 'a; 50' }))).toMatchObject({ field: 'bands', code: 'INVALID' });
  });

  it('names the row column a tree field comes from: method, greenFrom, redBelow, status, pay columns, parent, kind', () => {
    expect(rowsError(withKpi({ method: 'fancy' }))).toMatchObject({ row: 3, field: 'method' });
    expect(rowsError(withKpi({ method: 'ratio', greenFrom: 'high' }))).toMatchObject({ row: 3, field: 'greenFrom', code: 'INVALID' });
    expect(rowsError(withKpi({ method: 'ratio', redBelow: 'low' }))).toMatchObject({ row: 3, field: 'redBelow', code: 'INVALID' });
    expect(rowsError(withKpi({ method: 'ratio', status: 'vibes' }))).toMatchObject({ row: 3, field: 'status' });
    expect(rowsError(withKpi({ method: 'progress', baseline: 0, clamp: 'maybe' }))).toMatchObject({ row: 3, field: 'clamp', code: 'INVALID' });
    const person = (fields: Record<string, unknown>) => base({ id: 'ana', parent: 'co', kind: 'scorecard', ...fields }, kpiRow('a1', 'ana'));
    expect(rowsError(person({ payBase: -1 }))).toMatchObject({ row: 4, id: 'ana', field: 'payBase' });
    expect(rowsError(person({ payBase: 1, payGate: -1 }))).toMatchObject({ row: 4, field: 'payGate' });
    expect(rowsError(person({ payBase: 1, payCap: 0 }))).toMatchObject({ row: 4, field: 'payCap' });
    expect(rowsError(person({ payBase: 1, paySteps: '1:1; 0.5:1' }))).toMatchObject({ row: 4, field: 'paySteps' });
    expect(rowsError(person({ payBase: 1, paySteps: '0.8:abc' }))).toMatchObject({ row: 4, field: 'paySteps', code: 'INVALID' });
    expect(rowsError(base({ id: 'empty', parent: 'co', kind: 'objective' }))).toMatchObject({
      row: 4, id: 'empty', field: 'parent', code: 'INVALID', values: {}, message: 'treeFromRows: row 4 ("empty"), parent: objective "empty" has no KPI and no child to score',
    });
    expect(rowsError(base({ id: 'obj', parent: 'co', kind: 'objective' }, { id: 'per', parent: 'obj', kind: 'perspective' }, kpiRow('p1', 'per')))).toMatchObject({ row: 5, id: 'per', field: 'kind', code: 'INVALID', values: {} });
    expect(rowsError(base({ id: 'o', parent: 'ops', kind: 'objective', weight: 'heavy' }, kpiRow('o1', 'o')))).toMatchObject({ row: 4, id: 'o', field: 'weight', code: 'INVALID' });
  });
});

describe('ScorecardRowsError', () => {
  it('writes the row, then the id and the column when it has them', () => {
    expect(new ScorecardRowsError(3, 'k', 'target', 'target is required').message).toBe('treeFromRows: row 3 ("k"), target: target is required');
    expect(new ScorecardRowsError(3, 'k', undefined, 'bad').message).toBe('treeFromRows: row 3 ("k"): bad');
    expect(new ScorecardRowsError(0, undefined, undefined, 'bad').message).toBe('treeFromRows: row 0: bad');
    expect(new ScorecardRowsError(0, undefined, undefined, 'bad')).toMatchObject({ code: 'INVALID', values: {} });
  });
});

describe('treeFromRows cells', () => {
  it('reads numeric text of number columns as numbers and leaves other text trimmed as text', () => {
    const tree = treeFromRows(withKpi({ target: ' 12.5 ', weight: '3', amber: '0.8', red: '0.4', floor: '0.1', cap: '1.5', unit: ' 7 ', owner: ' Lan ', name: 'Closed' }));
    expect(tree.root.children[0].kpis[0]).toMatchObject({ id: 'k', name: 'Closed', target: 12.5, weight: 3, amber: 0.8, red: 0.4, floor: 0.1, cap: 1.5, unit: '7', owner: 'Lan' });
  });

  it('reads true/false as yes/no only in the clamp column: elsewhere it is text', () => {
    const tree = treeFromRows(withKpi({ name: 'TRUE', unit: 'false', owner: 'True' }));
    expect(tree.root.children[0].kpis[0]).toMatchObject({ name: 'TRUE', unit: 'false', owner: 'True' });
  });

  it('reads the guard and the aggregation of a KPI from their columns', () => {
    const tree = treeFromRows(base(kpiRow('q', 'ops', { guardedBy: 'k', aggregation: 'sum' })));
    expect(tree.root.children[0].kpis[1]).toMatchObject({ id: 'q', guardedBy: 'k', aggregation: 'sum' });
  });

  it('leaves blank cells out, so the defaults apply', () => {
    const tree = treeFromRows(withKpi({ weight: '', amber: '  ', red: null, owner: undefined }));
    expect(tree.root.children[0].kpis[0]).toMatchObject({ weight: 1, amber: 0.9, red: 0.7 });
    expect(tree.root.children[0].kpis[0].owner).toBeUndefined();
    expect(tree.root.children[0].kpis[0].scoring).toBeUndefined();
    expect(tree.root.children[0].kpis[0].status).toBeUndefined();
  });

  it('reads clamp TRUE/false in any case, and scoring parameters from their columns', () => {
    const clamped = treeFromRows(withKpi({ target: 10, method: 'progress', baseline: '0', clamp: 'True' }));
    expect(clamped.root.children[0].kpis[0].scoring).toEqual({ method: 'progress', baseline: 0, clamp: true });
    const free = treeFromRows(withKpi({ target: 10, method: 'progress', baseline: 0, clamp: ' FALSE ' }));
    expect(free.root.children[0].kpis[0].scoring).toEqual({ method: 'progress', baseline: 0, clamp: false });
    const grf = treeFromRows(withKpi({ direction: 'lower', target: 0, method: ' goal-red-flag ', redFlag: '3', scale: '5' }));
    expect(grf.root.children[0].kpis[0].scoring).toEqual({ method: 'goal-red-flag', redFlag: 3, scale: 5 });
    const stable = treeFromRows(withKpi({ method: 'stabilize', tolerance: '0.5' }));
    expect(stable.root.children[0].kpis[0].scoring).toEqual({ method: 'stabilize', tolerance: 0.5 });
    const perf = treeFromRows(withKpi({ method: 'performance', min: '-1', max: '2' }));
    expect(perf.root.children[0].kpis[0].scoring).toEqual({ method: 'performance', min: -1, max: 2 });
  });

  it('reads bands separated by ; or , with spaces, or given as a list', () => {
    expect(treeFromRows(withKpi({ method: 'bands', bands: ' 0 ;50, 80;100 ' })).root.children[0].kpis[0].scoring).toEqual({ method: 'bands', bands: [0, 50, 80, 100] });
    expect(treeFromRows(withKpi({ method: 'bands', bands: [1, 2] })).root.children[0].kpis[0].scoring).toEqual({ method: 'bands', bands: [1, 2] });
  });

  it('reads the status thresholds into a rule by achievement, or the rule named in status', () => {
    const byAchievement = treeFromRows(withKpi({ method: 'ratio', greenFrom: '0.95', redBelow: 0.8 }));
    expect(byAchievement.root.children[0].kpis[0].status).toEqual({ by: 'achievement', greenFrom: 0.95, redBelow: 0.8 });
    const greenOnly = treeFromRows(withKpi({ method: 'ratio', greenFrom: 0.97 }));
    expect(greenOnly.root.children[0].kpis[0].status).toEqual({ by: 'achievement', greenFrom: 0.97, redBelow: 0.9 });
    const named = treeFromRows(withKpi({ direction: 'lower', target: 0, method: 'goal-red-flag', redFlag: 3, status: 'goal-red-flag' }));
    expect(named.root.children[0].kpis[0].status).toEqual({ by: 'goal-red-flag' });
  });

  it('reads a container: name defaulting to its id, method, weights, level, owner, cascadesFrom and pay', () => {
    const tree = treeFromRows([
      { id: 'co', kind: 'scorecard', name: 'Company', level: 'company', method: 'min', weights: 'absolute' },
      { id: 'ops', parent: 'co', kind: 'perspective', weight: '0.5' },
      kpiRow('k', 'ops'),
      { id: 'ana', parent: 'co', kind: 'scorecard', level: 'person', owner: 'Ana', cascadesFrom: 'k', weight: 0.5, payBase: '1000', payGate: '0.5', payCap: '1.1' },
      kpiRow('a1', 'ana'),
      { id: 'bo', parent: 'co', kind: 'scorecard', level: 'person', payBase: 10, paySteps: [[0, 0], [1, 2]] },
      kpiRow('b1', 'bo'),
    ]);
    expect(tree.root).toMatchObject({ id: 'co', name: 'Company', level: 'company', method: 'min', weights: 'absolute' });
    expect(tree.root.pay).toBeUndefined();
    expect(tree.root.children.map((child) => [child.id, child.name, child.weight])).toEqual([['ops', 'ops', 0.5], ['ana', 'ana', 0.5], ['bo', 'bo', 1]]);
    expect(tree.root.children[1]).toMatchObject({ owner: 'Ana', cascadesFrom: 'k', pay: { base: 1000, gate: 0.5, cap: 1.1 } });
    expect(tree.root.children[1].pay).toEqual({ base: 1000, gate: 0.5, cap: 1.1 });
    expect(tree.root.children[2].pay).toEqual({ base: 10, steps: [[0, 0], [1, 2]] });
  });

  it('takes ids that read like blanks in code (undefined, null) as ids like any other', () => {
    const tree = treeFromRows([TOP, { id: 'undefined', parent: 'co', kind: 'objective' }, kpiRow('k1', 'undefined'), { id: 'null', parent: 'co', kind: 'objective' }, kpiRow('k2', 'null')]);
    expect(tree.root.children.map((child) => [child.id, child.kpis.map((k) => k.id), child.children.length])).toEqual([['undefined', ['k1'], 0], ['null', ['k2'], 0]]);
  });

  it('keeps KPIs and children in row order under each parent, wherever the rows are', () => {
    const tree = treeFromRows([kpiRow('k2', 'ops'), { id: 'ops', parent: 'co', kind: 'perspective' }, kpiRow('k1', 'ops'), TOP, { id: 'obj', parent: 'ops', kind: 'objective' }, kpiRow('k3', 'obj')]);
    expect(tree.root.id).toBe('co');
    expect(tree.root.children[0].kpis.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(tree.root.children[0].children.map((c) => c.id)).toEqual(['obj']);
    expect(tree.root.children[0].children[0].kpis.map((k) => k.id)).toEqual(['k3']);
  });
});
