import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser, type DoubleIssue, invokeResolver, VIEW_MODULE } from './helpers/forge-doubles';
import { jiraIssueOf, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';
import { HOUR, resolveIn8hConfig, T0 } from './helpers/forge-config';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());

const { JiraClient } = await import('../forge-app/src/jira/client');
const { toTicketHistory } = await import('../forge-app/src/sync/normalise');
const { jsmCycles } = await import('../forge-app/src/sync/ticket-result');
const { packPushes } = await import('../forge-app/src/sync/trigger');
const { resolverHandler, syncTrigger, syncConsumer } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/jira/${name}.json`, import.meta.url), 'utf8'));

const CONFIG = resolveIn8hConfig(['SUP'], { jsmSla: true, feedback: true });

const call = (functionKey: string, payload: unknown = {}) =>
  invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey] });

async function syncAt(now: number) {
  runtime.now = () => now;
  await syncTrigger();
  for (const event of forge.queue.drain()) await syncConsumer(event as never);
}

/** A SUP ticket created at `created`, optionally resolved `resolvedAfterH` hours later. */
function ticket(n: number, created: number, resolvedAfterH: number | null, project = 'SUP'): DoubleIssue {
  const events = resolvedAfterH === null ? [] : [{ at: created + resolvedAfterH * HOUR, field: 'status', to: 'Resolved' }];
  return jiraIssueOf({ key: `${project}-${n}`, created, status: 'Open', fields: { project, priority: 'High' }, events }, String(n));
}

/** Every aggregate entry of a ticket, over all buckets: each cycle must be there exactly once. */
const entriesOf = (key: string) =>
  [...forge.kvs.data].filter(([k]) => k.startsWith('agg:resolve:')).flatMap(([, v]) => Object.keys((v as { entries: object }).entries).filter((e) => e.startsWith(`${key}#`)));

const stored = (key: string) => forge.kvs.data.get(`ticket:${key}`) as { cycles: Array<{ state: string; policyId: string }>; updated: number; pending: boolean } | undefined;

beforeEach(async () => {
  forge.reset();
  runtime.sleep = async () => {};
  forge.jira.admins.add(forgeUser.accountId);
  forge.jira.browsable = new Set(['SUP']);
  expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
});

describe('Jira client on recorded payloads', () => {
  it('follows nextPageToken through search/jql and bulkfetch, and normalises the changelog into a TicketHistory', async () => {
    const bodies: string[] = [];
    const requestJira = async (path: { value: string }, init?: { body?: string }) => {
      bodies.push(`${path.value} ${init?.body ?? ''}`);
      const body = init?.body ? JSON.parse(init.body) : {};
      const name = path.value.startsWith('/rest/api/3/search/jql') ? (body.nextPageToken ? 'search-jql-page-2' : 'search-jql-page-1') : body.nextPageToken ? 'bulkfetch-page-2' : 'bulkfetch-page-1';
      return { ok: true, status: 200, statusText: 'OK', headers: { get: () => null }, json: async () => fixture(name), text: async () => '' };
    };
    const jira = new JiraClient(requestJira as never, async () => {});
    const issues = await jira.searchAll('project = SUP', ['status']);
    expect(issues.map((i) => i.key)).toEqual(['SUP-12', 'SUP-13']);
    expect(bodies[1]).toContain('"nextPageToken":"CAEaAggD"');
    const logs = await jira.changelogs(['10068', '10069'], ['status', 'resolution']);
    expect(bodies[3]).toContain('"nextPageToken":"UxAQBFRF"');
    const fields = { requestType: REQUEST_TYPE_FIELD, team: 'customfield_10001', extra: {} };
    expect(toTicketHistory(issues[0], logs.get('10068')!, fields)).toEqual({
      key: 'SUP-12',
      created: Date.parse('2025-03-03T02:00:00Z'),
      status: 'Open',
      fields: { project: 'SUP', priority: 'High', requestType: 'Get IT help', assignee: '5b10ac8d82e05b22cc7d4ef5', team: 'Service desk team' },
      events: [
        { at: Date.parse('2025-03-03T02:00:00Z'), field: 'status', to: 'In Progress' },
        { at: Date.parse('2025-03-03T08:30:00Z'), field: 'status', to: 'Resolved' },
        { at: Date.parse('2025-03-03T08:30:00Z'), field: 'resolution', to: 'Done' },
      ],
    });
    expect(toTicketHistory(issues[1], logs.get('10069')!, fields)).toMatchObject({ status: 'Open', fields: { assignee: null, team: null, requestType: 'Request new hardware' }, events: [{ field: 'status', to: 'Waiting for customer' }] });
  });

  it("turns JSM's own SLA cycles into stored cycles", () => {
    expect(jsmCycles(fixture('jsm-sla').values)).toEqual([
      { policyId: 'jsm:Time to resolution', goalLabel: 'Time to resolution', start: 1740967200000, stop: 1740990600000, goalMinutes: 480, elapsedMinutes: 330, pausedMinutes: 0, remainingMinutes: 150, due: 1741053600000, state: 'met' },
      { policyId: 'jsm:Time to first response', goalLabel: 'Time to first response', start: 1740967200000, stop: null, goalMinutes: 120, elapsedMinutes: 150, pausedMinutes: 0, remainingMinutes: -30, due: 1740974400000, state: 'breached' },
    ]);
  });

  it('waits Retry-After on 429, backs off exponentially without it, and gives up with a clear error', async () => {
    const slept: number[] = [];
    const jira = new JiraClient(forge.jira.request(null) as never, async (ms) => void slept.push(ms));
    forge.jira.throttle('/rest/api/3/search/jql', 2, '3');
    await jira.searchPage('project = SUP', ['updated']);
    expect(slept).toEqual([3000, 3000]);
    forge.jira.throttle('/rest/api/3/search/jql', 3, null);
    await jira.searchPage('project = SUP', ['updated']);
    expect(slept.slice(2)).toEqual([1000, 2000, 4000]);
    expect(jira.stats).toMatchObject({ requests: 7, rateLimited: 5, sleptMs: 13000 });
    forge.jira.throttle('/rest/api/3/search/jql', 6, '1');
    await expect(jira.searchPage('project = SUP', ['updated'])).rejects.toThrow('Jira answered 429 Too Many Requests 6 times to POST /rest/api/3/search/jql; giving up');
  });
});

describe('scheduled sync and queue consumer', () => {
  it('stores per-ticket results, JSM SLA cycles and feedback, through 429s on every endpoint', async () => {
    const issue = ticket(1, T0, 5);
    issue.sla = fixture('jsm-sla').values;
    issue.feedback = fixture('feedback');
    forge.jira.add(issue);
    forge.jira.add(ticket(2, T0 + HOUR, null));
    forge.jira.throttle('/rest/api/3/search/jql', 1, '2');
    forge.jira.throttle('/rest/api/3/changelog/bulkfetch', 1, '2');
    forge.jira.throttle('/rest/servicedeskapi/', 1, '2');
    await syncAt(T0 + 10 * HOUR);
    expect(stored('SUP-1')!.cycles.map((c) => [c.policyId, c.state])).toEqual([['resolve', 'met'], ['jsm:Time to resolution', 'met'], ['jsm:Time to first response', 'breached']]);
    expect(forge.kvs.data.get('ticket:SUP-1')).toMatchObject({ rating: 4, resolvedAt: null, reopened: 0 });
    expect(stored('SUP-2')!.cycles.map((c) => c.state)).toEqual(['breached']);
    const answer = await call('getCompliance', { policyId: 'resolve', projects: ['SUP'], period: 'week', periods: 4 });
    expect(answer.total).toEqual({ met: 1, breached: 0, ongoingBreached: 1, ongoing: 0, compliance: 0.5 });
  });

  it('picks up an issue that search/jql showed late, and replaces (never adds) the result of an issue updated twice', async () => {
    forge.jira.add(ticket(1, T0, null));
    forge.jira.add(ticket(2, T0, 3));
    forge.jira.hideFromSearch('SUP-2', 1);
    await syncAt(T0 + 4 * HOUR);
    expect(stored('SUP-2')).toBeUndefined();
    expect(stored('SUP-1')!.cycles.map((c) => c.state)).toEqual(['ongoing']);

    await syncAt(T0 + 5 * HOUR);
    expect(stored('SUP-2')!.cycles.map((c) => c.state)).toEqual(['met']);

    // SUP-1 is resolved, then reopened and resolved again: two cycles, each counted once.
    const again = jiraIssueOf({ key: 'SUP-1', created: T0, status: 'Open', fields: { project: 'SUP', priority: 'High' }, events: [
      { at: T0 + 5 * HOUR, field: 'status', to: 'Resolved' },
      { at: T0 + 6 * HOUR, field: 'status', to: 'In Progress' },
      { at: T0 + 6.5 * HOUR, field: 'status', to: 'Resolved' },
    ] }, '1');
    forge.jira.add(again);
    await syncAt(T0 + 7 * HOUR);
    await syncAt(T0 + 8 * HOUR);
    expect(stored('SUP-1')!.cycles.map((c) => c.state)).toEqual(['met', 'met']);
    expect(entriesOf('SUP-1')).toEqual(['SUP-1#0', 'SUP-1#1']);
    const answer = await call('getCompliance', { policyId: 'resolve', projects: ['SUP'], period: 'week', periods: 4 });
    expect(answer.total).toEqual({ met: 3, breached: 0, ongoingBreached: 0, ongoing: 0, compliance: 1 });
  });

  it('refreshes an open clock whose due time passed without any update, so the breach is counted', async () => {
    forge.jira.add(ticket(1, T0, null));
    await syncAt(T0 + HOUR);
    expect((await call('getCompliance', { policyId: 'resolve', projects: ['SUP'], period: 'week', periods: 4 })).total.ongoing).toBe(1);
    await syncAt(T0 + 9 * HOUR);
    const answer = await call('getCompliance', { policyId: 'resolve', projects: ['SUP'], period: 'week', periods: 4 });
    expect(answer.total).toEqual({ met: 0, breached: 0, ongoingBreached: 1, ongoing: 0, compliance: 0 });
    expect(answer.atRisk).toEqual([{ key: 'SUP-1', id: '1', state: 'breached', due: T0 + 8 * HOUR, remainingMinutes: -60, assignee: null, assigneeName: null, project: 'SUP', risk: 'breached' }]);
  });

  it('a consumer crash mid-batch is retried with nothing counted twice', async () => {
    for (let n = 1; n <= 30; n++) forge.jira.add(ticket(n, T0 + n * 60_000, n % 3 === 0 ? 9 : 2));
    runtime.now = () => T0 + 12 * HOUR;
    await syncTrigger();
    const [event] = forge.queue.drain();
    forge.kvs.crashOnSet = 40;
    await expect(syncConsumer(event as never)).rejects.toThrow('simulated crash: function timed out');
    forge.kvs.revive();
    await syncConsumer(event as never); // the platform redelivers the event
    for (let n = 1; n <= 30; n++) expect(entriesOf(`SUP-${n}`), `SUP-${n}`).toEqual([`SUP-${n}#0`]);
    const answer = await call('getCompliance', { policyId: 'resolve', projects: ['SUP'], period: 'week', periods: 4 });
    expect(answer.total).toEqual({ met: 20, breached: 10, ongoingBreached: 0, ongoing: 0, compliance: 20 / 30 });
  });

  it('5,200 issues: fans out within the queue limits, survives a crash between pushes, and resumes from the stored cursor', async () => {
    const projects = ['SUP', 'HR', 'FIN', 'PUR'];
    forge.jira.browsable = new Set(projects);
    await call('saveConfig', { config: { ...CONFIG, sync: { ...CONFIG.sync, scopeJql: `project in (${projects.join(', ')})`, readJsmSla: false, readFeedback: false } } });
    const N = 5_200;
    for (let n = 1; n <= N; n++) forge.jira.add(ticket(n, T0 + n * 10 * 60_000, n % 4 === 0 ? 12 : 4, projects[n % 4]));
    forge.queue.failOnPush = 2;
    runtime.now = () => T0 + 40 * 24 * HOUR;
    await expect(syncTrigger()).rejects.toThrow('simulated crash while pushing');
    const cursorAfterCrash = (forge.kvs.data.get('sync:state') as { cursor: number }).cursor;
    // The 5,000 issues of the first push, oldest first: the cursor is the 5,000th issue's `updated`.
    const updatedTimes = [...forge.jira.issues.values()].map((i) => Date.parse(i.fields.updated as string)).sort((a, b) => a - b);
    expect(cursorAfterCrash).toBe(updatedTimes[4_999]);
    expect(forge.queue.pushes).toHaveLength(1);
    await syncTrigger();
    const pushes = [...forge.queue.pushes];
    for (const event of forge.queue.drain()) await syncConsumer(event as never);

    expect(pushes.length).toBeLessThanOrEqual(1_000);
    expect(Math.max(...pushes.map((p) => p.length))).toBeLessThanOrEqual(50);
    expect(forge.queue.largestPushBytes).toBeLessThanOrEqual(200 * 1024);
    expect(forge.kvs.largestValueBytes).toBeLessThanOrEqual(240 * 1024);
    const tickets = [...forge.kvs.data.keys()].filter((k) => k.startsWith('ticket:'));
    expect(tickets).toHaveLength(N);
    const cycleEntries = [...forge.kvs.data].filter(([k]) => k.startsWith('agg:resolve:')).reduce((n, [, v]) => n + Object.keys((v as { entries: object }).entries).length, 0);
    expect(cycleEntries).toBe(N);
    let met = 0;
    for (const project of projects) met += (await call('getCompliance', { policyId: 'resolve', projects: [project], period: 'week', periods: 52 })).total.met;
    expect(met).toBe(N - N / 4);
  });

  it('100,000 issues fit in 20 pushes of ≤ 50 events and ≤ 200 KB each', () => {
    const bodies = Array.from({ length: 1_000 }, (_, e) => ({ keys: Array.from({ length: 100 }, (_, i) => `SERVICE-${e * 100 + i}`), updatedUpTo: T0 + e, refresh: false }));
    const pushes = packPushes(bodies);
    expect(pushes).toHaveLength(20);
    for (const push of pushes) {
      expect(push.length).toBeLessThanOrEqual(50);
      expect(Buffer.byteLength(JSON.stringify(push.map((body) => ({ body }))))).toBeLessThanOrEqual(200 * 1024);
    }
  });
});
