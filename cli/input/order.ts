import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { RowEvent } from '../tickets';

/** Hands over the rows of one ticket at a time; the array is the sink's only during the call (it is reused). */
type GroupSink = (key: string, rows: RowEvent[]) => void;

/**
 * A log as it streams: consecutive rows of the same ticket form a group, handed over when the ticket changes. Memory
 * holds one group (the rows keep their cells, slices of the chunk being read, only that long).
 */
export class RowGroups {
  private key: string | null = null;
  private readonly rows: RowEvent[] = [];

  constructor(private readonly sink: GroupSink) {}

  add(event: RowEvent): void {
    if (event.key !== this.key) {
      this.flush();
      this.key = event.key;
    }
    this.rows.push(event);
  }

  end(): void {
    this.flush();
  }

  private flush(): void {
    if (this.rows.length === 0) return;
    this.sink(this.key!, this.rows);
    this.rows.length = 0;
  }
}

/** A row as a sort run keeps it: ticket number (in order of first appearance), rank, file row, time, ticket, cells. */
type Spilled = [ticket: number, rank: number, row: number, at: number, key: string, ...cells: string[]];
const HEAD = 5;

const before = (a: Spilled, b: Spilled) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Rows held in memory before a sorted run is written to disk. */
const RUN_ROWS = 100_000;

/**
 * A run file's line: the fields joined by a separator no cell of a text export holds; a row with a cell that holds
 * it or a line break is written as JSON instead (marked by its first character).
 */
const SEPARATOR = '\u0001';
const PLAIN = 'p';
const AS_JSON = 'j';
const needsJson = /[\u0001\r\n]/;

function lineOf(spilled: Spilled): string {
  for (let i = HEAD - 1; i < spilled.length; i++) if (needsJson.test(spilled[i] as string)) return AS_JSON + JSON.stringify(spilled);
  return PLAIN + spilled.join(SEPARATOR);
}

function spilledOf(line: string): Spilled {
  if (line[0] === AS_JSON) return JSON.parse(line.slice(1)) as Spilled;
  const parts: Array<string | number> = line.slice(1).split(SEPARATOR);
  for (let i = 0; i < HEAD - 1; i++) parts[i] = Number(parts[i]);
  return parts as Spilled;
}

/**
 * A log in any order, sorted by ticket, rank and file row with bounded memory: an external merge sort. Rows collect
 * in memory up to `runRows`; each full batch is sorted and written as a run file (one row a line) in a temporary
 * directory; the runs are then merged, reading one line of each at a time. A log that fits in one batch never
 * touches the disk. Only the mapped cells are kept, and each ticket as a number (compared faster than its text).
 */
export class SortedRows {
  private batch: Spilled[] = [];
  private runs: string[] = [];
  private dir: string | null = null;
  private readonly ticketNumbers = new Map<string, number>();

  constructor(private readonly runRows = RUN_ROWS) {}

  add(event: RowEvent, cellCount: number): void {
    let ticket = this.ticketNumbers.get(event.key);
    if (ticket === undefined) this.ticketNumbers.set((' ' + event.key).slice(1), (ticket = this.ticketNumbers.size));
    const spilled: Spilled = [ticket, event.rank, event.row, event.at, event.key];
    for (let i = 0; i < cellCount; i++) spilled.push(event.record[event.index[i]] ?? '');
    this.batch.push(spilled);
    if (this.batch.length >= this.runRows) this.spill();
  }

  /** Hands every ticket's rows over in order, then removes the run files. */
  drain(sink: GroupSink): void {
    try {
      if (this.runs.length === 0) {
        this.batch.sort(before);
        groupsOf(this.batch, sink);
        return;
      }
      if (this.batch.length > 0) this.spill();
      this.ticketNumbers.clear();
      mergeRuns(this.runs, sink);
    } finally {
      if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
    }
  }

  private spill(): void {
    this.dir ??= mkdtempSync(join(tmpdir(), 'backoffice-kpi-sort-'));
    const path = join(this.dir, `run-${this.runs.length}.txt`);
    this.batch.sort(before);
    writeFileSync(path, `${this.batch.map(lineOf).join('\n')}\n`);
    this.runs.push(path);
    this.batch = [];
  }
}

const eventOf = (spilled: Spilled, index: readonly number[]): RowEvent => ({ key: spilled[4], rank: spilled[1], row: spilled[2], at: spilled[3], record: spilled.slice(HEAD) as string[], index });

/** Sorted rows to groups, one ticket at a time. */
function groupsOf(sorted: readonly Spilled[], sink: GroupSink): void {
  const index = sorted.length > 0 ? identity(sorted[0].length - HEAD) : [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i === sorted.length || sorted[i][0] !== sorted[start][0]) {
      sink(sorted[start][4], sorted.slice(start, i).map((s) => eventOf(s, index)));
      start = i;
    }
  }
}

const identity = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A run file read a line at a time, in blocks of 1 MiB: synchronous, as the merge takes one line at a time. */
class RunReader {
  private readonly fd: number;
  private readonly block = Buffer.alloc(1 << 20);
  private readonly decoder = new StringDecoder('utf8');
  private lines: string[] = [];
  private next = 0;
  private rest = '';

  constructor(path: string) {
    this.fd = openSync(path, 'r');
  }

  /** The next row, or null at the end (the file is closed then). */
  read(): Spilled | null {
    while (this.next >= this.lines.length) {
      const bytes = readSync(this.fd, this.block, 0, this.block.length, null);
      if (bytes === 0) {
        closeSync(this.fd);
        return null;
      }
      const lines = (this.rest + this.decoder.write(this.block.subarray(0, bytes))).split('\n');
      this.rest = lines.pop()!; // a run file ends with a line break: the rest is a line still being read
      this.lines = lines;
      this.next = 0;
    }
    return spilledOf(this.lines[this.next++]);
  }
}

/** Merges sorted run files, holding one block of each; a group is handed over when the ticket changes. */
function mergeRuns(paths: readonly string[], sink: GroupSink): void {
  const readers = paths.map((path) => new RunReader(path));
  const heads = readers.map((reader) => reader.read());
  const groups = new RowGroups(sink);
  let index: number[] | null = null;
  for (;;) {
    let min = -1;
    for (let i = 0; i < heads.length; i++) if (heads[i] !== null && (min < 0 || before(heads[i]!, heads[min]!) < 0)) min = i;
    if (min < 0) break;
    const head = heads[min]!;
    index ??= identity(head.length - HEAD);
    groups.add(eventOf(head, index));
    heads[min] = readers[min].read();
  }
  groups.end();
}
