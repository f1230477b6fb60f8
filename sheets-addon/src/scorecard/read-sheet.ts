import { ScorecardSchema, type Scorecard } from '../../../core/scorecard/schema';
import type { KpiValues } from '../../../core/scorecard/gaming';
import { describeCell, isBlank } from '../cells/coerce';
import type { CellValue, Sheet } from '../platform';

/**
 * A scorecard definition sheet: a header row, then one KPI per row. Columns are found by their header (English or
 * Vietnamese, any order); `History…` columns hold earlier periods, oldest first, for the trend chart.
 */

const COLUMNS = {
  kpi: ['kpi', 'chỉ số'],
  perspective: ['perspective', 'khía cạnh'],
  pillar: ['pillar', 'trụ cột'],
  direction: ['direction', 'chiều'],
  unit: ['unit', 'đơn vị'],
  target: ['target', 'mục tiêu'],
  amber: ['amber', 'vàng'],
  red: ['red', 'đỏ'],
  weight: ['weight', 'trọng số'],
  actual: ['actual', 'thực tế'],
  previous: ['previous', 'kỳ trước'],
  guardedBy: ['guarded by', 'kiểm soát bởi'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ['kpi', 'perspective', 'pillar', 'direction', 'target', 'actual'];
const HISTORY = /^(history|lịch sử)\b/i;

export interface ScorecardSheet {
  scorecard: Scorecard;
  actuals: KpiValues;
  previous: KpiValues;
  /** KPI id → earlier values, oldest first, then the previous value, if any. */
  history: Record<string, number[]>;
}

const normalise = (header: CellValue): string => String(header).trim().toLowerCase();

/** Where each known column is; null when a required one is missing. */
export function columnsOf(header: readonly CellValue[]): { at: Partial<Record<Column, number>>; history: number[] } | null {
  const names = header.map(normalise);
  const at: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const index = names.findIndex((name) => (COLUMNS[column] as readonly string[]).includes(name));
    if (index >= 0) at[column] = index;
  }
  if (REQUIRED.some((column) => at[column] === undefined)) return null;
  return { at, history: names.flatMap((name, i) => (HISTORY.test(name) ? [i] : [])) };
}

/** `Internal process`, `Learning & growth` → the core's `internal-process`, `learning-growth`. */
const slug = (value: CellValue): string =>
  String(value).trim().toLowerCase().replace(/\s*(&|and)\s*/g, '-').replace(/\s+/g, '-');

const sheetError = (sheet: string, row: number, kpi: string, message: string) =>
  new Error(`${sheet} row ${row}${kpi ? ` (${kpi})` : ''}: ${message}`);

function optionalNumber(sheet: string, row: number, kpi: string, column: string, value: CellValue): number | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === 'number') return value;
  throw sheetError(sheet, row, kpi, `${column} is ${describeCell(value, 'UTC')}, not a number`);
}

export function readScorecardSheet(sheet: Sheet): ScorecardSheet {
  const name = sheet.getName();
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  const columns = columnsOf(header);
  if (!columns) throw new Error(`${name}: the first row must name the columns ${REQUIRED.join(', ')}`);
  const { at, history } = columns;
  const cell = (row: CellValue[], column: Column): CellValue => (at[column] === undefined ? '' : row[at[column]]);
  const actuals: Record<string, number | null> = {};
  const previous: Record<string, number | null> = {};
  const trends: Record<string, number[]> = {};
  const kpis = rows.flatMap((row, index) => {
    const id = String(cell(row, 'kpi')).trim();
    if (!id) return [];
    const line = index + 2;
    const number = (column: Column) => optionalNumber(name, line, id, column, cell(row, column));
    actuals[id] = number('actual') ?? null;
    previous[id] = number('previous') ?? null;
    const earlier = history.map((i) => optionalNumber(name, line, id, 'history', row[i])).filter((v): v is number => v !== undefined);
    trends[id] = previous[id] === null ? earlier : [...earlier, previous[id]];
    const guard = String(cell(row, 'guardedBy')).trim();
    return [
      {
        id,
        name: id,
        perspective: slug(cell(row, 'perspective')),
        pillar: slug(cell(row, 'pillar')),
        direction: slug(cell(row, 'direction')),
        unit: String(cell(row, 'unit')).trim() || '-',
        target: number('target'),
        amber: number('amber'),
        red: number('red'),
        weight: number('weight'),
        frequency: 'monthly',
        owner: name,
        indicator: 'lagging',
        ...(guard ? { guardedBy: guard } : {}),
        line,
      },
    ];
  });
  const parsed = ScorecardSchema.safeParse({ id: name, name, level: 'company', owner: name, kpis: kpis.map(({ line: _, ...kpi }) => kpi) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const kpi = issue.path[0] === 'kpis' ? kpis[issue.path[1] as number] : undefined;
    if (kpi) throw sheetError(name, kpi.line, kpi.id, issue.message);
    throw new Error(`${name}: ${issue.message}`);
  }
  return { scorecard: parsed.data, actuals, previous, history: trends };
}
