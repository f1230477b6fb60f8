import { migrationRunner } from '@forge/sql';
import { database } from './database';
import { checkStatement } from './limits';

/**
 * The app's tables, created by `migrationRunner` (@forge/sql) on install and upgrade: each migration runs once per
 * installation, in this order, and is recorded in its `__migrations` table. A change to the schema is a new entry at
 * the end, never an edit of one that ran. Tables use utf8mb4_bin so that keys compare byte for byte, as TiDB's default
 * collation does (MariaDB's default would compare `sup-1` equal to `SUP-1`). No foreign keys (Forge SQL has none).
 *
 * Derived results live in a generation (`gen`): a recompute fills a new one while the gadgets read the active one.
 * Ticket and cycle rows carry the version they were computed from (`version`: Jira's updated and the computing
 * instant, zero-padded); an older version never replaces a newer one. The compliance count reads `cycle_days`, a
 * per-day summary recomputed from the cycles of each month a write touched; `cycles_month` covers the same count over
 * the cycles themselves, for months whose summary is being rewritten.
 */
const TABLE = 'DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

/** @internal Exported so that tests check each statement against the adapter's rules. */
export const MIGRATIONS: ReadonlyArray<readonly [name: string, statement: string]> = [
  ['v001-tickets', `CREATE TABLE IF NOT EXISTS tickets (
    gen INT NOT NULL, issue_key VARCHAR(64) NOT NULL, issue_id VARCHAR(32) NOT NULL, project VARCHAR(64) NOT NULL,
    version CHAR(33) NOT NULL, updated BIGINT NOT NULL, computed_at BIGINT NOT NULL,
    fact_month CHAR(7) NOT NULL, resolved_at BIGINT NULL, tat_minutes INT NULL, reopened INT NOT NULL, rating TINYINT NULL,
    organization VARCHAR(1024) NULL, security_level VARCHAR(32) NULL, result_json MEDIUMTEXT NOT NULL,
    PRIMARY KEY (gen, issue_key), KEY tickets_facts (gen, project, fact_month), KEY tickets_issue_id (gen, issue_id)
  ) ${TABLE}`],
  ['v002-cycles', `CREATE TABLE IF NOT EXISTS cycles (
    gen INT NOT NULL, issue_key VARCHAR(64) NOT NULL, version CHAR(33) NOT NULL, policy_id VARCHAR(255) NOT NULL, seq SMALLINT NOT NULL,
    issue_id VARCHAR(32) NOT NULL, project VARCHAR(64) NOT NULL, report_month CHAR(7) NOT NULL, report_day INT NOT NULL,
    reported_at BIGINT NOT NULL, state CHAR(1) NOT NULL, stopped TINYINT NOT NULL, due BIGINT NULL, remaining_minutes INT NOT NULL,
    priority VARCHAR(255) NULL, request_type VARCHAR(255) NULL, team VARCHAR(255) NULL, assignee VARCHAR(128) NULL,
    organization VARCHAR(1024) NULL, assignee_name VARCHAR(255) NULL, security_level VARCHAR(32) NULL,
    PRIMARY KEY (gen, issue_key, policy_id, seq),
    KEY cycles_month (gen, policy_id, project, report_month, report_day, state, stopped, security_level, reported_at, issue_id),
    KEY cycles_open (gen, policy_id, project, stopped)
  ) ${TABLE}`],
  ['v003-field-changes', `CREATE TABLE IF NOT EXISTS field_changes (
    issue_key VARCHAR(64) NOT NULL, field VARCHAR(64) NOT NULL, changed_at BIGINT NOT NULL, history_id VARCHAR(32) NOT NULL,
    project VARCHAR(64) NOT NULL, from_value VARCHAR(1024) NULL, to_value VARCHAR(1024) NULL,
    PRIMARY KEY (issue_key, field, changed_at, history_id), KEY field_changes_project (project, field, changed_at)
  ) ${TABLE}`],
  ['v004-inps-answers', `CREATE TABLE IF NOT EXISTS inps_answers (
    issue_key VARCHAR(64) NOT NULL, account_id VARCHAR(128) NOT NULL, project VARCHAR(64) NOT NULL, answer_month CHAR(7) NOT NULL,
    score TINYINT NOT NULL, answered_at BIGINT NOT NULL, organization VARCHAR(1024) NULL, security_level VARCHAR(32) NULL,
    issue_id VARCHAR(32) NULL, comment TEXT NULL,
    PRIMARY KEY (issue_key, account_id), KEY inps_month (project, answer_month)
  ) ${TABLE}`],
  ['v005-app-state', `CREATE TABLE IF NOT EXISTS app_state (
    name VARCHAR(64) NOT NULL, value_json MEDIUMTEXT NOT NULL, PRIMARY KEY (name)
  ) ${TABLE}`],
  ['v006-sync-failures', `CREATE TABLE IF NOT EXISTS sync_failures (
    issue_key VARCHAR(64) NOT NULL, step VARCHAR(16) NOT NULL, error VARCHAR(500) NOT NULL, attempts INT NOT NULL,
    first_failed_at BIGINT NOT NULL, last_failed_at BIGINT NOT NULL, next_attempt_at BIGINT NOT NULL, updated BIGINT NULL,
    PRIMARY KEY (issue_key), KEY failures_due (next_attempt_at)
  ) ${TABLE}`],
  ['v007-generations', `CREATE TABLE IF NOT EXISTS generations (
    gen INT NOT NULL, reason VARCHAR(16) NOT NULL, started_at BIGINT NOT NULL, token VARCHAR(2048) NULL, done INT NOT NULL,
    expected INT NOT NULL, last_progress_at BIGINT NOT NULL, completed_at BIGINT NULL,
    PRIMARY KEY (gen)
  ) ${TABLE}`],
  ['v008-generation-pointer', `CREATE TABLE IF NOT EXISTS generation_pointer (
    id TINYINT NOT NULL, active INT NOT NULL, PRIMARY KEY (id)
  ) ${TABLE}`],
  // The compliance count per day, kept beside the cycles (storage/sql/cycle-summary.ts): a month's rows carry the
  // token of the computation that wrote them; cycle_months says which token is current and whether it still matches;
  // cycle_writers and cycle_projects are the writers of a policy's project at work and its last change.
  ['v009-cycle-days', `CREATE TABLE IF NOT EXISTS cycle_days (
    gen INT NOT NULL, policy_id VARCHAR(255) NOT NULL, project VARCHAR(64) NOT NULL, report_month CHAR(7) NOT NULL, token CHAR(36) NOT NULL,
    report_day INT NOT NULL, state CHAR(1) NOT NULL, stopped TINYINT NOT NULL, security_level VARCHAR(32) NULL,
    priority VARCHAR(255) NULL, request_type VARCHAR(255) NULL, team VARCHAR(255) NULL, assignee VARCHAR(128) NULL, organization VARCHAR(1024) NULL,
    first_at BIGINT NOT NULL, last_at BIGINT NOT NULL, sample VARCHAR(32) NOT NULL, n INT NOT NULL,
    KEY cycle_days_month (gen, policy_id, project, report_month, token)
  ) ${TABLE}`],
  ['v010-cycle-months', `CREATE TABLE IF NOT EXISTS cycle_months (
    gen INT NOT NULL, policy_id VARCHAR(255) NOT NULL, project VARCHAR(64) NOT NULL, report_month CHAR(7) NOT NULL,
    changed CHAR(36) NOT NULL, summarized CHAR(36) NULL, summary_token CHAR(36) NULL,
    PRIMARY KEY (gen, policy_id, project, report_month)
  ) ${TABLE}`],
  ['v011-cycle-writers', `CREATE TABLE IF NOT EXISTS cycle_writers (
    gen INT NOT NULL, policy_id VARCHAR(255) NOT NULL, project VARCHAR(64) NOT NULL, writer CHAR(36) NOT NULL, started_at BIGINT NOT NULL,
    PRIMARY KEY (gen, policy_id, project, writer), KEY cycle_writers_writer (writer)
  ) ${TABLE}`],
  ['v012-cycle-projects', `CREATE TABLE IF NOT EXISTS cycle_projects (
    gen INT NOT NULL, policy_id VARCHAR(255) NOT NULL, project VARCHAR(64) NOT NULL, changed CHAR(36) NOT NULL,
    PRIMARY KEY (gen, policy_id, project)
  ) ${TABLE}`],
];

/**
 * Runs the migrations not yet run (install, upgrade, or any handler that finds the schema behind), then makes sure the
 * generation pointer's one row exists. Safe to run any number of times, also concurrently: CREATE TABLE IF NOT EXISTS
 * and INSERT IGNORE.
 */
export async function migrateSchema(): Promise<string[]> {
  for (const [name, statement] of MIGRATIONS) migrationRunner.enqueue(name, (checkStatement(statement), statement));
  const ran = await migrationRunner.run();
  await database.write('INSERT IGNORE INTO generation_pointer (id, active) VALUES (1, 0)');
  return ran;
}
