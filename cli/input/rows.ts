import { commentValue } from '../../core/sla';
import { InputError } from '../errors';
import { compileTimeFormat } from '../time';
import type { MappedColumns, Mapping } from './mapping';

/** A plain decimal number: no hexadecimal, binary or octal prefix (`Number` reads `0x4` as 4), no blank. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const decimal = (text: string): number => (DECIMAL.test(text) ? Number(text) : NaN);

/**
 * Whether a cell may need trimming: most begin and end with a printable ASCII character, which is no white space, and
 * are taken as they are without the call (a dozen cells a row).
 */
const untrimmed = (text: string): boolean => {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return !(first > 32 && first < 127 && last > 32 && last < 127);
};

const FIRST_INSTANT = Date.UTC(1900, 0, 2);
const LAST_INSTANT = Date.UTC(2300, 11, 30);
/** Values seen many times (statuses, teams) are kept once, up to this many. */
const POOL_LIMIT = 100_000;

/**
 * Reads the mapped cells of one row: the ticket, its time, its status (columns joined with `/`), the order, the
 * rating. Every error names the file, the row and the column.
 */
export class RowReader {
  /** Every status the log holds. */
  readonly statuses = new Set<string>();
  private readonly parseTime: (text: string) => number;
  private readonly timeForm: string;
  private readonly missing: Set<string>;
  private readonly longestMissing: number;
  // A cell is a slice of the chunk it was read from: holding it would keep the whole chunk alive, so values are copied
  // once into this pool.
  private readonly pool = new Map<string, string>();
  /** Status values joined with `/`, each combination kept once (no string is built for a combination seen before). */
  private readonly statusPool = new Map<string, unknown>();

  constructor(
    private readonly mapping: Mapping,
    readonly columns: MappedColumns,
    private readonly source: string,
    private readonly rowWord: 'row' | 'line',
  ) {
    this.parseTime = compileTimeFormat(mapping.time.format, mapping.time.timeZone);
    this.timeForm = mapping.time.format ?? 'ISO 8601 (2012-01-16T14:45:58+01:00)';
    this.missing = new Set(mapping.missing);
    this.longestMissing = mapping.missing.reduce((longest, m) => Math.max(longest, m.length), 0); // most cells are longer: no hashing
  }

  /** `file row N, column "C"`: where a cell is. */
  where(row: number, i: number): string {
    return `${this.source} ${this.rowWord} ${row}, column "${this.columns.names[i]}"`;
  }

  intern(text: string): string {
    const known = this.pool.get(text);
    if (known !== undefined) return known;
    const copy = (' ' + text).slice(1);
    if (this.pool.size < POOL_LIMIT) this.pool.set(copy, copy);
    return copy;
  }

  /** A mapped cell of a row, trimmed, blank when the mapping lists it as missing. */
  cell(record: readonly string[], index: readonly number[], i: number): string {
    const raw = record[index[i]];
    if (raw === undefined) return '';
    const value = untrimmed(raw) ? raw.trim() : raw;
    return value.length <= this.longestMissing && this.missing.has(value) ? '' : value;
  }

  key(record: readonly string[], index: readonly number[], row: number): string {
    const key = this.cell(record, index, this.columns.case);
    if (key === '') throw new InputError(`${this.where(row, this.columns.case)}: the ticket is blank`);
    return key;
  }

  /** The instant of a time cell, within the years calendars cover. */
  time(text: string, row: number, i: number): number {
    const at = this.parseTime(text);
    if (Number.isNaN(at)) throw new InputError(`${this.where(row, i)}: ${JSON.stringify(text)} is not a time in the form ${this.timeForm}`);
    if (!(at >= FIRST_INSTANT && at <= LAST_INSTANT)) throw new InputError(`${this.where(row, i)}: ${JSON.stringify(text)} is outside the years 1900-2300`);
    return at;
  }

  timeText(record: readonly string[], index: readonly number[], row: number): string {
    const text = this.cell(record, index, this.columns.time);
    if (text === '') throw new InputError(`${this.where(row, this.columns.time)}: the time is blank`);
    return text;
  }

  /** The row's status, its columns joined with `/`; blank when any of them is. */
  status(record: readonly string[], index: readonly number[]): string {
    let level: Map<string, unknown> = this.statusPool;
    const parts = this.columns.status;
    for (let k = 0; k < parts.length; k++) {
      const part = this.cell(record, index, parts[k]);
      if (part === '') return ''; // a blank status: the row is skipped, counted
      const last = k === parts.length - 1;
      let next = level.get(part);
      if (next === undefined) {
        // The joined text is built only for a combination not seen before: a row's own would be garbage.
        next = last ? this.newStatus(record, index, k) : new Map<string, unknown>();
        level.set(this.intern(part), next);
      }
      if (last) return next as string;
      level = next as Map<string, unknown>;
    }
    return '';
  }

  /** The status columns up to `last` joined with `/`, kept once and counted among the log's statuses. */
  private newStatus(record: readonly string[], index: readonly number[], last: number): string {
    const joined = this.intern(this.columns.status.slice(0, last + 1).map((i) => this.cell(record, index, i)).join('/'));
    this.statuses.add(joined);
    return joined;
  }

  /** The row's rating on the mapping's scale, or null when the cell is blank or no rating is mapped. */
  rating(record: readonly string[], index: readonly number[], row: number): number | null {
    if (this.columns.rating < 0) return null;
    const text = this.cell(record, index, this.columns.rating);
    if (text === '') return null;
    const value = decimal(text);
    const scale = this.mapping.rating!.scale;
    const [low, high] = scale === '1-5' ? [1, 5] : [0, 10];
    if (!Number.isInteger(value) || value < low || value > high) {
      throw new InputError(`${this.where(row, this.columns.rating)}: ${JSON.stringify(text)} is not a whole number from ${low} to ${high} (rating scale ${scale})`);
    }
    return value;
  }

  /** The row's comment as the clocks' comment value, or null when the row is no comment (or none are mapped). */
  comment(record: readonly string[], index: readonly number[]): string | null {
    const comment = this.columns.comment;
    if (comment === null) return null;
    const marks = (column: { index: number; values: ReadonlySet<string> }) => column.values.has(this.cell(record, index, column.index));
    if (!marks(comment.kind)) return null;
    return commentValue({ public: comment.public === null || marks(comment.public), byCustomer: comment.byCustomer !== null && marks(comment.byCustomer) });
  }

  /** The `order` column's number (0 when blank). */
  order(record: readonly string[], index: readonly number[], row: number): number {
    const text = this.cell(record, index, this.columns.order);
    const order = text === '' ? 0 : decimal(text);
    if (!Number.isFinite(order)) throw new InputError(`${this.where(row, this.columns.order)}: ${JSON.stringify(text)} is not a decimal number`);
    return order;
  }
}
