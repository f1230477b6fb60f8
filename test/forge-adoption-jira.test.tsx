import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser, type DoubleIssue } from './helpers/forge-doubles';
import { jiraIssueOf, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());

const { CONFIG_SCHEMA_VERSION } = await import('../forge-app/src/config/schema');
const { resolverHandler, syncTrigger, syncConsumer } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');
const { JiraClient } = await import('../forge-app/src/jira/client');
const { SLA_PROPERTY_KEY } = await import('../forge-app/src/sync/sla-property');

const HOUR = 3_600_000;
const T0 = Date.parse('2025-03-03T08:00:00Z'); // a Monday

/** Purchasing: 8 working hours on Mo-Fr 08:00-17:00 UTC; Triage: 2 h round the clock. */
const CONFIG = {
  schemaVersion: CONFIG_SCHEMA_VERSION,
  calendars: { office: 'Mo-Fr 08:00-17:00 | tz=UTC', always: 'Mo-Su 00:00-24:00 | tz=UTC' },
  policies: [
    { id: 'purchasing', name: 'Purchasing SLA', stop: { statuses: ['Resolved'] }, goals: [{ target: '8h', calendar: 'office' }], agreedCompliance: 0.9, amberMargin: 0.05 },
    { id: 'triage', name: 'Triage', stop: { statuses: ['In Progress', 'Resolved'] }, goals: [{ target: '2h', calendar: 'always' }] },
  ],
  fields: { requestType: REQUEST_TYPE_FIELD, team: null, extra: {} },
  sync: { scopeJql: 'project in (SUP)', readJsmSla: false, readFeedback: false, reportTimeZone: 'UTC' },
};

const call = (functionKey: string, payload: unknown = {}, context: Record<string, unknown> = {}) =>
  resolverHandler({ call: { functionKey, payload }, context }, { principal: { accountId: forgeUser.accountId } }) as Promise<any>;

async function syncAt(now: number) {
  runtime.now = () => now;
  await syncTrigger();
  for (const event of forge.queue.drain()) await syncConsumer(event as never);
}

function request(n: number, created: number, events: Array<{ at: number; to: string }>, organizations: string[] = []): DoubleIssue {
  const issue = jiraIssueOf({ key: `SUP-${n}`, created, status: 'Open', fields: { project: 'SUP', priority: 'High' }, events: events.map((e) => ({ ...e, field: 'status' })) }, String(10000 + n));
  issue.fields.customfield_10002 = organizations.map((name, i) => ({ id: String(i + 1), name, _links: { self: `https://site.atlassian.net/rest/servicedeskapi/organization/${i + 1}` } }));
  issue.fields.reporter = { accountId: `requester-${n}`, displayName: `Requester ${n}` };
  return issue;
}

const property = (key: string) => forge.jira.issues.get(key)?.properties?.[SLA_PROPERTY_KEY] as any;

beforeEach(async () => {
  forge.reset();
  runtime.sleep = async () => {};
  forge.jira.admins.add(forgeUser.accountId);
  forge.jira.browsable = new Set(['SUP']);
  forge.jira.hasOrganizationsField = true;
  runtime.now = () => T0;
  expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
});

describe('J1: SLA state where JQL can search it', () => {
  it('J1: the manifest indexes the property the sync writes, with the aliases the README documents, and asks for write:jira-work', () => {
    const manifest = readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8');
    expect(manifest).toMatch(/jira:entityProperty:\n(?:.*\n)*?\s+entityType: issue\n\s+propertyKey: sla-state\n/);
    const aliases = [...manifest.matchAll(/- path: (\w+)\n\s+type: (\w+)\n\s+searchAlias: (\w+)/g)].map((m) => `${m[1]}:${m[2]}:${m[3]}`);
    expect(aliases).toEqual(['breached:string:slaBreached', 'running:string:slaRunning', 'paused:string:slaPaused', 'met:string:slaMet', 'nextDue:date:slaDue', 'warnFrom:date:slaWarnFrom', 'remainingMinutes:number:slaRemainingMinutes']);
    expect(SLA_PROPERTY_KEY).toBe('sla-state');
    const readme = readFileSync(new URL('../forge-app/README.md', import.meta.url), 'utf8');
    for (const alias of ['slaBreached = purchasing', 'slaWarnFrom <= now()']) expect(readme).toContain(alias);
  });

  it('J1: each synced issue carries per policy state, due, remaining working minutes and breached; rewritten only when the state changes', async () => {
    // SUP-1 opened Monday 08:00: Triage (2 h, 24/7) runs to 10:00; Purchasing (8 working hours) runs to 16:00.
    forge.jira.add(request(1, T0, []));
    await syncAt(T0 + HOUR);
    const first = property('SUP-1');
    expect(first.policies).toEqual([
      { id: 'purchasing', name: 'Purchasing SLA', state: 'ongoing', due: '2025-03-03T16:00:00.000Z', remainingMinutes: 420, breached: false, warnFrom: '2025-03-03T12:00:00.000Z' },
      { id: 'triage', name: 'Triage', state: 'ongoing', due: '2025-03-03T10:00:00.000Z', remainingMinutes: 60, breached: false, warnFrom: '2025-03-03T06:00:00.000Z' },
    ]);
    expect(first).toMatchObject({ breached: [], running: ['purchasing', 'triage'], paused: [], met: [], nextDue: '2025-03-03T10:00:00.000Z', warnFrom: '2025-03-03T06:00:00.000Z', remainingMinutes: 60, asOf: '2025-03-03T09:00:00.000Z' });
    expect(forge.jira.propertyWrites).toEqual(['PUT SUP-1/sla-state']);

    // Nothing changed in Jira: the next hourly run leaves the property alone.
    await syncAt(T0 + 1.5 * HOUR);
    expect(forge.jira.propertyWrites).toHaveLength(1);

    // 11:00: Triage is past due. The hourly run refreshes open clocks past due: Triage breached, property rewritten.
    await syncAt(T0 + 3 * HOUR);
    expect(property('SUP-1')).toMatchObject({ breached: ['triage'], running: ['purchasing', 'triage'] });
    expect(property('SUP-1').policies[1]).toMatchObject({ id: 'triage', state: 'breached', breached: true });
    expect(forge.jira.propertyWrites.filter((w) => w.startsWith('PUT SUP-1/'))).toHaveLength(2);

    // The warning instant is 4 working hours before due on the goal's calendar: SUP-2, opened Monday 11:00, is due
    // Tuesday 10:00 on Mo-Fr 08:00-17:00 and warns from Monday 15:00 (not Tuesday 06:00).
    forge.jira.add(request(2, T0 + 3 * HOUR, []));
    await syncAt(T0 + 3.5 * HOUR);
    expect(property('SUP-2').policies[0]).toMatchObject({ id: 'purchasing', due: '2025-03-04T10:00:00.000Z', warnFrom: '2025-03-03T15:00:00.000Z' });

    // Resolved at 12:00: Purchasing met, nothing running.
    const resolvedAt = T0 + 4 * HOUR;
    forge.jira.add(request(1, T0, [{ at: resolvedAt, to: 'Resolved' }]));
    await syncAt(resolvedAt + HOUR);
    expect(property('SUP-1')).toMatchObject({ breached: ['triage'], running: [], met: ['purchasing'], nextDue: null, warnFrom: null, remainingMinutes: null });
  });

  it('J1: the property goes when the issue leaves the scope', async () => {
    forge.jira.add(request(3, T0, []));
    await syncAt(T0 + HOUR);
    expect(property('SUP-3')).toBeDefined();
    // Moved out of the synced projects: purged from the app's results, and its property removed from Jira.
    forge.jira.moveIssue('SUP-3', 'OUT-3', new Date(T0 + 2 * HOUR).toISOString().replace('Z', '+0000'));
    await syncAt(T0 + 2 * HOUR + 1);
    await syncConsumer({ body: { keys: ['SUP-3'], refresh: true } } as never);
    expect(forge.jira.propertyWrites).toEqual(['PUT SUP-3/sla-state', 'DELETE OUT-3/sla-state']);
    expect(forge.kvs.data.has('sla-prop:SUP-3')).toBe(false);
  });

  it('J1: the Jira double holds the issue property rules (value size, key length, unknown issue) and the client checks them first', async () => {
    forge.jira.add(request(4, T0, []));
    const jira = new JiraClient(forge.jira.request(null) as never, async () => {});
    await expect(jira.setIssueProperty('SUP-4', 'k'.repeat(256), {})).rejects.toThrow('issue property key must have 1 to 255 characters, got 256');
    await expect(jira.setIssueProperty('SUP-4', 'big', { text: 'x'.repeat(32_768) })).rejects.toThrow(/is 32779 characters, over Jira's 32768/);
    // The double refuses on its own too (a client that skipped the check would meet Jira's 400).
    const raw = forge.jira.request(null);
    expect((await raw({ value: '/rest/api/3/issue/SUP-4/properties/big' }, { method: 'PUT', body: JSON.stringify('x'.repeat(32_767)) })).status).toBe(400);
    expect((await raw({ value: `/rest/api/3/issue/SUP-4/properties/${'k'.repeat(256)}` }, { method: 'PUT', body: '{}' })).status).toBe(400);
    expect((await raw({ value: '/rest/api/3/issue/NOPE-1/properties/x' }, { method: 'PUT', body: '{}' })).status).toBe(404);
    await jira.deleteIssueProperty('SUP-4', 'never-set'); // a 404 on delete is already deleted
    await jira.setIssueProperty('SUP-4', 'fine', { a: 1 });
    expect(forge.jira.issues.get('SUP-4')!.properties).toEqual({ fine: { a: 1 } });
  });
});
