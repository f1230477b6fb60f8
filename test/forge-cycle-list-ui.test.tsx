import { parse } from 'csv-parse/sync';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, invokeResolver, VIEW_MODULE } from './helpers/forge-doubles';
import { forgeSql, forgeSqlMock, freshInstallation, syncEverything } from './helpers/forge-sql';
import { jiraIssueOf, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';
import { HOUR } from './helpers/forge-config';
import { findAll, fire, lastDoc, render, resetUi, settle, textOf, ui } from './helpers/forge-ui';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());
vi.mock('@forge/sql', () => forgeSqlMock());

const { ComplianceGadget } = await import('../forge-app/src/frontend/compliance-view');
const app = await import('../src/index');
const { resolverHandler } = app;
const { runtime } = await import('../forge-app/src/runtime');

const T0 = Date.parse('2025-03-03T09:00:00Z');
const ANSWER = {
  projects: ['SUP'],
  period: 'week',
  truncated: false,
  issueLimit: 5000,
  total: { met: 1, breached: 1, ongoingBreached: 0, ongoing: 0, compliance: 0.5 },
  groups: [],
  trend: [],
  atRisk: [],
};
const row = (n: number, state: string) => ({ key: `SUP-${n}`, policyId: 'resolve', goalLabel: '8h', start: T0, stop: T0 + 2 * 3_600_000, due: T0 + 8 * 3_600_000, state, elapsedMinutes: 120, remainingMinutes: state === 'breached' ? -30 : 360 });

/** The resolver double: two pages, or CSV; it records nothing the UI test does not read from `ui.invokes`. */
const cycleList = (payload: { page?: number; format?: string }) =>
  payload.format === 'csv' ? { csv: 'ticket,policy\r\nSUP-1,resolve\r\n', total: 2, truncated: false } : { rows: [row(payload.page === 1 ? 2 : 1, payload.page === 1 ? 'breached' : 'met')], total: 2, page: payload.page ?? 0, pages: 2 };

beforeEach(() => resetUi({ locale: 'en_US', extension: { gadgetConfiguration: { policyId: 'resolve', projects: 'SUP' } } }, { getCompliance: ANSWER, getCycleList: cycleList }));

const button = (text: string) => findAll(lastDoc(), 'Button').find((b) => textOf(b) === text)!;
// UI Kit prefixes ids with the app's own.
const field = (id: string) => findAll(lastDoc(), 'Textfield').find((f) => String(f.props.id).endsWith(id))!;

describe('the ticket-level report in the compliance gadget', () => {
  it('P5: lists a page of cycles with ticket links and states, filters, pages and exports CSV', async () => {
    await render(<ComplianceGadget />);
    const select = findAll(lastDoc(), 'Select').find((s) => String(s.props.inputId).endsWith('cycles-state'))!;
    await fire(select.props.onChange, { label: 'Breached', value: 'breached' });
    await fire(field('cycles-organization').props.onChange, { target: { value: 'Finance' } });
    await fire(field('cycles-fromMonth').props.onChange, { target: { value: '2025-03' } });
    await fire(button('Show').props.onClick);
    expect(ui.invokes.at(-1)).toEqual({ functionKey: 'getCycleList', payload: { policyId: 'resolve', projects: ['SUP'], page: 0, format: 'page', state: 'breached', group: { field: 'organization', value: 'Finance' }, fromMonth: '2025-03' } });
    const table = findAll(lastDoc(), 'DynamicTable').at(-1)!;
    expect(textOf(table)).toContain('SUP-1');
    expect(textOf(lastDoc())).toContain('Page 1 of 2 · 2 cycles');
    expect(button('Previous').props.isDisabled).toBe(true);
    await fire(button('Next').props.onClick);
    expect(textOf(findAll(lastDoc(), 'DynamicTable').at(-1)!)).toContain('SUP-2');
    expect(textOf(lastDoc())).toContain('30m overdue');
    expect(button('Next').props.isDisabled).toBe(true);
    await fire(button('Export these cycles as CSV').props.onClick);
    expect(findAll(lastDoc(), 'CodeBlock').map((c) => c.props.text)).toContain('ticket,policy\r\nSUP-1,resolve\r\n');
  });
});

const ORGANIZATIONS = 'customfield_10002';
const CONFIG = {
  schemaVersion: 2,
  calendars: { always: 'Mo-Su 00:00-24:00 | tz=UTC' },
  policies: [{ id: 'resolve', name: 'Resolve', stop: { statuses: ['Resolved'] }, goals: [{ target: '8h', calendar: 'always', label: '8h' }] }],
  fields: { requestType: REQUEST_TYPE_FIELD, team: null, extra: {} },
  sync: { scopeJql: 'project = SUP', readJsmSla: false, readFeedback: false, reportTimeZone: 'UTC' },
};
const call = (functionKey: string, payload: unknown) => invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey] });

/** 26 SUP tickets synced into the store: 1-13 met (2 h), 14-26 breached (12 h); even ones in the Finance organization. */
async function seedStore(backend: 'kvs' | 'sql') {
  await freshInstallation(backend, app, runtime, ['SUP'], T0);
  expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
  for (let n = 1; n <= 26; n++) {
    const created = T0 + n * 60_000;
    const built = jiraIssueOf({ key: `SUP-${n}`, created, status: 'Open', fields: { project: 'SUP', priority: 'High' }, events: [{ at: created + (n <= 13 ? 2 : 12) * HOUR, field: 'status', to: 'Resolved' }] }, String(10000 + n));
    forge.jira.add({ ...built, fields: { ...built.fields, [ORGANIZATIONS]: [n % 2 === 0 ? { id: '1', name: 'Finance' } : { id: '2', name: 'HR team' }] } });
  }
  runtime.now = () => T0 + 20 * HOUR;
  await syncEverything(app);
}

afterAll(() => forgeSql.drop());

/** The last report request sent to the real resolver: a click waits for it, since the store answers in its own time. */
let answering: Promise<unknown> = Promise.resolve();
const click = async (handler: () => unknown) => {
  await fire(handler);
  await answering;
  return settle();
};

/** The ticket keys of the report's table, top to bottom. */
const listedKeys = () => findAll(findAll(lastDoc(), 'DynamicTable').at(-1)!, 'Row').map((row) => textOf(findAll(row, 'Cell')[0]));

// The gadget over the real resolver, on both stores: an installation still on KVS, and one on Forge SQL (MariaDB here).
describe.each(['kvs', 'sql'] as const)('the ticket-level report over results in %s', (backend) => {
  beforeEach(async () => {
    await seedStore(backend);
    resetUi({ locale: 'en_US', extension: { gadgetConfiguration: { policyId: 'resolve', projects: 'SUP' } } }, { getCompliance: ANSWER, getCycleList: (payload: unknown) => (answering = call('getCycleList', payload)) });
  });

  it('P5: pages the stored cycles newest first, filters by state and organization, and exports them as CSV', async () => {
    await render(<ComplianceGadget />);
    await fire(field('cycles-fromMonth').props.onChange, { target: { value: '2025-03' } });
    await click(button('Show').props.onClick);
    expect(textOf(lastDoc())).toContain('Page 1 of 2 · 26 cycles');
    expect(listedKeys().slice(0, 2)).toEqual(['SUP-26', 'SUP-25']);
    await click(button('Next').props.onClick);
    expect(textOf(lastDoc())).toContain('Page 2 of 2 · 26 cycles');
    expect(listedKeys()).toEqual(['SUP-1']);
    const select = findAll(lastDoc(), 'Select').find((s) => String(s.props.inputId).endsWith('cycles-state'))!;
    await fire(select.props.onChange, { label: 'Breached', value: 'breached' });
    await fire(field('cycles-organization').props.onChange, { target: { value: 'Finance' } });
    await click(button('Show').props.onClick);
    expect(textOf(lastDoc())).toContain('Page 1 of 1 · 7 cycles');
    expect(listedKeys()).toEqual(['SUP-26', 'SUP-24', 'SUP-22', 'SUP-20', 'SUP-18', 'SUP-16', 'SUP-14']);
    await click(button('Export these cycles as CSV').props.onClick);
    const csv: string[][] = parse(findAll(lastDoc(), 'CodeBlock').at(-1)!.props.text);
    expect(csv.slice(1).map((row) => [row[0], row[6]])).toEqual(['SUP-26', 'SUP-24', 'SUP-22', 'SUP-20', 'SUP-18', 'SUP-16', 'SUP-14'].map((key) => [key, 'breached']));
  });
});

describe('the alert audit list on the admin page', () => {
  it('lists fired warnings and breach actions with what Jira refused, when the admin asks', async () => {
    const { AlertAuditPanel } = await import('../forge-app/src/frontend/admin-alert-audit-panel');
    const { messagesFor } = await import('../forge-app/src/i18n/messages');
    const entries = [
      { issueKey: 'SUP-2', policyId: 'resolve', start: T0, kind: 'breach', at: T0 + 4 * 3_600_000, firedAt: T0 + 4 * 3_600_000 + 300_000, actions: ['notify'], error: "Priority name 'Highest' is not valid" },
      { issueKey: 'SUP-1', policyId: 'resolve', start: T0, kind: 'warning', at: T0 + 2 * 3_600_000, firedAt: T0 + 2 * 3_600_000 + 300_000, actions: ['notify', 'comment'] },
    ];
    resetUi({ locale: 'en_US' }, { getAlertAudit: { entries } });
    await render(<AlertAuditPanel t={messagesFor('en_US')} locale="en_US" timeZone="UTC" />);
    expect(ui.invokes).toEqual([]);
    await fire(button('Show the audit list').props.onClick);
    const text = textOf(findAll(lastDoc(), 'DynamicTable')[0]);
    expect(text).toContain('SUP-2');
    expect(text).toContain("notify · Jira refused the next action: Priority name 'Highest' is not valid");
    expect(text).toContain('Warning line reached 03/03/2025, 11:00 AM');
    expect(text).toContain('notify, comment');
  });
});
