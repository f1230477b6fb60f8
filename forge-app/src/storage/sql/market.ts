import type { TicketResult } from '../../model/ticket-result';
import { database, type SqlValue } from './database';
import { placeholders } from './rows';

/** Rows per page: a stored result is a few KiB, so a page stays far below Forge SQL's 4 MiB response. */
const PAGE = 200;

/** What the internal market's statement of one project and month reads. */
export interface MarketTicketQuery {
  gen: number;
  project: string;
  /** The `YYYY-MM` month of the report time zone. */
  month: string;
  timeZone: string;
  /** Instants holding the month: tickets created in them are its requests. Null: only tickets with a cycle in it. */
  created: { from: number; to: number } | null;
  /** The policies of the catalogue's services: tickets with a cycle of one reported in the month. */
  policyIds: readonly string[];
}

/**
 * Tickets with a cycle of the policies reported in the month: a page of keys from the cycles' month index, then their
 * results by primary key (MariaDB re-runs an `IN (SELECT …)` filter for every page of tickets).
 */
async function ticketsWithCyclesIn({ gen, project, month, policyIds }: MarketTicketQuery): Promise<TicketResult[]> {
  if (policyIds.length === 0) return [];
  const results: TicketResult[] = [];
  for (let after = ''; ; ) {
    const keys = await database.select<{ issue_key: string }>(
      `SELECT DISTINCT issue_key FROM cycles WHERE gen = ? AND project = ? AND report_month = ? AND policy_id IN ${placeholders(policyIds.length)} AND issue_key > ? ORDER BY issue_key LIMIT ${PAGE}`,
      [gen, project, month, ...policyIds, after],
    );
    if (keys.length === 0) return results;
    const rows = await database.select<{ result_json: string }>(`SELECT result_json FROM tickets WHERE gen = ? AND issue_key IN ${placeholders(keys.length)} ORDER BY issue_key`, [gen, ...keys.map((k) => k.issue_key)]);
    for (const row of rows) results.push(JSON.parse(row.result_json) as TicketResult);
    if (keys.length < PAGE) return results;
    after = keys[keys.length - 1].issue_key;
  }
}

/**
 * The stored results of a month: tickets created in it (a statement's requests; the creation instant is read from the
 * stored result, as the tickets table keeps no column for it) and tickets with a cycle of the policies reported in it,
 * paged by key.
 */
export async function marketTicketsSql(query: MarketTicketQuery): Promise<TicketResult[]> {
  const { gen, project, month, created, policyIds } = query;
  if (created === null) return ticketsWithCyclesIn(query);
  // One scan of the project's tickets: the creation filter reads each stored result anyway.
  const filters = ["CAST(JSON_EXTRACT(t.result_json, '$.created') AS SIGNED) BETWEEN ? AND ?"];
  const params: SqlValue[] = [created.from, created.to];
  if (policyIds.length > 0) {
    filters.push(`t.issue_key IN (SELECT c.issue_key FROM cycles c WHERE c.gen = ? AND c.project = ? AND c.report_month = ? AND c.policy_id IN ${placeholders(policyIds.length)})`);
    params.push(gen, project, month, ...policyIds);
  }
  const results: TicketResult[] = [];
  for (let after = ''; ; ) {
    const rows = await database.select<{ issue_key: string; result_json: string }>(
      `SELECT t.issue_key, t.result_json FROM tickets t
       WHERE t.gen = ? AND t.project = ? AND t.issue_key > ? AND (${filters.join(' OR ')})
       ORDER BY t.issue_key LIMIT ${PAGE}`,
      [gen, project, after, ...params],
    );
    for (const row of rows) results.push(JSON.parse(row.result_json) as TicketResult);
    if (rows.length < PAGE) return results;
    after = rows[rows.length - 1].issue_key;
  }
}
