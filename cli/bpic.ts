import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { Instant } from '../core/calendar/types';
import type { FieldValue, TicketEvent, TicketHistory } from '../core/sla/ticket';
import { InputError } from './errors';
import type { EventLog } from './run';
import { parseDateTime } from './time';

/**
 * Ticket fields read from the BPIC 2013 VINST log, by camelCase key, with the column each comes from. Values are those
 * of the ticket's latest row (the current values, as a ticket tool would show them); an empty cell is null.
 */
export const BPIC_FIELDS = {
  /** Major, High, Medium or Low: picks the SLA goal. */
  impact: 'Problem Latest Impact',
  /** The organisation line of the support team involved (Org line A2, Org line C, …). */
  orgLine: 'Problem Involved ST Org line 3',
  /** Its function division (A2_1, E_6, …); often empty. */
  functionDiv: 'Problem Involved ST Function Div',
  /** The support team that owns the problem (G345 2nd, …). */
  owner: 'Problem Involved Owner ST',
  product: 'Product',
  /** The country of the problem (se, pl, …), not of the person acting on it. */
  country: 'Country',
} as const;

const KEY = 'Problem Number';
const TIME = 'Problem Change Date+Time';
const STATUS = 'Problem Status';
const SUB_STATUS = 'Problem Sub Status';
const COLUMNS = [KEY, TIME, STATUS, SUB_STATUS, ...Object.values(BPIC_FIELDS)];

/** Impact levels from the most to the least severe, the order reports list them in. */
export const IMPACTS = ['Major', 'High', 'Medium', 'Low'] as const;

interface StatusRow {
  at: Instant;
  /** Status and sub-status as one value, `Accepted/Wait`: the clock pauses on the pair, not on `Accepted`. */
  status: string;
}

/** What is kept of a ticket while the log streams by: its status rows and the fields of its latest row. */
interface PendingTicket {
  rows: StatusRow[];
  latest: Instant;
  fields: Record<string, FieldValue>;
}

/**
 * Reads the BPIC 2013 VINST problem-management log (`;`-separated, ISO-8859-1, one row per status change) from a byte
 * stream into ticket histories. `source` names the file in errors, which give its row (line) number: the header is
 * row 1. Only each ticket's status rows and latest fields are held, not the text or the parsed rows.
 */
export async function readBpicLog(bytes: Readable, source: string): Promise<EventLog> {
  const tickets = new Map<string, PendingTicket>();
  let header: { width: number; index: Map<string, number> } | null = null;
  let events = 0;
  let firstEvent = Infinity;
  let lastEvent = -Infinity;

  const readHeader = (record: string[]) => {
    for (const name of COLUMNS) {
      if (!record.includes(name)) throw new InputError(`${source} row 1: no "${name}" column; expected the BPIC 2013 VINST header (${KEY};${TIME};…)`);
    }
    return { width: record.length, index: new Map(record.map((name, i) => [name, i])) };
  };

  const readRow = (record: string[], row: number) => {
    if (!header) {
      header = readHeader(record);
      return;
    }
    if (record.length !== header.width) throw new InputError(`${source} row ${row}: ${record.length} columns, expected ${header.width} as in the header`);
    const { index } = header;
    const cell = (name: string) => record[index.get(name)!].trim();
    const required = (name: string) => {
      const value = cell(name);
      if (value === '') throw new InputError(`${source} row ${row}: "${name}" is empty`);
      return value;
    };
    const key = required(KEY);
    const time = cell(TIME);
    const at = parseDateTime(time);
    if (at === null) throw new InputError(`${source} row ${row}: "${TIME}" is ${JSON.stringify(time)}, expected an ISO date-time`);
    const status = `${required(STATUS)}/${required(SUB_STATUS)}`;

    events++;
    firstEvent = Math.min(firstEvent, at);
    lastEvent = Math.max(lastEvent, at);
    let ticket = tickets.get(key);
    if (!ticket) tickets.set(key, (ticket = { rows: [], latest: -Infinity, fields: {} }));
    ticket.rows.push({ at, status });
    if (at >= ticket.latest) {
      ticket.latest = at;
      ticket.fields = Object.fromEntries(Object.entries(BPIC_FIELDS).map(([field, name]) => [field, cell(name) || null]));
    }
  };

  const parser = parse({ delimiter: ';', info: true, relax_column_count: true, skip_empty_lines: true });
  // pipeline() rejects with an AbortError when the last stage throws while a file stream is still open: keep ours.
  let rowError: InputError | undefined;
  await pipeline(bytes, iconv.decodeStream('latin1'), parser, async (records: AsyncIterable<{ record: string[]; info: { lines: number } }>) => {
    try {
      for await (const { record, info } of records) readRow(record, info.lines);
    } catch (error) {
      if (error instanceof InputError) rowError = error;
      throw error;
    }
  }).catch((error: unknown) => {
    throw rowError ?? (error instanceof CsvError ? new InputError(`${source}: ${error.message}`) : error);
  });
  if (events === 0) throw new InputError(`${source}: no events after the header row`);

  return {
    source,
    tickets: Array.from(tickets, ([key, ticket]) => toHistory(key, ticket)),
    events,
    firstEvent,
    lastEvent,
  };
}

/** Created at the first row, in its status; an event for every later row that changes the status. */
function toHistory(key: string, { rows, fields }: PendingTicket): TicketHistory {
  rows.sort((a, b) => a.at - b.at); // stable: rows at the same second keep the log's order
  const events: TicketEvent[] = [];
  let status = rows[0].status;
  for (const row of rows) {
    if (row.status === status) continue;
    status = row.status;
    events.push({ at: row.at, field: 'status', to: status });
  }
  return { key, created: rows[0].at, status: rows[0].status, fields, events };
}
