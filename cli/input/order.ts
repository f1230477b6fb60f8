import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashOf } from '../key-numbers';
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

/** Input bytes a bucket of the sort takes, about: its rows are what the sort holds in memory at once. */
const BUCKET_INPUT_BYTES = 1 << 19;
/** Buckets at most, each an open file while the log is read (a larger log makes larger buckets). */
const MAX_BUCKETS = 512;
/** Bytes a bucket collects before they are written to its file (a segment). */
const BUCKET_BYTES = 1 << 15;

/** How many buckets the sort of a log of `bytes` uses. */
export const bucketsFor = (bytes: number): number => Math.min(MAX_BUCKETS, Math.max(1, Math.ceil(bytes / BUCKET_INPUT_BYTES)));

/** Rebuilds a row's event (ticket, time, rank) from its mapped cells, as they were read. */
export type EventOfCells = (cells: string[], row: number) => RowEvent;

const SEGMENT_HEAD = 5;
/**
 * A record's numbers are written 6 bits a character, low bits first, 64 added to every character but the last: every
 * character is below 128, one byte in UTF-8, so a segment's text is decoded in one native call. A cell length below
 * 64 takes one character.
 */
const MORE = 64;
/** Characters of the largest whole number a record holds (a safe integer). */
const MAX_NUMBER_CHARS = 9;
const NARROW = 0;
const WIDE = 1;
/** `String.prototype.isWellFormed` (Node 20+; the TypeScript library this project targets predates it). */
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * A record: its row, the lengths of its ticket and of its `count` cells (see MORE), then the ticket and the cells one
 * after another. Lengths, not separators, delimit the texts, so any text (line breaks, separators, quotes) round-trips
 * without escaping.
 */
function recordOf(row: number, key: string, record: readonly string[], index: readonly number[], count: number): string {
  const cells = Array.from({ length: count }, (_, i) => record[index[i]] ?? '');
  const head = Buffer.allocUnsafe((count + 3) * MAX_NUMBER_CHARS);
  let used = 0;
  for (const n of [row, key.length, count, ...cells.map((cell) => cell.length)]) used = writeNumber(head, used, n);
  return head.toString('latin1', 0, used) + key + cells.join('');
}

/** Writes a whole number at `at`, 6 bits a byte (see MORE); returns where the next byte goes. */
function writeNumber(buffer: Buffer, at: number, n: number): number {
  for (; n >= MORE; n = Math.floor(n / MORE)) buffer[at++] = MORE | n % MORE;
  buffer[at++] = n;
  return at;
}

/**
 * A bucket's file: records appended in segments, each a byte for its encoding (UTF-8, or UTF-16LE for a record
 * holding a lone surrogate, which UTF-8 cannot carry), its length in bytes, then the text; every record whole in one
 * segment. Records are encoded into a buffer as they come, so no string waits in memory (and in the collector). The
 * file stays open while the log is read: opening it for every segment cost a tenth of the sort.
 */
class BucketFile {
  private readonly buffer = Buffer.allocUnsafe(BUCKET_BYTES);
  private used = SEGMENT_HEAD;
  private fd: number | null = null;
  /** Whether the file was ever created: a bucket no ticket's hash picked has none. */
  private created = false;

  constructor(private readonly path: string) {}

  /**
   * Appends a record (see `recordOf`) of the row's ticket and first `count` mapped cells: the numbers and texts are
   * encoded as UTF-8 straight into the buffer, so no string is built for a record (joining and encoding strings costs
   * several times the copy). A record holding a lone surrogate, or too long for a segment, is a segment of its own.
   */
  add(row: number, key: string, record: readonly string[], index: readonly number[], count: number): void {
    let units = key.length;
    for (let i = 0; i < count; i++) units += (record[index[i]] ?? '').length;
    const most = (count + 3) * MAX_NUMBER_CHARS + units * 3; // UTF-8 bytes per UTF-16 unit, at most
    if (this.used + most > BUCKET_BYTES) {
      this.flush();
      if (SEGMENT_HEAD + most > BUCKET_BYTES) return this.addAlone(recordOf(row, key, record, index, count));
    }
    const start = this.used;
    this.number(row);
    this.number(key.length);
    this.number(count);
    for (let i = 0; i < count; i++) this.number((record[index[i]] ?? '').length);
    let whole = this.utf8(key);
    for (let i = 0; whole && i < count; i++) whole = this.utf8(record[index[i]] ?? '');
    if (whole) return;
    this.used = start;
    this.addAlone(recordOf(row, key, record, index, count));
  }

  /** A record in a segment of its own: UTF-8, or UTF-16LE when it holds a lone surrogate. */
  private addAlone(record: string): void {
    this.flush();
    if (isWellFormed(record)) this.write(NARROW, Buffer.from(record, 'utf8'));
    else this.write(WIDE, Buffer.from(record, 'utf16le'));
  }

  /** A whole number, 6 bits a character (see MORE). */
  private number(n: number): void {
    this.used = writeNumber(this.buffer, this.used, n);
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
    this.writeAll(this.buffer.subarray(0, this.used));
    this.used = SEGMENT_HEAD;
  }

  private write(encoding: number, body: Buffer): void {
    const head = Buffer.alloc(SEGMENT_HEAD);
    head[0] = encoding;
    head.writeUInt32LE(body.length, 1);
    this.writeAll(Buffer.concat([head, body]));
  }

  private writeAll(bytes: Buffer): void {
    if (this.fd === null) {
      this.fd = openSync(this.path, 'w'); // once: the file is closed only to be read back
      this.created = true;
    }
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at);
  }

  /** Closes the file (the segments are read from its path); it may be called again. */
  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }

  /** The segments' texts, in the order written; none when nothing was written. */
  *segments(): Generator<string> {
    this.flush();
    this.close();
    if (!this.created) return;
    // A file that was written and is gone (a cleaner emptying the temporary directory) is an error, not a bucket without rows.
    const bytes = readFileSync(this.path);
    for (let at = 0; at < bytes.length; ) {
      const length = bytes.readUInt32LE(at + 1);
      const body = bytes.subarray(at + SEGMENT_HEAD, at + SEGMENT_HEAD + length);
      yield body.toString(bytes[at] === WIDE ? 'utf16le' : 'utf8');
      at += SEGMENT_HEAD + length;
    }
  }
}

/** Reads records back from a segment's text: the head's numbers (see MORE), then the texts. */
class RecordReader {
  /** The cursor: where the next number or text begins. */
  at = 0;
  /** Of the record whose head was read last: its ticket's length, its cells' lengths and their sum. */
  keyLength = 0;
  cellCount = 0;
  /** Its cells' lengths: the first `cellCount` (a typed array, as setting a plain array's length is a call into the runtime). */
  private lengths = new Int32Array(16);
  cellUnits = 0;

  constructor(private readonly text: string) {}

  get done(): boolean {
    return this.at >= this.text.length;
  }

  /** Reads the head of the record at the cursor and returns its row; the cursor moves to its ticket. */
  head(): number {
    const row = this.number();
    this.keyLength = this.number();
    const count = (this.cellCount = this.number());
    if (count > this.lengths.length) this.lengths = new Int32Array(count);
    const lengths = this.lengths;
    let units = 0;
    for (let k = 0; k < count; k++) units += lengths[k] = this.number();
    this.cellUnits = units;
    return row;
  }

  /** The record's ticket, after its head; the cursor moves to its cells. */
  key(): string {
    return this.text.slice(this.at, (this.at += this.keyLength));
  }

  /** The record's cells, after its ticket; the cursor moves past them. */
  cells(): string[] {
    const lengths = this.lengths;
    const cells = new Array<string>(this.cellCount);
    for (let k = 0; k < cells.length; k++) cells[k] = this.text.slice(this.at, (this.at += lengths[k]));
    return cells;
  }

  /** The whole number at the cursor; the cursor moves past it. */
  private number(): number {
    let n = 0;
    for (let scale = 1; ; scale *= MORE) {
      const c = this.text.charCodeAt(this.at++);
      if (c < MORE) return n + c * scale;
      // NaN past the end, or a character no record's head holds: a damaged file must not loop here for ever.
      if (!(c < 2 * MORE)) throw new Error(`a bucket file of the sort is damaged (at character ${this.at - 1} of a segment)`);
      n += (c - MORE) * scale;
    }
  }
}

/** A growable list of whole numbers, kept from bucket to bucket (no per-record object). */
class Numbers {
  values = new Int32Array(1 << 12);

  set(i: number, value: number): void {
    if (i >= this.values.length) {
      const grown = new Int32Array(Math.max(this.values.length * 2, i + 1));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[i] = value;
  }
}

/**
 * A log in any order, grouped by ticket with bounded memory: a distribution sort on disk. A row goes to the bucket
 * its ticket's hash picks (`bucketsFor` the log's size), appended to that bucket's file in a temporary directory. The
 * buckets are then read back one at a time, their rows gathered per ticket (in file order) and handed over ticket by
 * ticket, each ticket's rows put in its order (rank, then file row) by the sink: the order a merge sort gives, with
 * each row written once and read once and no merge. No table of every ticket is kept while the log is read: in a
 * shuffled log, looking each row's ticket up in one cost a third of the sort (a cache miss or two a row). Memory holds
 * one bucket's text (its rows' cells are built one ticket at a time) and 32 KiB a bucket while the log is read; only
 * the mapped cells are written, and the ticket, time and rank are read again from them.
 */
export class SortedRows {
  private readonly buckets: BucketFile[];
  private readonly dir = mkdtempSync(join(tmpdir(), 'backoffice-kpi-sort-'));
  /** While a bucket drains: per ticket of the bucket, its first and last record; per record, its segment, where it begins, and the next record of its ticket (-1: none). */
  private readonly firstRecord = new Numbers();
  private readonly lastRecord = new Numbers();
  private readonly recordSegment = new Numbers();
  private readonly recordAt = new Numbers();
  private readonly nextRecord = new Numbers();

  constructor(
    private readonly eventOf: EventOfCells,
    bucketCount: number,
  ) {
    this.buckets = Array.from({ length: bucketCount }, (_, b) => new BucketFile(join(this.dir, `bucket-${b}.bin`)));
  }

  /** A row of ticket `key`: its first `cellCount` mapped cells are kept. */
  add(record: readonly string[], index: readonly number[], row: number, key: string, cellCount: number): void {
    this.buckets[(hashOf(key) >>> 0) % this.buckets.length].add(row, key, record, index, cellCount);
  }

  /** Hands every ticket's rows over in order. */
  drain(sink: GroupSink): void {
    for (const bucket of this.buckets) this.drainBucket(bucket, sink);
  }

  /** Closes and removes the bucket files: after `drain`, or when the read fails. */
  discard(): void {
    for (const bucket of this.buckets) bucket.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * A bucket's rows, handed over ticket by ticket (in the order the bucket first saw them), each ticket's in file
   * order: the sink puts them in its order, as it does a streamed group's, so no sort of the whole bucket is needed.
   * A first pass only links each record to the next of its ticket (numbers in typed arrays); a ticket's cells are
   * read when its turn comes, so they die young in the collector instead of living as long as the whole bucket.
   */
  private drainBucket(bucket: BucketFile, sink: GroupSink): void {
    const { firstRecord, lastRecord, recordSegment, recordAt, nextRecord } = this;
    const tickets = new Map<string, number>();
    const readers = Array.from(bucket.segments(), (text) => new RecordReader(text));
    let records = 0;
    for (let s = 0; s < readers.length; s++) {
      const reader = readers[s];
      while (!reader.done) {
        recordSegment.set(records, s);
        recordAt.set(records, reader.at);
        nextRecord.set(records, -1);
        reader.head();
        const key = reader.key();
        reader.at += reader.cellUnits;
        let ticket = tickets.get(key);
        if (ticket === undefined) {
          tickets.set(key, (ticket = tickets.size));
          firstRecord.set(ticket, records);
        } else nextRecord.values[lastRecord.values[ticket]] = records;
        lastRecord.set(ticket, records++);
      }
    }
    for (let ticket = 0; ticket < tickets.size; ticket++) {
      const rows: RowEvent[] = [];
      for (let r = firstRecord.values[ticket]; r >= 0; r = nextRecord.values[r]) {
        const reader = readers[recordSegment.values[r]];
        reader.at = recordAt.values[r];
        const row = reader.head();
        reader.at += reader.keyLength;
        rows.push(this.eventOf(reader.cells(), row));
      }
      sink(rows[0].key, rows);
    }
  }
}
