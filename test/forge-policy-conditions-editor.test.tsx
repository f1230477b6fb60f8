/**
 * The policy editor's forms for JSM-like conditions, through the real admin resolvers: start and stop events, a pause
 * while a field holds values, and the warning line with its actions; each test renders, changes the forms and reads
 * the saved policy back.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { slaPolicyTemplate, SlaPolicySchema } from '../core';
import { forge, forgeMocks, forgeUser, invokeResolver, VIEW_MODULE } from './helpers/forge-doubles';
import { type ForgeDoc, findAll, fire, lastDoc, render, resetUi, settle, textOf } from './helpers/forge-ui';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());

const { resolverHandler } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');
const { AdminPage } = await import('../forge-app/src/frontend/admin-view');

const call = (functionKey: string, payload: unknown = {}) => invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey] });

const BLANK = { id: 'blank', name: 'Blank', stop: { statuses: ['Resolved'] }, goals: [{ target: '8h', calendar: 'office' }] };
const CONFIG = {
  schemaVersion: 2,
  calendars: { office: 'Mo-Fr 08:00-17:00 | tz=UTC' },
  policies: [BLANK],
  scorecards: [],
  fields: { requestType: 'customfield_10010', team: null, extra: { waitingOn: 'customfield_10060' } },
  sync: { scopeJql: 'project = SUP', readJsmSla: false, readFeedback: false, reportTimeZone: 'UTC' },
};

const button = (text: string, nth = 0) => findAll(lastDoc(), 'Button').filter((b) => textOf(b) === text)[nth];
const select = (id: string) => findAll(lastDoc(), 'Select').find((s) => String(s.props.inputId).endsWith(`-${id}`))!;
const field = (id: string) => findAll(lastDoc(), 'Textfield').find((f) => String(f.props.id).endsWith(`-${id}`))!;
const userPicker = (id: string) => findAll(lastDoc(), 'UserPicker').find((u) => u.props.name === id)!;
const choose = (id: string, value: string) => fire(select(id).props.onChange, { label: value, value });
const type = (id: string, value: string) => fire(field(id).props.onChange, { target: { value } });
const saved = async () => ((await call('getConfig')) as { input: { policies: Array<Record<string, any>> } }).input.policies;
const save = async () => {
  await fire(button('Save').props.onClick);
  await settle();
};

/** The innermost Stack holding the control with this id: a field's label, control and its errors. */
function blockOf(id: string, doc: ForgeDoc = lastDoc()): ForgeDoc | undefined {
  const holds = (node: ForgeDoc): boolean => String(node.props.inputId ?? node.props.id ?? '').endsWith(`-${id}`) || node.children.some(holds);
  if (!holds(doc)) return undefined;
  const inner = doc.children.map((child) => blockOf(id, child)).find(Boolean);
  return inner ?? (doc.type === 'Stack' ? doc : undefined);
}
const errorsAtField = (id: string) => findAll(blockOf(id)!, 'ErrorMessage').map(textOf);
/** The errors a list (of events, conditions or actions) shows under its title, outside its rows. */
const errorsOfList = (title: string) =>
  findAll(lastDoc(), 'Stack')
    .find((stack) => stack.children.some((child) => child.type === 'Text' && textOf(child) === title))!
    .children.filter((child) => child.type === 'ErrorMessage')
    .map(textOf);

beforeEach(async () => {
  forge.reset();
  forge.jira.admins.add(forgeUser.accountId);
  forge.jira.browsable = new Set(['SUP']);
  forge.jira.catalogue.projects = [{ id: '10001', key: 'SUP', name: 'Support', statuses: { Task: ['Open', 'In progress', 'Waiting for customer', 'Waiting for vendor', 'Resolved'] } }];
  runtime.sleep = async () => {};
  runtime.now = () => Date.parse('2025-03-03T00:00:00Z');
  expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
  const keys = ['getConfig', 'saveConfig', 'adminPicker', 'previewCalendar', 'tryPolicy', 'checkConfig', 'checkJql', 'getAlertAudit', 'retryFailedNow', 'startRecompute'];
  resetUi({ locale: 'en_US', timezone: 'UTC' }, Object.fromEntries(keys.map((key) => [key, (payload: unknown) => call(key, payload)])));
  await render(<AdminPage />);
});

describe('policy editor: start and stop events', () => {
  it('round trip: the first-response template goes through the editor unchanged, also after a reload', async () => {
    await fire(button('Add "Time to first response" (JSM template)').props.onClick);
    const template = { ...slaPolicyTemplate('timeToFirstResponse', { target: '4h', calendar: 'office' }), id: 'time-to-first-response-2' };
    // The forms show the template's stop events: a public comment by an agent, and entering "Waiting for customer".
    expect(select('policy-1-stopEvents-0-kind').props.value.value).toBe('comment');
    expect([select('policy-1-stopEvents-0-public').props.value.label, select('policy-1-stopEvents-0-author').props.value.label]).toEqual(['For customers (public)', 'An agent']);
    expect(select('policy-1-stopEvents-1-kind').props.value.value).toBe('statusEntered');
    expect(select('policy-1-stopEvents-1-statuses').props.value.map((o: { value: string }) => o.value)).toEqual(['Waiting for customer']);
    // Choosing "anyone" and back to "an agent" writes the same event the template wrote.
    await choose('policy-1-stopEvents-0-author', 'any');
    await choose('policy-1-stopEvents-0-author', 'no');
    await save();
    expect((await saved())[1]).toEqual(template);
    await render(<AdminPage />);
    await save();
    expect((await saved())[1]).toEqual(template);
    expect(SlaPolicySchema.parse((await saved())[1])).toEqual(SlaPolicySchema.parse(template));
  });

  it('starts on the assignee set from unassigned and stops on a public agent comment or a change of a field to given values', async () => {
    await choose('policy-0-start', 'events');
    await fire(button('Add a start event').props.onClick);
    await choose('policy-0-startEvents-0-kind', 'fieldSet');
    await choose('policy-0-startEvents-0-field', 'assignee');
    await fire(button('Add a stop event').props.onClick);
    await choose('policy-0-stopEvents-0-kind', 'comment');
    await choose('policy-0-stopEvents-0-public', 'yes');
    await choose('policy-0-stopEvents-0-author', 'no');
    await fire(button('Add a stop event').props.onClick);
    await choose('policy-0-stopEvents-1-kind', 'fieldChanged');
    await choose('policy-0-stopEvents-1-field', 'waitingOn');
    await type('policy-0-stopEvents-1-to', 'done,');
    // A trailing comma stays while typing; the list is what the text says.
    expect(field('policy-0-stopEvents-1-to').props.value).toBe('done,');
    await type('policy-0-stopEvents-1-to', 'done, cancelled');
    await save();
    const [policy] = await saved();
    expect(policy.start).toEqual({ on: 'events', events: [{ on: 'fieldSet', field: 'assignee' }] });
    expect(policy.stop).toEqual({
      statuses: ['Resolved'],
      events: [{ on: 'comment', public: true, byCustomer: false }, { on: 'fieldChanged', field: 'waitingOn', to: ['done', 'cancelled'] }],
    });
    await fire(button('Remove event', 2).props.onClick);
    await fire(button('Remove event', 1).props.onClick);
    await choose('policy-0-startEvents-0-kind', 'statusLeft');
    await fire(select('policy-0-startEvents-0-statuses').props.onChange, [{ label: 'Open', value: 'Open' }]);
    await save();
    const [changed] = await saved();
    expect(changed.start).toEqual({ on: 'events', events: [{ on: 'statusLeft', statuses: ['Open'] }] });
    expect(changed.stop).toEqual({ statuses: ['Resolved'] });
  });

  it('shows a start event\'s error at its statuses and keeps the draft when the save is refused', async () => {
    await choose('policy-0-start', 'events');
    await save();
    expect(errorsOfList('Start events (the first one while no cycle runs starts a cycle)')).toEqual(['list at least one start event']);
    await fire(button('Add a start event').props.onClick);
    await save();
    expect(errorsAtField('policy-0-startEvents-0-statuses')).toEqual(['list at least one status']);
    expect(errorsOfList('Start events (the first one while no cycle runs starts a cycle)')).toEqual([]);
    expect((await saved())[0].start).toBeUndefined();
  });
});

describe('policy editor: pause while a field holds values', () => {
  it('pauses while the vendor field holds either value, and leaves the condition out once removed', async () => {
    await fire(button('Add a field condition').props.onClick);
    await choose('policy-0-pauseWhile-0-field', 'waitingOn');
    await type('policy-0-pauseWhile-0-values', 'vendor, supplier');
    await fire(select('policy-0-pause').props.onChange, [{ label: 'Waiting for customer', value: 'Waiting for customer' }]);
    await save();
    expect((await saved())[0].pause).toEqual({ statuses: ['Waiting for customer'], while: [{ field: 'waitingOn', in: ['vendor', 'supplier'] }] });
    expect(select('policy-0-pauseWhile-0-field').props.value).toEqual({ label: 'waitingOn', value: 'waitingOn' });
    await fire(button('Remove condition').props.onClick);
    await save();
    expect((await saved())[0].pause).toEqual({ statuses: ['Waiting for customer'] });
  });

  it('shows a condition without values at its values field', async () => {
    await fire(button('Add a field condition').props.onClick);
    await choose('policy-0-pauseWhile-0-field', 'priority');
    await save();
    expect(errorsAtField('policy-0-pauseWhile-0-values')).toEqual(['list at least one value the field holds while the clock pauses']);
    expect((await saved())[0].pause).toBeUndefined();
  });
});

describe('policy editor: warning line and actions', () => {
  it('warns at 80 % of the goal, notifies at the warning, and raises the priority, reassigns and comments at the breach', async () => {
    await choose('policy-0-warnAt', 'share');
    await type('policy-0-warnShare', '80');
    await fire(button('Add an action at the warning').props.onClick);
    await fire(select('policy-0-onWarning-0-to').props.onChange, [{ label: 'Assignee', value: 'assignee' }, { label: 'Watchers', value: 'watchers' }]);
    await fire(button('Add an action at the breach').props.onClick);
    await choose('policy-0-onBreach-0-kind', 'setField');
    await fire(select('policy-0-onBreach-0-value').props.onChange, { label: 'Highest', value: 'Highest' });
    await fire(button('Add an action at the breach').props.onClick);
    await choose('policy-0-onBreach-1-kind', 'setField');
    await choose('policy-0-onBreach-1-field', 'assignee');
    await fire(userPicker('policy-0-onBreach-1-value').props.onChange, { id: 'lead-1', type: 'user', name: 'Team lead' });
    await fire(button('Add an action at the breach').props.onClick);
    await choose('policy-0-onBreach-2-kind', 'comment');
    await type('policy-0-onBreach-2-text', 'Breached: the team lead takes over.');
    await save();
    expect((await saved())[0].alerts).toEqual({
      warnAt: { share: 0.8 },
      onWarning: [{ do: 'notify', to: ['assignee', 'watchers'] }],
      onBreach: [{ do: 'setField', field: 'priority', value: 'Highest' }, { do: 'setField', field: 'assignee', value: 'lead-1' }, { do: 'comment', text: 'Breached: the team lead takes over.' }],
    });
    await choose('policy-0-warnAt', 'remaining');
    await type('policy-0-warnRemaining', '30m');
    await save();
    expect((await saved())[0].alerts.warnAt).toEqual({ remaining: '30m' });
  });

  it('shows an empty comment\'s error at its text, and leaves the alerts out once nothing is set', async () => {
    await fire(button('Add an action at the breach').props.onClick);
    await choose('policy-0-onBreach-0-kind', 'comment');
    await save();
    expect(errorsAtField('policy-0-onBreach-0-text')).toEqual(['give the comment text']);
    await fire(button('Remove action').props.onClick);
    await choose('policy-0-warnAt', 'share');
    await choose('policy-0-warnAt', 'none');
    await save();
    // Nothing the forms did not set is written: the policy is the one stored.
    expect((await saved())[0]).toEqual(BLANK);
  });
});

describe('policy editor in Vietnamese', () => {
  it('names the events, the field conditions and the actions in Vietnamese', async () => {
    resetUi({ locale: 'vi_VN', timezone: 'Asia/Ho_Chi_Minh' }, Object.fromEntries(['getConfig', 'saveConfig', 'adminPicker', 'previewCalendar', 'getAlertAudit'].map((key) => [key, (payload: unknown) => call(key, payload)])));
    await render(<AdminPage />);
    await choose('policy-0-start', 'events');
    await fire(button('Thêm sự kiện bắt đầu').props.onClick);
    await choose('policy-0-startEvents-0-kind', 'comment');
    await fire(button('Thêm hành động khi vi phạm').props.onClick);
    const text = textOf(lastDoc());
    for (const words of ['Sự kiện bắt đầu', 'Phạm vi hiển thị của bình luận', 'Tạm dừng thêm khi một trường mang một trong các giá trị này', 'Ngưỡng cảnh báo', 'Hành động khi vi phạm']) expect(text).toContain(words);
    expect(select('policy-0-startEvents-0-kind').props.value.label).toBe('Bình luận');
    expect(select('policy-0-onBreach-0-kind').props.value.label).toBe('Gửi thông báo qua thư điện tử');
    expect(select('policy-0-onBreach-0-to').props.value.map((o: { label: string }) => o.label)).toEqual(['Người xử lý']);
  });
});
