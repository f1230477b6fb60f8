import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser } from './helpers/forge-doubles';
import { jiraIssueOf, REQUEST_DATE_FIELD, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';
import { loadSlaVectors, readSlaVectors } from './vectors/load';
import { readScorecardVectors } from './vectors/scorecard';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());

const { resolverHandler, syncTrigger, syncConsumer } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');

const call = (functionKey: string, payload: unknown) => resolverHandler({ call: { functionKey, payload }, context: {} }, { principal: { accountId: forgeUser.accountId } }) as Promise<any>;

const raw = readSlaVectors();
const vectors = loadSlaVectors();

beforeEach(() => forge.reset());

describe('shared SLA vectors through the Forge path', () => {
  it('Jira double → normaliser → core → stored results and aggregates → resolver gives the vector cycles and compliance', async () => {
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
      await forge.kvs.delete('sync:state');
      await syncTrigger();
      for (const event of forge.queue.drain()) await syncConsumer(event as never);
    }

    for (const c of vectors.cases) {
      const stored = (await forge.kvs.get(`ticket:${c.ticket.key}`)) as { cycles: Array<Record<string, unknown>>; pending: boolean };
      expect(stored.pending, c.name).toBe(false);
      const cycles = stored.cycles
        .filter((cycle) => cycle.policyId === c.policy)
        .map(({ start, stop, goalMinutes, elapsedMinutes, pausedMinutes, remainingMinutes, due, state }) => ({ start, stop, goalMinutes, elapsedMinutes, pausedMinutes, remainingMinutes, due, state }));
      expect(cycles, c.name).toEqual(c.cycles ?? []);
    }

    runtime.now = () => Math.max(...vectors.cases.map((c) => c.asOf));
    const byPolicy: Array<{ key: string; met: number; breached: number; ongoingBreached: number; ongoing: number; compliance: number | null }> = [];
    for (const policy of raw.policies) {
      const answer = await call('getCompliance', { policyId: policy.id, projects: ['IT', 'PUR', 'HR'], weeks: 52 });
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
const close = (actual: number | null | undefined, expected: number | null, what: string) => {
  if (expected === null) expect(actual, what).toBeNull();
  else expect(actual, what).toBeCloseTo(expected, 9);
};
/** Typed actuals of one month: a null in the vector is a KPI with no value, so nothing is typed for it. */
const typed = (values: Record<string, number | null> | undefined) => Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => v !== null));

describe('shared scorecard vectors through the Forge resolver', () => {
  const { cases } = readScorecardVectors();
  // Forge keeps one value per KPI and month; the period case aggregates timed series, which the vector file lets a door skip.
  const monthly = cases.filter((c) => c.series === undefined);
  it('has the cases', () => expect(monthly.length).toBeGreaterThan(15));

  for (const c of monthly) {
    it(c.name, async () => {
      forge.jira.admins.add(forgeUser.accountId);
      const tree = c.tree as { root: { id: string } };
      const config = { schemaVersion: 3, calendars: {}, policies: [], scorecards: [{ tree: c.tree, sources: {} }], sync: { scopeJql: 'project = SUP', readJsmSla: false, readFeedback: false } };
      expect(await call('saveConfig', { config })).toEqual({ ok: true });
      // This month's actuals; the month before holds the last known values (carry-forward).
      expect(await call('saveScorecardActuals', { scorecardId: tree.root.id, month: '2025-03', values: typed(c.actuals) })).toEqual({ ok: true });
      expect(await call('saveScorecardActuals', { scorecardId: tree.root.id, month: '2025-02', values: typed(c.lastKnown) })).toEqual({ ok: true });
      const answer = await call('getScorecard', { scorecardId: tree.root.id, projects: [], month: '2025-03' });
      const nodes = new Map(nodesOf(answer.tree as NodeView).map((n) => [n.id, n]));
      for (const [id, score] of Object.entries(c.expected.nodes)) close(nodes.get(id)!.score, score, `node ${id}`);
      const kpis = new Map([...nodes.values()].flatMap((n) => n.kpis).map((k) => [k.id, k]));
      for (const [id, want] of Object.entries(c.expected.kpis)) {
        const got = kpis.get(id)!;
        close(got.score, want.score, `KPI ${id} score`);
        close(got.achievement, want.achievement, `KPI ${id} achievement`);
        expect(got.status, `KPI ${id} status`).toBe(want.status);
      }
      for (const [id, payout] of Object.entries(c.expected.payouts ?? {})) close(nodes.get(id)!.payout, payout, `payout ${id}`);
    });
  }
});
