import { whenLicensed } from '../license';
import { loadConfig } from '../config/store';
import { runtime } from '../runtime';
import { recordFailure } from './failures';
import { pushPack, QueueBudgetError, type SyncEventBody } from './queue';

/**
 * The part of a Jira issue event the app reads (https://developer.atlassian.com/platform/forge/events-reference/jira/):
 * `avi:jira:created:issue`, `avi:jira:updated:issue` (a move to another project arrives as an update under the new
 * key, same id) and `avi:jira:deleted:issue`, each with the issue's id and key.
 * @internal Exported for its tests.
 */
export interface IssueEvent {
  eventType: string;
  issue: { id: string; key: string };
}

const LIVE_EVENT_TYPES = ['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue'] as const;

/**
 * Queues the one ticket an issue event names, onto the same queue (and the same one-at-a-time consumer) the hourly
 * run uses: a created or updated issue is recomputed within seconds (read with read-after-write consistency), a
 * deleted one is purged. When the queue is rate limited the ticket goes to the failure ledger as due now, so the
 * next hourly run queues it; the hourly run and its daily reconciliation remain the safety net for missed events.
 */
async function handleIssueEvent(event: IssueEvent): Promise<'queued' | 'deferred' | 'ignored'> {
  if (!LIVE_EVENT_TYPES.includes(event.eventType as (typeof LIVE_EVENT_TYPES)[number])) return 'ignored';
  const key = event.issue?.key;
  if (typeof key !== 'string' || key === '') throw new Error(`issue event ${event.eventType} has no issue.key`);
  const { config } = await loadConfig();
  if (!config) return 'ignored';
  const deleted = event.eventType === 'avi:jira:deleted:issue';
  const id = Number(event.issue.id);
  const body: SyncEventBody = deleted
    ? { keys: [key], updatedUpTo: null, refresh: false, purge: true }
    : { keys: [key], updatedUpTo: null, refresh: true, ...(Number.isSafeInteger(id) ? { reconcileIds: [id] } : {}) };
  const now = runtime.now();
  try {
    // An event function has 25 s: no waiting out the queue's minute here.
    await pushPack([body], now);
    return 'queued';
  } catch (error) {
    if (!(error instanceof QueueBudgetError)) throw error;
    await recordFailure(key, deleted ? 'purge' : 'search', new Error('the queue was rate limited when the issue event arrived'), now);
    return 'deferred';
  }
}

/** The product event trigger's handler, as named in manifest.yml; an unlicensed site's events are ignored (license.ts). */
export const issueEvents = whenLicensed(async (event: IssueEvent): Promise<void> => {
  await handleIssueEvent(event);
});
