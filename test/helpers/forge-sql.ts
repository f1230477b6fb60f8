/**
 * Forge SQL for tests: `@forge/sql`'s own SqlStatement and MigrationRunner over a real MariaDB (scripts/ensure-mariadb.sh
 * starts it), one fresh database per test file, dropped after. The double answers as Forge SQL does where MariaDB
 * would not (https://developer.atlassian.com/platform/forge/limits-sql): statements over 5 s (SELECT), 10 s
 * (INSERT/UPDATE/DELETE) or 20 s (DDL) are stopped by MariaDB's `max_statement_time` and answered QUERY_TIMED_OUT,
 * several statements in one query and foreign keys are refused, and more than 150 DML requests in a second answer 429.
 * Test files wire it with vi.mock('@forge/sql', () => forgeSqlMock()).
 */
import { randomBytes } from 'node:crypto';
import mysql, { type Pool, type ResultSetHeader } from 'mysql2/promise';
// The package's files, not its entry: the entry is what vi.mock replaces.
import { errorCodes } from '../../node_modules/@forge/sql/out/errorCodes.js';
import { ForgeSQLAPIError } from '../../node_modules/@forge/sql/out/errors.js';
import { MigrationRunner } from '../../node_modules/@forge/sql/out/migration.js';
import { SqlStatement } from '../../node_modules/@forge/sql/out/sql-statement.js';
import { forge, forgeUser } from './forge-doubles';

const DDL_ENDPOINT = '/api/v1/execute/ddl';

/** Forge SQL's per-statement time limits; tests may shorten them to reach a limit quickly. */
export const forgeSqlLimits = { selectSeconds: 5, dmlSeconds: 10, ddlSeconds: 20, dmlPerSecond: 150 };

/** MariaDB's ER_STATEMENT_TIMEOUT (https://mariadb.com/kb/en/mariadb-error-code-reference/): max_statement_time reached. */
const ER_STATEMENT_TIMEOUT = 1969;

const apiError = (status: number, code: string, message: string) => new ForgeSQLAPIError({ status, statusText: String(status) }, { code, message });

const kindOf = (query: string): 'select' | 'dml' | 'ddl' => {
  const head = /^\s*\(?\s*([a-z]+)/i.exec(query)?.[1]?.toUpperCase() ?? '';
  return ['SELECT', 'WITH', 'SHOW'].includes(head) ? 'select' : ['INSERT', 'UPDATE', 'DELETE', 'REPLACE'].includes(head) ? 'dml' : 'ddl';
};

class MariaDbSqlClient {
  /** Statements run, in order (the kind and the first words): tests count them per ticket. */
  readonly statements: string[] = [];
  private readonly dmlTimes: number[] = [];
  constructor(private readonly pool: Pool) {}

  prepare<T>(query: string, endpoint = '/api/v1/execute') {
    return new SqlStatement<{ rows: T }>(query, (q, params) => this.run(q, params ?? [], endpoint) as Promise<{ rows: T }>);
  }

  executeRaw<T>(query: string) {
    return this.prepare<T>(query).execute();
  }

  executeDDL<T>(query: string) {
    return this.prepare<T>(query, DDL_ENDPOINT).execute();
  }

  private admitDml(): void {
    const now = performance.now();
    while (this.dmlTimes.length > 0 && this.dmlTimes[0] <= now - 1_000) this.dmlTimes.shift();
    if (this.dmlTimes.length >= forgeSqlLimits.dmlPerSecond) throw apiError(429, 'TOO_MANY_REQUESTS', `more than ${forgeSqlLimits.dmlPerSecond} DML requests in a second`);
    this.dmlTimes.push(now);
  }

  private async run(query: string, params: unknown[], endpoint: string): Promise<{ rows: unknown }> {
    const kind = kindOf(query);
    if (kind === 'ddl' && endpoint !== DDL_ENDPOINT) throw apiError(400, errorCodes.INVALID_SQL_QUERY, 'DDL goes through executeDDL');
    if (/\bFOREIGN\s+KEY\b|\bREFERENCES\b/i.test(query) && kind === 'ddl') throw apiError(400, errorCodes.INVALID_SQL_QUERY, 'Foreign keys are not supported');
    if (kind === 'dml') this.admitDml();
    this.statements.push(query.trim().split(/\s+/).slice(0, 3).join(' '));
    const seconds = kind === 'select' ? forgeSqlLimits.selectSeconds : kind === 'dml' ? forgeSqlLimits.dmlSeconds : forgeSqlLimits.ddlSeconds;
    try {
      // The connection refuses several statements (mysql2's multipleStatements is off), as Forge SQL does.
      const [result] = await this.pool.query(`SET STATEMENT max_statement_time=${seconds} FOR ${query}`, params);
      if (Array.isArray(result)) return { rows: result };
      const header = result as ResultSetHeader;
      return { rows: { affectedRows: header.affectedRows, insertId: header.insertId, fieldCount: header.fieldCount, info: header.info, serverStatus: header.serverStatus, warningStatus: header.warningStatus } };
    } catch (error) {
      const { errno, message } = error as { errno?: number; message: string };
      if (errno === ER_STATEMENT_TIMEOUT) throw apiError(504, errorCodes.QUERY_TIMED_OUT, message);
      throw apiError(400, errorCodes.SQL_EXECUTION_ERROR, message);
    }
  }
}

const server = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };

/** The test file's database: created on first use, dropped by `dropForgeSqlDatabase` (afterAll). */
export const forgeSql = {
  name: `kpi_test_${randomBytes(6).toString('hex')}`,
  pool: null as Pool | null,
  client: null as MariaDbSqlClient | null,
  async open(): Promise<MariaDbSqlClient> {
    if (this.client) return this.client;
    const admin = await mysql.createConnection(server);
    await admin.query(`CREATE DATABASE \`${this.name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    await admin.end();
    this.pool = mysql.createPool({ ...server, database: this.name, connectionLimit: 8, supportBigNumbers: true, bigNumberStrings: false });
    this.client = new MariaDbSqlClient(this.pool);
    return this.client;
  },
  /** Empties every table (between tests), keeping the schema and its migration records. */
  async truncateAll(): Promise<void> {
    if (!this.pool) return;
    const [tables] = await this.pool.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_name <> '__migrations'`, [this.name]);
    for (const { name } of tables as Array<{ name: string }>) await this.pool.query(`DELETE FROM \`${name}\``);
  },
  /**
   * Loads 20,000 stored tickets and cycles of policy `resolve` in project SUP per month, in SQL itself (MariaDB's
   * seq_0_to_19999): one every 100 s from the month's start, 1 in 10 breached, each month stamped as changed (its per-day
   * summary is behind until the app's summariseBehind); then the table statistics a server keeps after a load this size
   * (TiDB's auto-analyze, InnoDB's persistent stats).
   */
  async seedMonthsOfCycles(months: ReadonlyArray<{ start: number; label: string }>): Promise<void> {
    const version = `${'1'.padStart(16, '0')}:${'1'.padStart(16, '0')}`;
    for (const month of months) {
      const key = `CONCAT('SUP-', ${month.start / 1000} + seq)`;
      const at = `(${month.start} + seq * 100000)`;
      await this.pool!.query(`INSERT INTO tickets (gen, issue_key, issue_id, project, version, updated, computed_at, fact_month, resolved_at, tat_minutes, reopened, rating, organization, security_level, result_json)
        SELECT 0, ${key}, seq, 'SUP', ?, 1, 1, ?, ${at}, 60, 0, NULL, NULL, NULL, '{}' FROM seq_0_to_19999`, [version, month.label]);
      await this.pool!.query(`INSERT INTO cycles (gen, issue_key, version, policy_id, seq, issue_id, project, report_month, report_day, reported_at, state, stopped, due, remaining_minutes, priority, request_type, team, assignee, organization, assignee_name, security_level)
        SELECT 0, ${key}, ?, 'resolve', 0, seq, 'SUP', ?, FLOOR(${at} / 86400000), ${at}, IF(seq % 10 = 0, 'b', 'm'), 1, ${at}, 0, 'High', 'Get IT help', NULL, 'acc-1', NULL, NULL, NULL FROM seq_0_to_19999`, [version, month.label]);
      // Stamped as a writer of these cycles leaves the month: its per-day summary is behind until the app recomputes it.
      await this.pool!.query("INSERT INTO cycle_months (gen, policy_id, project, report_month, changed) VALUES (0, 'resolve', 'SUP', ?, UUID())", [month.label]);
    }
    await this.pool!.query("INSERT INTO cycle_projects (gen, policy_id, project, changed) VALUES (0, 'resolve', 'SUP', UUID()) ON DUPLICATE KEY UPDATE changed = VALUES(changed)");
    await this.pool!.query('ANALYZE TABLE cycles, tickets');
  },
  async drop(): Promise<void> {
    if (!this.pool) return;
    await this.pool.query(`DROP DATABASE IF EXISTS \`${this.name}\``);
    await this.pool.end();
    this.pool = null;
    this.client = null;
  },
};

/** The module factory for vi.mock('@forge/sql'): the package's API over the test file's MariaDB database. */
export async function forgeSqlMock() {
  const client = await forgeSql.open();
  const migrationRunner = new MigrationRunner(client as never);
  return { sql: client, default: client, migrationRunner, ForgeSQLAPIError, errorCodes };
}

/** What a test file imported from the app (after its platform mocks): the handlers the helpers below drive. */
interface AppHandlers {
  appLifecycle: (event: { eventType: string }) => Promise<unknown>;
  syncTrigger: () => Promise<unknown>;
  syncConsumer: (event: never) => Promise<unknown>;
}

/**
 * A fresh installation whose results live in `backend` (KVS: not yet upgraded; SQL: installed with Forge SQL's schema),
 * its clock at `now`, the viewer a Jira admin who browses `projects` on a site with the organizations field.
 */
export async function freshInstallation(backend: 'kvs' | 'sql', app: AppHandlers, runtime: { now: () => number; sleep: (ms: number) => Promise<void> }, projects: readonly string[], now: number): Promise<void> {
  forge.reset();
  if (backend === 'sql') {
    await forgeSql.truncateAll();
    await app.appLifecycle({ eventType: 'avi:forge:installed:app' });
  }
  runtime.sleep = async () => {};
  forge.jira.admins.add(forgeUser.accountId);
  forge.jira.browsable = new Set(projects);
  forge.jira.hasOrganizationsField = true;
  runtime.now = () => now;
}

/** Runs the scheduled sync and every queue event it sends: all of Jira's tickets in scope reach the store. */
export async function syncEverything(app: AppHandlers): Promise<void> {
  await app.syncTrigger();
  for (const event of forge.queue.drain()) await app.syncConsumer(event as never);
}
