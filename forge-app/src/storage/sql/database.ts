import { ForgeSQLAPIError, sql } from '@forge/sql';
import { checkStatement, FORGE_SQL_LIMITS, SqlRuleError, type StatementKind, timeLimitMs } from './limits';

/** A value bound to a `?` placeholder. */
export type SqlValue = string | number | null;

/** What an INSERT, UPDATE or DELETE answers (Forge SQL's UpdateQueryResponse, mysql2's ResultSetHeader). */
interface WriteResult {
  affectedRows: number;
  insertId: number;
}

/** The parallel consumers the sync queue runs (sync/limits.ts): each paces its writes to its share of the DML rate. */
export const SQL_WRITERS = 6;

/** A sliding one-second window of write instants: waits before a write that would go over this process's share. */
class DmlPacer {
  private readonly recent: number[] = [];
  constructor(private readonly perSecond: number) {}

  async admit(): Promise<void> {
    for (;;) {
      const now = performance.now();
      while (this.recent.length > 0 && this.recent[0] <= now - 1_000) this.recent.shift();
      if (this.recent.length < this.perSecond) {
        this.recent.push(now);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, this.recent[0] + 1_000 - now));
    }
  }
}

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '');

/** Forge SQL answers a statement over its time limit with QUERY_TIMED_OUT (@forge/sql errorCodes). */
const isTimeout = (error: unknown): boolean => error instanceof ForgeSQLAPIError && error.code === 'QUERY_TIMED_OUT';

/**
 * The app's only door to Forge SQL: every statement goes through `@forge/sql` (`sql.prepare(…).bindParams(…)`,
 * `sql.executeDDL`), after the checks Forge SQL makes (one statement per query, no foreign keys, request size) and
 * before those of the answer (response size). Writes are paced to this process's share of the 150 DML requests a
 * second; a statement over its kind's time limit surfaces as a SqlRuleError naming the limit. Tests put a MariaDB
 * behind the same `@forge/sql` API (test/helpers/forge-sql.ts), so the SQL here is what runs in Forge.
 */
class SqlDatabase {
  /** Statements sent, by kind: the bench reads them per ticket. */
  readonly counts: Record<StatementKind, number> = { select: 0, dml: 0, ddl: 0 };
  private readonly pacer = new DmlPacer(Math.floor(FORGE_SQL_LIMITS.dmlPerSecond / SQL_WRITERS));

  private async send<T>(statement: string, params: readonly SqlValue[], kind: StatementKind): Promise<T> {
    if (bytesOf({ query: statement, params }) > FORGE_SQL_LIMITS.requestBytes) throw new SqlRuleError('request-size', `a Forge SQL request holds at most ${FORGE_SQL_LIMITS.requestBytes} bytes: ${statement.slice(0, 80)}`);
    if (kind === 'dml') await this.pacer.admit();
    this.counts[kind]++;
    try {
      const result = kind === 'ddl' ? await sql.executeDDL<T>(statement) : await sql.prepare<T>(statement).bindParams(...params).execute();
      return result.rows as T;
    } catch (error) {
      if (isTimeout(error)) throw new SqlRuleError('timeout', `a ${kind.toUpperCase()} statement runs at most ${timeLimitMs(kind) / 1000} s in Forge SQL: ${statement.slice(0, 80)}`);
      throw error;
    }
  }

  /** Rows of a SELECT, refused when the answer is over Forge SQL's 4 MiB response limit. */
  async select<Row>(statement: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    if (checkStatement(statement) !== 'select') throw new TypeError(`select() runs SELECT statements: ${statement.slice(0, 80)}`);
    const rows = await this.send<Row[]>(statement, params, 'select');
    if (bytesOf(rows) > FORGE_SQL_LIMITS.responseBytes) throw new SqlRuleError('response-size', `a Forge SQL response holds at most ${FORGE_SQL_LIMITS.responseBytes} bytes: page the query (${statement.slice(0, 80)})`);
    return rows;
  }

  /** One INSERT, UPDATE or DELETE. */
  async write(statement: string, params: readonly SqlValue[] = []): Promise<WriteResult> {
    if (checkStatement(statement) !== 'dml') throw new TypeError(`write() runs INSERT, UPDATE or DELETE statements: ${statement.slice(0, 80)}`);
    const { affectedRows, insertId } = await this.send<WriteResult>(statement, params, 'dml');
    return { affectedRows, insertId };
  }

  /** One DDL statement (migrations go through migrationRunner; this is for the adapter's own checks and tests). */
  async ddl(statement: string): Promise<void> {
    if (checkStatement(statement) !== 'ddl') throw new TypeError(`ddl() runs DDL statements: ${statement.slice(0, 80)}`);
    await this.send<unknown>(statement, [], 'ddl');
  }
}

/** The installation's database, as the handlers use it. */
export const database = new SqlDatabase();
