import api from '@forge/api';
import type { AsyncEvent } from '@forge/events';
import { createSlaClock } from '../../../core';
import type { AppConfig } from '../config/schema';
import { compileCalendars } from '../config/schema';
import { loadConfig } from '../config/store';
import { JiraClient } from '../jira/client';
import type { JiraIssue, JsmFeedback, JsmSlaMetric } from '../jira/types';
import { runtime } from '../runtime';
import { purgeTicket, rememberJsmMetrics, rememberSegmentNames, type StoredTicket, storeTicketResult } from '../storage/aggregates';
import { keys } from '../storage/keys';
import { getValue } from '../storage/store';
import { clearFailure, type FailureRecord, allFailures, recordFailure, type SyncStep } from './failures';
import { issueFieldsToFetch, toTicketHistory } from './normalise';
import { addConsumed } from './state';
import { computeTicketResult } from './ticket-result';
import type { SyncEventBody } from './trigger';

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
export const batchJql = (config: AppConfig, issueKeys: readonly string[]): string => `(${config.sync.scopeJql}) AND key in (${issueKeys.join(', ')})`;

/**
 * Processes one queue event. Each ticket is isolated: a ticket that fails at any step is written to the failure
 * ledger (key, step, error, attempts) and the others go on; later runs retry it with back-off. Reads that fail for
 * the whole batch (the search, the changelogs) put every ticket of the batch in the ledger, so nothing is lost even
 * though the trigger's cursor has moved on. Only a failure to write the ledger itself throws (the platform then
 * redelivers the event); reprocessing replaces, never adds.
 */
export async function consumeSyncEvent(body: SyncEventBody): Promise<ConsumeReport> {
  const report: ConsumeReport = { stored: 0, unchanged: 0, deferred: 0, stale: 0, purged: [], missing: [], failed: [] };
  const { config } = await loadConfig();
  if (!config || body.keys.length === 0) return report;
  const now = runtime.now();
  const failing = new Map((await allFailures()).map((f) => [f.key, f]));
  const updatedOf = new Map<string, number>();
  const fail = async (key: string, error: unknown) => {
    const stepName = error instanceof StepError ? error.step : 'store';
    await recordFailure(key, stepName, error instanceof StepError ? error.cause : error, now, failing.get(key), updatedOf.get(key) ?? null);
    report.failed.push(key);
  };
  const succeeded = async (key: string) => {
    if (failing.has(key)) await clearFailure(key);
  };

  if (body.purge) {
    for (const key of body.keys) {
      try {
        if (await step('purge', () => purgeTicket(key))) report.purged.push(key);
        await succeeded(key);
      } catch (error) {
        await fail(key, error);
      }
    }
    await addConsumed({ processed: body.keys.length - report.failed.length, failed: report.failed.length }, now);
    return report;
  }

  const jira = new JiraClient(api.asApp().requestJira, runtime.sleep);
  const calendars = compileCalendars(config.calendars);
  const clocks = config.policies.map((policy) => createSlaClock(policy, calendars));

  let issues: JiraIssue[];
  let deleted: string[];
  try {
    ({ issues, deleted } = await jira.issuesByKeys(body.keys, issueFieldsToFetch(config.fields), (remaining) => batchJql(config, remaining), body.reconcileIds));
  } catch (error) {
    for (const key of body.keys) await fail(key, new StepError('search', error));
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
      const stored = deleted.includes(key) ? true : await step('search', () => getValue<StoredTicket>(keys.ticket(key)));
      if (!stored) {
        report.missing.push(key);
        await succeeded(key);
        continue;
      }
      // Moved within scope: the issue came back under its new key, and storing it purges the old one.
      if (typeof stored === 'object' && stored.id && returnedIds.has(stored.id)) continue;
      if (await step('purge', () => purgeTicket(key))) report.purged.push(key);
      await succeeded(key);
    } catch (error) {
      await fail(key, error);
    }
  }

  const todo: Array<{ issue: JiraIssue; updated: number }> = [];
  for (const issue of issues) {
    try {
      const updated = Date.parse(issue.fields.updated as string);
      updatedOf.set(issue.key, updated);
      const failed = failing.get(issue.key);
      if (!body.refresh && failed && failed.updated === updated && failed.nextAttemptAt > now) {
        report.deferred++;
        continue;
      }
      const stored = await step('search', () => getValue<StoredTicket>(keys.ticket(issue.key)));
      if (!body.refresh && stored && !stored.pending && stored.updated === updated && !failed) report.unchanged++;
      else todo.push({ issue, updated });
    } catch (error) {
      await fail(issue.key, error);
    }
  }
  if (todo.length > 0) {
    let changelogs: Awaited<ReturnType<JiraClient['changelogs']>>;
    try {
      changelogs = await jira.changelogs(todo.map(({ issue }) => issue.id), ['status', 'resolution']);
    } catch (error) {
      for (const { issue } of todo) await fail(issue.key, new StepError('changelog', error));
      await addConsumed({ processed: report.stored + report.unchanged, failed: report.failed.length }, now);
      return report;
    }
    const asOf = runtime.now();
    const jsmNames = new Set<string>();
    for (const { issue, updated } of todo) {
      try {
        const jsm: JsmSlaMetric[] = config.sync.readJsmSla ? await step('jsm-sla', () => jira.jsmSla(issue.key)) : [];
        const feedback: JsmFeedback | null = config.sync.readFeedback ? await step('feedback', () => jira.jsmFeedback(issue.key)) : null;
        const result = await step('compute', () => {
          const ticket = toTicketHistory(issue, changelogs.get(issue.id) ?? [], config.fields);
          const assignee = issue.fields.assignee as { displayName?: string } | null | undefined;
          return computeTicketResult(ticket, updated, clocks, asOf, jsm, feedback, { id: issue.id, assigneeName: assignee?.displayName ?? null });
        });
        const outcome = await step('store', () => storeTicketResult(result, config.sync.reportTimeZone));
        report[outcome]++;
        for (const metric of jsm) jsmNames.add(metric.name);
        await succeeded(issue.key);
      } catch (error) {
        await fail(issue.key, error);
      }
    }
    await rememberJsmMetrics(jsmNames);
    await rememberSegmentNames([...config.policies.map((p) => p.id), ...[...jsmNames].map((name) => `jsm:${name}`)]);
  }
  await addConsumed({ processed: report.stored + report.unchanged + report.stale + report.purged.length, failed: report.failed.length }, now);
  return report;
}

export type { FailureRecord };

/** The queue consumer's handler, as named in manifest.yml. */
export const syncConsumer = async (event: AsyncEvent<SyncEventBody>): Promise<void> => {
  await consumeSyncEvent(event.body);
};
