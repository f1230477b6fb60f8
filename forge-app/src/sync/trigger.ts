import api from '@forge/api';
import { Queue } from '@forge/events';
import { loadConfig } from '../config/store';
import { JiraClient } from '../jira/client';
import { runtime } from '../runtime';
import type { Bucket, OpenEntry } from '../storage/aggregates';
import { valuesWithPrefix } from '../storage/store';
import { CURSOR_OVERLAP_MS, ISSUES_PER_EVENT, MAX_EVENTS_PER_PUSH, MAX_PUSH_BYTES, MAX_PUSHES_PER_CHAIN, QUEUE_KEY, TRIGGER_BUDGET_MS } from './limits';
import { loadSyncState, saveSyncState, type SyncState } from './state';

/**
 * The body of one queue event: issue keys to (re)compute (the consumer reads them fresh), the latest `updated` among
 * them (null for due-time refreshes), and `refresh` to recompute even when Jira's `updated` is unchanged.
 */
export interface SyncEventBody extends Record<string, unknown> {
  keys: string[];
  updatedUpTo: number | null;
  refresh: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** JQL's absolute date form, minute precision. */
export const jqlDate = (at: number): string => {
  const d = new Date(at);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

export const incrementalJql = (scopeJql: string, cursor: number): string =>
  cursor > 0
    ? `(${scopeJql}) AND updated >= "${jqlDate(Math.max(0, cursor - CURSOR_OVERLAP_MS))}" ORDER BY updated ASC, key ASC`
    : `(${scopeJql}) ORDER BY updated ASC, key ASC`;

/** Groups events into pushes of ≤ 50 events and ≤ 200 KB. */
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

/** Open cycles whose due time passed since they were computed: their stored "ongoing" is now a breach. */
async function dueRefreshes(now: number): Promise<SyncEventBody[]> {
  const indexes = await valuesWithPrefix<Bucket<OpenEntry>>('open:');
  const keysDue = [...new Set(indexes.flatMap(({ value }) => Object.values(value.entries).filter((e) => e.state === 'ongoing' && e.due !== null && e.due < now).map((e) => e.key)))];
  const bodies: SyncEventBody[] = [];
  for (let i = 0; i < keysDue.length; i += ISSUES_PER_EVENT) {
    bodies.push({ keys: keysDue.slice(i, i + ISSUES_PER_EVENT), updatedUpTo: null, refresh: true });
  }
  return bodies;
}

/**
 * Scheduled trigger (hourly): pages search/jql for issues updated since the cursor, oldest first, and pushes them to
 * the queue. After each push the cursor moves to the last pushed issue's `updated`, so a crash or the time budget
 * loses nothing: the next run starts where the last durable push ended.
 */
export async function runSyncTrigger(): Promise<SyncState | null> {
  const { config } = await loadConfig();
  if (!config) return null;
  const started = runtime.now();
  const state = await loadSyncState();
  const jira = new JiraClient(api.asApp().requestJira, runtime.sleep);
  const queue = new Queue({ key: QUEUE_KEY });
  const run = { pushes: 0, events: 0, issues: 0, dueRefreshes: 0, jiraRequests: 0, rateLimited: 0 };
  /** Pushes in packs; after each pack the cursor moves past its issues and is saved, so a crash loses nothing. */
  const push = async (bodies: SyncEventBody[]) => {
    for (const events of packPushes(bodies)) {
      // One consumer at a time: bucket updates are read-modify-write.
      await queue.push(events.map((body) => ({ body, concurrency: { key: QUEUE_KEY, limit: 1 } })));
      run.pushes++;
      run.events += events.length;
      const upTo = Math.max(...events.map((b) => b.updatedUpTo ?? 0));
      if (upTo > state.cursor) {
        state.cursor = upTo;
        await saveSyncState({ ...state, lastRunAt: started, more: true });
      }
    }
  };

  const refreshes = await dueRefreshes(started);
  run.dueRefreshes = refreshes.reduce((n, b) => n + b.keys.length, 0);
  await push(refreshes);

  const jql = incrementalJql(config.sync.scopeJql, state.cursor);
  let pending: SyncEventBody[] = [];
  const flush = async () => {
    await push(pending);
    pending = [];
  };
  let token: string | undefined;
  let more = false;
  do {
    if (runtime.now() - started > TRIGGER_BUDGET_MS || run.pushes >= MAX_PUSHES_PER_CHAIN) {
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
    if (pending.length >= MAX_EVENTS_PER_PUSH) await flush();
    token = page.isLast ? undefined : page.nextPageToken;
  } while (token);
  await flush();

  run.jiraRequests = jira.stats.requests;
  run.rateLimited = jira.stats.rateLimited;
  const finished: SyncState = { ...state, lastRunAt: started, more, lastRun: run };
  await saveSyncState(finished);
  return finished;
}

/** The scheduled trigger's handler, as named in manifest.yml. */
export const syncTrigger = async (): Promise<void> => {
  await runSyncTrigger();
};
