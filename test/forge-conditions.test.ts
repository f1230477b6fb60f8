import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser, type DoubleComment, type DoubleIssue, invokeResolver, VIEW_MODULE } from './helpers/forge-doubles';
import { jiraIssueOf, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';
import type { SlaPolicyInput } from '../core/sla/policy';
import type { TicketEvent } from '../core/sla/ticket';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());

const { resolverHandler, syncTrigger, syncConsumer } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');
const { slaPolicyTemplate } = await import('../core/sla/templates');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.parse('2025-03-03T09:00:00Z');
const WAITING_FIELD = 'customfield_10060';

const CONFIG = {
  schemaVersion: 2,
  calendars: { always: 'Mo-Su 00:00-24:00 | tz=UTC' },
  policies: [{ id: 'resolve', name: 'Resolve in 8h', stop: { statuses: ['Resolved'] }, goals: [{ target: '8h', calendar: 'always' }] }] as SlaPolicyInput[],
  fields: { requestType: REQUEST_TYPE_FIELD, team: null, extra: {} as Record<string, string> },
  sync: { scopeJql: 'project in (SUP)', readJsmSla: false, readFeedback: false, reportTimeZone: 'UTC' },
};
type Config = typeof CONFIG;

const call = (functionKey: string, payload: unknown = {}) => invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey] });

async function configure(change: Partial<Config>) {
  expect(await call('saveConfig', { config: { ...CONFIG, ...change } })).toEqual({ ok: true });
}

async function syncAt(now: number) {
  runtime.now = () => now;
  await syncTrigger();
  for (let round = 0; round < 5; round++) for (const event of forge.queue.drain()) await syncConsumer(event as never);
}

function issue(n: number, options: { events?: TicketEvent[]; comments?: DoubleComment[]; request?: boolean; project?: string; fields?: Record<string, unknown> } = {}): DoubleIssue {
  const project = options.project ?? 'SUP';
  const built = jiraIssueOf({ key: `${project}-${n}`, created: T0, status: 'Open', fields: { project, priority: 'High' }, events: options.events ?? [] }, String(10000 + n));
  return { ...built, fields: { ...built.fields, reporter: { accountId: 'customer-1' }, ...options.fields }, comments: options.comments, request: options.request ?? true };
}

const comment = (id: string, minutes: number, isPublic: boolean, accountId: string, accountType: 'atlassian' | 'customer' = 'atlassian'): DoubleComment => ({ id, at: T0 + minutes * MINUTE, public: isPublic, author: { accountId, accountType } });

const storedCycles = (key: string) => (forge.kvs.data.get(`ticket:${key}`) as { cycles: Array<{ policyId: string; goalLabel: string; start: number; stop: number | null; state: string; pausedMinutes: number }> } | undefined)?.cycles ?? [];

beforeEach(async () => {
  forge.reset();
  runtime.sleep = async () => {};
  forge.jira.admins.add(forgeUser.accountId);
  forge.jira.browsable = new Set(['SUP', 'DEV']);
  await configure({});
});

describe('Forge sync: conditions on comments', () => {
  const firstResponse = slaPolicyTemplate('timeToFirstResponse', { id: 'ttfr', target: '1h', calendar: 'always' });

  it('P1: first response stops on a public agent comment and not on an internal one, through JSM\'s comment API', async () => {
    await configure({ policies: [firstResponse] });
    forge.jira.add(issue(1, { comments: [comment('1', 10, false, 'agent-1'), comment('2', 20, true, 'customer-1', 'customer'), comment('3', 45, true, 'agent-1')] }));
    forge.jira.add(issue(2, { comments: [comment('4', 10, false, 'agent-1'), comment('5', 30, true, 'customer-1')] }));
    await syncAt(T0 + 3 * HOUR);
    expect(storedCycles('SUP-1')).toEqual([expect.objectContaining({ policyId: 'ttfr', start: T0, stop: T0 + 45 * MINUTE, state: 'met' })]);
    expect(storedCycles('SUP-2')).toEqual([expect.objectContaining({ policyId: 'ttfr', stop: null, state: 'breached' })]);
    expect(forge.jira.calls.filter((c) => c.includes('/comment'))).toEqual(['app GET /rest/servicedeskapi/request/SUP-1/comment', 'app GET /rest/servicedeskapi/request/SUP-2/comment']);
  });

  it('P1: the reporter\'s own reply is the customer\'s, not a response', async () => {
    await configure({ policies: [firstResponse] });
    forge.jira.add(issue(1, { comments: [comment('1', 10, true, 'customer-1', 'atlassian'), comment('2', 90, true, 'agent-1')] }));
    await syncAt(T0 + 3 * HOUR);
    expect(storedCycles('SUP-1')).toEqual([expect.objectContaining({ stop: T0 + 90 * MINUTE, state: 'breached' })]);
  });

  it('reads no comments when no policy has a comment condition', async () => {
    forge.jira.add(issue(1, { comments: [comment('1', 10, true, 'agent-1')] }));
    await syncAt(T0 + 3 * HOUR);
    expect(storedCycles('SUP-1')).toHaveLength(1);
    expect(forge.jira.calls.filter((c) => c.includes('/comment'))).toEqual([]);
  });
});

describe('Forge sync: goals by JQL', () => {
  const policy = {
    id: 'resolve',
    name: 'Resolve',
    stop: { statuses: ['Resolved'] },
    goals: [
      { jql: 'labels = vip', target: '2h', calendar: 'always', label: 'VIP' },
      { jql: 'priority = High', target: '4h', calendar: 'always', label: 'High' },
      { target: '8h', calendar: 'always', label: 'Normal' },
    ],
  };

  it('P2: a goal chosen by JQL match, asked for in batches of issues, never a search per query', async () => {
    await configure({ policies: [policy] });
    for (let n = 1; n <= 150; n++) forge.jira.add(issue(n));
    const n = (i: DoubleIssue) => Number(i.key.split('-')[1]);
    forge.jira.jqlMatchers.set('labels = vip', (i) => n(i) % 10 === 0);
    forge.jira.jqlMatchers.set('priority = High', (i) => n(i) % 3 === 0);
    await syncAt(T0 + HOUR);
    const label = (n: number) => storedCycles(`SUP-${n}`)[0]?.goalLabel;
    expect([label(10), label(30), label(3), label(1)]).toEqual(['VIP', 'VIP', 'High', 'Normal']);
    expect(forge.jira.jqlMatchCalls.length).toBeGreaterThan(0);
    for (const batch of forge.jira.jqlMatchCalls) {
      expect(batch.issueIds.length).toBeLessThanOrEqual(100);
      expect(batch.jqls).toEqual(['labels = vip', 'priority = High']);
    }
    expect(forge.jira.jqlMatchCalls.flatMap((b) => b.issueIds).sort()).toEqual(Array.from({ length: 150 }, (_, i) => 10001 + i).sort());
    // The matched queries chose the goal; they are not stored as a field.
    expect(JSON.stringify(forge.kvs.data.get('ticket:SUP-10'))).not.toContain('labels = vip');
  });

  it('P2: a query Jira rejects puts the batch in the failure ledger at the JQL step, with Jira\'s message', async () => {
    await configure({ policies: [policy] });
    forge.jira.add(issue(1));
    forge.jira.jqlMatchers.set('labels = vip', "Field 'labels' does not exist");
    forge.jira.jqlMatchers.set('priority = High', () => true);
    await syncAt(T0 + HOUR);
    expect(storedCycles('SUP-1')).toEqual([]);
    expect(forge.kvs.data.get('fail:SUP-1')).toMatchObject({ step: 'jql', error: expect.stringContaining("Field 'labels' does not exist") });
  });
});

describe('Forge sync: pause while a field holds a value', () => {
  it('P3: reads the field\'s changelog and pauses while it holds the value', async () => {
    await configure({
      fields: { ...CONFIG.fields, extra: { waitingOn: WAITING_FIELD } },
      policies: [{ id: 'resolve', name: 'Resolve', pause: { while: [{ field: 'waitingOn', in: ['Vendor'] }] }, stop: { statuses: ['Resolved'] }, goals: [{ target: '8h', calendar: 'always' }] }],
    });
    const events: TicketEvent[] = [
      { at: T0 + HOUR, field: WAITING_FIELD, to: 'Vendor', from: null },
      { at: T0 + 3 * HOUR, field: WAITING_FIELD, to: 'None', from: 'Vendor' },
      { at: T0 + 4 * HOUR, field: 'status', to: 'Resolved' },
    ];
    forge.jira.add(issue(1, { events, fields: { [WAITING_FIELD]: { value: 'None' } } }));
    await syncAt(T0 + 5 * HOUR);
    expect(storedCycles('SUP-1')).toEqual([expect.objectContaining({ state: 'met', pausedMinutes: 120, stop: T0 + 4 * HOUR })]);
  });
});

describe('Forge sync: Retry-After longer than a run sleeps', () => {
  it('P7: a 120 s Retry-After defers the work through the queue and loses nothing', async () => {
    forge.jira.add(issue(1, { events: [{ at: T0 + HOUR, field: 'status', to: 'Resolved' }] }));
    forge.jira.add(issue(2));
    const slept: number[] = [];
    runtime.sleep = async (ms) => void slept.push(ms);
    runtime.now = () => T0 + 2 * HOUR;
    await syncTrigger();
    const first = forge.queue.drain();
    forge.jira.throttle('/rest/api/3/changelog/bulkfetch', 1, '120');
    for (const event of first) await syncConsumer(event as never);
    // Not slept through, not cut short to 60 s: the same event is back on the queue, due in 120 s.
    expect(slept.filter((ms) => ms >= 60_000)).toEqual([]);
    expect(storedCycles('SUP-1')).toEqual([]);
    const deferred = forge.queue.pushes.flat() as Array<{ body: { keys: string[] }; delayInSeconds?: number }>;
    expect(deferred.map((e) => [[...e.body.keys].sort(), e.delayInSeconds])).toEqual([[['SUP-1', 'SUP-2'], 120]]);
    for (const event of forge.queue.drain()) await syncConsumer(event as never);
    expect(storedCycles('SUP-1')).toEqual([expect.objectContaining({ state: 'met' })]);
    expect(storedCycles('SUP-2')).toEqual([expect.objectContaining({ state: 'ongoing' })]);
    expect([...forge.kvs.data.keys()].filter((k) => k.startsWith('fail:'))).toEqual([]);
  });
});

describe('Forge sync: any Jira project', () => {
  it('P6: a Jira Software project with no JSM fields syncs (comments from Jira\'s API) and shows in a gadget', async () => {
    await configure({
      sync: { ...CONFIG.sync, scopeJql: 'project in (DEV)' },
      policies: [slaPolicyTemplate('timeToFirstResponse', { id: 'ttfr', target: '1h', calendar: 'always' }), { id: 'resolve', name: 'Resolve', jql: 'project = DEV', stop: { statuses: ['Resolved'] }, goals: [{ target: '8h', calendar: 'always' }] }],
    });
    forge.jira.jqlMatchers.set('project = DEV', (i) => (i.fields.project as { key: string }).key === 'DEV');
    const dev = issue(1, { project: 'DEV', request: false, comments: [comment('1', 30, true, 'dev-1')], events: [{ at: T0 + 2 * HOUR, field: 'status', to: 'Resolved' }] });
    delete dev.fields[REQUEST_TYPE_FIELD];
    forge.jira.add(dev);
    await syncAt(T0 + 3 * HOUR);
    expect(storedCycles('DEV-1').map((c) => [c.policyId, c.state])).toEqual([['ttfr', 'met'], ['resolve', 'met']]);
    expect(forge.jira.calls).toContain('app GET /rest/api/3/issue/DEV-1/comment');
    const answer = await call('getCompliance', { policyId: 'resolve', projects: ['DEV'], period: 'week', periods: 4 });
    expect(answer.total).toMatchObject({ met: 1, breached: 0 });
  });
});

describe('the policy editor tests a JQL before saving', () => {
  it('answers Jira\'s verdict and a sample of matching issues; saving refuses a query Jira refuses, at its field', async () => {
    for (let n = 1; n <= 7; n++) forge.jira.add(issue(n));
    forge.jira.invalidJql.set('labelz', { errorMessages: ["Field 'labelz' does not exist or you do not have permission to view it."], warningMessages: [] });
    expect(await call('checkJql', { jql: 'project in (SUP)' })).toEqual({ ok: true, sample: ['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5'], more: true });
    expect(await call('checkJql', { jql: 'labelz = vip' })).toEqual({ ok: false, message: "Field 'labelz' does not exist or you do not have permission to view it." });
    expect(await call('checkJql', { jql: ' ' })).toEqual({ ok: false, message: 'jql: give a JQL query to test' });
    const policy = { id: 'resolve', name: 'Resolve', stop: { statuses: ['Resolved'] }, goals: [{ jql: 'labelz = vip', target: '2h', calendar: 'always' }, { target: '8h', calendar: 'always' }] };
    expect(await call('saveConfig', { config: { ...CONFIG, policies: [policy] } })).toEqual({
      ok: false,
      errors: [{ path: 'policies.0.goals.0.jql', message: "Jira refuses this JQL: Field 'labelz' does not exist or you do not have permission to view it." }],
    });
    expect(forge.jira.calls.filter((c) => c.endsWith('/jql/parse')).every((c) => c.startsWith('user '))).toBe(true);
  });
});
