import { localDayIn } from '../../../../core';
import { GROUP_FIELDS } from '../../model/group-fields';
import { monthOf, reportedAt, type TicketResult } from '../../model/ticket-result';
import { groupValue } from '../aggregates';
import { monthsOfTickets, writingCycles } from './cycle-summary';
import { database, type SqlValue } from './database';
import { insertRows, num, placeholders, slices } from './rows';

/**
 * Ticket results in Forge SQL: a row per ticket and generation, a row per cycle (ticket, policy, cycle number). Every
 * write commutes: each row takes a stored version only if it is not older than its own (Jira's `updated`, then the
 * computing instant), and after the ticket row, the cycle rows older than the ticket's version go (cycles the newer
 * version no longer has). Two consumers storing the same ticket in any order, or one event delivered twice, end in the
 * same rows. Between those statements a ticket's cycles may mix two versions for a moment; a crash there is repaired
 * by the next store of the ticket (the failure ledger retries it), as the KVS store's pending records were. Every
 * change of cycles runs as a writer of the per-day summary (cycle-summary.ts), which is recomputed after it.
 */

const STATE_CODE = { met: 'm', breached: 'b', ongoing: 'o', paused: 'p' } as const;

/** Version of a result: zero-padded `updated:computedAt`, compared as text (the tables' binary collation). */
const versionOf = (result: Pick<TicketResult, 'updated' | 'computedAt'>): string => `${String(result.updated).padStart(16, '0')}:${String(result.computedAt).padStart(16, '0')}`;

export type StoreOutcome = { outcome: 'stored' | 'stale' } | { error: unknown };

const CYCLE_COLUMNS = ['gen', 'issue_key', 'version', 'policy_id', 'seq', 'issue_id', 'project', 'report_month', 'report_day', 'reported_at', 'state', 'stopped', 'due', 'remaining_minutes', 'priority', 'request_type', 'team', 'assignee', 'organization', 'assignee_name', 'security_level'];
/** Where a cycle row holds what its month's summary is keyed by. */
const AT = { policy: CYCLE_COLUMNS.indexOf('policy_id'), project: CYCLE_COLUMNS.indexOf('project'), month: CYCLE_COLUMNS.indexOf('report_month') };
const TICKET_COLUMNS = ['gen', 'issue_key', 'issue_id', 'project', 'fact_month', 'resolved_at', 'tat_minutes', 'reopened', 'rating', 'organization', 'security_level', 'result_json', 'updated', 'computed_at', 'version'];
/** A newer version replaces every column; `version` is assigned last, so each IF still sees the stored one. */
const NEWER = 'VALUES(version) >= version';
const upsertOf = (columns: readonly string[]) => `ON DUPLICATE KEY UPDATE ${columns.map((c) => `${c} = IF(${NEWER}, VALUES(${c}), ${c})`).join(', ')}`;
const TICKET_UPSERT = upsertOf(TICKET_COLUMNS.slice(2));
const CYCLE_UPSERT = upsertOf([...CYCLE_COLUMNS.filter((c) => !['gen', 'issue_key', 'policy_id', 'seq', 'version'].includes(c)), 'version']);

function cycleRows(result: TicketResult, timeZone: string, gen: number): SqlValue[][] {
  const dayOf = localDayIn(timeZone);
  const counters = new Map<string, number>();
  return result.cycles.map((cycle) => {
    const seq = counters.get(cycle.policyId) ?? 0;
    counters.set(cycle.policyId, seq + 1);
    const at = reportedAt(cycle);
    const groups = GROUP_FIELDS.map((f) => groupValue(result.fields[f]));
    return [gen, result.key, versionOf(result), cycle.policyId, seq, result.id ?? '', result.project, monthOf(at, timeZone), dayOf(at), at, STATE_CODE[cycle.state], cycle.stop === null ? 0 : 1, cycle.due, Math.round(cycle.remainingMinutes), ...groups, result.assigneeName ?? null, result.securityLevel ?? null];
  });
}

function ticketRow(result: TicketResult, timeZone: string, gen: number): SqlValue[] {
  const tatMinutes = result.resolvedAt === null ? null : Math.round((result.resolvedAt - result.created) / 60_000);
  const factMonth = monthOf(result.resolvedAt ?? result.computedAt, timeZone);
  return [gen, result.key, result.id ?? '', result.project, factMonth, result.resolvedAt, tatMinutes, result.reopened, result.rating, groupValue(result.fields.organization), result.securityLevel ?? null, JSON.stringify(result), result.updated, result.computedAt, versionOf(result)];
}

/** Tickets stored under another key with the same issue id (moved issues): purged before the new key is stored. */
async function purgeMovedKeys(results: readonly TicketResult[], gen: number): Promise<void> {
  const keyOfId = new Map(results.filter((r) => r.id).map((r) => [r.id, r.key]));
  for (const ids of slices([...keyOfId.keys()], 500)) {
    const rows = await database.select<{ issue_key: string; issue_id: string }>(`SELECT issue_key, issue_id FROM tickets WHERE gen = ? AND issue_id IN ${placeholders(ids.length)}`, [gen, ...ids]);
    for (const row of rows) if (keyOfId.get(row.issue_id) !== row.issue_key) await purgeTicketSql(row.issue_key, gen);
  }
}

/**
 * Stores a batch of results into a generation: new cycle rows (invisible until their ticket row names their
 * version), then the ticket rows (each switches to its version only if that is not older than the stored one), then
 * the cycle rows of older versions go. A crash anywhere leaves the previous version visible, and storing again
 * completes the work. Returns per ticket 'stored', or 'stale' when a newer Jira version was already stored.
 */
export async function storeResultsSql(results: readonly TicketResult[], timeZone: string, gen: number): Promise<Map<string, StoreOutcome>> {
  const outcomes = new Map<string, StoreOutcome>();
  if (results.length === 0) return outcomes;
  try {
    await purgeMovedKeys(results, gen);
    const cycles = results.flatMap((r) => cycleRows(r, timeZone, gen));
    const written = cycles.map((row) => ({ policyId: String(row[AT.policy]), project: String(row[AT.project]), month: String(row[AT.month]) }));
    const keysOfResults = results.map((r) => r.key);
    const stored = new Map<string, number>();
    await writingCycles(gen, [...(await monthsOfTickets(gen, keysOfResults)), ...written], async () => {
      await insertRows('cycles', CYCLE_COLUMNS, cycles, CYCLE_UPSERT);
      await insertRows('tickets', TICKET_COLUMNS, results.map((r) => ticketRow(r, timeZone, gen)), TICKET_UPSERT);
      for (const keys of slices(keysOfResults, 500)) {
        const marks = placeholders(keys.length);
        for (const row of await database.select<{ issue_key: string; updated: unknown }>(`SELECT issue_key, updated FROM tickets WHERE gen = ? AND issue_key IN ${marks}`, [gen, ...keys])) stored.set(row.issue_key, num(row.updated));
        await database.write(`DELETE c FROM cycles c JOIN tickets t ON t.gen = c.gen AND t.issue_key = c.issue_key WHERE c.gen = ? AND c.issue_key IN ${marks} AND c.version < t.version`, [gen, ...keys]);
      }
    });
    for (const result of results) outcomes.set(result.key, { outcome: (stored.get(result.key) ?? result.updated) > result.updated ? 'stale' : 'stored' });
  } catch (error) {
    for (const result of results) outcomes.set(result.key, { error });
  }
  return outcomes;
}

/** Removes a ticket from a generation (deleted in Jira, moved, out of scope): the ticket row first, so its cycles vanish at once. */
export async function purgeTicketSql(issueKey: string, gen: number): Promise<boolean> {
  const { affectedRows } = await database.write('DELETE FROM tickets WHERE gen = ? AND issue_key = ?', [gen, issueKey]);
  await writingCycles(gen, await monthsOfTickets(gen, [issueKey]), () => database.write('DELETE FROM cycles WHERE gen = ? AND issue_key = ?', [gen, issueKey]));
  return affectedRows > 0;
}

/** The stored result of a ticket in a generation. */
export async function ticketResultSql(issueKey: string, gen: number): Promise<TicketResult | undefined> {
  const [row] = await database.select<{ result_json: string }>('SELECT result_json FROM tickets WHERE gen = ? AND issue_key = ?', [gen, issueKey]);
  return row ? (JSON.parse(row.result_json) as TicketResult) : undefined;
}

/** How many tickets a generation holds (the admin page's "about N" of a recompute). */
export async function ticketCountSql(gen: number): Promise<number> {
  const [row] = await database.select<{ n: unknown }>('SELECT COUNT(*) AS n FROM tickets WHERE gen = ?', [gen]);
  return num(row?.n ?? 0);
}

/** A generation's ticket keys in key order, a page at a time (the daily reconciliation walks them). */
export async function* ticketKeyPagesSql(gen: number): AsyncGenerator<{ keys: string[]; more: boolean }> {
  const size = 1_000;
  for (let after = ''; ; ) {
    const rows = await database.select<{ issue_key: string }>(`SELECT issue_key FROM tickets WHERE gen = ? AND issue_key > ? ORDER BY issue_key LIMIT ${size}`, [gen, after]);
    const keys = rows.map((r) => r.issue_key);
    yield { keys, more: keys.length === size };
    if (keys.length < size) return;
    after = keys[keys.length - 1];
  }
}

/** Tickets with an open cycle stored as ongoing whose due time has passed: their stored state is now a breach. */
export async function dueOpenKeysSql(now: number, gen: number): Promise<string[]> {
  const rows = await database.select<{ issue_key: string }>(
    "SELECT DISTINCT issue_key FROM cycles WHERE gen = ? AND stopped = 0 AND state = 'o' AND due < ? ORDER BY issue_key LIMIT 20000",
    [gen, now],
  );
  return rows.map((r) => r.issue_key);
}
