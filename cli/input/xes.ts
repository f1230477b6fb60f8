import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { SaxesTag } from 'saxes';
import { InputError } from '../errors';
import type { ProgressHandler, RowHandler } from './csv';

/** XES attribute elements with a key and a value (lists and containers are skipped). */
const ATTRIBUTES = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);
/** A column named `trace:KEY` is the trace's attribute KEY only; the case is `trace:concept:name` by default. */
export const TRACE_PREFIX = 'trace:';
export const XES_CASE = `${TRACE_PREFIX}concept:name`;

/** An element's name without its namespace prefix: `xes:log` is a `log`. */
const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** An event's row: each column from the event, else (but for `eventOnly` columns) from its trace; `trace:` columns from the trace. */
const recordOf = (columns: readonly string[], event: Map<string, string>, trace: Map<string, string>, eventOnly: ReadonlySet<string>): string[] =>
  columns.map((column) => (column.startsWith(TRACE_PREFIX) ? trace.get(column.slice(TRACE_PREFIX.length)) : (event.get(column) ?? (eventOnly.has(column) ? undefined : trace.get(column)))) ?? '');

/** How the file's bytes are read: XML's default UTF-8, or the mapping's Latin-1 (`encoding`). */
type XesEncoding = 'utf-8' | 'latin1' | 'windows-1252';

/**
 * Streams an XES event log (IEEE 1849): each `<event>` becomes a row whose columns are its attributes; a field falls
 * back to its trace's attributes, but `eventOnly` columns (time, status, order) never do, so an event without a
 * status reads as blank, not as its trace's name. The trace's `concept:name` is the case. `row` is the line of the
 * event's end in the file.
 */
export async function readXes(
  path: string,
  source: string,
  columns: readonly string[],
  eventOnly: ReadonlySet<string>,
  encoding: XesEncoding,
  onRow: RowHandler,
  onProgress?: ProgressHandler,
): Promise<void> {
  const { SaxesParser } = await import('saxes'); // loaded for XES only: every CSV run starts faster
  const parser = new SaxesParser({ position: true });
  const index = columns.map((_, i) => i);
  let trace: Map<string, string> | null = null;
  let event: Map<string, string> | null = null;
  let depth = 0; // nesting inside an attribute (list/container children are not the event's own)
  let sawLog = false;
  let events = 0;
  const failed: { error?: InputError } = {}; // set by the parser's error handler

  parser.on('opentag', (tag: SaxesTag) => {
    const name = localName(tag.name);
    if (name === 'log') sawLog = true;
    else if (name === 'trace') trace = new Map();
    else if (name === 'event') event = new Map();
    else if (ATTRIBUTES.has(name) || name === 'list' || name === 'container') {
      if (depth === 0) {
        const { key, value } = tag.attributes as Record<string, string | undefined>; // no xmlns option: plain strings
        const owner = event ?? trace;
        if (owner !== null && key !== undefined && value !== undefined) owner.set(key, value);
      }
      if (!tag.isSelfClosing) depth++;
    }
  });
  parser.on('closetag', (tag: SaxesTag) => {
    const name = localName(tag.name);
    if (ATTRIBUTES.has(name) || name === 'list' || name === 'container') {
      if (!tag.isSelfClosing) depth--;
    } else if (name === 'event' && event !== null) {
      if (trace === null) throw new InputError(`${source} line ${parser.line}: an <event> outside a <trace>`);
      const own = event;
      const of = trace;
      const record = recordOf(columns, own, of, eventOnly);
      events++;
      onRow(record, index, parser.line);
      event = null;
    } else if (name === 'trace') trace = null;
  });
  parser.on('error', (error) => {
    failed.error ??= new InputError(`${source}: not well-formed XML (${error.message})`);
  });

  await feed(path, source, encoding, (text) => {
    parser.write(text);
    if (failed.error) throw failed.error;
  }, onProgress);
  parser.close();
  if (failed.error) throw failed.error;
  if (!sawLog) throw new InputError(`${source}: no <log> element; expected an XES event log`);
  if (events === 0) throw new InputError(`${source}: no <event> in any <trace>`);
}

/** Hands the file's text to `write` chunk by chunk, without a leading byte-order mark; bytes that are not UTF-8 are an error. */
async function feed(path: string, source: string, encoding: XesEncoding, write: (text: string) => void, onProgress?: ProgressHandler): Promise<void> {
  const bytes = createReadStream(path, { highWaterMark: 1 << 16 });
  let stream: Readable = bytes;
  if (encoding === 'windows-1252') stream = bytes.pipe((await import('iconv-lite')).default.decodeStream('win1252')) as unknown as Readable;
  else bytes.setEncoding(encoding === 'latin1' ? 'latin1' : 'utf8');
  let read = 0;
  let lines = 1;
  try {
    for await (const chunk of stream) {
      const text = chunk as string;
      const bad = encoding === 'utf-8' ? text.indexOf('\uFFFD') : -1;
      if (bad >= 0) {
        // Distinct names (Té, Tè) would all read as one: said, with the line, instead.
        const line = lines + (text.slice(0, bad).match(/\n/g)?.length ?? 0);
        throw new InputError(`${source} line ${line}: bytes that are not UTF-8; the encoding is the likely cause: set "encoding": "latin1" or "windows-1252" in the mapping`);
      }
      lines += text.match(/\n/g)?.length ?? 0;
      write(read === 0 ? text.replace(/^\uFEFF/, '') : text);
      read += text.length;
      onProgress?.(read);
    }
  } finally {
    bytes.destroy();
  }
}
