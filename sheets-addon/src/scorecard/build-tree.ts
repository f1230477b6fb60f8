import { ScorecardRowsError, treeFromRows, type ScorecardRow, type ScorecardRowsCode, type Perspective, type MissingPolicy, type NodeKind, type ScorecardTree } from '../../../core/scorecard';
import type { MessageKey } from '../i18n';
import type { CellReader } from './sheet-cells';
import { COLUMN_HEADERS, type Column } from './vocabulary';

/**
 * Scorecard sheet rows → the core's objective tree, through the core's treeFromRows (parents, cycles, ids and every
 * field checked there). What the sheet adds, so that a plain list of KPIs is a whole scorecard: a top scorecard named
 * after the sheet when no row is one; rows without a parent go under the top scorecard, objectives and KPIs under a
 * perspective node made for the perspective they name; a KPI without a perspective takes its nearest parent's; a
 * "Guarded by" may give the guard's name instead of its id.
 */

/** A row read from the sheet: `line` is its sheet row; the other fields are treeFromRows's columns. */
export type SheetRow = ScorecardRow & { line: number; kind: NodeKind | 'kpi'; name: string; perspective?: Perspective };

export interface SheetTree {
  tree: ScorecardTree;
  /** Ids of the perspective nodes made for rows without a parent (the sidebar names them in the user's language). */
  autoPerspectives: Set<string>;
}

/** Rows the sheet does not have but the tree needs (the top scorecard, perspectives): no line to name in a message. */
const MADE = 0;

export function buildTree(sheet: string, rows: readonly SheetRow[], missing: MissingPolicy | undefined, cells: CellReader): SheetTree {
  const top = rows.find((row) => row.kind === 'scorecard' && row.parent === undefined);
  const rootId = top?.id ?? sheet;
  const made: SheetRow[] = top ? [] : [{ line: MADE, id: rootId, kind: 'scorecard', name: sheet, level: 'company', owner: sheet }];
  const ids = new Set(rows.map((row) => row.id));
  const autoPerspectives = new Set<string>();
  /** The node a row without a parent goes under. */
  const parentOf = (row: SheetRow): string => {
    if (row.kind === 'scorecard' || row.kind === 'perspective' || row.perspective === undefined) return rootId;
    if (!ids.has(row.perspective) && !autoPerspectives.has(row.perspective)) {
      autoPerspectives.add(row.perspective);
      made.push({ line: MADE, id: row.perspective, parent: rootId, kind: 'perspective', name: row.perspective });
    }
    return row.perspective;
  };
  const kpiIds = new Set(rows.filter((row) => row.kind === 'kpi').map((row) => row.id));
  const idOfName = new Map(rows.filter((row) => row.kind === 'kpi').map((row) => [row.name, row.id]));
  const placed = rows.map((row): SheetRow => {
    if (row === top) return row;
    const parent = row.parent ?? parentOf(row);
    if (row.kind !== 'kpi') return { ...row, parent };
    const guard = row.guardedBy as string | undefined;
    const guardedBy = guard === undefined || kpiIds.has(guard) ? guard : idOfName.get(guard) ?? guard;
    return { ...row, parent, guardedBy, perspective: row.perspective ?? inheritedPerspective(row, rows) };
  });
  try {
    return { tree: treeFromRows([...made, ...placed], missing), autoPerspectives };
  } catch (error) {
    if (!(error instanceof ScorecardRowsError)) throw error;
    const row = [...made, ...placed].find((r) => r.line === error.row);
    throw cells.fail(error.row === MADE ? undefined : error.row, columnOf(error.field, row, cells), ...messageOf(error, row, cells));
  }
}

/** Each treeFromRows error code as the sheet says it; INVALID keeps the core's English detail. */
const MESSAGE_OF: Record<ScorecardRowsCode, MessageKey> = {
  ID_TWICE: 'rowsIdTwice',
  UNKNOWN_PARENT: 'rowsUnknownParent',
  KPI_AS_PARENT: 'rowsKpiAsParent',
  CYCLE: 'rowsCycle',
  NO_TOP: 'rowsNoTop',
  TWO_TOPS: 'rowsTwoTops',
  REQUIRED: 'rowsRequired',
  ZERO_WIDTH_SCALE: 'rowsZeroWidth',
  UNORDERED_BANDS: 'rowsUnorderedBands',
  WEIGHTS_ALL_ZERO: 'rowsWeightsAllZero',
  INVALID: 'coreDetail',
};

/** The message key and values of a treeFromRows error: the other end of a scale named by its header in this sheet. */
function messageOf(error: ScorecardRowsError, row: SheetRow | undefined, cells: CellReader): [MessageKey, Record<string, string | number>] {
  const values = { ...error.values, id: error.id ?? '', detail: error.detail };
  const other = error.code === 'ZERO_WIDTH_SCALE' ? columnOf(String(error.values.other), row, cells) : undefined;
  return [MESSAGE_OF[error.code], other === undefined ? values : { ...values, other: cells.header(other) }];
}

/**
 * treeFromRows's column names → the sheet's: `method` is a KPI's scoring method or a container's roll-up; the status
 * thresholds are in Green from / Red below, or in Amber / Red on a sheet without those columns.
 */
function columnOf(field: string | undefined, row: SheetRow | undefined, cells: CellReader): Column | undefined {
  if (field === undefined) return undefined;
  if (field === 'method') return row?.kind === 'kpi' ? 'method' : 'container';
  if (field === 'greenFrom' || field === 'redBelow') return cells.has(field) ? field : field === 'greenFrom' ? 'amber' : 'red';
  return field in COLUMN_HEADERS ? (field as Column) : undefined;
}

/** A KPI row without a perspective takes the one of the nearest row above it that names one. */
function inheritedPerspective(row: SheetRow, rows: readonly SheetRow[]): Perspective | undefined {
  const seen = new Set<string>();
  for (let at: SheetRow | undefined = row; at && !seen.has(at.id); ) {
    seen.add(at.id);
    if (at.perspective !== undefined) return at.perspective;
    const parent: unknown = at.parent;
    at = rows.find((r) => r.id === parent && r.kind !== 'kpi');
  }
  return undefined;
}
