import type { Instant } from '../core/calendar';
import { type SlaClock, type SlaCycle, type SuspendedClock, TicketClock, type FieldValue } from '../core/sla';
import { InputError } from './errors';
import type { RowReader } from './input/rows';

/** What is kept per ticket while the log streams by: its current status and fields, and one clock per policy. */
interface Ticket {
  key: string;
  status: string;
  fields: Record<string, FieldValue>;
  /** One clock per policy; empty until the creation row is known (with `order`, once its time's rows are sorted). */
  clocks: TicketClock[];
  created: Instant;
  last: Instant;
  lastRow: number;
  rating: number | null;
  /** Rows sharing the latest time, waiting for the `order` column to sort them (only with `order` mapped). */
  pending: PendingRow[] | null;
}

/**
 * A ticket none of whose clocks is running (closed, or waiting to enter a start status), kept small until its next
 * row: its status, fields and, as one array of numbers, its rating, last time, last row and each clock's state.
 */
interface Retired {
  status: string;
  fields: Record<string, FieldValue>;
  numbers: number[];
}

const isRetired = (ticket: Ticket | Retired): ticket is Retired => 'numbers' in ticket;

interface PendingRow {
  at: Instant;
  row: number;
  order: number;
  status: string;
  values: string[];
}

/** One row, read: the raw record (cells by `index`) and its ticket, time and status. */
export interface RowEvent {
  record: readonly string[];
  index: readonly number[];
  row: number;
  key: string;
  at: Instant;
  timeText: string;
  status: string;
}

/** What a ticket adds to the report's accuracy and satisfaction figures once the log has been read. */
export interface TicketOutcome {
  /** A policy (and one of its goals) applied to the ticket. */
  measured: boolean;
  resolved: boolean;
  reopened: boolean;
  rating: number | null;
}

/** Each clock's suspended state takes this many numbers; the flags (resolved 8, reopened 4) are the sixth. */
const CLOCK_NUMBERS = 6;
const FLAGS = 5;
const RESOLVED = 8;
const REOPENED = 4;

/**
 * Every ticket's state as rows arrive: each row is applied to its ticket's clocks (one per policy); a cycle is handed
 * to `onCycle` when it stops. Rows of a ticket must come in time order (rows sharing a time may be ordered by the
 * `order` column).
 */
export class TicketBook {
  private readonly tickets = new Map<string, Ticket | Retired>();
  private previous: Ticket | undefined;
  private readonly identity: number[];

  constructor(
    private readonly reader: RowReader,
    private readonly clocks: readonly SlaClock[],
    private readonly onCycle: (cycle: SlaCycle, number: number) => void,
    /** Status changes after this instant are not applied (`--as-of` before the log's end). */
    private readonly asOf: Instant | undefined,
  ) {
    this.identity = reader.columns.names.map((_, i) => i);
  }

  get size(): number {
    return this.tickets.size;
  }

  add(event: RowEvent): void {
    const { key, at, row } = event;
    const ticket = this.ticketOf(key);
    if (ticket === undefined) {
      this.previous = this.open(event);
      return;
    }
    if (at < ticket.last) {
      const columns = this.reader.columns;
      throw new InputError(
        `${this.reader.where(row, columns.time)}: ticket ${key} at ${JSON.stringify(event.timeText)} is earlier than its row ${ticket.lastRow}; sort the log by ticket and time${columns.order < 0 ? ' (or map "order" for rows that share a time)' : ''}`,
      );
    }
    if (ticket.pending !== null) {
      const pending = this.pendingRow(event);
      if (at > ticket.last) this.flushPending(ticket);
      ticket.pending.push(pending);
    } else this.applyRow(ticket, at, event.status, event.record, event.index, row);
    ticket.last = at;
    ticket.lastRow = row;
    this.previous = ticket;
  }

  /** Finishes every ticket's clocks at `asOf` and hands over what each adds to the report. */
  finish(asOf: Instant, visit: (outcome: TicketOutcome) => void): void {
    for (const held of this.tickets.values()) visit(isRetired(held) ? this.retiredOutcome(held) : this.finishTicket(held, asOf));
  }

  /** The ticket of a row: rows of a ticket usually come together, so the previous row's is checked first. */
  private ticketOf(key: string): Ticket | undefined {
    if (this.previous !== undefined && this.previous.key === key) return this.previous;
    // The previous row's ticket, when its clocks are not running, shrinks to a few numbers until it shows up again.
    if (this.previous !== undefined) this.retire(this.previous);
    const held = this.tickets.get(key);
    return held !== undefined && isRetired(held) ? this.revive(key, held) : held;
  }

  private open(event: RowEvent): Ticket {
    const { record, index, row, at, status } = event;
    const reader = this.reader;
    const columns = reader.columns;
    let created = at;
    if (columns.created >= 0) {
      const text = reader.cell(record, index, columns.created);
      if (text !== '') created = reader.time(text, row, columns.created);
      if (created > at) {
        throw new InputError(
          `${reader.where(row, columns.time)}: ${JSON.stringify(event.timeText)} is before the ticket's creation (${JSON.stringify(text)} in column "${columns.names[columns.created]}")`,
        );
      }
    }
    const key = (' ' + event.key).slice(1); // a copy, not a slice of the chunk
    const ticket: Ticket = { key, status, fields: {}, clocks: [], created, last: at, lastRow: row, rating: null, pending: null };
    // With `order`, the first row is the creation only once the rows sharing its time are sorted by it.
    if (columns.order >= 0) ticket.pending = [this.pendingRow(event)];
    else this.start(ticket, status, record, index, row);
    this.tickets.set(key, ticket);
    return ticket;
  }

  /** Fields and rating from the creation row, and a clock per policy. */
  private start(ticket: Ticket, status: string, record: readonly string[], index: readonly number[], row: number): void {
    const fields: Record<string, FieldValue> = {};
    for (const [field, i] of this.reader.columns.fields) {
      const value = this.reader.cell(record, index, i);
      fields[field] = value === '' ? null : this.reader.intern(value);
    }
    ticket.fields = fields;
    ticket.rating = this.reader.rating(record, index, row);
    ticket.clocks = this.clocks.map((clock) => clock.open({ key: ticket.key, created: ticket.created, status, fields }, this.onCycle));
  }

  /** Applies a row to its ticket: fields first (a cycle closing on this row takes them), then the status change. */
  private applyRow(ticket: Ticket, at: Instant, status: string, record: readonly string[], index: readonly number[], row: number): void {
    let fields: Record<string, FieldValue> | null = null;
    for (const [field, i] of this.reader.columns.fields) {
      const value = this.reader.cell(record, index, i);
      if (value !== '' && value !== ticket.fields[field]) (fields ??= { ...ticket.fields })[field] = this.reader.intern(value);
    }
    if (fields !== null) {
      ticket.fields = fields;
      for (const clock of ticket.clocks) clock.fields = fields;
    }
    const rating = this.reader.rating(record, index, row);
    if (rating !== null) ticket.rating = rating;
    if (status !== ticket.status) {
      ticket.status = status;
      if (this.asOf === undefined || at <= this.asOf) {
        for (const clock of ticket.clocks) clock.apply(at, 'status', status);
      }
    }
  }

  private pendingRow(event: RowEvent): PendingRow {
    const { record, index, row } = event;
    const order = this.reader.order(record, index, row);
    return { at: event.at, row, order, status: event.status, values: this.reader.columns.names.map((_, i) => this.reader.intern(this.reader.cell(record, index, i))) };
  }

  private flushPending(ticket: Ticket): void {
    const rows = ticket.pending;
    if (rows === null || rows.length === 0) return;
    ticket.pending = [];
    rows.sort((a, b) => a.order - b.order);
    let i = 0;
    if (ticket.clocks.length === 0) {
      const first = rows[i++];
      ticket.status = first.status;
      this.start(ticket, first.status, first.values, this.identity, first.row);
    }
    for (; i < rows.length; i++) this.applyRow(ticket, rows[i].at, rows[i].status, rows[i].values, this.identity, rows[i].row);
  }

  private retire(ticket: Ticket): void {
    this.flushPending(ticket);
    // Sized once: an array grown by push keeps spare room, three times these few numbers.
    const numbers = new Array<number>(3 + CLOCK_NUMBERS * ticket.clocks.length);
    numbers[0] = ticket.rating ?? NaN;
    numbers[1] = ticket.last;
    numbers[2] = ticket.lastRow;
    for (let i = 0; i < ticket.clocks.length; i++) {
      const state = ticket.clocks[i].suspend();
      if (state === null) return; // a running clock keeps the ticket as it is
      for (let k = 0; k < CLOCK_NUMBERS; k++) numbers[3 + i * CLOCK_NUMBERS + k] = state[k];
    }
    this.tickets.set(ticket.key, { status: ticket.status, fields: ticket.fields, numbers });
  }

  private revive(key: string, retired: Retired): Ticket {
    const { status, fields, numbers } = retired;
    const clockState = (i: number) => numbers.slice(3 + i * CLOCK_NUMBERS, 3 + (i + 1) * CLOCK_NUMBERS) as unknown as SuspendedClock;
    const ticket: Ticket = {
      key,
      status,
      fields,
      clocks: this.clocks.map((clock, i) => TicketClock.resume(clock, { key, status, fields }, clockState(i), this.onCycle)),
      created: numbers[3],
      last: numbers[1],
      lastRow: numbers[2],
      rating: Number.isNaN(numbers[0]) ? null : numbers[0],
      pending: this.reader.columns.order >= 0 ? [] : null,
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
      flags |= numbers[3 + i * CLOCK_NUMBERS + FLAGS];
    }
    return { measured, resolved: (flags & RESOLVED) !== 0, reopened: (flags & REOPENED) !== 0, rating: Number.isNaN(numbers[0]) ? null : numbers[0] };
  }

  private finishTicket(ticket: Ticket, asOf: Instant): TicketOutcome {
    this.flushPending(ticket);
    const outcome: TicketOutcome = { measured: false, resolved: false, reopened: false, rating: ticket.rating };
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
