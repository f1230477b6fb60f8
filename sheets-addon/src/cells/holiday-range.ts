import { CellError, isBlank, isDate, rejectErrorValue } from './coerce';
import { readRow } from './grid';

/**
 * A `holidays` range argument, row by row. Two shapes:
 * - a `HOLIDAYS()` spill (date, name, status): the first column is the day, the status says whether it is closed
 *   (`official`, `rules`) or worked (`worked`), the name is not read;
 * - any other range: every cell is a holiday, read left to right.
 * A failure names the range's row as the user sees it (row 3 of a two-column range is row 3, not its fifth cell).
 */

const STATUSES = new Set(['official', 'rules', 'worked']);

export interface HolidayCell {
  readonly cell: unknown;
  /** 0-based row of the range. */
  readonly row: number;
  /** A `worked` row of a HOLIDAYS() spill: a working day, not a closure. */
  readonly worked: boolean;
}

const rowsOf = (argument: unknown): unknown[][] =>
  isBlank(argument) ? [] : Array.isArray(argument) ? (argument as unknown[]).map((row): unknown[] => (Array.isArray(row) ? (row as unknown[]) : [row])) : [[argument]];

/** Whether every non-blank row is a HOLIDAYS() row: three columns, the third a status word. */
function isHolidaysSpill(rows: unknown[][]): boolean {
  const filled = rows.filter((row) => row.some((cell) => !isBlank(cell)));
  return filled.length > 0 && filled.every((row) => row.length === 3 && typeof row[2] === 'string' && STATUSES.has(row[2]));
}

/** The non-blank holiday cells of a range; an error value (`#N/A`) anywhere is an error naming its row. */
export function holidayCells(name: string, argument: unknown): HolidayCell[] {
  const rows = rowsOf(argument);
  const cells: HolidayCell[] = [];
  if (isHolidaysSpill(rows)) {
    rows.forEach((row, index) => {
      if (isBlank(row[0])) return;
      readRow(name, index, () => rejectErrorValue(row[0]));
      cells.push({ cell: row[0], row: index, worked: row[2] === 'worked' });
    });
    return cells;
  }
  rows.forEach((row, index) => {
    for (const cell of row) {
      if (isBlank(cell)) continue;
      readRow(name, index, () => rejectErrorValue(cell));
      cells.push({ cell, row: index, worked: false });
    }
  });
  return cells;
}

/**
 * Whether text reads as a date: ISO (`2025-04-30`) or day, month and year with `/`, `.` or `-` in the order of the
 * sheet's locale (`30/04/2025` in vi_VN, `4/30/2025` in en_US). Sheets turns such text typed in a cell into a date
 * unless the cell is formatted as text, so the user meant a date.
 */
function readsAsDate(text: string, locale: string): boolean {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) return isCalendarDate(+iso[1], +iso[2], +iso[3]);
  const parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(trimmed);
  if (!parts) return false;
  const [first, second, year] = [+parts[1], +parts[2], +parts[3]];
  const monthFirst = /^en[-_]US$/i.test(locale) || /^en$/i.test(locale);
  return monthFirst ? isCalendarDate(year, first, second) : isCalendarDate(year, second, first);
}

const isCalendarDate = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year < 100 ? 2000 + year : year, month, 0)).getUTCDate();

/** The error for date-looking text in a holiday range: dropping it would shift every count. */
export function rejectDateText(cell: unknown, locale: string): void {
  if (typeof cell === 'string' && !isDate(cell) && readsAsDate(cell, locale)) {
    throw new CellError(`${JSON.stringify(cell)} is text that reads as a date; type it as a date (a date cell) so that it counts`);
  }
}
