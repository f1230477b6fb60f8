import type { Instant } from '../core/calendar';
import { COMMENT_FIELD, type FieldValue, type SlaClock, type SlaCycle, singleValue, type SuspendedClock, TicketClock } from '../core/sla';
import type { RowReader } from './input/rows';
import type { LogSpan } from './log-span';
import type { Correction, QualityCounter } from './quality';
import { RetiredTickets, type TicketFields } from './retired';
import { KeyNumbers } from './key-numbers';
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

/** What is kept per running ticket while the log streams by: its current status and fields, and one clock per policy. */
interface Ticket {
  /** Its number in the book's keys. */
  number: number;
  key: string;
  status: string;
  fields: TicketFields;
  /** The fields' values in the mapping's order: a row's cells are compared with these (an array read, no lookup by name). */
  values: Array<string | null>;
  clocks: TicketClock[];
  /** The time of the ticket's latest row, as taken (never before the creation or an earlier row). */
  last: Instant;
  /** The rank of its latest row: a later group of rows must not rank before it. */
  lastRank: number;
  rating: number | null;
}

/** A ticket none of whose clocks is running is held as its slot in the RetiredTickets store. */
const isRetired = (ticket: Ticket | number): ticket is number => typeof ticket === 'number';

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

/** A suspended clock's flags: resolved, reopened. */
const RESOLVED = 8;
const REOPENED = 4;

const NONE_MOVED: readonly RowEvent[] = [];

/**
 * Sorts a ticket's rows by rank, then file position, and returns the rows that came after a row the order puts
 * later (each is a row moved back).
 */
function sortRows(rows: RowEvent[]): readonly RowEvent[] {
  let inFileOrder = true;
  let ranked = true;
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    if (b.row < a.row) inFileOrder = false;
    if (b.rank < a.rank || (b.rank === a.rank && b.row < a.row)) ranked = false;
  }
  if (inFileOrder && ranked) return NONE_MOVED;
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
  /** Every ticket's number, in order of its first row. */
  private readonly keys = new KeyNumbers();
  /** By number: the ticket, or its slot in `retired`. */
  private readonly tickets: Array<Ticket | number> = [];
  private readonly retired: RetiredTickets;
  /** Per mapped field, whether any row filled it. */
  readonly filled: boolean[];
  /** Fields (and comments) whose changes some policy's conditions read: only these are fed to the clocks as events. */
  private readonly eventFields: ReadonlySet<string>;

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
    this.retired = new RetiredTickets(clocks.length, reader.columns.fields.map(([field]) => field));
    this.eventFields = new Set(clocks.flatMap((clock) => [...clock.eventFields]));
  }

  get size(): number {
    return this.tickets.length;
  }

  /** Rows of one ticket, in file order (or already sorted); throws OutOfOrder when they rank before its earlier rows. */
  addGroup(key: string, rows: RowEvent[]): void {
    let ticket = this.ticketOf(key);
    const moved = sortRows(rows);
    if (ticket !== undefined && rows[0].rank < ticket.lastRank) throw new OutOfOrder(rows[0].row);
    for (const event of moved) this.correct('reordered', event.row, key, 'the row comes after a row its order puts later');
    for (const event of rows) {
      const comment = this.reader.comment(event.record, event.index);
      let status = this.reader.status(event.record, event.index);
      // A comment row need not repeat the status: it keeps the ticket's.
      if (status === '' && comment !== null && ticket !== undefined) status = ticket.status;
      if (status === '') {
        this.correct('blankStatus', event.row, key, 'the status is blank');
        continue;
      }
      if (ticket === undefined) {
        ticket = this.open(key, event, status);
        if (comment !== null) this.feed(ticket, ticket.last, COMMENT_FIELD, comment, null);
      } else this.next(ticket, event, status, comment);
    }
    // A ticket whose clocks are not running (closed, or waiting to enter a start status) shrinks to a few numbers
    // until its next rows, so memory follows the open tickets, whatever the row order.
    if (ticket !== undefined) this.retire(ticket);
  }

  /** Finishes every ticket's clocks at `asOf` and hands over what each adds to the report. */
  finish(asOf: Instant, visit: (outcome: TicketOutcome) => void): void {
    for (const held of this.tickets) visit(isRetired(held) ? this.retiredOutcome(held) : this.finishTicket(held, asOf));
  }

  private ticketOf(key: string): Ticket | undefined {
    const number = this.keys.find(key);
    if (number < 0) return undefined;
    const held = this.tickets[number];
    return isRetired(held) ? this.revive(number, held) : held;
  }

  /** A time earlier than `floor` (the previous row's, or the creation) is taken at `floor`, counted. */
  private taken(event: RowEvent, floor: Instant, key: string, what: string): Instant {
    if (event.at >= floor) return event.at;
    this.correct('time', event.row, key, `the time is before ${what} (${formatDateTime(floor, 'UTC')})`);
    return floor;
  }

  /**
   * A correction counted. Its own method, with the message passed in, so that the hot methods calling it hold no
   * closure: a closure over their variables would cost every call a context object, correction or not.
   */
  private correct(kind: Correction, row: number, key: string, what: string): void {
    this.quality.correct(kind, row, () => `ticket ${key}: ${what}`);
  }

  private open(key: string, event: RowEvent, status: string): Ticket {
    const { record, index, row } = event;
    const reader = this.reader;
    const createdColumn = reader.columns.created;
    const createdText = createdColumn >= 0 ? reader.cell(record, index, createdColumn) : '';
    const created = createdText === '' ? event.at : reader.time(createdText, row, createdColumn);
    const at = this.taken(event, created, key, "the ticket's creation");
    const number = this.keys.add(key);
    const ownKey = this.keys.keyOf(number); // a copy, not a slice of the chunk
    const mapped = reader.columns.fields;
    const values = new Array<string | null>(mapped.length);
    for (let k = 0; k < mapped.length; k++) {
      const value = reader.cell(record, index, mapped[k][1]);
      values[k] = value === '' ? null : reader.intern(value);
    }
    const fields = this.fieldsOfValues(values);
    const ticket: Ticket = { number, key: ownKey, status, fields, values, clocks: [], last: at, lastRank: event.rank, rating: reader.rating(record, index, row) };
    ticket.clocks = this.clocks.map((clock) => clock.open({ key: ownKey, created, status, fields }, this.onCycle));
    this.tickets.push(ticket);
    this.span.add(at, row);
    return ticket;
  }

  /** Fields from their values in the mapping's order; a value read marks its field as filled. */
  private fieldsOfValues(values: ReadonlyArray<string | null>): TicketFields {
    const mapped = this.reader.columns.fields;
    const fields: TicketFields = {};
    for (let k = 0; k < mapped.length; k++) {
      fields[mapped[k][0]] = values[k];
      if (values[k] !== null) this.filled[k] = true;
    }
    return fields;
  }

  /** A row's non-blank cells over the ticket's fields: a new fields object only when a value changes. */
  private updateFields(ticket: Ticket, record: readonly string[], index: readonly number[], at: Instant): void {
    const mapped = this.reader.columns.fields;
    const values = ticket.values;
    let fields: TicketFields | null = null;
    for (let k = 0; k < mapped.length; k++) {
      const value = this.reader.cell(record, index, mapped[k][1]);
      if (value === '') continue;
      this.filled[k] = true;
      if (value === values[k]) continue;
      values[k] = this.reader.intern(value);
      (fields ??= { ...ticket.fields })[mapped[k][0]] = values[k];
    }
    if (fields === null) return;
    ticket.fields = fields;
    for (const clock of ticket.clocks) clock.setFields(fields, at);
  }

  /** Feeds a change some policy's conditions read to the ticket's clocks (none after `--as-of`). */
  private feed(ticket: Ticket, at: Instant, field: string, to: string | null, from: string | null): void {
    if (!this.eventFields.has(field) || (this.asOf !== undefined && at > this.asOf)) return;
    for (const clock of ticket.clocks) clock.apply(at, field, to, from);
  }

  /**
   * Applies a row to its ticket: fields first (a cycle closing on this row takes them, and conditions on a field see
   * its change), then the row's comment, then the status change.
   */
  private next(ticket: Ticket, event: RowEvent, status: string, comment: string | null): void {
    const at = this.taken(event, ticket.last, ticket.key, "its previous row's");
    const before = ticket.fields;
    this.updateFields(ticket, event.record, event.index, at);
    if (ticket.fields !== before) {
      for (const field of this.eventFields) {
        if (ticket.fields[field] !== before[field]) this.feed(ticket, at, field, singleValue(ticket.fields[field]), singleValue(before[field]));
      }
    }
    if (comment !== null) this.feed(ticket, at, COMMENT_FIELD, comment, null);
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
    let clocks: SuspendedClock[] | null = null; // allocated only for a ticket that retires (most rows leave it running)
    for (const clock of ticket.clocks) {
      const state = clock.suspend();
      if (state === null) return; // a running clock keeps the ticket as it is
      (clocks ??= []).push(state);
    }
    if (clocks === null) return; // no policy
    this.tickets[ticket.number] = this.retired.add({ status: ticket.status, values: ticket.values, rating: ticket.rating, last: ticket.last, lastRank: ticket.lastRank, clocks });
  }

  private revive(number: number, slot: number): Ticket {
    const key = this.keys.keyOf(number);
    const { status, fields, rating, last, lastRank, clocks } = this.retired.get(slot);
    this.retired.free(slot);
    const ticket: Ticket = {
      number,
      key,
      status,
      fields,
      values: this.reader.columns.fields.map(([field]) => fields[field]),
      clocks: this.clocks.map((clock, i) => TicketClock.resume(clock, { key, status, fields }, clocks[i], this.onCycle)),
      last,
      lastRank,
      rating,
    };
    this.tickets[number] = ticket;
    return ticket;
  }

  /** No clock runs: nothing to finish; the flags say resolved and reopened. */
  private retiredOutcome(slot: number): TicketOutcome {
    const fields = this.retired.fields(slot);
    let measured = false;
    let flags = 0;
    for (let i = 0; i < this.clocks.length; i++) {
      if (!this.clocks[i].appliesToFields(fields)) continue;
      measured = true;
      flags |= this.retired.flags(slot, i);
    }
    return { measured, resolved: (flags & RESOLVED) !== 0, reopened: (flags & REOPENED) !== 0, rating: this.retired.rating(slot), created: this.retired.created(slot), fields };
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
