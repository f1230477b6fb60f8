import { triggerWhenLicensed } from '../license';
import api from '@forge/api';
import { loadConfig } from '../config/store';
import { JiraClient } from '../jira/client';
import { runtime } from '../runtime';
import { keys } from '../storage/keys';
import { readableResults } from '../storage/repository';
import { allFailures } from './failures';
import { deleteRetired, loadGenerations, noteRecomputeRequeued, queueRecomputePage, RECOMPUTE_STALL_MS } from './generations';
import { CURSOR_OVERLAP_MS, ISSUES_PER_EVENT, MAX_EVENTS_PER_PUSH, MAX_PUSH_BYTES, MAX_PUSHES_PER_CHAIN, RECONCILE_EVERY_MS, TRIGGER_BUDGET_MS } from './limits';
import { pushPack, QueueBudgetError, type SyncEventBody } from './queue';
import { resumeStalledMigration } from './storage-upgrade';
import { loadSyncState, saveSyncState, type SyncState } from './state';

export type { SyncEventBody };

const pad = (n: number) => String(n).padStart(2, '0');
/** JQL's absolute date form, minute precision. */
const jqlDate = (at: number): string => {
  const d = new Date(at);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

const incrementalJql = (scopeJql: string, cursor: number): string =>
  cursor > 0
    ? `(${scopeJql}) AND updated >= "${jqlDate(Math.max(0, cursor - CURSOR_OVERLAP_MS))}" ORDER BY updated ASC, key ASC`
    : `(${scopeJql}) ORDER BY updated ASC, key ASC`;

/**
 * Groups events into pushes of ≤ 50 events and ≤ 200 KB.
 * @internal Exported for its tests.
 */
export function packPushes(bodies: SyncEventBody[]): SyncEventBody[][] {
  const pushes: SyncEventBody[][] = [];
  let current: SyncEventBody[] = [];
  let bytes = 2;
  for (const body of bodies) {
    const size = Buffer.byteLength(JSON.stringify({ body })) + 1;
    if (current.length === MAX_EVENTS_PER_PUSH || (current.length > 0 && bytes + size > MAX_PUSH_BYTES)) {
      pushes.push(current);
      current = [];
      bytes = 2;
    }
    current.push(body);
    bytes += size;
  }
  if (current.length > 0) pushes.push(current);
  return pushes;
}

/** Keys of retired generations deleted per hourly run at most. */
const RETIRED_KEYS_PER_RUN = 2_000;

/** Keys in events of ≤ 100. */
const eventsOf = (issueKeys: readonly string[], refresh: boolean): SyncEventBody[] => {
  const bodies: SyncEventBody[] = [];
  for (let i = 0; i < issueKeys.length; i += ISSUES_PER_EVENT) bodies.push({ keys: issueKeys.slice(i, i + ISSUES_PER_EVENT), updatedUpTo: null, refresh });
  return bodies;
};

/**
 * Scheduled trigger (hourly). In order: open clocks now past due, failed tickets whose back-off has passed, issues
 * updated since the cursor (oldest first), and once a day every stored ticket (reconciliation: deleted, moved and
 * out-of-scope issues that no event told us about are found by the consumer and purged). After each push of cursor
 * events the cursor moves to the last pushed issue's `updated`, so a crash, the time budget or the queue's rate
 * limit loses nothing: the next run starts where the last durable push ended.
 * @internal Exported for its tests.
 */
export async function runSyncTrigger(): Promise<SyncState | null> {
  const { config } = await loadConfig();
  if (!config) return null;
  const started = runtime.now();
  const deadline = started + TRIGGER_BUDGET_MS;
  const state = await loadSyncState();
  const jira = new JiraClient(api.asApp().requestJira, runtime.sleep);
  const run = { pushes: 0, events: 0, issues: 0, dueRefreshes: 0, retries: 0, reconciled: 0, retiredKeysDeleted: 0, jiraRequests: 0, rateLimited: 0, queueRateLimited: 0 };
  const push = async (bodies: SyncEventBody[]) => {
    for (const events of packPushes(bodies)) {
      if (run.pushes >= MAX_PUSHES_PER_CHAIN) throw new QueueBudgetError();
      await pushPack(events, deadline, () => run.queueRateLimited++);
      run.pushes++;
      run.events += events.length;
      const upTo = Math.max(...events.map((b) => b.updatedUpTo ?? 0));
      if (upTo > state.cursor) {
        state.cursor = upTo;
        await saveSyncState({ ...state, lastRunAt: started, more: true });
      }
    }
  };

  let more = false;
  await resumeStalledMigration(started);
  const generations = await loadGenerations();
  // A recompute whose chain of page events stopped (a crash, a rate-limited push) resumes at its stored page.
  if (generations.building && started - generations.building.lastProgressAt >= RECOMPUTE_STALL_MS) {
    if (await queueRecomputePage(generations.building.gen, generations.building.token)) await noteRecomputeRequeued(generations, started);
  }
  try {
    const results = await readableResults();
    // Open cycles whose due time passed since they were computed: their stored "ongoing" is now a breach.
    const due = await results.dueOpenKeys(started, generations.active);
    run.dueRefreshes = due.length;
    await push(eventsOf(due, true));

    const retries = (await allFailures()).filter((f) => f.nextAttemptAt <= started).map((f) => f.key);
    run.retries = retries.length;
    await push(eventsOf(retries, true));

    const jql = incrementalJql(config.sync.scopeJql, state.cursor);
    let pending: SyncEventBody[] = [];
    let token: string | undefined;
    do {
      if (runtime.now() > deadline) {
        more = true;
        break;
      }
      const page = await jira.searchPage(jql, ['updated'], token);
      // Pages come oldest first, so an event's last issue carries its latest `updated`.
      for (let i = 0; i < page.issues.length; i += ISSUES_PER_EVENT) {
        const slice = page.issues.slice(i, i + ISSUES_PER_EVENT);
        pending.push({ keys: slice.map((issue) => issue.key), updatedUpTo: Date.parse(slice[slice.length - 1].fields.updated as string), refresh: false });
      }
      run.issues += page.issues.length;
      if (pending.length >= MAX_EVENTS_PER_PUSH) {
        await push(pending);
        pending = [];
      }
      token = page.isLast ? undefined : page.nextPageToken;
    } while (token);
    await push(pending);

    // Reconciliation, a page of stored keys at a time in key order. A run that stops saves the last key queued; the
    // next one walks the keys again from the start (KVS cursors must not be persisted) and queues the rest.
    const reconcileDue = (state.reconcileAfter ?? null) !== null || started - (state.lastReconcileAt ?? 0) >= RECONCILE_EVERY_MS;
    if (!more && reconcileDue) {
      // Saved before the SQL store as the KVS key (`ticket:SUP-1`): the ticket key is what counts.
      const prefix = keys.ticketPrefix(generations.active);
      const saved = state.reconcileAfter ?? null;
      const after = saved !== null && saved.startsWith(prefix) ? saved.slice(prefix.length) : saved;
      let batch: string[] = [];
      const flushReconcile = async () => {
        if (batch.length === 0) return;
        await push(eventsOf(batch, false));
        run.reconciled += batch.length;
        state.reconcileAfter = batch[batch.length - 1];
        batch = [];
      };
      for await (const page of results.ticketKeyPages(generations.active)) {
        batch.push(...page.keys.filter((key) => after === null || key > after));
        if (batch.length >= ISSUES_PER_EVENT * MAX_EVENTS_PER_PUSH) await flushReconcile();
        // Out of time: stop once this run has something new to queue (walking past done keys is only reading).
        if (runtime.now() > deadline && page.more && batch.length > 0) {
          await flushReconcile();
          more = true;
          break;
        }
      }
      if (!more) {
        await flushReconcile();
        state.reconcileAfter = null;
        state.lastReconcileAt = started;
      }
    }
  } catch (error) {
    if (!(error instanceof QueueBudgetError)) throw error;
    more = true;
  }

  // Keys of generations replaced by a recompute go, a bounded number a run.
  if (runtime.now() < deadline) run.retiredKeysDeleted = await deleteRetired(RETIRED_KEYS_PER_RUN);
  // Per-day summaries a race or a crash left behind are recomputed (until then those months are counted from the cycles).
  if (runtime.now() < deadline) await (await readableResults()).catchUp(generations.active);
  run.jiraRequests = jira.stats.requests;
  run.rateLimited = jira.stats.rateLimited;
  const finished: SyncState = { ...state, lastRunAt: started, more, lastRun: run };
  await saveSyncState(finished);
  return finished;
}

/** The scheduled trigger's handler, as named in manifest.yml; an unlicensed site is not synced (license.ts). */
export const syncTrigger = triggerWhenLicensed(async (): Promise<void> => {
  await runSyncTrigger();
});
