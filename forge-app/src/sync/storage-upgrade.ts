import { InvocationLimitReachedError } from '@forge/events';
import { loadConfig } from '../config/store';
import type { TicketResult } from '../model/ticket-result';
import { runtime } from '../runtime';
import type { StoredTicket } from '../storage/aggregates';
import { loadStorageState, saveStorageState, type StorageState } from '../storage/backend';
import { decodeSegment, keys } from '../storage/keys';
import { resultStores } from '../storage/repository';
import { migrateSchema } from '../storage/sql/schema';
import { stampUnsummarised } from '../storage/sql/cycle-summary';
import { setActiveGenerationSql } from '../storage/sql/generations';
import { getValue, keyPagesWithPrefix, valuesWithPrefix } from '../storage/store';
import type { InpsAnswerRecord } from '../model/inps-answer';
import { copyAnswersSql } from '../storage/sql/inps';
import { copyConsumedSql, copyFailuresSql, saveStateSql } from '../storage/sql/sync-records';
import { kvsFailures } from './failures';
import { kvsConsumed, kvsSyncState } from './state';
import { loadGenerations, RECOMPUTE_STALL_MS } from './generations';
import { pushPack, QueueBudgetError, type SyncEventBody } from './queue';

/**
 * The move of an installation's results from KVS to Forge SQL, without an admin's action. On install the schema is
 * created and the app starts on SQL. On upgrade (`avi:forge:upgraded:app`, sent for a major version, which adding
 * Forge SQL requires) the schema is created, and the active generation's tickets are copied page by page through the
 * sync queue: each page stores its tickets in SQL (idempotent: a ticket the sync stored meanwhile, in both stores,
 * keeps its newer version) and saves the last key copied, so a crash or a lost event resumes after it (the hourly
 * run pushes a stalled copy again). The gadgets read KVS until the last page; then the sync's records and the survey
 * answers are copied and one write switches everything to SQL.
 */

/** Tickets copied per queue event: a page's KVS reads and SQL writes stay far inside the consumer's 900 s. */
const TICKETS_PER_PAGE = 200;

const migrationEvent = (): SyncEventBody => ({ keys: [], updatedUpTo: null, refresh: false, migrate: true });

async function queueMigrationPage(): Promise<boolean> {
  try {
    await pushPack([migrationEvent()], runtime.now());
    return true;
  } catch (error) {
    if (!(error instanceof QueueBudgetError) && !(error instanceof InvocationLimitReachedError)) throw error;
    return false;
  }
}

/** Whether KVS holds any result of a generation (one key page read, not a count). */
async function hasKvsResults(gen: number): Promise<boolean> {
  for await (const page of keyPagesWithPrefix(keys.ticketPrefix(gen))) return page.keys.length > 0;
  return false;
}

/** Install or upgrade: the schema, then SQL at once (nothing in KVS) or the copy's first page. Safe to repeat. */
async function prepareStorage(now: number): Promise<StorageState> {
  await migrateSchema();
  const state = await loadStorageState();
  if (state.backend === 'sql') {
    await stampUnsummarised();
    return state;
  }
  if (state.backend === 'migrating') {
    await queueMigrationPage();
    return state;
  }
  const { active } = await loadGenerations();
  await setActiveGenerationSql(active);
  if (!(await hasKvsResults(active))) {
    await copyRecords();
    const ready: StorageState = { backend: 'sql' };
    await saveStorageState(ready);
    return ready;
  }
  const migrating: StorageState = { backend: 'migrating', migration: { gen: active, after: null, copied: 0, startedAt: now, lastProgressAt: now } };
  await saveStorageState(migrating);
  await queueMigrationPage();
  return migrating;
}

/** The next TICKETS_PER_PAGE stored tickets of a generation after `after`, in key order. */
async function ticketsAfter(gen: number, after: string | null): Promise<{ tickets: TicketResult[]; last: string | null; more: boolean }> {
  const prefix = keys.ticketPrefix(gen);
  const tickets: TicketResult[] = [];
  let last = after;
  for await (const page of keyPagesWithPrefix(prefix)) {
    for (const key of page.keys) {
      const issueKey = key.slice(prefix.length);
      if (after !== null && issueKey <= after) continue;
      if (tickets.length === TICKETS_PER_PAGE) return { tickets, last, more: true };
      const stored = await getValue<StoredTicket>(key);
      if (stored) {
        const { buckets: _b, openKeys: _o, pending: _p, ...result } = stored;
        tickets.push(result);
      }
      last = issueKey;
    }
  }
  return { tickets, last, more: false };
}

/** The KVS key prefix of survey answers: `inps-answer:<KEY>:<segment of the account id>`. */
const ANSWER_PREFIX = 'inps-answer:';

/**
 * The sync state, the consumers' counters, the failure ledger and the survey answers, copied into SQL on the last page,
 * just before the switch. Each copy keeps what SQL already holds, so a last page processed again changes nothing. An
 * answer whose account id was too long for a key segment (hashed) is copied under the segment: it still counts.
 */
async function copyRecords(): Promise<void> {
  const state = await kvsSyncState();
  if (state) await saveStateSql(keys.syncState, state, true);
  await copyConsumedSql(await kvsConsumed());
  await copyFailuresSql(await kvsFailures());
  const answers = (await valuesWithPrefix<InpsAnswerRecord>(ANSWER_PREFIX)).map(({ key, value }) => {
    const seg = key.slice(`${ANSWER_PREFIX}${value.issueKey}:`.length);
    return { accountId: decodeSegment(seg) ?? seg, record: value };
  });
  await copyAnswersSql(answers);
}

/**
 * One page of the copy (a queue event with `migrate`). The active generation changed since the copy began (a
 * recompute finished): the copy starts over with it. While a recompute is being built on KVS the copy waits at its
 * last page (both stores receive the sync's writes meanwhile), so the switch never leaves a generation behind.
 */
export async function copyMigrationPage(): Promise<StorageState> {
  const state = await loadStorageState();
  if (state.backend !== 'migrating' || !state.migration) return state;
  const now = runtime.now();
  const generations = await loadGenerations();
  const migration = generations.active === state.migration.gen ? state.migration : { gen: generations.active, after: null, copied: 0, startedAt: now, lastProgressAt: now };
  const { config } = await loadConfig();
  const page = await ticketsAfter(migration.gen, migration.after);
  await resultStores.sql.store(page.tickets, config?.sync.reportTimeZone ?? 'UTC', migration.gen);
  const progressed = { ...migration, after: page.last, copied: migration.copied + page.tickets.length, lastProgressAt: now };
  if (page.more || generations.building) {
    await saveStorageState({ backend: 'migrating', migration: progressed });
    if (page.more) await queueMigrationPage();
    return { backend: 'migrating', migration: progressed };
  }
  await copyRecords();
  await setActiveGenerationSql(migration.gen);
  const done: StorageState = { backend: 'sql' };
  await saveStorageState(done);
  return done;
}

/** The hourly run: a copy with no progress for a while (a lost event, a crash) is pushed again from its last key. */
export async function resumeStalledMigration(now: number): Promise<boolean> {
  const state = await loadStorageState();
  if (state.backend !== 'migrating' || !state.migration || now - state.migration.lastProgressAt < RECOMPUTE_STALL_MS) return false;
  if (!(await queueMigrationPage())) return false;
  await saveStorageState({ ...state, migration: { ...state.migration, lastProgressAt: now } });
  return true;
}

/** Forge's lifecycle events (https://developer.atlassian.com/platform/forge/events-reference/life-cycle/). */
interface LifecycleEvent {
  eventType?: string;
}

/** The `app-lifecycle` function of manifest.yml: install and upgrade prepare the storage. */
export async function appLifecycle(event: LifecycleEvent): Promise<void> {
  if (event.eventType === 'avi:forge:installed:app' || event.eventType === 'avi:forge:upgraded:app') await prepareStorage(runtime.now());
}
