/** The sync's failure ledger, as both stores keep it (sync/failures.ts, storage/sql/sync-records.ts). */

/**
 * Where a ticket's sync failed: reading it (search, changelog, the JQL matches of goals, JSM, comments), computing
 * its clocks, or storing the result.
 */
export type SyncStep = 'search' | 'changelog' | 'jql' | 'jsm-sla' | 'feedback' | 'comments' | 'compute' | 'store' | 'purge' | 'property' | 'alerts';

/** One ticket whose last sync attempt failed: retried with back-off by later runs until it succeeds. */
export interface FailureRecord {
  key: string;
  step: SyncStep;
  error: string;
  attempts: number;
  firstFailedAt: number;
  lastFailedAt: number;
  /** The first hourly run at or after this instant queues the ticket again. */
  nextAttemptAt: number;
  /** Jira's `updated` of the version that failed: a newer version is tried at once, the same one waits its back-off. */
  updated?: number | null;
}
