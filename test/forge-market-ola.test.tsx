import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks, forgeUser, type DoubleIssue, invokeResolver, VIEW_MODULE } from './helpers/forge-doubles';
import { jiraIssueOf, REQUEST_TYPE_FIELD } from './helpers/forge-jira-builders';
import { forgeSql, forgeSqlMock } from './helpers/forge-sql';
import { findAll, render, resetUi, settle, textOf, ui } from './helpers/forge-ui';
import { readMarketVectors } from './vectors/market';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());
vi.mock('@forge/sql', () => forgeSqlMock());

const { resolverHandler, syncTrigger, syncConsumer, appLifecycle } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');
const { loadStorageState } = await import('../forge-app/src/storage/backend');
const { database } = await import('../forge-app/src/storage/sql/database');
const { MarketStatementGadget } = await import('../forge-app/src/frontend/market-statement-view');

/** The shared vectors' OLA case: PR-1 held by Purchasing, Finance and IT with a pause, PR-2 by Purchasing alone. */
const V = readMarketVectors();
const [FINANCE_FIRST, NO_OWNER_OVER] = V.ola.budgets;
const TEAM_FIELD = 'customfield_10001';
const DEPARTMENT_FIELD = 'customfield_10020';

const CONFIG = {
  schemaVersion: 2,
  calendars: V.calendars,
  policies: V.policies,
  fields: { requestType: REQUEST_TYPE_FIELD, team: TEAM_FIELD, extra: { department: DEPARTMENT_FIELD } },
  sync: { scopeJql: 'project in (PR)', readJsmSla: false, readFeedback: false, reportTimeZone: V.ola.timeZone },
};

const call = (functionKey: string, payload: unknown = {}) => invokeResolver(resolverHandler, functionKey, payload, { moduleKey: VIEW_MODULE[functionKey] });

/**
 * A vector ticket as Jira serves it: the team it was created with is the issue's value then, not a change (Jira logs
 * none at creation); each later team change is a changelog item of the team field with its `from`.
 */
function jiraTicket(raw: (typeof V.ola.tickets)[number], id: string): DoubleIssue {
  const created = Date.parse(raw.created);
  let team: string | null = null;
  const events: Array<{ at: number; field: string; to: string; from?: string | null }> = [];
  for (const event of raw.events) {
    const at = Date.parse(event.at);
    if (event.field !== 'team') events.push({ at, field: event.field, to: event.to });
    else if (at === created) team = event.to;
    else {
      events.push({ at, field: 'team', from: team, to: event.to });
      team = event.to;
    }
  }
  const issue = jiraIssueOf({ key: raw.key, created, status: raw.status, fields: { project: 'PR', requestType: raw.fields.requestType }, events }, id);
  for (const item of issue.histories.flatMap((h) => h.items)) if (item.field === 'team') Object.assign(item, { field: 'Team', fieldId: TEAM_FIELD });
  Object.assign(issue.fields, { [TEAM_FIELD]: { value: raw.fields.team }, [DEPARTMENT_FIELD]: { value: raw.fields.department } });
  return issue;
}

async function syncAt(now: number) {
  runtime.now = () => now;
  await syncTrigger();
  for (const event of forge.queue.drain()) await syncConsumer(event as never);
}

const AS_OF = Date.parse(V.ola.asOf);

afterAll(() => forgeSql.drop());

beforeEach(async () => {
  forge.reset();
  await forgeSql.truncateAll();
  runtime.sleep = async () => {};
  runtime.now = () => Date.parse('2025-03-01T00:00:00Z');
  forge.queue.now = () => runtime.now();
  forge.jira.admins.add(forgeUser.accountId);
  forge.jira.browsable = new Set(['PR']);
});

/** The configuration, a catalogue, the vector's tickets in Jira, and one sync as of the vector's instant. */
async function syncVectors(catalogue: object): Promise<void> {
  expect(await call('saveConfig', { config: CONFIG })).toEqual({ ok: true });
  expect(await call('saveCatalogue', { catalogue })).toEqual({ ok: true });
  V.ola.tickets.forEach((raw, i) => forge.jira.add(jiraTicket(raw, String(2000 + i))));
  await syncAt(AS_OF);
}

describe('MK4: the OLA view per team on Forge SQL, from the stored cycles and the owner field\'s history', () => {
  beforeEach(async () => {
    await appLifecycle({ eventType: 'avi:forge:installed:app' });
    expect(await loadStorageState()).toEqual({ backend: 'sql' });
    await syncVectors(FINANCE_FIRST.catalogue);
  });

  const ownersOf = (answer: { services: Array<{ owners: unknown[] }> }) => answer.services[0].owners;

  it('MK4: three owners and a pause: each owner\'s figures and the breach attributed to Finance, the first over budget', async () => {
    const answer = await call('getMarketOla', { projects: ['PR'], month: '2025-03' });
    expect(answer.services).toHaveLength(1);
    expect(answer.services[0]).toMatchObject({ service: 'po', name: 'Purchase order', provider: 'Purchasing', ownerField: 'team', cycles: 2, breached: FINANCE_FIRST.breached, unallocated: FINANCE_FIRST.unallocated });
    expect(ownersOf(answer)).toEqual(FINANCE_FIRST.owners);
    expect(answer.unsplit).toBe(0);
  });

  it('MK4: budgets changed in the catalogue apply to the stored cycles at once: no owner over, the breach unallocated', async () => {
    expect(await call('saveCatalogue', { catalogue: NO_OWNER_OVER.catalogue })).toEqual({ ok: true });
    const answer = await call('getMarketOla', { projects: ['PR'], month: '2025-03' });
    expect(ownersOf(answer)).toEqual(NO_OWNER_OVER.owners);
    expect(answer.services[0]).toMatchObject({ breached: 1, unallocated: NO_OWNER_OVER.unallocated });
  });

  it('MK4: each stored cycle keeps who held its running time, as the vector splits it (the paused 240 minutes are nobody\'s)', async () => {
    for (const expected of V.ola.cycles) {
      const [row] = await database.select<{ result_json: string }>('SELECT result_json FROM tickets WHERE issue_key = ?', [expected.ticket]);
      const cycles = (JSON.parse(row.result_json) as { cycles: Array<{ policyId: string; held?: Array<[string, number]>; pausedMinutes: number; state: string }> }).cycles;
      // Only the policy of a service with an OLA keeps holdings.
      expect(cycles.find((c) => c.policyId === 'request')?.held).toBeUndefined();
      const cycle = cycles.find((c) => c.policyId === 'purchase-chain')!;
      expect(Object.fromEntries(cycle.held ?? [])).toEqual(expected.held);
      expect([cycle.pausedMinutes, cycle.state]).toEqual([expected.pausedMinutes, expected.state]);
    }
  });

  it('MK4: the team field\'s changes are kept in field_changes once, however often the ticket is synced', async () => {
    const changes = () => database.select<{ issue_key: string; field: string; changed_at: number; from_value: string; to_value: string; project: string }>(
      'SELECT issue_key, field, changed_at, from_value, to_value, project FROM field_changes ORDER BY issue_key, changed_at',
    );
    const expected = [
      { issue_key: 'PR-1', field: 'team', changed_at: Date.parse('2025-03-03T15:00:00Z'), from_value: 'Purchasing', to_value: 'Finance', project: 'PR' },
      { issue_key: 'PR-1', field: 'team', changed_at: Date.parse('2025-03-04T12:00:00Z'), from_value: 'Finance', to_value: 'IT', project: 'PR' },
    ];
    expect((await changes()).map((c) => ({ ...c, changed_at: Number(c.changed_at) }))).toEqual(expected);
    const writes = vi.spyOn(database, 'write');
    expect(await call('startRecompute')).toMatchObject({ ok: true });
    await syncAt(AS_OF + 3_600_000);
    // The recompute wrote PR-1's changes again: the primary key kept one row each.
    expect(writes.mock.calls.filter(([statement]) => statement.startsWith('INSERT INTO field_changes')).length).toBeGreaterThan(0);
    writes.mockRestore();
    expect((await changes()).map((c) => ({ ...c, changed_at: Number(c.changed_at) }))).toEqual(expected);
  });

  it('MK4: the statement gadget shows the OLA table per owner in Vietnamese, with durations in words', async () => {
    resetUi({ locale: 'vi_VN', timezone: 'UTC', extension: { gadgetConfiguration: { projects: 'pr' } } }, {
      getMarketStatement: (payload: unknown) => call('getMarketStatement', { ...(payload as object), month: '2025-03' }),
      getMarketOla: (payload: unknown) => call('getMarketOla', payload),
    });
    let doc = await render(<MarketStatementGadget />);
    // Two resolvers over MariaDB, the second asked once the first answered: settle until the OLA view is in.
    for (let i = 0; i < 100 && !textOf(doc).includes('2 chu kỳ'); i++) doc = await settle();
    expect(ui.invokes.map((i) => i.functionKey)).toContain('getMarketOla');
    expect(textOf(doc)).toContain('OLA theo nhóm 2025-03: ai đã giữ yêu cầu');
    expect(textOf(doc)).toContain('2 chu kỳ, 1 vi phạm');
    const ola = findAll(doc, 'DynamicTable').at(-1)!;
    const cells = findAll(ola, 'Cell').map(textOf);
    expect(cells.slice(0, 7)).toEqual(['Người phụ trách', 'Thời gian cho phép', 'Số chu kỳ đã giữ', 'Trong thời gian cho phép', 'Thời gian giữ (trung vị)', 'Thời gian giữ (phân vị 90)', 'Số vi phạm quy cho người phụ trách']);
    expect(cells.slice(7, 14)).toEqual(['Finance', '2 giờ 00 phút', '1', '0%', '3 giờ 00 phút', '3 giờ 00 phút', '1']);
    expect(textOf(doc)).toContain('(chưa quy được: thời gian cho phép không phủ hết mức SLA): 0');
  });
});

describe('MK4: the OLA view before the SQL upgrade, and cycles stored before the catalogue had an OLA', () => {
  it('MK4: results still in KVS keep their holdings: the same figures from the stored cycles', async () => {
    expect(await loadStorageState()).not.toEqual({ backend: 'sql' });
    await syncVectors(FINANCE_FIRST.catalogue);
    const answer = await call('getMarketOla', { projects: ['PR'], month: '2025-03' });
    expect(answer.services[0].owners).toEqual(FINANCE_FIRST.owners);
    expect(answer.services[0]).toMatchObject({ breached: 1, unallocated: 0 });
  });

  it('MK4: cycles synced while no service had an OLA are counted as not split, and left out of the owners', async () => {
    await appLifecycle({ eventType: 'avi:forge:installed:app' });
    const { ola: _ola, ...service } = (FINANCE_FIRST.catalogue as { services: Array<{ ola: unknown }> }).services[0];
    await syncVectors({ ...FINANCE_FIRST.catalogue, services: [service] });
    expect((await call('getMarketOla', { projects: ['PR'], month: '2025-03' })).services).toEqual([]);
    expect(await call('saveCatalogue', { catalogue: FINANCE_FIRST.catalogue })).toEqual({ ok: true });
    const answer = await call('getMarketOla', { projects: ['PR'], month: '2025-03' });
    expect(answer.unsplit).toBe(2);
    expect(answer.services[0]).toMatchObject({ cycles: 0, owners: [] });
    resetUi({ locale: 'en_US', timezone: 'UTC', extension: { gadgetConfiguration: { projects: 'PR' } } }, {
      getMarketStatement: (payload: unknown) => call('getMarketStatement', { ...(payload as object), month: '2025-03' }),
      getMarketOla: (payload: unknown) => call('getMarketOla', payload),
    });
    let doc = await render(<MarketStatementGadget />);
    for (let i = 0; i < 100 && !textOf(doc).includes('OLA per team'); i++) doc = await settle();
    expect(textOf(doc)).toContain('2 cycles of this month were stored before the catalogue named their owner field');
  });
});
