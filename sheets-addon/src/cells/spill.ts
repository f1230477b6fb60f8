import { errorInLanguage, type Language } from '../../../core/i18n';
import { spreadsheetTimeZone } from '../platform';
import { isBlank } from './coerce';
import { sheetLanguage } from './sheet-language';
import { withDatesIn } from './wall-time';

/**
 * Per-row functions: each argument is one cell (used on every row) or one column; the result is one value, or a
 * column as tall as the input columns (a spill). A row whose first argument is blank gives a blank; a row that
 * fails gives `#INVALID: <reason>` text (in the sheet's language) in that row only, so one bad row does not blank the column.
 */

export type CellResult = string | number | boolean | Date;

export interface SpillOptions {
  /** Throw a single cell's failure instead of writing #INVALID (for functions that mirror a spreadsheet function). */
  throwForSingleCell?: boolean;
}

/**
 * The one-column range's rows, or null for a single cell: checked in one indexed pass and read in place by the rows
 * loop (a copy of the column was two 100,000-slot arrays per call for the collector).
 */
function columnOf(name: string, argument: unknown): unknown[][] | null {
  if (!Array.isArray(argument)) return null;
  const rows = argument as unknown[][];
  for (let r = 0; r < rows.length; r++) {
    if (rows[r].length !== 1) throw new Error(`${name}: expected one column, got ${rows[0]?.length ?? 0} columns`);
  }
  return rows;
}

/**
 * The core's KPI checks start their messages with the function's name (`KPI_SCORE: direction …`), as an #ERROR!
 * tooltip does; in a row's `#INVALID:` text the contract wants the argument first.
 */
const withoutFunctionName = (message: string): string => message.replace(/^[A-Z][A-Z_]+: /, '');

export function spill(
  args: ReadonlyArray<readonly [name: string, value: unknown]>,
  compute: (cells: unknown[]) => CellResult,
  options: SpillOptions = {},
): CellResult | CellResult[][] {
  const columns = args.map(([name, value]) => columnOf(name, value));
  let height = 1;
  let tallest = '';
  columns.forEach((column, i) => {
    if (!column || column.length === 1) return;
    if (height > 1 && column.length !== height) throw new Error(`${args[i][0]} has ${column.length} rows but ${tallest} has ${height}`);
    height = column.length;
    tallest = args[i][0];
  });
  const single = columns.every((column) => column === null);
  // Per row only the tall columns are read into one reused array (compute reads its cells before it returns), and
  // the results are written by index: no array but the result's own per row of a 100,000-row column.
  const tall = columns.map((column) => (column && column.length > 1 ? column : null));
  const cells = args.map(([, value], i) => (columns[i] ? columns[i][0]?.[0] : value));
  const results = new Array<CellResult[]>(height);
  let zone: string | undefined;
  let language: Language | undefined;
  for (let row = 0; row < height; row++) {
    for (let i = 0; i < tall.length; i++) {
      const column = tall[i];
      if (column) cells[i] = column[row][0];
    }
    if (isBlank(cells[0])) {
      results[row] = [''];
      continue;
    }
    try {
      results[row] = [compute(cells)];
    } catch (error) {
      if (single && options.throwForSingleCell) throw error;
      // Service calls: once per call, and only when a row fails.
      zone ??= spreadsheetTimeZone();
      language ??= sheetLanguage();
      results[row] = [`#INVALID: ${withDatesIn(withoutFunctionName(errorInLanguage(error, language)), zone)}`];
    }
  }
  return single ? results[0][0] : results;
}
