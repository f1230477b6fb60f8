import { runtime } from '../runtime';
import { ISSUES_PER_EVENT } from './limits';
import { allFailures, type FailureRecord, makeAllDue, SHOWN_AFTER_ATTEMPTS } from './failures';
import { pushPack, QueueBudgetError, type SyncEventBody } from './queue';
import { loadConsumed, loadSyncState } from './state';

export interface SyncHealth {
  now: number;
  lastRunAt: number | null;
  /** How far behind Jira's latest update the sync has queued: now − cursor (null before the first push). */
  lagMs: number | null;
  more: boolean;
  processed: number;
  failedAttempts: number;
  lastEventAt: number | null;
  /** Tickets that failed at least SHOWN_AFTER_ATTEMPTS times, with their last error. */
  failing: FailureRecord[];
  /** Tickets that failed fewer times: retried by the next runs, not shown one by one. */
  retrying: number;
}

export async function syncHealth(): Promise<SyncHealth> {
  const [state, consumed, failures] = await Promise.all([loadSyncState(), loadConsumed(), allFailures()]);
  const now = runtime.now();
  const failing = failures.filter((f) => f.attempts >= SHOWN_AFTER_ATTEMPTS);
  return {
    now,
    lastRunAt: state.lastRunAt,
    lagMs: state.cursor > 0 ? Math.max(0, now - state.cursor) : null,
    more: state.more,
    processed: consumed.processed,
    failedAttempts: consumed.failed,
    lastEventAt: consumed.lastEventAt,
    failing,
    retrying: failures.length - failing.length,
  };
}

/** A resolver has 25 s: it pushes for at most 20 s and leaves the rest to the hourly run (the ledger says "due now"). */
const RESOLVER_PUSH_BUDGET_MS = 20_000;

export async function retryFailedNow(): Promise<{ queued: number; rateLimited: boolean }> {
  const now = runtime.now();
  const failures = await makeAllDue(now);
  const bodies: SyncEventBody[] = [];
  for (let i = 0; i < failures.length; i += ISSUES_PER_EVENT) bodies.push({ keys: failures.slice(i, i + ISSUES_PER_EVENT).map((f) => f.key), updatedUpTo: null, refresh: true });
  let queued = 0;
  try {
    for (let i = 0; i < bodies.length; i += 50) {
      const pack = bodies.slice(i, i + 50);
      await pushPack(pack, now + RESOLVER_PUSH_BUDGET_MS);
      queued += pack.reduce((n, b) => n + b.keys.length, 0);
    }
  } catch (error) {
    if (!(error instanceof QueueBudgetError)) throw error;
    return { queued, rateLimited: true };
  }
  return { queued, rateLimited: false };
}
