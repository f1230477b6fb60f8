/**
 * The internal market's reads on the test MariaDB, for one month of N stored tickets (one cycle each, ten teams, two
 * organizations): the scorecard resolver with its gaming signals against the same resolver with the signals left out
 * (the peer), and the statement resolver against the compliance gadget's resolver over the same month. Prints the
 * ratios (the machine is shared: absolute times are noise, ratios in one run are not).
 */
import { afterAll, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser, invokeResolver, VIEW_MODULE } from '../../test/helpers/forge-doubles';
import { REQUEST_TYPE_FIELD } from '../../test/helpers/forge-jira-builders';
import { forgeSql, forgeSqlMock } from '../../test/helpers/forge-sql';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());
vi.mock('@forge/sql', () => forgeSqlMock());

const { resolverHandler, appLifecycle } = await import('../../src/index');
const { storeResultsSql } = await import('../../forge-app/src/storage/sql/results');
const signals = await import('../../forge-app/src/resolvers/scorecard-signals');
const { runtime } = await import('../../forge-app/src/runtime');

const TICKETS = Number(process.env.FORGE_BENCH_MARKET_TICKETS ?? 20_000);
const HOUR = 3_600_000;
const T0 = Date.parse('2025-03-01T00:00:00Z');
const KPI = { perspective: 'customer', pillar: 'speed', direction: 'higher', unit: '%', frequency: 'monthly', indicator: 'lagging', target: 0.9, owner: 'T1' } as const;
const CONFIG = {
  schemaVersion: 3,
  calendars: { always: 'Mo-Su 00:00-24:00 | tz=UTC' },
  policies: [{ id: 'resolve', name: 'Resolve in 8h', stop: { statuses: ['Resolved'] }, goals: [{ target: '8h', calendar: 'always' }] }],
  fields: { requestType: REQUEST_TYPE_FIELD, team: 'customfield_10020', extra: {} },
  sync: { scopeJql: 'project = SUP', readJsmSla: false, readFeedback: false, reportTimeZone: 'UTC' },
  scorecards: [{ tree: { root: { id: 'bo', name: 'Back office', kind: 'scorecard', level: 'department', method: 'weighted', kpis: [{ ...KPI, id: 'sla', name: 'SLA met' }] } }, sources: { sla: 'sla:resolve' } }],
};
const CATALOGUE = { currency: 'VND', customer: 'organization', services: [{ id: 'all', name: 'All requests', provider: 'Back office', policy: 'resolve', price: { perRequest: 100_000, monthlyCost: 5_000_000 } }] };

const call = (functionKey: string, payload: unknown = {}) => invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey] }) as Promise<Record<string, unknown[]>>;

/** A ticket resolved within the hour, as the sync would have stored it. */
const storedTicket = (i: number) => {
  const created = T0 + i * 60_000;
  const cycle = { policyId: 'resolve', goalLabel: '8h', start: created, stop: created + HOUR, goalMinutes: 480, elapsedMinutes: 60, pausedMinutes: 0, remainingMinutes: 420, due: created + 8 * HOUR, state: 'met', startGoal: { label: '8h', minutes: 480 }, previousStop: null };
  return { key: `SUP-${i + 1}`, id: String(10_000 + i), assigneeName: null, project: 'SUP', created, updated: created + HOUR, computedAt: created + HOUR, fields: { project: 'SUP', priority: 'High', team: `T${i % 10}`, organization: i % 2 ? ['Finance'] : ['HR'] }, cycles: [cycle], resolvedAt: created + HOUR, reopened: 0, rating: null };
};

/** The fastest of three runs (the first warms the pool and the caches). */
async function fastest(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    const started = performance.now();
    await run();
    if (i > 0) times.push(performance.now() - started);
  }
  return Math.min(...times);
}

afterAll(() => forgeSql.drop());

it(`market reads over one month of ${TICKETS} stored tickets`, async () => {
  await forgeSql.truncateAll();
  forge.reset();
  runtime.sleep = async () => {};
  runtime.now = () => Date.parse('2025-03-31T00:00:00Z');
  forge.jira.admins.add(forgeUser.accountId);
  forge.jira.browsable = new Set(['SUP']);
  await appLifecycle({ eventType: 'avi:forge:installed:app' });
  expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
  expect(await call('saveCatalogue', { catalogue: CATALOGUE })).toEqual({ ok: true });
  const results = Array.from({ length: TICKETS }, (_, i) => storedTicket(i));
  for (let i = 0; i < TICKETS; i += 500) await storeResultsSql(results.slice(i, i + 500) as never, 'UTC', 0);

  const scorecard = () => call('getScorecard', { scorecardId: 'bo', projects: ['SUP'], month: '2025-03' });
  expect((await scorecard()).signals).toHaveLength(10);
  const withSignals = await fastest(scorecard);
  const stub = vi.spyOn(signals, 'teamSignals').mockImplementation(() => Promise.resolve([]));
  const withoutSignals = await fastest(scorecard);
  stub.mockRestore();

  const statement = () => call('getMarketStatement', { projects: ['SUP'], month: '2025-03' });
  expect((await statement()).lines).toHaveLength(2);
  const statementMs = await fastest(statement);
  const complianceMs = await fastest(() => call('getCompliance', { policyId: 'resolve', projects: ['SUP'], period: 'month', periods: 1, groupBy: 'organization' }));

  console.log(
    `Forge market reads, one month of ${TICKETS} tickets on MariaDB: scorecard with gaming signals ${(withSignals / withoutSignals).toFixed(1)}× the same without them; ` +
      `statement ${(statementMs / complianceMs).toFixed(1)}× the compliance gadget grouped by organization`,
  );
});
