import type { Instant } from '../core/calendar';
import { type SlaClock, type SlaCycle, type SuspendedClock, TicketClock, type FieldValue } from '../core/sla';
import type { RowReader } from './input/rows';
import type { LogSpan } from './log-span';
import type { QualityCounter } from './quality';
import { formatDateTime } from './time';

/** One row, read: the raw record (cells by `index`), its ticket, time, and rank (the `order` column, else the time). */
export interface RowEvent {
  record: readonly string[];
  index: readonly number[];
  row: number;
  key: string;
  at: Instant;
  rank: number;
}

/** What is kept per ticket while the log streams by: its current status and fields, and one clock per policy. */
interface Ticket {
  key: string;
  status: string;
  fields: Record<string, FieldValue>;
  clocks: TicketClock[];
  /** The time of the ticket's latest row, as taken (never before the creation or an earlier row). */
  last: Instant;
  /** The rank of its latest row: a later group of rows must not rank before it. */
  lastRank: number;
  rating: number | null;
}

/**
 * A ticket none of whose clocks is running (closed, or waiting to enter a start status), kept small until its next
 * rows: its status, fields and, as one array of numbers, its rating, last time, last rank and each clock's state.
 */
interface Retired {
  status: string;
  fields: Record<string, FieldValue>;
  numbers: number[];
}

const isRetired = (ticket: Ticket | Retired): ticket is Retired => 'numbers' in ticket;

/** What a ticket adds to the report's accuracy and satisfaction figures once the log has been read. */
export interface TicketOutcome {
  /** A policy (and one of its goals) applied to the ticket. */
  measured: boolean;
  resolved: boolean;
  reopened: boolean;
  rating: number | null;
  /** When the ticket was created, and its fields as the log left them (the internal market's requests). */
  created: Instant;
  fields: Readonly<Record<string, FieldValue>>;
}

/** Rows of a ticket arrived after rows that its order puts later, in another group: the log must be sorted first. */
export class OutOfOrder extends Error {
  constructor(readonly row: number) {
    super(`row ${row} ranks before an earlier group of its ticket's rows`);
  }
}

/** Each clock's suspended state takes this many numbers; the flags (resolved 8, reopened 4) are the sixth. */
const CLOCK_NUMBERS = 7;
const FLAGS = 5;
const RESOLVED = 8;
const REOPENED = 4;
const HEAD_NUMBERS = 3;

/**
 * Sorts a ticket's rows by rank, then file position, and returns the rows that came after a row the order puts
 * later (each is a row moved back).
 */
function sortRows(rows: RowEvent[]): RowEvent[] {
  let inFileOrder = true;
  let ranked = true;
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    if (b.row < a.row) inFileOrder = false;
    if (b.rank < a.rank || (b.rank === a.rank && b.row < a.row)) ranked = false;
  }
  if (inFileOrder && ranked) return [];
  // A sorted log's rows arrive ranked but out of file order: what moved is told by the file positions.
  if (!ranked) rows.sort((a, b) => a.rank - b.rank || a.row - b.row);
  const moved: RowEvent[] = [];
  let earliestAfter = Infinity;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (rows[i].row > earliestAfter) moved.push(rows[i]);
    earliestAfter = Math.min(earliestAfter, rows[i].row);
  }
  return moved.reverse();
}

/**
 * Every ticket's state as groups of its rows arrive: the rows are put in the ticket's order, corrected (a time before
 * the previous row's or the creation is taken at that time, a blank status is skipped; each counted) and applied to
 * the ticket's clocks (one per policy); a cycle is handed to `onCycle` when it stops.
 */
export class TicketBook {
  private readonly tickets = new Map<string, Ticket | Retired>();
  /** Per mapped field, whether any row filled it. */
  readonly filled: boolean[];

  constructor(
    private readonly reader: RowReader,
    private readonly clocks: readonly SlaClock[],
    private readonly onCycle: (cycle: SlaCycle, number: number) => void,
    /** Status changes after this instant are not applied (`--as-of` before the log's end). */
    private readonly asOf: Instant | undefined,
    private readonly quality: QualityCounter,
    private readonly span: LogSpan,
  ) {
    this.filled = reader.columns.fields.map(() => false);
  }

  get size(): number {
    return this.tickets.size;
  }

  /** Rows of one ticket, in file order (or already sorted); throws OutOfOrder when they rank before its earlier rows. */
  addGroup(key: string, rows: RowEvent[]): void {
    let ticket = this.ticketOf(key);
    const moved = sortRows(rows);
    if (ticket !== undefined && rows[0].rank < ticket.lastRank) throw new OutOfOrder(rows[0].row);
    for (const event of moved) this.quality.correct('reordered', event.row, () => `ticket ${key}: the row comes after a row its order puts later`);
    for (const event of rows) {
      const status = this.reader.status(event.record, event.index);
      if (status === '') {
        this.quality.correct('blankStatus', event.row, () => `ticket ${key}: the status is blank`);
        continue;
      }
      if (ticket === undefined) ticket = this.open(key, event, status);
      else this.next(ticket, event, status);
    }
    // A ticket whose clocks are not running (closed, or waiting to enter a start status) shrinks to a few numbers
    // until its next rows, so memory follows the open tickets, whatever the row order.
    if (ticket !== undefined) this.retire(ticket);
  }

  /** Finishes every ticket's clocks at `asOf` and hands over what each adds to the report. */
  finish(asOf: Instant, visit: (outcome: TicketOutcome) => void): void {
    for (const held of this.tickets.values()) visit(isRetired(held) ? this.retiredOutcome(held) : this.finishTicket(held, asOf));
  }

  private ticketOf(key: string): Ticket | undefined {
    const held = this.tickets.get(key);
    return held !== undefined && isRetired(held) ? this.revive(key, held) : held;
  }

  /** A time earlier than `floor` (the previous row's, or the creation) is taken at `floor`, counted. */
  private taken(event: RowEvent, floor: Instant, key: string, what: string): Instant {
    if (event.at >= floor) return event.at;
    this.quality.correct('time', event.row, () => `ticket ${key}: the time is before ${what} (${formatDateTime(floor, 'UTC')})`);
    return floor;
  }

  private open(key: string, event: RowEvent, status: string): Ticket {
    const { record, index, row } = event;
    const reader = this.reader;
    const createdColumn = reader.columns.created;
    const createdText = createdColumn >= 0 ? reader.cell(record, index, createdColumn) : '';
    const created = createdText === '' ? event.at : reader.time(createdText, row, createdColumn);
    const at = this.taken(event, created, key, "the ticket's creation");
    const ownKey = (' ' + key).slice(1); // a copy, not a slice of the chunk
    const fields = this.fieldsOf(record, index, null);
    const ticket: Ticket = { key: ownKey, status, fields, clocks: [], last: at, lastRank: event.rank, rating: reader.rating(record, index, row) };
    ticket.clocks = this.clocks.map((clock) => clock.open({ key: ownKey, created, status, fields }, this.onCycle));
    this.tickets.set(ownKey, ticket);
    this.span.add(at, row);
    return ticket;
  }

  /** The fields after a row: its non-blank cells over `current` (a new object only when one changes; null: the first row). */
  private fieldsOf(record: readonly string[], index: readonly number[], current: Record<string, FieldValue> | null): Record<string, FieldValue> {
    const mapped = this.reader.columns.fields;
    let fields: Record<string, FieldValue> | null = current === null ? {} : null;
    for (let k = 0; k < mapped.length; k++) {
      const [field, i] = mapped[k];
      const value = this.reader.cell(record, index, i);
      if (value !== '') this.filled[k] = true;
      if (current === null) fields![field] = value === '' ? null : this.reader.intern(value);
      else if (value !== '' && value !== current[field]) (fields ??= { ...current })[field] = this.reader.intern(value);
    }
    return fields ?? current!;
  }

  /** Applies a row to its ticket: fields first (a cycle closing on this row takes them), then the status change. */
  private next(ticket: Ticket, event: RowEvent, status: string): void {
    const at = this.taken(event, ticket.last, ticket.key, "its previous row's");
    const fields = this.fieldsOf(event.record, event.index, ticket.fields);
    if (fields !== ticket.fields) {
      ticket.fields = fields;
      for (const clock of ticket.clocks) clock.setFields(fields, at);
    }
    const rating = this.reader.rating(event.record, event.index, event.row);
    if (rating !== null) ticket.rating = rating;
    if (status !== ticket.status) {
      ticket.status = status;
      if (this.asOf === undefined || at <= this.asOf) {
        for (const clock of ticket.clocks) clock.apply(at, 'status', status);
      }
    }
    ticket.last = at;
    ticket.lastRank = event.rank;
    this.span.add(at, event.row);
  }

  private retire(ticket: Ticket): void {
    const states: SuspendedClock[] = [];
    for (const clock of ticket.clocks) {
      const state = clock.suspend();
      if (state === null) return; // a running clock keeps the ticket as it is
      states.push(state);
    }
    // Sized once: an array grown by push keeps spare room, three times these few numbers.
    const numbers = new Array<number>(HEAD_NUMBERS + CLOCK_NUMBERS * states.length);
    numbers[0] = ticket.rating ?? NaN;
    numbers[1] = ticket.last;
    numbers[2] = ticket.lastRank;
    states.forEach((state, i) => {
      for (let k = 0; k < CLOCK_NUMBERS; k++) numbers[HEAD_NUMBERS + i * CLOCK_NUMBERS + k] = state[k];
    });
    this.tickets.set(ticket.key, { status: ticket.status, fields: ticket.fields, numbers });
  }

  private revive(key: string, retired: Retired): Ticket {
    const { status, fields, numbers } = retired;
    const clockState = (i: number) => numbers.slice(HEAD_NUMBERS + i * CLOCK_NUMBERS, HEAD_NUMBERS + (i + 1) * CLOCK_NUMBERS) as unknown as SuspendedClock;
    const ticket: Ticket = {
      key,
      status,
      fields,
      clocks: this.clocks.map((clock, i) => TicketClock.resume(clock, { key, status, fields }, clockState(i), this.onCycle)),
      last: numbers[1],
      lastRank: numbers[2],
      rating: Number.isNaN(numbers[0]) ? null : numbers[0],
    };
    this.tickets.set(key, ticket);
    return ticket;
  }

  /** No clock runs: nothing to finish; the flags say resolved and reopened. */
  private retiredOutcome({ fields, numbers }: Retired): TicketOutcome {
    let measured = false;
    let flags = 0;
    for (let i = 0; i < this.clocks.length; i++) {
      if (!this.clocks[i].appliesToFields(fields)) continue;
      measured = true;
      flags |= numbers[HEAD_NUMBERS + i * CLOCK_NUMBERS + FLAGS];
    }
    const rating = Number.isNaN(numbers[0]) ? null : numbers[0];
    // Every clock's state starts with the ticket's creation.
    return { measured, resolved: (flags & RESOLVED) !== 0, reopened: (flags & REOPENED) !== 0, rating, created: numbers[HEAD_NUMBERS], fields };
  }

  private finishTicket(ticket: Ticket, asOf: Instant): TicketOutcome {
    const outcome: TicketOutcome = { measured: false, resolved: false, reopened: false, rating: ticket.rating, created: ticket.clocks[0].created, fields: ticket.fields };
    for (let i = 0; i < this.clocks.length; i++) {
      if (!this.clocks[i].appliesToFields(ticket.fields)) continue;
      outcome.measured = true;
      const clock = ticket.clocks[i];
      clock.finish(asOf);
      outcome.resolved ||= clock.resolved;
      outcome.reopened ||= clock.reopened;
    }
    return outcome;
  }
}
