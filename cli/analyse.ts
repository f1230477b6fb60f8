import { statSync } from 'node:fs';
import { CalendarError, type Instant } from '../core/calendar';
import { type CalendarSet, type SlaClock, type SlaCycle, SlaError } from '../core/sla';
import { InputError } from './errors';
import { readCsv } from './input/csv';
import { type Mapping, mappedColumns } from './input/mapping';
import { RowReader } from './input/rows';
import { readXes, TRACE_PREFIX, XES_CASE } from './input/xes';
import { type CyclesWriter, cycleLine } from './report/cycles-csv';
import type { ReportResult } from './report/result';
import { OutcomeTally, ReportBuilder } from './tally';
import { TicketBook } from './tickets';
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

const MS_PER_DAY = 86_400_000;
/** A latest row this far past every other one is reported before it sets the default as-of. */
const OUTLIER_DAYS = 365;

/** The log's first and latest times, and the latest but one (to spot a lone stray date at the end). */
class LogSpan {
  events = 0;
  first = Infinity;
  last = -Infinity;
  lastRow = 0;
  secondLast = -Infinity;

  add(at: Instant, row: number): void {
    this.events++;
    if (at < this.first) this.first = at;
    if (at > this.last) {
      this.secondLast = this.last;
      this.last = at;
      this.lastRow = row;
    } else if (at > this.secondLast) this.secondLast = at;
  }
}

/**
 * The pipeline: rows are read (`input/`), each applied to its ticket's state (`tickets`), each cycle tallied as it
 * stops and written to `--cycles` (`tally`), the open ones at the end; the result is what the report writers draw.
 */
export async function analyseLog(options: AnalyseOptions): Promise<ReportResult> {
  const { input, mapping, clocks, calendars, cycles } = options;
  const source = input.name;
  const xes = mapping.format === 'xes';
  const caseColumn = xes ? (mapping.case === undefined ? XES_CASE : `${TRACE_PREFIX}${mapping.case}`) : mapping.case!;
  const reader = new RowReader(mapping, mappedColumns(mapping, caseColumn), source, xes ? 'line' : 'row');
  const builder = new ReportBuilder(clocks, calendars, options.by ?? []);
  const onCycle = (cycle: SlaCycle, number: number) => {
    builder.add(cycle);
    cycles?.write(cycleLine(cycle, number, builder.timeZone));
  };
  const book = new TicketBook(reader, clocks, onCycle, options.asOf);
  const span = new LogSpan();

  const onRow = (record: readonly string[], index: readonly number[], row: number) => {
    const key = reader.key(record, index, row);
    const timeText = reader.timeText(record, index, row);
    const at = reader.time(timeText, row, reader.columns.time);
    const status = reader.status(record, index, row);
    span.add(at, row);
    book.add({ record, index, row, key, at, timeText, status });
  };

  const size = statSync(input.path).size;
  const progress = options.onProgress;
  try {
    if (xes) await readXes(input.path, source, reader.columns.names, onRow, progress && ((read) => progress(Math.min(1, read / size))));
    else await readCsv(input.path, source, mapping, reader.columns.names, onRow, progress);
  } catch (error) {
    throw explain(error, source);
  }
  if (span.events === 0) throw new InputError(`${source}: no events after the header`);

  const asOf = options.asOf ?? span.last;
  const warnings = [...outlierWarning(options.asOf, span, book.size, source, xes ? 'line' : 'row', builder.timeZone), ...unseenStopWarnings(clocks, reader.statuses)];
  const outcomes = new OutcomeTally();
  try {
    book.finish(asOf, (outcome) => outcomes.add(outcome));
  } catch (error) {
    throw explain(error, source);
  }
  return builder.result(
    { source, tickets: book.size, events: span.events, firstEvent: span.first, lastEvent: span.last, asOf, asOfIsLatestEvent: asOf === span.last },
    { ...outcomes.result(mapping.rating?.scale), warnings },
  );
}

/** A latest row far past every other one sets the default as-of: said, with how to measure up to another time. */
function outlierWarning(explicitAsOf: Instant | undefined, span: LogSpan, tickets: number, source: string, rowWord: string, timeZone: string): string[] {
  if (explicitAsOf !== undefined || tickets <= 1 || span.last - span.secondLast <= OUTLIER_DAYS * MS_PER_DAY) return [];
  const days = Math.round((span.last - span.secondLast) / MS_PER_DAY);
  return [
    `${source} ${rowWord} ${span.lastRow}: ${formatDateTime(span.last, timeZone)} is ${days.toLocaleString('en-US')} days after every other row; it sets the default as-of (give --as-of to measure up to another time)`,
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
  if (error instanceof SlaError || error instanceof CalendarError) return new InputError(`${source}: ${error.message}`);
  return error;
}
