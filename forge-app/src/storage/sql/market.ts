import type { TicketResult } from '../../model/ticket-result';
import { database } from './database';
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
  /** The month's first and last instants: tickets created in it are its requests. */
  from: number;
  to: number;
  /** The policies of the catalogue's services: tickets with a cycle of one reported in the month. */
  policyIds: readonly string[];
}

/**
 * The stored results a month's statement needs: tickets created in the month (its requests) and tickets with a cycle
 * of a service's policy reported in the month (its met and breached), paged by key. The creation instant is read from
 * the stored result (the tickets table keeps no column for it).
 */
export async function marketTicketsSql(query: MarketTicketQuery): Promise<TicketResult[]> {
  const { gen, project, month, from, to, policyIds } = query;
  const cycleFilter = policyIds.length === 0 ? '' : `OR t.issue_key IN (SELECT c.issue_key FROM cycles c WHERE c.gen = ? AND c.project = ? AND c.report_month = ? AND c.policy_id IN ${placeholders(policyIds.length)})`;
  const results: TicketResult[] = [];
  for (let after = ''; ; ) {
    const rows = await database.select<{ issue_key: string; result_json: string }>(
      `SELECT t.issue_key, t.result_json FROM tickets t
       WHERE t.gen = ? AND t.project = ? AND t.issue_key > ?
         AND (CAST(JSON_EXTRACT(t.result_json, '$.created') AS SIGNED) BETWEEN ? AND ? ${cycleFilter})
       ORDER BY t.issue_key LIMIT ${PAGE}`,
      [gen, project, after, from, to, ...(policyIds.length === 0 ? [] : [gen, project, month, ...policyIds])],
    );
    for (const row of rows) results.push(JSON.parse(row.result_json) as TicketResult);
    if (rows.length < PAGE) return results;
    after = rows[rows.length - 1].issue_key;
  }
}
