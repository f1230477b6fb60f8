import { beforeEach, describe, expect, it } from 'vitest';
import { findAll, fire, lastDoc, render, resetUi, textOf, ui } from './helpers/forge-ui';

const { ComplianceGadget } = await import('../forge-app/src/frontend/compliance-view');

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
