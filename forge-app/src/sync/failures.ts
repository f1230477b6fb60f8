import { currentBackend } from '../storage/backend';
import { keys } from '../storage/keys';
import { allFailuresSql, clearFailureSql, makeAllDueSql, recordFailureSql } from '../storage/sql/sync-records';
import { deleteValue, getValue, setValue, valuesWithPrefix } from '../storage/store';
import type { FailureRecord, SyncStep } from '../model/sync-failure';

// The failure ledger: in KVS (`fail:<KEY>`) before the upgrade to Forge SQL, in `sync_failures` after.

export type { FailureRecord, SyncStep } from '../model/sync-failure';

/** A ticket shows in the admin page's sync health after this many failed attempts (earlier ones are often transient). */
export const SHOWN_AFTER_ATTEMPTS = 3;
const HOUR = 3_600_000;
/** Back-off between attempts: 0 h (the next run), then 1, 2, 4 … hours, at most a day. */
const retryDelayMs = (attempts: number): number => (attempts <= 1 ? 0 : Math.min(24 * HOUR, HOUR * 2 ** (attempts - 2)));

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 500);

const onSql = async (): Promise<boolean> => (await currentBackend()) === 'sql';

/**
 * Records (or counts again) a ticket's failure; the ledger entry is small and keyed by the ticket. On SQL one upsert
 * counts it from the stored row (`previous` is not needed), so failures recorded at once each count.
 */
export async function recordFailure(key: string, step: SyncStep, error: unknown, now: number, previous?: FailureRecord, updated: number | null = null): Promise<FailureRecord> {
  if (await onSql()) return recordFailureSql({ key, step, error: messageOf(error), lastFailedAt: now, updated });
  const before = previous ?? (await getValue<FailureRecord>(keys.failure(key)));
  const attempts = (before?.attempts ?? 0) + 1;
  const record: FailureRecord = { key, step, error: messageOf(error), attempts, firstFailedAt: before?.firstFailedAt ?? now, lastFailedAt: now, nextAttemptAt: now + retryDelayMs(attempts), updated };
  await setValue(keys.failure(key), record);
  return record;
}

export const clearFailure = async (key: string): Promise<void> => ((await onSql()) ? clearFailureSql(key) : deleteValue(keys.failure(key)));

/** The ledger kept in KVS (installations before the upgrade; the upgrade copies it). */
export const kvsFailures = async (): Promise<FailureRecord[]> => (await valuesWithPrefix<FailureRecord>(keys.failurePrefix)).map(({ value }) => value);

export async function allFailures(): Promise<FailureRecord[]> {
  const failures = (await onSql()) ? await allFailuresSql() : await kvsFailures();
  return failures.sort((a, b) => a.key.localeCompare(b.key));
}

/** Makes every failing ticket due now (the admin page's "retry now"). */
export async function makeAllDue(now: number): Promise<FailureRecord[]> {
  const failures = await allFailures();
  if (await onSql()) await makeAllDueSql(now);
  else for (const failure of failures) await setValue(keys.failure(failure.key), { ...failure, nextAttemptAt: now });
  return failures;
}
