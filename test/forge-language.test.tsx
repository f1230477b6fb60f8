/**
 * The app language in Jira: Jira has no Vietnamese profile language, so the app keeps its own (a user's choice, else
 * the site default, else the Jira locale). The resolvers run against the KVS double; the views render through the
 * UI bridge double with a Jira locale of en_US, as every Vietnamese user's Jira has.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser, invokeResolver } from './helpers/forge-doubles';
import { findAll, fire, lastDoc, render, resetUi, textOf, ui } from './helpers/forge-ui';
import { parseCalendarText } from '../core';
import { type CoreMessage, errorInLanguage, FORGE_PHRASE_BOOK, inLanguage } from '../core/i18n';
import { errorText } from '../core/i18n/error-catalogue';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());
// The phrase rules and the error rendering, watched: a view must not run them over what a resolver already worded.
vi.mock('../core/i18n', async (importOriginal) => {
  const original = await importOriginal<typeof import('../core/i18n')>();
  return { ...original, inLanguage: vi.fn(original.inLanguage), errorInLanguage: vi.fn(original.errorInLanguage) };
});

const { resolverHandler } = await import('../src/index');
const { MODULES } = await import('../forge-app/src/resolvers/access');
const { ComplianceGadget } = await import('../forge-app/src/frontend/compliance-view');
const { ComplianceGadgetEdit } = await import('../forge-app/src/frontend/compliance-edit-view');
const { ScorecardGadget } = await import('../forge-app/src/frontend/scorecard-view');
const { ScorecardGadgetEdit } = await import('../forge-app/src/frontend/scorecard-edit-view');
const { CustomerReportGadget } = await import('../forge-app/src/frontend/customer-report-view');
const { CustomerReportEdit } = await import('../forge-app/src/frontend/customer-report-edit-view');
const { MarketStatementEdit } = await import('../forge-app/src/frontend/market-statement-edit-view');
const { IssuePanel } = await import('../forge-app/src/frontend/issue-panel-view');
const { AdminPage } = await import('../forge-app/src/frontend/admin-view');
const { InpsPortalQuestion } = await import('../forge-app/src/frontend/inps-portal-view');
const { checkConfig } = await import('../forge-app/src/config/schema');
const { keys } = await import('../forge-app/src/storage/keys');
const { setValue } = await import('../forge-app/src/storage/store');

const ADMIN = forgeUser.accountId;
const AGENT = '712020:5a7c3e1f-0b7e-4d2a-9d7e-3f1c2b4a5d6e';
const PORTAL_REQUEST = { request: { key: 'SUP-1', typeId: '7' }, portal: { id: '1' } };

const call = (functionKey: string, payload: unknown, moduleKey: string, accountId: string | null = ADMIN, extension?: Record<string, unknown>) =>
  invokeResolver(resolverHandler, functionKey, payload, { moduleKey, accountId, ...(extension ? { extension } : {}) });

beforeEach(() => {
  forge.reset();
  forge.jira.admins.add(ADMIN);
});

describe('VI1: the app language is stored per site and per account, the Jira locale only decides when neither is set', () => {
  it('VI1: with nothing chosen the Jira locale decides; the site default then overrides it, and a user choice overrides both', async () => {
    expect(await call('getAppLanguage', { locale: 'en_US' }, MODULES.complianceGadget, AGENT)).toEqual({ user: null, site: null, language: 'en' });
    expect(await call('getAppLanguage', { locale: 'vi_VN' }, MODULES.complianceGadget, AGENT)).toMatchObject({ language: 'vi' });
    expect(await call('setSiteLanguage', { language: 'vi' }, MODULES.adminPage)).toEqual({ user: null, site: 'vi', language: 'vi' });
    expect(await call('getAppLanguage', { locale: 'en_US' }, MODULES.issuePanel, AGENT)).toEqual({ user: null, site: 'vi', language: 'vi' });
    expect(await call('setUserLanguage', { language: 'en', locale: 'en_US' }, MODULES.scorecardGadget, AGENT)).toEqual({ user: 'en', site: 'vi', language: 'en' });
    expect(await call('getAppLanguage', { locale: 'en_US' }, MODULES.adminPage, AGENT)).toMatchObject({ language: 'en' });
    // Another user keeps the site default; clearing the choice hands the decision back to it.
    expect(await call('getAppLanguage', { locale: 'en_US' }, MODULES.adminPage, ADMIN)).toMatchObject({ user: null, language: 'vi' });
    expect(await call('setUserLanguage', { language: null, locale: 'en_US' }, MODULES.scorecardGadget, AGENT)).toEqual({ user: null, site: 'vi', language: 'vi' });
  });

  it('VI1: a choice is stored under the account the platform names, in a key KVS accepts; a payload cannot name another account', async () => {
    await call('setUserLanguage', { language: 'vi', accountId: ADMIN }, MODULES.complianceGadget, AGENT);
    const stored = [...forge.kvs.data.keys()].filter((key) => key.startsWith('app-language:'));
    expect(stored).toEqual([`app-language:user:#712020_003a5a7c3e1f-0b7e-4d2a-9d7e-3f1c2b4a5d6e`]);
    expect(await call('getAppLanguage', {}, MODULES.complianceGadget, ADMIN)).toMatchObject({ user: null, language: 'en' });
    expect(await call('setUserLanguage', { language: 'vi' }, MODULES.complianceGadget, null)).toMatchObject({ error: 'FORBIDDEN' });
  });

  it('VI1: only a Jira administrator sets the site default, from the admin page; a language the app has no catalogue of is refused', async () => {
    expect(await call('setSiteLanguage', { language: 'vi' }, MODULES.adminPage, AGENT)).toMatchObject({ error: 'FORBIDDEN' });
    expect(await call('setSiteLanguage', { language: 'vi' }, MODULES.complianceGadget, ADMIN)).toMatchObject({ error: 'FORBIDDEN' });
    expect(await call('setUserLanguage', { language: 'fr' }, MODULES.complianceGadget, AGENT)).toMatchObject({ error: 'INVALID_PAYLOAD', field: 'language' });
    expect([...forge.kvs.data.keys()].filter((key) => key.startsWith('app-language:'))).toEqual([]);
  });

  it('VI1: portal customers get the site default: they cannot choose, and a choice stored under their account is not read', async () => {
    await call('setSiteLanguage', { language: 'vi' }, MODULES.adminPage);
    await call('setUserLanguage', { language: 'en' }, MODULES.issuePanel, 'requester-1');
    expect(await call('getAppLanguage', { locale: 'en_US' }, MODULES.portal, 'requester-1', PORTAL_REQUEST)).toEqual({ user: null, site: 'vi', language: 'vi' });
    expect(await call('setUserLanguage', { language: 'en' }, MODULES.portal, 'requester-1', PORTAL_REQUEST)).toMatchObject({ error: 'FORBIDDEN' });
  });

  it('VI1: a refusal\'s message comes back in the caller\'s app language through the core\'s phrase catalogue, its code and field unchanged', async () => {
    const notAdmin = () => call('setSiteLanguage', { language: 'vi' }, MODULES.adminPage, AGENT);
    expect(await notAdmin()).toEqual({ error: 'FORBIDDEN', message: 'only Jira administrators can change the SLA configuration' });
    await call('setSiteLanguage', { language: 'vi' }, MODULES.adminPage);
    expect(await notAdmin()).toEqual({ error: 'FORBIDDEN', message: 'chỉ quản trị viên Jira mới thay đổi được cấu hình SLA' });
    // A call from another module is refused before any read, so in English: no view makes it.
    expect(await call('setSiteLanguage', { language: 'vi' }, MODULES.complianceGadget, AGENT)).toEqual({ error: 'FORBIDDEN', message: `setSiteLanguage is not available from the module ${MODULES.complianceGadget}` });
    expect(await call('setUserLanguage', { language: 'fr' }, MODULES.complianceGadget, AGENT)).toEqual({ error: 'INVALID_PAYLOAD', field: 'language', message: 'language: giá trị không hợp lệ: cần một trong "en"|"vi"' });
    // A user's choice of English wins over the site default; someone not signed in gets the site's.
    await call('setUserLanguage', { language: 'en' }, MODULES.complianceGadget, AGENT);
    expect(await notAdmin()).toEqual({ error: 'FORBIDDEN', message: 'only Jira administrators can change the SLA configuration' });
    expect(await call('setUserLanguage', { language: 'vi' }, MODULES.issuePanel, null)).toEqual({ error: 'FORBIDDEN', message: 'chỉ người dùng đã đăng nhập mới chọn được ngôn ngữ' });
  });
});

const gadget = (config: Record<string, unknown> | undefined) => ({ locale: 'en_US', timezone: 'Asia/Ho_Chi_Minh', extension: { gadgetConfiguration: config } });
const COMPLIANCE = {
  projects: ['SUP'], period: 'week', truncated: false, issueLimit: 5000,
  total: { met: 19, breached: 1, ongoingBreached: 0, ongoing: 3, compliance: 0.95 },
  groups: [{ key: 'High', met: 9, breached: 1, ongoingBreached: 0, compliance: 0.9 }],
  trend: [{ period: '2025-W09', compliance: 0.9 }, { period: '2025-W10', compliance: 1 }],
  atRisk: [{ key: 'SUP-8', state: 'ongoing', due: Date.parse('2025-03-10T11:00:00Z'), remainingMinutes: 125, assignee: null, project: 'SUP', risk: 'soon' }],
};
const KPI = { unit: '%', pillar: 'speed', method: 'ratio', direction: 'higher', target: 95, weight: 1, owner: 'Lan', source: null, contribution: 1 };
const SCORECARD = {
  month: '2025-06', period: 'quarter', periodKey: '2025-Q2', projects: ['SUP'], id: 'bo', name: 'Khối hỗ trợ', missing: 'ignore', overall: 0.955, signals: [], reviews: [],
  tree: {
    id: 'bo', name: 'Khối hỗ trợ', kind: 'scorecard', level: 'department', owner: null, method: 'weighted', weights: 'relative', weight: 1, score: 0.955, greyed: false, contribution: null,
    pillars: { speed: 0.955, accuracy: null, satisfaction: null }, payout: 9_550_000, alerts: [], children: [],
    kpis: [{ ...KPI, id: 'sla', name: 'Tỷ lệ tuân thủ SLA', actual: 90.725, score: 0.955, achievement: 0.955, status: 'AMBER' }],
  },
  trend: [{ period: '2025-Q1', score: 0.9 }, { period: '2025-Q2', score: 0.955 }],
  notes: [],
};
const CUSTOMERS = {
  policyId: 'resolve', policyName: 'Giải quyết', projects: ['SUP'], months: ['2025-04', '2025-06'], target: { level: 0.95, amberFrom: 0.85 },
  rows: [{ organization: 'Tài chính', met: 19, breached: 1, compliance: 0.95, rag: 'GREEN', medianTatHours: 7.5, resolved: 20, inps: 40, answers: 10 }],
};
const CLOCKS = { computedAt: 0, clocks: [{ policyId: 'resolve', policyName: 'Giải quyết', goalLabel: '8h', state: 'ongoing', remainingMinutes: 125, due: 0, paused: false, cycles: 2, pausedMinutes: 0 }] };
const CONFIG = {
  input: { schemaVersion: 3, calendars: { office: 'Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh' }, policies: [], scorecards: [], fields: { requestType: 'customfield_10010', team: null, extra: {} }, sync: { scopeJql: 'project = SUP' } },
  errors: [], sync: { cursor: 0, lastRunAt: null, more: false, lastRun: null },
};
const EDITORS = { adminPicker: { options: [], truncated: false }, previewCalendar: { ok: true, preview: { timeZone: 'Asia/Ho_Chi_Minh', windows: [], holidays: [], makeUpDays: [], year: 2025 } } };
const CHOICES = { policies: [{ id: 'resolve', name: 'Giải quyết' }], jsmMetrics: [], scorecards: [{ id: 'bo', name: 'Khối hỗ trợ' }] };

/** Each view, what it is given, and words of its Vietnamese and English catalogues it must and must not show. */
const VIEWS = [
  { name: 'compliance gadget', view: <ComplianceGadget />, context: gadget({ policyId: 'resolve', projects: 'SUP', period: 'week' }), resolvers: { getCompliance: COMPLIANCE }, vi: ['Tỷ lệ tuân thủ SLA', 'Yêu cầu đang mở đã vi phạm hoặc sắp đến hạn', '18:00 10/03/2025', 'Sắp đến hạn'], en: ['SLA compliance', 'Due soon'] },
  { name: 'compliance gadget edit', view: <ComplianceGadgetEdit />, context: gadget({}), resolvers: { getChoices: CHOICES }, vi: ['Đo theo', 'Nhóm theo', 'Lưu', 'Ngôn ngữ ứng dụng của tôi'], en: ['Group by', 'Save'] },
  { name: 'scorecard gadget', view: <ScorecardGadget />, context: gadget({ scorecardId: 'bo', projects: 'SUP', period: 'quarter' }), resolvers: { getScorecard: SCORECARD }, vi: ['Quý II/2025', 'Tổng thể 95,5%', 'Chỉ tiêu', '90,73 %', 'Cần theo dõi', '9.550.000'], en: ['Overall', 'Target', 'AMBER'] },
  { name: 'scorecard gadget edit', view: <ScorecardGadgetEdit />, context: gadget({}), resolvers: { getChoices: CHOICES }, vi: ['Lưu', 'Ngôn ngữ ứng dụng của tôi'], en: ['Save'] },
  { name: 'customer report', view: <CustomerReportGadget />, context: gadget({ policyId: 'resolve', projects: 'SUP', months: '3' }), resolvers: { getCustomerReport: CUSTOMERS }, vi: ['Báo cáo dịch vụ theo khách hàng nội bộ', '95%', '7,5'], en: ['Internal customer', 'Median turnaround'] },
  { name: 'customer report edit', view: <CustomerReportEdit />, context: gadget({}), resolvers: { getChoices: CHOICES }, vi: ['Lưu', 'Ngôn ngữ ứng dụng của tôi'], en: ['Save'] },
  { name: 'issue panel', view: <IssuePanel />, context: { locale: 'en_US', extension: { issue: { key: 'SUP-1' } } }, resolvers: { getIssueClocks: CLOCKS }, vi: ['Đang chạy', 'còn 2 giờ 05 phút', '2 chu kỳ'], en: ['Running', 'left', 'cycles'] },
  { name: 'admin page', view: <AdminPage />, context: { locale: 'en_US', timezone: 'Asia/Ho_Chi_Minh' }, resolvers: { ...EDITORS, getConfig: CONFIG }, vi: ['Lịch làm việc', 'Chính sách SLA', 'Ngôn ngữ ứng dụng của trang này'], en: ['Business calendars', 'SLA policies'] },
  { name: 'portal survey', view: <InpsPortalQuestion />, context: { locale: 'en_US', extension: PORTAL_REQUEST }, resolvers: { getInpsQuestion: { state: 'open' } }, vi: ['Trên thang điểm từ 0 đến 10', '0 = hoàn toàn không', 'Gửi'], en: ['How likely', 'Send'] },
  { name: 'statement gadget edit', view: <MarketStatementEdit />, context: gadget({}), resolvers: { getChoices: CHOICES }, vi: ['Lưu', 'Dự án', 'Ngôn ngữ ứng dụng của tôi'], en: ['Save'] },
];

describe('VI1: every view renders Vietnamese when the app language is vi and the Jira locale is en-US', () => {
  for (const { name, view, context, resolvers, vi: shown, en: absent } of VIEWS) {
    it(`VI1: ${name} with the site default vi`, async () => {
      resetUi(context, resolvers, { site: 'vi' });
      const text = textOf(await render(view));
      expect(ui.languageInvokes[0]).toEqual({ functionKey: 'getAppLanguage', payload: { locale: 'en-US' } });
      for (const words of shown) expect(text, name).toContain(words);
      for (const words of absent) expect(text, name).not.toContain(words);
    });
  }

  it('VI1: charts say periods, states and pillars in Vietnamese: Tuần 10/2025, Quý II/2025, Vi phạm, Mức độ hài lòng', async () => {
    resetUi(VIEWS[0].context, VIEWS[0].resolvers, { site: 'vi' });
    let doc = await render(<ComplianceGadget />);
    expect(findAll(doc, 'LineChart')[0].props.data.map((p: { period: string }) => p.period)).toEqual(['Tuần 9/2025', 'Tuần 10/2025']);
    expect(findAll(doc, 'DonutChart')[0].props.data.map((p: { label: string }) => p.label)).toEqual(['Đạt', 'Vi phạm']);
    resetUi(VIEWS[2].context, VIEWS[2].resolvers, { site: 'vi' });
    doc = await render(<ScorecardGadget />);
    expect(findAll(doc, 'BarChart')[0].props.data.map((p: { pillar: string }) => p.pillar)).toEqual(['Tốc độ', 'Chính xác', 'Mức độ hài lòng']);
    expect(findAll(doc, 'LineChart')[0].props.data.map((p: { period: string }) => p.period)).toEqual(['Quý I/2025', 'Quý II/2025']);
  });

  it('VI1: refusals are said in the app language by their code: Jira down, a bad payload, no access', async () => {
    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ error: 'JIRA_ERROR', message: "Jira did not answer as expected; try again later (the details are in the app's logs)." }, 'Jira không trả lời như mong đợi; hãy thử lại sau (chi tiết có trong nhật ký của ứng dụng).'],
      [{ error: 'INVALID_PAYLOAD', field: 'projects', message: 'projects: at most 50 different projects' }, 'Dữ liệu gửi lên không hợp lệ ở trường projects (hãy tải lại trang rồi thử lại).'],
      [{ error: 'FORBIDDEN', message: 'getCompliance is not available from the module x' }, 'Bạn không có quyền xem nội dung này.'],
    ];
    for (const [answer, text] of refusals) {
      resetUi(VIEWS[0].context, { getCompliance: answer }, { site: 'vi' });
      expect(findAll(await render(<ComplianceGadget />), 'SectionMessage').map(textOf)).toEqual([text]);
    }
  });

  it('VI1: the admin page in Vietnamese: last sync and holiday dates dd/mm/yyyy, holiday names by Vietnamese law, the core\'s errors in Vietnamese', async () => {
    const preview = { ok: true, preview: { timeZone: 'Asia/Ho_Chi_Minh', windows: [], holidays: [{ date: '2025-09-02', name: 'National Day', country: 'VN' }, { date: '2025-12-24', name: '', country: null }], makeUpDays: [{ date: '2025-04-26', country: 'VN' }], year: 2025 } };
    // The resolver answers a check's problems in the caller's app language (saved through it in the tests below).
    const rejected = { ok: false, errors: [{ path: 'calendars.office', message: 'calendar: lịch không có giờ làm việc vào ngày nào' }] };
    const synced = { ...CONFIG, sync: { ...CONFIG.sync, lastRunAt: Date.parse('2025-03-03T11:00:00Z'), lastRun: { issues: 12_345 } } };
    resetUi({ locale: 'en_US', timezone: 'Asia/Ho_Chi_Minh' }, { ...EDITORS, previewCalendar: preview, getConfig: synced, saveConfig: rejected }, { site: 'vi' });
    const doc = await render(<AdminPage />);
    expect(textOf(doc)).toContain('Đồng bộ gần nhất 18:00 03/03/2025: 12.345 yêu cầu.');
    expect(findAll(doc, 'DynamicTable').flatMap((t) => findAll(t, 'Cell').map(textOf))).toEqual(expect.arrayContaining(['02/09/2025', 'Quốc khánh (VN)', '24/12/2025', 'Ngày nghỉ thêm']));
    expect(textOf(doc)).toContain('Ngày làm bù: 26/04/2025 (VN)');
    await fire(findAll(doc, 'Button').find((b) => textOf(b) === 'Lưu')!.props.onClick);
    expect(findAll(lastDoc(), 'ErrorMessage').map(textOf)).toContain('calendar: lịch không có giờ làm việc vào ngày nào');
  });

  it('VI1: the portal survey and the admin page show what the resolvers answered in Vietnamese as sent, without running the phrase rules over it again', async () => {
    // Each answer as the resolver words it (resolvers/access.ts); the views' own wording is watched.
    const refused = 'comment: tối đa 2000 ký tự, nhưng có 2500';
    const problem = 'calendar: "Mo-Fr 08:00-08:00": khung giờ 08:00-08:00 trống (kết thúc ngay khi bắt đầu); nếu làm cả ngày, hãy ghi 00:00-24:00';
    const unreadable = 'calendar: "Xy 08:00-17:00": không có thứ "Xy" (cần một trong Mo, Tu, We, Th, Fr, Sa, Su)';
    const rewordedBy = (message: string) =>
      [...vi.mocked(inLanguage).mock.calls, ...vi.mocked(errorInLanguage).mock.calls].map(([text]) => (text instanceof Error ? text.message : text)).filter((text) => text === message);
    vi.mocked(inLanguage).mockClear();
    vi.mocked(errorInLanguage).mockClear();
    resetUi(VIEWS[8].context, { getInpsQuestion: { state: 'open' }, submitInps: { error: 'INVALID', field: 'comment', message: refused } }, { site: 'vi' });
    let doc = await render(<InpsPortalQuestion />);
    doc = await fire(findAll(doc, 'RadioGroup')[0].props.onChange, { target: { value: '9' } });
    doc = await fire(findAll(doc, 'Button')[0].props.onClick);
    expect(findAll(doc, 'ErrorMessage').map(textOf)).toEqual([refused]);
    const answers = { ...EDITORS, getConfig: CONFIG, previewCalendar: { ok: false, field: 'calendar', message: unreadable }, saveConfig: { ok: false, errors: [{ path: 'calendars.office', message: problem }] } };
    resetUi({ locale: 'en_US', timezone: 'Asia/Ho_Chi_Minh' }, answers, { site: 'vi' });
    doc = await render(<AdminPage />);
    await fire(findAll(doc, 'Button').find((b) => textOf(b) === 'Lưu')!.props.onClick);
    expect(findAll(lastDoc(), 'ErrorMessage').map(textOf)).toEqual(expect.arrayContaining([unreadable, problem]));
    expect([refused, problem, unreadable].flatMap(rewordedBy)).toEqual([]);
  });

  it('VI1: a user choice of English wins over the site default vi; with nothing chosen an en-US Jira stays English', async () => {
    resetUi(VIEWS[6].context, VIEWS[6].resolvers, { site: 'vi', user: 'en' });
    expect(textOf(await render(<IssuePanel />))).toContain('2h 05m left');
    resetUi(VIEWS[6].context, VIEWS[6].resolvers);
    expect(textOf(await render(<IssuePanel />))).toContain('Running');
  });

  it('VI1: picking Tiếng Việt in a gadget edit view saves the choice and redraws the view in Vietnamese', async () => {
    resetUi(gadget({}), { getChoices: CHOICES });
    const doc = await render(<ComplianceGadgetEdit />);
    expect(textOf(doc)).toContain('My app language');
    const picker = findAll(doc, 'Select').find((s) => String(s.props.inputId).endsWith('app-language-user'))!;
    expect(picker.props.options.map((o: { label: string }) => o.label)).toEqual(['As the site default', 'English', 'Tiếng Việt']);
    await fire(picker.props.onChange, { label: 'Tiếng Việt', value: 'vi' });
    expect(ui.languageInvokes.at(-1)).toEqual({ functionKey: 'setUserLanguage', payload: { language: 'vi', locale: 'en-US' } });
    expect(textOf(lastDoc())).toContain('Ngôn ngữ ứng dụng của tôi');
    expect(textOf(lastDoc())).not.toContain('Group by');
  });

  it('VI1: the admin page sets the site default, and says so when the save is refused', async () => {
    resetUi({ locale: 'en_US' }, { ...EDITORS, getConfig: CONFIG });
    const doc = await render(<AdminPage />);
    const site = findAll(doc, 'Select').find((s) => String(s.props.inputId).endsWith('app-language-site'))!;
    expect(site.props.options[0].label).toBe('As each user’s Jira language');
    await fire(site.props.onChange, { label: 'Tiếng Việt', value: 'vi' });
    expect(ui.language).toEqual({ user: null, site: 'vi' });
    expect(textOf(lastDoc())).toContain('Lịch làm việc');
    ui.resolvers.setUserLanguage = { error: 'FORBIDDEN', message: 'only a signed-in user can choose a language' };
    const mine = findAll(lastDoc(), 'Select').find((s) => String(s.props.inputId).endsWith('app-language-user'))!;
    await fire(mine.props.onChange, { label: 'English', value: 'en' });
    expect(findAll(lastDoc(), 'ErrorMessage').map(textOf)).toContain('Không lưu được ngôn ngữ.');
  });
});

/**
 * A configuration whose calendars and sources the core refuses: a calendar text naming an unknown day, one naming an
 * unknown holiday country, a goal naming a calendar that does not exist and a scorecard source naming an unknown policy.
 */
const BROKEN = {
  schemaVersion: 3,
  calendars: { office: 'Mo-Fr 08:00-17:00', weekend: 'Xy 08:00-17:00', holidays: 'Mo-Fr 08:00-17:00 | holidays=XX' },
  policies: [{ id: 'resolve', name: 'Resolve', stop: { statuses: ['Done'] }, goals: [{ target: '8h', calendar: 'nowhere' }] }],
  scorecards: [{ tree: { root: { id: 'bo', name: 'Back office', kind: 'scorecard', kpis: [{ id: 'sla', name: 'SLA met', perspective: 'customer', pillar: 'speed', direction: 'higher', unit: '%', target: 0.95, frequency: 'monthly', indicator: 'lagging' }] } }, sources: { sla: 'sla:gone' } }],
  fields: { requestType: 'customfield_10010', team: null, extra: {} },
  sync: { scopeJql: 'project = SUP' },
};
const BROKEN_PATHS = ['calendars.weekend', 'calendars.holidays', 'policies.0.goals.0.calendar', 'scorecards.0.sources.sla'];

/** The configuration check's problems as the core said them, by code, rendered by the error catalogue. */
function catalogueWords(language: 'en' | 'vi') {
  const check = checkConfig(BROKEN);
  if (check.ok) throw new Error('BROKEN passed the configuration check');
  return check.errors.map((problem) => ({ path: problem.path, message: errorText(problem.said!, language) }));
}

describe('VI1: the configuration check\'s core errors are answered by their codes in the app language, not by translating their English', () => {
  it('VI1: saving a broken calendar, a goal on an unknown calendar and an unknown scorecard source answers Vietnamese from the error catalogue for vi, English for en', async () => {
    const english = catalogueWords('en');
    const vietnamese = catalogueWords('vi');
    expect(english.map((problem) => problem.path)).toEqual(BROKEN_PATHS);
    // The phrase catalogue no longer knows these messages: their Vietnamese can only come from their codes.
    for (const { message } of english) expect(inLanguage(message, 'vi', FORGE_PHRASE_BOOK)).toBe(message);
    await call('setSiteLanguage', { language: 'vi' }, MODULES.adminPage);
    expect(await call('saveConfig', { config: BROKEN }, MODULES.adminPage)).toEqual({ ok: false, errors: vietnamese });
    expect(await call('checkConfig', { config: BROKEN }, MODULES.adminPage)).toEqual({ ok: false, errors: vietnamese });
    expect(vietnamese.map((problem) => problem.message)).toEqual([
      'calendar: "Xy 08:00-17:00": không có thứ "Xy" (cần một trong Mo, Tu, We, Th, Fr, Sa, Su)',
      expect.stringMatching(/^holidays: không có quốc gia hoặc vùng "XX" \(cần mã ISO 3166 như VN hoặc DE-BY; bảng ngày lễ có .*VN và các vùng của chúng, các năm \d{4}-\d{4}\)$/),
      'chính sách resolve: goals.0.calendar: không có lịch nào tên "nowhere" (các lịch đã có: office)',
      'actualsFromFacts: sources.sla "sla:gone": báo cáo không có chính sách SLA "gone" (các chính sách: resolve)',
    ]);
    // A schema issue has no code: the report zone's is worded by the app's page of the phrase catalogue, as before.
    expect(await call('saveConfig', { config: { ...BROKEN, sync: { scopeJql: 'project = SUP', reportTimeZone: 'Mars/Olympus' } } }, MODULES.adminPage)).toEqual({
      ok: false,
      errors: [{ path: 'sync.reportTimeZone', message: 'cần một múi giờ IANA như Asia/Ho_Chi_Minh hoặc Europe/Brussels' }],
    });
    await call('setUserLanguage', { language: 'en' }, MODULES.adminPage);
    expect(await call('saveConfig', { config: BROKEN }, MODULES.adminPage)).toEqual({ ok: false, errors: english });
    expect(english[2].message).toBe('policy resolve: goals.0.calendar: no calendar named "nowhere" (known: office)');
  });

  it('VI1: saving a calendar whose window ends when it starts answers the calendar schema\'s issue in Vietnamese for vi, English for en', async () => {
    const empty = { ...CONFIG.input, calendars: { office: 'Mo-Fr 08:00-17:00', night: 'Mo-Fr 08:00-08:00', midnight: '00:00-00:00' } };
    await call('setSiteLanguage', { language: 'vi' }, MODULES.adminPage);
    expect(await call('saveConfig', { config: empty }, MODULES.adminPage)).toEqual({
      ok: false,
      errors: [
        { path: 'calendars.night', message: 'calendar: "Mo-Fr 08:00-08:00": khung giờ 08:00-08:00 trống (kết thúc ngay khi bắt đầu); nếu làm cả ngày, hãy ghi 00:00-24:00' },
        { path: 'calendars.midnight', message: 'calendar: "00:00-00:00": khung giờ 00:00-00:00 trống (kết thúc ngay khi bắt đầu); nếu làm cả ngày, hãy ghi 00:00-24:00' },
      ],
    });
    await call('setUserLanguage', { language: 'en' }, MODULES.adminPage);
    expect(await call('saveConfig', { config: empty }, MODULES.adminPage)).toMatchObject({
      ok: false,
      errors: [{ path: 'calendars.night', message: 'calendar: "Mo-Fr 08:00-08:00": the window 08:00-08:00 is empty (it ends when it starts); for a whole day write 00:00-24:00' }, { path: 'calendars.midnight' }],
    });
  });

  it('VI1: saving a service catalogue answers its problem in the app language at its field', async () => {
    const config = { ...CONFIG.input, policies: [{ id: 'resolve', name: 'Resolve', stop: { statuses: ['Done'] }, goals: [{ target: '8h', calendar: 'office' }] }] };
    expect(await call('saveConfig', { config }, MODULES.adminPage)).toEqual({ ok: true });
    const unnamed = { currency: 'VND', customer: 'organization', services: [{ id: 'po', name: '', provider: 'Purchasing', policy: 'resolve', when: [{ field: 'requestType', in: ['Purchase request'] }], price: { perRequest: 1 } }] };
    expect(await call('saveCatalogue', { catalogue: unnamed }, MODULES.adminPage)).toEqual({ ok: false, problem: { field: 'services.0.name', message: 'services.0 (po): name: give the service a name' } });
    await call('setSiteLanguage', { language: 'vi' }, MODULES.adminPage);
    expect(await call('saveCatalogue', { catalogue: unnamed }, MODULES.adminPage)).toEqual({ ok: false, problem: { field: 'services.0.name', message: 'services.0 (po): name: hãy đặt tên cho dịch vụ' } });
  });

  it('VI1: a catalogue naming an unknown policy is answered by its code, a service without its JQL by the app\'s phrase, in Vietnamese when saved and when a stored one is refused', async () => {
    const config = { ...CONFIG.input, policies: [{ id: 'resolve', name: 'Resolve', stop: { statuses: ['Done'] }, goals: [{ target: '8h', calendar: 'office' }] }] };
    expect(await call('saveConfig', { config }, MODULES.adminPage)).toEqual({ ok: true });
    const service = { id: 'po', name: 'PO', provider: 'Purchasing', policy: 'resolve', when: [{ field: 'requestType', in: ['Purchase request'] }], price: { perRequest: 1 } };
    const unknownPolicy = { currency: 'VND', customer: 'organization', services: [{ ...service, policy: 'nope' }] };
    const blankJql = { currency: 'VND', customer: 'organization', services: [{ ...service, when: undefined, jql: ' ' }] };
    const english = { field: 'services.0.policy', message: 'services.0 (po): policy: no SLA policy "nope" (policies: resolve)' };
    expect(await call('saveCatalogue', { catalogue: unknownPolicy }, MODULES.adminPage)).toEqual({ ok: false, problem: english });
    // No phrase rule knows the core's sentence: the Vietnamese below can only come from its code.
    expect(inLanguage(english.message, 'vi', FORGE_PHRASE_BOOK)).toBe(english.message);
    await call('setSiteLanguage', { language: 'vi' }, MODULES.adminPage);
    const vietnamese = 'services.0 (po): policy: không có chính sách SLA nào tên "nope" (các chính sách: resolve)';
    expect(await call('saveCatalogue', { catalogue: unknownPolicy }, MODULES.adminPage)).toEqual({ ok: false, problem: { field: 'services.0.policy', message: vietnamese } });
    expect(await call('saveCatalogue', { catalogue: blankJql }, MODULES.adminPage)).toEqual({
      ok: false,
      problem: { field: 'services.0.jql', message: 'services.0: jql: cần câu JQL tìm các yêu cầu của dịch vụ, ví dụ "issuetype = Purchase"' },
    });
    await setValue(keys.marketCatalogue, unknownPolicy);
    expect(await call('getMarketStatement', { projects: ['PR'], month: '2025-03' }, MODULES.marketGadget)).toEqual({ error: 'INVALID_CATALOGUE', message: vietnamese });
  });

  it('VI1: the admin page shows the stored and the saved configuration\'s core errors in Vietnamese, at the calendars, the goal and the scorecard editor\'s source', async () => {
    await call('setSiteLanguage', { language: 'vi' }, MODULES.adminPage);
    await setValue(keys.config, BROKEN);
    const viaResolver = (functionKey: string) => (payload: unknown) => call(functionKey, payload ?? {}, MODULES.adminPage);
    resetUi({ locale: 'en_US', timezone: 'Asia/Ho_Chi_Minh' }, { ...EDITORS, getConfig: viaResolver('getConfig'), saveConfig: viaResolver('saveConfig') }, { site: 'vi' });
    const vietnamese = catalogueWords('vi').map((problem) => problem.message);
    const shown = () => findAll(lastDoc(), 'ErrorMessage').map(textOf);
    const doc = await render(<AdminPage />);
    for (const message of vietnamese) expect(shown().some((text) => text.endsWith(message)), message).toBe(true);
    await fire(findAll(doc, 'Button').find((b) => textOf(b) === 'Lưu')!.props.onClick);
    expect(ui.invokes.map((i) => i.functionKey)).toContain('saveConfig');
    for (const message of vietnamese) expect(shown().some((text) => text.endsWith(message)), message).toBe(true);
    // The scorecard editor's line at the source's field.
    expect(shown()).toContain('actualsFromFacts: sources.sla "sla:gone": báo cáo không có chính sách SLA "gone" (các chính sách: resolve)');
    expect(shown().join('\n')).not.toMatch(/unknown day|no calendar named|no SLA policy|unknown country/);
  });

  it('VI1: the calendar editor says what the core\'s parser throws as the admin types by its code, in Vietnamese', async () => {
    resetUi({ locale: 'en_US', timezone: 'Asia/Ho_Chi_Minh' }, { ...EDITORS, getConfig: CONFIG }, { site: 'vi' });
    const doc = await render(<AdminPage />);
    const monday = findAll(doc, 'Textfield').find((field) => String(field.props.id).endsWith('calendar-0-Mo'))!;
    await fire(monday.props.onChange, { target: { value: '8-17' } });
    const english = (() => {
      try {
        parseCalendarText('Mo 8-17', 'UTC');
      } catch (error) {
        return error as Error & { said: CoreMessage };
      }
      throw new Error('"Mo 8-17" parsed');
    })();
    expect(inLanguage(english.message, 'vi', FORGE_PHRASE_BOOK)).toBe(english.message);
    expect(findAll(lastDoc(), 'ErrorMessage').map(textOf)).toContain(errorText(english.said, 'vi'));
    expect(errorText(english.said, 'vi')).toContain('cần giờ dạng HH:MM-HH:MM, nhưng nhận "8-17"');
  });
});
