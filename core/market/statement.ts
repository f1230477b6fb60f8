import { periodLabel } from '../calendar/period';
import type { Instant } from '../calendar/types';
import { localDayIn } from '../calendar/zone';
import type { SlaCycle } from '../sla/clock';
import { ComplianceTally } from '../sla/compliance';
import { allocateMinorUnits } from './allocate';
import type { Catalogue, MarketService } from './catalogue';
import { creditRate } from './credit';
import { fromMinorUnits, toMinorUnits } from './currency';
import { toCsv } from '../util/csv';

/** One line of the statement: a period, an internal customer and a service (docs/INTERNAL-MARKET.md, "Statement"). */
export interface StatementLine {
  /** The calendar month in the report's time zone, `2025-03`. */
  period: string;
  /** The customer field's value; "" for tickets without one. */
  customer: string;
  service: string;
  provider: string;
  requests: number;
  met: number;
  /** Stopped after the due time, or open past it. */
  breached: number;
  compliance: number | null;
  agreed: number;
  charge: number;
  creditRate: number;
  credit: number;
  net: number;
  currency: string;
}

const SEP = '\u0000';

/** A line's counts before it is priced. */
interface Cell {
  period: string;
  customer: string;
  serviceId: string;
  requests: number;
  met: number;
  breached: number;
  compliance: number | null;
}
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Requests counted per period, customer and service, and the services' cycles by the compliance rule. */
export class StatementTally {
  private readonly requests = new Map<string, number>(); // period, customer, service id → tickets created
  /** The customer and service of the cycle being added: found once per cycle by the market, not again here. */
  private cycleKey = '';
  private readonly cycles: ComplianceTally;
  private readonly monthOf: (t: Instant) => string;

  constructor(
    private readonly catalogue: Catalogue,
    timeZone: string,
  ) {
    this.cycles = new ComplianceTally({ groupBy: () => this.cycleKey, period: 'month', timeZone });
    const dayOf = localDayIn(timeZone);
    const labels = new Map<number, string>();
    this.monthOf = (t) => {
      const day = dayOf(t);
      let label = labels.get(day);
      if (label === undefined) labels.set(day, (label = periodLabel(day, 'month')));
      return label;
    };
  }

  addRequest(created: Instant, customer: string, service: MarketService): void {
    const key = `${this.monthOf(created)}${SEP}${customer}${SEP}${service.id}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  addCycle(cycle: SlaCycle, customer: string, service: MarketService): void {
    this.cycleKey = `${customer}${SEP}${service.id}`;
    this.cycles.add(cycle);
  }

  /** The lines, by period, customer and the catalogue's order of services. */
  lines(): StatementLine[] {
    const cells = new Map<string, Cell>();
    const cell = (period: string, customer: string, serviceId: string) => {
      const key = `${period}${SEP}${customer}${SEP}${serviceId}`;
      let found = cells.get(key);
      if (!found) cells.set(key, (found = { period, customer, serviceId, requests: 0, met: 0, breached: 0, compliance: null }));
      return found;
    };
    for (const [key, n] of this.requests) {
      const [period, customer, serviceId] = key.split(SEP);
      cell(period, customer, serviceId).requests = n;
    }
    for (const group of this.cycles.report().groups) {
      const [customer, serviceId] = group.key.split(SEP);
      Object.assign(cell(group.period, customer, serviceId), { met: group.met, breached: group.breached + group.ongoingBreached, compliance: group.compliance });
    }
    const rank = new Map(this.catalogue.services.map((s, i) => [s.id, i]));
    const sorted = [...cells.values()].sort((a, b) => byText(a.period, b.period) || byText(a.customer, b.customer) || rank.get(a.serviceId)! - rank.get(b.serviceId)!);
    const shares = this.monthlyShares(sorted);
    return sorted.map((c) => this.line(c, shares.get(`${c.period}${SEP}${c.customer}${SEP}${c.serviceId}`) ?? 0));
  }

  /**
   * Each service's monthly cost split over the customers with requests in the period, by requests, in minor units
   * (largest remainder, ties to the name that sorts first: the lines come sorted by customer).
   */
  private monthlyShares(sorted: readonly Cell[]): Map<string, number> {
    const shares = new Map<string, number>();
    const groups = new Map<string, Array<{ customer: string; requests: number }>>();
    for (const { period, serviceId, customer, requests } of sorted) {
      if (requests === 0) continue;
      const key = `${period}${SEP}${serviceId}`;
      const group = groups.get(key) ?? [];
      group.push({ customer, requests });
      groups.set(key, group);
    }
    const byId = new Map(this.catalogue.services.map((s) => [s.id, s]));
    for (const [key, customers] of groups) {
      const [period, serviceId] = key.split(SEP);
      const cost = toMinorUnits(byId.get(serviceId)!.monthlyCost, this.catalogue.decimals);
      if (cost === 0) continue;
      const split = allocateMinorUnits(cost, customers.map((c) => c.requests));
      customers.forEach((c, i) => shares.set(`${period}${SEP}${c.customer}${SEP}${serviceId}`, split[i]));
    }
    return shares;
  }

  private line(
    c: Cell,
    shareMinor: number,
  ): StatementLine {
    const { decimals, currency } = this.catalogue;
    const service = this.catalogue.services.find((s) => s.id === c.serviceId)!;
    const chargeMinor = toMinorUnits(c.requests * service.perRequest, decimals) + shareMinor;
    const rate = creditRate(c.compliance, service.credits, service.creditCap);
    const creditMinor = toMinorUnits(chargeMinor * rate, 0);
    return {
      period: c.period,
      customer: c.customer,
      service: service.id,
      provider: service.provider,
      requests: c.requests,
      met: c.met,
      breached: c.breached,
      compliance: c.compliance,
      agreed: service.agreed,
      charge: fromMinorUnits(chargeMinor, decimals),
      creditRate: rate,
      credit: fromMinorUnits(creditMinor, decimals),
      net: fromMinorUnits(chargeMinor - creditMinor, decimals),
      currency,
    };
  }
}

/** Sums of the rounded lines per period and customer, and per period and provider. */
export interface StatementTotal {
  period: string;
  /** The customer or the provider. */
  name: string;
  requests: number;
  charge: number;
  credit: number;
  net: number;
}

export function statementTotals(lines: readonly StatementLine[], by: 'customer' | 'provider', decimals: number): StatementTotal[] {
  const totals = new Map<string, { period: string; name: string; requests: number; charge: number; credit: number; net: number }>();
  for (const line of lines) {
    const key = `${line.period}${SEP}${line[by]}`;
    let total = totals.get(key);
    if (!total) totals.set(key, (total = { period: line.period, name: line[by], requests: 0, charge: 0, credit: 0, net: 0 }));
    total.requests += line.requests;
    // Summed in minor units: adding 0.1 + 0.2 as numbers would not give 0.3.
    total.charge += toMinorUnits(line.charge, decimals);
    total.credit += toMinorUnits(line.credit, decimals);
    total.net += toMinorUnits(line.net, decimals);
  }
  return [...totals.values()]
    .sort((a, b) => byText(a.period, b.period) || byText(a.name, b.name))
    .map((t) => ({ ...t, charge: fromMinorUnits(t.charge, decimals), credit: fromMinorUnits(t.credit, decimals), net: fromMinorUnits(t.net, decimals) }));
}

/** The statement file's header (docs/INTERNAL-MARKET.md, "Where it shows"). */
const STATEMENT_HEADER = ['period', 'customer', 'service', 'provider', 'requests', 'met', 'breached', 'compliance', 'agreed', 'charge', 'credit_rate', 'credit', 'net', 'currency'];

/** The statement as CSV (formula-neutralised cells): the CLI's `--statement` file and the Forge export. */
export const statementCsv = (lines: readonly StatementLine[]): string =>
  toCsv(
    STATEMENT_HEADER,
    lines.map((l) => [l.period, l.customer, l.service, l.provider, l.requests, l.met, l.breached, l.compliance, l.agreed, l.charge, l.creditRate, l.credit, l.net, l.currency]),
  );
