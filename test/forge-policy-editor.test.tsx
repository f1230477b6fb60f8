import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser, invokeResolver, VIEW_MODULE } from './helpers/forge-doubles';
import { findAll, fire, lastDoc, render, resetUi, settle, textOf } from './helpers/forge-ui';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());

const { resolverHandler } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');
const { AdminPage } = await import('../forge-app/src/frontend/admin-view');

const call = (functionKey: string, payload: unknown = {}) => invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey] });

/** A policy that pauses while a field waits on a vendor: a change of its pause statuses keeps that condition. */
const VENDOR_POLICY = { id: 'vendor', name: 'Vendor', pause: { statuses: [], while: [{ field: 'waitingOn', in: ['vendor'] }] }, stop: { statuses: ['Resolved'] }, goals: [{ target: '8h', calendar: 'office' }] };
const CONFIG = {
  schemaVersion: 2,
  calendars: { office: 'Mo-Fr 08:00-17:00 | tz=UTC' },
  policies: [VENDOR_POLICY],
  scorecards: [],
  fields: { requestType: 'customfield_10010', team: null, extra: { waitingOn: 'customfield_10060' } },
  sync: { scopeJql: 'project = SUP', readJsmSla: false, readFeedback: false, reportTimeZone: 'UTC' },
};

const button = (text: string) => findAll(lastDoc(), 'Button').find((b) => textOf(b) === text)!;
const select = (id: string) => findAll(lastDoc(), 'Select').find((s) => String(s.props.inputId).endsWith(`-${id}`))!;
const field = (id: string) => findAll(lastDoc(), 'Textfield').find((f) => String(f.props.id).endsWith(`-${id}`))!;
const saved = async () => ((await call('getConfig')) as { input: { policies: Array<Record<string, any>> } }).input.policies;

beforeEach(async () => {
  forge.reset();
  forge.jira.admins.add(forgeUser.accountId);
  forge.jira.browsable = new Set(['SUP']);
  forge.jira.catalogue.projects = [{ id: '10001', key: 'SUP', name: 'Support', statuses: { Task: ['Open', 'Waiting for customer', 'Resolved'] } }];
  runtime.sleep = async () => {};
  runtime.now = () => Date.parse('2025-03-03T00:00:00Z');
  expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
  const keys = ['getConfig', 'saveConfig', 'adminPicker', 'previewCalendar', 'tryPolicy', 'checkConfig', 'checkJql', 'getAlertAudit', 'retryFailedNow', 'startRecompute'];
  resetUi({ locale: 'en_US', timezone: 'UTC' }, Object.fromEntries(keys.map((key) => [key, (payload: unknown) => call(key, payload)])));
  await render(<AdminPage />);
});

describe('policy editor with conditions', () => {
  it('adds JSM\'s templates, keeps the pause while a field holds values when the pause statuses change, and tests a goal\'s JQL', async () => {
    await fire(button('Add "Time to first response" (JSM template)').props.onClick);
    await fire(button('Add "Time to resolution" (JSM template)').props.onClick);
    // Editing the vendor policy's pause statuses keeps its pause while a field holds a value.
    await fire(select('policy-0-pause').props.onChange, [{ label: 'Waiting for customer', value: 'Waiting for customer' }]);
    forge.jira.invalidJql.set('labelz', { errorMessages: ["Field 'labelz' does not exist."], warningMessages: [] });
    await fire(field('policy-1-goal-0-jql').props.onChange, { target: { value: 'labelz = vip' } });
    await fire(findAll(lastDoc(), 'Button').filter((b) => textOf(b) === 'Test JQL')[3].props.onClick);
    expect(textOf(lastDoc())).toContain("Field 'labelz' does not exist.");
    await fire(field('policy-1-goal-0-jql').props.onChange, { target: { value: '' } });
    await fire(button('Save').props.onClick);
    await settle();
    const policies = await saved();
    expect(policies.map((p) => p.id)).toEqual(['vendor', 'time-to-first-response-2', 'time-to-resolution-3']);
    expect(policies[0].pause).toEqual({ statuses: ['Waiting for customer'], while: [{ field: 'waitingOn', in: ['vendor'] }] });
    expect(policies[1].stop.events).toEqual([{ on: 'comment', public: true, byCustomer: false }, { on: 'statusEntered', statuses: ['Waiting for customer'] }]);
    expect(policies[1].goals[0].jql).toBeUndefined();
    expect(policies[2].pause).toEqual({ statuses: ['Waiting for customer'] });
  });
});
