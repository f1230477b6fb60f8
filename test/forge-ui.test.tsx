import { beforeEach, describe, expect, it } from 'vitest';
import { findAll, fire, lastDoc, render, resetUi, textOf, ui } from './helpers/forge-ui';

const { ComplianceGadget } = await import('../forge-app/src/frontend/compliance-view');
const { ComplianceGadgetEdit } = await import('../forge-app/src/frontend/compliance-edit-view');
const { ScorecardGadgetEdit } = await import('../forge-app/src/frontend/scorecard-edit-view');
const { ScorecardGadget } = await import('../forge-app/src/frontend/scorecard-view');
const { IssuePanel } = await import('../forge-app/src/frontend/issue-panel-view');
const { AdminPage } = await import('../forge-app/src/frontend/admin-view');

const gadget = (config: Record<string, unknown> | undefined, locale = 'en_US') => ({ locale, extension: { gadgetConfiguration: config } });
const COMPLIANCE_CONFIG = { policyId: 'resolve', projects: 'sup, hr', groupBy: 'priority', weeks: '8' };

const ANSWER = {
  projects: ['SUP'],
  period: 'week',
  truncated: false,
  issueLimit: 5000,
  total: { met: 19, breached: 1, ongoingBreached: 0, ongoing: 3, compliance: 0.95 },
  groups: [{ key: 'High', met: 9, breached: 1, ongoingBreached: 0, compliance: 0.9 }],
  trend: [{ period: '2025-W09', compliance: 0.9 }, { period: '2025-W10', compliance: 1 }],
  atRisk: [
    { key: 'SUP-7', id: '10007', state: 'ongoing', due: Date.parse('2025-03-10T09:00:00Z'), remainingMinutes: -30, assignee: 'acc-1', assigneeName: 'Nguyễn Thị Lan', project: 'SUP', risk: 'breached' },
    { key: 'SUP-8', state: 'ongoing', due: Date.parse('2025-03-10T11:00:00Z'), remainingMinutes: 90, assignee: null, project: 'SUP', risk: 'soon' },
  ],
};

beforeEach(() => resetUi(undefined));

describe('SLA compliance gadget', () => {
  it('asks to be configured when it has no configuration yet', async () => {
    resetUi(gadget(undefined));
    const doc = await render(<ComplianceGadget />);
    expect(findAll(doc, 'SectionMessage').map(textOf)).toEqual(['Edit this gadget to choose an SLA and projects.']);
    expect(ui.invokes).toEqual([]);
  });

  it('shows the compliance, the met/breached donut, the weekly trend and the tickets at risk', async () => {
    resetUi(gadget(COMPLIANCE_CONFIG), { getCompliance: ANSWER });
    const doc = await render(<ComplianceGadget />);
    expect(ui.invokes).toEqual([{ functionKey: 'getCompliance', payload: { policyId: 'resolve', scope: 'projects', projects: ['SUP', 'HR'], groupBy: 'priority', period: 'week', periods: 8 } }]);
    expect(textOf(findAll(doc, 'Heading')[0])).toBe('95%');
    expect(findAll(doc, 'Lozenge').map((l) => [l.props.appearance, textOf(l)])).toEqual([
      ['success', 'SLA compliance'],
      ['moved', '90%'],
      ['removed', 'Breached'],
      ['moved', 'Due soon'],
    ]);
    expect(findAll(doc, 'DonutChart')[0].props.data).toEqual([{ label: 'Met', value: 19 }, { label: 'Breached', value: 1 }]);
    expect(findAll(doc, 'LineChart')[0].props).toMatchObject({ title: 'Weekly trend', data: [{ period: '2025-W09', compliance: 90 }, { period: '2025-W10', compliance: 100 }], xAccessor: 'period', yAccessor: 'compliance' });
    expect(findAll(doc, 'SectionMessage')).toEqual([]);
    expect(textOf(doc)).toContain('Met: 19 · Breached: 1 · Open, past due: 0');
    expect(textOf(doc)).toContain('SUP-7');
    // Due times in the viewer's zone and locale (no zone in the context: UTC); display names, not account ids.
    expect(textOf(doc)).toContain('03/10/2025, 09:00 AM');
    expect(textOf(doc)).toContain('Nguyễn Thị Lan');
    expect(textOf(doc)).not.toContain('acc-1');
  });

  it('says so when nothing was measured, in Vietnamese for a Vietnamese user', async () => {
    resetUi(gadget(COMPLIANCE_CONFIG, 'vi_VN'), { getCompliance: { ...ANSWER, total: { met: 0, breached: 0, ongoingBreached: 0, ongoing: 2, compliance: null }, groups: [], trend: [], atRisk: [] } });
    const doc = await render(<ComplianceGadget />);
    expect(textOf(findAll(doc, 'Heading')[0])).toBe('—');
    expect(findAll(doc, 'EmptyState')[0].props.header).toBe('Chưa có chu kỳ SLA nào được đo trong kỳ này.');
    expect(findAll(doc, 'DonutChart')).toEqual([]);
    expect(textOf(doc)).toContain('Không có yêu cầu nào đã vi phạm hoặc sắp đến hạn.');
  });

  it('says what a refused query or a Jira failure is, and "no access" in the user\'s language for a refusal', async () => {
    const jiraDown = { error: 'JIRA_ERROR', message: "Jira did not answer as expected; try again later (the details are in the app's logs)." };
    resetUi(gadget(COMPLIANCE_CONFIG), { getCompliance: jiraDown });
    expect(textOf(findAll(await render(<ComplianceGadget />), 'SectionMessage')[0])).toBe(jiraDown.message);
    resetUi(gadget(COMPLIANCE_CONFIG), { getCompliance: { error: 'INVALID_PAYLOAD', field: 'projects', message: 'projects: at most 50 different projects' } });
    expect(textOf(findAll(await render(<ComplianceGadget />), 'SectionMessage')[0])).toBe('projects: at most 50 different projects');
    resetUi(gadget(COMPLIANCE_CONFIG, 'vi_VN'), { getCompliance: { error: 'FORBIDDEN', message: 'getCompliance is not available from the module x' } });
    expect(textOf(findAll(await render(<ComplianceGadget />), 'SectionMessage')[0])).toBe('Bạn không có quyền xem nội dung này.');
  });

  it('exports names that a spreadsheet would run as formulas as text', async () => {
    const hostile = {
      ...ANSWER,
      groups: [{ key: '=HYPERLINK("https://evil.example","x")', met: 1, breached: 0, ongoingBreached: 0, compliance: 1 }],
      atRisk: [{ ...ANSWER.atRisk[0], assigneeName: '@SUM(1+1)' }],
    };
    resetUi(gadget(COMPLIANCE_CONFIG), { getCompliance: hostile });
    const doc = await fire(findAll(await render(<ComplianceGadget />), 'Button').find((b) => textOf(b) === 'Export CSV')!.props.onClick);
    const csv = findAll(doc, 'CodeBlock')[0].props.text as string;
    expect(csv).toContain('\r\ngroup,"\'=HYPERLINK(""https://evil.example"",""x"")",1,0,0,1,,,\r\n');
    expect(csv).toContain(',breached,"\'@SUM(1+1)"\r\n');
  });

  it('shows the error when the resolver fails', async () => {
    resetUi(gadget(COMPLIANCE_CONFIG), { getCompliance: new Error('Jira answered 503 to POST /rest/api/3/permissions/project: unavailable') });
    const doc = await render(<ComplianceGadget />);
    const message = findAll(doc, 'SectionMessage')[0];
    expect(message.props).toMatchObject({ appearance: 'error', title: 'Could not load the data' });
    expect(textOf(message)).toContain('Jira answered 503');
  });

  it('the edit views tell a user who may browse no project that they have no access, in both languages', async () => {
    for (const [locale, text] of [['en_US', 'You do not have access to this.'], ['vi_VN', 'Bạn không có quyền xem nội dung này.']]) {
      resetUi(gadget({}, locale), { getChoices: { error: 'FORBIDDEN', message: 'you may not browse any Jira project' } });
      expect(findAll(await render(<ComplianceGadgetEdit />), 'SectionMessage').map(textOf)).toEqual([text]);
      expect(findAll(await render(<ScorecardGadgetEdit />), 'SectionMessage').map(textOf)).toEqual([text]);
    }
  });

  it('the edit view submits the chosen configuration', async () => {
    resetUi(gadget({}), { getChoices: { policies: [{ id: 'resolve', name: 'Resolve in 8h' }], jsmMetrics: [], scorecards: [] } });
    const doc = await render(<ComplianceGadgetEdit />);
    const [source, policy] = findAll(doc, 'Select');
    expect(source.props.options).toEqual([{ label: 'Our SLA policy', value: 'policy' }, { label: 'JSM SLA', value: 'jsm' }]);
    expect(policy.props.options).toEqual([{ label: 'Resolve in 8h', value: 'resolve' }]);
    await fire(policy.props.onChange, { label: 'Resolve in 8h', value: 'resolve' });
    await fire(findAll(lastDoc(), 'Textfield')[0].props.onChange, { target: { value: 'SUP' } });
    await fire(findAll(lastDoc(), 'Form')[0].props.onSubmit);
    expect(ui.submits).toEqual([{ policyId: 'resolve', projects: 'SUP' }]);
  });

  it('the edit view offers a JSM SLA metric by name, a JQL scope and the period picker', async () => {
    resetUi(gadget({}, 'vi_VN'), { getChoices: { policies: [], jsmMetrics: ['Time to first response', 'Time to resolution'], scorecards: [] } });
    await render(<ComplianceGadgetEdit />);
    const select = (id: string) => findAll(lastDoc(), 'Select').find((s) => s.props.inputId.endsWith(`-${id}`))!;
    expect(findAll(lastDoc(), 'Label').map(textOf)).toContain('Số kỳ gần nhất');
    await fire(select('source').props.onChange, { value: 'jsm' });
    expect(select('policyId')).toBeUndefined();
    expect(select('jsmMetric').props.options).toEqual([{ label: 'Time to first response', value: 'Time to first response' }, { label: 'Time to resolution', value: 'Time to resolution' }]);
    await fire(select('jsmMetric').props.onChange, { value: 'Time to resolution' });
    expect(findAll(lastDoc(), 'TextArea')).toEqual([]);
    expect(select('scope').props.options.map((o: { label: string }) => o.label)).toEqual(['Dự án', 'JQL']);
    await fire(select('scope').props.onChange, { value: 'jql' });
    await fire(findAll(lastDoc(), 'TextArea')[0].props.onChange, { target: { value: 'project = SUP AND priority = High' } });
    expect(select('period').props.options.map((o: { value: string }) => o.value)).toEqual(['week', 'month', 'quarter']);
    await fire(select('period').props.onChange, { value: 'month' });
    await fire(findAll(lastDoc(), 'Textfield').find((f) => f.props.id.endsWith('-periods'))!.props.onChange, { target: { value: '6' } });
    await fire(findAll(lastDoc(), 'Form')[0].props.onSubmit);
    expect(ui.submits).toEqual([{ source: 'jsm', jsmMetric: 'Time to resolution', scope: 'jql', jql: 'project = SUP AND priority = High', period: 'month', periods: '6' }]);
  });

  it('the edit view takes a typed JSM SLA name when the sync has seen none yet', async () => {
    resetUi(gadget({ source: 'jsm' }), { getChoices: { policies: [], scorecards: [] } });
    const doc = await render(<ComplianceGadgetEdit />);
    expect(findAll(doc, 'Select').find((s) => s.props.inputId.endsWith('-jsmMetric'))).toBeUndefined();
    const field = findAll(doc, 'Textfield').find((f) => f.props.id.endsWith('-jsmMetric'))!;
    expect(field).toBeDefined();
    await fire(field.props.onChange, { target: { value: 'Time to resolution' } });
    await fire(findAll(lastDoc(), 'Form')[0].props.onSubmit);
    expect(ui.submits).toEqual([{ source: 'jsm', jsmMetric: 'Time to resolution' }]);
  });

  it('asks a JSM SLA scoped by JQL for the chosen period, and shows a monthly trend and the 5,000-issue note', async () => {
    const config = { source: 'jsm', jsmMetric: 'Time to resolution', scope: 'jql', jql: 'project = SUP', period: 'month', periods: '6' };
    resetUi(gadget(config), { getCompliance: { ...ANSWER, period: 'month', truncated: true, trend: [{ period: '2025-02', compliance: 0.5 }, { period: '2025-03', compliance: 1 }] } });
    const doc = await render(<ComplianceGadget />);
    expect(ui.invokes).toEqual([{ functionKey: 'getCompliance', payload: { policyId: 'jsm:Time to resolution', scope: 'jql', jql: 'project = SUP', groupBy: null, period: 'month', periods: 6 } }]);
    expect(findAll(doc, 'LineChart')[0].props).toMatchObject({ title: 'Monthly trend', data: [{ period: '2025-02', compliance: 50 }, { period: '2025-03', compliance: 100 }] });
    expect(textOf(findAll(doc, 'SectionMessage')[0])).toBe('Showing the first 5,000 issues only; narrow the JQL to count them all.');
  });

  it("shows Jira's message when the JQL is invalid, and waits for a JQL before asking", async () => {
    const config = { policyId: 'resolve', scope: 'jql', jql: 'project = = SUP' };
    resetUi(gadget(config), { getCompliance: { error: 'INVALID_JQL', message: "Error in the JQL Query: The character '=' is a reserved JQL character." } });
    const doc = await render(<ComplianceGadget />);
    const message = findAll(doc, 'SectionMessage')[0];
    expect(message.props).toMatchObject({ appearance: 'error', title: 'Jira rejected the JQL' });
    expect(textOf(message)).toBe("Error in the JQL Query: The character '=' is a reserved JQL character.");
    resetUi(gadget({ ...config, jql: ' ' }), { getCompliance: ANSWER });
    expect(findAll(await render(<ComplianceGadget />), 'SectionMessage').map(textOf)).toEqual(['Edit this gadget to choose an SLA and projects.']);
    expect(ui.invokes).toEqual([]);
  });

  it('an older configuration with weeks shown still asks for that many weeks', async () => {
    resetUi(gadget({ policyId: 'resolve', projects: 'SUP', weeks: '4' }), { getCompliance: ANSWER });
    await render(<ComplianceGadget />);
    expect(ui.invokes[0].payload).toEqual({ policyId: 'resolve', scope: 'projects', projects: ['SUP'], groupBy: null, period: 'week', periods: 4 });
  });

  it('an old weeks: 6 gadget shows the same as period: week, periods: 6 (asks the same, draws the same)', async () => {
    const shown = async (config: Record<string, unknown>) => {
      resetUi(gadget({ policyId: 'resolve', projects: 'SUP', ...config }), { getCompliance: ANSWER });
      const doc = await render(<ComplianceGadget />);
      return { payloads: ui.invokes.map((i) => i.payload), text: textOf(doc), tags: findAll(doc, 'LineChart').length + findAll(doc, 'DynamicTable').length };
    };
    const old = await shown({ weeks: '6' });
    expect(old.payloads).toEqual([{ policyId: 'resolve', scope: 'projects', projects: ['SUP'], groupBy: null, period: 'week', periods: 6 }]);
    expect(old).toEqual(await shown({ period: 'week', periods: '6' }));
  });

  it('the edit view of an old weeks gadget shows its periods and saves them without weeks', async () => {
    resetUi(gadget({ policyId: 'resolve', projects: 'SUP', weeks: '6' }), { getChoices: { policies: [{ id: 'resolve', name: 'Resolve in 8h' }], jsmMetrics: [], scorecards: [] } });
    const doc = await render(<ComplianceGadgetEdit />);
    expect(findAll(doc, 'Textfield').find((f) => f.props.id.endsWith('-periods'))!.props.value).toBe('6');
    await fire(findAll(lastDoc(), 'Form')[0].props.onSubmit);
    expect(ui.submits).toEqual([{ policyId: 'resolve', projects: 'SUP', period: 'week', periods: '6' }]);
  });
});

describe('scorecard gadget', () => {
  it('says how to write the month when the saved one is not YYYY-MM, in English and Vietnamese', async () => {
    for (const [locale, text] of [['en_US', 'Month: write it as YYYY-MM, e.g. 2025-04 (edit the gadget).'], ['vi_VN', 'Tháng: hãy viết theo dạng YYYY-MM, ví dụ 2025-04 (sửa tiện ích).']]) {
      resetUi(gadget({ scorecardId: 'backoffice', projects: 'SUP', month: '2025-4', sources: 'sla=sla:resolve' }, locale), { getScorecard: { error: 'INVALID_MONTH', message: 'month must be YYYY-MM, got "2025-4"' } });
      const doc = await render(<ScorecardGadget />);
      expect(findAll(doc, 'SectionMessage').map(textOf)).toEqual([text]);
    }
  });

});

describe('at-risk list in the viewer\'s zone and locale', () => {
  it('shows due times in the viewer\'s time zone and Vietnamese date format, and a placeholder for a name not synced yet', async () => {
    const atRisk = [{ ...ANSWER.atRisk[0], assigneeName: undefined }, ANSWER.atRisk[1]];
    resetUi({ ...gadget(COMPLIANCE_CONFIG, 'vi_VN'), timezone: 'Asia/Ho_Chi_Minh' }, { getCompliance: { ...ANSWER, atRisk } });
    const doc = await render(<ComplianceGadget />);
    const cells = findAll(findAll(doc, 'DynamicTable').at(-1)!, 'Cell').map(textOf);
    expect(cells).toEqual(['Yêu cầu', 'Hạn xử lý', 'Trạng thái', 'Người xử lý', 'SUP-7', '16:00 10/03/2025', 'Vi phạm', 'Một người dùng (chưa đồng bộ tên)', 'SUP-8', '18:00 10/03/2025', 'Sắp đến hạn', '—']);
  });
});

describe('issue panel', () => {
  it('shows each clock with its state, time left or overdue, and cycles', async () => {
    resetUi({ locale: 'en_US', extension: { issue: { key: 'SUP-2' } } }, {
      getIssueClocks: { computedAt: 0, clocks: [
        { policyId: 'resolve', policyName: 'Resolve in 8h', goalLabel: '8h', state: 'breached', remainingMinutes: -75, due: 0, paused: false, cycles: 2, pausedMinutes: 0 },
        { policyId: 'jsm:Time to first response', policyName: 'Time to first response', goalLabel: 'Time to first response', state: 'paused', remainingMinutes: 30, due: null, paused: true, cycles: 1, pausedMinutes: 10 },
      ] },
    });
    const doc = await render(<IssuePanel />);
    expect(findAll(doc, 'Lozenge').map((l) => [l.props.appearance, textOf(l)])).toEqual([['removed', 'Breached'], ['moved', 'Paused']]);
    expect(findAll(doc, 'Inline').map(textOf)).toEqual(['Resolve in 8h (8h)Breached1h 15m overdue2 cycles', 'Time to first responsePaused30m left1 cycle']);
  });

  it('says when the ticket has not been synced, in Vietnamese', async () => {
    resetUi({ locale: 'vi_VN', extension: { issue: { key: 'SUP-9' } } }, { getIssueClocks: { error: 'NOT_SYNCED' } });
    const doc = await render(<IssuePanel />);
    expect(textOf(findAll(doc, 'SectionMessage')[0])).toBe('Yêu cầu này chưa được đồng bộ.');
  });
});

describe('admin page', () => {
  const stored = {
    input: { schemaVersion: 2, calendars: { office: 'Mo-Fr 08:00-17:00 | tz=UTC' }, policies: [], scorecards: [], fields: { requestType: 'customfield_10010', team: null, extra: {} }, sync: { scopeJql: 'project = SUP' } },
    errors: [],
    sync: { cursor: 0, lastRunAt: null, more: false, lastRun: null },
  };
  /** What the page's editors ask for (pickers, calendar preview); test/forge-adoption.test.tsx runs them for real. */
  const editors = {
    adminPicker: { options: [], truncated: false },
    previewCalendar: { ok: true, preview: { timeZone: 'UTC', windows: [], holidays: [], makeUpDays: [], year: 2025 } },
  };
  const button = (text: string) => findAll(lastDoc(), 'Button').find((b) => textOf(b) === text)!;
  const field = (id: string) => [...findAll(lastDoc(), 'Textfield'), ...findAll(lastDoc(), 'TextArea')].find((f) => f.props.id.endsWith(`-${id}`))!;

  it('shows each field error next to its field after a rejected save', async () => {
    resetUi({ locale: 'en_US' }, {
      ...editors,
      getConfig: stored,
      saveConfig: { ok: false, errors: [{ path: 'calendars.office', message: 'calendar: bad' }, { path: 'sync.scopeJql', message: 'leave out ORDER BY: the sync orders by updated itself' }] },
    });
    await render(<AdminPage />);
    expect(field('scopeJql').props.value).toBe('project = SUP');
    expect(field('calendar-0-name').props.value).toBe('office');
    expect(field('calendar-0-text').props.value).toBe('Mo-Fr 08:00-17:00 | tz=UTC');
    await fire(button('Save').props.onClick);
    const after = lastDoc();
    expect(ui.invokes.map((i) => i.functionKey).filter((key) => !(key in editors))).toEqual(['getConfig', 'getCatalogue', 'saveConfig']);
    expect(findAll(after, 'ErrorMessage').map(textOf)).toEqual(['leave out ORDER BY: the sync orders by updated itself', 'calendar: bad']);
    expect(textOf(findAll(after, 'SectionMessage')[0])).toBe('Fix the fields marked below.');
  });

  it('tells a non-administrator they have no access', async () => {
    resetUi({ locale: 'en_US' }, { getConfig: { error: 'FORBIDDEN', message: 'only Jira administrators can change the SLA configuration' } });
    const doc = await render(<AdminPage />);
    expect(textOf(findAll(doc, 'SectionMessage')[0])).toBe('You do not have access to this.');
  });

  it('shows sync health (last run in the viewer\'s zone, lag, tickets processed, failing tickets) and retries them on request, in Vietnamese', async () => {
    const health = {
      now: Date.parse('2025-03-03T12:00:00Z'),
      lastRunAt: Date.parse('2025-03-03T11:00:00Z'),
      lagMs: 90 * 60_000,
      more: false,
      processed: 12_345,
      failedAttempts: 7,
      lastEventAt: Date.parse('2025-03-03T11:01:00Z'),
      failing: [{ key: 'SUP-77', step: 'jsm-sla', error: 'Jira answered 503 Service Unavailable 6 times', attempts: 4, firstFailedAt: 0, lastFailedAt: 0, nextAttemptAt: 0 }],
      retrying: 2,
    };
    resetUi({ locale: 'vi_VN', timezone: 'Asia/Ho_Chi_Minh' }, { ...editors, getConfig: { ...stored, health }, retryFailedNow: { queued: 3, rateLimited: false } });
    const doc = await render(<AdminPage />);
    const text = textOf(doc);
    expect(text).toContain('Tình trạng đồng bộ');
    expect(text).toContain('Lần chạy gần nhất: 18:00 03/03/2025');
    expect(text).toContain('Chậm hơn Jira 1 giờ 30 phút');
    expect(text).toContain('Số yêu cầu đã xử lý: 12.345 (số lần lỗi: 7)');
    expect(text).toContain('2 yêu cầu lỗi một hai lần');
    const table = findAll(doc, 'DynamicTable')[0];
    expect(table.props.caption).toBe('Các yêu cầu liên tục bị lỗi');
    expect(findAll(table, 'Cell').map(textOf)).toEqual(['Yêu cầu', 'Bước', 'Lỗi gần nhất', 'Số lần thử', 'SUP-77', 'đọc SLA của JSM', 'Jira answered 503 Service Unavailable 6 times', '4']);
    expect(findAll(table, 'Link').map((l) => [l.props.href, textOf(l)])).toEqual([['/browse/SUP-77', 'SUP-77']]);
    const retry = findAll(doc, 'Button').find((b) => textOf(b) === 'Thử lại ngay')!;
    await fire(retry.props.onClick);
    expect(ui.invokes.map((i) => i.functionKey).filter((key) => !(key in editors))).toEqual(['getConfig', 'getCatalogue', 'retryFailedNow']);
    expect(textOf(lastDoc())).toContain('Đã đưa lại 3 yêu cầu vào hàng đợi.');
  });

  it('says when nothing is failing and offers no retry button', async () => {
    const health = { now: 0, lastRunAt: null, lagMs: null, more: false, processed: 0, failedAttempts: 0, lastEventAt: null, failing: [], retrying: 0 };
    resetUi({ locale: 'en_US' }, { ...editors, getConfig: { ...stored, health } });
    const doc = await render(<AdminPage />);
    expect(textOf(doc)).toContain('The sync has not run yet.');
    expect(textOf(doc)).toContain('No ticket is failing.');
    expect(findAll(doc, 'Button').map(textOf)).not.toContain('Retry now');
  });

  it('shows history recompute progress and starts one from the button, in Vietnamese', async () => {
    const generations = { active: 0, building: { gen: 1, reason: 'config', startedAt: Date.parse('2025-03-03T02:00:00Z'), token: 'x', done: 1_000, expected: 2_500, lastProgressAt: 0 }, lastCompleted: null, retired: [] };
    resetUi({ locale: 'vi_VN', timezone: 'Asia/Ho_Chi_Minh' }, { ...editors, getConfig: { ...stored, generations }, startRecompute: { ok: true, recompute: generations.building } });
    const doc = await render(<AdminPage />);
    expect(textOf(doc)).toContain('Đang tính lại các yêu cầu cũ theo cấu hình đã lưu: xong 1.000 trên khoảng 2.500 (bắt đầu 09:00 03/03/2025).');
    expect(findAll(doc, 'ProgressBar')[0].props.value).toBe(0.4);
    const button = findAll(doc, 'Button').find((b) => textOf(b) === 'Tính lại dữ liệu cũ')!;
    await fire(button.props.onClick);
    expect(ui.invokes.map((i) => i.functionKey).filter((key) => !(key in editors))).toEqual(['getConfig', 'getCatalogue', 'startRecompute']);
    expect(textOf(lastDoc())).toContain('Đã bắt đầu tính lại.');
  });

  it('says after a save that past tickets are being recomputed', async () => {
    const generations = { active: 2, building: null, lastCompleted: { gen: 2, completedAt: Date.parse('2025-03-03T02:00:00Z'), tickets: 1234 }, retired: [] };
    resetUi({ locale: 'en_US' }, { ...editors, getConfig: { ...stored, generations }, saveConfig: { ok: true, recompute: { gen: 3 } } });
    const doc = await render(<AdminPage />);
    expect(textOf(doc)).toContain('Last recompute finished 03/03/2025, 02:00 AM: 1,234 tickets.');
    await fire(button('Save').props.onClick);
    expect(textOf(findAll(lastDoc(), 'SectionMessage')[0])).toBe('Saved. Past tickets are being recomputed with the new settings; the gadgets show the previous figures until it finishes.');
  });
});
