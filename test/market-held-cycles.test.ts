import { describe, expect, it } from 'vitest';
import { compileCalendarSet } from '../core/calendar/calendar-set';
import { computeWithHoldings } from '../core/market/market';
import { createSlaClock } from '../core/sla/clock';
import { marketClocks, marketTickets, readMarketVectors } from './vectors/market';

const v = readMarketVectors();
const chain = marketClocks(v).find((clock) => clock.policy.id === 'purchase-chain')!;
const asOf = Date.parse(v.ola.asOf);
const [pr1, pr2] = marketTickets(v.ola.tickets);

describe('MK4: a sync\'s cycles with their holdings (computeWithHoldings)', () => {
  it('MK4: the cycles are those of the clock\'s compute, each with the vector\'s split of its running time', () => {
    for (const ticket of [pr1, pr2]) {
      const held = computeWithHoldings(chain, ticket, asOf, 'team', '')!;
      expect(held.map((h) => h.cycle)).toEqual(chain.compute(ticket, asOf)!.cycles);
      const expected = v.ola.cycles.find((c) => c.ticket === ticket.key)!;
      expect(Object.fromEntries(held[0].holdings)).toEqual(expected.held);
    }
  });

  it('MK4: without a change of the owner at creation, the owner known then holds the time up to the first change', () => {
    const fromJira = { ...pr1, events: pr1.events.filter((e) => !(e.field === 'team' && e.at === pr1.created)) };
    const [{ holdings }] = computeWithHoldings(chain, fromJira, asOf, 'team', 'Purchasing')!;
    expect(holdings).toEqual([['Purchasing', 360], ['Finance', 180], ['IT', 780]]);
    const [{ holdings: unknownFirst }] = computeWithHoldings(chain, fromJira, asOf, 'team', '')!;
    expect(unknownFirst[0]).toEqual(['', 360]);
  });

  it('MK4: the clock keeps no watcher after it: a later compute is not split', () => {
    computeWithHoldings(chain, pr1, asOf, 'team', '');
    expect(chain.watcherFor).toBeNull();
  });

  it('MK4: null when no goal of the clock applies; no cycle before the ticket exists', () => {
    const purchasesOnly = createSlaClock({ ...v.policies.find((p) => p.id === 'purchase-chain')!, goals: [{ target: '16h', calendar: 'office', when: [{ field: 'requestType', in: ['Purchase'] }] }] }, compileCalendarSet(v.calendars));
    expect(computeWithHoldings(purchasesOnly, { ...pr1, fields: { ...pr1.fields, requestType: 'Other' } }, asOf, 'team', '')).toBeNull();
    expect(computeWithHoldings(purchasesOnly, pr1, asOf, 'team', '')).toHaveLength(1);
    expect(computeWithHoldings(chain, { ...pr1, created: asOf + 1 }, asOf, 'team', '')).toEqual([]);
  });
});
