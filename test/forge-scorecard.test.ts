/**
 * Forge scorecards on the one engine: the v2 → v3 configuration migration through the core's
 * treeOfScorecard, the checks saving makes (sources, ids, tree errors at their paths), typed actuals, and a tree
 * with several methods, the strict policy, carry-forward and pay evaluated from synced tickets.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PerspectiveScorecardSchema } from '../forge-app/src/config/perspective-scorecard';
import { forge, forgeMocks, forgeUser, invokeResolver, VIEW_MODULE } from './helpers/forge-doubles';
import { jiraIssueOf, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';
import { referenceScorecard } from './helpers/legacy-scorecard-reference';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());

const { resolverHandler, syncTrigger, syncConsumer } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');
const { migrateConfig } = await import('../forge-app/src/config/migrate');

const call = (functionKey: string, payload: unknown = {}) => invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey] });

const HOUR = 3_600_000;
const KPI = { perspective: 'customer', pillar: 'speed', direction: 'higher', unit: '%', frequency: 'monthly', owner: 'Lan', indicator: 'lagging' } as const;
const BASE = {
  calendars: { always: 'Mo-Su 00:00-24:00 | tz=UTC' },
  policies: [{ id: 'resolve', name: 'Resolve in 8h', stop: { statuses: ['Resolved'] }, goals: [{ target: '8h', calendar: 'always' }] }],
  fields: { requestType: REQUEST_TYPE_FIELD, team: null, extra: {} },
  sync: { scopeJql: 'project = SUP', readJsmSla: false, readFeedback: false, reportTimeZone: 'UTC' },
};

/** A version 2 scorecard: perspectives weighted 3:1, a department card cascading to a person card. */
const LEGACY = {
  id: 'bo', name: 'Back office', level: 'department', owner: 'Lan', perspectiveWeights: { customer: 3, 'internal-process': 1 },
  kpis: [
    { ...KPI, id: 'sla', name: 'SLA met', target: 95, guardedBy: 'ftr' },
    { ...KPI, id: 'ftr', name: 'First time right', perspective: 'internal-process', pillar: 'accuracy', target: 90 },
  ],
  children: [{ id: 'lan', name: 'Lan', level: 'person', owner: 'Lan', cascadesFrom: 'sla', kpis: [{ ...KPI, id: 'lan-tat', name: 'Turnaround', direction: 'lower', unit: 'h', target: 8 }] }],
};

beforeEach(() => {
  forge.reset();
  forge.jira.admins.add(forgeUser.accountId);
  forge.jira.browsable = new Set(['SUP']);
});

describe('configuration version 3: scorecards as trees', () => {
  it('migrates a stored v2 configuration: each perspective scorecard becomes its tree, scoring as before; the old value is backed up', async () => {
    const v2 = { schemaVersion: 2, ...BASE, scorecards: [LEGACY], notes: 'kept' };
    await forge.kvs.set('config', v2);
    const loaded = await call('getConfig');
    expect(loaded.errors).toEqual([]);
    expect(loaded.input.schemaVersion).toBe(3);
    expect(loaded.input.notes).toBe('kept');
    const [card] = loaded.input.scorecards;
    expect(card.sources).toEqual({});
    expect(card.tree.root).toMatchObject({ id: 'bo', kind: 'scorecard', level: 'department', owner: 'Lan' });
    expect(card.tree.root.children.map((c: any) => [c.id, c.kind, c.weight, c.kpis.map((k: any) => k.id)])).toEqual([
      ['bo/customer', 'perspective', 3, ['sla']],
      ['bo/internal-process', 'perspective', 1, ['ftr']],
      ['lan', 'scorecard', 0, []],
    ]);
    expect(forge.kvs.data.get('config-backup:v2')).toEqual(v2);
    expect(forge.kvs.data.get('config')).toEqual(loaded.input);

    // Same overall as the old perspective rules (the plain reference) for the same actuals (typed: these KPIs have no source).
    expect(await call('saveScorecardActuals', { scorecardId: 'bo', month: '2025-03', values: { sla: 90, ftr: 99, 'lan-tat': 10 } })).toEqual({ ok: true });
    const answer = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' });
    const before = referenceScorecard(PerspectiveScorecardSchema.parse(LEGACY), { sla: 90, ftr: 99, 'lan-tat': 10 }, false);
    expect(answer.overall).toBeCloseTo(before.overall!, 12);
    expect(answer.tree.children[2].score).toBeCloseTo(before.children[0].overall!, 12);
  });

  it('keeps a v2 scorecard that has no tree (nothing to score) as it is, so the check names it', () => {
    const empty = { ...LEGACY, kpis: [], children: [] };
    const { config } = migrateConfig({ schemaVersion: 2, ...BASE, scorecards: [empty] });
    expect(config.scorecards).toEqual([empty]);
  });

  it('saving a v2 export migrates it (JSON import of an older version) and stores the current format', async () => {
    expect(await call('saveConfig', { config: { schemaVersion: 2, ...BASE, scorecards: [LEGACY] } })).toEqual({ ok: true });
    expect((forge.kvs.data.get('config') as any).schemaVersion).toBe(3);
    expect((forge.kvs.data.get('config') as any).scorecards[0].tree.root.id).toBe('bo');
  });

  it('saving checks the tree, the ids and every source, each error at its path', async () => {
    const tree = (id: string, kpis: unknown[]) => ({ missing: 'strict', root: { id, name: id, kind: 'scorecard', kpis } });
    const answer = await call('saveConfig', {
      config: {
        schemaVersion: 3,
        ...BASE,
        scorecards: [
          { tree: tree('bo', [{ ...KPI, id: 'cost', name: 'Cost', target: 50, scoring: { method: 'performance', min: 10, max: 10 } }]), sources: { cost: 'tat:p100', ghost: 'ftr' } },
          { tree: tree('bo', [{ ...KPI, id: 'sla', name: 'SLA', target: 0.95 }]), sources: { sla: 'sla:nope' } },
        ],
      },
    });
    expect(answer).toEqual({
      ok: false,
      errors: [{ path: 'scorecards.0.tree.root.kpis.0.scoring.max', message: 'KPI "cost": scoring.max (10) must be greater than scoring.min (10): the scale has no width' }],
    });
    const fixed = await call('saveConfig', {
      config: {
        schemaVersion: 3,
        ...BASE,
        scorecards: [
          { tree: tree('bo', [{ ...KPI, id: 'cost', name: 'Cost', target: 50 }]), sources: { cost: 'tat:p100', ghost: 'ftr' } },
          { tree: tree('bo', [{ ...KPI, id: 'sla', name: 'SLA', target: 0.95 }]), sources: { sla: 'sla:nope', other: 'sla:jsm:Time to resolution' } },
        ],
      },
    });
    expect(fixed.errors).toEqual([
      { path: 'scorecards.0.sources.cost', message: 'TAT: statistic must be mean, median, min, max, count or a percentile p1 to p99, not "p100"' },
      { path: 'scorecards.0.sources.ghost', message: '"ghost" is not a KPI of scorecard "bo"' },
      { path: 'scorecards.1.tree.root.id', message: 'scorecard id "bo" is used twice' },
      { path: 'scorecards.1.sources.sla', message: 'actualsFromFacts: sources.sla "sla:nope": no SLA policy "nope" in the report (policies: resolve)' },
      // Only the KPI is unknown: a JSM SLA metric (policy `jsm:<name>`) is a source whatever its name.
      { path: 'scorecards.1.sources.other', message: '"other" is not a KPI of scorecard "bo"' },
    ]);
    expect(forge.kvs.data.has('config')).toBe(false);
  });
});

describe('typed actuals', () => {
  const config = {
    schemaVersion: 3, ...BASE,
    scorecards: [{ tree: { root: { id: 'bo', name: 'Back office', kind: 'scorecard', kpis: [{ ...KPI, id: 'sla', name: 'SLA', target: 0.95 }, { ...KPI, id: 'payroll', name: 'Payroll accuracy', pillar: 'accuracy', target: 1, scoring: { method: 'binary' } }] } }, sources: { sla: 'sla:resolve' } }],
  };

  it('are for admins, for KPIs without a source, numbers only; null removes one', async () => {
    expect(await call('saveConfig', { config })).toEqual({ ok: true });
    expect(await call('saveScorecardActuals', { scorecardId: 'bo', month: '2025-3', values: {} })).toEqual({ error: 'INVALID_MONTH', message: 'month must be YYYY-MM, got "2025-3"' });
    expect(await call('saveScorecardActuals', { scorecardId: 'nope', month: '2025-03', values: {} })).toEqual({ error: 'NO_SCORECARD', scorecardId: 'nope' });
    expect(await call('saveScorecardActuals', { scorecardId: 'bo', month: '2025-03', values: { sla: 1, payroll: 'yes', ghost: 2 } })).toEqual({
      ok: false,
      errors: [
        { path: 'values.sla', message: 'KPI "sla" takes its actual from sla:resolve; typed values are for KPIs without a source' },
        { path: 'values.payroll', message: 'must be a number (or null to remove it), not "yes"' },
        { path: 'values.ghost', message: '"ghost" is not a KPI of scorecard "bo"' },
      ],
    });
    expect(await call('saveScorecardActuals', { scorecardId: 'bo', month: '2025-03', values: { payroll: 1 } })).toEqual({ ok: true });
    expect(await call('getScorecardActuals', { scorecardId: 'bo', month: '2025-03' })).toEqual({ values: { payroll: 1 } });
    expect(await call('getScorecardActuals', { scorecardId: 'bo', month: '2025-02' })).toEqual({ values: {} });
    let answer = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' });
    expect(answer.tree.kpis.map((k: any) => [k.id, k.method, k.actual, k.status])).toEqual([['sla', 'ratio', null, null], ['payroll', 'binary', 1, 'GREEN']]);
    expect(await call('saveScorecardActuals', { scorecardId: 'bo', month: '2025-03', values: { payroll: null } })).toEqual({ ok: true });
    answer = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' });
    expect(answer.tree.kpis[1].actual).toBeNull();
    // A typed value its method cannot score is named, not a crash: a negative time when lower is better.
    const lower = { ...config, scorecards: [{ tree: { root: { id: 'bo', name: 'Back office', kind: 'scorecard', kpis: [{ ...KPI, id: 'tat', name: 'Turnaround', direction: 'lower', unit: 'h', target: 8 }] } }, sources: {} }] };
    expect(await call('saveConfig', { config: lower })).toEqual({ ok: true });
    expect(await call('saveScorecardActuals', { scorecardId: 'bo', month: '2025-03', values: { tat: -2 } })).toEqual({ ok: true });
    expect(await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' })).toEqual({ error: 'INVALID_ACTUAL', message: expect.stringContaining('actuals.tat') });
    forge.jira.admins.clear();
    expect(await call('saveScorecardActuals', { scorecardId: 'bo', month: '2025-03', values: { payroll: 1 } })).toEqual({ error: 'FORBIDDEN', message: 'only Jira administrators can change the SLA configuration' });
    expect(await call('getScorecardActuals', { scorecardId: 'bo', month: '2025-03' })).toEqual({ error: 'FORBIDDEN', message: 'only Jira administrators can change the SLA configuration' });
  });
});

describe('a back-office tree from synced tickets', () => {
  async function syncAt(now: number) {
    runtime.now = () => now;
    // The clock stands still: the consumers' pacing between Jira calls must not sleep for real.
    runtime.sleep = async () => {};
    await syncTrigger();
    for (const event of forge.queue.drain()) await syncConsumer(event as never);
  }
  const resolved = (key: string, created: number, hours: number) =>
    jiraIssueOf({ key, created, status: 'Open', fields: { project: 'SUP', priority: 'High' }, events: [
      { at: created + hours * HOUR, field: 'status', to: 'Resolved' },
      { at: created + hours * HOUR, field: 'resolution', to: 'Done' },
    ] }, key.replace(/\D/g, ''));

  it('scores each KPI by its method from the sources, greys under strict, carries forward, pays the person', async () => {
    const { owner: _owner, ...UNOWNED } = KPI;
    const tree = {
      missing: 'carry-forward',
      root: {
        id: 'bo', name: 'Back office', kind: 'scorecard', level: 'department', method: 'weighted',
        children: [
          { id: 'speed', name: 'Speed', kind: 'objective', weight: 2, kpis: [
            { ...KPI, id: 'sla', name: 'SLA met', target: 0.9, guardedBy: 'ftr' },
            { ...KPI, id: 'tat', name: 'Turnaround', direction: 'lower', unit: 'h', target: 4, scoring: { method: 'progress', baseline: 12 }, guardedBy: 'ftr' },
          ] },
          { id: 'quality', name: 'Quality', kind: 'objective', method: 'min', kpis: [
            { ...KPI, id: 'ftr', name: 'First time right', pillar: 'accuracy', target: 1, scoring: { method: 'binary' } },
            { ...UNOWNED, id: 'dso', name: 'DSO', pillar: 'other', direction: 'lower', unit: 'days', target: 45, scoring: { method: 'progress', baseline: 60 } },
          ] },
          { id: 'lan', name: 'Lan', kind: 'scorecard', level: 'person', owner: 'Lan', weight: 0, pay: { base: 10_000_000, gate: 0.5 }, kpis: [
            { ...KPI, id: 'lan-sla', name: 'Lan: SLA met', target: 0.8, guardedBy: 'lan-ftr' },
            { ...KPI, id: 'lan-ftr', name: 'Lan: first time right', pillar: 'accuracy', target: 1 },
          ] },
        ],
      },
    };
    const sources = { sla: 'sla:resolve', tat: 'tat:median', ftr: 'ftr', 'lan-sla': 'sla', 'lan-ftr': 'ftr' };
    expect(await call('saveConfig', { config: { schemaVersion: 3, ...BASE, scorecards: [{ tree, sources }] } })).toEqual({ ok: true });
    // March: 3 resolved in 2 h, 6 h and 10 h (8 h goal): compliance 2/3, median TAT 6 h, none reopened. DSO typed in February only.
    const march = Date.parse('2025-03-03T00:00:00Z');
    forge.jira.add(resolved('SUP-1', march, 2));
    forge.jira.add(resolved('SUP-2', march, 6));
    forge.jira.add(resolved('SUP-3', march, 10));
    await syncAt(march + 20 * HOUR);
    expect(await call('saveScorecardActuals', { scorecardId: 'bo', month: '2025-02', values: { dso: 51 } })).toEqual({ ok: true });

    const answer = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' });
    const [speed, quality, lan] = answer.tree.children;
    expect(speed.kpis.map((k: any) => [k.id, k.method, k.actual, k.source, k.achievement, k.status])).toEqual([
      ['sla', 'ratio', 2 / 3, 'actual', 2 / 3 / 0.9, 'RED'], // sla:resolve, no status rule: the policy's agreed level (default 95 %, red below 85 %)
      ['tat', 'progress', 6, 'actual', 0.75, 'RED'], // (6 − 12) ÷ (4 − 12)
    ]);
    expect(quality.kpis.map((k: any) => [k.id, k.method, k.actual, k.source, k.achievement, k.status])).toEqual([
      ['ftr', 'binary', 1, 'actual', 1, 'GREEN'],
      ['dso', 'progress', 51, 'carried', 0.6, 'RED'], // February's 51: (51 − 60) ÷ (45 − 60)
    ]);
    expect(speed.score).toBeCloseTo((2 / 3 / 0.9 + 0.75) / 2, 12);
    expect(quality.score).toBeCloseTo(0.6, 12); // min
    expect(answer.overall).toBeCloseTo((2 * speed.score + quality.score) / 3, 12);
    expect(lan.score).toBeCloseTo((2 / 3 / 0.8 + 1) / 2, 12);
    expect(lan.payout).toBeCloseTo(10_000_000 * lan.score, 4);
    expect(answer.notes).toEqual([{ code: 'KPI_WITHOUT_OWNER', scorecardId: 'bo', kpiId: 'dso', count: null }]);

    // Strict: DSO has no value this month, so Quality and the scorecard above it are greyed.
    const strict = { ...tree, missing: 'strict' };
    expect(await call('saveConfig', { config: { schemaVersion: 3, ...BASE, scorecards: [{ tree: strict, sources }] } })).toEqual({ ok: true });
    const greyed = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' });
    expect([greyed.tree.greyed, greyed.tree.children.map((c: any) => [c.id, c.greyed, c.score === null])]).toEqual([true, [['speed', false, false], ['quality', true, true], ['lan', false, false]]]);
    expect(greyed.overall).toBeNull();
  });

  it('a JSM SLA metric is a source (sla:jsm:<metric>): its compliance from the synced JSM cycles', async () => {
    const kpi = (id: string, name: string) => ({ ...KPI, id, name, target: 0.9 });
    const tree = { root: { id: 'bo', name: 'Back office', kind: 'scorecard', kpis: [kpi('resolution', 'Time to resolution'), kpi('response', 'Time to first response')] } };
    const sources = { resolution: 'sla:jsm:Time to resolution', response: 'sla:jsm:Time to first response' };
    const config = { schemaVersion: 3, ...BASE, sync: { ...BASE.sync, readJsmSla: true }, scorecards: [{ tree, sources }] };
    expect(await call('saveConfig', { config })).toEqual({ ok: true });
    // JSM's answer for one request: resolution met (5 h 30 of 8 h), first response still open and breached.
    const created = Date.parse('2025-03-03T02:00:00Z');
    const issue = resolved('SUP-9', created, 6.5);
    issue.sla = JSON.parse(readFileSync(new URL('./fixtures/jira/jsm-sla.json', import.meta.url), 'utf8')).values;
    forge.jira.add(issue);
    await syncAt(created + 20 * HOUR);
    const answer = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' });
    expect(answer.tree.kpis.map((k: any) => [k.id, k.actual, k.source])).toEqual([
      ['resolution', 1, 'actual'],
      ['response', 0, 'actual'],
    ]);
    // The admin page's scorecard editor offers the metrics the sync has seen as sources.
    expect((await call('getConfig')).jsmMetrics).toEqual(['Time to first response', 'Time to resolution']);
  });

  it('an SLA KPI without a status rule is coloured by its policy\'s agreed compliance level and amber margin', async () => {
    const policy = (id: string, agreedCompliance: number) => ({ ...BASE.policies[0], id, name: id, agreedCompliance, amberMargin: 0.1 });
    const kpi = (id: string, extra = {}) => ({ ...KPI, id, name: id, target: 0.9, ...extra });
    const tree = { root: { id: 'bo', name: 'Back office', kind: 'scorecard', kpis: [kpi('green'), kpi('amber'), kpi('red'), kpi('own-rule', { scoring: { method: 'ratio' }, status: { by: 'achievement', greenFrom: 0.7, redBelow: 0.5 } }), kpi('all')] } };
    const sources = { green: 'sla:agreed-60', amber: 'sla:agreed-70', red: 'sla:agreed-80', 'own-rule': 'sla:agreed-80', all: 'sla' };
    const config = { schemaVersion: 3, ...BASE, policies: [policy('agreed-60', 0.6), policy('agreed-70', 0.7), policy('agreed-80', 0.8)], scorecards: [{ tree, sources }] };
    expect(await call('saveConfig', { config })).toEqual({ ok: true });
    // 2 of 3 tickets within 8 h: compliance 2/3 under every policy (achievement 2/3 ÷ 0.9: AMBER by the core's default rule).
    const march = Date.parse('2025-03-03T00:00:00Z');
    for (const [key, hours] of [['SUP-1', 2], ['SUP-2', 6], ['SUP-3', 10]] as const) forge.jira.add(resolved(key, march, hours));
    await syncAt(march + 20 * HOUR);
    const statuses = async (gadgetSources?: Record<string, string>) =>
      (await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03', ...(gadgetSources ? { sources: gadgetSources } : {}) })).tree.kpis.map((k: any) => [k.id, k.status]);
    expect(await statuses()).toEqual([
      ['green', 'GREEN'], // 2/3 ≥ 60 %
      ['amber', 'AMBER'], // 60 % ≤ 2/3 < 70 %
      ['red', 'RED'], // 2/3 < 80 % − 10 points
      ['own-rule', 'GREEN'], // its own status rule wins: achievement 2/3 ÷ 0.9 ≥ 0.7, though RED by its policy
      ['all', 'AMBER'], // every policy together has no agreement: the core's rule (no scoring method: amber from 0.7 of the target)
    ]);
    // A gadget's saved percent source (version 2) is compared in percent.
    expect((await statuses({ all: 'sla:agreed-60' }))[4]).toEqual(['all', 'GREEN']);
  });

  it('an iNPS KPI takes the portal answers of the month (N1): one 10 answers, iNPS 100', async () => {
    const kpi = { ...KPI, id: 'nps', name: 'iNPS', pillar: 'satisfaction', unit: 'points', target: 50, scoring: { method: 'performance', min: -100, max: 100 } };
    const tree = { root: { id: 'bo', name: 'Back office', kind: 'scorecard', kpis: [kpi] } };
    expect(await call('saveConfig', { config: { schemaVersion: 3, ...BASE, scorecards: [{ tree, sources: { nps: 'inps' } }] } })).toEqual({ ok: true });
    const created = Date.parse('2025-03-03T00:00:00Z');
    const issue = resolved('SUP-7', created, 2);
    issue.fields.reporter = { accountId: 'requester-7', displayName: 'Requester 7' };
    forge.jira.add(issue);
    await syncAt(created + 20 * HOUR);
    let answer = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' });
    expect(answer.tree.kpis[0]).toMatchObject({ id: 'nps', actual: null, achievement: null });
    const asRequester = (functionKey: string, payload: unknown) =>
      invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey], accountId: 'requester-7', extension: { request: { key: 'SUP-7', typeId: '7' }, portal: { id: '1' } } });
    expect(await asRequester('submitInps', { score: 10 })).toEqual({ ok: true, score: 10 });
    answer = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' });
    expect(answer.tree.kpis[0]).toMatchObject({ id: 'nps', method: 'performance', actual: 100, achievement: 1, status: 'GREEN' });
  });

  it('a quarter, a year or the year to date: tickets and cycles of all its months together, typed months combined by each KPI\'s aggregation', async () => {
    const tree = {
      root: { id: 'bo', name: 'Back office', kind: 'scorecard', kpis: [
        { ...KPI, id: 'sla', name: 'SLA met', target: 0.9 },
        { ...KPI, id: 'incidents', name: 'Compliance incidents', pillar: 'other', direction: 'lower', unit: 'incidents', target: 0, scoring: { method: 'goal-red-flag', redFlag: 6 }, aggregation: 'sum' },
        { ...KPI, id: 'payroll', name: 'Payroll accuracy', pillar: 'accuracy', target: 1, scoring: { method: 'binary' } },
        { ...KPI, id: 'right', name: 'Invoices right first time', pillar: 'accuracy', target: 0.9, aggregation: 'ratio-of-sums' },
      ] },
    };
    expect(await call('saveConfig', { config: { schemaVersion: 3, ...BASE, scorecards: [{ tree, sources: { sla: 'sla:resolve' } }] } })).toEqual({ ok: true });
    // A ratio-of-sums KPI is typed as its month's numerator and denominator: Jan 90 of 100, Feb 1 of 10.
    expect(await call('saveScorecardActuals', { scorecardId: 'bo', month: '2025-01', values: { right: 0.9 } })).toEqual({
      ok: false,
      errors: [{ path: 'values.right', message: 'aggregation ratio-of-sums: must be { numerator, denominator } (numbers, denominator not negative), or null to remove it, not 0.9' }],
    });
    expect(await call('saveScorecardActuals', { scorecardId: 'bo', month: '2025-01', values: { right: { numerator: 90, denominator: 100 } } })).toEqual({ ok: true });
    expect(await call('saveScorecardActuals', { scorecardId: 'bo', month: '2025-02', values: { right: { numerator: 1, denominator: 10 } } })).toEqual({ ok: true });
    // January 1 met, February 2 breached, March 1 met: the quarter is 2 of 4 (not the mean of 1, 0 and 1).
    const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
    forge.jira.add(resolved('SUP-21', at('2025-01-06'), 2));
    forge.jira.add(resolved('SUP-22', at('2025-02-03'), 10));
    forge.jira.add(resolved('SUP-23', at('2025-02-04'), 10));
    forge.jira.add(resolved('SUP-24', at('2025-03-03'), 2));
    await syncAt(at('2025-03-04'));
    for (const [month, incidents] of [['2025-01', 1], ['2025-02', 2], ['2025-03', 0]] as const) {
      expect(await call('saveScorecardActuals', { scorecardId: 'bo', month, values: { incidents } })).toEqual({ ok: true });
    }
    const actualsOf = (answer: any) => Object.fromEntries(answer.tree.kpis.map((k: any) => [k.id, k.actual]));
    const march = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' });
    expect([march.period, march.periodKey, actualsOf(march)]).toEqual(['month', '2025-03', { sla: 1, incidents: 0, payroll: null, right: null }]);
    const february = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-02' });
    expect(actualsOf(february).right).toBeCloseTo(0.1, 12);
    // The quarter's first-time-right is 91 of 110, not the mean of 0.9 and 0.1.
    const quarter = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03', period: 'quarter' });
    expect([quarter.periodKey, actualsOf(quarter)]).toEqual(['2025-Q1', { sla: 0.5, incidents: 3, payroll: null, right: 91 / 110 }]);
    // The trend: the last 6 months or 4 quarters, each scored on its own, the current one last.
    expect(march.trend.map((p: any) => [p.period, p.score === null])).toEqual([['2024-10', true], ['2024-11', true], ['2024-12', true], ['2025-01', false], ['2025-02', false], ['2025-03', false]]);
    expect(march.trend[5].score).toBe(march.overall);
    expect(quarter.trend.map((p: any) => p.period)).toEqual(['2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1']);
    expect(quarter.trend[3].score).toBe(quarter.overall);
    const ytd = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-02', period: 'ytd' });
    expect([ytd.periodKey, actualsOf(ytd)]).toEqual(['2025-02', { sla: 1 / 3, incidents: 3, payroll: null, right: 91 / 110 }]);
    const year = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-07', period: 'year' });
    expect([year.periodKey, actualsOf(year)]).toEqual(['2025', { sla: 0.5, incidents: 3, payroll: null, right: 91 / 110 }]);
    // Months of a KPI with no aggregation cannot be combined: the answer names the KPI and the field.
    expect(await call('saveScorecardActuals', { scorecardId: 'bo', month: '2025-01', values: { payroll: 1 } })).toEqual({ ok: true });
    const noAggregation = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03', period: 'quarter' });
    expect(noAggregation).toEqual({ error: 'INVALID_PERIOD', message: expect.stringMatching(/payroll.*aggregation is required/) });
    expect(await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], period: 'week' })).toEqual({ error: 'INVALID_PERIOD', message: 'period must be month, quarter, year, ytd, got "week"' });
  });
});

describe('scorecard resolver cost', () => {
  it('reads each month of its trend once: 7 months × 20,000 cycles and 20,000 tickets, timed (printed, not asserted)', async () => {
    const months = Array.from({ length: 7 }, (_, i) => {
      const d = new Date(Date.UTC(2024, 8 + i, 1));
      return { label: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`, start: d.getTime() };
    });
    for (const month of months) {
      for (let shard = 0; shard < 8; shard++) {
        const cycles: Record<string, unknown[]> = {};
        const tickets: Record<string, unknown[]> = {};
        for (let i = 0; i < 2_500; i++) {
          const at = month.start + (shard * 2_500 + i) * 100_000;
          cycles[`SUP-${month.start / 1000 + shard * 2_500 + i}#0`] = [i % 10 === 0 ? 'b' : 'm', 1, at, 'High', 'Get IT help', null, 'acc-1'];
          tickets[`SUP-${month.start / 1000 + shard * 2_500 + i}#0`] = [at, 60 + (i % 120), i % 20 === 0 ? 1 : 0, i % 4 === 0 ? 3 : 5];
        }
        forge.kvs.data.set(`agg:resolve:SUP:${month.label}:${shard}`, { entries: cycles });
        forge.kvs.data.set(`agg:_tickets:SUP:${month.label}:${shard}`, { entries: tickets });
      }
    }
    const tree = { root: { id: 'bo', name: 'Back office', kind: 'scorecard', kpis: [
      { ...KPI, id: 'sla', name: 'SLA met', target: 0.95, guardedBy: 'ftr' },
      { ...KPI, id: 'tat', name: 'Turnaround', direction: 'lower', unit: 'h', target: 2, guardedBy: 'ftr' },
      { ...KPI, id: 'ftr', name: 'First time right', pillar: 'accuracy', target: 0.9 },
      { ...KPI, id: 'csat', name: 'CSAT', pillar: 'satisfaction', target: 0.8 },
    ] } };
    expect(await call('saveConfig', { config: { schemaVersion: 3, ...BASE, scorecards: [{ tree, sources: { sla: 'sla:resolve', tat: 'tat:median', ftr: 'ftr', csat: 'csat' } }] } })).toEqual({ ok: true });
    const prefixes = forge.kvs.queriedPrefixes;
    prefixes.length = 0;
    const started = performance.now();
    const answer = await call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' });
    const ms = performance.now() - started;
    console.log(`scorecard resolver, month view with a 6-month trend over 7 months × (20,000 cycles + 20,000 tickets): ${Math.round(ms)} ms`);
    const read = prefixes.filter((p) => p.startsWith('agg:'));
    expect(new Set(read).size).toBe(read.length);
    expect(read.map((p) => p.split(':').slice(1, 4).join(':')).sort()).toEqual(months.flatMap((m) => [`_tickets:SUP:${m.label}`, `resolve:SUP:${m.label}`]).sort());
    expect(answer.trend.map((p: any) => p.period)).toEqual(months.slice(1).map((m) => m.label));
    expect(answer.tree.kpis.map((k: any) => [k.id, k.actual])).toEqual([['sla', 0.9], ['tat', expect.any(Number)], ['ftr', 0.95], ['csat', 0.75]]);
  });
});

