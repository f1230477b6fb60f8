import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser, invokeResolver, VIEW_MODULE } from './helpers/forge-doubles';
import { jiraIssueOf, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());

const { resolverHandler, syncTrigger, syncConsumer, issueEvents } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');
const { MODULES } = await import('../forge-app/src/resolvers/access');

const HOUR = 3_600_000;
const T0 = Date.parse('2025-03-03T00:00:00Z');
const ADMIN = forgeUser.accountId;

/** A resolver call from the module whose view makes it, as `accountId` (the admin by default). */
const call = (functionKey: string, payload: unknown = {}, as: { accountId?: string | null; moduleKey?: string; license?: Record<string, unknown>; extension?: Record<string, unknown> } = {}) =>
  invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey], ...as });

const KPI = { perspective: 'customer', pillar: 'speed', direction: 'higher', unit: '%', frequency: 'monthly', owner: 'Lan', indicator: 'lagging' } as const;

/** A department card with Lan's person card under it: Lan's pay follows her score, her payroll accuracy is typed by an admin. */
const SCORECARD = {
  tree: {
    missing: 'ignore',
    root: {
      id: 'bo', name: 'Back office', kind: 'scorecard', level: 'department',
      kpis: [{ ...KPI, id: 'sla', name: 'SLA met', target: 0.95 }],
      children: [
        { id: 'lan', name: 'Lan', kind: 'scorecard', level: 'person', owner: 'Lan', weight: 0, pay: { base: 10_000_000, gate: 0.5 }, kpis: [
          { ...KPI, id: 'payroll', name: 'Payroll accuracy', pillar: 'accuracy', target: 0.99 },
        ] },
      ],
    },
  },
  sources: { sla: 'sla:resolve' },
  viewers: { accounts: ['viewer-1'], groups: ['group-finance'], projects: [] },
  ownerAccountId: 'owner-1',
};

const CONFIG = {
  schemaVersion: 3,
  calendars: { always: 'Mo-Su 00:00-24:00 | tz=UTC' },
  policies: [{ id: 'resolve', name: 'Resolve in 8h', stop: { statuses: ['Resolved'] }, goals: [{ target: '8h', calendar: 'always' }] }],
  scorecards: [SCORECARD],
  fields: { requestType: REQUEST_TYPE_FIELD, team: null, extra: {} },
  sync: { scopeJql: 'project in (SUP, HR)', readJsmSla: false, readFeedback: false, reportTimeZone: 'UTC' },
};

const resolvedTicket = (key: string, hours: number, fields: Record<string, string> = {}) =>
  jiraIssueOf({ key, created: T0, status: 'Open', fields: { project: key.split('-')[0], priority: 'High', ...fields }, events: [
    { at: T0 + hours * HOUR, field: 'status', to: 'Resolved' },
    { at: T0 + hours * HOUR, field: 'resolution', to: 'Done' },
  ] }, String(1000 + Number(key.replace(/\D/g, ''))));

async function syncAt(now: number) {
  runtime.now = () => now;
  await syncTrigger();
  for (const event of forge.queue.drain()) await syncConsumer(event as never);
}

beforeEach(async () => {
  forge.reset();
  runtime.sleep = async () => {};
  forge.jira.browsable = new Set(['SUP']);
  forge.jira.admins.add(ADMIN);
  expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
});

describe('SEC1: scorecards, pay and typed actuals', () => {
  beforeEach(async () => {
    forge.jira.add(resolvedTicket('SUP-1', 2));
    await syncAt(T0 + 10 * HOUR);
    expect(await call('saveScorecardActuals', { scorecardId: 'bo', month: '2025-03', values: { payroll: 0.97 } })).toEqual({ ok: true });
  });

  const card = (accountId: string, moduleKey: string = MODULES.scorecardGadget) => call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' }, { accountId, moduleKey });
  const lanOf = (answer: any) => answer.tree.children[0];

  it('SEC1: a non-admin calling getScorecard from the portal module, and a non-viewer calling it from a gadget, are refused', async () => {
    forge.jira.browsableBy.set('stranger', new Set());
    expect(await card('stranger', MODULES.portal)).toEqual({ error: 'FORBIDDEN', message: 'getScorecard is not available from the module inps-portal-question' });
    expect(await card('stranger')).toEqual({ error: 'FORBIDDEN', message: 'you are not among the viewers of scorecard "bo"' });
    // Browsing the gadget's projects does not make a viewer: the scorecard's own list decides.
    forge.jira.browsableBy.set('browser', new Set(['SUP']));
    expect(await card('browser')).toEqual({ error: 'FORBIDDEN', message: 'you are not among the viewers of scorecard "bo"' });
  });

  it('SEC1: pay, payouts and typed actuals reach only admins and the owner; listed people, group members and project browsers see the scores', async () => {
    for (const accountId of [ADMIN, 'owner-1']) {
      const answer = await card(accountId);
      expect(lanOf(answer).payout, accountId).toBeGreaterThan(0);
      expect(lanOf(answer).kpis[0], accountId).toMatchObject({ id: 'payroll', actual: 0.97, achievement: 0.97 / 0.99 });
      expect(answer.tree.kpis[0], accountId).toMatchObject({ id: 'sla', actual: 1 });
    }
    forge.jira.groupsOf.set('member-1', [{ name: 'Finance', groupId: 'group-finance' }]);
    forge.jira.groupsOf.set('member-2', [{ name: 'Sales', groupId: 'group-sales' }]);
    for (const accountId of ['viewer-1', 'member-1']) {
      const answer = await card(accountId);
      expect(answer.overall, accountId).toBeCloseTo(1 / 0.95, 12);
      expect(answer.tree.kpis[0], accountId).toMatchObject({ id: 'sla', actual: 1 });
      expect(lanOf(answer).payout, accountId).toBeNull();
      expect(lanOf(answer).kpis[0], accountId).toMatchObject({ id: 'payroll', actual: null, score: null, achievement: null, status: null, contribution: null });
    }
    expect(await card('member-2')).toMatchObject({ error: 'FORBIDDEN' });
    // "Anyone who can browse one of its projects": a scorecard that lists SUP.
    await call('saveConfig', { config: { ...CONFIG, scorecards: [{ ...SCORECARD, viewers: { accounts: [], groups: [], projects: ['SUP'] } }] } });
    forge.jira.browsableBy.set('browser', new Set(['SUP']));
    forge.jira.browsableBy.set('hr-only', new Set(['HR']));
    expect(lanOf(await card('browser')).payout).toBeNull();
    expect(await card('hr-only')).toMatchObject({ error: 'FORBIDDEN' });
    // Typed actuals themselves stay with admins.
    expect(await call('getScorecardActuals', { scorecardId: 'bo', month: '2025-03' }, { accountId: 'owner-1' })).toEqual({ error: 'FORBIDDEN', message: 'only Jira administrators can change the SLA configuration' });
  });

  it('SEC1: a stored scorecard without a viewer list is for admins and its owner only', async () => {
    const { viewers: _viewers, ownerAccountId: _owner, ...unlisted } = SCORECARD;
    await call('saveConfig', { config: { ...CONFIG, scorecards: [unlisted] } });
    expect(await card('viewer-1')).toMatchObject({ error: 'FORBIDDEN' });
    expect(lanOf(await card(ADMIN)).payout).toBeGreaterThan(0);
  });
});

describe('SEC2: counts only what the viewer may see', () => {
  const HR_ONLY = { id: '10100', name: 'HR only' };
  const userChecks = () => forge.jira.calls.filter((c) => c === 'user POST /rest/api/3/permissions/check').length;

  beforeEach(async () => {
    await call('saveConfig', { config: { ...CONFIG, scorecards: [{ ...SCORECARD, viewers: { accounts: ['viewer-2'], groups: [], projects: [] } }] } });
    forge.jira.add(resolvedTicket('SUP-1', 2, { assignee: 'alice' }));
    // Two issues under the "HR only" security level, which viewer-2 may not browse (though viewer-2 browses SUP).
    const breached = resolvedTicket('SUP-2', 12, { assignee: 'hidden-agent' });
    breached.fields.reporter = { accountId: 'requester-2', displayName: 'Requester 2' };
    const overdue = jiraIssueOf({ key: 'SUP-3', created: T0, status: 'Open', fields: { project: 'SUP', priority: 'High', assignee: 'hidden-agent' }, events: [] }, '1003');
    for (const issue of [breached, overdue]) {
      issue.fields.security = HR_ONLY;
      forge.jira.add(issue);
      forge.jira.secure(issue.key, 'viewer-2');
    }
    await syncAt(T0 + 13 * HOUR);
    const survey = await call('submitInps', { score: 0 }, { accountId: 'requester-2', extension: { request: { key: 'SUP-2', typeId: '7' }, portal: { id: '1' } } });
    expect(survey).toEqual({ ok: true, score: 0 });
    forge.jira.browsableBy.set('viewer-2', new Set(['SUP']));
  });

  it('SEC2: a secured issue the viewer cannot browse is in no count, group or at-risk line of the compliance gadget; its level is checked once', async () => {
    const query = { policyId: 'resolve', projects: ['SUP'], periods: 4, groupBy: 'assignee' };
    const everything = await call('getCompliance', query);
    expect(everything.total).toMatchObject({ met: 1, breached: 1, ongoingBreached: 1 });
    expect(everything.groups.map((g: any) => g.key).sort()).toEqual(['alice', 'hidden-agent']);
    expect(everything.atRisk.map((r: any) => r.key)).toEqual(['SUP-3']);
    forge.jira.calls.length = 0;
    const seen = await call('getCompliance', query, { accountId: 'viewer-2' });
    expect(seen.total).toMatchObject({ met: 1, breached: 0, ongoingBreached: 0, compliance: 1 });
    expect(seen.groups).toEqual([{ key: 'alice', met: 1, breached: 0, ongoingBreached: 0, compliance: 1 }]);
    expect(JSON.stringify(seen)).not.toContain('hidden-agent');
    expect(seen.atRisk).toEqual([]);
    expect(seen.trend).toEqual([{ period: '2025-W10', compliance: 1 }]);
    // One check for the level (three secured cycles in two buckets), one for the at-risk list's issues.
    expect(userChecks()).toBe(2);
  });

  it('SEC2: the customer report and the scorecard leave out the secured issue\'s cycles, turnaround and survey answer', async () => {
    const everything = await call('getCustomerReport', { policyId: 'resolve', projects: ['SUP'] });
    expect(everything.rows).toEqual([expect.objectContaining({ organization: '', met: 1, breached: 2, resolved: 2, answers: 1, inps: -100 })]);
    forge.jira.calls.length = 0;
    const seen = await call('getCustomerReport', { policyId: 'resolve', projects: ['SUP'] }, { accountId: 'viewer-2' });
    expect(seen.rows).toEqual([{ organization: '', met: 1, breached: 0, compliance: 1, rag: 'green', medianTatHours: 2, resolved: 1, inps: null, answers: 0 }]);
    expect(userChecks()).toBe(1);

    const month = { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' };
    expect((await call('getScorecard', month)).tree.kpis[0]).toMatchObject({ id: 'sla', actual: 1 / 3 });
    expect((await call('getScorecard', month, { accountId: 'viewer-2' })).tree.kpis[0]).toMatchObject({ id: 'sla', actual: 1 });
  });

  it('SEC2: a level whose sample issue is gone counts as not browsable (fails closed)', async () => {
    forge.jira.deleteIssue('SUP-2');
    forge.jira.deleteIssue('SUP-3');
    const seen = await call('getCompliance', { policyId: 'resolve', projects: ['SUP'], periods: 4 });
    expect(seen.total).toMatchObject({ met: 1, breached: 0, ongoingBreached: 0 });
  });
});

describe('SEC3: project lists and query fields', () => {
  beforeEach(async () => {
    forge.jira.add(resolvedTicket('SUP-1', 2));
    await syncAt(T0 + 10 * HOUR);
  });

  it('SEC3: 50 copies of one project key count its tickets once, with the storage reads of one project', async () => {
    forge.kvs.queriedPrefixes.length = 0;
    const once = await call('getCompliance', { policyId: 'resolve', projects: ['SUP'], periods: 4 });
    const readsOfOne = forge.kvs.queriedPrefixes.length;
    forge.kvs.queriedPrefixes.length = 0;
    const copies = await call('getCompliance', { policyId: 'resolve', projects: Array(50).fill('SUP'), periods: 4 });
    expect(copies.total).toMatchObject({ met: 1, breached: 0 });
    expect(copies).toEqual(once);
    expect(forge.kvs.queriedPrefixes.length).toBe(readsOfOne);
    const report = await call('getCustomerReport', { policyId: 'resolve', projects: Array(50).fill('SUP') });
    expect(report.projects).toEqual(['SUP']);
    expect(report.rows.reduce((n: number, r: any) => n + r.met, 0)).toBe(1);
  });

  it('SEC3: an oversized list, an unknown groupBy and numbers out of range are refused naming the field, before any read', async () => {
    const many = Array.from({ length: 51 }, (_, i) => `P${i}`);
    forge.kvs.queriedPrefixes.length = 0;
    forge.jira.calls.length = 0;
    expect(await call('getCompliance', { policyId: 'resolve', projects: many })).toEqual({ error: 'INVALID_PAYLOAD', field: 'projects', message: 'projects: at most 50 different projects' });
    expect(await call('getScorecard', { scorecardId: 'bo', projects: many })).toEqual({ error: 'INVALID_PAYLOAD', field: 'projects', message: 'projects: at most 50 different projects' });
    expect(await call('getCustomerReport', { policyId: 'resolve', projects: many })).toMatchObject({ error: 'INVALID_PAYLOAD', field: 'projects' });
    expect(await call('getCompliance', { policyId: 'resolve', projects: ['SUP'], groupBy: 'reporter' })).toMatchObject({ error: 'INVALID_PAYLOAD', field: 'groupBy' });
    expect(await call('getCompliance', { policyId: 'resolve', projects: ['SUP'], periods: 0 })).toMatchObject({ error: 'INVALID_PAYLOAD', field: 'periods' });
    expect(await call('getCompliance', { policyId: 'resolve', projects: ['SUP'], periods: 1e9 })).toMatchObject({ error: 'INVALID_PAYLOAD', field: 'periods' });
    expect(await call('getCustomerReport', { policyId: 'resolve', projects: ['SUP'], months: 25 })).toMatchObject({ error: 'INVALID_PAYLOAD', field: 'months' });
    expect(await call('getCompliance', { policyId: 'resolve', projects: ['SUP', 'SUP) OR key in (HR-1'] })).toMatchObject({ error: 'INVALID_PAYLOAD', field: 'projects.1' });
    expect(await call('getCompliance', { projects: ['SUP'] })).toMatchObject({ error: 'INVALID_PAYLOAD', field: 'policyId' });
    expect(await call('getCompliance', 'SUP')).toMatchObject({ error: 'INVALID_PAYLOAD', field: '' });
    expect(forge.kvs.queriedPrefixes).toEqual([]);
    expect(forge.jira.calls).toEqual([]);
  });
});

describe('SEC4: licensing fails closed', () => {
  const quietRun = () => ({ jira: forge.jira.calls.length, sets: forge.kvs.sets, pushes: forge.queue.pushes.length, properties: forge.jira.propertyWrites.length });

  it('SEC4: in production an inactive or missing license stops every resolver; active decides before the deprecated isActive', async () => {
    forge.jira.add(resolvedTicket('SUP-1', 2));
    await syncAt(T0 + 10 * HOUR);
    forge.environmentType = 'PRODUCTION';
    const unlicensed = { error: 'UNLICENSED', message: 'This app needs an active license for this site: ask a Jira administrator to check Manage apps.' };
    const query = { policyId: 'resolve', projects: ['SUP'], periods: 4 };
    for (const license of [undefined, {}, { active: false }, { isActive: false }, { active: false, isActive: true }, { active: null, isActive: null }]) {
      const label = JSON.stringify(license) ?? 'no license';
      forge.jira.calls.length = 0;
      expect(await call('getCompliance', query, { license }), label).toEqual(unlicensed);
      expect(await call('getConfig', {}, { license }), label).toEqual(unlicensed);
      expect(forge.jira.calls, label).toEqual([]);
    }
    expect(await call('getCompliance', query, { license: { active: true, isActive: false } })).toMatchObject({ total: { met: 1 } });
    expect(await call('getCompliance', query, { license: { isActive: true, isEvaluation: true } })).toMatchObject({ total: { met: 1 } });
    // Development and staging installs get no license from Atlassian and are served.
    for (const environment of ['DEVELOPMENT', 'STAGING'] as const) {
      forge.environmentType = environment;
      expect(await call('getCompliance', query), environment).toMatchObject({ total: { met: 1 } });
      expect(await call('getCompliance', query, { license: { active: false } }), environment).toEqual(unlicensed);
    }
  });

  it('SEC4: the scheduled trigger, the issue events and the queue consumer of an unlicensed production site read and write nothing, the issue property included', async () => {
    forge.environmentType = 'PRODUCTION';
    forge.jira.add(resolvedTicket('SUP-1', 2));
    runtime.now = () => T0 + 10 * HOUR;
    const before = quietRun();
    for (const context of [undefined, { installContext: 'ari:cloud:jira::site/1' }, { license: { active: false } }, { license: { isActive: false } }]) {
      await syncTrigger(undefined, context);
      await issueEvents({ eventType: 'avi:jira:updated:issue', issue: { id: '1001', key: 'SUP-1', fields: { project: { key: 'SUP' } } } } as never, context);
      await syncConsumer({ body: { kind: 'batch', issueKeys: ['SUP-1'] } } as never, context);
      expect(quietRun(), JSON.stringify(context)).toEqual(before);
    }
    // The same site licensed: the hourly run syncs and writes the JQL-searchable property.
    const licensed = { license: { active: true } };
    await syncTrigger(undefined, licensed);
    for (const event of forge.queue.drain()) await syncConsumer(event as never, licensed);
    expect(forge.jira.propertyWrites).toEqual(['PUT SUP-1/sla-state']);
  });
});

describe('SEC5: one survey answer', () => {
  it('SEC5: two simultaneous answers by the requester leave one, counted once', async () => {
    const issue = resolvedTicket('SUP-7', 2);
    issue.fields.reporter = { accountId: 'requester-7', displayName: 'Requester 7' };
    forge.jira.add(issue);
    await syncAt(T0 + 10 * HOUR);
    const answer = (score: number) =>
      call('submitInps', { score }, { accountId: 'requester-7', extension: { request: { key: 'SUP-7', typeId: '7' }, portal: { id: '1' } } });
    const answers = await Promise.all([answer(0), answer(10)]);
    const winner = answers.find((a) => a.ok)!;
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toEqual({ error: 'ALREADY_ANSWERED', score: winner.score });
    const buckets = [...forge.kvs.data].filter(([key]) => key.startsWith('inps:'));
    expect(buckets.flatMap(([, bucket]) => Object.values((bucket as { entries: Record<string, unknown[]> }).entries)).map((e) => e[0])).toEqual([winner.score]);
    expect((forge.kvs.data.get('inps-answer:SUP-7:requester-7') as { score: number }).score).toBe(winner.score);
  });

  it('SEC5: an answer whose count was lost (a crash after the record) is counted when the requester comes back, once', async () => {
    const issue = resolvedTicket('SUP-8', 2);
    issue.fields.reporter = { accountId: 'requester-8', displayName: 'Requester 8' };
    forge.jira.add(issue);
    await syncAt(T0 + 10 * HOUR);
    const answer = (score: number) => call('submitInps', { score }, { accountId: 'requester-8', extension: { request: { key: 'SUP-8', typeId: '7' }, portal: { id: '1' } } });
    forge.kvs.crashOnSet = 2; // the record is written, the bucket write dies with the invocation
    await expect(answer(9)).rejects.toThrow('simulated crash');
    forge.kvs.revive();
    const entries = () => [...forge.kvs.data].filter(([key]) => key.startsWith('inps:')).flatMap(([, b]) => Object.values((b as { entries: Record<string, unknown[]> }).entries));
    expect(entries()).toEqual([]);
    expect(await answer(3)).toEqual({ error: 'ALREADY_ANSWERED', score: 9 });
    expect(await answer(3)).toEqual({ error: 'ALREADY_ANSWERED', score: 9 });
    expect(entries().map((e) => e[0])).toEqual([9]);
  });
});

describe('SEC6: each resolver answers only the modules it belongs to', () => {
  /** Every resolver and the modules its views live in (the README's table). */
  const BELONGS: Record<string, string[]> = {
    getConfig: [MODULES.adminPage], saveConfig: [MODULES.adminPage], retryFailedNow: [MODULES.adminPage], startRecompute: [MODULES.adminPage],
    adminPicker: [MODULES.adminPage], previewCalendar: [MODULES.adminPage], tryPolicy: [MODULES.adminPage], checkConfig: [MODULES.adminPage], checkJql: [MODULES.adminPage], getAlertAudit: [MODULES.adminPage],
    getScorecardActuals: [MODULES.adminPage], saveScorecardActuals: [MODULES.adminPage],
    getCatalogue: [MODULES.adminPage], saveCatalogue: [MODULES.adminPage], getMarketStatement: [MODULES.marketGadget], getMarketOla: [MODULES.marketGadget],
    getCompliance: [MODULES.complianceGadget], getCycleList: [MODULES.complianceGadget], getScorecard: [MODULES.scorecardGadget], getCustomerReport: [MODULES.customerGadget],
    getChoices: [MODULES.complianceGadget, MODULES.scorecardGadget, MODULES.customerGadget, MODULES.marketGadget],
    getIssueClocks: [MODULES.issuePanel], getInpsQuestion: [MODULES.portal], submitInps: [MODULES.portal],
    getAppLanguage: Object.values(MODULES),
    setUserLanguage: Object.values(MODULES).filter((m) => m !== MODULES.portal),
    setSiteLanguage: [MODULES.adminPage],
  };

  it('SEC6: the module keys are the manifest\'s, and every resolver is in the table', () => {
    const manifest = readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8');
    const declared = [...manifest.matchAll(/^ {4}- key: ([\w-]+)$/gm)].map((m) => m[1]);
    expect(declared).toEqual(expect.arrayContaining(Object.values(MODULES)));
    expect(Object.keys(VIEW_MODULE).sort()).toEqual(Object.keys(BELONGS).sort());
  });

  it('SEC6: a resolver called from a module it does not belong to, or with no module, is refused before any read', async () => {
    forge.jira.add(resolvedTicket('SUP-1', 2));
    await syncAt(T0 + 10 * HOUR);
    const everyModule = [...Object.values(MODULES), 'some-other-app-module'];
    for (const [name, modules] of Object.entries(BELONGS)) {
      for (const moduleKey of everyModule.filter((m) => !modules.includes(m))) {
        forge.jira.calls.length = 0;
        forge.kvs.calls = 0;
        expect(await call(name, {}, { moduleKey }), `${name} from ${moduleKey}`).toEqual({ error: 'FORBIDDEN', message: `${name} is not available from the module ${moduleKey}` });
        expect([forge.jira.calls, forge.kvs.calls], `${name} from ${moduleKey}`).toEqual([[], 0]);
      }
      expect(await call(name, {}, { moduleKey: '' }), name).toEqual({ error: 'FORBIDDEN', message: `${name} is not available from outside the app's modules` });
    }
    // From its own module the admin page's configuration reaches the admin, and a gadget's data its viewer.
    expect(await call('getConfig', {}, { moduleKey: MODULES.adminPage })).toMatchObject({ input: CONFIG });
    expect(await call('getCompliance', { policyId: 'resolve', projects: ['SUP'] }, { moduleKey: MODULES.complianceGadget })).toMatchObject({ total: { met: 1 } });
  });
});
