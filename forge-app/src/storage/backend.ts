import { getValue, setValue } from './store';

/**
 * Where this installation keeps its results. Installations from before Forge SQL hold them in KVS ('kvs'); the
 * upgrade copies them into SQL page by page ('migrating': the gadgets still read KVS, the sync writes both), then
 * switches in one write ('sql'). A fresh install starts on SQL. Configuration stays in KVS either way.
 */
export type Backend = 'kvs' | 'migrating' | 'sql';

export interface StorageState {
  backend: Backend;
  /** The copy of KVS results into SQL: the generation copied, the last ticket key copied (resume point), progress. */
  migration?: { gen: number; after: string | null; copied: number; startedAt: number; lastProgressAt: number };
}

/** KVS key of the storage state (not per generation). */
const STORAGE_STATE_KEY = 'storage:state';

export const loadStorageState = async (): Promise<StorageState> => (await getValue<StorageState>(STORAGE_STATE_KEY)) ?? { backend: 'kvs' };
export const saveStorageState = (state: StorageState): Promise<void> => setValue(STORAGE_STATE_KEY, state);
export const currentBackend = async (): Promise<Backend> => (await loadStorageState()).backend;
