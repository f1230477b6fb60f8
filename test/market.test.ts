import { describe, expect, it } from 'vitest';
import { compileCalendarSet } from '../core/calendar/calendar-set';
import { allocateMinorUnits } from '../core/market/allocate';
import { readCatalogue } from '../core/market/catalogue';
import { creditRate } from '../core/market/credit';
import { roundAmount, toMinorUnits } from '../core/market/currency';
import { minorUnitsOf } from '../core/market/minor-units';
import { cyclesWithHoldings, internalMarket } from '../core/market/market';
import { olaOfCycle } from '../core/market/ola';
import type { Holdings } from '../core/market/owner-timeline';
import { createSlaClock, type SlaCycle } from '../core/sla/clock';
import { jsonSchemaOf } from '../core/schema';
import { marketClocks, marketTickets, readMarketVectors } from './vectors/market';

const v = readMarketVectors();
const clocks = marketClocks(v);
const policies = clocks.map((c) => c.policy);

describe('currency rounding in ISO 4217 minor units', () => {
  it.each(v.rounding.cases)('$amount $currency rounds half away from zero to $rounded', ({ amount, currency, rounded }) => {
    expect(roundAmount(amount, minorUnitsOf(currency)!)).toBe(rounded);
  });

  it('knows the minor units of ISO 4217 codes, and no others', () => {
    expect(['VND', 'USD', 'KWD', 'CLF', 'JPY', 'EUR'].map(minorUnitsOf)).toEqual([0, 2, 3, 4, 0, 2]);
    expect(minorUnitsOf('XYZ')).toBeNull();
  });
});

describe('MK2 largest-remainder allocation', () => {
  it.each(v.allocation.cases)('MK2: $name', ({ amount, usage, decimals, shares }) => {
    const minor = allocateMinorUnits(toMinorUnits(amount, decimals), usage);
    expect(minor.map((m) => m / 10 ** decimals)).toEqual(shares);
    expect(minor.reduce((a, b) => a + b, 0)).toBe(toMinorUnits(amount, decimals));
  });

  it('MK2: adds up exactly for awkward weights', () => {
    const usage = [0.1, 0.7, 1 / 3, 2.2, 5];
    for (const total of [1, 99, 1000003, -77]) expect(allocateMinorUnits(total, usage).reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('MK2: rejects a usage that cannot split anything, naming the row', () => {
    expect(() => allocateMinorUnits(100, [0, 0])).toThrow('usage: has no usage above 0 to split the amount by');
    expect(() => allocateMinorUnits(100, [1, -2])).toThrow('usage row 2: expected a number of 0 or more, got -2');
  });
});

describe('MK3 credit ladder', () => {
  it.each(v.credits.cases)('MK3: compliance $compliance with cap $cap gives $rate', ({ compliance, cap, rate }) => {
    expect(creditRate(compliance, v.credits.tiers, cap)).toBe(rate);
  });

  it('MK3: a tier outside 0..1 is named', () => {
    expect(() => creditRate(0.5, [{ below: 1.2, credit: 0.1 }])).toThrow('tiers.0.below: expected a fraction from 0 to 1');
  });
});

describe('MK1 statement lines', () => {
  const { statement } = v;
  const catalogue = readCatalogue(statement.catalogue, policies);
  const market = internalMarket(catalogue, clocks, marketTickets(statement.tickets), Date.parse(statement.asOf), statement.timeZone);

  it('MK1: a two-customer, two-service month (and the next) equals the hand-derived lines', () => {
    expect(market.statements).toEqual(statement.lines);
  });

  it('MK1: totals per customer and per provider are sums of the rounded lines', () => {
    expect(market.totals).toEqual(statement.totals);
  });

  it('MK2: the monthly cost adds up exactly each month, the tied unit to the customer whose name sorts first', () => {
    const april = market.statements.filter((l) => l.period === '2025-04' && l.service === 'it');
    expect(april.map((l) => [l.customer, l.charge])).toEqual([['Finance', 333334], ['HR', 333333], ['Sales', 333333]]);
    for (const period of ['2025-03', '2025-04']) {
      expect(market.statements.filter((l) => l.period === period && l.service === 'it').reduce((a, l) => a + l.charge, 0)).toBe(1000000);
    }
  });

  it('MK1: a ticket without the customer field is the customer "", and a ticket of no service is left out', () => {
    const tickets = marketTickets([
      { key: 'N-1', created: '2025-03-03T09:00:00Z', status: 'Open', fields: { requestType: 'Purchase' }, events: [{ at: '2025-03-03T10:00:00Z', field: 'status', to: 'Done' }] },
      { key: 'X-1', created: '2025-03-03T09:00:00Z', status: 'Open', fields: { requestType: 'Travel', department: 'HR' }, events: [] },
    ]);
    const lines = internalMarket(catalogue, clocks, tickets, Date.parse(statement.asOf), 'UTC').statements;
    expect(lines.map((l) => [l.customer, l.service, l.requests, l.met, l.charge])).toEqual([['', 'po', 1, 1, 200000]]);
  });
});

describe('MK4 OLA chain', () => {
  const { ola } = v;
  const chain = clocks.find((c) => c.policy.id === 'purchase-chain')!;
  const asOf = Date.parse(ola.asOf);
  const cycles: Array<{ cycle: SlaCycle; holdings: Holdings }> = [];
  for (const ticket of marketTickets(ola.tickets)) cyclesWithHoldings(chain, ticket, 'team', asOf, (cycle, holdings) => cycles.push({ cycle, holdings }));

  it('MK4: splits a cycle held by three owners with a pause; paused time is nobody\'s', () => {
    expect(
      cycles.map(({ cycle, holdings }) => ({
        ticket: cycle.ticketKey,
        elapsedMinutes: cycle.elapsedMinutes,
        pausedMinutes: cycle.pausedMinutes,
        state: cycle.state,
        held: Object.fromEntries(olaOfCycle(holdings, new Map(), false).held),
      })),
    ).toEqual(ola.cycles);
  });

  it('MK4: the held minutes add up to the running time of the cycle', () => {
    for (const { cycle, holdings } of cycles) expect(holdings.reduce((a, [, m]) => a + m, 0)).toBe(cycle.elapsedMinutes);
  });

  it.each(ola.budgets)('MK4: $name: owners over budget, attribution and per-owner figures', (expected) => {
    const catalogue = readCatalogue(expected.catalogue, policies);
    const budgets = catalogue.services[0].ola!.budgets;
    for (const { cycle, holdings } of cycles) {
      const split = olaOfCycle(holdings, budgets, cycle.state === 'breached');
      expect([...split.over]).toEqual(expected.over[cycle.ticketKey]);
      if (cycle.state === 'breached') expect(split.attributedTo).toBe(expected.attributedTo);
    }
    const [row] = internalMarket(catalogue, clocks, marketTickets(ola.tickets), asOf, ola.timeZone).ola;
    expect(row).toEqual({ service: 'po', provider: 'Purchasing', ownerField: 'team', cycles: 2, breached: expected.breached, unallocated: expected.unallocated, owners: expected.owners });
  });

  it('MK4: a change of owner at a stretch\'s end applies after it, one before the cycle starts applies from its start', () => {
    const calendars = compileCalendarSet(v.calendars);
    const clock = createSlaClock({ ...v.policies[1], id: 'edge' }, calendars);
    const [ticket] = marketTickets([
      {
        key: 'E-1', created: '2025-03-03T09:00:00Z', status: 'Open', fields: { team: 'x' },
        events: [
          { at: '2025-03-03T09:00:00Z', field: 'team', to: 'A' },
          { at: '2025-03-03T10:00:00Z', field: 'status', to: 'Waiting' },
          { at: '2025-03-03T10:00:00Z', field: 'team', to: 'B' },
          { at: '2025-03-03T11:00:00Z', field: 'status', to: 'Open' },
          { at: '2025-03-03T12:00:00Z', field: 'status', to: 'Done' },
        ],
      },
    ]);
    const seen: Holdings[] = [];
    cyclesWithHoldings(clock, ticket, 'team', Date.parse('2025-03-04T00:00:00Z'), (_, holdings) => seen.push(holdings));
    expect(seen).toEqual([[['A', 60], ['B', 60]]]);
  });
});

describe('catalogue validation names the service and the field', () => {
  const { statement } = v;
  const base = statement.catalogue as { services: Array<Record<string, unknown>> };
  const withService = (change: Record<string, unknown>) => ({ ...base, services: [{ ...base.services[0], ...change }, base.services[1]] });

  it.each([
    [{ policy: 'nope' }, 'services.0 (po): policy: no SLA policy "nope" (policies: request, purchase-chain)'],
    [{ credits: [{ below: 1.5, credit: 0.1 }] }, 'services.0 (po): credits.0.below: expected a fraction from 0 to 1 (0.95 for 95 %)'],
    [{ credits: [{ below: 0.9, credit: -0.1 }] }, 'services.0 (po): credits.0.credit: expected a fraction from 0 to 1'],
    [{ price: { perRequest: -5 } }, 'services.0 (po): price.perRequest: expected an amount of 0 or more, not a negative one'],
    [{ ola: { owner: 'team', budgets: { Finance: '2bd' } } }, 'services.0 (po): ola.budgets.Finance: expected working time such as "16h", "90m" or { "minutes": 960 }, got "2bd" (business days are not working time'],
  ])('%j', (change, message) => {
    expect(() => readCatalogue(withService(change), policies)).toThrow(message);
  });

  it('an unknown currency and a repeated id are named', () => {
    expect(() => readCatalogue({ ...base, currency: 'ABC' }, policies)).toThrow('currency: expected an ISO 4217 currency code');
    expect(() => readCatalogue({ ...base, services: [base.services[0], base.services[0]] }, policies)).toThrow('services.1 (po): id: the id "po" is already another service\'s');
  });

  it('budgets read as working minutes; agreed defaults to the policy\'s agreedCompliance, then 0.95', () => {
    const catalogue = readCatalogue(withService({ ola: { owner: 'team', budgets: { A: '90m', B: { minutes: 960 }, C: 2 } } }), [{ ...policies[0], agreedCompliance: 0.8 }]);
    expect(Object.fromEntries(catalogue.services[0].ola!.budgets)).toEqual({ A: 90, B: 960, C: 120 });
    expect(catalogue.services.map((s) => s.agreed)).toEqual([0.8, 0.9]);
  });

  it('the JSON Schema export describes the catalogue for editors', () => {
    const schema = jsonSchemaOf('catalogue') as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['currency', 'customer', 'services']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['currency', 'customer', 'services']));
  });
});
