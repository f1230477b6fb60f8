import { statSync } from 'node:fs';
import { CalendarError, type Instant } from '../core/calendar';
import { type CalendarSet, type SlaClock, type SlaCycle, type SuspendedClock, TicketClock, SlaError, type FieldValue } from '../core/sla';
import { type CyclesWriter, cycleLine } from './cycles';
import { InputError } from './errors';
import { readCsv } from './input/csv';
import { type Mapping, mappedColumns } from './input/mapping';
import { compileTimeFormat } from './input/time';
import { readXes, TRACE_PREFIX, XES_CASE } from './input/xes';
import { accuracyOf, ReportBuilder, type ReportResult, satisfactionOf } from './run';
import { formatDateTime } from './time';

export interface AnalyseOptions {
  /** The log: `path` to open, `name` as the person gave it (errors and the report use it). */
  input: { path: string; name: string };
  mapping: Mapping;
  clocks: readonly SlaClock[];
  calendars: CalendarSet;
  /** Open cycles are measured up to this instant; the log's latest event by default. */
  asOf?: Instant;
  /** Ticket fields to group compliance by (`--by`). */
  by?: readonly string[];
  cycles?: CyclesWriter;
  /** Share of the input read, 0..1. */
  onProgress?: (share: number) => void;
}

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

const FIRST_INSTANT = Date.UTC(1900, 0, 2);
const LAST_INSTANT = Date.UTC(2300, 11, 30);
const MS_PER_DAY = 86_400_000;
/** A latest row this far past every other one is reported before it sets the default as-of. */
const OUTLIER_DAYS = 365;

/**
 * Reads an event log through a mapping and runs every policy's clock as the rows stream by: each ticket keeps its
 * status, fields and clock state; each cycle is counted (and written to `--cycles`) when it stops, the open ones at the
 * end. Rows of a ticket must come in time order (rows sharing a time may be ordered by the `order` column).
 */
export async function analyseLog(options: AnalyseOptions): Promise<ReportResult> {
  const { input, mapping, clocks, calendars, cycles } = options;
  const source = input.name;
  const by = options.by ?? [];
  const xes = mapping.format === 'xes';
  const caseColumn = xes ? (mapping.case === undefined ? XES_CASE : `${TRACE_PREFIX}${mapping.case}`) : mapping.case!;
  const columns = mappedColumns(mapping, caseColumn);
  const parseTime = compileTimeFormat(mapping.time.format, mapping.time.timeZone);
  const timeForm = mapping.time.format ?? 'ISO 8601 (2012-01-16T14:45:58+01:00)';
  const missing = new Set(mapping.missing);
  const longestMissing = Math.max(0, ...mapping.missing.map((m) => m.length)); // most cells are longer: no hashing
  const builder = new ReportBuilder(clocks, calendars, by);
  const explicitAsOf = options.asOf;
  const columnName = (i: number) => columns.names[i];
  const where = (row: number, i: number) => `${source} ${xes ? 'line' : 'row'} ${row}, column "${columnName(i)}"`;

  // Values seen many times (statuses, teams) are kept once: a cell is a slice of the chunk it was read from, and
  // holding it would keep the whole chunk alive.
  const pool = new Map<string, string>();
  const intern = (text: string): string => {
    const known = pool.get(text);
    if (known !== undefined) return known;
    const copy = (' ' + text).slice(1);
    if (pool.size < 100_000) pool.set(copy, copy);
    return copy;
  };
  const statuses = new Set<string>();

  const tickets = new Map<string, Ticket | Retired>();
  let previous: Ticket | undefined;
  let events = 0;
  let first = Infinity;
  let last = -Infinity;
  let lastRow = 0;
  let secondLast = -Infinity;

  /** One handler for every ticket: the clock numbers its cycles. */
  const onCycle = (cycle: SlaCycle, number: number) => {
    builder.add(cycle);
    cycles?.write(cycleLine(cycle, number, builder.timeZone));
  };

  const time = (text: string, row: number, i: number): Instant => {
    const at = parseTime(text);
    if (Number.isNaN(at)) throw new InputError(`${where(row, i)}: ${JSON.stringify(text)} is not a time in the form ${timeForm}`);
    if (!(at >= FIRST_INSTANT && at <= LAST_INSTANT)) throw new InputError(`${where(row, i)}: ${JSON.stringify(text)} is outside the years 1900-2300`);
    return at;
  };
  const ratingOf = (text: string, row: number): number => {
    const value = Number(text);
    const [low, high] = mapping.rating!.scale === '1-5' ? [1, 5] : [0, 10];
    if (!Number.isInteger(value) || value < low || value > high) {
      throw new InputError(`${where(row, columns.rating)}: ${JSON.stringify(text)} is not a whole number from ${low} to ${high} (rating scale ${mapping.rating!.scale})`);
    }
    return value;
  };

  /** A mapped cell of a row, trimmed, blank when the mapping lists it as missing. */
  const cellOf = (record: readonly string[], index: readonly number[], i: number): string => {
    const raw = record[index[i]];
    if (raw === undefined) return '';
    const value = raw.trim();
    return value.length <= longestMissing && missing.has(value) ? '' : value;
  };
  /** Status values joined with `/`, each combination kept once (no string is built for a combination seen before). */
  const statusPool = new Map<string, unknown>();
  const statusOf = (record: readonly string[], index: readonly number[], row: number): string => {
    let level: Map<string, unknown> = statusPool;
    let joined = '';
    const parts = columns.status;
    for (let k = 0; k < parts.length; k++) {
      const part = cellOf(record, index, parts[k]);
      if (part === '') throw new InputError(`${where(row, parts[k])}: the status is blank`);
      joined = joined === '' ? part : `${joined}/${part}`;
      let next = level.get(part);
      if (next === undefined) {
        next = k === parts.length - 1 ? intern(joined) : new Map<string, unknown>();
        level.set(intern(part), next);
        if (k === parts.length - 1) statuses.add(next as string);
      }
      if (k === parts.length - 1) return next as string;
      level = next as Map<string, unknown>;
    }
    return joined;
  };

  /** Applies a row to its ticket: fields first (a cycle closing on this row takes them), then the status change. */
  const applyRow = (ticket: Ticket, at: Instant, status: string, record: readonly string[], index: readonly number[], row: number) => {
    let fields: Record<string, FieldValue> | null = null;
    const mapped = columns.fields;
    for (let k = 0; k < mapped.length; k++) {
      const [field, i] = mapped[k];
      const value = cellOf(record, index, i);
      if (value !== '' && value !== ticket.fields[field]) (fields ??= { ...ticket.fields })[field] = intern(value);
    }
    if (fields !== null) {
      ticket.fields = fields;
      for (const clock of ticket.clocks) clock.fields = fields;
    }
    if (columns.rating >= 0) {
      const rating = cellOf(record, index, columns.rating);
      if (rating !== '') ticket.rating = ratingOf(rating, row);
    }
    if (status !== ticket.status) {
      ticket.status = status;
      if (explicitAsOf === undefined || at <= explicitAsOf) {
        for (const clock of ticket.clocks) clock.apply(at, 'status', status);
      }
    }
  };
  const identity = columns.names.map((_, i) => i);
  const pendingRow = (record: readonly string[], index: readonly number[], at: Instant, row: number, status: string): PendingRow => {
    const orderText = cellOf(record, index, columns.order);
    const order = orderText === '' ? 0 : Number(orderText);
    if (!Number.isFinite(order)) throw new InputError(`${where(row, columns.order)}: ${JSON.stringify(orderText)} is not a number`);
    return { at, row, order, status, values: columns.names.map((_, i) => intern(cellOf(record, index, i))) };
  };
  const flushPending = (ticket: Ticket) => {
    const rows = ticket.pending;
    if (rows === null || rows.length === 0) return;
    ticket.pending = [];
    rows.sort((a, b) => a.order - b.order);
    let i = 0;
    if (ticket.clocks.length === 0) {
      const first = rows[i++];
      ticket.status = first.status;
      openTicket(ticket, first.status, first.values, identity, first.row);
    }
    for (; i < rows.length; i++) applyRow(ticket, rows[i].at, rows[i].status, rows[i].values, identity, rows[i].row);
  };
  /** Fields and rating from the creation row, and a clock per policy. */
  const openTicket = (ticket: Ticket, status: string, record: readonly string[], index: readonly number[], row: number) => {
    const fields: Record<string, FieldValue> = {};
    for (const [field, i] of columns.fields) {
      const value = cellOf(record, index, i);
      fields[field] = value === '' ? null : intern(value);
    }
    ticket.fields = fields;
    const rating = columns.rating >= 0 ? cellOf(record, index, columns.rating) : '';
    ticket.rating = rating === '' ? null : ratingOf(rating, row);
    ticket.clocks = clocks.map((clock) => clock.open({ key: ticket.key, created: ticket.created, status, fields }, onCycle));
  };

  const retire = (ticket: Ticket) => {
    flushPending(ticket);
    // Sized once: an array grown by push keeps spare room, three times these few numbers.
    const numbers = new Array<number>(3 + 6 * ticket.clocks.length);
    numbers[0] = ticket.rating ?? NaN;
    numbers[1] = ticket.last;
    numbers[2] = ticket.lastRow;
    for (let i = 0; i < ticket.clocks.length; i++) {
      const state = ticket.clocks[i].suspend();
      if (state === null) return; // a running clock keeps the ticket as it is
      for (let k = 0; k < 6; k++) numbers[3 + i * 6 + k] = state[k];
    }
    tickets.set(ticket.key, { status: ticket.status, fields: ticket.fields, numbers });
  };
  const revive = (key: string, retired: Retired): Ticket => {
    const { status, fields, numbers } = retired;
    const ticket: Ticket = {
      key,
      status,
      fields,
      clocks: clocks.map((clock, i) => TicketClock.resume(clock, { key, status, fields }, numbers.slice(3 + i * 6, 9 + i * 6) as unknown as SuspendedClock, onCycle)),
      created: numbers[3],
      last: numbers[1],
      lastRow: numbers[2],
      rating: Number.isNaN(numbers[0]) ? null : numbers[0],
      pending: columns.order >= 0 ? [] : null,
    };
    tickets.set(key, ticket);
    return ticket;
  };

  const onRow = (record: readonly string[], index: readonly number[], row: number) => {
    const key = cellOf(record, index, columns.case);
    if (key === '') throw new InputError(`${where(row, columns.case)}: the ticket is blank`);
    const timeText = cellOf(record, index, columns.time);
    if (timeText === '') throw new InputError(`${where(row, columns.time)}: the time is blank`);
    const at = time(timeText, row, columns.time);
    const status = statusOf(record, index, row);

    events++;
    if (at < first) first = at;
    if (at > last) {
      secondLast = last;
      last = at;
      lastRow = row;
    } else if (at > secondLast) secondLast = at;

    // Rows of a ticket usually come together: comparing with the previous row's key is cheaper than a look-up.
    let ticket: Ticket | Retired | undefined;
    if (previous !== undefined && previous.key === key) ticket = previous;
    else {
      // The previous row's ticket, when its clocks are not running, shrinks to a few numbers until it shows up again.
      if (previous !== undefined) retire(previous);
      ticket = tickets.get(key);
      if (ticket !== undefined && isRetired(ticket)) ticket = revive(key, ticket);
    }
    if (ticket === undefined) {
      let created = at;
      if (columns.created >= 0) {
        const text = cellOf(record, index, columns.created);
        if (text !== '') created = time(text, row, columns.created);
        if (created > at) {
          throw new InputError(`${where(row, columns.time)}: ${JSON.stringify(timeText)} is before the ticket's creation (${JSON.stringify(text)} in column "${columnName(columns.created)}")`);
        }
      }
      const ownKey = (' ' + key).slice(1); // a copy, not a slice of the chunk
      const opened: Ticket = { key: ownKey, status, fields: {}, clocks: [], created, last: at, lastRow: row, rating: null, pending: null };
      if (columns.order >= 0) {
        // The first row is the creation only once the rows sharing its time are sorted by the order column.
        opened.pending = [pendingRow(record, index, at, row, status)];
      } else openTicket(opened, status, record, index, row);
      tickets.set(ownKey, opened);
      previous = opened;
      return;
    }
    if (at < ticket.last) {
      throw new InputError(
        `${where(row, columns.time)}: ticket ${key} at ${JSON.stringify(timeText)} is earlier than its row ${ticket.lastRow}; sort the log by ticket and time${columns.order < 0 ? ' (or map "order" for rows that share a time)' : ''}`,
      );
    }
    if (ticket.pending !== null) {
      const pending = pendingRow(record, index, at, row, status);
      if (at > ticket.last) flushPending(ticket);
      ticket.pending.push(pending);
    } else applyRow(ticket, at, status, record, index, row);
    ticket.last = at;
    ticket.lastRow = row;
    previous = ticket;
  };

  const size = statSync(input.path).size;
  const progress = options.onProgress;
  try {
    if (xes) await readXes(input.path, source, columns.names, onRow, progress && ((read) => progress(Math.min(1, read / size))));
    else await readCsv(input.path, source, mapping, columns.names, onRow, progress);
  } catch (error) {
    throw explain(error, source);
  }
  if (events === 0) throw new InputError(`${source}: no events after the header`);

  const warnings: string[] = [];
  const asOf = explicitAsOf ?? last;
  if (explicitAsOf === undefined && tickets.size > 1 && last - secondLast > OUTLIER_DAYS * MS_PER_DAY) {
    const days = Math.round((last - secondLast) / MS_PER_DAY);
    warnings.push(
      `${source} ${xes ? 'line' : 'row'} ${lastRow}: ${formatDateTime(last, builder.timeZone)} is ${days.toLocaleString('en-US')} days after every other row; it sets the default as-of (give --as-of to measure up to another time)`,
    );
  }
  for (const { policy } of clocks) {
    const stops = policy.stop.statuses;
    if (stops.length > 0 && !stops.some((s) => statuses.has(s))) {
      const seen = [...statuses].slice(0, 20).map((s) => JSON.stringify(s));
      warnings.push(
        `--policies: policy ${policy.id} stops on ${stops.map((s) => JSON.stringify(s)).join(', ')}, which the log's status never holds; statuses that occur: ${seen.join(', ')}${statuses.size > 20 ? ', …' : ''}`,
      );
    }
  }

  let measured = 0;
  let resolved = 0;
  let reopened = 0;
  const ratings: number[] = [];
  try {
    for (const held of tickets.values()) {
      if (isRetired(held)) {
        // No clock runs: nothing to finish; the flags say resolved (8) and reopened (4).
        const { fields, numbers } = held;
        let applies = false;
        let flags = 0;
        for (let i = 0; i < clocks.length; i++) {
          if (!clocks[i].appliesToFields(fields)) continue;
          applies = true;
          flags |= numbers[8 + i * 6];
        }
        if (applies) measured++;
        if (flags & 8) resolved++;
        if (flags & 4) reopened++;
        if (!Number.isNaN(numbers[0])) ratings.push(numbers[0]);
        continue;
      }
      const ticket = held;
      flushPending(ticket);
      let applies = false;
      let isResolved = false;
      let isReopened = false;
      for (let i = 0; i < clocks.length; i++) {
        if (!clocks[i].appliesToFields(ticket.fields)) continue;
        applies = true;
        const clock = ticket.clocks[i];
        clock.finish(asOf);
        isResolved ||= clock.resolved;
        isReopened ||= clock.reopened;
      }
      if (applies) measured++;
      if (isResolved) resolved++;
      if (isReopened) reopened++;
      if (ticket.rating !== null) ratings.push(ticket.rating);
    }
  } catch (error) {
    throw explain(error, source);
  }

  return builder.result(
    { source, tickets: tickets.size, events, firstEvent: first, lastEvent: last, asOf, asOfIsLatestEvent: asOf === last },
    {
      ticketsMeasured: measured,
      accuracy: accuracyOf(resolved, reopened),
      satisfaction: mapping.rating ? satisfactionOf(mapping.rating.scale, ratings) : null,
      warnings,
    },
  );
}

/** A core error met while running the clocks is bad input too: it names the policy, goal or ticket. */
function explain(error: unknown, source: string): unknown {
  if (error instanceof SlaError || error instanceof CalendarError) return new InputError(`${source}: ${error.message}`);
  return error;
}
