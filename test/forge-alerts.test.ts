import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser, type DoubleIssue, invokeResolver, VIEW_MODULE } from './helpers/forge-doubles';
import { jiraIssueOf, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';
import type { SlaPolicyInput } from '../core/sla/policy';
import type { TicketEvent } from '../core/sla/ticket';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());

const { resolverHandler, syncTrigger, syncConsumer } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');
const { runAlerts } = await import('../forge-app/src/actions/trigger');
const { indexAlert } = await import('../forge-app/src/storage/alerts');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.parse('2025-03-03T09:00:00Z');

const POLICY: SlaPolicyInput = {
  id: 'resolve',
  name: 'Resolve in 4h',
  stop: { statuses: ['Resolved'] },
  goals: [{ target: '4h', calendar: 'always' }],
  alerts: {
    warnAt: { share: 0.5 },
    onWarning: [{ do: 'notify', to: ['assignee'] }, { do: 'comment', text: 'Half the goal is gone.' }],
    onBreach: [{ do: 'notify', to: ['assignee', 'watchers'] }, { do: 'setField', field: 'priority', value: 'Highest' }, { do: 'comment', text: 'Breached.' }],
  },
};

const CONFIG = {
  schemaVersion: 2,
  calendars: { always: 'Mo-Su 00:00-24:00 | tz=UTC' },
  policies: [POLICY],
  fields: { requestType: REQUEST_TYPE_FIELD, team: null, extra: {} },
  sync: { scopeJql: 'project in (SUP)', readJsmSla: false, readFeedback: false, reportTimeZone: 'UTC' },
};

const call = (functionKey: string, payload: unknown = {}) => invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey] });

async function syncAt(now: number) {
  runtime.now = () => now;
  await syncTrigger();
  for (const event of forge.queue.drain()) await syncConsumer(event as never);
}

function issue(n: number, events: TicketEvent[] = []): DoubleIssue {
  return jiraIssueOf({ key: `SUP-${n}`, created: T0 + n * MINUTE, status: 'Open', fields: { project: 'SUP', priority: 'Medium', assignee: 'agent-1' }, events }, String(10000 + n));
}

const countOf = (line: string) => forge.jira.actionsDone.filter((a) => a === line).length;

beforeEach(async () => {
  forge.reset();
  runtime.sleep = async () => {};
  forge.jira.admins.add(forgeUser.accountId);
  forge.jira.browsable = new Set(['SUP']);
  runtime.now = () => T0;
  expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
});

describe('warnings and breach actions', () => {
  it('P4: warning and breach actions fire exactly once per cycle with 10 % random faults and duplicate deliveries', async () => {
    for (let n = 1; n <= 20; n++) forge.jira.add(issue(n));
    await syncAt(T0 + 30 * MINUTE);
    for (let now = T0 + 35 * MINUTE; now <= T0 + 6 * HOUR; now += 5 * MINUTE) {
      if (now === T0 + 3 * HOUR + 5 * MINUTE) {
        // SUP-1..5 are resolved after their warning and before their breach; SUP-6..20 stay open.
        for (let n = 1; n <= 5; n++) forge.jira.add(issue(n, [{ at: T0 + 3 * HOUR, field: 'status', to: 'Resolved' }]));
        await syncAt(now);
      }
      runtime.now = () => now;
      forge.jira.injectFaults(0.1, now);
      forge.kvs.injectFaults(0.1, now + 1);
      // The same tick delivered twice, both runs at once; a run that dies is run again by the next tick.
      await Promise.all([runAlerts().catch(() => undefined), runAlerts().catch(() => undefined)]);
      await runAlerts().catch(() => undefined);
      forge.jira.injectFaults(0, 0);
      forge.kvs.injectFaults(0, 0);
      // A redelivered index entry of an alert already fired is harmless.
      if (now === T0 + 5 * HOUR) await indexAlert({ issueKey: 'SUP-9', policyId: 'resolve', start: T0 + 9 * MINUTE, kind: 'breach', at: T0 + 4 * HOUR + 9 * MINUTE }, now);
    }
    expect(forge.jira.faultsInjected + forge.kvs.faultsInjected).toBeGreaterThan(10);
    for (let n = 1; n <= 20; n++) {
      const key = `SUP-${n}`;
      expect(countOf(`notify ${key} assignee`), key).toBe(1);
      expect(countOf(`notify ${key} assignee,watchers`), key).toBe(n <= 5 ? 0 : 1);
      expect(countOf(`set ${key} priority=Highest`), key).toBe(n <= 5 ? 0 : 1);
      expect(countOf(`comment ${key} internal`), key).toBe(n <= 5 ? 1 : 2);
    }
    const { entries } = await call('getAlertAudit');
    expect(entries).toHaveLength(5 + 15 * 2);
    // Fired within two 5-minute buckets of their time, and listed newest first.
    for (const e of entries) expect(e.firedAt - e.at).toBeLessThanOrEqual(10 * MINUTE);
    expect(entries.map((e: { firedAt: number }) => e.firedAt)).toEqual([...entries.map((e: { firedAt: number }) => e.firedAt)].sort((a, b) => b - a));
    expect(entries.find((e: { issueKey: string; kind: string }) => e.issueKey === 'SUP-6' && e.kind === 'breach')).toMatchObject({ at: T0 + 4 * HOUR + 6 * MINUTE, actions: ['notify', 'setField', 'comment'] });
  });

  it('an action Jira refuses is recorded in the audit list with Jira\'s reason, and not retried forever', async () => {
    forge.jira.priorities.delete('Highest');
    forge.jira.add(issue(1));
    await syncAt(T0 + 10 * MINUTE);
    for (let now = T0 + 4 * HOUR; now <= T0 + 4 * HOUR + 30 * MINUTE; now += 5 * MINUTE) {
      runtime.now = () => now;
      await runAlerts();
    }
    // The warning (looked back at by the trigger's first run) went out; the breach stopped at the refused priority.
    expect(forge.jira.actionsDone).toEqual(['notify SUP-1 assignee', 'comment SUP-1 internal', 'notify SUP-1 assignee,watchers']);
    const { entries } = await call('getAlertAudit');
    expect(entries).toHaveLength(2);
    expect(entries).toContainEqual(expect.objectContaining({ issueKey: 'SUP-1', kind: 'breach', actions: ['notify'], error: expect.stringContaining("Priority name 'Highest' is not valid") }));
  });

  it('places the warning line at a share of the goal or a remaining time, on the running clock', async () => {
    const { createSlaClock } = await import('../core/sla/clock');
    const { compileCalendar } = await import('../core/calendar/compile');
    const calendars = { always: compileCalendar({ timeZone: 'UTC', weekly: Object.fromEntries(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])) }) };
    const ticket = { key: 'T-1', created: T0, status: 'Open', fields: {}, events: [{ at: T0 + HOUR, field: 'status', to: 'On hold' }, { at: T0 + 2 * HOUR, field: 'status', to: 'Open' }] };
    const warningAt = (alerts: SlaPolicyInput['alerts']) => createSlaClock({ ...POLICY, pause: { statuses: ['On hold'] }, alerts }, calendars).compute(ticket, T0 + 3 * HOUR)!.cycles[0].warningAt;
    // 2 h of a 4 h goal: 1 h before the pause and 1 h after it.
    expect(warningAt({ warnAt: { share: 0.5 } })).toBe(T0 + 3 * HOUR);
    expect(warningAt({ warnAt: { remaining: '30m' } })).toBe(T0 + 4.5 * HOUR);
    expect(warningAt({ warnAt: { remaining: '5h' } })).toBe(T0);
    expect(warningAt({ onBreach: [{ do: 'notify', to: ['assignee'] }] })).toBeUndefined();
    expect(() => createSlaClock({ ...POLICY, alerts: { onWarning: [{ do: 'notify', to: ['assignee'] }] } }, calendars)).toThrow('policy resolve: alerts.warnAt: actions at the warning need warnAt: a share of the goal or a remaining time');
    expect(() => createSlaClock({ ...POLICY, alerts: { warnAt: { remaining: '2bd' } } }, calendars)).toThrow(/alerts\.warnAt\.remaining: .*business days are not a remaining time/);
  });
});
