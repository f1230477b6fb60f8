import type { KpiValues, MissingPolicy, ScorecardTree } from '../../../core/scorecard';
import { type ReviewNote, reviewNoteFromText, SignalError } from '../../../core/market';
import { UserError, type Language } from '../i18n';
import type { CellValue, Sheet, Spreadsheet } from '../platform';
import { buildTree, type SheetRow } from './build-tree';
import { cellReader, headerOf, layoutOf, ScorecardSheetError, type CellReader, type SheetLayout } from './sheet-cells';
import {
  AGGREGATION_WORDS,
  CONTAINER_WORDS,
  DIRECTION_WORDS,
  KINDS,
  LEVEL_WORDS,
  METHOD_WORDS,
  MISSING_WORDS,
  PERSPECTIVE_WORDS,
  PILLAR_WORDS,
  WEIGHTS_WORDS,
  type Column,
} from './vocabulary';

/**
 * A scorecard sheet: a header row, then one row per KPI, objective, perspective or scorecard (docs in
 * sheets-addon/README.md). Columns are found by their header in English or Vietnamese, values may be written in
 * either language, and every error names the row and the column (ScorecardSheetError: in the sheet's language, or in
 * the page's when the server answers in it).
 */

export interface ScorecardSheet {
  tree: ScorecardTree;
  /** Perspective nodes made for rows without a parent (named in the user's language by the sidebar). */
  autoPerspectives: ReadonlySet<string>;
  actuals: KpiValues;
  previous: KpiValues;
  /** KPI id → earlier values, oldest first, then the previous value, if any. */
  history: Record<string, number[]>;
  /** KPI id → the gaming signal its Signal cell names (a review note on its pay line). */
  signals: Record<string, ReviewNote>;
}

/** Columns without which a sheet is not a scorecard sheet. */
const REQUIRED: readonly Column[] = ['name', 'target', 'actual'];

/** The sheet's layout when its first row names the required columns; null otherwise. */
function scorecardLayout(header: readonly CellValue[], fallback: Language): SheetLayout | null {
  const layout = layoutOf(header, fallback);
  return REQUIRED.every((column) => layout.at[column] !== undefined) ? layout : null;
}

type Row = readonly CellValue[];

/** The active sheet when it is a scorecard sheet, else the first sheet that is. */
export function findScorecardSheet(book: Spreadsheet, language: Language): Sheet {
  const isScorecard = (sheet: Sheet) => scorecardLayout(sheet.getDataRange().getValues()[0] ?? [], language) !== null;
  const active = book.getActiveSheet();
  const sheet = isScorecard(active) ? active : book.getSheets().find(isScorecard);
  if (!sheet) throw new UserError('noScorecardSheet');
  return sheet;
}

/**
 * A KPI row's fields in treeFromRows's columns. A Method's parameters are read only when the method uses them, Floor
 * and Cap only for ratio scoring. Amber and Red are the RAG thresholds of a KPI without a Method; with one, Green from
 * and Red below are (Amber and Red still read there, as before those columns existed).
 */
function kpiFields(cells: CellReader, row: Row, line: number): Record<string, unknown> {
  const n = (column: Column) => cells.number(row, line, column);
  const method = cells.word(row, line, 'method', METHOD_WORDS);
  const parameters = (): Record<string, unknown> => {
    switch (method) {
      case undefined:
      case 'ratio':
        return { floor: n('floor'), cap: n('cap') };
      case 'progress':
        return { baseline: n('baseline'), clamp: cells.boolean(row, line, 'clamp') };
      case 'performance':
        return { min: n('min'), max: n('max') };
      case 'goal-red-flag':
        return { redFlag: n('redFlag'), scale: n('scale') };
      case 'stabilize':
        return { tolerance: n('tolerance') };
      case 'bands':
        return { bands: cells.numberList(row, line, 'bands') };
      default:
        return {};
    }
  };
  const [amber, red] = [n('amber'), n('red')];
  const [greenFrom, redBelow] = [n('greenFrom'), n('redBelow')];
  return {
    pillar: cells.word(row, line, 'pillar', PILLAR_WORDS),
    direction: cells.word(row, line, 'direction', DIRECTION_WORDS),
    unit: cells.text(row, 'unit') || '-',
    target: n('target'),
    method,
    ...parameters(),
    ...(method === undefined ? { amber, red, greenFrom, redBelow } : { greenFrom: greenFrom ?? amber, redBelow: redBelow ?? red }),
    aggregation: cells.word(row, line, 'aggregation', AGGREGATION_WORDS),
    weight: n('weight'),
    frequency: 'monthly',
    indicator: 'lagging',
    owner: cells.text(row, 'owner') || undefined,
    guardedBy: cells.text(row, 'guardedBy') || undefined,
  };
}

/** A scorecard, perspective or objective row's fields in treeFromRows's columns. */
function nodeFields(cells: CellReader, row: Row, line: number): Record<string, unknown> {
  const n = (column: Column) => cells.number(row, line, column);
  return {
    method: cells.word(row, line, 'container', CONTAINER_WORDS),
    weights: cells.word(row, line, 'weights', WEIGHTS_WORDS),
    weight: n('weight'),
    level: cells.word(row, line, 'level', LEVEL_WORDS),
    owner: cells.text(row, 'owner') || undefined,
    payBase: n('payBase'),
    payGate: n('payGate'),
    payCap: n('payCap'),
    /** `0.8: 0.5; 1: 1` (achievement from: rate); the core reads and checks it. */
    paySteps: cells.text(row, 'paySteps') || undefined,
  };
}

export function readScorecardSheet(sheet: Sheet, timeZone: string, fallback: Language): ScorecardSheet {
  const name = sheet.getName();
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  const layout = scorecardLayout(header, fallback);
  if (!layout) throw missingColumns(name, layoutOf(header, fallback));
  const cells = cellReader(name, layout, timeZone);
  const actuals: Record<string, number | null> = {};
  const previous: Record<string, number | null> = {};
  const history: Record<string, number[]> = {};
  const signals: Record<string, ReviewNote> = {};
  let missing: MissingPolicy | undefined;
  const sheetRows: SheetRow[] = [];
  rows.forEach((row, index) => {
    const line = index + 2;
    const label = cells.text(row, 'name');
    const id = cells.text(row, 'id') || label;
    if (!id) return;
    const kind = cells.word(row, line, 'kind', KINDS) ?? 'kpi';
    const parent = cells.text(row, 'parent') || undefined;
    const policy = cells.word(row, line, 'missing', MISSING_WORDS);
    if (policy !== undefined) {
      if (kind !== 'scorecard' || parent !== undefined) throw cells.fail(line, 'missing', 'cellOnlyOnTopScorecard');
      missing = policy;
    }
    const perspective = cells.word(row, line, 'perspective', PERSPECTIVE_WORDS);
    if (kind !== 'kpi') {
      sheetRows.push({ line, id, parent, kind, name: label || id, perspective, ...nodeFields(cells, row, line) });
      return;
    }
    actuals[id] = cells.number(row, line, 'actual') ?? null;
    previous[id] = cells.number(row, line, 'previous') ?? null;
    const earlier = layout.history.map((i) => cells.historyValue(row, line, i)).filter((v): v is number => v !== undefined);
    history[id] = previous[id] === null ? earlier : [...earlier, previous[id]];
    const fields = kpiFields(cells, row, line);
    const signal = signalOf(cells, row, line, fields.owner as string | undefined);
    if (signal !== null) signals[id] = signal;
    sheetRows.push({ line, id, parent, kind, name: label || id, perspective, ...fields });
  });
  const { tree, autoPerspectives } = buildTree(name, sheetRows, missing, cells);
  return { tree, autoPerspectives, actuals, previous, history, signals };
}

/** A KPI row's Signal cell as a review note for its owner; the error names the row and the column. */
function signalOf(cells: CellReader, row: Row, line: number, owner: string | undefined): ReviewNote | null {
  const text = cells.text(row, 'signal');
  try {
    return reviewNoteFromText(text, owner ?? '');
  } catch (error) {
    if (error instanceof SignalError) throw cells.fail(line, 'signal', 'cellNotSignal', { value: JSON.stringify(text) });
    throw error;
  }
}

function missingColumns(sheet: string, layout: SheetLayout): ScorecardSheetError {
  const names = REQUIRED.map((column) => `"${headerOf(layout, column)}"`).join(', ');
  return new ScorecardSheetError({ sheet }, 'sheetMissingColumns', { columns: names }, layout.language);
}
