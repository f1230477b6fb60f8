import { MISSING_POLICIES, ScorecardTreeSchema, type MissingPolicy, type ScorecardTree } from './tree';

/**
 * Flat rows → objective tree (a sheet, a CSV or a JSON import): one row per scorecard, perspective, objective or KPI,
 * linked by `parent`. Scoring parameters, status thresholds and pay sit in their own columns.
 */
export interface ScorecardRow {
  /** Where the row came from (sheet row, line); its position in the list (1-based) when left out. */
  line?: number;
  id: string;
  /** Blank for the top scorecard. */
  parent?: string | null;
  kind: 'scorecard' | 'perspective' | 'objective' | 'kpi';
  /** A container's roll-up method (weighted, average, min, max, sum); a KPI's scoring method (ratio, progress …). */
  method?: string | null;
  weight?: number | string | null;
  [field: string]: unknown;
}

/**
 * What is wrong with a row, for adapters that say it in their own language (`values` holds what the sentence needs):
 * ID_TWICE { other: row }, UNKNOWN_PARENT { parent }, KPI_AS_PARENT { parent }, CYCLE { chain: 'a → b → a' },
 * NO_TOP, TWO_TOPS { top: row }, REQUIRED (the column is blank), ZERO_WIDTH_SCALE { value, other: the column it
 * equals }, UNORDERED_BANDS { value, before }, WEIGHTS_ALL_ZERO { node }; INVALID: any other check, in `detail` only.
 */
export type ScorecardRowsCode =
  | 'ID_TWICE'
  | 'UNKNOWN_PARENT'
  | 'KPI_AS_PARENT'
  | 'CYCLE'
  | 'NO_TOP'
  | 'TWO_TOPS'
  | 'REQUIRED'
  | 'ZERO_WIDTH_SCALE'
  | 'UNORDERED_BANDS'
  | 'WEIGHTS_ALL_ZERO'
  | 'INVALID';

/**
 * A row that cannot be used: `row` (its line), the `id` and the `field` (the row's column name) it is about; `code`
 * and `values` say what is wrong without words, `detail` says it in English.
 */
export class ScorecardRowsError extends Error {
  constructor(
    readonly row: number,
    readonly id: string | undefined,
    readonly field: string | undefined,
    readonly detail: string,
    readonly code: ScorecardRowsCode = 'INVALID',
    readonly values: Readonly<Record<string, string | number>> = {},
  ) {
    super(`treeFromRows: row ${row}${id === undefined ? '' : ` ("${id}")`}${field === undefined ? '' : `, ${field}`}: ${detail}`);
    this.name = 'ScorecardRowsError';
  }
}

/** Scoring parameters in their own columns (`bands` is a list, read apart). */
const SCORING_PARAMETERS = ['baseline', 'min', 'max', 'redFlag', 'scale', 'tolerance', 'clamp'];
const NUMBER_FIELDS = new Set(['weight', 'target', 'floor', 'cap', 'amber', 'red', 'greenFrom', 'redBelow', 'baseline', 'min', 'max', 'redFlag', 'scale', 'tolerance', 'payBase', 'payGate', 'payCap']);
/** Tree fields → row columns, for naming the column of a schema issue. */
const COLUMN_OF: Record<string, string> = { scoring: 'method', 'scoring.method': 'method', status: 'greenFrom', 'status.greenFrom': 'greenFrom', 'status.redBelow': 'redBelow', pay: 'payBase', 'pay.base': 'payBase', 'pay.gate': 'payGate', 'pay.cap': 'payCap', 'pay.steps': 'paySteps', children: 'parent' };

const blank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
/** A cell as the schema wants it: numeric text of a number column read as a number, `true`/`false` of clamp as yes/no. */
const cell = (field: string, value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (field === 'clamp' && /^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  return NUMBER_FIELDS.has(field) && text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
};
/** `0; 50; 80` or a list → numbers (what is not a number is left for the schema to name). */
const list = (value: unknown): unknown =>
  typeof value === 'string' ? value.split(/[;,]/).map((part) => (Number.isFinite(Number(part.trim())) && part.trim() !== '' ? Number(part) : part.trim())) : value;
/** `0.8:0.5; 1:1` or a list of pairs → [from, rate] rows. */
const steps = (value: unknown): unknown => (typeof value === 'string' ? value.split(';').map((pair) => list(pair.replace(':', ','))) : value);

/**
 * Builds and checks the tree. Errors (ScorecardRowsError) name the row, id and column: an id used twice, no top
 * scorecard or two, an unknown parent, a KPI as a parent, a cycle of parents (naming the chain of ids), and every
 * schema issue of the tree (a zero-width scale, unordered bands, weights all 0, a missing target …).
 */
export function treeFromRows(rows: readonly ScorecardRow[], missing: MissingPolicy = 'ignore'): ScorecardTree {
  const lineOf = (index: number) => rows[index].line ?? index + 1;
  const fail: Fail = (index, field, detail, code, values) => {
    throw new ScorecardRowsError(lineOf(index), rows[index]?.id, field, detail, code, values);
  };
  if (!MISSING_POLICIES.includes(missing)) throw new ScorecardRowsError(0, undefined, 'missing', `must be ${MISSING_POLICIES.join(', ')}, not ${String(missing)}`);
  const indexOf = new Map<string, number>();
  rows.forEach((row, index) => {
    if (blank(row.id)) fail(index, 'id', 'id is required', 'REQUIRED');
    if (indexOf.has(row.id)) fail(index, 'id', `id "${row.id}" is also row ${lineOf(indexOf.get(row.id)!)}'s`, 'ID_TWICE', { other: lineOf(indexOf.get(row.id)!) });
    indexOf.set(row.id, index);
  });
  const tops = rows.map((row, index) => [row, index] as const).filter(([row]) => blank(row.parent));
  if (tops.length === 0) throw new ScorecardRowsError(rows.length === 0 ? 0 : lineOf(0), undefined, 'parent', 'no row is the top scorecard (a row with a blank parent)', 'NO_TOP');
  if (tops.length > 1) fail(tops[1][1], 'parent', `only the top scorecard has a blank parent, and row ${lineOf(tops[0][1])} is already the top`, 'TWO_TOPS', { top: lineOf(tops[0][1]) });
  rows.forEach((row, index) => {
    if (blank(row.parent)) return;
    const parent = indexOf.get(String(row.parent));
    if (parent === undefined) fail(index, 'parent', `parent "${String(row.parent)}" is not the id of any row`, 'UNKNOWN_PARENT', { parent: String(row.parent) });
    else if (rows[parent].kind === 'kpi') fail(index, 'parent', `parent "${String(row.parent)}" is a KPI; KPIs hold no rows`, 'KPI_AS_PARENT', { parent: String(row.parent) });
  });
  checkCycles(rows, indexOf, fail);

  /** The rows under each parent id, in row order. */
  const below = new Map<string, number[]>();
  rows.forEach((row, index) => {
    if (blank(row.parent)) return;
    const siblings = below.get(String(row.parent));
    if (siblings) siblings.push(index);
    else below.set(String(row.parent), [index]);
  });
  /** Where each tree path was built from: schema issues are traced back to the row by their path. */
  const rowOfPath = new Map<string, number>();
  const build = (index: number, path: string): Record<string, unknown> => {
    rowOfPath.set(path, index);
    const under = below.get(rows[index].id) ?? [];
    return {
      ...nodeFields(rows[index]),
      kpis: under.filter((i) => rows[i].kind === 'kpi').map((i, k) => {
        rowOfPath.set(`${path}.kpis.${k}`, i);
        return kpiFields(rows[i]);
      }),
      children: under.filter((i) => rows[i].kind !== 'kpi').map((i, c) => build(i, `${path}.children.${c}`)),
    };
  };
  const parsed = ScorecardTreeSchema.safeParse({ missing, root: build(tops[0][1], 'root') });
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const path = issue.path.map(String);
  for (let cut = path.length; cut >= 0; cut--) {
    const index = rowOfPath.get(path.slice(0, cut).join('.'));
    if (index === undefined) continue;
    const field = path.slice(cut).join('.');
    const column = COLUMN_OF[field] ?? COLUMN_OF[path.slice(cut, cut + 2).join('.')] ?? (field.startsWith('scoring.') ? path[cut + 1] : path[cut]);
    const [code, values] = codeOf(issue, field, rows[index], column);
    return fail(index, column, issue.message, code, values);
  }
  return fail(tops[0][1], undefined, issue.message);
}

/** The column the other end of a scale is in, by the column whose check found the scale has no width. */
const OTHER_END: Record<string, string> = { baseline: 'target', redFlag: 'target', max: 'min' };

/**
 * A schema issue's code, told by where it is (each of these paths has one custom check) and, for REQUIRED, by a
 * blank cell that a field's own check refused; the values come from the row, as typed.
 */
function codeOf(issue: { code: string; path: PropertyKey[] }, field: string, row: ScorecardRow, column: string): [ScorecardRowsCode, Record<string, string | number>] {
  if (issue.code !== 'custom' && blank(row[column])) return ['REQUIRED', {}];
  if (issue.code !== 'custom') return ['INVALID', {}];
  const bands = /^scoring\.bands\.(\d+)$/.exec(field);
  if (bands) {
    const list = (Array.isArray(row.bands) ? row.bands : String(row.bands).split(/[;,]/)).map((b) => String(b).trim());
    return ['UNORDERED_BANDS', { value: list[Number(bands[1])], before: list[Number(bands[1]) - 1] }];
  }
  if (field.startsWith('scoring.') && column in OTHER_END) return ['ZERO_WIDTH_SCALE', { value: String(cell(column, row[column])), other: OTHER_END[column] }];
  if (field === 'weight' && row.kind !== 'kpi') return ['WEIGHTS_ALL_ZERO', { node: row.id }];
  return ['INVALID', {}];
}

type Fail = (index: number, field: string | undefined, detail: string, code?: ScorecardRowsCode, values?: Record<string, string | number>) => never;

function checkCycles(rows: readonly ScorecardRow[], indexOf: Map<string, number>, fail: Fail): void {
  rows.forEach((row, index) => {
    const chain = [row.id];
    for (let at = row.parent; !blank(at); ) {
      const next = indexOf.get(String(at))!;
      if (next === index) fail(index, 'parent', `the parents form a cycle: ${[...chain, row.id].join(' → ')}`, 'CYCLE', { chain: [...chain, row.id].join(' → ') });
      if (chain.includes(rows[next].id)) return; // a cycle that does not pass through this row: reported from its own rows
      chain.push(rows[next].id);
      at = rows[next].parent;
    }
  });
}

const pick = (row: ScorecardRow, fields: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(fields.filter((field) => !blank(row[field])).map((field) => [field, cell(field, row[field])]));

function nodeFields(row: ScorecardRow): Record<string, unknown> {
  const { payBase: base, payGate: gate, payCap: cap } = pick(row, ['payBase', 'payGate', 'payCap']);
  const payParts = { base, gate, cap, steps: blank(row.paySteps) ? undefined : steps(row.paySteps) };
  const pay = Object.fromEntries(Object.entries(payParts).filter(([, value]) => value !== undefined));
  const fields = pick(row, ['id', 'name', 'kind', 'method', 'weights', 'weight', 'level', 'owner', 'cascadesFrom']);
  return { ...fields, name: fields.name ?? row.id, ...(Object.keys(pay).length > 0 ? { pay } : {}) };
}

function kpiFields(row: ScorecardRow): Record<string, unknown> {
  const method = blank(row.method) ? undefined : cell('method', row.method);
  const scoring = method === undefined ? undefined : { method, ...pick(row, SCORING_PARAMETERS), ...(blank(row.bands) ? {} : { bands: list(row.bands) }) };
  const thresholds = pick(row, ['greenFrom', 'redBelow']);
  const status = blank(row.status) ? (Object.keys(thresholds).length > 0 ? { by: 'achievement', ...thresholds } : undefined) : { by: row.status, ...thresholds };
  const fields = pick(row, ['id', 'name', 'perspective', 'pillar', 'direction', 'unit', 'target', 'weight', 'frequency', 'owner', 'indicator', 'guardedBy', 'aggregation', 'floor', 'cap', 'amber', 'red']);
  return { ...fields, name: fields.name ?? row.id, ...(scoring ? { scoring } : {}), ...(status ? { status } : {}) };
}
