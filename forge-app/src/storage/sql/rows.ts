import { database, type SqlValue } from './database';
import { FORGE_SQL_LIMITS } from './limits';

/** Room left in a request for the statement's text: rows are packed up to this many bytes of parameters. */
const PARAM_BYTES = Math.floor(FORGE_SQL_LIMITS.requestBytes * 0.8);
/** At most this many rows per INSERT: keeps each statement well inside the 10 s DML limit. */
const MAX_ROWS = 500;

/** `(?, ?, …)` for `n` values. */
export const placeholders = (n: number): string => `(${Array.from({ length: n }, () => '?').join(', ')})`;

/** Packs rows into chunks that each fit one request (1 MiB) and hold at most MAX_ROWS rows. */
function chunksOf(rows: ReadonlyArray<readonly SqlValue[]>): Array<ReadonlyArray<readonly SqlValue[]>> {
  const chunks: Array<Array<readonly SqlValue[]>> = [];
  let current: Array<readonly SqlValue[]> = [];
  let bytes = 0;
  for (const row of rows) {
    const size = Buffer.byteLength(JSON.stringify(row));
    if (current.length > 0 && (current.length >= MAX_ROWS || bytes + size > PARAM_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The tail of an INSERT that keeps a row already stored (INSERT IGNORE would also hide other errors), named by a key column. */
export const keepStored = (keyColumn: string): string => `ON DUPLICATE KEY UPDATE ${keyColumn} = ${keyColumn}`;

/** Multi-row INSERT of `rows` into `table`, as few statements as the request limit allows; `tail` follows VALUES. */
export async function insertRows(table: string, columns: readonly string[], rows: ReadonlyArray<readonly SqlValue[]>, tail = ''): Promise<number> {
  let statements = 0;
  for (const chunk of chunksOf(rows)) {
    const values = chunk.map(() => placeholders(columns.length)).join(', ');
    await database.write(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ${tail}`, chunk.flat());
    statements++;
  }
  return statements;
}

/** Splits a list into slices of `size` (IN lists stay short). */
export const slices = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** A number from a SQL answer: drivers give BIGINT and SUM() as numbers or strings. */
export const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value));
export const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : num(value));
