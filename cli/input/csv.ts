import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
import { InputError } from '../errors';
import type { Mapping } from './mapping';

/** A data row: `record[index[i]]` is the value of the i-th column asked for; `row` counts lines from the header (1). */
export type RowHandler = (record: readonly string[], index: readonly number[], row: number) => void;
/** Share of the file read so far, 0..1. */
export type ProgressHandler = (share: number) => void;

const SNIFF_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'] as const;
const NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const show = (delimiter: string) => `"${delimiter === '\t' ? '\\t' : delimiter}" (${NAMES[delimiter] ?? 'other'})`;

type Decoding = 'utf8' | 'latin1' | 'win1252' | 'utf16le' | 'utf16be';

/** Which decoding the bytes need, and how many byte-order-mark bytes to skip; an encoding mistake is an InputError. */
function decodingOf(head: Buffer, encoding: Mapping['encoding'], source: string): { decoding: Decoding; skip: number } {
  const bom =
    head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 'UTF-8' : head[0] === 0xff && head[1] === 0xfe ? 'UTF-16LE' : head[0] === 0xfe && head[1] === 0xff ? 'UTF-16BE' : null;
  if (bom !== null && encoding !== 'utf-8') {
    throw new InputError(
      `${source}: the file starts with a ${bom} byte-order mark but the mapping says "encoding": "${encoding}"; the encoding is the likely cause: set "encoding": "utf-8" (a byte-order mark is honoured, UTF-16 too)`,
    );
  }
  if (bom === 'UTF-8') return { decoding: 'utf8', skip: 3 };
  if (bom === 'UTF-16LE') return { decoding: 'utf16le', skip: 2 };
  if (bom === 'UTF-16BE') return { decoding: 'utf16be', skip: 2 };
  if (head.subarray(0, 4096).includes(0)) {
    throw new InputError(
      `${source}: the file has NUL bytes, as UTF-16 text without a byte-order mark has; the encoding is the likely cause: save it as UTF-8, or as UTF-16 with a byte-order mark`,
    );
  }
  return { decoding: encoding === 'utf-8' ? 'utf8' : encoding === 'latin1' ? 'latin1' : 'win1252', skip: 0 };
}

type Iconv = typeof import('iconv-lite');
/** Node decodes UTF-8, Latin-1 and UTF-16LE itself; iconv-lite (loaded only then) the rest. */
const needsIconv = (decoding: Decoding) => decoding === 'win1252' || decoding === 'utf16be';
const iconvName = (decoding: Decoding) => (decoding === 'win1252' ? 'win1252' : 'utf16-be');

const decodeText = (bytes: Buffer, decoding: Decoding, iconv: Iconv | null): string =>
  iconv !== null ? iconv.decode(bytes, iconvName(decoding)) : bytes.toString(decoding as BufferEncoding);

/** Counts a delimiter outside double quotes. */
const countOutsideQuotes = (line: string, delimiter: string) => {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) n++;
  }
  return n;
};

/** The candidate that splits the header line most, or null when none occurs. */
function detectDelimiter(headerLine: string): string | null {
  let best: string | null = null;
  let most = 0;
  for (const d of DELIMITERS) {
    const n = countOutsideQuotes(headerLine, d);
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/**
 * Bytes read at a time. A block's text stays an ordinary young object (V8 puts an object over 128 KiB in its
 * large-object space): blocks of 128 KiB cost a time-sorted million-row log 35 % more CPU, 1 MiB 30 %, and 16 KiB 3 %
 * (each beside 64 KiB, the two taking turns).
 * A cell keeps at most one block alive.
 */
const BLOCK_BYTES = 1 << 16;

/**
 * The file from `start`, decoded, one block at a time. Synchronous reads: the log is read straight through, and an
 * asynchronous stream would add an event-loop round trip per block with nothing else to run meanwhile.
 */
function* decodedBlocks(path: string, start: number, decoding: Decoding, iconv: Iconv | null): Generator<string> {
  const decoder = iconv !== null ? iconv.getDecoder(iconvName(decoding)) : new StringDecoder(decoding as BufferEncoding);
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.allocUnsafe(BLOCK_BYTES);
    let position = start;
    for (;;) {
      const bytes = readSync(fd, block, 0, BLOCK_BYTES, position);
      if (bytes === 0) break;
      position += bytes;
      const text = decoder.write(block.subarray(0, bytes));
      if (text !== '') yield text;
    }
    const rest = decoder.end();
    if (rest !== undefined && rest !== '') yield rest;
  } finally {
    closeSync(fd);
  }
}

/** Why a column the mapping names is not in the header: a wrong delimiter or encoding most often. */
function missingColumnHint(header: readonly string[], headerLine: string, delimiter: string, decoding: Decoding): string {
  const other = DELIMITERS.filter((d) => d !== delimiter).map((d) => [d, countOutsideQuotes(headerLine, d)] as const).sort((a, b) => b[1] - a[1])[0];
  if (header.length <= 2 && other[1] > 0) {
    return `the header reads as ${header.length} column${header.length === 1 ? '' : 's'} with the delimiter ${show(delimiter)} but holds ${other[1]} ${show(other[0])}; the delimiter is the likely cause`;
  }
  if (/[\uFFFD]|Ã.|Â./.test(headerLine)) {
    return `the header has garbled characters; the encoding is the likely cause (read as ${decoding === 'utf8' ? 'utf-8' : decoding})`;
  }
  return `the header has: ${header.map((name) => JSON.stringify(name)).join(', ')}`;
}

/** How the file is written: decoding, byte-order mark, header line, line ending and delimiter, from its first bytes. */
async function sniff(path: string, source: string, mapping: Mapping) {
  let head: Buffer;
  let size: number;
  const fd = openSync(path, 'r');
  try {
    size = fstatSync(fd).size;
    head = Buffer.alloc(Math.min(SNIFF_BYTES, size));
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const { decoding, skip } = decodingOf(head, mapping.encoding, source);
  const iconv = needsIconv(decoding) ? (await import('iconv-lite')).default : null;
  const sniffed = decodeText(head.subarray(skip), decoding, iconv);
  const lineEnd = sniffed.indexOf('\n');
  const headerLine = (lineEnd < 0 ? sniffed : sniffed.slice(0, lineEnd)).replace(/\r$/, '');
  if (headerLine.trim() === '') throw new InputError(`${source} row 1: the header line is empty; expected the column names`);
  const newline: '\r\n' | '\r' | '\n' = lineEnd > 0 && sniffed[lineEnd - 1] === '\r' ? '\r\n' : lineEnd < 0 && sniffed.includes('\r') ? '\r' : '\n';
  const delimiter = mapping.delimiter ?? detectDelimiter(headerLine) ?? ',';
  return { size, decoding, skip, iconv, headerLine, newline, delimiter };
}

/**
 * Streams a delimited file through papaparse's parser, chunk by chunk (fast path: a chunk without quotes is split on
 * line and delimiter). Checks the header holds every column asked for, then hands each data row over.
 */
export async function readCsv(path: string, source: string, mapping: Mapping, columns: readonly string[], onRow: RowHandler, onProgress?: ProgressHandler): Promise<void> {
  const { size, decoding, skip, iconv, headerLine, newline, delimiter } = await sniff(path, source, mapping);
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  let index: number[] | null = null;
  let row = 0;
  let partial = '';
  const take = (text: string, last: boolean) => {
    const results = parser.parse(text, 0, !last) as Papa.ParseResult<string[]>;
    if (results.errors.length > 0) {
      const error = results.errors[0];
      throw new InputError(`${source} row ${row + (error.row ?? 0) + 1}: ${error.message} (CSV ${error.code})`);
    }
    for (const record of results.data) {
      row++;
      if (index === null) {
        const header = record.map((name) => name.trim());
        index = columns.map((name) => {
          const i = header.indexOf(name);
          if (i < 0) throw new InputError(`${source} row 1: no column "${name}" named in the mapping; ${missingColumnHint(header, headerLine, delimiter, decoding)}`);
          return i;
        });
        continue;
      }
      if (record.length === 1 && record[0] === '') continue; // an empty line
      onRow(record, index, row);
    }
    return last ? '' : text.slice(results.meta.cursor);
  };

  let read = 0;
  for (const text of decodedBlocks(path, skip, decoding, iconv)) {
    if (decoding === 'utf8' && text.includes('\uFFFD')) {
      // The rows parsed so far, then the lines of the unparsed text before the bad bytes.
      const pending = partial + text;
      const lines = pending.slice(0, pending.indexOf('\uFFFD')).split('\n').length;
      throw new InputError(
        `${source} row ${row + lines}: bytes that are not UTF-8; the encoding is the likely cause: set "encoding": "latin1" or "windows-1252" in the mapping`,
      );
    }
    partial = take(partial + text, false);
    read += text.length;
    onProgress?.(Math.min(1, read / size));
  }
  take(partial, true);
  if (index === null) throw new InputError(`${source}: no header row`);
}
