import { CellError, isBlank, quoting, rejectErrorValue } from './coerce';

/**
 * Arguments as Sheets passes them: a single cell arrives as its value, a range as a 2-D array (rows of cells).
 */

/**
 * The cells of an argument, row by row (a multi-column range reads left to right, then down). An indexed loop: V8's
 * generic `flat()` costs several times more on a column of 100,000 one-cell rows.
 */
export function cellsOf(argument: unknown): unknown[] {
  if (!Array.isArray(argument)) return [argument];
  const rows = argument as unknown[][];
  // Sized for the usual column of one cell a row, filled by index: pushing 100,000 cells one by one cost a tenth of SLA_COMPLIANCE.
  const cells = new Array<unknown>(rows.length);
  let count = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row)) cells[count++] = row;
    else for (let c = 0; c < row.length; c++) cells[count++] = row[c];
  }
  cells.length = count;
  return cells;
}

/** A failure in one row of a list argument: `ends row 17: 2025-01-02 08:00 is before its start`. */
export class RowError extends Error {
  constructor(argument: string, row: number, detail: string, cause?: unknown) {
    super(`${argument} row ${row}: ${detail}`);
    if (cause !== undefined) this.cause = cause;
  }
}

/** Reads row `index` (0-based) of a list, turning a CellError into a RowError that names the argument and row. */
export function readRow<T>(argument: string, index: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw rowError(argument, index, error);
  }
}

/** What readRow throws for `error`, for per-row loops that catch it themselves (no closure per row). */
export const rowError = (argument: string, index: number, error: unknown): unknown =>
  error instanceof CellError ? new RowError(argument, index + 1, error.message, error) : error;

/** Reads a whole-argument cell, naming the argument in the error. */
export function readArgument<T>(argument: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw argumentError(argument, error);
  }
}

/** readArgument of `read(cell)`, for per-row loops: no closure per row. */
export function readArgumentCell<T>(argument: string, read: (cell: unknown) => T, cell: unknown): T {
  try {
    return read(cell);
  } catch (error) {
    throw argumentError(argument, error);
  }
}

/** What readArgument throws for `error`, for per-row loops that catch it themselves (no closure per row). */
const argumentError = (argument: string, error: unknown): unknown =>
  error instanceof CellError ? quoting(`${argument}: ${error.message}`, error) : error;

/**
 * Paired list arguments with the rows blank in every list left out (whole-column ranges such as A2:A end in blanks),
 * and the original index of each row kept, so messages name the row the user sees.
 */
export function pairedRows(names: readonly string[], argumentsGiven: readonly unknown[]): { lists: unknown[][]; rows: number[] } {
  const all = argumentsGiven.map(cellsOf);
  all.forEach((list, i) => {
    if (list.length !== all[0].length) throw new Error(`${names[0]} has ${all[0].length} rows but ${names[i]} has ${list.length}`);
  });
  const rows: number[] = [];
  for (let r = 0; r < all[0].length; r++) if (all.some((list) => !isBlank(list[r]))) rows.push(r);
  return { lists: all.map((list) => rows.map((r) => list[r])), rows };
}

/** `read` once per distinct cell: a column of 100,000 targets or calendars holds a few distinct values. */
export function byDistinctCell<T>(read: (cell: unknown) => T): (cell: unknown) => T {
  const known = new Map<unknown, T>();
  return (cell) => {
    const seen = known.get(cell);
    // One lookup per row of a column; `has` only for a value that is itself undefined.
    if (seen !== undefined || known.has(cell)) return seen as T;
    const value = read(cell);
    known.set(cell, value);
    return value;
  };
}

/**
 * An argument given once for every row or as a column with one value per row (a target, a calendar), read once per
 * distinct cell; a failure names the argument, and the row when it is a column. One cell, or a one-cell range, is
 * read at once, so its error is the whole call's.
 */
export function perRow<T>(name: string, argument: unknown, rowsName: string, height: number, read: (cell: unknown) => T): (row: number) => T {
  const cells = cellsOf(argument);
  if (cells.length === 1) {
    const value = readArgument(name, () => read(cells[0]));
    return () => value;
  }
  if (cells.length !== height) throw new Error(`${rowsName} has ${height} rows but ${name} has ${cells.length}`);
  const readCell = byDistinctCell(read);
  return (row) => {
    try {
      return readCell(cells[row]);
    } catch (error) {
      throw rowError(name, row, error);
    }
  };
}

/**
 * An error value (`#N/A` …) anywhere in a range argument is an error naming the argument and the row (of the range,
 * so a two-column table names its row, not its cell), before a formula reads the cells as its own values.
 */
export function rejectErrorValues(name: string, argument: unknown): void {
  const rows = Array.isArray(argument) ? (argument as unknown[]) : [[argument]];
  rows.forEach((row, index) => {
    for (const cell of Array.isArray(row) ? row : [row]) readRow(name, index, () => rejectErrorValue(cell));
  });
}
