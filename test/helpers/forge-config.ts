import { REQUEST_TYPE_FIELD } from './forge-jira-builders';

export const HOUR = 3_600_000;
/** Monday 3 March 2025, 00:00 UTC: when the Forge tests' first tickets are created. */
export const T0 = Date.parse('2025-03-03T00:00:00Z');

/**
 * The configuration most Forge tests save: one policy, resolve in 8 hours on an always-open UTC calendar, synced over
 * the given projects, with JSM's SLA and feedback read only where a test asks.
 */
export function resolveIn8hConfig(projects: readonly string[], read: { jsmSla?: boolean; feedback?: boolean } = {}) {
  return {
    schemaVersion: 2,
    calendars: { always: 'Mo-Su 00:00-24:00 | tz=UTC' },
    policies: [{ id: 'resolve', name: 'Resolve in 8h', stop: { statuses: ['Resolved'] }, goals: [{ target: '8h', calendar: 'always' }] }],
    fields: { requestType: REQUEST_TYPE_FIELD, team: null, extra: {} },
    sync: { scopeJql: `project in (${projects.join(', ')})`, readJsmSla: read.jsmSla ?? false, readFeedback: read.feedback ?? false, reportTimeZone: 'UTC' },
  };
}
