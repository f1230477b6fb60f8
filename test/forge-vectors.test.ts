import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser } from './helpers/forge-doubles';
import { jiraIssueOf, REQUEST_DATE_FIELD, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';
import { loadSlaVectors, readSlaVectors } from './vectors/load';

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
