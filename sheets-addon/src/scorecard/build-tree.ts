import type { Perspective } from '../../../core/scorecard/schema';
import { ScorecardTreeSchema, type MissingPolicy, type NodeKind, type ScorecardTree } from '../../../core/scorecard/tree';
import type { CellReader } from './sheet-cells';
import type { Column } from './vocabulary';

/**
 * Scorecard sheet rows → the core's objective tree. What the sheet adds: a top scorecard named after the sheet when
 * no row is one, and a perspective node for each perspective that rows without a parent name, so a plain list of
 * KPIs is a whole scorecard. The core's schema checks every field; its errors come back naming the row and column.
 */

interface RowBase {
  /** The sheet row (1-based), for messages. */
  line: number;
  id: string;
  parent?: string;
  name: string;
  perspective?: Perspective;
}
export type NodeRow = RowBase & { kind: NodeKind; fields: Record<string, unknown> };
export type KpiRow = RowBase & { kind: 'kpi'; kpi: Record<string, unknown> };
export type SheetRow = NodeRow | KpiRow;

export interface SheetTree {
  tree: ScorecardTree;
  /** Ids of the perspective nodes made for rows without a parent (the sidebar names them in the user's language). */
  autoPerspectives: Set<string>;
}

/** The core's field names → the sheet's columns, for messages (`scoring.bands.2` → Bands). */
const FIELD_COLUMNS: Record<string, Column> = {
  id: 'id',
  name: 'name',
  kind: 'kind',
  perspective: 'perspective',
  pillar: 'pillar',
  direction: 'direction',
  unit: 'unit',
  target: 'target',
  'scoring.baseline': 'baseline',
  'scoring.clamp': 'clamp',
  'scoring.min': 'min',
  'scoring.max': 'max',
  'scoring.redFlag': 'redFlag',
  'scoring.scale': 'scale',
  'scoring.tolerance': 'tolerance',
  'scoring.bands': 'bands',
  'scoring.method': 'method',
  scoring: 'method',
  'status.greenFrom': 'amber',
  'status.redBelow': 'red',
  amber: 'amber',
  red: 'red',
  weight: 'weight',
  owner: 'owner',
  guardedBy: 'guardedBy',
  method: 'container',
  weights: 'weights',
  level: 'level',
  'pay.base': 'payBase',
  'pay.gate': 'payGate',
  'pay.cap': 'payCap',
  pay: 'payBase',
  children: 'parent',
};

type Json = Record<string, unknown> & { children: Json[]; kpis: Record<string, unknown>[] };

export function buildTree(sheet: string, rows: readonly SheetRow[], missing: MissingPolicy | undefined, cells: CellReader): SheetTree {
  checkIdsOnce(rows, cells);
  const nodeRows = rows.filter((row): row is NodeRow => row.kind !== 'kpi');
  const top = nodeRows.find((row) => row.kind === 'scorecard' && row.parent === undefined);
  const rootId = top?.id ?? sheet;
  const autoPerspectives = new Set<string>();
  const lineOf = new Map<string, number>();
  const nodes = new Map<string, Json>();
  const place = (id: string, json: Json, line: number | undefined) => {
    nodes.set(id, json);
    if (line !== undefined) lineOf.set(id, line);
  };
  place(rootId, { id: rootId, name: top?.name ?? sheet, kind: 'scorecard', level: top ? undefined : 'company', owner: top ? undefined : sheet, ...(top?.fields ?? {}), children: [], kpis: [] }, top?.line);
  for (const row of nodeRows) if (row !== top) place(row.id, { id: row.id, name: row.name, kind: row.kind, ...row.fields, children: [], kpis: [] }, row.line);

  /** The node a row without a parent goes under: its perspective's node under the top scorecard, made on first use. */
  const perspectiveNode = (row: SheetRow): string => {
    if (row.perspective === undefined) return rootId;
    if (!nodes.has(row.perspective)) {
      autoPerspectives.add(row.perspective);
      nodes.set(row.perspective, { id: row.perspective, name: row.perspective, kind: 'perspective', children: [], kpis: [] });
      nodes.get(rootId)!.children.push(nodes.get(row.perspective)!);
    }
    return row.perspective;
  };
  const parentOf = (row: SheetRow): Json => {
    const id = row.parent ?? (row.kind === 'kpi' || row.kind === 'objective' ? perspectiveNode(row) : rootId);
    const parent = nodes.get(id);
    if (!parent) throw cells.fail(row.line, 'parent', 'cellUnknownParent', { id });
    return parent;
  };
  const kpiIds = new Set(rows.filter((row) => row.kind === 'kpi').map((row) => row.id));
  const idOfName = new Map(rows.filter((row) => row.kind === 'kpi').map((row) => [row.name, row.id]));
  for (const row of rows) {
    if (row === top) continue;
    if (row.kind === 'kpi') {
      lineOf.set(row.id, row.line);
      const guard = row.kpi.guardedBy as string | undefined;
      const guardedBy = guard === undefined || kpiIds.has(guard) ? guard : idOfName.get(guard) ?? guard;
      parentOf(row).kpis.push({ ...row.kpi, guardedBy, perspective: row.kpi.perspective ?? inheritedPerspective(row, rows) });
    } else {
      parentOf(row).children.push(nodes.get(row.id)!);
    }
  }
  checkCycles(rows, rootId, cells);

  const parsed = ScorecardTreeSchema.safeParse({ missing, root: nodes.get(rootId) });
  if (parsed.success) return { tree: parsed.data, autoPerspectives };
  const issue = parsed.error.issues[0];
  const { id, field } = locate(nodes.get(rootId)!, issue.path);
  const line = id === undefined ? undefined : lineOf.get(id);
  const column = FIELD_COLUMNS[field] ?? FIELD_COLUMNS[field.split('.').slice(0, 2).join('.')] ?? FIELD_COLUMNS[field.split('.')[0]];
  if (line === undefined) throw cells.fail(top?.line ?? 1, undefined, 'coreDetail', { detail: issue.message });
  throw cells.fail(line, column, 'coreDetail', { detail: issue.message });
}

/** The id of the node or KPI an issue path ends in, and the field path after it (`scoring.max`). */
function locate(root: Json, path: readonly PropertyKey[]): { id: string | undefined; field: string } {
  let at: unknown = { root };
  let id: string | undefined;
  let fieldStart = 0;
  path.forEach((key, index) => {
    at = (at as Record<PropertyKey, unknown> | undefined)?.[key];
    if (at && typeof at === 'object' && !Array.isArray(at) && typeof (at as { id?: unknown }).id === 'string') {
      id = (at as { id: string }).id;
      fieldStart = index + 1;
    }
  });
  return { id, field: path.slice(fieldStart).map(String).join('.') };
}

/** A KPI row without a perspective takes the one of the nearest row above it that names one. */
function inheritedPerspective(row: SheetRow, rows: readonly SheetRow[]): Perspective | undefined {
  const seen = new Set<string>();
  for (let at: SheetRow | undefined = row; at && !seen.has(at.id); ) {
    seen.add(at.id);
    if (at.perspective !== undefined) return at.perspective;
    const parent: string | undefined = at.parent;
    at = rows.find((r) => r.id === parent && r.kind !== 'kpi');
  }
  return undefined;
}

/** KPI ids are unique among KPIs, node ids among scorecards, perspectives and objectives (parents are found by id). */
function checkIdsOnce(rows: readonly SheetRow[], cells: CellReader): void {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.kind === 'kpi' ? 'kpi' : 'node'}:${row.id}`;
    if (seen.has(key)) throw cells.fail(row.line, 'id', 'cellIdTwice', { id: row.id });
    seen.add(key);
  }
}

/** A row that is its own ancestor is an error naming the chain of ids. */
function checkCycles(rows: readonly SheetRow[], rootId: string, cells: CellReader): void {
  const parentOf = new Map(rows.filter((row) => row.kind !== 'kpi').map((row) => [row.id, row]));
  for (const row of parentOf.values()) {
    const chain = [row.id];
    for (let at = row.parent; at !== undefined && at !== rootId; at = parentOf.get(at)?.parent) {
      if (at === row.id) throw cells.fail(row.line, 'parent', 'cellCycle', { chain: [...chain, at].join(' → ') });
      if (chain.includes(at) || !parentOf.has(at)) break;
      chain.push(at);
    }
  }
}
