import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkHolidayCountry, compileCalendar, createSlaClock, formatCalendarText, HOLIDAY_COUNTRIES, holidayList, parseCalendarText, publicWorkedDays, type TicketHistory } from '../core';
import { forge, forgeMocks, forgeUser, type DoubleIssue, invokeResolver, VIEW_MODULE } from './helpers/forge-doubles';
import { jiraIssueOf, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';
import { type ForgeDoc, findAll, fire, lastDoc, render, resetUi, settle, textOf, ui } from './helpers/forge-ui';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());

const { CONFIG_SCHEMA_VERSION } = await import('../forge-app/src/config/migrate');
const { resolverHandler, syncTrigger, syncConsumer } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');
const { JiraClient } = await import('../forge-app/src/jira/client');
const { SLA_PROPERTY_KEY } = await import('../forge-app/src/sync/sla-property');
const { inpsAnswers, inpsOf } = await import('../forge-app/src/resolvers/inps');
const { SecurityLevelGate } = await import('../forge-app/src/resolvers/security-levels');
const { toCsv } = await import('../core');
const { AdminPage } = await import('../forge-app/src/frontend/admin-view');
const { ComplianceGadget } = await import('../forge-app/src/frontend/compliance-view');
const { CustomerReportGadget } = await import('../forge-app/src/frontend/customer-report-view');
const { InpsPortalQuestion } = await import('../forge-app/src/frontend/inps-portal-view');
const { ComplianceGadgetEdit } = await import('../forge-app/src/frontend/compliance-edit-view');
const { CustomerReportEdit } = await import('../forge-app/src/frontend/customer-report-edit-view');
const { ScorecardGadget } = await import('../forge-app/src/frontend/scorecard-view');
const { ScorecardGadgetEdit } = await import('../forge-app/src/frontend/scorecard-edit-view');
const { IssuePanel } = await import('../forge-app/src/frontend/issue-panel-view');
const { formatInstant, formatMinutes } = await import('../forge-app/src/i18n/messages');

const HOUR = 3_600_000;
const call = (functionKey: string, payload: unknown = {}, context: Record<string, unknown> = {}) =>
  invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey], ...context });

const OFFICE = 'Mo-Fr 08:00-12:00,13:00-17:00 | tz=Asia/Ho_Chi_Minh';

/** The page's invokes answered by the real resolvers, against the Jira, KVS and queue doubles. */
function renderAdmin(locale = 'en_US') {
  const keys = ['getConfig', 'saveConfig', 'adminPicker', 'previewCalendar', 'tryPolicy', 'checkConfig', 'retryFailedNow', 'startRecompute'];
  resetUi({ locale, timezone: 'Asia/Ho_Chi_Minh' }, Object.fromEntries(keys.map((key) => [key, (payload: unknown) => call(key, payload)])));
  return render(<AdminPage />);
}

// UI Kit prefixes ids with the app's own (`forge-app-…-scopeJql`).
const select = (id: string, doc: ForgeDoc = lastDoc()) => findAll(doc, 'Select').find((s) => s.props.inputId.endsWith(`-${id}`))!;
const field = (id: string, doc: ForgeDoc = lastDoc()) => [...findAll(doc, 'Textfield'), ...findAll(doc, 'TextArea')].find((f) => f.props.id.endsWith(`-${id}`))!;
const button = (text: string, doc: ForgeDoc = lastDoc()) => findAll(doc, 'Button').find((b) => textOf(b) === text)!;
const type = (id: string, value: string) => fire(field(id).props.onChange, { target: { value } });
const choose = (id: string, values: string[]) => fire(select(id).props.onChange, values.map((value) => ({ label: value, value })));
/** A DynamicTable's body as text, row by row (the reconciler turns rows into Row and Cell nodes). */
const tableRows = (caption: string) => findAll(findAll(lastDoc(), 'DynamicTable').find((t) => t.props.caption === caption)!, 'Row').map((row) => findAll(row, 'Cell').map(textOf));
const optionValues = (id: string) => (select(id).props.options as Array<{ value: string }>).map((o) => o.value);

const BASE_CONFIG = {
  schemaVersion: 2,
  calendars: { office: OFFICE },
  policies: [],
  scorecards: [],
  fields: { requestType: 'customfield_10010', team: null, extra: {} },
  sync: { scopeJql: 'project = SUP', readJsmSla: false, readFeedback: false, reportTimeZone: 'Asia/Ho_Chi_Minh' },
};

/** A site whose catalogue spans several pages of every picker. */
function setUpAdminSite() {
  forge.reset();
  forge.jira.admins.add(forgeUser.accountId);
  forge.jira.browsable = new Set(['SUP']);
  runtime.sleep = async () => {};
  runtime.now = () => Date.parse('2025-03-03T00:00:00Z');
  const catalogue = forge.jira.catalogue;
  catalogue.projects = [
    { id: '10001', key: 'SUP', name: 'Support', statuses: { 'Service request': ['Open', 'Waiting for support', 'Waiting for customer', 'Resolved', 'Closed'] } },
    { id: '10002', key: 'HR', name: 'Human resources', statuses: { Task: ['To Do', 'Done'] } },
    { id: '10003', key: 'FIN', name: 'Finance', statuses: { Task: ['To Do', 'Approved'] } },
    { id: '10004', key: 'IT', name: 'IT help', statuses: { Task: ['Open'] } },
    { id: '10005', key: 'LEG', name: 'Legal', statuses: { Task: ['Open'] } },
  ];
  catalogue.priorities = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
  catalogue.requestTypes = [
    { id: '1', name: 'Purchase request', serviceDeskId: '1' },
    { id: '2', name: 'New hire', serviceDeskId: '2' },
    { id: '3', name: 'Invoice question', serviceDeskId: '3' },
  ];
  catalogue.customFields = [
    { id: 'customfield_10010', name: 'Request Type' },
    { id: 'customfield_10020', name: 'Team' },
    { id: 'customfield_10050', name: 'Request date' },
  ];
  // Two items a page: each picker below spans several pages.
  catalogue.pageCaps = { projects: 2, priorities: 2, fields: 2, requestTypes: 2 };
}

describe('admin page without JSON', () => {
  beforeEach(setUpAdminSite);

  it('A1: pickers load projects, statuses, request types, priorities and fields from the site, page by page and searched by Jira, and save a policy', async () => {
    await call('saveConfig', { config: BASE_CONFIG });
    await renderAdmin();
    await fire(button('Add a policy').props.onClick);
    await settle();
    expect(select('scopeProjects').props.value).toEqual([{ label: 'Support (SUP)', value: 'SUP' }]);

    // Every page was read, each from where the previous one ended (Jira caps the page below what was asked).
    expect(optionValues('policy-0-projects')).toEqual(['FIN', 'HR', 'IT', 'LEG', 'SUP']);
    const requests = forge.jira.catalogue.requests;
    expect(requests.filter((r) => r.startsWith('/rest/api/3/project/search'))).toEqual([0, 2, 4].map((at) => `/rest/api/3/project/search?query=&startAt=${at}&maxResults=50&orderBy=key`));
    expect(optionValues('policy-0-requestTypes')).toEqual(['Purchase request', 'New hire', 'Invoice question']);
    expect(requests.filter((r) => r.startsWith('/rest/servicedeskapi/requesttype'))).toEqual([0, 2].map((at) => `/rest/servicedeskapi/requesttype?searchQuery=&start=${at}&limit=50`));
    expect(optionValues('policy-0-goal-0-priorities')).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    expect(requests.filter((r) => r.startsWith('/rest/api/3/priority/search'))).toHaveLength(3);
    expect(optionValues('requestTypeField')).toEqual(['customfield_10010', 'customfield_10020', 'customfield_10050']);
    // One load per picker kind and search: every status picker and both request type pickers share it.
    expect(requests.filter((r) => r.startsWith('/rest/servicedeskapi/requesttype'))).toHaveLength(2);
    // The calls were made as the admin, not as the app.
    expect(forge.jira.calls.filter((c) => c.includes('/project/search') || c.includes('/priority/search'))).toSatisfy((calls: string[]) => calls.every((c) => c.startsWith('user ')));

    // Typing searches on Jira's side: the term goes to the endpoint.
    await fire(select('policy-0-goal-0-priorities').props.onInputChange, 'high');
    expect(optionValues('policy-0-goal-0-priorities')).toEqual(['Highest', 'High']);
    expect(requests).toContain('/rest/api/3/priority/search?priorityName=high&startAt=0&maxResults=50');

    await type('policy-0-id', 'resolve');
    await type('policy-0-name', 'Resolve purchases');
    await choose('policy-0-projects', ['SUP']);
    await choose('policy-0-requestTypes', ['Purchase request']);
    // Statuses come from the chosen project's workflow.
    expect(optionValues('policy-0-stop')).toEqual(['Closed', 'Open', 'Resolved', 'Waiting for customer', 'Waiting for support']);
    expect(requests).toContain('/rest/api/3/project/SUP/statuses');
    await choose('policy-0-pause', ['Waiting for customer']);
    await choose('policy-0-stop', ['Resolved', 'Closed']);
    await choose('policy-0-goal-0-priorities', ['Highest', 'High']);
    await type('policy-0-goal-0-target', '4h');
    await fire(select('policy-0-goal-0-calendar').props.onChange, { label: 'office', value: 'office' });
    await fire(button('Add a goal').props.onClick);
    await type('policy-0-goal-1-target', '2bd');
    await fire(select('policy-0-goal-1-calendar').props.onChange, { label: 'office', value: 'office' });
    await fire(select('teamField').props.onChange, { label: 'Team (customfield_10020)', value: 'customfield_10020' });
    // The agreed level in percent; a typo is kept with a message, and 120 % is refused by the core at its field.
    await type('policy-0-agreedCompliance', '9O');
    expect(field('policy-0-agreedCompliance').props.value).toBe('9O');
    expect(findAll(lastDoc(), 'ErrorMessage').map(textOf)).toContain('Write a number of percent, e.g. 95');
    await type('policy-0-agreedCompliance', '120');
    await fire(button('Save').props.onClick);
    const agreedStack = findAll(lastDoc(), 'Stack').find((s) => s.children.includes(field('policy-0-agreedCompliance')))!;
    expect(findAll(agreedStack, 'ErrorMessage').map(textOf)).toEqual(['give the agreed compliance as a fraction from 0 to 1 (0.95 for 95 %)']);
    expect((forge.kvs.data.get('config') as any).policies).toEqual([]);
    await type('policy-0-agreedCompliance', '90');
    await type('policy-0-amberMargin', '5');
    expect(field('policy-0-agreedCompliance').props.value).toBe('90');
    await fire(button('Save').props.onClick);

    expect(textOf(findAll(lastDoc(), 'SectionMessage')[0])).toBe('Saved.');
    const saved = forge.kvs.data.get('config') as any;
    expect(saved.policies).toEqual([
      {
        id: 'resolve',
        name: 'Resolve purchases',
        appliesTo: [{ field: 'project', in: ['SUP'] }, { field: 'requestType', in: ['Purchase request'] }],
        pause: { statuses: ['Waiting for customer'] },
        stop: { statuses: ['Resolved', 'Closed'], resolutionSet: true },
        goals: [
          { target: '4h', calendar: 'office', when: [{ field: 'priority', in: ['Highest', 'High'] }] },
          { target: '2bd', calendar: 'office' },
        ],
        agreedCompliance: 0.9,
        amberMargin: 0.05,
      },
    ]);
    expect(saved.fields.team).toBe('customfield_10020');
  });

  it('A1: a goal the core refuses is shown at its field, and nothing is stored', async () => {
    await call('saveConfig', { config: BASE_CONFIG });
    await renderAdmin('vi_VN');
    await fire(button('Thêm chính sách').props.onClick);
    await type('policy-0-goal-0-target', 'soon');
    await fire(button('Lưu').props.onClick);
    const goalTarget = field('policy-0-goal-0-target');
    const after = lastDoc();
    const messages = findAll(after, 'ErrorMessage').map(textOf);
    expect(messages.some((text) => text.includes('soon'))).toBe(true);
    // The message sits in the target's own stack, right under its field.
    const stacks = findAll(after, 'Stack').filter((s) => s.children.includes(goalTarget));
    expect(findAll(stacks[0], 'ErrorMessage').map(textOf).join(' ')).toContain('soon');
    expect((forge.kvs.data.get('config') as any).policies).toEqual([]);
  });

  it('A1: a status picker for a project Jira does not know says Jira could not list it (Jira\'s 404 text goes to the log, not the browser); a retroactive start picks one of the extra fields', async () => {
    const policy = { id: 'hire', name: 'Onboarding', appliesTo: [{ field: 'project', in: ['GONE'] }], start: { on: 'created' }, stop: { resolutionSet: true }, goals: [{ target: '3bd', calendar: 'office' }] };
    await call('saveConfig', { config: { ...BASE_CONFIG, fields: { ...BASE_CONFIG.fields, extra: { requestDate: 'customfield_10050' } }, policies: [policy] } });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await renderAdmin();
    const shown = findAll(lastDoc(), 'ErrorMessage').map(textOf).join(' ');
    expect(shown).toContain("Could not load the list from Jira: Jira did not answer as expected; try again later (the details are in the app's logs).");
    expect(shown).not.toContain('No project could be found');
    expect(logged.mock.calls.map((args) => String(args[0]))).toContain("adminPicker: Jira answered 404 to GET /rest/api/3/project/GONE/statuses: {\"errorMessages\":[\"No project could be found with key 'GONE'.\"],\"errors\":{}}");
    logged.mockRestore();
    expect(field('extra-0-name').props.value).toBe('requestDate');
    expect(select('extra-0-field').props.value).toEqual({ label: 'Request date (customfield_10050)', value: 'customfield_10050' });
    await fire(select('policy-0-start').props.onChange, { label: 'at a date field (retroactive)', value: 'field' });
    expect(optionValues('policy-0-startField')).toEqual(['requestDate']);
    await fire(select('policy-0-startField').props.onChange, { label: 'requestDate', value: 'requestDate' });
    await choose('policy-0-projects', ['HR']);
    await fire(button('Save').props.onClick);
    expect((forge.kvs.data.get('config') as any).policies[0]).toMatchObject({ start: { on: 'field', field: 'requestDate' }, appliesTo: [{ field: 'project', in: ['HR'] }] });
  });

  it('A1: a stored policy the check refuses opens in the editor with its errors at its fields, and can be repaired there', async () => {
    // Written as an older version or by hand: no stop condition, goals not a list.
    forge.kvs.data.set('config', { ...BASE_CONFIG, policies: [{ id: 'old', name: 'Old policy', goals: '8h' }] });
    await renderAdmin();
    expect(field('policy-0-id').props.value).toBe('old');
    const stopStack = findAll(lastDoc(), 'Stack').find((s) => s.children.includes(select('policy-0-stop')))!;
    expect(findAll(stopStack, 'ErrorMessage').map(textOf).join(' ')).toMatch(/expected object/);
    expect(findAll(lastDoc(), 'ErrorMessage').map(textOf)).toContain('goals: Invalid input: expected array, received string');
    await choose('policy-0-stop', ['Resolved']);
    const resolution = () => findAll(lastDoc(), 'Checkbox').find((c) => c.props.label === 'Stop when a resolution is set')!;
    expect(resolution().props.isChecked).toBe(false);
    await fire(resolution().props.onChange, { target: { checked: true } });
    expect(resolution().props.isChecked).toBe(true);
    await fire(button('Add a goal').props.onClick);
    await fire(select('policy-0-goal-0-calendar').props.onChange, { label: 'office', value: 'office' });
    await fire(button('Save').props.onClick);
    expect(textOf(findAll(lastDoc(), 'SectionMessage')[0])).toBe('Saved.');
    expect((forge.kvs.data.get('config') as any).policies[0]).toMatchObject({ id: 'old', stop: { statuses: ['Resolved'], resolutionSet: true }, goals: [{ target: '8h', calendar: 'office' }] });
  });

  it('A1: the pickers answer a user who is not a Jira administrator with nothing', async () => {
    forge.jira.admins.clear();
    expect(await call('adminPicker', { kind: 'projects' })).toEqual({ error: 'FORBIDDEN', message: 'only Jira administrators can change the SLA configuration' });
    forge.jira.admins.add(forgeUser.accountId);
    await expect(call('adminPicker', { kind: 'boards' })).rejects.toThrow('kind: expected one of projects, statuses, requestTypes, priorities, fields, got "boards"');
  });

  it('A2: "try on issue" shows the clock the core computes for that issue, before saving', async () => {
    const created = Date.parse('2025-03-03T02:00:00Z'); // Monday 09:00 in Ho Chi Minh City
    const ticket: TicketHistory = {
      key: 'SUP-7',
      created,
      status: 'Open',
      fields: { project: 'SUP', priority: 'High' },
      events: [
        { at: created + 2 * HOUR, field: 'status', to: 'Waiting for customer' },
        { at: created + 26 * HOUR, field: 'status', to: 'In Progress' },
        { at: created + 30 * HOUR, field: 'status', to: 'Resolved' },
        { at: created + 30 * HOUR, field: 'resolution', to: 'Done' },
        { at: created + 50 * HOUR, field: 'status', to: 'In Progress' },
        { at: created + 50 * HOUR, field: 'resolution', to: null },
      ],
    };
    forge.jira.add(jiraIssueOf(ticket, '10007'));
    const asOf = created + 51 * HOUR; // the reopened cycle has run one working hour
    runtime.now = () => asOf;
    await call('saveConfig', { config: BASE_CONFIG });
    await renderAdmin();
    await fire(button('Add a policy').props.onClick);
    await choose('policy-0-pause', ['Waiting for customer']);
    await choose('policy-0-stop', ['Resolved']);
    await fire(select('policy-0-goal-0-calendar').props.onChange, { label: 'office', value: 'office' });
    await type('policy-0-goal-0-target', '6h');
    await type('policy-0-name', 'Resolve');
    await type('policy-0-try', 'sup-7');
    await fire(button('Try').props.onClick);

    // The same policy and calendar straight through the core, on the ticket the Jira double serves.
    const policy = { id: 'policy-1', name: 'Resolve', pause: { statuses: ['Waiting for customer'] }, stop: { statuses: ['Resolved'], resolutionSet: true }, goals: [{ target: '6h', calendar: 'office' }] };
    const expected = createSlaClock(policy, { office: compileCalendar(parseCalendarText(OFFICE, 'UTC')) }).compute(ticket, asOf)!;
    expect(expected.cycles).toHaveLength(2);
    expect(expected.cycles.map((c) => c.state)).toEqual(['met', 'ongoing']);
    const at = (instant: number | null) => (instant === null ? '—' : formatInstant(instant, 'en_US', 'Asia/Ho_Chi_Minh'));
    expect(tableRows('SLA clock of SUP-7')).toEqual(
      expected.cycles.map((c, i) => [
        String(i + 1),
        { met: 'Met', ongoing: 'Running', breached: 'Breached', paused: 'Paused' }[c.state],
        at(c.start),
        at(c.stop),
        at(c.due),
        formatMinutes(c.elapsedMinutes, 'en-US'),
        formatMinutes(c.pausedMinutes, 'en-US'),
        c.remainingMinutes >= 0 ? `${formatMinutes(c.remainingMinutes, 'en-US')} left` : `${formatMinutes(-c.remainingMinutes, 'en-US')} overdue`,
      ]),
    );
    expect(textOf(lastDoc())).toContain(`SUP-7 under goal 6h, as of ${at(asOf)}: 2 cycles.`);
    expect(findAll(lastDoc(), 'Link').map((l) => [l.props.href, textOf(l)])).toEqual([['/browse/SUP-7', 'SUP-7']]);
    // The changelog was read in full through bulkfetch, as the admin; nothing was saved.
    expect(forge.jira.calls).toContain('user POST /rest/api/3/changelog/bulkfetch');
    expect((forge.kvs.data.get('config') as any).policies).toEqual([]);
  });

  it('A2: try on issue names what is wrong: an unknown issue, a malformed key, a policy the core refuses', async () => {
    const draft = { policy: { id: 'p', name: 'P', stop: { statuses: ['Resolved'] }, goals: [{ target: '8h', calendar: 'office' }] }, calendars: { office: OFFICE } };
    expect(await call('tryPolicy', { ...draft, issueKey: 'SUP-404' })).toEqual({ ok: false, field: 'issueKey', message: 'issueKey: no issue SUP-404 that you may browse' });
    expect(await call('tryPolicy', { ...draft, issueKey: 'not a key' })).toMatchObject({ ok: false, field: 'issueKey' });
    expect(await call('tryPolicy', { ...draft, calendars: {}, issueKey: 'SUP-1' })).toMatchObject({ ok: false, field: 'policies.draft.goals.0.calendar' });
    expect(await call('tryPolicy', { ...draft, calendars: { office: 'Mo-Fr 8-17' }, issueKey: 'SUP-1' })).toMatchObject({ ok: false, field: 'calendars.office' });
  });

  it('A3: the calendar editor writes the text form and previews the next working windows and the year\'s holidays', async () => {
    // Friday 28 February 2025, 16:30 in Ho Chi Minh City.
    runtime.now = () => Date.parse('2025-02-28T09:30:00Z');
    await renderAdmin();
    await fire(button('Add a calendar').props.onClick);
    expect(field('calendar-0-text').props.value).toBe('Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh');
    await type('calendar-0-Mo', '08:00-12:00, 13:00-17:00');
    await type('calendar-0-Sa', '08:00-11:');
    // Kept as typed, with the core's message, until it parses.
    expect(field('calendar-0-Sa').props.value).toBe('08:00-11:');
    expect(findAll(lastDoc(), 'ErrorMessage').map(textOf).join(' ')).toContain('expected times as HH:MM-HH:MM');
    await type('calendar-0-Sa', '08:00-11:30');
    await choose('calendar-0-countries', ['VN']);
    await type('calendar-0-extraHolidays', '2025-12-24');
    await type('calendar-0-makeUpDays', '2025-12-27 Sa');
    const text = field('calendar-0-text').props.value as string;
    const spec = parseCalendarText(text, 'UTC');
    expect(text).toBe(formatCalendarText(spec));
    expect(spec.weekly.Mo).toEqual([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }]);
    expect(spec.weekly.Tu).toEqual([{ start: '08:00', end: '17:00' }]);
    expect(spec.weekly.Sa).toEqual([{ start: '08:00', end: '11:30' }]);
    expect(spec).toMatchObject({ timeZone: 'Asia/Ho_Chi_Minh', holidayCountries: ['VN'], holidays: [{ date: '2025-12-24' }], makeUpDays: [{ date: '2025-12-27', like: 'Sa' }] });

    await settle();
    const doc = lastDoc();
    const at = (iso: string) => formatInstant(Date.parse(iso), 'en_US', 'Asia/Ho_Chi_Minh');
    const cells = tableRows('Next working windows (Asia/Ho_Chi_Minh)');
    // From Friday 16:30: the rest of Friday, Saturday morning, then Monday with its lunch break.
    expect(cells.slice(0, 4)).toEqual([
      [at('2025-02-28T09:30:00Z'), at('2025-02-28T10:00:00Z')],
      [at('2025-03-01T01:00:00Z'), at('2025-03-01T04:30:00Z')],
      [at('2025-03-03T01:00:00Z'), at('2025-03-03T05:00:00Z')],
      [at('2025-03-03T06:00:00Z'), at('2025-03-03T10:00:00Z')],
    ]);
    expect(cells).toHaveLength(10);
    const listed = tableRows('Holidays in 2025');
    const vn = holidayList('VN', 2025);
    expect(listed).toEqual(
      [...vn.map((h) => [h.date, `${h.name} (VN)`]), ['2025-12-24', 'Extra holiday']].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    );
    expect(listed.filter(([date]) => date.startsWith('2025-01-2') || date.startsWith('2025-01-3') || date.startsWith('2025-02-0')).length).toBeGreaterThanOrEqual(5); // Tết
    // Vietnam's announced swap (Saturday 26 April worked for Friday 2 May), then the calendar's own make-up day.
    const swapped = publicWorkedDays('VN', 2025).map((d) => `${d.date} (VN)`);
    expect(swapped).toEqual(['2025-04-26 (VN)']);
    expect(textOf(doc)).toContain(`Make-up working days: ${[...swapped, '2025-12-27'].join(', ')}`);

    await fire(button('Save').props.onClick);
    expect((forge.kvs.data.get('config') as any)).toBeUndefined(); // no scope yet: the check refuses the save
    expect(findAll(lastDoc(), 'ErrorMessage').map(textOf)).toContain('give the JQL of the issues to measure, e.g. project in (IT, HR)');
    // The projects picker writes the scope JQL.
    await choose('scopeProjects', ['SUP', 'HR']);
    expect(field('scopeJql').props.value).toBe('project in (SUP, HR)');
    await fire(button('Save').props.onClick);
    expect((forge.kvs.data.get('config') as any).calendars).toEqual({ 'calendar-1': text });
    expect((forge.kvs.data.get('config') as any).sync.scopeJql).toBe('project in (SUP, HR)');
    // Any other JQL is kept as typed, and the picker steps aside.
    await type('scopeJql', 'project = SUP AND issuetype = "Service Request"');
    expect(select('scopeProjects')).toBeUndefined();
  });

  it('A3b: holiday countries are a searchable choice of every country and region the holiday tables cover, named in the viewer\'s language', async () => {
    runtime.now = () => Date.parse('2025-02-28T09:30:00Z');
    await renderAdmin('vi_VN');
    await fire(button('Thêm lịch').props.onClick);
    const countries = select('calendar-0-countries');
    expect([countries.props.isMulti, countries.props.isSearchable]).toEqual([true, true]);
    // Every choice is a country or region the core's tables know, and every one of those is a choice.
    const covered = HOLIDAY_COUNTRIES.flatMap(({ code, regions }) => [code, ...regions.map((region) => `${code}-${region}`)]);
    expect(optionValues('calendar-0-countries')).toEqual(covered);
    expect(covered).toEqual(expect.arrayContaining(['VN', 'DE', 'DE-BY']));
    for (const area of covered) expect(() => checkHolidayCountry(area), area).not.toThrow();
    const labels = Object.fromEntries((countries.props.options as Array<{ label: string; value: string }>).map((o) => [o.value, o.label]));
    expect([labels.VN, labels['DE-BY']]).toEqual(['Việt Nam (VN)', 'Đức: BY (DE-BY)']);
    // Two chosen: the text form holds both; the choice shows them; removing one keeps the other.
    await choose('calendar-0-countries', ['VN', 'DE-BY']);
    expect(parseCalendarText(field('calendar-0-text').props.value as string, 'UTC').holidayCountries).toEqual(['VN', 'DE-BY']);
    expect((select('calendar-0-countries').props.value as Array<{ value: string }>).map((o) => o.value)).toEqual(['VN', 'DE-BY']);
    await choose('calendar-0-countries', ['DE-BY']);
    expect(parseCalendarText(field('calendar-0-text').props.value as string, 'UTC').holidayCountries).toEqual(['DE-BY']);
  });

  it('A3: a calendar the core refuses is previewed as its error, naming the field', async () => {
    expect(await call('previewCalendar', { text: 'Mo-Fr 08:00-17:00 | holidays=XX' })).toMatchObject({ ok: false, field: 'holidays' });
    expect(await call('previewCalendar', { text: '' })).toEqual({ ok: false, field: 'text', message: 'text: expected the calendar text, e.g. Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh' });
    const open = await call('previewCalendar', { text: '24/7 | tz=UTC' });
    expect(open.preview.windows).toEqual([{ start: runtime.now(), end: runtime.now() + 8 * 24 * HOUR, open: true }]);
  });

  it('JSON import is checked like a save (errors with their paths) and loads the forms; export writes the draft', async () => {
    await call('saveConfig', { config: BASE_CONFIG });
    await renderAdmin();
    await fire(button('Export').props.onClick);
    const exported = JSON.parse(field('admin-json').props.value as string);
    expect(exported).toMatchObject({ calendars: { office: OFFICE }, sync: { scopeJql: 'project = SUP' } });
    const policy = { id: 'resolve', name: 'Resolve', stop: { statuses: ['Resolved'] }, goals: [{ target: '8h', calendar: 'nowhere' }] };
    await type('admin-json', JSON.stringify({ ...exported, policies: [policy] }));
    await fire(button('Import').props.onClick);
    expect(findAll(lastDoc(), 'ErrorMessage').map(textOf).join(' ')).toContain('policies.0.goals.0.calendar: policy resolve: goals.0.calendar: no calendar named "nowhere"');
    expect(field('policy-0-id')).toBeUndefined();
    await type('admin-json', JSON.stringify({ ...exported, policies: [{ ...policy, goals: [{ target: '8h', calendar: 'office' }] }] }));
    await fire(button('Import').props.onClick);
    expect(textOf(lastDoc())).toContain('Imported into the forms. Review, then Save.');
    expect(field('policy-0-id').props.value).toBe('resolve');
    expect((forge.kvs.data.get('config') as any).policies).toEqual([]);
    await type('admin-json', '{');
    await fire(button('Import').props.onClick);
    expect(findAll(lastDoc(), 'ErrorMessage').map(textOf).join(' ')).toContain('This is not valid JSON');
  });
});

// J1, C1, N1, E1, L1: a synced site.
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

/** The stored portal answers of SUP in March 2025, and their iNPS as the scorecard's `inps` source reads them. */
const inpsOfMarch = async () => {
  const answers = await inpsAnswers(['SUP'], '2025-03', new SecurityLevelGate());
  return { inps: inpsOf(answers), answers: answers.length };
};
const property = (key: string) => forge.jira.issues.get(key)?.properties?.[SLA_PROPERTY_KEY] as any;

/** A synced site: the Purchasing and Triage policies saved, JSM organizations readable. */
async function setUpSyncedSite() {
  forge.reset();
  runtime.sleep = async () => {};
  forge.jira.admins.add(forgeUser.accountId);
  forge.jira.browsable = new Set(['SUP']);
  forge.jira.hasOrganizationsField = true;
  runtime.now = () => T0;
  expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
}

describe('J1: SLA state where JQL can search it', () => {
  beforeEach(setUpSyncedSite);

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
  invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey], accountId: accountId ?? null, extension: { request: { key: issueKey, typeId: '7' }, portal: { id: '1' } }, license });

/** The UI bridge's invoke answered by the real resolvers (with their doubles), as the Forge host would. */
const bridgeResolvers = (names: string[], license?: { isActive: boolean }) =>
  Object.fromEntries(names.map((name) => [name, (payload: unknown) => invokeResolver(resolverHandler, name, payload, { moduleKey: VIEW_MODULE[name], license })]));

const gadget = (config: Record<string, unknown>, locale = 'en_US') => ({ locale, timezone: 'UTC', extension: { gadgetConfiguration: config } });
/** The texts of a table's body rows (the reconciler turns DynamicTable rows into Cell children, header first). */
const rowsOf = (doc: ForgeDoc, columns: number): string[][] => {
  const cells = findAll(findAll(doc, 'DynamicTable')[0], 'Cell').map(textOf).slice(columns);
  return Array.from({ length: cells.length / columns }, (_, i) => cells.slice(i * columns, (i + 1) * columns));
};

describe('C1: internal customers', () => {
  beforeEach(setUpSyncedSite);

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
    expect(textOf(doc)).toContain('Mức cam kết 90% (cần theo dõi từ 85%)');
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
  beforeEach(setUpSyncedSite);

  it('N1: one answer per requester per request (a second is refused), only on resolved requests, stored under KVS-safe keys, moving iNPS', async () => {
    forge.jira.add(request(31, T0, [{ at: T0 + HOUR, to: 'Resolved' }], ['Finance']));
    forge.jira.add(request(32, T0, [], ['Finance']));
    // A customer account id carries ':' and other characters KVS keys refuse unencoded (the KVS double would throw).
    forge.jira.issues.get('SUP-31')!.fields.reporter = { accountId: 'qm:8f1c2d3e-aa00:5d2f9a', displayName: 'Chị Hoa' };
    await syncAt(NOW);
    runtime.now = () => NOW;
    expect(await inpsOfMarch()).toEqual({ inps: null, answers: 0 });

    expect(await asRequester('SUP-31', 'qm:8f1c2d3e-aa00:5d2f9a', 'getInpsQuestion')).toEqual({ state: 'open' });
    expect(await asRequester('SUP-31', 'someone-else', 'getInpsQuestion')).toEqual({ state: 'not-requester' });
    expect(await asRequester('SUP-32', 'requester-32', 'getInpsQuestion')).toEqual({ state: 'not-resolved' });
    expect(await asRequester('SUP-31', undefined, 'getInpsQuestion')).toEqual({ error: 'INVALID', field: 'accountId', message: 'accountId: only a signed-in customer can answer (anonymous portal visitors cannot)' });
    expect(await asRequester('SUP-31', 'qm:8f1c2d3e-aa00:5d2f9a', 'submitInps', { score: 11 })).toEqual({ error: 'INVALID', field: 'score', message: 'score: expected a whole number from 0 to 10, got 11' });
    expect(await asRequester('SUP-31', 'qm:8f1c2d3e-aa00:5d2f9a', 'submitInps', { score: 7, comment: 'x'.repeat(1001) })).toMatchObject({ error: 'INVALID', field: 'comment' });
    expect(await asRequester('SUP-32', 'requester-32', 'submitInps', { score: 9 })).toEqual({ error: 'NOT_ALLOWED', state: 'not-resolved' });
    expect(await asRequester('SUP-31', 'someone-else', 'submitInps', { score: 0 })).toEqual({ error: 'NOT_ALLOWED', state: 'not-requester' });

    expect(await asRequester('SUP-31', 'qm:8f1c2d3e-aa00:5d2f9a', 'submitInps', { score: 10, comment: 'Nhanh, cảm ơn!' })).toEqual({ ok: true, score: 10 });
    expect(await inpsOfMarch()).toEqual({ inps: 100, answers: 1 });
    // A second answer is refused and the first one stands: the score cannot be nudged by answering again.
    expect(await asRequester('SUP-31', 'qm:8f1c2d3e-aa00:5d2f9a', 'submitInps', { score: 0 })).toEqual({ error: 'ALREADY_ANSWERED', score: 10 });
    expect(await asRequester('SUP-31', 'qm:8f1c2d3e-aa00:5d2f9a', 'getInpsQuestion')).toEqual({ state: 'answered', score: 10 });
    expect(await inpsOfMarch()).toEqual({ inps: 100, answers: 1 });
    // The per-requester record (written first, as the claim) and the month's bucket, in key order.
    const answerKeys = [...forge.kvs.data.keys()].filter((k) => k.startsWith('inps')).sort();
    expect(answerKeys).toEqual(['inps-answer:SUP-31:#qm_003a8f1c2d3e-aa00_003a5d2f9a', expect.stringMatching(/^inps:SUP:2025-03:\d$/)]);
    expect(forge.kvs.data.get(answerKeys[0])).toEqual({ issueKey: 'SUP-31', score: 10, comment: 'Nhanh, cảm ơn!', at: NOW, month: '2025-03', organization: 'Finance', securityLevel: null, issueId: forge.jira.issues.get('SUP-31')!.id });
  });

  it('N1: the portal panel asks a 0-10 question with an optional comment, then thanks the requester, in Vietnamese', async () => {
    forge.jira.add(request(33, T0, [{ at: T0 + HOUR, to: 'Resolved' }]));
    await syncAt(NOW);
    const portal = { locale: 'vi_VN', extension: { request: { key: 'SUP-33', typeId: '7' }, portal: { id: '1' } } };
    const byRequester = (name: string) => (payload: unknown) => asRequester('SUP-33', 'requester-33', name, payload);
    resetUi(portal, { getInpsQuestion: byRequester('getInpsQuestion'), submitInps: byRequester('submitInps') });
    let doc = await render(<InpsPortalQuestion />);
    expect(textOf(doc)).toContain('Trên thang điểm từ 0 đến 10, bạn sẵn lòng giới thiệu đội ngũ của chúng tôi với đồng nghiệp đến mức nào?');
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
    expect(await inpsOfMarch()).toEqual({ inps: -100, answers: 1 });
  });

  it('N1/L1: an answer sent after the site\'s license lapsed gets the license message, and nothing is stored', async () => {
    forge.jira.add(request(34, T0, [{ at: T0 + HOUR, to: 'Resolved' }]));
    await syncAt(NOW);
    const portal = { locale: 'en_US', extension: { request: { key: 'SUP-34', typeId: '7' }, portal: { id: '1' } } };
    resetUi(portal, {
      getInpsQuestion: (payload: unknown) => asRequester('SUP-34', 'requester-34', 'getInpsQuestion', payload),
      submitInps: (payload: unknown) => asRequester('SUP-34', 'requester-34', 'submitInps', payload, { isActive: false }),
    });
    let doc = await render(<InpsPortalQuestion />);
    doc = await fire(findAll(doc, 'RadioGroup')[0].props.onChange, { target: { value: '9' } });
    doc = await fire(findAll(doc, 'Button')[0].props.onClick);
    expect(findAll(doc, 'ErrorMessage').map(textOf)).toEqual(['This app has no active license on this site. Ask a Jira administrator to renew it in Manage apps.']);
    expect(await inpsOfMarch()).toEqual({ inps: null, answers: 0 });
  });
});

describe('E1: CSV export of a gadget\'s data', () => {
  beforeEach(setUpSyncedSite);

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
  beforeEach(setUpSyncedSite);

  const INACTIVE = { isActive: false };

  it('L1: an inactive license gets UNLICENSED instead of data from every resolver; an active one or none (free, development) gets data', async () => {
    await syncCustomers();
    const query = { policyId: 'purchasing', projects: ['SUP'] };
    const unlicensed = { error: 'UNLICENSED', message: 'This app needs an active license for this site: ask a Jira administrator to check Manage apps.' };
    for (const [name, payload] of [['getCompliance', query], ['getCustomerReport', query], ['getChoices', {}], ['getConfig', {}]] as const) {
      expect(await invokeResolver(resolverHandler, name, payload, { moduleKey: VIEW_MODULE[name], license: INACTIVE }), name).toEqual(unlicensed);
    }
    expect(await asRequester('SUP-11', 'requester-11', 'submitInps', { score: 8 }, INACTIVE)).toEqual(unlicensed);
    expect(await inpsOfMarch()).toEqual({ inps: null, answers: 0 });
    const active = await invokeResolver(resolverHandler, 'getCompliance', query, { moduleKey: VIEW_MODULE.getCompliance, license: { isActive: true, isEvaluation: true } });
    expect(active).toMatchObject({ total: { met: 3, breached: 1 } });
    expect(await call('getCompliance', query)).toMatchObject({ total: { met: 3, breached: 1 } });
  });

  it('L1: a license that lapses while the admin page is open: Save and Recompute history say so instead of "fix the fields" or "forbidden"', async () => {
    const licensed = bridgeResolvers(['getConfig', 'previewCalendar']);
    const lapsed = bridgeResolvers(['saveConfig', 'retryFailedNow', 'startRecompute'], INACTIVE);
    resetUi({ locale: 'vi_VN', timezone: 'UTC' }, { ...licensed, ...lapsed });
    const message = 'Ứng dụng chưa có giấy phép còn hiệu lực trên trang này. Hãy nhờ quản trị viên Jira gia hạn trong mục Quản lý ứng dụng.';
    let doc = await render(<AdminPage />);
    doc = await fire(findAll(doc, 'Button').find((b) => textOf(b) === 'Lưu')!.props.onClick);
    expect(findAll(doc, 'SectionMessage').map(textOf)).toContain(message);
    expect(textOf(doc)).not.toContain('Hãy sửa');
    doc = await fire(findAll(doc, 'Button').find((b) => textOf(b) === 'Tính lại dữ liệu cũ')!.props.onClick);
    expect(findAll(doc, 'SectionMessage').map(textOf).filter((text) => text === message)).toHaveLength(2);
  });

  for (const [locale, message] of [
    ['en_US', 'This app has no active license on this site. Ask a Jira administrator to renew it in Manage apps.'],
    ['vi_VN', 'Ứng dụng chưa có giấy phép còn hiệu lực trên trang này. Hãy nhờ quản trị viên Jira gia hạn trong mục Quản lý ứng dụng.'],
  ]) {
    it(`L1: an unlicensed site sees the message instead of data in every gadget, edit view, the admin page, the issue panel and the portal (${locale})`, async () => {
      await syncCustomers();
      const resolvers = bridgeResolvers(['getCompliance', 'getCustomerReport', 'getScorecard', 'getChoices', 'getConfig', 'getIssueClocks', 'getInpsQuestion', 'previewCalendar'], INACTIVE);
      const views = [
        <ComplianceGadget key="compliance" />,
        <ComplianceGadgetEdit key="compliance-edit" />,
        <CustomerReportGadget key="customers" />,
        <CustomerReportEdit key="customers-edit" />,
        <ScorecardGadget key="scorecard" />,
        <ScorecardGadgetEdit key="scorecard-edit" />,
        <AdminPage key="admin" />,
        <IssuePanel key="issue-panel" />,
        <InpsPortalQuestion key="portal" />,
      ];
      for (const view of views) {
        // A configured gadget (or issue panel) context, so each view reaches its resolver.
        resetUi({ locale, timezone: 'UTC', extension: { gadgetConfiguration: { policyId: 'purchasing', projects: 'SUP', scorecardId: 'back-office' }, issue: { key: 'SUP-11' } } }, resolvers);
        const doc = await render(view);
        expect(findAll(doc, 'SectionMessage').map(textOf), String(view.key)).toEqual([message]);
        expect(textOf(doc), String(view.key)).toBe(message);
      }
    });
  }
});
