import { parse } from 'csv-parse/sync';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser, type DoubleIssue, invokeResolver, VIEW_MODULE } from './helpers/forge-doubles';
import { forgeSql, forgeSqlMock, freshInstallation, syncEverything } from './helpers/forge-sql';
import { jiraIssueOf, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';
import type { TicketEvent } from '../core/sla/ticket';
import { HOUR } from './helpers/forge-config';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());
vi.mock('@forge/sql', () => forgeSqlMock());

const app = await import('../src/index');
const { resolverHandler } = app;
const { runtime } = await import('../forge-app/src/runtime');

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

/** 30 SUP tickets and 3 HR ones synced into the store an installation reads: KVS before the upgrade, Forge SQL after. */
async function seed(backend: 'kvs' | 'sql') {
  await freshInstallation(backend, app, runtime, ['SUP'], T0);
  expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
  // 30 SUP tickets: 1-10 met (2 h), 11-20 breached (12 h), 21-30 open past their due time (breached while open);
  // HR tickets, a project the viewer may not browse.
  for (let n = 1; n <= 30; n++) forge.jira.add(issue('SUP', n, n <= 10 ? 2 : n <= 20 ? 12 : null));
  // SUP-7 is under an issue security level the viewer lacks, though they browse SUP.
  forge.jira.issues.get('SUP-7')!.fields.security = { id: '10100', name: 'HR only' };
  forge.jira.secure('SUP-7', forgeUser.accountId);
  // SUP-3 is under a level the viewer holds: it stays listed.
  forge.jira.issues.get('SUP-3')!.fields.security = { id: '10200', name: 'Staff' };
  for (let n = 1; n <= 3; n++) forge.jira.add(issue('HR', n, 2));
  runtime.now = () => T0 + 20 * HOUR;
  await syncEverything(app);
}

afterAll(() => forgeSql.drop());

// The same report on both stores: an installation still on KVS, and one on Forge SQL (MariaDB here).
describe.each(['kvs', 'sql'] as const)('the ticket-level report, results in %s', (backend) => {
  beforeEach(() => seed(backend));
  const query = { policyId: 'resolve', projects: ['SUP', 'HR'], fromMonth: '2025-03', toMonth: '2025-03' };

  it('P5: pages the cycles the viewer may see, newest first, and hides an issue under a security level they lack', async () => {
    const first = await call('getCycleList', query);
    expect(first).toMatchObject({ total: 29, page: 0, pages: 2 });
    expect(first.rows).toHaveLength(25);
    const second = await call('getCycleList', { ...query, page: 1 });
    const keys = [...first.rows, ...second.rows].map((r: { key: string }) => r.key);
    expect(new Set(keys).size).toBe(29);
    expect(keys).not.toContain('SUP-7');
    expect(keys).toContain('SUP-3');
    expect(keys.some((k: string) => k.startsWith('HR-'))).toBe(false);
    expect(first.rows.find((r: { key: string }) => r.key === 'SUP-12')).toMatchObject({ policyId: 'resolve', state: 'breached', start: T0 + 12 * 60_000, stop: T0 + 12 * 60_000 + 12 * HOUR, elapsedMinutes: 720, remainingMinutes: -240 });
  });

  it('P5: lists newest first, and cycles reported at the same instant in key order (SUP-99 before SUP-100)', async () => {
    const listed = async (q: object) => [...(await call('getCycleList', q)).rows, ...(await call('getCycleList', { ...q, page: 1 })).rows].map((r: { key: string }) => r.key);
    const sup = (...ns: number[]) => ns.map((n) => `SUP-${n}`);
    const down = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => from - i);
    // Breached at their stop (11-20), open ones breached at their due time (21-30), then the met ones.
    expect(await listed(query)).toEqual(sup(...down(20, 11), ...down(30, 21), ...down(10, 8), ...down(6, 1)));
    const created = T0 + 100 * 60_000;
    for (const key of ['SUP-100', 'SUP-99']) {
      forge.jira.add(jiraIssueOf({ key, created, status: 'Open', fields: { project: 'SUP', priority: 'High' }, events: [{ at: created + 2 * HOUR, field: 'status', to: 'Resolved' }] }, String(10000 + Number(key.slice(4)))));
    }
    runtime.now = () => T0 + 21 * HOUR;
    await syncEverything(app);
    expect((await listed({ ...query, state: 'met' })).slice(0, 3)).toEqual(['SUP-99', 'SUP-100', 'SUP-10']);
  });

  it('P5: filters by state, by organization and by period', async () => {
    const breached = await call('getCycleList', { ...query, state: 'breached' });
    expect(breached.total).toBe(20);
    expect(breached.rows.filter((r: { stop: number | null }) => r.stop !== null).map((r: { key: string }) => r.key).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `SUP-${11 + i}`).sort());
    const finance = await call('getCycleList', { ...query, state: 'met', group: { field: 'organization', value: 'Finance' } });
    expect(finance.rows.map((r: { key: string }) => r.key).sort()).toEqual(['SUP-10', 'SUP-2', 'SUP-4', 'SUP-6', 'SUP-8']);
    expect(await call('getCycleList', { ...query, fromMonth: '2025-04', toMonth: '2025-05' })).toMatchObject({ rows: [], total: 0 });
  });

  // Defined for the SQL store only (not skipped for KVS, which runs no queries).
  if (backend === 'sql') it('P5: on Forge SQL a page is three small queries (levels present, count, the page), whatever the period', async () => {
    const client = forgeSql.client!;
    const before = client.statements.length;
    expect(await call('getCycleList', { ...query, fromMonth: '2022-01', toMonth: '2025-03', page: 1 })).toMatchObject({ total: 29, page: 1 });
    const cycleQueries = client.statements.slice(before).filter((s) => /^SELECT (c\.project,|COUNT\(\*\) AS|c\.issue_key,)/.test(s));
    expect(cycleQueries).toEqual(['SELECT c.project, c.security_level', 'SELECT COUNT(*) AS', 'SELECT c.issue_key, c.seq']);
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
