import { currentBackend } from '../storage/backend';
import { keys } from '../storage/keys';
import { addConsumedSql, loadConsumedSql, loadStateSql, saveStateSql } from '../storage/sql/sync-records';
import { getValue, setValue } from '../storage/store';

/**
 * The sync's state (cursor, last run) and the consumers' counters: in KVS (`sync:state`, `sync:consumed`) before the
 * upgrade to Forge SQL, in `app_state` after.
 */

export interface SyncState {
  /** Every issue updated before this instant has been pushed to the queue (durably). */
  cursor: number;
  lastRunAt: number | null;
  /** Whether the last run stopped on its time budget with more to read. */
  more: boolean;
  lastRun: { pushes: number; events: number; issues: number; dueRefreshes: number; retries: number; reconciled: number; retiredKeysDeleted: number; jiraRequests: number; rateLimited: number; queueRateLimited: number } | null;
  /** When the last reconciliation (every stored ticket checked against Jira: deleted, moved, out of scope) was queued. */
  lastReconcileAt?: number | null;
  /** The last stored ticket key an unfinished reconciliation queued; the next run queues the keys after it. */
  reconcileAfter?: string | null;
}

/** What the consumers did, summed: the admin page's "tickets processed". One small value, written once an event. */
export interface ConsumedCounters {
  processed: number;
  failed: number;
  lastEventAt: number | null;
}

const onSql = async (): Promise<boolean> => (await currentBackend()) === 'sql';
const noneConsumed = (): ConsumedCounters => ({ processed: 0, failed: 0, lastEventAt: null });

/** On SQL one atomic statement: consumers adding at once each count. */
export async function addConsumed(delta: { processed: number; failed: number }, now: number): Promise<void> {
  if (await onSql()) return addConsumedSql(delta, now);
  const current = (await getValue<ConsumedCounters>(keys.consumed)) ?? noneConsumed();
  await setValue<ConsumedCounters>(keys.consumed, { processed: current.processed + delta.processed, failed: current.failed + delta.failed, lastEventAt: now });
}

/** The counters kept in KVS (installations before the upgrade; the upgrade copies them). */
export const kvsConsumed = async (): Promise<ConsumedCounters> => (await getValue<ConsumedCounters>(keys.consumed)) ?? noneConsumed();

export const loadConsumed = async (): Promise<ConsumedCounters> => ((await onSql()) ? loadConsumedSql() : kvsConsumed());

const initialSyncState = (): SyncState => ({ cursor: 0, lastRunAt: null, more: false, lastRun: null });

/** The sync state kept in KVS, if any (the upgrade copies it). */
export const kvsSyncState = (): Promise<SyncState | undefined> => getValue<SyncState>(keys.syncState);

export const loadSyncState = async (): Promise<SyncState> => ((await onSql()) ? await loadStateSql<SyncState>(keys.syncState) : await kvsSyncState()) ?? initialSyncState();
export const saveSyncState = async (state: SyncState): Promise<void> => ((await onSql()) ? saveStateSql(keys.syncState, state) : setValue(keys.syncState, state));
