import { beforeEach, describe, expect, it, vi } from 'vitest';
import { compileCalendar, createSlaClock, formatCalendarText, holidayList, parseCalendarText, publicWorkedDays, type TicketHistory } from '../core';
import { forge, forgeMocks, forgeUser } from './helpers/forge-doubles';
import { jiraIssueOf } from './helpers/forge-jira-builders';
import { type ForgeDoc, findAll, fire, lastDoc, render, resetUi, settle, textOf } from './helpers/forge-ui';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());

const { resolverHandler } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');
const { AdminPage } = await import('../forge-app/src/frontend/admin-view');
const { formatInstant, formatMinutes } = await import('../forge-app/src/i18n/messages');

const HOUR = 3_600_000;
const OFFICE = 'Mo-Fr 08:00-12:00,13:00-17:00 | tz=Asia/Ho_Chi_Minh';
const call = (functionKey: string, payload: unknown = {}) =>
  resolverHandler({ call: { functionKey, payload }, context: {} }, { principal: { accountId: forgeUser.accountId } }) as Promise<any>;

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

beforeEach(() => {
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
});

describe('admin page without JSON', () => {
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

  it('A1: a status picker for a project Jira does not know shows Jira\'s 404; a retroactive start picks one of the extra fields', async () => {
    const policy = { id: 'hire', name: 'Onboarding', appliesTo: [{ field: 'project', in: ['GONE'] }], start: { on: 'created' }, stop: { resolutionSet: true }, goals: [{ target: '3bd', calendar: 'office' }] };
    await call('saveConfig', { config: { ...BASE_CONFIG, fields: { ...BASE_CONFIG.fields, extra: { requestDate: 'customfield_10050' } }, policies: [policy] } });
    await renderAdmin();
    expect(findAll(lastDoc(), 'ErrorMessage').map(textOf).join(' ')).toContain("Could not load the list from Jira: Jira answered 404 to GET /rest/api/3/project/GONE/statuses: {\"errorMessages\":[\"No project could be found with key 'GONE'.\"]");
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
        formatMinutes(c.elapsedMinutes),
        formatMinutes(c.pausedMinutes),
        c.remainingMinutes >= 0 ? `${formatMinutes(c.remainingMinutes)} left` : `${formatMinutes(-c.remainingMinutes)} overdue`,
      ]),
    );
    expect(textOf(lastDoc())).toContain(`SUP-7 under goal 6h, as of ${at(asOf)}: 2 cycles.`);
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
    await type('calendar-0-countries', 'vn');
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
