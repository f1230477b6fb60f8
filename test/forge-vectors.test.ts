import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser, invokeResolver, VIEW_MODULE } from './helpers/forge-doubles';
import { forgeSql, forgeSqlMock } from './helpers/forge-sql';
import { jiraIssueOf, REQUEST_DATE_FIELD, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';
import { loadSlaVectors, readSlaVectors } from './vectors/load';
import { expectCaseAnswer, readScorecardVectors, runsThrough } from './vectors/scorecard';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());
vi.mock('@forge/sql', () => forgeSqlMock());

const { appLifecycle, resolverHandler, syncTrigger, syncConsumer } = await import('../src/index');
const { resultStores } = await import('../forge-app/src/storage/repository');
const { runtime } = await import('../forge-app/src/runtime');
const { saveSyncState } = await import('../forge-app/src/sync/state');

const call = (functionKey: string, payload: unknown) => invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey] });

const raw = readSlaVectors();
const vectors = loadSlaVectors();

beforeEach(() => {
  forge.reset();
  // The clock stands still at each case's as-of: the consumers' pacing between Jira calls must not sleep for real.
  runtime.sleep = async () => {};
});
afterAll(() => forgeSql.drop());

// The same vectors on both stores: an installation still on KVS, and one on Forge SQL (MariaDB here).
describe.each(['kvs', 'sql'] as const)('shared SLA vectors through the Forge path, results in %s', (backend) => {
  it('Jira double → normaliser → core → stored results and aggregates → resolver gives the vector cycles and compliance', async () => {
    if (backend === 'sql') {
      await forgeSql.truncateAll();
      await appLifecycle({ eventType: 'avi:forge:installed:app' });
    }
    forge.jira.admins.add(forgeUser.accountId);
    forge.jira.browsable = new Set(['IT', 'PUR', 'HR']);
    const saved = await call('saveConfig', {
      config: {
        schemaVersion: 2,
        calendars: raw.calendars,
        policies: raw.policies,
        fields: { requestType: REQUEST_TYPE_FIELD, team: null, extra: { requestDate: REQUEST_DATE_FIELD } },
        sync: { scopeJql: 'project in (IT, PUR, HR)', readJsmSla: false, readFeedback: false, reportTimeZone: 'UTC' },
      },
    });
    expect(saved).toEqual({ ok: true });

    // Each case is computed at its own as-of; latest first so no earlier case's open clock is refreshed past its as-of.
    const cases = [...vectors.cases].sort((a, b) => b.asOf - a.asOf);
    for (const [i, c] of cases.entries()) {
      forge.jira.add(jiraIssueOf(c.ticket, String(20000 + i)));
      runtime.now = () => c.asOf;
      // The sync starts over (its cursor back to the beginning) in whichever store keeps its state.
      await saveSyncState({ cursor: 0, lastRunAt: null, more: false, lastRun: null });
      await syncTrigger();
      for (const event of forge.queue.drain()) await syncConsumer(event as never);
    }

    for (const c of vectors.cases) {
      const stored = (await resultStores[backend].ticket(c.ticket.key, 0)) as unknown as { cycles: Array<Record<string, unknown>>; pending: boolean };
      expect(stored.pending ?? false, c.name).toBe(false);
      const cycles = stored.cycles
        .filter((cycle) => cycle.policyId === c.policy)
        .map(({ start, stop, goalMinutes, elapsedMinutes, pausedMinutes, remainingMinutes, due, state }) => ({ start, stop, goalMinutes, elapsedMinutes, pausedMinutes, remainingMinutes, due, state }));
      expect(cycles, c.name).toEqual(c.cycles ?? []);
    }

    runtime.now = () => Math.max(...vectors.cases.map((c) => c.asOf));
    const byPolicy: Array<{ key: string; met: number; breached: number; ongoingBreached: number; ongoing: number; compliance: number | null }> = [];
    for (const policy of raw.policies) {
      const answer = await call('getCompliance', { policyId: policy.id, projects: ['IT', 'PUR', 'HR'], period: 'week', periods: 52 });
      byPolicy.push({ key: policy.id, ...answer.total });
    }
    expect(byPolicy).toEqual(vectors.compliance.byPolicy);
    const sum = (field: 'met' | 'breached' | 'ongoingBreached' | 'ongoing') => byPolicy.reduce((n, p) => n + p[field], 0);
    const total = { met: sum('met'), breached: sum('breached'), ongoingBreached: sum('ongoingBreached'), ongoing: sum('ongoing') };
    expect({ ...total, compliance: total.met / (total.met + total.breached + total.ongoingBreached) }).toEqual(vectors.compliance.total);
  });
});

/** The Forge answer's tree, node by node, and its KPIs by id. */
type NodeView = { id: string; score: number | null; payout: number | null; kpis: Array<{ id: string; score: number | null; achievement: number | null; status: string | null }>; children: NodeView[] };
const nodesOf = (node: NodeView): NodeView[] => [node, ...node.children.flatMap(nodesOf)];
/** Typed actuals of one month: a null in the vector is a KPI with no value, so nothing is typed for it. */
const typed = (values: Record<string, number | null> | undefined) => Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => v !== null));

type RawTimed = { at: string; value: number };
type RawSeries = RawTimed[] | { numerators: RawTimed[]; denominators: RawTimed[] };

/**
 * A case's timed series as the values an admin types per month (Forge keeps one value per KPI and month, a numerator and
 * denominator for ratio-of-sums): `{ month: { kpi: value } }`. Two values of a KPI in one month cannot be typed.
 */
function monthlyValues(series: Record<string, RawSeries>): Record<string, Record<string, unknown>> {
  const months: Record<string, Record<string, unknown>> = {};
  const put = (kpi: string, at: string, value: unknown) => {
    const month = at.slice(0, 7);
    if (months[month]?.[kpi] !== undefined) throw new Error(`${kpi} has two values in ${month}: the vector cannot be typed month by month`);
    (months[month] ??= {})[kpi] = value;
  };
  for (const [kpi, s] of Object.entries(series)) {
    if (Array.isArray(s)) s.forEach((row) => put(kpi, row.at, row.value));
    else s.numerators.forEach((row, i) => put(kpi, row.at, { numerator: row.value, denominator: s.denominators[i].value }));
  }
  return months;
}

/** The gadget's period and a month inside it, for a vector's period view and key. */
const periodOf = (view: string, key: string): { period: string; month: string } =>
  view === 'quarter' ? { period: view, month: `${key.slice(0, 4)}-${String(Number(key.slice(6)) * 3).padStart(2, '0')}` } : view === 'year' ? { period: view, month: `${key}-12` } : { period: view, month: key };

describe('shared scorecard vectors through the Forge resolver', () => {
  // A case may name the doors that run it (doors, doorsWhy); the period cases run here as months typed by hand.
  const cases = readScorecardVectors().cases.filter((c) => runsThrough(c, 'forge'));
  it('has the cases', () => expect(cases.length).toBeGreaterThan(20));

  for (const c of cases) {
    it(c.name, async () => {
      forge.jira.admins.add(forgeUser.accountId);
      const tree = c.tree as { root: { id: string } };
      const config = { schemaVersion: 3, calendars: {}, policies: [], scorecards: [{ tree: c.tree, sources: {} }], sync: { scopeJql: 'project = SUP', readJsmSla: false, readFeedback: false } };
      expect(await call('saveConfig', { config })).toEqual({ ok: true });
      const save = async (month: string, values: Record<string, unknown>) => expect(await call('saveScorecardActuals', { scorecardId: tree.root.id, month, values })).toEqual({ ok: true });
      let query = { month: '2025-03' };
      if (c.series && c.period) {
        // Each KPI's series typed month by month, then the gadget's period view combines them by each KPI's aggregation.
        for (const [month, values] of Object.entries(monthlyValues(c.series))) await save(month, values);
        query = periodOf(c.period.view, c.period.key);
      } else {
        // This month's actuals; the month before holds the last known values (carry-forward).
        await save('2025-03', typed(c.actuals));
        await save('2025-02', typed(c.lastKnown));
      }
      const answer = await call('getScorecard', { scorecardId: tree.root.id, projects: [], ...query });
      const nodes = nodesOf(answer.tree as NodeView);
      expectCaseAnswer(c, { nodes: new Map(nodes.map((n) => [n.id, n])), kpis: new Map(nodes.flatMap((n) => n.kpis).map((k) => [k.id, k])) });
    });
  }
});
