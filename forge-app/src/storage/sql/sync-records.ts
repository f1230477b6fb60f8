import type { FailureRecord, SyncStep } from '../../model/sync-failure';
import { database } from './database';
import { insertRows, keepStored, num, numOrNull } from './rows';

/**
 * The sync's own records in Forge SQL (installations whose storage state is `sql`): the failure ledger
 * (`sync_failures`, one row per ticket) and the sync state and counters (`app_state`, one JSON value per name). Each
 * write is one statement that needs no earlier read: two consumers at once lose nothing.
 */

const HOUR = 3_600_000;

/**
 * Counts a ticket's failure in one upsert: the first one is due at once, the n-th after 2^(n-2) hours, at most a day
 * (the back-off of sync/failures.ts), computed from the stored count so that concurrent failures each count.
 */
export async function recordFailureSql(failure: Omit<FailureRecord, 'attempts' | 'firstFailedAt' | 'nextAttemptAt'>): Promise<FailureRecord> {
  await database.write(
    `INSERT INTO sync_failures (issue_key, step, error, attempts, first_failed_at, last_failed_at, next_attempt_at, updated) VALUES (?, ?, ?, 1, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE step = VALUES(step), error = VALUES(error), last_failed_at = VALUES(last_failed_at), updated = VALUES(updated),
       next_attempt_at = VALUES(last_failed_at) + LEAST(${24 * HOUR}, ${HOUR} * POW(2, attempts - 1)), attempts = attempts + 1`,
    [failure.key, failure.step, failure.error, failure.lastFailedAt, failure.lastFailedAt, failure.lastFailedAt, failure.updated ?? null],
  );
  const [row] = await failureRows('WHERE issue_key = ?', [failure.key]);
  return row;
}

export async function clearFailureSql(key: string): Promise<void> {
  await database.write('DELETE FROM sync_failures WHERE issue_key = ?', [key]);
}

async function failureRows(where: string, params: string[]): Promise<FailureRecord[]> {
  type Row = { issue_key: string; step: string; error: string; attempts: unknown; first_failed_at: unknown; last_failed_at: unknown; next_attempt_at: unknown; updated: unknown };
  const rows = await database.select<Row>(`SELECT issue_key, step, error, attempts, first_failed_at, last_failed_at, next_attempt_at, updated FROM sync_failures ${where}`, params);
  return rows.map((r) => ({ key: r.issue_key, step: r.step as SyncStep, error: r.error, attempts: num(r.attempts), firstFailedAt: num(r.first_failed_at), lastFailedAt: num(r.last_failed_at), nextAttemptAt: num(r.next_attempt_at), updated: numOrNull(r.updated) }));
}

export const allFailuresSql = (): Promise<FailureRecord[]> => failureRows('', []);

export async function makeAllDueSql(now: number): Promise<void> {
  await database.write('UPDATE sync_failures SET next_attempt_at = ?', [now]);
}

/** Ledger rows copied from KVS by the upgrade, a few multi-row INSERTs: a row SQL already holds (a repeated page) is kept. */
export async function copyFailuresSql(failures: readonly FailureRecord[]): Promise<void> {
  const rows = failures.map((f) => [f.key, f.step, f.error, f.attempts, f.firstFailedAt, f.lastFailedAt, f.nextAttemptAt, f.updated ?? null]);
  await insertRows('sync_failures', ['issue_key', 'step', 'error', 'attempts', 'first_failed_at', 'last_failed_at', 'next_attempt_at', 'updated'], rows, keepStored('issue_key'));
}

/** A JSON value of `app_state`. */
export async function loadStateSql<T>(name: string): Promise<T | undefined> {
  const [row] = await database.select<{ value_json: string }>('SELECT value_json FROM app_state WHERE name = ?', [name]);
  return row ? (JSON.parse(row.value_json) as T) : undefined;
}

/** Writes a JSON value of `app_state`; `onlyIfAbsent` keeps a stored one (the upgrade's copy, repeated). */
export async function saveStateSql(name: string, value: unknown, onlyIfAbsent = false): Promise<void> {
  const json = JSON.stringify(value);
  await database.write(onlyIfAbsent ? 'INSERT IGNORE INTO app_state (name, value_json) VALUES (?, ?)' : 'INSERT INTO app_state (name, value_json) VALUES (?, ?) ON DUPLICATE KEY UPDATE value_json = VALUES(value_json)', [name, json]);
}

/** What the consumers did, summed (sync/state.ts ConsumedCounters). */
export interface ConsumedRow {
  processed: number;
  failed: number;
  lastEventAt: number | null;
}

/** The consumers' counters, one `app_state` row each (a JSON number), so that an addition is one atomic statement. */
const CONSUMED = { processed: 'consumed:processed', failed: 'consumed:failed', lastEventAt: 'consumed:last-event-at' } as const;

export async function addConsumedSql(delta: { processed: number; failed: number }, now: number): Promise<void> {
  await database.write(
    `INSERT INTO app_state (name, value_json) VALUES (?, ?), (?, ?), (?, ?)
     ON DUPLICATE KEY UPDATE value_json = IF(name = ?, VALUES(value_json), CAST(value_json AS SIGNED) + CAST(VALUES(value_json) AS SIGNED))`,
    [CONSUMED.processed, String(delta.processed), CONSUMED.failed, String(delta.failed), CONSUMED.lastEventAt, String(now), CONSUMED.lastEventAt],
  );
}

export async function loadConsumedSql(): Promise<ConsumedRow> {
  const rows = await database.select<{ name: string; value_json: string }>('SELECT name, value_json FROM app_state WHERE name IN (?, ?, ?)', Object.values(CONSUMED));
  const value = (name: string) => rows.find((r) => r.name === name)?.value_json;
  return { processed: Number(value(CONSUMED.processed) ?? 0), failed: Number(value(CONSUMED.failed) ?? 0), lastEventAt: numOrNull(value(CONSUMED.lastEventAt) ?? null) };
}

/** The counters copied from KVS by the upgrade: counters SQL already holds (a repeated page) are kept. */
export async function copyConsumedSql(counters: ConsumedRow): Promise<void> {
  const rows = [[CONSUMED.processed, counters.processed], [CONSUMED.failed, counters.failed], ...(counters.lastEventAt === null ? [] : [[CONSUMED.lastEventAt, counters.lastEventAt]])];
  await database.write(`INSERT IGNORE INTO app_state (name, value_json) VALUES ${rows.map(() => '(?, ?)').join(', ')}`, rows.flatMap(([name, value]) => [String(name), String(value)]));
}
