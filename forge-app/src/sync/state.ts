import { keys } from '../storage/keys';
import { getValue, setValue } from '../storage/store';

export interface SyncState {
  /** Every issue updated before this instant has been pushed to the queue (durably). */
  cursor: number;
  lastRunAt: number | null;
  /** Whether the last run stopped on its time budget with more to read. */
  more: boolean;
  lastRun: { pushes: number; events: number; issues: number; dueRefreshes: number; jiraRequests: number; rateLimited: number } | null;
}

export const initialSyncState = (): SyncState => ({ cursor: 0, lastRunAt: null, more: false, lastRun: null });

export const loadSyncState = async (): Promise<SyncState> => (await getValue<SyncState>(keys.syncState)) ?? initialSyncState();
export const saveSyncState = (state: SyncState): Promise<void> => setValue(keys.syncState, state);
