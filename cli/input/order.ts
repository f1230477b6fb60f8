import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyNumbers } from '../key-numbers';
import type { RowEvent } from '../tickets';

/** Hands over the rows of one ticket at a time; the array is the sink's only during the call (it is reused). */
type GroupSink = (key: string, rows: RowEvent[]) => void;

/**
 * A log as it streams: consecutive rows of the same ticket form a group, handed over when the ticket changes. Memory
 * holds one group (the rows keep their cells, slices of the chunk being read, only that long). The event objects are
 * reused from group to group: a large log allocates a handful, not one a row.
 */
export class RowGroups {
  private key: string | null = null;
  private readonly rows: RowEvent[] = [];
  private readonly spare: RowEvent[] = [];

  constructor(private readonly sink: GroupSink) {}

  add(record: readonly string[], index: readonly number[], row: number, key: string, at: number, rank: number): void {
    if (key !== this.key) {
      this.flush();
      this.key = key;
    }
    const event = this.spare.pop();
    if (event === undefined) this.rows.push({ record, index, row, key, at, rank });
    else {
      event.record = record;
      event.index = index;
      event.row = row;
      event.key = key;
      event.at = at;
      event.rank = rank;
      this.rows.push(event);
    }
  }

  end(): void {
    this.flush();
  }

  private flush(): void {
    if (this.rows.length === 0) return;
    this.sink(this.key!, this.rows);
    // Popped, not truncated: setting an array's length is a call into the runtime, per group (a row, in a sorted log).
    for (let event = this.rows.pop(); event !== undefined; event = this.rows.pop()) this.spare.push(event);
  }
}

/** Tickets per bucket: a bucket's rows are what the sort holds in memory at once. */
const BUCKET_TICKETS = 1024;
/** Bytes a bucket collects before they are appended to its file (a segment). */
const BUCKET_BYTES = 1 << 15;

/** Rebuilds a row's event (ticket, time, rank) from its mapped cells, as they were read. */
export type EventOfCells = (cells: string[], row: number) => RowEvent;

const SEGMENT_HEAD = 5;
/** Digits of the largest whole number a record's head holds (a safe integer), and the character after it. */
const MAX_DIGITS = 17;
const COMMA = 44;
const COLON = 58;
const NARROW = 0;
const WIDE = 1;
/** `String.prototype.isWellFormed` (Node 20+; the TypeScript library this project targets predates it). */
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * A bucket's file: records appended in segments, each a byte for its encoding (UTF-8, or UTF-16LE for a record
 * holding a lone surrogate, which UTF-8 cannot carry), its length in bytes, then the text; every record whole in one
 * segment. Records are encoded into a buffer as they come, so no string waits in memory (and in the collector).
 */
class BucketFile {
  private readonly buffer = Buffer.allocUnsafe(BUCKET_BYTES);
  private used = SEGMENT_HEAD;

  constructor(private readonly path: string) {}

  /**
   * Appends a record (see `recordOf`): the head's digits and the cells are encoded as UTF-8 straight into the buffer,
   * so no string is built for a record (joining and encoding strings costs several times the copy). A record holding
   * a lone surrogate, which UTF-8 cannot carry, or too long for a segment, is appended as a segment of its own.
   */
  add(ticket: number, row: number, cells: readonly string[]): void {
    let units = 0;
    for (let i = 0; i < cells.length; i++) units += cells[i].length;
    const most = (cells.length + 2) * MAX_DIGITS + units * 3; // UTF-8 bytes per UTF-16 unit, at most
    if (this.used + most > BUCKET_BYTES) {
      this.flush();
      if (SEGMENT_HEAD + most > BUCKET_BYTES) return this.addAlone(recordOf(ticket, row, cells));
    }
    const start = this.used;
    this.digits(ticket, COMMA);
    this.digits(row, cells.length === 0 ? COLON : COMMA);
    for (let i = 0; i < cells.length; i++) this.digits(cells[i].length, i === cells.length - 1 ? COLON : COMMA);
    for (let i = 0; i < cells.length; i++) {
      if (this.utf8(cells[i])) continue;
      this.used = start;
      return this.addAlone(recordOf(ticket, row, cells));
    }
  }

  /** A record in a segment of its own: UTF-8, or UTF-16LE when it holds a lone surrogate. */
  private addAlone(record: string): void {
    this.flush();
    if (isWellFormed(record)) this.append(NARROW, Buffer.from(record, 'utf8'));
    else this.append(WIDE, Buffer.from(record, 'utf16le'));
  }

  /** A whole number's decimal digits, then the byte `end`. */
  private digits(n: number, end: number): void {
    const buffer = this.buffer;
    let width = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) width++;
    for (let at = this.used + width - 1, rest = n; at >= this.used; at--, rest = Math.floor(rest / 10)) buffer[at] = 48 + (rest % 10);
    buffer[this.used + width] = end;
    this.used += width + 1;
  }

  /** A text as UTF-8 at the end of the buffer, as Buffer's own encoder writes it; false (nothing kept) at a lone surrogate. */
  private utf8(text: string): boolean {
    const buffer = this.buffer;
    let at = this.used;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) buffer[at++] = c;
      else if (c < 0x800) {
        buffer[at++] = 0xc0 | (c >> 6);
        buffer[at++] = 0x80 | (c & 63);
      } else if (c < 0xd800 || c > 0xdfff) {
        buffer[at++] = 0xe0 | (c >> 12);
        buffer[at++] = 0x80 | ((c >> 6) & 63);
        buffer[at++] = 0x80 | (c & 63);
      } else {
        const low = text.charCodeAt(i + 1); // NaN past the end
        if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return false;
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
        buffer[at++] = 0xf0 | (c >> 18);
        buffer[at++] = 0x80 | ((c >> 12) & 63);
        buffer[at++] = 0x80 | ((c >> 6) & 63);
        buffer[at++] = 0x80 | (c & 63);
      }
    }
    this.used = at;
    return true;
  }

  flush(): void {
    if (this.used === SEGMENT_HEAD) return;
    this.buffer[0] = NARROW;
    this.buffer.writeUInt32LE(this.used - SEGMENT_HEAD, 1);
    appendFileSync(this.path, this.buffer.subarray(0, this.used));
    this.used = SEGMENT_HEAD;
  }

  private append(encoding: number, body: Buffer): void {
    const head = Buffer.alloc(SEGMENT_HEAD);
    head[0] = encoding;
    head.writeUInt32LE(body.length, 1);
    appendFileSync(this.path, Buffer.concat([head, body]));
  }

  /** The segments' texts, in the order written. */
  *segments(): Generator<string> {
    const bytes = readFileSync(this.path);
    for (let at = 0; at < bytes.length; ) {
      const length = bytes.readUInt32LE(at + 1);
      const body = bytes.subarray(at + SEGMENT_HEAD, at + SEGMENT_HEAD + length);
      yield body.toString(bytes[at] === WIDE ? 'utf16le' : 'utf8');
      at += SEGMENT_HEAD + length;
    }
  }
}

/**
 * A record: `ticket,row,length,…,length:` then the cells, one after another. Lengths, not separators, delimit the
 * cells, so any text (line breaks, separators, quotes) round-trips without escaping.
 */
function recordOf(ticket: number, row: number, cells: readonly string[]): string {
  return `${[ticket, row, ...cells.map((cell) => cell.length)].join(',')}:${cells.join('')}`;
}

/** Reads records back from a segment's text: numbers up to the character that ends them, then the cells. */
class RecordReader {
  /** The cursor: where the next number or cell begins. */
  at = 0;
  private readonly lengths: number[] = [];

  constructor(private readonly text: string) {}

  get done(): boolean {
    return this.at >= this.text.length;
  }

  /** The whole number at the cursor; the cursor moves past the character that ends it (`,` or `:`). */
  number(): number {
    let n = 0;
    for (;;) {
      const c = this.text.charCodeAt(this.at++);
      if (c < 48 || c > 57) return n;
      n = n * 10 + (c - 48);
    }
  }

  /** Moves the cursor past the record's row and cells, after its ticket has been read: no string is built. */
  skip(): void {
    this.number();
    let units = 0;
    while (this.text.charCodeAt(this.at - 1) !== COLON) units += this.number();
    this.at += units;
  }

  /** The cells of the record at the cursor, after its ticket and row have been read. */
  cells(): string[] {
    const lengths = this.lengths;
    lengths.length = 0;
    while (this.text.charCodeAt(this.at - 1) !== COLON) lengths.push(this.number());
    const cells = new Array<string>(lengths.length);
    for (let k = 0; k < lengths.length; k++) cells[k] = this.text.slice(this.at, (this.at += lengths[k]));
    return cells;
  }
}

/** A growable list of whole numbers, kept from bucket to bucket (no per-record object). */
class Numbers {
  values = new Int32Array(1 << 12);

  set(i: number, value: number): void {
    if (i >= this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[i] = value;
  }
}

/**
 * A log in any order, grouped by ticket with bounded memory: a distribution sort on disk. Tickets are numbered in
 * order of first appearance; a row goes to the bucket of its ticket (`bucketTickets` consecutive tickets a bucket),
 * appended to that bucket's file in a temporary directory. The buckets are then read back one at a time, their rows
 * gathered per ticket (in file order) and handed over ticket by ticket, each ticket's rows put in its order (rank,
 * then file row) by the sink: the order a merge sort gives, with each row written once and read once and no merge.
 * Memory holds one bucket's text (its rows' cells are built one ticket at a time) and 32 KiB a bucket while the log
 * is read; only the mapped cells are written, and the ticket, time and rank are read again from them.
 */
export class SortedRows {
  private readonly buckets: BucketFile[] = [];
  private readonly dir = mkdtempSync(join(tmpdir(), 'backoffice-kpi-sort-'));
  private readonly ticketNumbers = new KeyNumbers();
  /** A row's mapped cells, gathered in one array reused for every row. */
  private readonly cells: string[] = [];
  /** While a bucket drains: per ticket of the bucket, its first and last record; per record, its segment, where it goes on after the ticket, and the next record of its ticket (-1: none). */
  private readonly firstRecord: Int32Array;
  private readonly lastRecord: Int32Array;
  private readonly recordSegment = new Numbers();
  private readonly recordAt = new Numbers();
  private readonly nextRecord = new Numbers();

  constructor(
    private readonly eventOf: EventOfCells,
    private readonly bucketTickets = BUCKET_TICKETS,
  ) {
    this.firstRecord = new Int32Array(bucketTickets);
    this.lastRecord = new Int32Array(bucketTickets);
  }

  add(record: readonly string[], index: readonly number[], row: number, key: string, cellCount: number): void {
    let ticket = this.ticketNumbers.find(key);
    if (ticket < 0) ticket = this.ticketNumbers.add(key);
    const b = Math.floor(ticket / this.bucketTickets);
    const bucket = (this.buckets[b] ??= new BucketFile(join(this.dir, `bucket-${b}.bin`)));
    const cells = this.cells;
    cells.length = cellCount;
    for (let i = 0; i < cellCount; i++) cells[i] = record[index[i]] ?? '';
    bucket.add(ticket, row, cells);
  }

  /** Hands every ticket's rows over in order. */
  drain(sink: GroupSink): void {
    for (const bucket of this.buckets) bucket.flush();
    this.ticketNumbers.clear();
    for (const bucket of this.buckets) this.drainBucket(bucket, sink);
  }

  /** Removes the bucket files: after `drain`, or when the read fails. */
  discard(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * A bucket's rows, handed over ticket by ticket (a bucket holds consecutive ticket numbers), each ticket's in file
   * order: the sink puts them in its order, as it does a streamed group's, so no sort of the whole bucket is needed.
   * A first pass only links each record to the next of its ticket (numbers in typed arrays); a ticket's cells are
   * read when its turn comes, so they die young in the collector instead of living as long as the whole bucket.
   */
  private drainBucket(bucket: BucketFile, sink: GroupSink): void {
    const { firstRecord, lastRecord, recordSegment, recordAt, nextRecord } = this;
    firstRecord.fill(-1);
    const readers = Array.from(bucket.segments(), (text) => new RecordReader(text));
    let records = 0;
    for (let s = 0; s < readers.length; s++) {
      const reader = readers[s];
      while (!reader.done) {
        const ticket = reader.number() % this.bucketTickets;
        recordSegment.set(records, s);
        recordAt.set(records, reader.at);
        nextRecord.set(records, -1);
        if (firstRecord[ticket] < 0) firstRecord[ticket] = records;
        else nextRecord.values[lastRecord[ticket]] = records;
        lastRecord[ticket] = records++;
        reader.skip();
      }
    }
    for (let ticket = 0; ticket < this.bucketTickets; ticket++) {
      const rows: RowEvent[] = [];
      for (let r = firstRecord[ticket]; r >= 0; r = nextRecord.values[r]) {
        const reader = readers[recordSegment.values[r]];
        reader.at = recordAt.values[r];
        const row = reader.number();
        rows.push(this.eventOf(reader.cells(), row));
      }
      if (rows.length > 0) sink(rows[0].key, rows);
    }
  }
}
