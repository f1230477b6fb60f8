import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser, type DoubleIssue } from './helpers/forge-doubles';
import { jiraIssueOf, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';
import { findAll, fire, render, resetUi, textOf, ui, type ForgeDoc } from './helpers/forge-ui';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());

const { CONFIG_SCHEMA_VERSION } = await import('../forge-app/src/config/schema');
const { resolverHandler, syncTrigger, syncConsumer } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');
const { JiraClient } = await import('../forge-app/src/jira/client');
const { SLA_PROPERTY_KEY } = await import('../forge-app/src/sync/sla-property');
const { inpsActual } = await import('../forge-app/src/resolvers/inps');
const { toCsv } = await import('../forge-app/src/frontend/csv');
const { ComplianceGadget } = await import('../forge-app/src/frontend/compliance-view');
const { CustomerReportGadget } = await import('../forge-app/src/frontend/customer-report-view');
const { InpsPortalQuestion } = await import('../forge-app/src/frontend/inps-portal-view');

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
  // Resolving sets the status and the resolution, as a JSM workflow's resolve transition does.
  const changes = events.flatMap((e) => (e.to === 'Resolved' ? [{ ...e, field: 'status' }, { ...e, field: 'resolution', to: 'Done' }] : [{ ...e, field: 'status' }]));
  const issue = jiraIssueOf({ key: `SUP-${n}`, created, status: 'Open', fields: { project: 'SUP', priority: 'High' }, events: changes }, String(10000 + n));
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

  it('J1: the Jira double holds the issue property rules (value size, key length, unknown issue, write:jira-work) and the client checks them first', async () => {
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
    // Without write:jira-work (the scope the issue properties API names) Jira refuses the write.
    forge.jira.scopes.delete('write:jira-work');
    await expect(jira.setIssueProperty('SUP-4', 'fine', { a: 2 })).rejects.toThrow(/Jira answered 403 to PUT \/rest\/api\/3\/issue\/SUP-4\/properties\/fine/);
  });

  it('J1: a ticket no app policy applies to any more loses the property; one never covered never gets one', async () => {
    const { publishSlaState, policyDirectory } = await import('../forge-app/src/sync/sla-property');
    forge.jira.add(request(5, T0, []));
    await syncAt(T0 + HOUR);
    expect(property('SUP-5')).toBeDefined();
    const jira = new JiraClient(forge.jira.request(null) as never, async () => {});
    const onlyJsm = { key: 'SUP-5', id: '10005', assigneeName: null, project: 'SUP', created: T0, updated: T0, computedAt: T0 + HOUR, fields: {}, resolvedAt: null, reopened: 0, rating: null,
      cycles: [{ policyId: 'jsm:Time to resolution', goalLabel: 'Time to resolution', start: T0, stop: null, goalMinutes: 480, elapsedMinutes: 60, pausedMinutes: 0, remainingMinutes: 420, due: T0 + 8 * HOUR, state: 'ongoing' as const }] };
    expect(await publishSlaState(jira, onlyJsm, policyDirectory([], {}))).toBe('removed');
    expect(property('SUP-5')).toBeUndefined();
    expect(forge.kvs.data.has('sla-prop:SUP-5')).toBe(false);
    expect(await publishSlaState(jira, onlyJsm, policyDirectory([], {}))).toBe('none');
    expect(forge.jira.propertyWrites).toEqual(['PUT SUP-5/sla-state', 'DELETE SUP-5/sla-state']);
  });
});

const DAY = 24 * HOUR;
const NOW = T0 + 2 * DAY;

/** Four requests resolved on Monday 3 March: two from Finance, one from HR, one from no organization. */
async function syncCustomers() {
  const resolved = (n: number, afterH: number, organizations: string[]) => request(n, T0, [{ at: T0 + afterH * HOUR, to: 'Resolved' }], organizations);
  forge.jira.add(resolved(11, 1, ['Finance'])); // Purchasing met, 1 h
  forge.jira.add(resolved(12, 30, ['Finance'])); // Purchasing breached (due Monday 16:00), 30 h
  forge.jira.add(resolved(13, 1.5, ['HR'])); // met, 1.5 h
  forge.jira.add(resolved(14, 3, [])); // met, 3 h
  await syncAt(NOW);
}

/** Answers the portal question as the platform would call the resolver: the request from the module's context, the caller from the principal. */
const asRequester = (issueKey: string, accountId: string | undefined, functionKey: string, payload: unknown = {}, license?: { isActive: boolean }) =>
  resolverHandler({ call: { functionKey, payload }, context: { extension: { request: { key: issueKey, typeId: '7' }, portal: { id: '1' } } } }, { principal: accountId ? { accountId } : undefined, ...(license ? { license } : {}) }) as Promise<any>;

/** The UI bridge's invoke answered by the real resolvers (with their doubles), as the Forge host would. */
const bridgeResolvers = (names: string[], license?: { isActive: boolean }) =>
  Object.fromEntries(names.map((name) => [name, (payload: unknown) => resolverHandler({ call: { functionKey: name, payload }, context: {} }, { principal: { accountId: forgeUser.accountId }, ...(license ? { license } : {}) })]));

const gadget = (config: Record<string, unknown>, locale = 'en_US') => ({ locale, timezone: 'UTC', extension: { gadgetConfiguration: config } });
/** The texts of a table's body rows (the reconciler turns DynamicTable rows into Cell children, header first). */
const rowsOf = (doc: ForgeDoc, columns: number): string[][] => {
  const cells = findAll(findAll(doc, 'DynamicTable')[0], 'Cell').map(textOf).slice(columns);
  return Array.from({ length: cells.length / columns }, (_, i) => cells.slice(i * columns, (i + 1) * columns));
};

describe('C1: internal customers', () => {
  it('C1: the sync reads each request\'s JSM organizations, and the compliance gadget groups by them', async () => {
    await syncCustomers();
    expect(forge.jira.calls).toContain('app GET /rest/api/3/field');
    const answer = await call('getCompliance', { policyId: 'purchasing', scope: 'projects', projects: ['SUP'], groupBy: 'organization', period: 'month', periods: 1 });
    expect(answer.groups.map((g: { key: string; met: number; breached: number }) => [g.key, g.met, g.breached])).toEqual([['', 1, 0], ['Finance', 1, 1], ['HR', 1, 0]]);
    expect(answer.target).toEqual({ level: 0.9, amberFrom: 0.85 });
  });

  it('C1: the by-customer view gives compliance against the agreed level, median TAT and iNPS per organization', async () => {
    await syncCustomers();
    for (const [n, score] of [[11, 10], [12, 3], [13, 9]] as const) expect(await asRequester(`SUP-${n}`, `requester-${n}`, 'submitInps', { score })).toEqual({ ok: true, score });
    const report = await call('getCustomerReport', { policyId: 'purchasing', projects: ['SUP'], months: 3 });
    expect(report).toMatchObject({ policyName: 'Purchasing SLA', projects: ['SUP'], months: ['2025-01', '2025-02', '2025-03'], target: { level: 0.9, amberFrom: 0.85 } });
    expect(report.rows).toEqual([
      { organization: 'Finance', met: 1, breached: 1, compliance: 0.5, rag: 'red', medianTatHours: 15.5, resolved: 2, inps: 0, answers: 2 },
      { organization: 'HR', met: 1, breached: 0, compliance: 1, rag: 'green', medianTatHours: 1.5, resolved: 1, inps: 100, answers: 1 },
      { organization: '', met: 1, breached: 0, compliance: 1, rag: 'green', medianTatHours: 3, resolved: 1, inps: null, answers: 0 },
    ]);

    // The gadget through ForgeReconciler, in Vietnamese: lozenges by the agreed level, TAT and iNPS per customer.
    resetUi(gadget({ policyId: 'purchasing', projects: 'sup', months: '3' }, 'vi_VN'), bridgeResolvers(['getCustomerReport']));
    const doc = await render(<CustomerReportGadget />);
    expect(ui.invokes).toEqual([{ functionKey: 'getCustomerReport', payload: { policyId: 'purchasing', projects: ['SUP'], months: 3 } }]);
    expect(textOf(doc)).toContain('Mức cam kết 90% (vàng từ 85%)');
    expect(findAll(doc, 'Lozenge').map((l) => [l.props.appearance, textOf(l)])).toEqual([['removed', '50% (1/2)'], ['success', '100% (1/1)'], ['success', '100% (1/1)']]);
    expect(rowsOf(doc, 4).map((row) => [row[0], row[2], row[3]])).toEqual([
      ['Finance', '15,5 giờ', '0 · 2 câu trả lời'],
      ['HR', '1,5 giờ', '100 · 1 câu trả lời'],
      ['Không thuộc tổ chức nào', '3 giờ', '—'],
    ]);
  });

  it('C1: the compliance gadget colours by the policy\'s agreed level and links each ticket key to the issue', async () => {
    forge.jira.add(request(21, T0, [], ['Finance']));
    forge.jira.add(request(22, T0, [{ at: T0 + HOUR, to: 'Resolved' }], ['Finance']));
    forge.jira.add(request(23, T0, [{ at: T0 + 9 * HOUR, to: 'Resolved' }], ['HR']));
    await syncAt(T0 + 9.5 * HOUR); // SUP-21 still open past its 16:00 due
    resetUi(gadget({ policyId: 'purchasing', projects: 'SUP', groupBy: 'organization', period: 'month', periods: '1' }), bridgeResolvers(['getCompliance']));
    runtime.now = () => T0 + 9.5 * HOUR;
    const doc = await render(<ComplianceGadget />);
    // 1 met of 3 measurable = 33 %: red under the agreed 90 %; Finance 1 of 2 (50 %) red, HR 0 of 1 red.
    expect(findAll(doc, 'Lozenge').slice(0, 3).map((l) => [l.props.appearance, textOf(l)])).toEqual([['removed', 'SLA compliance'], ['removed', '50%'], ['removed', '0%']]);
    expect(textOf(doc)).toContain('Agreed level 90% (amber from 85%)');
    const links = findAll(doc, 'Link');
    expect(links.map((l) => [l.props.href, textOf(l)])).toEqual([['/browse/SUP-21', 'SUP-21']]);
  });
});

describe('N1: iNPS on the customer portal', () => {
  it('N1: one answer per requester per request (a second is refused), only on resolved requests, stored under KVS-safe keys, moving iNPS', async () => {
    forge.jira.add(request(31, T0, [{ at: T0 + HOUR, to: 'Resolved' }], ['Finance']));
    forge.jira.add(request(32, T0, [], ['Finance']));
    // A customer account id carries ':' and other characters KVS keys refuse unencoded (the KVS double would throw).
    forge.jira.issues.get('SUP-31')!.fields.reporter = { accountId: 'qm:8f1c2d3e-aa00:5d2f9a', displayName: 'Chị Hoa' };
    await syncAt(NOW);
    runtime.now = () => NOW;
    expect(await inpsActual(['SUP'], '2025-03')).toEqual({ inps: null, answers: 0 });

    expect(await asRequester('SUP-31', 'qm:8f1c2d3e-aa00:5d2f9a', 'getInpsQuestion')).toEqual({ state: 'open' });
    expect(await asRequester('SUP-31', 'someone-else', 'getInpsQuestion')).toEqual({ state: 'not-requester' });
    expect(await asRequester('SUP-32', 'requester-32', 'getInpsQuestion')).toEqual({ state: 'not-resolved' });
    expect(await asRequester('SUP-31', undefined, 'getInpsQuestion')).toEqual({ error: 'INVALID', field: 'accountId', message: 'accountId: only a signed-in customer can answer (anonymous portal visitors cannot)' });
    expect(await asRequester('SUP-31', 'qm:8f1c2d3e-aa00:5d2f9a', 'submitInps', { score: 11 })).toEqual({ error: 'INVALID', field: 'score', message: 'score: expected a whole number from 0 to 10, got 11' });
    expect(await asRequester('SUP-31', 'qm:8f1c2d3e-aa00:5d2f9a', 'submitInps', { score: 7, comment: 'x'.repeat(1001) })).toMatchObject({ error: 'INVALID', field: 'comment' });
    expect(await asRequester('SUP-32', 'requester-32', 'submitInps', { score: 9 })).toEqual({ error: 'NOT_ALLOWED', state: 'not-resolved' });
    expect(await asRequester('SUP-31', 'someone-else', 'submitInps', { score: 0 })).toEqual({ error: 'NOT_ALLOWED', state: 'not-requester' });

    expect(await asRequester('SUP-31', 'qm:8f1c2d3e-aa00:5d2f9a', 'submitInps', { score: 10, comment: 'Nhanh, cảm ơn!' })).toEqual({ ok: true, score: 10 });
    expect(await inpsActual(['SUP'], '2025-03')).toEqual({ inps: 100, answers: 1 });
    // A second answer is refused and the first one stands: the score cannot be nudged by answering again.
    expect(await asRequester('SUP-31', 'qm:8f1c2d3e-aa00:5d2f9a', 'submitInps', { score: 0 })).toEqual({ error: 'ALREADY_ANSWERED', score: 10 });
    expect(await asRequester('SUP-31', 'qm:8f1c2d3e-aa00:5d2f9a', 'getInpsQuestion')).toEqual({ state: 'answered', score: 10 });
    expect(await inpsActual(['SUP'], '2025-03')).toEqual({ inps: 100, answers: 1 });
    const answerKeys = [...forge.kvs.data.keys()].filter((k) => k.startsWith('inps'));
    expect(answerKeys).toEqual([expect.stringMatching(/^inps:SUP:2025-03:\d$/), 'inps-answer:SUP-31:#qm_003a8f1c2d3e-aa00_003a5d2f9a']);
    expect(forge.kvs.data.get(answerKeys[1])).toEqual({ issueKey: 'SUP-31', score: 10, comment: 'Nhanh, cảm ơn!', at: NOW, month: '2025-03', organization: 'Finance' });
  });

  it('N1: the portal panel asks a 0-10 question with an optional comment, then thanks the requester, in Vietnamese', async () => {
    forge.jira.add(request(33, T0, [{ at: T0 + HOUR, to: 'Resolved' }]));
    await syncAt(NOW);
    const portal = { locale: 'vi_VN', extension: { request: { key: 'SUP-33', typeId: '7' }, portal: { id: '1' } } };
    const byRequester = (name: string) => (payload: unknown) => asRequester('SUP-33', 'requester-33', name, payload);
    resetUi(portal, { getInpsQuestion: byRequester('getInpsQuestion'), submitInps: byRequester('submitInps') });
    let doc = await render(<InpsPortalQuestion />);
    expect(textOf(doc)).toContain('Bạn có sẵn lòng giới thiệu đội ngũ của chúng tôi cho đồng nghiệp không?');
    const radios = findAll(doc, 'RadioGroup')[0];
    expect(radios.props.options.map((o: { value: string }) => o.value)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    // Sending without a score says what is missing and calls nothing.
    doc = await fire(findAll(doc, 'Button')[0].props.onClick);
    expect(findAll(doc, 'ErrorMessage').map(textOf)).toEqual(['Hãy chọn điểm từ 0 đến 10.']);
    expect(ui.invokes.map((i) => i.functionKey)).toEqual(['getInpsQuestion']);
    doc = await fire(findAll(doc, 'RadioGroup')[0].props.onChange, { target: { value: '6' } });
    doc = await fire(findAll(doc, 'TextArea')[0].props.onChange, { target: { value: 'Chậm quá' } });
    doc = await fire(findAll(doc, 'Button')[0].props.onClick);
    expect(ui.invokes.at(-1)).toEqual({ functionKey: 'submitInps', payload: { score: 6, comment: 'Chậm quá' } });
    expect(findAll(doc, 'SectionMessage').map(textOf)).toEqual(['Cảm ơn bạn: bạn đã chấm 6 điểm.']);
    expect(await inpsActual(['SUP'], '2025-03')).toEqual({ inps: -100, answers: 1 });
  });
});

describe('E1: CSV export of a gadget\'s data', () => {
  it('E1: RFC 4180: commas, quotes and line breaks quoted, quotes doubled, CRLF after every record; rows of the wrong width refused', () => {
    expect(toCsv(['a', 'b', 'c'], [['x, y', 'say "hi"', 'two\nlines'], [1.5, null, '']])).toBe('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n1.5,,\r\n');
    expect(() => toCsv(['a', 'b'], [['only one']])).toThrow('CSV row 1 has 1 fields, the header 2');
  });

  it('E1: the compliance and per-customer gadgets show their data as CSV to copy', async () => {
    await syncCustomers();
    resetUi(gadget({ policyId: 'purchasing', projects: 'SUP', groupBy: 'organization', period: 'month', periods: '1' }), bridgeResolvers(['getCompliance']));
    let doc = await render(<ComplianceGadget />);
    expect(findAll(doc, 'CodeBlock')).toEqual([]);
    const exportButton = findAll(doc, 'Button').find((b) => textOf(b) === 'Export CSV')!;
    doc = await fire(exportButton.props.onClick);
    expect(findAll(doc, 'CodeBlock')[0].props.text).toBe(
      'section,label,met,breached,open_past_due,compliance,due_utc,risk,assignee\r\n' +
        'total,SLA compliance,3,1,0,0.75,,,\r\n' +
        'group,,1,0,0,1,,,\r\ngroup,Finance,1,1,0,0.5,,,\r\ngroup,HR,1,0,0,1,,,\r\n' +
        'trend,2025-03,,,,0.75,,,\r\n',
    );

    resetUi(gadget({ policyId: 'purchasing', projects: 'SUP' }), bridgeResolvers(['getCustomerReport']));
    doc = await render(<CustomerReportGadget />);
    doc = await fire(findAll(doc, 'Button').find((b) => textOf(b) === 'Export CSV')!.props.onClick);
    expect(findAll(doc, 'CodeBlock')[0].props.text).toBe(
      'organization,met,breached,compliance,rag,median_tat_hours,resolved,inps,inps_answers\r\n' +
        'Finance,1,1,0.5,red,15.5,2,,0\r\nHR,1,0,1,green,1.5,1,,0\r\nNo organization,1,0,1,green,3,1,,0\r\n',
    );
  });
});

describe('L1: licensing', () => {
  const INACTIVE = { isActive: false };

  it('L1: an inactive license gets UNLICENSED instead of data from every resolver; an active one or none (free, development) gets data', async () => {
    await syncCustomers();
    const query = { policyId: 'purchasing', projects: ['SUP'] };
    const unlicensed = { error: 'UNLICENSED', message: 'This app needs an active license for this site: ask a Jira administrator to check Manage apps.' };
    for (const [name, payload] of [['getCompliance', query], ['getCustomerReport', query], ['getChoices', {}], ['getConfig', {}]] as const) {
      expect(await resolverHandler({ call: { functionKey: name, payload }, context: {} }, { principal: { accountId: forgeUser.accountId }, license: INACTIVE }), name).toEqual(unlicensed);
    }
    expect(await asRequester('SUP-11', 'requester-11', 'submitInps', { score: 8 }, INACTIVE)).toEqual(unlicensed);
    expect(await inpsActual(['SUP'], '2025-03')).toEqual({ inps: null, answers: 0 });
    const active = await resolverHandler({ call: { functionKey: 'getCompliance', payload: query }, context: {} }, { principal: { accountId: forgeUser.accountId }, license: { isActive: true, isEvaluation: true } });
    expect(active).toMatchObject({ total: { met: 3, breached: 1 } });
    expect(await call('getCompliance', query)).toMatchObject({ total: { met: 3, breached: 1 } });
  });

  for (const [locale, message] of [
    ['en_US', 'This app has no active license on this site. Ask a Jira administrator to renew it in Manage apps.'],
    ['vi_VN', 'Ứng dụng chưa có giấy phép còn hiệu lực trên trang này. Hãy nhờ quản trị viên Jira gia hạn trong mục Quản lý ứng dụng.'],
  ]) {
    it(`L1: an unlicensed site sees the message instead of data (${locale})`, async () => {
      await syncCustomers();
      resetUi(gadget({ policyId: 'purchasing', projects: 'SUP' }, locale), bridgeResolvers(['getCompliance', 'getCustomerReport'], INACTIVE));
      for (const view of [<ComplianceGadget key="c" />, <CustomerReportGadget key="r" />]) {
        const doc = await render(view);
        expect(findAll(doc, 'SectionMessage').map(textOf)).toEqual([message]);
        expect(findAll(doc, 'DynamicTable')).toEqual([]);
      }
    });
  }
});
