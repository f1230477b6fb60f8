import api from '@forge/api';
import type { AsyncEvent } from '@forge/events';
import { createSlaClock } from '../../../core';
import { compileCalendars } from '../config/schema';
import { loadConfig } from '../config/store';
import { JiraClient } from '../jira/client';
import type { JsmFeedback, JsmSlaMetric } from '../jira/types';
import { runtime } from '../runtime';
import { rememberJsmMetrics, type StoredTicket, storeTicketResult } from '../storage/aggregates';
import { keys } from '../storage/keys';
import { getValue } from '../storage/store';
import { issueFieldsToFetch, toTicketHistory } from './normalise';
import { computeTicketResult } from './ticket-result';
import type { SyncEventBody } from './trigger';

export interface ConsumeReport {
  stored: number;
  unchanged: number;
  stale: number;
  /** Keys Jira no longer returns (deleted or moved out of scope): their stored results stay until a rebuild. */
  missing: string[];
}

/**
 * Processes one queue event: reads the issues fresh (the trigger's snapshot may be stale), their full changelogs in
 * one bulkfetch, JSM's SLA and feedback when configured, computes cycles with the core and stores each ticket's
 * result idempotently. Throwing makes the platform retry the event; reprocessing replaces, never adds.
 */
export async function consumeSyncEvent(body: SyncEventBody): Promise<ConsumeReport> {
  const report: ConsumeReport = { stored: 0, unchanged: 0, stale: 0, missing: [] };
  const { config } = await loadConfig();
  if (!config || body.keys.length === 0) return report;
  const jira = new JiraClient(api.asApp().requestJira, runtime.sleep);
  const calendars = compileCalendars(config.calendars);
  const clocks = config.policies.map((policy) => createSlaClock(policy, calendars));

  const issues = await jira.searchAll(`key in (${body.keys.join(', ')})`, issueFieldsToFetch(config.fields));
  const found = new Set(issues.map((issue) => issue.key));
  report.missing = body.keys.filter((key) => !found.has(key));

  const todo = [];
  for (const issue of issues) {
    const updated = Date.parse(issue.fields.updated as string);
    const stored = await getValue<StoredTicket>(keys.ticket(issue.key));
    if (!body.refresh && stored && !stored.pending && stored.updated === updated) report.unchanged++;
    else todo.push({ issue, updated });
  }
  if (todo.length === 0) return report;

  const changelogs = await jira.changelogs(todo.map(({ issue }) => issue.id), ['status', 'resolution']);
  const asOf = runtime.now();
  const jsmNames = new Set<string>();
  for (const { issue, updated } of todo) {
    const ticket = toTicketHistory(issue, changelogs.get(issue.id) ?? [], config.fields);
    const jsm: JsmSlaMetric[] = config.sync.readJsmSla ? await jira.jsmSla(issue.key) : [];
    for (const metric of jsm) jsmNames.add(metric.name);
    const feedback: JsmFeedback | null = config.sync.readFeedback ? await jira.jsmFeedback(issue.key) : null;
    const result = computeTicketResult(ticket, updated, clocks, asOf, jsm, feedback);
    const outcome = await storeTicketResult(result, config.sync.reportTimeZone);
    report[outcome]++;
  }
  await rememberJsmMetrics(jsmNames);
  return report;
}

/** The queue consumer's handler, as named in manifest.yml. */
export const syncConsumer = async (event: AsyncEvent<SyncEventBody>): Promise<void> => {
  await consumeSyncEvent(event.body);
};
