import type { ComplianceEntry, CycleState } from '../../../../core';
import type { GroupField } from '../../model/group-fields';
import type { OpenEntry, TicketEntry } from '../aggregates';
import { database, type SqlValue } from './database';
import { GROUP_COLUMN, type SummaryRow, summaryRows } from './cycle-summary';
import { num, numOrNull, placeholders, slices } from './rows';

/**
 * The gadgets' questions as queries. Compliance is counted in the database (one row per state, day, group value and
 * security level, with its count), read from the per-day summary, so a 36-month view answers in one small response,
 * not 720,000 rows; lists
 * (ticket facts, open cycles) are paged by key so each response stays far below Forge SQL's 4 MiB.
 */

const STATE: Record<string, CycleState> = { m: 'met', b: 'breached', o: 'ongoing', p: 'paused' };

/** Rows per page of a list query. */
const PAGE = 5_000;
/** Months per compliance query over the cycles: keeps each grouped answer small whatever the window. */
const MONTHS_PER_QUERY = 6;
/** Months per query of the per-day summary (a few hundred rows a month at most): a 36-month view and its margins in one. */
const MONTHS_PER_SUMMARY_QUERY = 48;
/** Issue keys per IN list (a JQL scope holds at most 5,000). */
const KEYS_PER_QUERY = 1_000;

/** Cycles counted per state, day and group, with the security level and one of its issues for the viewer's gate. */
export interface CycleCount {
  entry: ComplianceEntry;
  count: number;
  secured: { level: string; issueId: string } | null;
}

export interface CycleCountQuery {
  gen: number;
  policyId: string;
  project: string;
  /** `YYYY-MM` months of the report time zone, both included. */
  months: readonly string[];
  from: number;
  to: number;
  groupBy?: GroupField | null;
  tickets?: ReadonlySet<string>;
}

type CountRow = { state: string; stopped: unknown; at: unknown; grp: string | null; level: string | null; sample: string; n: unknown };

function countOf(row: CountRow, groupBy: GroupField | null | undefined): CycleCount {
  const at = num(row.at);
  const fields = groupBy ? { [groupBy]: row.grp } : {};
  const entry: ComplianceEntry = { policyId: '', fields, goalLabel: '', start: at, stop: num(row.stopped) ? at : null, due: at, state: STATE[row.state] };
  return { entry, count: num(row.n), secured: row.level === null ? null : { level: row.level, issueId: row.sample } };
}

/** Counted from the cycles themselves: some months, only `days` of them when given, only `keys`' tickets when given. */
async function countsIn(query: CycleCountQuery, months: readonly string[], keys: readonly string[] | null, days: readonly number[] | null = null): Promise<CycleCount[]> {
  const group = query.groupBy ? `c.${GROUP_COLUMN[query.groupBy]}` : 'NULL';
  const params: SqlValue[] = [query.gen, query.policyId, query.project, ...months];
  const where = [`c.gen = ? AND c.policy_id = ? AND c.project = ? AND c.report_month IN ${placeholders(months.length)}`];
  const and = (condition: string, ...values: SqlValue[]) => {
    where.push(condition);
    params.push(...values);
  };
  if (days) and(`c.report_day IN ${placeholders(days.length)}`, ...days);
  if (Number.isFinite(query.from)) and('c.reported_at >= ?', query.from);
  if (Number.isFinite(query.to)) and('c.reported_at <= ?', query.to);
  if (keys) and(`c.issue_key IN ${placeholders(keys.length)}`, ...keys);
  const rows = await database.select<CountRow>(
    `SELECT c.state, c.stopped, MIN(c.reported_at) AS at, ${group} AS grp, c.security_level AS level, MIN(c.issue_id) AS sample, COUNT(*) AS n
     FROM cycles c FORCE INDEX (cycles_month) WHERE ${where.join(' AND ')}
     GROUP BY c.state, c.stopped, c.report_day, ${group}, c.security_level`,
    params,
  );
  return rows.map((row) => countOf(row, query.groupBy));
}

/**
 * A policy's cycles in a project over some months, counted: from the per-day summary where a month's summary is
 * current (storage/sql/cycle-summary.ts), from the cycles for the other months and for the days a window's edge cuts
 * through; with `tickets` (a JQL scope), from those tickets' cycles.
 */
export async function cycleCountsSql(query: CycleCountQuery): Promise<CycleCount[]> {
  if (query.months.length === 0) return [];
  if (query.tickets) {
    const counts: CycleCount[] = [];
    for (const months of slices(query.months, MONTHS_PER_QUERY)) {
      for (const keys of slices([...query.tickets], KEYS_PER_QUERY)) counts.push(...(await countsIn(query, months, keys)));
    }
    return counts;
  }
  const summarised = new Set<string>();
  const inside: SummaryRow[] = [];
  const edgeDays = new Map<string, Set<number>>();
  for (const months of slices(query.months, MONTHS_PER_SUMMARY_QUERY)) {
    for (const row of await summaryRows(query.gen, query.policyId, query.project, months, query.groupBy ?? null, query.from, query.to)) {
      summarised.add(row.month);
      if (row.day === null) continue;
      if (num(row.first_at) >= query.from && num(row.last_at) <= query.to) inside.push(row);
      else edgeDays.set(row.month, (edgeDays.get(row.month) ?? new Set()).add(num(row.day)));
    }
  }
  const cutDays = new Set([...edgeDays.values()].flatMap((days) => [...days]));
  const counts = inside.filter((row) => !cutDays.has(num(row.day))).map((row) => countOf({ ...row, at: row.first_at }, query.groupBy));
  for (const months of slices(query.months.filter((m) => !summarised.has(m)), MONTHS_PER_QUERY)) counts.push(...(await countsIn(query, months, null)));
  for (const [month, days] of edgeDays) counts.push(...(await countsIn(query, [month], null, [...days])));
  return counts;
}

/** Pages through a list query by its key (`issue_key > ?`), a PAGE at a time. */
async function pagedByKey<Row extends { issue_key: string }>(statement: (after: string) => [string, SqlValue[]]): Promise<Row[]> {
  const rows: Row[] = [];
  for (let after = ''; ; ) {
    const [text, params] = statement(after);
    const page = await database.select<Row>(`${text} ORDER BY issue_key LIMIT ${PAGE}`, params);
    rows.push(...page);
    if (page.length < PAGE) return rows;
    after = page[page.length - 1].issue_key;
  }
}

/** A project-month's scorecard facts, as the KVS buckets held them: [resolved at, TAT minutes, reopened, rating, organizations, level, issue id]. */
export async function ticketFactsSql(project: string, month: string, gen: number): Promise<TicketEntry[]> {
  type Row = { issue_key: string; resolved_at: unknown; tat_minutes: unknown; reopened: unknown; rating: unknown; organization: string | null; security_level: string | null; issue_id: string };
  const rows = await pagedByKey<Row>((after) => ['SELECT issue_key, resolved_at, tat_minutes, reopened, rating, organization, security_level, issue_id FROM tickets WHERE gen = ? AND project = ? AND fact_month = ? AND issue_key > ?', [gen, project, month, after]]);
  return rows.map((r) => {
    const entry: TicketEntry = [numOrNull(r.resolved_at), numOrNull(r.tat_minutes), num(r.reopened), numOrNull(r.rating), r.organization];
    if (r.security_level) entry.push(r.security_level, r.issue_id);
    return entry;
  });
}

/** Open cycles of a policy in a project (the at-risk list): the last open cycle of each ticket. */
export async function openCyclesSql(policyId: string, project: string, gen: number): Promise<OpenEntry[]> {
  type Row = { issue_key: string; issue_id: string; assignee_name: string | null; state: string; due: unknown; remaining_minutes: unknown; assignee: string | null };
  const rows = await pagedByKey<Row>((after) => [
    `SELECT c.issue_key AS issue_key, c.issue_id, c.assignee_name, c.state, c.due, c.remaining_minutes, c.assignee FROM cycles c
     WHERE c.gen = ? AND c.policy_id = ? AND c.project = ? AND c.stopped = 0 AND c.issue_key > ?`,
    [gen, policyId, project, after],
  ]);
  const byTicket = new Map<string, OpenEntry>();
  for (const r of rows) {
    byTicket.set(r.issue_key, { key: r.issue_key, state: STATE[r.state], due: numOrNull(r.due), remainingMinutes: num(r.remaining_minutes), assignee: r.assignee, ...(r.issue_id ? { id: r.issue_id } : {}), assigneeName: r.assignee_name });
  }
  return [...byTicket.values()];
}

/** A security level some listed cycles are under, in a project, with one of its issues for Jira's permission check. */
interface SecuredLevel {
  project: string;
  level: string;
  issueId: string;
}

/** The ticket-level report's question: a policy's cycles in some projects and months, filtered, one page of them. */
export interface CyclePageQuery {
  gen: number;
  policyId: string;
  projects: readonly string[];
  /** Consecutive `YYYY-MM` months of the report time zone. */
  months: readonly string[];
  state: CycleState | null;
  /** Only cycles whose ticket holds this value in a grouping field (several values are stored comma-joined). */
  group: { field: GroupField; value: string } | null;
  /** Asked page (0-based); a page past the end answers the last one. */
  page: number;
  pageSize: number;
  /** Of the levels the matching cycles are under, those the viewer may browse (the resolver's security-level gate). */
  browsable: (levels: readonly SecuredLevel[]) => Promise<readonly SecuredLevel[]>;
}

/** A page of matching cycles, newest reported first, each by its ticket and its number among the policy's cycles. */
export interface CyclePage {
  cycles: Array<{ key: string; n: number }>;
  total: number;
  page: number;
}

/** The page served for an asked one: the last page when the asked one is past the end. */
export const servedPage = (asked: number, pageSize: number, total: number): number => Math.max(0, Math.min(asked, Math.ceil(total / pageSize) - 1));

const STATE_CODE = Object.fromEntries(Object.entries(STATE).map(([code, state]) => [state, code])) as Record<CycleState, string>;

/** WHERE of the report's filters; a grouping value must be one of the comma-joined values, compared byte for byte. */
function cyclePageFilter(query: CyclePageQuery): { where: string[]; params: SqlValue[] } {
  const where = [`c.gen = ? AND c.policy_id = ? AND c.project IN ${placeholders(query.projects.length)} AND c.report_month BETWEEN ? AND ?`];
  const params: SqlValue[] = [query.gen, query.policyId, ...query.projects, query.months[0], query.months[query.months.length - 1]];
  if (query.state) {
    where.push('c.state = ?');
    params.push(STATE_CODE[query.state]);
  }
  if (query.group) {
    where.push(`LOCATE(CONCAT(', ', ?, ', '), CONCAT(', ', COALESCE(c.${GROUP_COLUMN[query.group.field]}, ''), ', ')) > 0`);
    params.push(query.group.value);
  }
  return { where, params };
}

/** Adds to the filter: cycles under no level, or under a level the viewer may browse (asked once per project and level). */
async function browsableOnly(query: CyclePageQuery, filter: { where: string[]; params: SqlValue[] }): Promise<void> {
  const levels = await database.select<{ project: string; level: string; sample: string }>(
    `SELECT c.project, c.security_level AS level, MIN(c.issue_id) AS sample FROM cycles c
     WHERE ${filter.where.join(' AND ')} AND c.security_level IS NOT NULL GROUP BY c.project, c.security_level`,
    filter.params,
  );
  const visible = levels.length === 0 ? [] : await query.browsable(levels.map((l) => ({ project: l.project, level: l.level, issueId: l.sample })));
  if (visible.length === 0) filter.where.push('c.security_level IS NULL');
  else filter.where.push(`(c.security_level IS NULL OR (c.project, c.security_level) IN (${visible.map(() => '(?, ?)').join(', ')}))`);
  filter.params.push(...visible.flatMap((l) => [l.project, l.level]));
}

/**
 * One page of the ticket-level report: the security levels present, a COUNT, then the page (LIMIT/OFFSET), each a
 * small answer whatever the period. ORDER BY with LIMIT runs as TiDB's TopN ("TopN and Limit Operator Push Down",
 * docs.pingcap.com), holding offset + limit rows rather than every match. Keys of one project sort by length then
 * text, so SUP-9 comes before SUP-10.
 */
export async function cyclePageSql(query: CyclePageQuery): Promise<CyclePage> {
  if (query.projects.length === 0 || query.months.length === 0) return { cycles: [], total: 0, page: 0 };
  const filter = cyclePageFilter(query);
  await browsableOnly(query, filter);
  const where = filter.where.join(' AND ');
  const [count] = await database.select<{ n: unknown }>(`SELECT COUNT(*) AS n FROM cycles c WHERE ${where}`, filter.params);
  const total = num(count?.n ?? 0);
  const page = servedPage(query.page, query.pageSize, total);
  if (total === 0) return { cycles: [], total, page };
  const rows = await database.select<{ issue_key: string; seq: unknown }>(
    `SELECT c.issue_key, c.seq FROM cycles c WHERE ${where}
     ORDER BY c.reported_at DESC, c.project, CHAR_LENGTH(c.issue_key), c.issue_key, c.seq LIMIT ${Math.trunc(query.pageSize)} OFFSET ${page * Math.trunc(query.pageSize)}`,
    filter.params,
  );
  return { cycles: rows.map((r) => ({ key: r.issue_key, n: num(r.seq) })), total, page };
}

/** A listed cycle as both stores order it: newest reported first, then project, key length, key, number (as cyclePageSql's ORDER BY). */
export interface ListedCycle {
  key: string;
  n: number;
  project: string;
  at: number;
}

export const listedOrder = (a: ListedCycle, b: ListedCycle): number =>
  b.at - a.at || byText(a.project, b.project) || a.key.length - b.key.length || byText(a.key, b.key) || a.n - b.n;

/** Code-unit order, as the tables' binary collation compares ASCII keys. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
