import { keys } from '../storage/keys';
import { getValue, setValue } from '../storage/store';

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

export async function addConsumed(delta: { processed: number; failed: number }, now: number): Promise<void> {
  const current = (await getValue<ConsumedCounters>(keys.consumed)) ?? { processed: 0, failed: 0, lastEventAt: null };
  await setValue<ConsumedCounters>(keys.consumed, { processed: current.processed + delta.processed, failed: current.failed + delta.failed, lastEventAt: now });
}

export const loadConsumed = async (): Promise<ConsumedCounters> => (await getValue<ConsumedCounters>(keys.consumed)) ?? { processed: 0, failed: 0, lastEventAt: null };

const initialSyncState = (): SyncState => ({ cursor: 0, lastRunAt: null, more: false, lastRun: null });

export const loadSyncState = async (): Promise<SyncState> => (await getValue<SyncState>(keys.syncState)) ?? initialSyncState();
export const saveSyncState = (state: SyncState): Promise<void> => setValue(keys.syncState, state);
