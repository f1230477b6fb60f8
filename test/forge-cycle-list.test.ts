import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser, type DoubleIssue, invokeResolver, VIEW_MODULE } from './helpers/forge-doubles';
import { jiraIssueOf, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';
import type { TicketEvent } from '../core/sla/ticket';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());

const { resolverHandler, syncTrigger, syncConsumer } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');

const HOUR = 3_600_000;
const T0 = Date.parse('2025-03-03T09:00:00Z');
const ORGANIZATIONS = 'customfield_10002';

const CONFIG = {
  schemaVersion: 2,
  calendars: { always: 'Mo-Su 00:00-24:00 | tz=UTC' },
  policies: [{ id: 'resolve', name: 'Resolve', stop: { statuses: ['Resolved'] }, goals: [{ target: '8h', calendar: 'always', label: '=HYPERLINK("http://x","8h")' }] }],
  fields: { requestType: REQUEST_TYPE_FIELD, team: null, extra: {} },
  sync: { scopeJql: 'project in (SUP, HR)', readJsmSla: false, readFeedback: false, reportTimeZone: 'UTC' },
};

const call = (functionKey: string, payload: unknown = {}) => invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey] });

/** Ticket n: resolved after `hours` (null: open), in the Finance organization when n is even. */
function issue(project: string, n: number, hours: number | null): DoubleIssue {
  const events: TicketEvent[] = hours === null ? [] : [{ at: T0 + n * 60_000 + hours * HOUR, field: 'status', to: 'Resolved' }];
  const built = jiraIssueOf({ key: `${project}-${n}`, created: T0 + n * 60_000, status: 'Open', fields: { project, priority: 'High' }, events }, String((project === 'HR' ? 20000 : 10000) + n));
  return { ...built, fields: { ...built.fields, [ORGANIZATIONS]: n % 2 === 0 ? [{ id: '1', name: 'Finance' }] : [{ id: '2', name: 'HR team' }] } };
}

beforeEach(async () => {
  forge.reset();
  runtime.sleep = async () => {};
  forge.jira.admins.add(forgeUser.accountId);
  forge.jira.browsable = new Set(['SUP']);
  forge.jira.hasOrganizationsField = true;
  runtime.now = () => T0;
  expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
  // 30 SUP tickets: 1-10 met (2 h), 11-20 breached (12 h), 21-30 open past their due time (breached while open);
  // HR tickets, a project the viewer may not browse.
  for (let n = 1; n <= 30; n++) forge.jira.add(issue('SUP', n, n <= 10 ? 2 : n <= 20 ? 12 : null));
  // SUP-7 is under an issue security level the viewer lacks, though they browse SUP.
  forge.jira.issues.get('SUP-7')!.fields.security = { id: '10100', name: 'HR only' };
  forge.jira.secure('SUP-7', forgeUser.accountId);
  for (let n = 1; n <= 3; n++) forge.jira.add(issue('HR', n, 2));
  runtime.now = () => T0 + 20 * HOUR;
  await syncTrigger();
  for (const event of forge.queue.drain()) await syncConsumer(event as never);
});

describe('the ticket-level report', () => {
  const query = { policyId: 'resolve', projects: ['SUP', 'HR'], fromMonth: '2025-03', toMonth: '2025-03' };

  it('P5: pages the cycles the viewer may see, newest first, and hides an issue under a security level', async () => {
    const first = await call('getCycleList', query);
    expect(first).toMatchObject({ total: 29, page: 0, pages: 2 });
    expect(first.rows).toHaveLength(25);
    const second = await call('getCycleList', { ...query, page: 1 });
    const keys = [...first.rows, ...second.rows].map((r: { key: string }) => r.key);
    expect(new Set(keys).size).toBe(29);
    expect(keys).not.toContain('SUP-7');
    expect(keys.some((k: string) => k.startsWith('HR-'))).toBe(false);
    expect(first.rows.find((r: { key: string }) => r.key === 'SUP-12')).toMatchObject({ policyId: 'resolve', state: 'breached', start: T0 + 12 * 60_000, stop: T0 + 12 * 60_000 + 12 * HOUR, elapsedMinutes: 720, remainingMinutes: -240 });
  });

  it('P5: filters by state, by organization and by period', async () => {
    const breached = await call('getCycleList', { ...query, state: 'breached' });
    expect(breached.total).toBe(20);
    expect(breached.rows.filter((r: { stop: number | null }) => r.stop !== null).map((r: { key: string }) => r.key).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `SUP-${11 + i}`).sort());
    const finance = await call('getCycleList', { ...query, state: 'met', group: { field: 'organization', value: 'Finance' } });
    expect(finance.rows.map((r: { key: string }) => r.key).sort()).toEqual(['SUP-10', 'SUP-2', 'SUP-4', 'SUP-6', 'SUP-8']);
    expect(await call('getCycleList', { ...query, fromMonth: '2025-04', toMonth: '2025-05' })).toMatchObject({ rows: [], total: 0 });
  });

  it('P5: its CSV export neutralises formulas and keeps numbers as numbers', async () => {
    const answer = await call('getCycleList', { ...query, state: 'breached', format: 'csv' });
    expect(answer).toMatchObject({ total: 20, truncated: false });
    const rows: string[][] = parse(answer.csv);
    expect(rows[0]).toEqual(['ticket', 'policy', 'goal', 'start_utc', 'stop_utc', 'due_utc', 'state', 'elapsed_minutes', 'remaining_minutes']);
    expect(rows).toHaveLength(21);
    expect(rows[1][2]).toBe('\'=HYPERLINK("http://x","8h")');
    expect(answer.csv).toContain(',-240\r\n');
  });
});
