import { randomUUID } from 'node:crypto';
import { GROUP_FIELDS, type GroupField } from '../../model/group-fields';
import { runtime } from '../../runtime';
import { database, type SqlValue } from './database';
import { insertRows, placeholders, slices } from './rows';

/**
 * The compliance count of each month, per day, state, security level and combination of group-field values, kept
 * in `cycle_days` so that a 36-month view reads a few thousand summary rows instead of 720,000 cycles. The summary is never counted up or down: after a write, each month whose
 * summary is behind is recomputed from its cycles (one INSERT … SELECT … GROUP BY), so it equals the cycles whatever
 * the order of writers or how often an event is delivered.
 *
 * A month's summary is read only while it is current (`cycle_months.summarized = changed`). A writer of a policy's
 * cycles in a project registers (`cycle_writers`), stamps the project (`cycle_projects`) and the months it will touch
 * (those its tickets' cycles are in, and those it writes) before writing, stamps them again after, then leaves and
 * recomputes the project's months that are behind. A recompute writes its rows under a fresh token and makes them
 * current in one statement that succeeds only if the project's stamp is the one it read before its SELECT and no
 * writer of the project is registered: any cycle changed since that SELECT belongs to a writer still registered or
 * one that stamped the project after. A writer can change a month it did not know of only by overwriting a row that
 * another writer put there after it registered; that writer's recompute failed (this one was registered), so the month
 * is still behind and this writer's own recompute catches it up. Months behind are counted from the cycles
 * (storage/sql/reads.ts): a crash or a race costs time, never a wrong count.
 */

/** A policy's cycles of one project in one month of the report time zone: the unit that is summarised. */
export interface CycleMonth {
  policyId: string;
  project: string;
  month: string;
}

/** A Forge function runs at most 900 s: a writer registered longer ago crashed and is no longer waited for. */
const WRITER_LIFETIME_MS = 900_000;

/** The column of `cycles` holding each group field. */
export const GROUP_COLUMN: Record<GroupField, string> = { priority: 'priority', requestType: 'request_type', team: 'team', assignee: 'assignee', organization: 'organization' };

/** What a summary row is counted by: the day, the state, the security level and every group field. */
const SUMMARY_GROUPS = ['report_day', 'state', 'stopped', 'security_level', ...GROUP_FIELDS.map((field) => GROUP_COLUMN[field])].join(', ');

const MONTH_KEY = 'gen = ? AND policy_id = ? AND project = ? AND report_month = ?';
const PROJECT_KEY = 'gen = ? AND policy_id = ? AND project = ?';
const monthKey = (gen: number, m: CycleMonth): SqlValue[] => [gen, m.policyId, m.project, m.month];
const projectKey = (gen: number, m: Omit<CycleMonth, 'month'>): SqlValue[] => [gen, m.policyId, m.project];

/** The months a generation's stored cycles of these tickets are in (before a write changes or removes them). */
export async function monthsOfTickets(gen: number, issueKeys: readonly string[]): Promise<CycleMonth[]> {
  const months: CycleMonth[] = [];
  for (const keys of slices(issueKeys, 500)) {
    const rows = await database.select<{ policy_id: string; project: string; report_month: string }>(
      `SELECT DISTINCT policy_id, project, report_month FROM cycles WHERE gen = ? AND issue_key IN ${placeholders(keys.length)}`,
      [gen, ...keys],
    );
    months.push(...rows.map((r) => ({ policyId: r.policy_id, project: r.project, month: r.report_month })));
  }
  return months;
}

/** Each element once, by a key. */
const distinctBy = <T>(items: readonly T[], key: (item: T) => unknown[]): T[] => [...new Map(items.map((item) => [JSON.stringify(key(item)), item])).values()];
const projectsOf = (months: readonly CycleMonth[]) => distinctBy(months, (m) => [m.policyId, m.project]);

/** A new stamp on the months and their projects: the months' summaries stop being current until a recompute. */
async function stamp(gen: number, months: readonly CycleMonth[]): Promise<void> {
  const upsert = 'ON DUPLICATE KEY UPDATE changed = VALUES(changed)';
  await insertRows('cycle_projects', ['gen', 'policy_id', 'project', 'changed'], projectsOf(months).map((p) => [...projectKey(gen, p), randomUUID()]), upsert);
  await insertRows('cycle_months', ['gen', 'policy_id', 'project', 'report_month', 'changed'], months.map((m) => [...monthKey(gen, m), randomUUID()]), upsert);
}

/**
 * Runs `write`, which changes cycles of generation `gen` in the `touched` months, as a registered writer of their
 * projects; then recomputes the months of those projects that are behind. The end is done also when `write` throws:
 * its partial work is in the cycles, and the summary follows them.
 */
export async function writingCycles<T>(gen: number, touched: readonly CycleMonth[], write: () => Promise<T>): Promise<T> {
  const months = distinctBy(touched, (m) => [m.policyId, m.project, m.month]);
  if (months.length === 0) return write();
  const writer = randomUUID();
  await insertRows('cycle_writers', ['gen', 'policy_id', 'project', 'writer', 'started_at'], projectsOf(months).map((p) => [...projectKey(gen, p), writer, runtime.now()]));
  await stamp(gen, months);
  try {
    return await write();
  } finally {
    await stamp(gen, months);
    await database.write('DELETE FROM cycle_writers WHERE writer = ?', [writer]);
    for (const project of projectsOf(months)) await summariseBehind(gen, project);
  }
}

/**
 * Recomputes every month of a policy's project whose summary is not current (none yet, or stamped since).
 * @internal Exported also for tests that load cycles into the table directly.
 */
export async function summariseBehind(gen: number, project: Omit<CycleMonth, 'month'>): Promise<void> {
  const behind = await database.select<{ report_month: string }>(`SELECT report_month FROM cycle_months WHERE ${PROJECT_KEY} AND NOT (summarized <=> changed)`, projectKey(gen, project));
  for (const { report_month: month } of behind) await summariseMonth(gen, { ...project, month });
}

/**
 * Stamps the months whose cycles were stored before the summary existed (an installation on SQL before this version):
 * each becomes a month behind, which the hourly run summarises. Months already stamped are kept.
 */
export async function stampUnsummarised(): Promise<void> {
  await database.write('INSERT IGNORE INTO cycle_projects (gen, policy_id, project, changed) SELECT gen, policy_id, project, UUID() FROM (SELECT DISTINCT gen, policy_id, project FROM cycles) p');
  await database.write('INSERT IGNORE INTO cycle_months (gen, policy_id, project, report_month, changed) SELECT gen, policy_id, project, report_month, UUID() FROM (SELECT DISTINCT gen, policy_id, project, report_month FROM cycles) m');
}

/** The hourly run: recomputes every month of a generation left behind (a recompute that met another writer, a crash). */
export async function summariseAllBehind(gen: number): Promise<void> {
  const projects = await database.select<{ policy_id: string; project: string }>('SELECT DISTINCT policy_id, project FROM cycle_months WHERE gen = ? AND NOT (summarized <=> changed)', [gen]);
  for (const p of projects) await summariseBehind(gen, { policyId: p.policy_id, project: p.project });
}

async function summariseMonth(gen: number, month: CycleMonth): Promise<void> {
  const key = monthKey(gen, month);
  const [current] = await database.select<{ summary_token: string | null; project_stamp: string }>(
    `SELECT m.summary_token, p.changed AS project_stamp FROM cycle_months m JOIN cycle_projects p ON p.gen = m.gen AND p.policy_id = m.policy_id AND p.project = m.project
     WHERE m.gen = ? AND m.policy_id = ? AND m.project = ? AND m.report_month = ?`,
    key,
  );
  if (!current) return;
  const token = randomUUID();
  await database.write(
    `INSERT INTO cycle_days (gen, policy_id, project, report_month, token, ${SUMMARY_GROUPS}, first_at, last_at, sample, n)
     SELECT ?, ?, ?, ?, ?, ${SUMMARY_GROUPS}, MIN(reported_at), MAX(reported_at), MIN(issue_id), COUNT(*) FROM cycles WHERE ${MONTH_KEY} GROUP BY ${SUMMARY_GROUPS}`,
    [...key, token, ...key],
  );
  const { affectedRows } = await database.write(
    `UPDATE cycle_months m JOIN cycle_projects p ON p.gen = m.gen AND p.policy_id = m.policy_id AND p.project = m.project
     SET m.summarized = m.changed, m.summary_token = ?
     WHERE m.gen = ? AND m.policy_id = ? AND m.project = ? AND m.report_month = ? AND p.changed = ? AND m.summary_token <=> ?
     AND NOT EXISTS (SELECT 1 FROM cycle_writers w WHERE w.gen = m.gen AND w.policy_id = m.policy_id AND w.project = m.project AND w.started_at > ?)`,
    [token, ...key, current.project_stamp, current.summary_token, runtime.now() - WRITER_LIFETIME_MS],
  );
  // The rows no reader can reach any more: the replaced ones, or this computation's own when it came too late.
  const unreachable = affectedRows === 1 ? current.summary_token : token;
  if (unreachable !== null) await database.write(`DELETE FROM cycle_days WHERE ${MONTH_KEY} AND token = ?`, [...key, unreachable]);
}

/** A month's summary row, as the compliance count reads it. */
export interface SummaryRow {
  month: string;
  /** Null for a month whose summary was read but holds no row in the window. */
  day: number | null;
  state: string;
  stopped: unknown;
  first_at: unknown;
  last_at: unknown;
  grp: string | null;
  level: string | null;
  sample: string;
  n: unknown;
}

/**
 * The current summary of those months whose summary matches their cycles, counted per day, state, security level and
 * `groupBy` (none: null), of the rows with a cycle reported within [from, to]. One statement, so a recompute switching
 * a month's token meanwhile is seen before or after, never half. A month is listed (with `day` null when it has no
 * row in the window) exactly when its summary was read.
 */
export async function summaryRows(gen: number, policyId: string, project: string, months: readonly string[], groupBy: GroupField | null, from: number, to: number): Promise<SummaryRow[]> {
  const within: string[] = [];
  const params: SqlValue[] = [];
  if (Number.isFinite(from)) {
    within.push('AND d.last_at >= ?');
    params.push(from);
  }
  if (Number.isFinite(to)) {
    within.push('AND d.first_at <= ?');
    params.push(to);
  }
  params.push(gen, policyId, project, ...months);
  const group = groupBy ? `d.${GROUP_COLUMN[groupBy]}` : 'NULL';
  return database.select(
    `SELECT m.report_month AS month, d.report_day AS day, d.state, d.stopped, MIN(d.first_at) AS first_at, MAX(d.last_at) AS last_at, ${group} AS grp,
       d.security_level AS level, MIN(d.sample) AS sample, SUM(d.n) AS n
     FROM cycle_months m LEFT JOIN cycle_days d ON d.gen = m.gen AND d.policy_id = m.policy_id AND d.project = m.project AND d.report_month = m.report_month
       AND d.token = m.summary_token ${within.join(' ')}
     WHERE m.gen = ? AND m.policy_id = ? AND m.project = ? AND m.report_month IN ${placeholders(months.length)} AND m.summarized = m.changed
     GROUP BY m.report_month, d.report_day, d.state, d.stopped, ${group}, d.security_level`,
    params,
  );
}
