import { translate, UserError, type Language, type MessageKey } from '../i18n';
import { describeCell, isBlank } from '../cells/coerce';
import type { CellValue } from '../platform';
import { COLUMN_HEADERS, COLUMNS, HISTORY_HEADER, normaliseWord, type Column, type Vocabulary } from './vocabulary';

/**
 * Reading the cells of a scorecard sheet: columns found by their header (English or Vietnamese, any order), values
 * checked one cell at a time, and every error naming the sheet, the row and the column as its header is written, in
 * the sheet's language.
 */

/**
 * A scorecard sheet that cannot be read: where (sheet, row, column as its header is written) and what, kept as message
 * keys so it can be said in any language (`in`, as i18n's UserError); `message` is in the sheet's own language.
 */
export class ScorecardSheetError extends UserError {
  constructor(
    private readonly place: { sheet: string; row?: number; column?: string },
    key: MessageKey,
    values: Record<string, string | number>,
    language: Language,
  ) {
    super(key, values);
    this.name = 'ScorecardSheetError';
    this.message = this.in(language);
  }

  override in(language: Language): string {
    const { sheet, row, column } = this.place;
    const where = row === undefined ? sheet : column === undefined ? translate(language, 'sheetRow', { sheet, row }) : translate(language, 'sheetRowColumn', { sheet, row, column });
    return `${where}: ${super.in(language)}`;
  }
}

export interface SheetLayout {
  /** Column index of each known header. */
  at: Partial<Record<Column, number>>;
  /** Indexes of the `History…` columns, oldest first. */
  history: number[];
  /** The language most of the known headers are written in; `fallback` on a tie. */
  language: Language;
  /** The headers as written, to name a column in a message. */
  headers: string[];
}

/** Where each known header is and which language the sheet speaks; a header written twice keeps its first column. */
export function layoutOf(header: readonly CellValue[], fallback: Language): SheetLayout {
  const headers = header.map((cell) => String(cell).trim());
  const at: Partial<Record<Column, number>> = {};
  const votes = { en: 0, vi: 0 };
  headers.forEach((text, index) => {
    const column = COLUMNS.read(text);
    if (column === null || at[column] !== undefined) return;
    at[column] = index;
    for (const language of ['en', 'vi'] as const) {
      if (COLUMN_HEADERS[column][language].some((spelling) => normaliseWord(spelling) === normaliseWord(text))) votes[language]++;
    }
  });
  const language = votes.vi > votes.en ? 'vi' : votes.en > votes.vi ? 'en' : fallback;
  return { at, history: headers.flatMap((text, i) => (HISTORY_HEADER.test(text) ? [i] : [])), language, headers };
}

/** The header a column is written with in this sheet, or its first spelling in the sheet's language when absent. */
export const headerOf = (layout: SheetLayout, column: Column): string =>
  layout.at[column] === undefined ? COLUMN_HEADERS[column][layout.language][0] : layout.headers[layout.at[column]];

/** Cell readers for one sheet; each names `sheet row N, column "Header"` when a cell is not what the column holds. */
export function cellReader(sheet: string, layout: SheetLayout, timeZone: string) {
  /** An error at a row (none: the sheet as a whole), and a column when given; `key` says what is wrong. */
  const fail = (line: number | undefined, column: Column | undefined, key: MessageKey, values: Record<string, string | number> = {}) =>
    new ScorecardSheetError({ sheet, row: line, column: line === undefined || column === undefined ? undefined : headerOf(layout, column) }, key, values, layout.language);
  const raw = (row: readonly CellValue[], column: Column): CellValue => (layout.at[column] === undefined ? '' : row[layout.at[column]] ?? '');
  const shown = (value: CellValue) => describeCell(value, timeZone);

  const number = (row: readonly CellValue[], line: number, column: Column): number | undefined => {
    const value = raw(row, column);
    if (isBlank(value)) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    throw fail(line, column, 'cellNotNumber', { value: shown(value) });
  };

  return {
    fail,
    /** The header a column has in this sheet (or would have), and whether the sheet has it. */
    header: (column: Column) => headerOf(layout, column),
    has: (column: Column) => layout.at[column] !== undefined,
    text: (row: readonly CellValue[], column: Column): string => {
      const value = raw(row, column);
      return isBlank(value) ? '' : String(value).trim();
    },
    number,
    /** TRUE or FALSE (a checkbox); blank gives undefined. */
    boolean: (row: readonly CellValue[], line: number, column: Column): boolean | undefined => {
      const value = raw(row, column);
      if (isBlank(value)) return undefined;
      if (typeof value === 'boolean') return value;
      throw fail(line, column, 'cellNotBoolean', { value: shown(value) });
    },
    /** A history cell by its index: blank gives undefined, anything else must be a number. */
    historyValue: (row: readonly CellValue[], line: number, index: number): number | undefined => {
      const value = row[index] ?? '';
      if (isBlank(value)) return undefined;
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      throw new ScorecardSheetError({ sheet, row: line, column: layout.headers[index] }, 'cellNotNumber', { value: shown(value) }, layout.language);
    },
    /** A word from a closed set, in either language; blank gives undefined. */
    word: <T extends string>(row: readonly CellValue[], line: number, column: Column, words: Vocabulary<T>): T | undefined => {
      const value = raw(row, column);
      if (isBlank(value)) return undefined;
      const word = typeof value === 'string' ? words.read(value) : null;
      if (word === null) throw fail(line, column, 'cellNotOneOf', { value: shown(value), accepted: words.accepted(layout.language).join(', ') });
      return word;
    },
    /** Boundaries such as `0; 50; 80; 100` (or `0, 50, 80, 100`; with semicolons a decimal comma is read too). */
    numberList: (row: readonly CellValue[], line: number, column: Column): number[] | undefined => {
      const value = raw(row, column);
      if (isBlank(value)) return undefined;
      const text = String(value);
      const parts = text.includes(';') ? text.split(';').map((part) => part.replace(',', '.')) : text.split(',');
      const numbers = parts.map((part) => (part.trim() === '' ? NaN : Number(part.trim())));
      if (numbers.some((n) => !Number.isFinite(n))) throw fail(line, column, 'cellNotNumberList', { value: shown(value) });
      return numbers;
    },
  };
}
export type CellReader = ReturnType<typeof cellReader>;
