import { Queue, RateLimitError } from '@forge/events';
import type { RetryPolicy } from '../jira/client';
import { runtime } from '../runtime';
import { currentBackend } from '../storage/backend';
import { SQL_WRITERS } from '../storage/sql/database';
import { QUEUE_KEY } from './limits';

/** The body of one queue event (see trigger.ts for how the hourly run fills it). */
export interface SyncEventBody extends Record<string, unknown> {
  keys: string[];
  /** The latest Jira `updated` among the keys (cursor events), else null. */
  updatedUpTo: number | null;
  /** Recompute even when Jira's `updated` is unchanged (due-time refreshes, retries, live events). */
  refresh: boolean;
  /** The keys were deleted in Jira: remove their results (no Jira call). */
  purge?: boolean;
  /** Issue ids to read with read-after-write consistency (live events; ≤ 50). */
  reconcileIds?: number[];
  /** A page of the upgrade's copy of KVS results into Forge SQL (sync/storage-upgrade.ts). */
  migrate?: true;
  /** A page of a history recompute into this generation, starting at `token` (null: the first page). */
  recompute?: number;
  token?: string | null;
}

/** After a RateLimitError the platform asks to retry "after a minute". */
const RATE_LIMIT_WAIT_MS = 60_000;

export class QueueBudgetError extends Error {
  constructor() {
    super('the queue kept answering RateLimitError until the run\'s time budget ran out');
    this.name = 'QueueBudgetError';
  }
}

/**
 * Consumers that may run at once: on Forge SQL every write commutes (storage/sql/results.ts), so SQL_WRITERS, each
 * pacing its writes to its share of the DML rate and its Jira calls to its share of the learned Jira pace
 * (sync/jira-pace.ts); on KVS (and while the upgrade copies into SQL) one, because the KVS buckets are
 * read-modify-write.
 */
export const consumerLimit = async (): Promise<number> => ((await currentBackend()) === 'sql' ? SQL_WRITERS : 1);

/**
 * How a consumer's Jira client retries. Side by side, consumers meet Jira's per-second limits more often (429 with a
 * short Retry-After, https://developer.atlassian.com/cloud/jira/platform/rate-limiting/): they wait their turn up to
 * 12 attempts (at most about 7 minutes of back-off, inside the consumer's 900 s) before a ticket goes to the ledger.
 */
export const consumerRetry = async (): Promise<RetryPolicy | undefined> => ((await consumerLimit()) > 1 ? { maxAttempts: 12, baseDelayMs: 1_000, maxDelayMs: 60_000 } : undefined);

/**
 * Pushes one pack of events. On RateLimitError (more
 * than 500 events a minute, https://developer.atlassian.com/platform/forge/limits-async-events) it waits a minute and
 * pushes the same pack again, until `deadline`; then it throws QueueBudgetError and the caller keeps its cursor.
 */
export async function pushPack(events: SyncEventBody[], deadline: number, onRateLimited: () => void = () => {}): Promise<void> {
  const queue = new Queue({ key: QUEUE_KEY });
  const limit = await consumerLimit();
  for (;;) {
    try {
      await queue.push(events.map((body) => ({ body, concurrency: { key: QUEUE_KEY, limit } })));
      return;
    } catch (error) {
      if (!(error instanceof RateLimitError)) throw error;
      onRateLimited();
      if (runtime.now() + RATE_LIMIT_WAIT_MS > deadline) throw new QueueBudgetError();
      await runtime.sleep(RATE_LIMIT_WAIT_MS);
    }
  }
}

/** The longest delay a pushed event may carry (https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/: 900 s). */
const MAX_DELAY_SECONDS = 900;

/**
 * Pushes an event back onto the queue, delivered after `delayMs` (at most the platform's 900 s; a longer wait is
 * deferred again when it comes back): the sync's answer to a Retry-After longer than it may sleep.
 */
export async function deferEvent(body: SyncEventBody, delayMs: number): Promise<void> {
  const delayInSeconds = Math.min(MAX_DELAY_SECONDS, Math.max(1, Math.ceil(delayMs / 1000)));
  await new Queue({ key: QUEUE_KEY }).push([{ body, delayInSeconds, concurrency: { key: QUEUE_KEY, limit: 1 } }]);
}
