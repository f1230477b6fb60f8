import { statSync } from 'node:fs';
import { CalendarError, type Instant, MS_PER_DAY } from '../core/calendar';
import { type Catalogue, MarketTally, readSignalParameters, type SignalParameters } from '../core/market';
import { type CalendarSet, type SlaClock, type SlaCycle, SlaError } from '../core/sla';
import { InputError } from './errors';
import { readCsv } from './input/csv';
import { type MappedColumns, type Mapping, mappedColumns } from './input/mapping';
import { bucketsFor, RowGroups, SortedRows } from './input/order';
import { RowReader } from './input/rows';
import { readXes, TRACE_PREFIX, XES_CASE } from './input/xes';
import { type CyclesWriter, cycleLine } from './report/cycles-csv';
import type { ReportResult } from './report/result';
import { LogSpan } from './log-span';
import { type DataQuality, policyFields, policyStatuses, QualityCounter } from './quality';
import { REQUESTER_FIELD, SignalsBuilder } from './signals';
import { OutcomeTally, ReportBuilder } from './tally';
import { OutOfOrder, type RowEvent, TicketBook, type TicketOutcome } from './tickets';
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
  /** Each correction (a row reordered, a time taken later, a blank status skipped) is an error instead. */
  strict?: boolean;
  /** Buckets of the sort on disk (a shuffled log only; as many as the log's size asks when absent): a bucket's rows are held in memory at once. */
  sortBuckets?: number;
  /** The gaming signals' parameters (`--signals`); the defaults when absent; null leaves the signals out (a baseline). */
  signals?: SignalParameters | null;
  /** The internal market's catalogue (`--catalogue`): statements and OLA chains tallied beside compliance. */
  catalogue?: Catalogue;
}

/** A latest row this far past every other one is reported before it sets the default as-of. */
const OUTLIER_DAYS = 365;

/**
 * The pipeline: rows are read (`input/`), grouped by ticket and put in each ticket's order (`input/order`), applied
 * to its ticket's state with corrections counted (`tickets`), each cycle tallied as it stops and written to
 * `--cycles` (`tally`), the open ones at the end; the result is what the report writers draw.
 *
 * A log whose tickets' rows come together, or in time order, streams. At the first row that ranks before an earlier
 * group of its ticket's rows (a shuffled log), the pass stops and the log is read again through a sort on disk (`input/order`).
 */
export async function analyseLog(options: AnalyseOptions): Promise<ReportResult> {
  try {
    return await analysePass(options, false);
  } catch (error) {
    if (!(error instanceof OutOfOrder)) throw error;
    if (options.strict) {
      throw new InputError(`${options.input.name} ${options.mapping.format === 'xes' ? 'line' : 'row'} ${error.row}: the row comes after rows of its ticket that its order puts later (--strict: corrections are errors; leave --strict out to have the log sorted)`);
    }
    options.cycles?.restart();
    return await analysePass(options, true);
  }
}

async function analysePass(options: AnalyseOptions, sort: boolean): Promise<ReportResult> {
  const { input, mapping, clocks, calendars, cycles } = options;
  const source = input.name;
  const xes = mapping.format === 'xes';
  const rowWord = xes ? 'line' : 'row';
  const caseColumn = xes ? (mapping.case === undefined ? XES_CASE : `${TRACE_PREFIX}${mapping.case}`) : mapping.case!;
  const reader = new RowReader(mapping, mappedColumns(mapping, caseColumn), source, rowWord);
  const builder = new ReportBuilder(clocks, calendars, options.by ?? []);
  const signals = options.signals === null ? null : new SignalsBuilder(options.signals ?? readSignalParameters(), clocks, calendars, options.by ?? [], Object.hasOwn(mapping.fields, REQUESTER_FIELD));
  const onCycle = (cycle: SlaCycle, number: number) => {
    builder.add(cycle);
    signals?.add(cycle, number);
    cycles?.write(cycleLine(cycle, number, builder.timeZone));
  };
  const market = marketOf(options, builder.timeZone);
  const span = new LogSpan();
  const quality = new QualityCounter(options.strict ?? false, (row) => `${source} ${rowWord} ${row}`);
  const book = new TicketBook(reader, clocks, onCycle, options.asOf, quality, span);
  const rows = await feedRows(options, reader, book, sort);
  if (book.size === 0) throw new InputError(`${source}: every row's status is blank; no ticket to measure`);

  const asOf = options.asOf ?? span.last;
  const dataQuality = dataQualityOf(rows, book, quality, reader, mapping, clocks);
  const warnings = [
    ...outlierWarning(options.asOf, span, book.size, `${source} ${rowWord}`, builder.timeZone),
    ...unseenStopWarnings(clocks, reader.statuses),
    ...unmappedFieldWarnings(clocks, mapping),
  ];
  const outcomes = new OutcomeTally();
  try {
    book.finish(asOf, outcomeVisitor(outcomes, market, asOf));
  } catch (error) {
    throw explain(error, source);
  }
  const result = builder.result(
    { source, tickets: book.size, events: rows, firstEvent: span.first, lastEvent: span.last, asOf, asOfIsLatestEvent: asOf === span.last },
    { ...outcomes.result(mapping.rating?.scale), warnings, dataQuality },
  );
  const withSignals = { ...result, gamingSignals: signals?.result() ?? null };
  return market === null ? withSignals : { ...withSignals, internalMarket: market.report() };
}

/** Reads the log into the ticket book, a ticket's rows at a time: as they stream, or sorted on disk first (a shuffled log). Returns the rows read. */
async function feedRows(options: AnalyseOptions, reader: RowReader, book: TicketBook, sort: boolean): Promise<number> {
  const source = options.input.name;
  const addGroup = (key: string, rows: RowEvent[]) => book.addGroup(key, rows);
  const groups = new RowGroups(addGroup);
  const cellCount = reader.columns.names.length;
  // A row's ticket, time and rank, read into one object reused for every row (no allocation on the hot path).
  const read = { key: '', at: 0, rank: 0 };
  const readRow = (record: readonly string[], index: readonly number[], row: number): void => {
    read.key = reader.key(record, index, row);
    read.at = reader.time(reader.timeText(record, index, row), row, reader.columns.time);
    read.rank = reader.columns.order >= 0 ? reader.order(record, index, row) : read.at;
  };
  const cellIndex = reader.columns.names.map((_, i) => i);
  const eventOfCells = (cells: string[], row: number): RowEvent => {
    readRow(cells, cellIndex, row);
    return { record: cells, index: cellIndex, row, key: read.key, at: read.at, rank: read.rank };
  };
  const sorted = sort ? new SortedRows(eventOfCells, options.sortBuckets ?? bucketsFor(statSync(options.input.path).size)) : null;
  let rows = 0;
  const onRow = (record: readonly string[], index: readonly number[], row: number) => {
    rows++;
    if (sorted !== null) {
      // The time and order cells are read (and checked) once, when the sorted rows come back.
      sorted.add(record, index, row, reader.key(record, index, row), cellCount);
      return;
    }
    readRow(record, index, row);
    groups.add(record, index, row, read.key, read.at, read.rank);
  };

  try {
    await readLog(options, reader, onRow);
    if (rows === 0) throw new InputError(`${source}: no events after the header`);
    if (sorted === null) groups.end();
    else sorted.drain(addGroup);
  } catch (error) {
    throw explain(error, source);
  } finally {
    sorted?.discard();
  }
  return rows;
}

/** With `--catalogue`: the market's tally, hearing the cycles of the clocks its services use. */
function marketOf({ catalogue, clocks }: AnalyseOptions, timeZone: string): MarketTally | null {
  if (catalogue === undefined) return null;
  const market = new MarketTally(catalogue, timeZone);
  market.watch(clocks);
  return market;
}

/** Each ticket's outcome to the report's tally and, created by `asOf`, to the market's requests. */
const outcomeVisitor = (outcomes: OutcomeTally, market: MarketTally | null, asOf: Instant) => (outcome: TicketOutcome) => {
  outcomes.add(outcome);
  if (market !== null && outcome.created <= asOf) market.addTicket(outcome.created, outcome.fields);
};

/** The columns an XES event must carry itself (never taken from its trace): time, status, order. */
const eventColumns = (columns: MappedColumns): Set<string> => new Set([columns.time, ...columns.status, columns.order].filter((i) => i >= 0).map((i) => columns.names[i]));

/** Hands each row of the log, CSV or XES, to `onRow`, with the share read to the progress line. */
async function readLog({ input, mapping, onProgress }: AnalyseOptions, reader: RowReader, onRow: (record: readonly string[], index: readonly number[], row: number) => void): Promise<void> {
  if (mapping.format !== 'xes') return readCsv(input.path, input.name, mapping, reader.columns.names, onRow, onProgress);
  const size = statSync(input.path).size;
  await readXes(input.path, input.name, reader.columns.names, eventColumns(reader.columns), mapping.encoding, onRow, onProgress && ((read) => onProgress(Math.min(1, read / size))));
}

function dataQualityOf(rows: number, book: TicketBook, quality: QualityCounter, reader: RowReader, mapping: Mapping, clocks: readonly SlaClock[]): DataQuality {
  const named = policyStatuses(clocks.map((c) => c.policy));
  const mapped = new Set(Object.keys(mapping.fields));
  return {
    rows,
    tickets: book.size,
    rowsReordered: quality.rowsReordered,
    timesCorrected: quality.timesCorrected,
    blankStatusesSkipped: quality.blankStatusesSkipped,
    statusesNoPolicyNames: [...reader.statuses].filter((s) => !named.has(s)).sort(),
    mappedFieldsNeverFilled: reader.columns.fields.filter((_, k) => !book.filled[k]).map(([field]) => field),
    policyFieldsNotMapped: [...new Set(clocks.flatMap((c) => policyFields(c.policy)))].filter((f) => !mapped.has(f)).sort(),
  };
}

/** A policy that tests or starts on a field the mapping does not map reads it as blank on every ticket: said. */
function unmappedFieldWarnings(clocks: readonly SlaClock[], mapping: Mapping): string[] {
  const mapped = new Set(Object.keys(mapping.fields));
  return clocks.flatMap(({ policy }) =>
    policyFields(policy)
      .filter((field) => !mapped.has(field))
      .map((field) => `--policies: policy ${policy.id} reads the field ${JSON.stringify(field)}, which the mapping does not map: it is blank on every ticket (map it under "fields")`),
  );
}

/** A latest row far past every other one sets the default as-of: said, with how to measure up to another time. */
function outlierWarning(explicitAsOf: Instant | undefined, span: LogSpan, tickets: number, rowOf: string, timeZone: string): string[] {
  if (explicitAsOf !== undefined || tickets <= 1 || span.last - span.secondLast <= OUTLIER_DAYS * MS_PER_DAY) return [];
  const days = Math.round((span.last - span.secondLast) / MS_PER_DAY);
  return [
    `${rowOf} ${span.lastRow}: ${formatDateTime(span.last, timeZone)} is ${days.toLocaleString('en-US')} days after every other row; it sets the default as-of (give --as-of to measure up to another time)`,
  ];
}

/** A policy whose stop statuses the log never holds measures nothing that ends: said, with the statuses that occur. */
function unseenStopWarnings(clocks: readonly SlaClock[], statuses: ReadonlySet<string>): string[] {
  const warnings: string[] = [];
  for (const { policy } of clocks) {
    const stops = policy.stop.statuses;
    if (stops.length > 0 && !stops.some((s) => statuses.has(s))) {
      const seen = [...statuses].slice(0, 20).map((s) => JSON.stringify(s));
      warnings.push(
        `--policies: policy ${policy.id} stops on ${stops.map((s) => JSON.stringify(s)).join(', ')}, which the log's status never holds; statuses that occur: ${seen.join(', ')}${statuses.size > 20 ? ', …' : ''}`,
      );
    }
  }
  return warnings;
}

/** A core error met while running the clocks is bad input too: it names the policy, goal or ticket. */
function explain(error: unknown, source: string): unknown {
  if (error instanceof SlaError || error instanceof CalendarError) return new InputError(`${source}: ${error.message}`, { cause: error });
  return error;
}
