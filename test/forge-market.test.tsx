import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser, type DoubleIssue, invokeResolver, VIEW_MODULE } from './helpers/forge-doubles';
import { jiraIssueOf } from './helpers/forge-jira-builders';
import { forgeSql, forgeSqlMock } from './helpers/forge-sql';
import { findAll, fire, render, resetUi, textOf, ui } from './helpers/forge-ui';
import { HOUR, resolveIn8hConfig, T0 } from './helpers/forge-config';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());
vi.mock('@forge/sql', () => forgeSqlMock());

const { resolverHandler, syncTrigger, syncConsumer, appLifecycle } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');
const { loadStorageState } = await import('../forge-app/src/storage/backend');
const { MarketStatementGadget } = await import('../forge-app/src/frontend/market-statement-view');
const { CatalogueEditor } = await import('../forge-app/src/frontend/catalogue-editor');
const { catalogueDraftOf, catalogueOf } = await import('../forge-app/src/frontend/catalogue-form');
const { marketMessagesFor } = await import('../forge-app/src/i18n/market-messages');


const CONFIG = resolveIn8hConfig(['SUP']);

/** Two services of one policy, chosen by request type; the IT provider's name starts like a formula. */
const CATALOGUE = {
  currency: 'VND',
  customer: 'organization',
  services: [
    {
      id: 'po', name: 'Purchase order', provider: 'Purchasing', policy: 'resolve', agreed: 0.95,
      when: [{ field: 'requestType', in: ['Purchase request'] }],
      price: { perRequest: 200_000, monthlyCost: 1_000_000 },
      credits: [{ below: 0.95, credit: 0.05 }, { below: 0.9, credit: 0.15 }, { below: 0.8, credit: 0.3 }], creditCap: 0.3,
    },
    { id: 'it', name: 'IT access', provider: '@IT Ops', policy: 'resolve', when: [{ field: 'requestType', in: ['IT access'] }], price: { perRequest: 50_000 } },
  ],
};

const call = (functionKey: string, payload: unknown = {}) => invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey] });

/** SUP-n of an organization, created at `created`, resolved `hours` later. */
function request(n: number, created: number, hours: number, requestType: string, organization: string): DoubleIssue {
  const events = [{ at: created + hours * HOUR, field: 'status', to: 'Resolved' }];
  const issue = jiraIssueOf({ key: `SUP-${n}`, created, status: 'Open', fields: { project: 'SUP', priority: 'High', requestType }, events }, String(1000 + n));
  (issue.fields).customfield_10002 = [{ id: '1', name: organization }];
  return issue;
}

/**
 * March 2025: Finance asks three purchase orders (two met, one breached) and has a February order resolved late in
 * March (its breach counts in March, its request in February); HR asks one purchase order (met) and two IT accesses
 * (one met, one breached).
 */
function addMarch(): void {
  forge.jira.add(request(1, T0, 3, 'Purchase request', 'Finance'));
  forge.jira.add(request(2, T0 + HOUR, 3, 'Purchase request', 'Finance'));
  forge.jira.add(request(3, T0 + 2 * HOUR, 12, 'Purchase request', 'Finance'));
  forge.jira.add(request(4, Date.parse('2025-02-28T20:00:00Z'), 14, 'Purchase request', 'Finance'));
  forge.jira.add(request(5, T0, 2, 'Purchase request', 'HR'));
  forge.jira.add(request(6, T0 + HOUR, 1, 'IT access', 'HR'));
  forge.jira.add(request(7, T0 + 2 * HOUR, 9, 'IT access', 'HR'));
}

async function syncAt(now: number) {
  runtime.now = () => now;
  await syncTrigger();
  for (const event of forge.queue.drain()) await syncConsumer(event as never);
}

const line = (customer: string, service: string, provider: string, counts: [number, number, number], compliance: number | null, charge: number, creditRate: number, credit: number) =>
  ({ period: '2025-03', customer, service, provider, requests: counts[0], met: counts[1], breached: counts[2], compliance, agreed: 0.95, charge, creditRate, credit, net: charge - credit, currency: 'VND' });

/** Hand-derived: Finance pays 3 × 200,000 and 3/4 of the 1,000,000 monthly cost; 2 of 4 met is below 0.8: 30 % back. */
const MARCH_LINES = [
  line('Finance', 'po', 'Purchasing', [3, 2, 2], 0.5, 1_350_000, 0.3, 405_000),
  line('HR', 'po', 'Purchasing', [1, 1, 0], 1, 450_000, 0, 0),
  line('HR', 'it', '@IT Ops', [2, 1, 1], 0.5, 100_000, 0, 0),
];

afterAll(() => forgeSql.drop());

beforeEach(async () => {
  forge.reset();
  await forgeSql.truncateAll();
  runtime.sleep = async () => {};
  runtime.now = () => T0;
  forge.queue.now = () => runtime.now();
  forge.jira.admins.add(forgeUser.accountId);
  forge.jira.browsable = new Set(['SUP']);
  forge.jira.hasOrganizationsField = true;
});

describe('MK5: the statement view of the internal market on Forge SQL', () => {
  beforeEach(async () => {
    await appLifecycle({ eventType: 'avi:forge:installed:app' });
    expect(await loadStorageState()).toEqual({ backend: 'sql' });
    expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
    expect(await call('saveCatalogue', { catalogue: CATALOGUE })).toEqual({ ok: true });
    addMarch();
    await syncAt(Date.parse('2025-03-20T00:00:00Z'));
  });

  it('MK5: two organizations in March: the lines, the totals per customer and per provider, from the stored cycles', async () => {
    const answer = await call('getMarketStatement', { projects: ['SUP'], month: '2025-03' });
    expect(answer.lines).toEqual(MARCH_LINES);
    expect(answer.totals.customers).toEqual([
      { period: '2025-03', name: 'Finance', requests: 3, charge: 1_350_000, credit: 405_000, net: 945_000 },
      { period: '2025-03', name: 'HR', requests: 3, charge: 550_000, credit: 0, net: 550_000 },
    ]);
    expect(answer.totals.providers).toEqual([
      { period: '2025-03', name: '@IT Ops', requests: 2, charge: 100_000, credit: 0, net: 100_000 },
      { period: '2025-03', name: 'Purchasing', requests: 4, charge: 1_800_000, credit: 405_000, net: 1_395_000 },
    ]);
  });

  it('MK5: a request counts in the month it was created, its cycle in the month it stopped; the current month by default', async () => {
    const february = await call('getMarketStatement', { projects: ['SUP'], month: '2025-02' });
    // The February order is its month's only request: it bears the whole monthly cost; its cycle stopped in March.
    expect(february.lines).toEqual([{ ...line('Finance', 'po', 'Purchasing', [1, 0, 0], null, 1_200_000, 0, 0), period: '2025-02' }]);
    expect((await call('getMarketStatement', { projects: ['SUP'] })).month).toBe('2025-03');
  });

  it('MK5: the CSV export has the contract\'s header, one record per line, and neutralises a cell that starts like a formula', async () => {
    const { csv } = await call('getMarketStatement', { projects: ['SUP'], month: '2025-03' });
    const records = csv.split('\r\n');
    expect(records[0]).toBe('period,customer,service,provider,requests,met,breached,compliance,agreed,charge,credit_rate,credit,net,currency');
    expect(records.slice(1, 4)).toEqual([
      '2025-03,Finance,po,Purchasing,3,2,2,0.5,0.95,1350000,0.3,405000,945000,VND',
      '2025-03,HR,po,Purchasing,1,1,0,1,0.95,450000,0,0,450000,VND',
      '2025-03,HR,it,"\'@IT Ops",2,1,1,0.5,0.95,100000,0,0,100000,VND',
    ]);
    expect(records.slice(4)).toEqual(['']);
  });

  it('MK5: a service chosen by JQL instead of request type gives the same lines; a JQL Jira refuses is answered by name', async () => {
    const { when: _when, ...it } = CATALOGUE.services[1];
    const byJql = { ...CATALOGUE, services: [CATALOGUE.services[0], { ...it, jql: 'key in (SUP-6, SUP-7)' }] };
    expect(await call('saveCatalogue', { catalogue: byJql })).toEqual({ ok: true });
    const answer = await call('getMarketStatement', { projects: ['SUP'], month: '2025-03' });
    expect(answer.lines).toEqual(MARCH_LINES);
    expect(answer.truncated).toEqual([]);
    expect(await call('saveCatalogue', { catalogue: { ...byJql, services: [{ ...it, jql: ' ' }] } })).toMatchObject({ ok: false, problem: { field: 'services.0.jql' } });
    forge.jira.invalidJql.set('key in (SUP-6', { errorMessages: ['Error in the JQL Query: bad key list.'], warningMessages: [] });
    expect(await call('getMarketStatement', { projects: ['SUP'], month: '2025-03' })).toEqual({ error: 'INVALID_JQL', message: expect.stringContaining('bad key list') });
  });

  it('MK5: a viewer who may not browse the project gets no lines; another module, a bad month and a bad catalogue are refused by name', async () => {
    forge.jira.browsable = new Set();
    expect((await call('getMarketStatement', { projects: ['SUP'], month: '2025-03' })).lines).toEqual([]);
    expect(await invokeResolver(resolverHandler, 'getMarketStatement', {}, { moduleKey: 'sla-compliance-gadget' })).toMatchObject({ error: 'FORBIDDEN' });
    expect(await call('getMarketStatement', { month: '2025-13' })).toMatchObject({ error: 'INVALID_PAYLOAD', field: 'month' });
    const unknownPolicy = { ...CATALOGUE, services: [CATALOGUE.services[0], { ...CATALOGUE.services[1], policy: 'nope' }] };
    expect(await call('saveCatalogue', { catalogue: unknownPolicy })).toEqual({ ok: false, problem: { field: 'services.1.policy', message: expect.stringMatching(/^services\.1 \(it\): policy: no SLA policy "nope"/) } });
    expect((await call('getCatalogue')).catalogue).toEqual(CATALOGUE);
  });
});

describe('MK5: the statement gadget', () => {
  beforeEach(async () => {
    await appLifecycle({ eventType: 'avi:forge:installed:app' });
    expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
    expect(await call('saveCatalogue', { catalogue: CATALOGUE })).toEqual({ ok: true });
    addMarch();
    await syncAt(Date.parse('2025-03-20T00:00:00Z'));
  });

  const gadget = (locale: string) => ({ locale, timezone: 'UTC', extension: { gadgetConfiguration: { projects: 'sup' } } });
  const bridge = { getMarketStatement: (payload: unknown) => call('getMarketStatement', payload), getMarketOla: (payload: unknown) => call('getMarketOla', payload) };
  /** The texts of a table's body rows (the reconciler turns DynamicTable rows into Cell children, header first). */
  const rowsOf = (table: ReturnType<typeof findAll>[number], columns: number): string[][] => {
    const cells = findAll(table, 'Cell').map(textOf).slice(columns);
    return Array.from({ length: cells.length / columns }, (_, i) => cells.slice(i * columns, (i + 1) * columns));
  };

  it('MK5: in Vietnamese: the lines with vi-VN amounts, the totals per customer and per provider, another month on choice, the CSV', async () => {
    resetUi(gadget('vi_VN'), bridge);
    let doc = await render(<MarketStatementGadget />);
    // The OLA view below the statement asks for the month the statement answered (this catalogue has no OLA: it shows nothing).
    expect(ui.invokes).toEqual([{ functionKey: 'getMarketStatement', payload: { projects: ['SUP'] } }, { functionKey: 'getMarketOla', payload: { projects: ['SUP'], month: '2025-03' } }]);
    expect(textOf(doc)).toContain('Bảng kê dịch vụ 2025-03 (VND)');
    const [lines, customers, providers] = findAll(doc, 'DynamicTable');
    expect(rowsOf(lines, 8).map((r) => [r[0], r[1], r[3], r[5], r[6], r[7]])).toEqual([
      ['Finance', 'po', '3', '1.350.000', '405.000', '945.000'],
      ['HR', 'po', '1', '450.000', '0', '450.000'],
      ['HR', 'it', '2', '100.000', '0', '100.000'],
    ]);
    expect(rowsOf(customers, 5).map((r) => [r[0], r[4]])).toEqual([['Finance', '945.000'], ['HR', '550.000']]);
    expect(rowsOf(providers, 5).map((r) => [r[0], r[4]])).toEqual([['@IT Ops', '100.000'], ['Purchasing', '1.395.000']]);
    doc = await fire(findAll(doc, 'Button').find((b) => textOf(b) === 'Xuất CSV')!.props.onClick);
    expect(findAll(doc, 'CodeBlock')[0].props.text).toContain('2025-03,HR,it,"\'@IT Ops",2,1,1,0.5');
    doc = await fire(findAll(doc, 'Select')[0].props.onChange, { value: '2025-02', label: '2025-02' });
    expect(ui.invokes.filter((i) => i.functionKey === 'getMarketStatement').at(-1)).toEqual({ functionKey: 'getMarketStatement', payload: { projects: ['SUP'], month: '2025-02' } });
  });

  it('MK5: without projects the gadget asks to be configured and asks nothing', async () => {
    resetUi({ locale: 'en_US', timezone: 'UTC', extension: { gadgetConfiguration: {} } }, bridge);
    expect(textOf(await render(<MarketStatementGadget />))).toContain('Edit this gadget to choose the projects.');
    expect(ui.invokes).toEqual([]);
  });
});

describe('MK5: the catalogue editor on the admin page (pickers, no JSON)', () => {
  const OLA = { owner: 'team', budgets: { Purchasing: '16h' } };
  const WITH_OLA = { ...CATALOGUE, services: [{ ...CATALOGUE.services[0], when: [...CATALOGUE.services[0].when, { field: 'priority', in: ['High'] }], ola: OLA }, CATALOGUE.services[1]] };
  const editors = ['getCatalogue', 'saveCatalogue', 'adminPicker'];
  const bridge = Object.fromEntries(editors.map((name) => [name, (payload: unknown) => call(name, payload)]));
  const admin = (locale = 'en_US') => ({ locale, timezone: 'UTC', moduleKey: 'sla-admin-page' });
  const field = (doc: ReturnType<typeof findAll>[number], id: string) => findAll(doc, 'Textfield').find((f) => String(f.props.id).endsWith(`-${id}`))!;

  it('MK5: what the page does not edit (an OLA, a condition on another field) rides along unchanged', () => {
    expect(catalogueOf(catalogueDraftOf(WITH_OLA))).toEqual({
      ...WITH_OLA,
      // The page writes out the defaults it shows: no monthly cost is 0, no tier is an empty ladder.
      services: [WITH_OLA.services[0], { ...CATALOGUE.services[1], price: { perRequest: 50_000, monthlyCost: 0 }, credits: [] }],
    });
  });

  it('MK5: loads the stored catalogue, edits a price and a tier, saves it; a negative price is shown under its field and not stored', async () => {
    expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
    expect(await call('saveCatalogue', { catalogue: WITH_OLA })).toEqual({ ok: true });
    resetUi(admin(), bridge);
    let doc = await render(<CatalogueEditor policyIds={['resolve']} m={marketMessagesFor('en')} />);
    expect(field(doc, 'service-0-per-request').props.value).toBe('200000');
    expect(field(doc, 'service-0-tier-2-below').props.value).toBe('80');
    const types = (d: typeof doc) => findAll(d, 'Select').find((select) => String(select.props.inputId).endsWith('-service-0-types'))!;
    expect(types(doc).props.value).toEqual([{ label: 'Purchase request', value: 'Purchase request' }]);
    doc = await fire(types(doc).props.onChange, [{ label: 'Purchase request', value: 'Purchase request' }, { label: 'Capex request', value: 'Capex request' }]);
    doc = await fire(field(doc, 'service-1-per-request').props.onChange, { target: { value: '-5' } });
    doc = await fire(findAll(doc, 'Button').find((b) => textOf(b) === 'Save catalogue')!.props.onClick);
    expect(textOf(doc)).toContain('services.1 (it): price.perRequest: expected an amount of 0 or more');
    expect((await call('getCatalogue')).catalogue).toEqual(WITH_OLA);
    doc = await fire(field(doc, 'service-1-per-request').props.onChange, { target: { value: '60000' } });
    doc = await fire(findAll(doc, 'Button').filter((b) => textOf(b) === 'Add tier')[1].props.onClick);
    doc = await fire(field(doc, 'service-1-tier-0-below').props.onChange, { target: { value: '90' } });
    doc = await fire(field(doc, 'service-1-tier-0-credit').props.onChange, { target: { value: '10' } });
    doc = await fire(findAll(doc, 'Button').find((b) => textOf(b) === 'Save catalogue')!.props.onClick);
    expect(textOf(doc)).toContain('Catalogue saved.');
    const saved = (await call('getCatalogue')).catalogue;
    expect(saved.services[1]).toMatchObject({ price: { perRequest: 60_000, monthlyCost: 0 }, credits: [{ below: 0.9, credit: 0.1 }] });
    expect(saved.services[0].ola).toEqual(OLA);
    expect(saved.services[0].when).toEqual([{ field: 'requestType', in: ['Purchase request', 'Capex request'] }, { field: 'priority', in: ['High'] }]);
  });
});

describe('MK5: a service chosen by JQL in the catalogue editor', () => {
  it('MK5: switching a service to JQL replaces its request types by the JQL typed; the statement then reads the search', async () => {
    expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
    expect(await call('saveCatalogue', { catalogue: CATALOGUE })).toEqual({ ok: true });
    resetUi({ locale: 'vi_VN', timezone: 'UTC' }, Object.fromEntries(['getCatalogue', 'saveCatalogue', 'adminPicker'].map((name) => [name, (payload: unknown) => call(name, payload)])));
    let doc = await render(<CatalogueEditor policyIds={['resolve']} m={marketMessagesFor('vi')} />);
    const chosenBy = findAll(doc, 'Select').find((select) => String(select.props.inputId).endsWith('-service-1-chosen-by'))!;
    expect(chosenBy.props.value).toEqual({ label: 'Loại yêu cầu', value: 'requestType' });
    doc = await fire(chosenBy.props.onChange, { label: 'JQL', value: 'jql' });
    const jql = findAll(doc, 'TextArea').find((area) => String(area.props.id).endsWith('-service-1-jql'))!;
    doc = await fire(jql.props.onChange, { target: { value: 'key in (SUP-6, SUP-7)' } });
    doc = await fire(findAll(doc, 'Button').find((b) => textOf(b) === 'Lưu danh mục')!.props.onClick);
    expect(textOf(doc)).toContain('Đã lưu danh mục.');
    const saved = (await call('getCatalogue')).catalogue;
    expect(saved.services[1]).toMatchObject({ id: 'it', when: [], jql: 'key in (SUP-6, SUP-7)' });
    expect(saved.services[0].when).toEqual(CATALOGUE.services[0].when);
  });
});

describe('gaming signals on the scorecard gadget, from the stored cycles', () => {
  const TEAM_FIELD = 'customfield_10020';
  const KPI = { perspective: 'customer', pillar: 'speed', direction: 'higher', unit: '%', frequency: 'monthly', indicator: 'lagging', target: 0.9 } as const;
  const person = (id: string, team: string) => ({ id, name: team, kind: 'scorecard', level: 'person', owner: team, weight: 1, pay: { base: 10_000_000, gate: 0.5 }, kpis: [{ ...KPI, id: `${id}-sla`, name: `${team}: SLA met`, owner: team }] });
  const tree = { root: { id: 'bo', name: 'Back office', kind: 'scorecard', level: 'department', method: 'weighted', children: [person('purch', 'Purchasing'), person('fin', 'Finance')] } };
  const config = { ...CONFIG, schemaVersion: 3, fields: { ...CONFIG.fields, team: TEAM_FIELD }, scorecards: [{ tree, sources: { 'purch-sla': 'sla:resolve', 'fin-sla': 'sla:resolve' }, viewers: { accounts: [forgeUser.accountId] } }] };

  /** A team's ticket resolved `minutes` after its creation (goal 8 h, every hour working). */
  function resolvedBy(n: number, team: string, minutes: number): DoubleIssue {
    const created = T0 + n * HOUR;
    const issue = jiraIssueOf({ key: `SUP-${n}`, created, status: 'Open', fields: { project: 'SUP', priority: 'High', requestType: 'IT access' }, events: [{ at: created + minutes * 60_000, field: 'status', to: 'Resolved' }] }, String(1000 + n));
    (issue.fields)[TEAM_FIELD] = team;
    return issue;
  }

  it('G3: Purchasing stops 20 cycles with 15 minutes of 8 h left (3 %): flagged, on its pay line; Finance with 60 minutes left (12.5 %) is not', async () => {
    await appLifecycle({ eventType: 'avi:forge:installed:app' });
    expect(await call('saveConfig', { config })).toEqual({ ok: true });
    for (let n = 1; n <= 20; n++) forge.jira.add(resolvedBy(n, 'Purchasing', 465));
    for (let n = 21; n <= 40; n++) forge.jira.add(resolvedBy(n, 'Finance', 420));
    await syncAt(Date.parse('2025-03-20T00:00:00Z'));
    const answer = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' });
    const g3 = (team: string) => answer.signals.find((g: { group: string }) => g.group === team).signals.find((s: { signal: string }) => s.signal === 'G3');
    expect(g3('Purchasing')).toMatchObject({ count: 20, of: 20, share: 1, flagged: true });
    expect(g3('Purchasing').examples).toHaveLength(10);
    expect(g3('Finance')).toMatchObject({ count: 0, of: 20, flagged: false });
    expect(answer.reviews).toEqual([{ scorecardId: 'purch', notes: [expect.objectContaining({ signal: 'G3', group: 'Purchasing', examples: g3('Purchasing').examples })] }]);
    // Scores never change silently: both teams met every cycle and score alike.
    const [purch, fin] = answer.tree.children;
    expect(purch.score).toBe(fin.score);
    // A viewer who is not an admin nor the owner sees the signals, but no pay and so no review note.
    forge.jira.admins.clear();
    const viewer = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' });
    expect(viewer.signals).toEqual(answer.signals);
    expect(viewer.reviews).toEqual([]);
  });
});

describe('G4 on the scorecard gadget: pause share per team from the stored cycles', () => {
  const TEAM_FIELD = 'customfield_10020';
  const PAUSING = { ...CONFIG, fields: { ...CONFIG.fields, team: TEAM_FIELD }, policies: [{ ...CONFIG.policies[0], pause: { statuses: ['Waiting'] } }] };
  const KPI = { perspective: 'customer', pillar: 'speed', direction: 'higher', unit: '%', frequency: 'monthly', indicator: 'lagging', target: 0.9, owner: 'Payroll' } as const;
  const config = { ...PAUSING, schemaVersion: 3, scorecards: [{ tree: { root: { id: 'bo', name: 'Back office', kind: 'scorecard', level: 'department', method: 'weighted', kpis: [{ ...KPI, id: 'sla', name: 'SLA met' }] } }, sources: { sla: 'sla:resolve' } }] };

  /** A team's ticket that waits `waitHours` (paused) after its first hour, then is resolved an hour later. */
  function waiting(n: number, team: string, waitHours: number): DoubleIssue {
    const created = T0 + n * HOUR;
    const events = waitHours === 0
      ? [{ at: created + 2 * HOUR, field: 'status', to: 'Resolved' }]
      : [{ at: created + HOUR, field: 'status', to: 'Waiting' }, { at: created + (1 + waitHours) * HOUR, field: 'status', to: 'Open' }, { at: created + (2 + waitHours) * HOUR, field: 'status', to: 'Resolved' }];
    const issue = jiraIssueOf({ key: `SUP-${n}`, created, status: 'Open', fields: { project: 'SUP', priority: 'High', requestType: 'IT access' }, events }, String(1000 + n));
    (issue.fields)[TEAM_FIELD] = team;
    return issue;
  }

  it('G4: Payroll pauses 8 h of every 10 h (0.8, above twice the median 1/3): flagged; Finance (1 h of 3 h, the median) and HR (none) are not', async () => {
    await appLifecycle({ eventType: 'avi:forge:installed:app' });
    expect(await call('saveConfig', { config })).toEqual({ ok: true });
    for (let n = 1; n <= 10; n++) forge.jira.add(waiting(n, 'Payroll', 8));
    for (let n = 11; n <= 20; n++) forge.jira.add(waiting(n, 'Finance', 1));
    for (let n = 21; n <= 30; n++) forge.jira.add(waiting(n, 'HR', 0));
    await syncAt(Date.parse('2025-03-20T00:00:00Z'));
    const answer = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' });
    const g4 = (team: string) => answer.signals.find((g: { group: string }) => g.group === team).signals.find((s: { signal: string }) => s.signal === 'G4');
    expect(g4('Payroll')).toMatchObject({ count: 10, of: 10, share: 0.8, threshold: 2 / 3, flagged: true });
    expect(g4('Finance')).toMatchObject({ count: 10, share: 1 / 3, flagged: false });
    expect(g4('HR')).toMatchObject({ count: 0, share: 0, flagged: false });
    // The KPI Payroll owns is on the root scorecard, which pays no one: no pay line to review.
    expect(answer.reviews).toEqual([]);
  });
});

describe('G2 on the scorecard gadget: premature stops per team from the stored cycles', () => {
  const TEAM_FIELD = 'customfield_10020';
  const REOPENING = { ...CONFIG, fields: { ...CONFIG.fields, team: TEAM_FIELD }, policies: [{ ...CONFIG.policies[0], start: { on: 'status', statuses: ['Open'] } }] };
  const KPI = { perspective: 'customer', pillar: 'speed', direction: 'higher', unit: '%', frequency: 'monthly', indicator: 'lagging', target: 0.9, owner: 'Payroll' } as const;
  const config = { ...REOPENING, schemaVersion: 3, scorecards: [{ tree: { root: { id: 'bo', name: 'Back office', kind: 'scorecard', level: 'department', method: 'weighted', kpis: [{ ...KPI, id: 'sla', name: 'SLA met' }] } }, sources: { sla: 'sla:resolve' } }] };

  /** A team's ticket resolved after 2 h, reopened `reopenHours` later and resolved again 2 h after that. */
  function reopened(n: number, team: string, reopenHours: number): DoubleIssue {
    const created = T0 + n * HOUR;
    const reopen = created + (2 + reopenHours) * HOUR;
    const events = [{ at: created + 2 * HOUR, field: 'status', to: 'Resolved' }, { at: reopen, field: 'status', to: 'Open' }, { at: reopen + 2 * HOUR, field: 'status', to: 'Resolved' }];
    const issue = jiraIssueOf({ key: `SUP-${n}`, created, status: 'Open', fields: { project: 'SUP', priority: 'High', requestType: 'IT access' }, events }, String(1000 + n));
    (issue.fields)[TEAM_FIELD] = team;
    return issue;
  }

  it('G2: Payroll\'s tickets reopen an hour after the stop: flagged with examples; Finance\'s reopen after 3 days (outside 2 business days): not', async () => {
    await appLifecycle({ eventType: 'avi:forge:installed:app' });
    expect(await call('saveConfig', { config })).toEqual({ ok: true });
    for (let n = 1; n <= 5; n++) forge.jira.add(reopened(n, 'Payroll', 1));
    for (let n = 6; n <= 10; n++) forge.jira.add(reopened(n, 'Finance', 72));
    await syncAt(Date.parse('2025-03-20T00:00:00Z'));
    const answer = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' });
    const g2 = (team: string) => answer.signals.find((g: { group: string }) => g.group === team).signals.find((s: { signal: string }) => s.signal === 'G2');
    expect(g2('Payroll')).toMatchObject({ count: 5, of: 10, share: 0.5, flagged: true });
    expect([...g2('Payroll').examples].sort()).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5']);
    expect(g2('Finance')).toMatchObject({ count: 0, of: 10, flagged: false });
  });
});

describe('MK5: the statement before the SQL upgrade', () => {
  it('MK5: results still in KVS give the same statement', async () => {
    expect(await loadStorageState()).not.toEqual({ backend: 'sql' });
    expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
    expect(await call('getMarketStatement', { projects: ['SUP'], month: '2025-03' })).toMatchObject({ error: 'NO_CATALOGUE' });
    resetUi({ locale: 'en_US', timezone: 'UTC', extension: { gadgetConfiguration: { projects: 'SUP' } } }, { getMarketStatement: (payload: unknown) => call('getMarketStatement', payload) });
    expect(textOf(await render(<MarketStatementGadget />))).toContain('No service catalogue yet: a Jira administrator sets it on the app\'s admin page.');
    expect(await call('saveCatalogue', { catalogue: CATALOGUE })).toEqual({ ok: true });
    addMarch();
    await syncAt(Date.parse('2025-03-20T00:00:00Z'));
    expect((await call('getMarketStatement', { projects: ['SUP'], month: '2025-03' })).lines).toEqual(MARCH_LINES);
  });
});
