import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser, invokeResolver, VIEW_MODULE } from './helpers/forge-doubles';
import { jiraIssueOf, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());

const { resolverHandler, syncTrigger, syncConsumer } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');

const HOUR = 3_600_000;
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/jira/${name}.json`, import.meta.url), 'utf8'));
const T0 = Date.parse('2025-03-03T00:00:00Z');

const call = (functionKey: string, payload: unknown = {}, context: Record<string, unknown> = {}) =>
  invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey], ...context });

const KPI = { pillar: 'speed', direction: 'higher', unit: '%', frequency: 'monthly', owner: 'Lan', indicator: 'lagging' } as const;
/** The back office's scorecard as a tree: SLA compliance guarded by first-time-right, each fed by the synced tickets (shares 0..1). */
const SCORECARD = {
  tree: {
    missing: 'ignore',
    root: {
      id: 'backoffice',
      name: 'Back office',
      kind: 'scorecard',
      level: 'department',
      owner: 'Lan',
      children: [
        { id: 'customer', name: 'Customer', kind: 'perspective', kpis: [{ ...KPI, id: 'sla', name: 'SLA met', perspective: 'customer', target: 0.95, guardedBy: 'ftr' }] },
        { id: 'process', name: 'Internal process', kind: 'perspective', kpis: [{ ...KPI, id: 'ftr', name: 'First time right', perspective: 'internal-process', pillar: 'accuracy', target: 0.9 }] },
      ],
    },
  },
  sources: { sla: 'sla:resolve', ftr: 'ftr' },
};

const CONFIG = {
  schemaVersion: 3,
  calendars: { always: 'Mo-Su 00:00-24:00 | tz=UTC' },
  policies: [{ id: 'resolve', name: 'Resolve in 8h', stop: { statuses: ['Resolved'] }, goals: [{ target: '8h', calendar: 'always' }] }],
  scorecards: [SCORECARD],
  fields: { requestType: REQUEST_TYPE_FIELD, team: null, extra: {} },
  sync: { scopeJql: 'project in (SUP, HR)', readJsmSla: false, readFeedback: false, reportTimeZone: 'UTC' },
};

async function syncAt(now: number) {
  runtime.now = () => now;
  await syncTrigger();
  for (const event of forge.queue.drain()) await syncConsumer(event as never);
}

/** A ticket resolved after `hours`, possibly reopened once (resolution set, cleared, set again). */
function resolved(key: string, created: number, hours: number, reopened = false) {
  const events = [
    { at: created + hours * HOUR, field: 'status', to: 'Resolved' },
    { at: created + hours * HOUR, field: 'resolution', to: 'Done' },
    ...(reopened
      ? [
          { at: created + (hours + 1) * HOUR, field: 'status', to: 'In Progress' },
          { at: created + (hours + 1) * HOUR, field: 'resolution', to: null },
          { at: created + (hours + 2) * HOUR, field: 'status', to: 'Resolved' },
          { at: created + (hours + 2) * HOUR, field: 'resolution', to: 'Done' },
        ]
      : []),
  ];
  return jiraIssueOf({ key, created, status: 'Open', fields: { project: key.split('-')[0], priority: 'High' }, events }, key.replace(/\D/g, '') + key.length);
}

beforeEach(() => {
  forge.reset();
  runtime.sleep = async () => {};
  forge.jira.browsable = new Set(['SUP']);
});

describe('admin resolvers', () => {
  it('refuse a user who is not a Jira administrator', async () => {
    expect(await call('getConfig')).toEqual({ error: 'FORBIDDEN', message: 'only Jira administrators can change the SLA configuration' });
    expect(await call('saveConfig', { config: CONFIG })).toEqual({ error: 'FORBIDDEN', message: 'only Jira administrators can change the SLA configuration' });
    expect(forge.kvs.data.has('config')).toBe(false);
  });

  it("validate with the core's schemas and return every error with its field path, storing nothing", async () => {
    forge.jira.admins.add(forgeUser.accountId);
    const bad = {
      ...CONFIG,
      calendars: { always: 'Mo-Su 00:00-24:00 | tz=UTC', broken: 'Mo-Fr 8-17' },
      policies: [{ ...CONFIG.policies[0], goals: [{ target: '8h', calendar: 'office' }] }, { ...CONFIG.policies[0] }],
      sync: { ...CONFIG.sync, scopeJql: 'project = SUP ORDER BY created' },
    };
    expect(await call('saveConfig', { config: bad })).toEqual({
      ok: false,
      errors: [{ path: 'sync.scopeJql', message: 'leave out ORDER BY: the sync orders by updated itself' }],
    });
    const answer = await call('saveConfig', { config: { ...bad, sync: CONFIG.sync } });
    expect(answer).toEqual({
      ok: false,
      errors: [
        { path: 'calendars.broken', message: 'calendar: "Mo-Fr 8-17": expected times as HH:MM-HH:MM, got "8-17"' },
        { path: 'policies.0.goals.0.calendar', message: 'policy resolve: goals.0.calendar: no calendar named "office" (known: always)' },
        { path: 'policies.1.id', message: 'policy id "resolve" is used twice' },
      ],
    });
    expect(forge.kvs.data.has('config')).toBe(false);
    expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
    expect((await call('getConfig')).input).toEqual(CONFIG);
  });

  it("migrates an older app version's configuration, keeping a backup and every value", async () => {
    forge.jira.admins.add(forgeUser.accountId);
    const v1 = { version: 1, calendars: [{ name: 'always', text: 'Mo-Su 00:00-24:00 | tz=UTC' }], policies: CONFIG.policies, requestTypeField: 'customfield_10099', jql: 'project = SUP', notes: 'kept' };
    await forge.kvs.set('config', v1);
    const loaded = await call('getConfig');
    expect(loaded.errors).toEqual([]);
    expect(loaded.input).toEqual({
      schemaVersion: 3,
      calendars: { always: 'Mo-Su 00:00-24:00 | tz=UTC' },
      policies: CONFIG.policies,
      fields: { requestType: 'customfield_10099', team: null, extra: {} },
      sync: { scopeJql: 'project = SUP' },
      notes: 'kept',
    });
    expect(forge.kvs.data.get('config-backup:v1')).toEqual(v1);
  });

  it('refuses to read a configuration written by a newer app version instead of overwriting it', async () => {
    forge.jira.admins.add(forgeUser.accountId);
    await forge.kvs.set('config', { schemaVersion: 4 });
    await expect(call('getConfig')).rejects.toThrow('stored configuration has schemaVersion 4, newer than this app understands (3); upgrade the app instead of saving over it');
  });
});

describe('gadget and panel resolvers', () => {
  beforeEach(async () => {
    forge.jira.admins.add(forgeUser.accountId);
    await call('saveConfig', { config: CONFIG });
  });

  it('serve only projects the viewing user may browse', async () => {
    forge.jira.add(resolved('SUP-1', T0, 2));
    forge.jira.add(resolved('HR-1', T0, 2));
    await syncAt(T0 + 10 * HOUR);
    const answer = await call('getCompliance', { policyId: 'resolve', projects: ['SUP', 'HR'], period: 'week', periods: 4 });
    expect(answer.projects).toEqual(['SUP']);
    expect(answer.total.met).toBe(1);
    expect(forge.jira.calls).toContain('user POST /rest/api/3/permissions/project');
  });

  it('the issue panel shows the clocks, and nothing to a user who may not browse the issue', async () => {
    forge.jira.add(jiraIssueOf({ key: 'SUP-2', created: T0, status: 'Open', fields: { project: 'SUP' }, events: [] }, '2'));
    await syncAt(T0 + 3 * HOUR);
    runtime.now = () => T0 + 9 * HOUR;
    const panel = await call('getIssueClocks', {}, { extension: { issue: { key: 'SUP-2' } } });
    expect(panel).toEqual({
      computedAt: T0 + 3 * HOUR,
      clocks: [{ policyId: 'resolve', policyName: 'Resolve in 8h', goalLabel: '8h', state: 'breached', remainingMinutes: -60, due: T0 + 8 * HOUR, paused: false, cycles: 1, pausedMinutes: 0 }],
    });
    expect(await call('getIssueClocks', {}, { extension: { issue: { key: 'SUP-404' } } })).toEqual({ error: 'NOT_SYNCED' });
    forge.jira.issueBrowsable = false;
    expect(await call('getIssueClocks', {}, { extension: { issue: { key: 'SUP-2' } } })).toEqual({ error: 'FORBIDDEN' });
  });

  it('the scorecard takes SLA compliance and first-time-right from stored data, with RAG and a gaming alert', async () => {
    // February: 1 of 2 met, both right first time. March: 2 of 2 met, one reopened.
    const feb = Date.parse('2025-02-10T00:00:00Z');
    forge.jira.add(resolved('SUP-10', feb, 2));
    forge.jira.add(resolved('SUP-11', feb, 12));
    forge.jira.add(resolved('SUP-12', T0, 2));
    forge.jira.add(resolved('SUP-13', T0, 3, true));
    await syncAt(T0 + 20 * HOUR);
    const card = await call('getScorecard', { scorecardId: 'backoffice', projects: ['SUP'], month: '2025-03' });
    const [customer, process] = card.tree.children;
    expect([...customer.kpis, ...process.kpis].map((k: any) => [k.id, k.method, k.actual, k.target, k.achievement, k.status])).toEqual([
      ['sla', 'ratio', 1, 0.95, 1 / 0.95, 'GREEN'],
      ['ftr', 'ratio', 0.5, 0.9, 0.5 / 0.9, 'RED'],
    ]);
    expect(card.overall).toBeCloseTo((1 / 0.95 + 0.5 / 0.9) / 2, 12);
    expect(card.tree.alerts).toEqual([{ code: 'SPEED_UP_QUALITY_DOWN', kpiId: 'sla', guardId: 'ftr', kpiPrevious: 0.5, kpiCurrent: 1, guardPrevious: 1, guardCurrent: 0.5 }]);
    // A gadget saved with its own `kpiId=source` lines (version 2 names, percent) still decides.
    const overridden = await call('getScorecard', { scorecardId: 'backoffice', projects: ['SUP'], month: '2025-03', sources: { sla: 'sla:resolve', ftr: 'csatPercent' } });
    expect(overridden.tree.children[0].kpis[0]).toMatchObject({ id: 'sla', actual: 100 });
    expect(overridden.tree.children[1].kpis[0]).toMatchObject({ id: 'ftr', actual: null, achievement: null, status: null });
    expect(await call('getScorecard', { scorecardId: 'backoffice', projects: ['SUP'], sources: { ftr: 'csat' } })).toEqual({ error: 'INVALID_SOURCE', message: 'KPI "ftr": gadget source "csat" is not sla:<policy id>, tatMedianHours, ftrPercent, reopenPercent or csatPercent' });
    expect(await call('getScorecard', { scorecardId: 'nope', projects: ['SUP'], sources: {} })).toEqual({ error: 'NO_SCORECARD', scorecardId: 'nope' });
  });

  it('scope by JQL: searches as the user, keys only, and counts only the stored cycles of the issues found', async () => {
    forge.jira.add(resolved('SUP-1', T0, 2));
    forge.jira.add(resolved('SUP-2', T0, 12));
    forge.jira.add(resolved('SUP-3', T0, 3));
    forge.jira.add(resolved('HR-1', T0, 2));
    await syncAt(T0 + 20 * HOUR);
    forge.jira.calls.length = 0;
    const answer = await call('getCompliance', { policyId: 'resolve', scope: 'jql', jql: 'key in (SUP-1, SUP-2, HR-1)', periods: 4 });
    expect(answer.projects).toEqual(['SUP']);
    expect(answer.total).toMatchObject({ met: 1, breached: 1 });
    expect(answer.truncated).toBe(false);
    expect(forge.jira.calls).toEqual(['user POST /rest/api/3/search/jql', 'user POST /rest/api/3/permissions/project']);
    // The project scope of the same data counts SUP-3 as well.
    expect((await call('getCompliance', { policyId: 'resolve', projects: ['SUP'], periods: 4 })).total).toMatchObject({ met: 2, breached: 1 });
  });

  it('scope by JQL stops at 5,000 issues and says so', async () => {
    for (let i = 1; i <= 5_001; i++) forge.jira.add({ id: String(20000 + i), key: `SUP-${i}`, fields: { project: { key: 'SUP' }, updated: '2025-03-03T00:00:00.000+0000' }, histories: [] });
    runtime.now = () => T0;
    const answer = await call('getCompliance', { policyId: 'resolve', scope: 'jql', jql: 'project in (SUP)' });
    expect(answer).toMatchObject({ truncated: true, issueLimit: 5_000, projects: ['SUP'] });
    expect(forge.jira.calls.filter((c) => c.endsWith('/search/jql'))).toHaveLength(50);
  });

  it("answers invalid JQL with Jira's own message", async () => {
    forge.jira.invalidJql.set('= =', fixture('search-jql-400'));
    expect(await call('getCompliance', { policyId: 'resolve', scope: 'jql', jql: 'project = = SUP' })).toEqual({ error: 'INVALID_JQL', message: fixture('search-jql-400').errorMessages[0] });
  });

  it('computes compliance from JSM SLA cycles by metric name and lists the metric names for the edit view', async () => {
    await call('saveConfig', { config: { ...CONFIG, sync: { ...CONFIG.sync, readJsmSla: true } } });
    const issue = resolved('SUP-1', T0, 2);
    issue.sla = fixture('jsm-sla').values;
    forge.jira.add(issue);
    await syncAt(T0 + 10 * HOUR);
    const resolution = await call('getCompliance', { policyId: 'jsm:Time to resolution', projects: ['SUP'], periods: 4 });
    expect(resolution.total).toMatchObject({ met: 1, breached: 0, ongoingBreached: 0 });
    const response = await call('getCompliance', { policyId: 'jsm:Time to first response', projects: ['SUP'], periods: 4 });
    expect(response.total).toMatchObject({ met: 0, ongoingBreached: 1 });
    expect(response.atRisk.map((r: { key: string; risk: string }) => [r.key, r.risk])).toEqual([['SUP-1', 'breached']]);
    expect((await call('getChoices')).jsmMetrics).toEqual(['Time to first response', 'Time to resolution']);
    // Syncing again adds nothing: the same entries are replaced, not counted twice.
    forge.jira.add({ ...issue, fields: { ...issue.fields, updated: '2025-03-03T12:00:00.000+0000' } });
    await syncAt(T0 + 13 * HOUR);
    expect((await call('getCompliance', { policyId: 'jsm:Time to resolution', projects: ['SUP'], periods: 4 })).total).toMatchObject({ met: 1 });
  });

  it('the trend follows the chosen period and the window covers the last N periods', async () => {
    const jan = Date.parse('2025-01-15T00:00:00Z');
    const feb = Date.parse('2025-02-12T00:00:00Z');
    forge.jira.add(resolved('SUP-21', jan, 12));
    forge.jira.add(resolved('SUP-22', feb, 2));
    forge.jira.add(resolved('SUP-23', feb, 12));
    forge.jira.add(resolved('SUP-24', T0, 2));
    await syncAt(T0 + 20 * HOUR);
    const months = await call('getCompliance', { policyId: 'resolve', projects: ['SUP'], period: 'month', periods: 2 });
    expect(months.period).toBe('month');
    expect(months.trend).toEqual([{ period: '2025-02', compliance: 0.5 }, { period: '2025-03', compliance: 1 }]);
    expect(months.total).toMatchObject({ met: 2, breached: 1 });
    const quarter = await call('getCompliance', { policyId: 'resolve', projects: ['SUP'], period: 'quarter', periods: 1 });
    expect(quarter.trend).toEqual([{ period: '2025-Q1', compliance: 0.5 }]);
    const weeks = await call('getCompliance', { policyId: 'resolve', projects: ['SUP'], period: 'week', periods: 1 });
    expect(weeks.trend).toEqual([{ period: '2025-W10', compliance: 1 }]);
    expect(weeks.total).toMatchObject({ met: 1, breached: 0 });
  });
});
