/** A CSV cell: text, a number, or empty. */
export type CsvCell = string | number | null | undefined;

/**
 * Text a spreadsheet would run as a formula when it opens the file (OWASP, "CSV Injection"): a leading `=`, `+`, `-`,
 * `@`, tab or carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field per RFC 4180 (quoted when it holds a comma, a double quote, CR or LF, quotes doubled). Text that a
 * spreadsheet would read as a formula gets a leading apostrophe and quotes, so Excel, Sheets and LibreOffice show it
 * as text. Numbers are written as numbers: a computed negative stays a negative number.
 */
export const csvField = (cell: CsvCell): string => {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (FORMULA_START.test(cell)) return `"'${cell.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
};

/** Rows as RFC 4180 CSV: CRLF between records and after the last; every row must have the header's width. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  rows.forEach((row, index) => {
    if (row.length !== header.length) throw new RangeError(`CSV row ${index + 1} has ${row.length} fields, the header ${header.length}`);
  });
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
