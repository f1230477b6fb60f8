/** A CSV cell: text, a number, or empty. */
export type CsvCell = string | number | null | undefined;

/** One field per RFC 4180: quoted when it holds a comma, a double quote, CR or LF, with quotes doubled. */
export const csvField = (cell: CsvCell): string => {
  const text = cell === null || cell === undefined ? '' : typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Rows as RFC 4180 CSV: CRLF between records and after the last; every row must have the header's width. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  rows.forEach((row, index) => {
    if (row.length !== header.length) throw new RangeError(`CSV row ${index + 1} has ${row.length} fields, the header ${header.length}`);
  });
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
