import { InvocationLimitReachedError } from '@forge/events';
import type { AppConfig, AppConfigInput } from '../config/schema';
import { checkConfig } from '../config/schema';
import { loadConfig } from '../config/store';
import { runtime } from '../runtime';
import { currentBackend } from '../storage/backend';
import { keys } from '../storage/keys';
import { countWithPrefix, deleteValue, getValue, setValue, valuesWithPrefix } from '../storage/store';
import { activeGenerationSql, buildingGenerationSql, completeGenerationSql, deleteRetiredSql, lastCompletedSql, markRequeuedSql, recordPageSql, startGenerationSql } from '../storage/sql/generations';
import { ticketCountSql } from '../storage/sql/results';
import { pushPack, QueueBudgetError, type SyncEventBody } from './queue';

/**
 * Result generations. The gadgets read the active generation; a configuration change (or the admin page's button)
 * starts a recompute of every ticket in scope into a new generation, page by page through the queue, resumable after
 * a crash (the page token is stored after each page). When the last page is done the active generation switches in
 * one write; until then the old figures are served. The old generation is then deleted by later hourly runs.
 * On Forge SQL (storage/backend.ts) the state lives in the generations tables and every change is one statement on
 * its own row (storage/sql/generations.ts); on KVS it is one value, read and written back whole.
 */
export interface GenerationState {
  active: number;
  building: {
    gen: number;
    reason: 'config' | 'button';
    startedAt: number;
    /** search/jql page token of the next page to recompute; null: the first page. */
    token: string | null;
    /** Tickets recomputed so far, and how many the active generation holds (the admin page's "about N"). */
    done: number;
    expected: number;
    lastProgressAt: number;
  } | null;
  lastCompleted: { gen: number; completedAt: number; tickets: number } | null;
  /** Generations replaced or abandoned, whose keys later runs delete. */
  retired: number[];
}

const initial = (): GenerationState => ({ active: 0, building: null, lastCompleted: null, retired: [] });

const onSql = async (): Promise<boolean> => (await currentBackend()) === 'sql';

/** The state as the SQL tables hold it, in the shape the admin page and the sync read. */
async function loadGenerationsSql(): Promise<GenerationState> {
  const [active, building, lastCompleted] = await Promise.all([activeGenerationSql(), buildingGenerationSql(), lastCompletedSql()]);
  const reason = (r: string): 'config' | 'button' => (r === 'button' ? 'button' : 'config');
  return {
    active,
    building: building && { gen: building.gen, reason: reason(building.reason), startedAt: building.startedAt, token: building.token, done: building.done, expected: building.expected, lastProgressAt: building.lastProgressAt },
    lastCompleted,
    retired: [],
  };
}

export const loadGenerations = async (): Promise<GenerationState> => ((await onSql()) ? loadGenerationsSql() : ((await getValue<GenerationState>(keys.generations)) ?? initial()));
const saveGenerations = (state: GenerationState): Promise<void> => setValue(keys.generations, state);
export const activeGeneration = async (): Promise<number> => (await loadGenerations()).active;

/** A recompute event whose consumer has not reported progress for this long is pushed again by the hourly run. */
export const RECOMPUTE_STALL_MS = 15 * 60_000;

/** The parts of a configuration that change stored results (scorecards are evaluated at read time). */
const resultShape = (config: AppConfigInput | AppConfig | null | undefined) =>
  config
    ? JSON.stringify({
        calendars: config.calendars ?? {},
        policies: config.policies ?? [],
        fields: config.fields ?? null,
        scope: config.sync?.scopeJql,
        zone: config.sync?.reportTimeZone ?? 'UTC',
        jsm: config.sync?.readJsmSla ?? true,
        feedback: config.sync?.readFeedback ?? true,
      })
    : null;

export const changesResults = (before: AppConfigInput | null | undefined, after: AppConfigInput): boolean => before !== null && before !== undefined && resultShape(before) !== resultShape(after);

/**
 * The configuration each generation is computed with: the one being built uses the saved configuration; the active
 * one, while a newer one is being built, keeps the configuration it was computed with (so its figures stay as they
 * were until the switch).
 */
export async function targetsOf(state: GenerationState): Promise<Array<{ gen: number; config: AppConfig }>> {
  const { config } = await loadConfig();
  if (!config) return [];
  if (!state.building) return [{ gen: state.active, config }];
  const snapshot = await getValue<AppConfigInput>(keys.generationConfig(state.active));
  const checked = snapshot ? checkConfig(snapshot) : null;
  return [
    { gen: state.active, config: checked?.ok ? checked.config : config },
    { gen: state.building.gen, config },
  ];
}

const recomputeEvent = (gen: number, token: string | null): SyncEventBody => ({ keys: [], updatedUpTo: null, refresh: true, recompute: gen, token });

/**
 * Queues the next page of a recompute. When the queue is rate limited, or the chain of pushes reached the platform's
 * 1,000-push limit for one invocation chain (InvocationLimitReachedError, https://developer.atlassian.com/platform/forge/limits-async-events),
 * it returns false: the page token is stored, and the hourly run starts a new chain from it once progress stalls.
 */
export async function queueRecomputePage(gen: number, token: string | null): Promise<boolean> {
  try {
    await pushPack([recomputeEvent(gen, token)], runtime.now());
    return true;
  } catch (error) {
    if (!(error instanceof QueueBudgetError) && !(error instanceof InvocationLimitReachedError)) throw error;
    return false;
  }
}

/**
 * Starts recomputing every ticket into a new generation. `previous` is the configuration the active generation was
 * computed with (kept so its figures do not change before the switch). A recompute already running is abandoned.
 */
export async function startRecompute(reason: 'config' | 'button', previous: AppConfigInput | null): Promise<GenerationState> {
  const now = runtime.now();
  if (await onSql()) return startRecomputeSql(reason, previous, now);
  const state = await loadGenerations();
  const expected = await countWithPrefix(keys.ticketPrefix(state.active));
  // Nothing stored yet: the sync computes everything with the saved configuration anyway.
  if (expected === 0 && !state.building) return state;
  if (previous && !state.building) await setValue(keys.generationConfig(state.active), previous);
  if (state.building) state.retired.push(state.building.gen);
  const gen = Math.max(state.active, state.building?.gen ?? 0, ...state.retired) + 1;
  state.building = { gen, reason, startedAt: now, token: null, done: 0, expected, lastProgressAt: now };
  await saveGenerations(state);
  if (!(await queueRecomputePage(gen, null))) {
    state.building.lastProgressAt = 0;
    await saveGenerations(state);
  }
  return state;
}

/**
 * On SQL: a new generation row (a recompute already running is simply no longer the newest: its pages are dropped
 * and it can never become active). The active generation's configuration is kept as on KVS.
 */
async function startRecomputeSql(reason: 'config' | 'button', previous: AppConfigInput | null, now: number): Promise<GenerationState> {
  const state = await loadGenerationsSql();
  const expected = await ticketCountSql(state.active);
  if (expected === 0 && !state.building) return state;
  if (previous && !state.building) await setValue(keys.generationConfig(state.active), previous);
  const gen = await startGenerationSql(reason, now, expected);
  if (!(await queueRecomputePage(gen, null))) await markRequeuedSql(gen, 0);
  return loadGenerationsSql();
}

/** A recompute's chain of page events was pushed again (the hourly run found it stalled) at `at`. */
export async function noteRecomputeRequeued(state: GenerationState, at: number): Promise<void> {
  if (await onSql()) return markRequeuedSql(state.building!.gen, at);
  state.building!.lastProgressAt = at;
  await saveGenerations(state);
}

/** Records a recomputed page; after the last one the gadgets switch to the new generation. */
export async function recordRecomputePage(state: GenerationState, count: number, nextToken: string | null, now: number): Promise<GenerationState> {
  const building = state.building!;
  if (await onSql()) {
    const recorded = await recordPageSql(building.gen, building.token, count, nextToken, now);
    if (recorded && nextToken === null && (await completeGenerationSql(building.gen, now))) await deleteValue(keys.generationConfig(state.active));
    return loadGenerationsSql();
  }
  building.done += count;
  building.lastProgressAt = now;
  building.token = nextToken;
  if (nextToken === null) {
    state.retired.push(state.active);
    state.lastCompleted = { gen: building.gen, completedAt: now, tickets: building.done };
    state.active = building.gen;
    state.building = null;
  }
  await saveGenerations(state);
  return state;
}

/** Deletes up to `limit` keys of retired generations (and their configuration snapshots); returns how many. */
export async function deleteRetired(limit: number): Promise<number> {
  if (await onSql()) return deleteRetiredSql(limit);
  const state = await loadGenerations();
  let deleted = 0;
  while (state.retired.length > 0 && deleted < limit) {
    const gen = state.retired[0];
    let left = false;
    for (const prefix of keys.generationPrefixes(gen)) {
      for (const { key } of await valuesWithPrefix<unknown>(prefix, limit - deleted + 1)) {
        if (deleted >= limit) {
          left = true;
          break;
        }
        await deleteValue(key);
        deleted++;
      }
    }
    if (left) break;
    if (gen !== state.active) await deleteValue(keys.generationConfig(gen));
    state.retired.shift();
    await saveGenerations(state);
  }
  return deleted;
}
