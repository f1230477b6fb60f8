import { whenLicensed } from '../license';
import { indexTicketAlerts } from '../actions/plan';
import api from '@forge/api';
import type { AsyncEvent } from '@forge/events';
import { compileCalendarSet, createSlaClock, JQL_FIELD, type SlaClock } from '../../../core';
import type { AppConfig } from '../config/schema';
import { JiraClient, JiraRetryLater } from '../jira/client';
import { readComments, type TicketComment } from '../jira/comments';
import { matchJql } from '../jira/jql-match';
import type { JiraChangeHistory, JiraIssue, JsmFeedback, JsmSlaMetric } from '../jira/types';
import { runtime } from '../runtime';
import { rememberJsmMetrics, rememberSegmentNames } from '../storage/aggregates';
import { type ResultRepository, readableResults, type StoreOutcome, writableResults } from '../storage/repository';
import { clearFailure, type FailureRecord, allFailures, recordFailure, type SyncStep } from './failures';
import { consumerLimit, consumerRetry, deferEvent } from './queue';
import { finishPacer, type JiraPacer, startPacer } from './jira-pace';
import { type GenerationState, loadGenerations, queueRecomputePage, recordRecomputePage, targetsOf } from './generations';
import { copyMigrationPage } from './storage-upgrade';
import { conditionReads, type ConditionReads, issueFieldsToFetch, securityLevelOf, toTicketHistory, withOwnerReads } from './normalise';
import { olaOwnerFields, ownerFieldChanges } from './owner-changes';
import { loadCatalogueInput } from '../config/catalogue-store';
import { addConsumed } from './state';
import { type PolicyDirectory, policyDirectory, publishSlaState, withdrawSlaState } from './sla-property';
import type { FieldChange } from '../model/field-change';
import type { TicketResult } from '../model/ticket-result';
import { computeTicketResult } from './ticket-result';
import type { SyncEventBody } from './trigger';

/** @internal Exported for its tests. */
export interface ConsumeReport {
  stored: number;
  unchanged: number;
  /** Failed before in this same Jira version and still in their back-off: left to the retry the trigger queues. */
  deferred: number;
  stale: number;
  /** Tickets removed: deleted in Jira, moved to a new key, or no longer in scope. */
  purged: string[];
  /** Keys the scope search did not return and that were never stored (out of scope): nothing to do. */
  missing: string[];
  /** Tickets whose sync failed this time: each is in the failure ledger and retried by later runs. */
  failed: string[];
  /** Jira asked to wait this long (over what a run sleeps): the event was pushed back onto the queue with that delay. */
  retryAfterMs?: number;
}

/**
 * Stores results in every writable store (both while the upgrade copies KVS into SQL): a ticket failed in one store
 * failed; stale in one (a newer version already there) is stale.
 */
async function storeEverywhere(stores: readonly ResultRepository[], results: Parameters<ResultRepository['store']>[0], timeZone: string, gen: number): Promise<Map<string, StoreOutcome>> {
  const merged = new Map<string, StoreOutcome>();
  for (const store of stores) {
    for (const [key, outcome] of await store.store(results, timeZone, gen)) {
      const before = merged.get(key);
      if (!before || 'error' in outcome || ('outcome' in before && outcome.outcome === 'stale')) merged.set(key, outcome);
    }
  }
  return merged;
}

/** A failure at one step of one ticket, carried to the ledger. */
class StepError extends Error {
  constructor(readonly step: SyncStep, readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

const step = async <T>(name: SyncStep, work: () => Promise<T> | T): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw new StepError(name, error);
  }
};

/** JQL for a batch: the configured scope and the keys, so a ticket that left the scope is not recomputed. */
const batchJql = (config: AppConfig, issueKeys: readonly string[]): string => `(${config.sync.scopeJql}) AND key in (${issueKeys.join(', ')})`;

/** One generation a ticket's result is written to, with the configuration it is computed with. */
interface Target {
  gen: number;
  config: AppConfig;
  clocks: SlaClock[];
  directory: PolicyDirectory;
  /** The changelog fields and comments its policies' conditions read, and the OLA owner fields. */
  reads: ConditionReads;
  /** The OLA owner field of each policy a catalogue service with an OLA uses: its cycles keep who held them. */
  owners: Map<string, string>;
  /** Jira field id → core name of the OLA owner fields, whose changes are kept (field history). */
  ownerReads: ConditionReads['fields'];
  /** The JQL queries of its policies and goals. */
  jqls: string[];
}

const targetOf = ({ gen, config }: { gen: number; config: AppConfig }, catalogueInput: unknown): Target => {
  const calendars = compileCalendarSet(config.calendars);
  const clocks = config.policies.map((policy) => createSlaClock(policy, calendars));
  const jqls = config.policies.flatMap((p) => [p.jql, ...p.goals.map((g) => g.jql)]).filter((jql): jql is string => jql !== undefined);
  const owners = olaOwnerFields(catalogueInput, config.policies);
  const ownerReads = withOwnerReads({ fields: new Map(), comments: false }, owners.values(), config.fields).fields;
  const reads = withOwnerReads(conditionReads(clocks, config.fields), owners.values(), config.fields);
  return { gen, config, clocks, directory: policyDirectory(config.policies, calendars), reads, owners, ownerReads, jqls };
};

/** The targets of the generations, with the catalogue's OLA owner fields (read once per event). */
const loadTargets = async (generations: GenerationState): Promise<Target[]> => {
  const catalogueInput = await loadCatalogueInput();
  return (await targetsOf(generations)).map((t) => targetOf(t, catalogueInput));
};

/** What a batch reads once for every ticket: changelogs (with the fields conditions read) and the JQL matches. */
interface BatchReads {
  changelogs: Map<string, JiraChangeHistory[]>;
  /** Per issue id, the JQL queries (of policies and goals) it matches. */
  matchedJqls: Map<string, string[]>;
}

async function readBatch(jira: JiraClient, issueIds: string[], targets: readonly Target[]): Promise<BatchReads> {
  const fieldIds = new Set(['status', 'resolution', ...targets.flatMap((t) => [...t.reads.fields.keys()])]);
  const changelogs = await step('changelog', () => jira.changelogs(issueIds, [...fieldIds]));
  const jqls = [...new Set(targets.flatMap((t) => t.jqls))];
  const matchedJqls = new Map<string, string[]>();
  if (jqls.length > 0) {
    const matched = await step('jql', () => matchJql(jira, issueIds, jqls));
    for (const [jql, ids] of matched) for (const id of ids) matchedJqls.set(id, [...(matchedJqls.get(id) ?? []), jql]);
  }
  return { changelogs, matchedJqls };
}

/** One ticket's result for one target: its history with the conditions' events, JQL matches for goals, the clocks. */
function computeFor(target: Target, issue: JiraIssue, updated: number, batch: BatchReads, comments: readonly TicketComment[], asOf: number, jsm: JsmSlaMetric[], feedback: JsmFeedback | null, organizationsField: string | null): TicketResult {
  const ticket = toTicketHistory(issue, batch.changelogs.get(issue.id) ?? [], target.config.fields, organizationsField, { reads: target.reads, comments });
  const fields = ticket.fields;
  if (target.jqls.length > 0) ticket.fields = { ...fields, [JQL_FIELD]: batch.matchedJqls.get(issue.id) ?? [] };
  const assignee = issue.fields.assignee as { displayName?: string } | null | undefined;
  const result = computeTicketResult(ticket, updated, target.clocks, asOf, target.config.sync.readJsmSla ? jsm : [], target.config.sync.readFeedback ? feedback : null, { id: issue.id, assigneeName: assignee?.displayName ?? null, securityLevel: securityLevelOf(issue.fields.security) }, target.owners);
  // The matched queries chose the goal; they are not a field to store or group by.
  return { ...result, fields };
}

/** What a batch reads besides the configured fields: JSM's Organizations field (its id is per site). */
interface BatchFields {
  fields: string[];
  organizationsField: string | null;
}

async function batchFields(jira: JiraClient, targets: readonly Target[]): Promise<BatchFields> {
  const organizationsField = await jira.organizationsFieldId();
  return { fields: [...new Set(targets.flatMap((t) => issueFieldsToFetch(t.config.fields, organizationsField)))], organizationsField };
}

/** The ledger as this event sees it, and how a ticket's failure or success is recorded. */
function ledger(failing: Map<string, FailureRecord>, report: ConsumeReport, now: number) {
  const updatedOf = new Map<string, number>();
  return {
    updatedOf,
    fail: async (key: string, error: unknown) => {
      // Jira asked for a longer wait than this run may sleep: the whole event is deferred, not one ticket failed.
      const cause = error instanceof StepError ? error.cause : error;
      if (cause instanceof JiraRetryLater) throw cause;
      const stepName = error instanceof StepError ? error.step : 'store';
      await recordFailure(key, stepName, error instanceof StepError ? error.cause : error, now, failing.get(key), updatedOf.get(key) ?? null);
      report.failed.push(key);
    },
    succeeded: async (key: string) => {
      if (failing.has(key)) await clearFailure(key);
    },
  };
}

/** A computed ticket: its result per target generation and its owner field's changes. */
interface ComputedTicket {
  key: string;
  results: Map<number, TicketResult>;
  ownerChanges: FieldChange[];
}

/** Stores the batch per generation (one write per bucket it touches); a ticket failed in one generation is not stored in the next. */
async function storeBatch(stores: readonly ResultRepository[], computed: readonly ComputedTicket[], targets: readonly Target[]) {
  const outcomes = new Map<string, Set<'stored' | 'stale'>>(computed.map((c) => [c.key, new Set()]));
  const storeFailures = new Map<string, unknown>();
  for (const target of targets) {
    const stored = await storeEverywhere(stores, computed.filter((c) => !storeFailures.has(c.key)).map((c) => c.results.get(target.gen)!), target.config.sync.reportTimeZone, target.gen);
    for (const [key, outcome] of stored) {
      if ('error' in outcome) storeFailures.set(key, outcome.error);
      else outcomes.get(key)!.add(outcome.outcome);
    }
  }
  return { outcomes, storeFailures };
}

/**
 * Computes and stores each issue into every target generation, each ticket isolated: a failure at any step goes to
 * the ledger and the others go on. A failure of the batch's changelog read puts every ticket of it in the ledger.
 */
async function computeAndStore(jira: JiraClient, todo: Array<{ issue: JiraIssue; updated: number }>, targets: Target[], report: ConsumeReport, book: ReturnType<typeof ledger>, organizationsField: string | null) {
  if (todo.length === 0) return;
  const stores = await writableResults();
  let batch: BatchReads;
  try {
    batch = await readBatch(jira, todo.map(({ issue }) => issue.id), targets);
  } catch (error) {
    for (const { issue } of todo) await book.fail(issue.key, error);
    return;
  }
  const asOf = runtime.now();
  const jsmNames = new Set<string>();
  const readJsm = targets.some((t) => t.config.sync.readJsmSla);
  const readFeedback = targets.some((t) => t.config.sync.readFeedback);
  const readCommentsToo = targets.some((t) => t.reads.comments);
  // Read and compute each ticket (isolated), then store the batch per generation: one write per bucket it touches.
  const computed: ComputedTicket[] = [];
  const ownerReads = new Map(targets.flatMap((t) => [...t.ownerReads]));
  for (const { issue, updated } of todo) {
    try {
      const jsm: JsmSlaMetric[] = readJsm ? await step('jsm-sla', () => jira.jsmSla(issue.key)) : [];
      const feedback: JsmFeedback | null = readFeedback ? await step('feedback', () => jira.jsmFeedback(issue.key)) : null;
      const comments: TicketComment[] = readCommentsToo ? await step('comments', () => readComments(jira, issue.key)) : [];
      const results = new Map<number, TicketResult>();
      for (const target of targets) {
        results.set(target.gen, await step('compute', () => computeFor(target, issue, updated, batch, comments, asOf, jsm, feedback, organizationsField)));
      }
      for (const metric of jsm) jsmNames.add(metric.name);
      const { project, created } = results.get(targets[0].gen)!;
      computed.push({ key: issue.key, results, ownerChanges: ownerFieldChanges({ key: issue.key, project, created }, batch.changelogs.get(issue.id) ?? [], ownerReads) });
    } catch (error) {
      await book.fail(issue.key, error);
    }
  }
  const { outcomes, storeFailures } = await storeBatch(stores, computed, targets);
  // The newest configuration's state goes to Jira (the one a running recompute is building, else the active one).
  const newest = targets[targets.length - 1];
  for (const { key, results, ownerChanges } of computed) {
    if (storeFailures.has(key)) {
      await book.fail(key, new StepError('store', storeFailures.get(key)));
      continue;
    }
    const stale = !outcomes.get(key)!.has('stored');
    try {
      for (const store of stores) await step('store', () => store.recordFieldChanges(ownerChanges));
      if (!stale) {
        await step('property', () => publishSlaState(jira, results.get(newest.gen)!, newest.directory));
        await step('alerts', () => indexTicketAlerts(results.get(newest.gen)!, newest.config.policies, asOf));
      }
    } catch (error) {
      await book.fail(key, error);
      continue;
    }
    report[stale ? 'stale' : 'stored']++;
    await book.succeeded(key);
  }
  await rememberJsmMetrics(jsmNames);
  await rememberSegmentNames([...targets.flatMap((t) => t.config.policies.map((p) => p.id)), ...[...jsmNames].map((name) => `jsm:${name}`)]);
}

/**
 * Processes one queue event. Each ticket is isolated: a ticket that fails at any step is written to the failure
 * ledger (key, step, error, attempts) and the others go on; later runs retry it with back-off. Reads that fail for
 * the whole batch (the search, the changelogs) put every ticket of the batch in the ledger, so nothing is lost even
 * though the trigger's cursor has moved on. Only a failure to write the ledger itself throws (the platform then
 * redelivers the event); reprocessing replaces, never adds. Results go to the active generation and, while a
 * recompute runs, to the generation being built too.
 * @internal Exported for its tests.
 */
export async function consumeSyncEvent(body: SyncEventBody): Promise<ConsumeReport> {
  const pacer = await startPacer(await consumerLimit());
  try {
    return await consumeOnce(body, pacer);
  } catch (error) {
    if (!(error instanceof JiraRetryLater)) throw error;
    // Retry-After longer than a run sleeps: the same event comes back after it; reprocessing replaces, never adds.
    await deferEvent(body, error.retryAfterMs);
    return { stored: 0, unchanged: 0, deferred: body.keys.length, stale: 0, purged: [], missing: [], failed: [], retryAfterMs: error.retryAfterMs };
  } finally {
    await finishPacer(pacer);
  }
}

/** The app's Jira client for a consumer: its calls paced to its share, retried as consumers side by side need. */
const consumerJira = async (pacer: JiraPacer): Promise<JiraClient> => new JiraClient(pacer.paced(api.asApp().requestJira), runtime.sleep, await consumerRetry());

async function consumeOnce(body: SyncEventBody, pacer: JiraPacer): Promise<ConsumeReport> {
  const report: ConsumeReport = { stored: 0, unchanged: 0, deferred: 0, stale: 0, purged: [], missing: [], failed: [] };
  if (body.migrate) {
    await copyMigrationPage();
    return report;
  }
  const generations = await loadGenerations();
  if (body.recompute !== undefined) return consumeRecomputePage(body, generations, report, pacer);
  const targets = await loadTargets(generations);
  if (targets.length === 0 || body.keys.length === 0) return report;
  const config = targets[targets.length - 1].config;
  const now = runtime.now();
  const failing = new Map((await allFailures()).map((f) => [f.key, f]));
  const book = ledger(failing, report, now);
  const jira = await consumerJira(pacer);
  const [readable, stores] = await Promise.all([readableResults(), writableResults()]);
  const purgeEverywhere = async (key: string) => {
    let any = false;
    for (const store of stores) for (const target of targets) any = (await store.purge(key, target.gen)) || any;
    await withdrawSlaState(jira, key);
    return any;
  };

  if (body.purge) {
    for (const key of body.keys) {
      try {
        if (await step('purge', () => purgeEverywhere(key))) report.purged.push(key);
        await book.succeeded(key);
      } catch (error) {
        await book.fail(key, error);
      }
    }
    await addConsumed({ processed: body.keys.length - report.failed.length, failed: report.failed.length }, now);
    return report;
  }

  let read: BatchFields;
  let issues: JiraIssue[];
  let deleted: string[];
  try {
    read = await batchFields(jira, targets);
    ({ issues, deleted } = await jira.issuesByKeys(body.keys, read.fields, (remaining) => batchJql(config, remaining), body.reconcileIds));
  } catch (error) {
    if (error instanceof JiraRetryLater) throw error;
    for (const key of body.keys) await book.fail(key, new StepError('search', error));
    await addConsumed({ processed: 0, failed: report.failed.length }, now);
    return report;
  }

  // Deleted in Jira (the search named them as not existing): purge. Not returned although they exist: they left the
  // scope, or moved to a key outside it; a stored result is purged, a never-stored key needs nothing.
  const returnedIds = new Set(issues.map((issue) => issue.id));
  const returnedKeys = new Set(issues.map((issue) => issue.key));
  for (const key of body.keys) {
    if (returnedKeys.has(key)) continue;
    try {
      const stored = deleted.includes(key) ? true : await step('search', () => readable.ticket(key, targets[0].gen));
      if (!stored && targets.length === 1) {
        report.missing.push(key);
        await book.succeeded(key);
        continue;
      }
      // Moved within scope: the issue came back under its new key, and storing it purges the old one.
      if (typeof stored === 'object' && stored.id && returnedIds.has(stored.id)) continue;
      if (await step('purge', () => purgeEverywhere(key))) report.purged.push(key);
      else report.missing.push(key);
      await book.succeeded(key);
    } catch (error) {
      await book.fail(key, error);
    }
  }

  const todo: Array<{ issue: JiraIssue; updated: number }> = [];
  for (const issue of issues) {
    try {
      const updated = Date.parse(issue.fields.updated as string);
      book.updatedOf.set(issue.key, updated);
      const failed = failing.get(issue.key);
      if (!body.refresh && failed && failed.updated === updated && failed.nextAttemptAt > now) {
        report.deferred++;
        continue;
      }
      let unchanged = !body.refresh && !failed;
      for (const target of targets) {
        if (!unchanged) break;
        const stored = await step('search', () => readable.ticket(issue.key, target.gen));
        unchanged = !!stored && !stored.pending && stored.updated === updated;
      }
      if (unchanged) report.unchanged++;
      else todo.push({ issue, updated });
    } catch (error) {
      await book.fail(issue.key, error);
    }
  }
  await computeAndStore(jira, todo, targets, report, book, read.organizationsField);
  await addConsumed({ processed: report.stored + report.unchanged + report.stale + report.purged.length, failed: report.failed.length }, now);
  return report;
}

/**
 * One page of a history recompute: the scope's issues in key order from the stored page token, computed with the
 * saved configuration into the generation being built. Progress (and the next token) is saved after the page, so a
 * crash resumes at the same page; a stale or duplicate event (another token, an abandoned generation) does nothing.
 */
async function consumeRecomputePage(body: SyncEventBody, state: GenerationState, report: ConsumeReport, pacer: JiraPacer): Promise<ConsumeReport> {
  const building = state.building;
  if (!building || building.gen !== body.recompute || building.token !== (body.token ?? null)) return report;
  const targets = (await loadTargets(state)).filter((t) => t.gen === building.gen);
  if (targets.length === 0) return report;
  const config = targets[0].config;
  const now = runtime.now();
  const failing = new Map((await allFailures()).map((f) => [f.key, f]));
  const book = ledger(failing, report, now);
  const jira = await consumerJira(pacer);
  // A failed page read throws: the platform redelivers the event, and a lost chain is resumed by the hourly run.
  const read = await batchFields(jira, targets);
  const page = await jira.searchPage(`(${config.sync.scopeJql}) ORDER BY key ASC`, read.fields, building.token ?? undefined);
  const todo = page.issues.map((issue) => ({ issue, updated: Date.parse(issue.fields.updated as string) }));
  for (const { issue, updated } of todo) book.updatedOf.set(issue.key, updated);
  await computeAndStore(jira, todo, targets, report, book, read.organizationsField);
  const next = page.isLast || !page.nextPageToken ? null : page.nextPageToken;
  await recordRecomputePage(state, page.issues.length, next, now);
  if (next !== null) await queueRecomputePage(building.gen, next);
  await addConsumed({ processed: report.stored + report.stale, failed: report.failed.length }, now);
  return report;
}

/** The queue consumer's handler, as named in manifest.yml; an unlicensed site's events are dropped (license.ts). */
export const syncConsumer = whenLicensed(async (event: AsyncEvent<SyncEventBody>): Promise<void> => {
  await consumeSyncEvent(event.body);
});
