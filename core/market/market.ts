import { said } from '../i18n/error-catalogue';
import type { Instant } from '../calendar/types';
import type { CycleWatcher, SlaClock, SlaCycle, TicketClock } from '../sla/clock';
import { fieldText } from '../sla/compliance';
import type { FieldValue, TicketHistory } from '../sla/ticket';
import { type Catalogue, type MarketService, serviceOf } from './catalogue';
import { MarketError } from './errors';
import { OlaTally, type OlaServiceRow } from './ola';
import { type Holdings, OwnerTimeline } from './owner-timeline';
import { type StatementLine, StatementTally, statementTotals, type StatementTotal } from './statement';

/** The internal market's figures (the `internalMarket` of the CLI's JSON; docs/INTERNAL-MARKET.md). */
export interface InternalMarket {
  currency: string;
  statements: StatementLine[];
  totals: { customers: StatementTotal[]; providers: StatementTotal[] };
  ola: OlaServiceRow[];
}

type OlaService = MarketService & { ola: NonNullable<MarketService['ola']> };

/** The OLA owner field of each policy the catalogue uses (null: no service of it has an OLA). */
function ownerFields(catalogue: Catalogue): Map<string, string | null> {
  const fields = new Map<string, string | null>();
  catalogue.services.forEach((service, i) => {
    const field = service.ola?.owner ?? null;
    const known = fields.get(service.policyId);
    if (known !== undefined && known !== null && field !== null && known !== field) {
      throw new MarketError(`services.${i}.ola.owner`, said('at', { place: `services.${i} (${service.id}): ola.owner`, detail: said('market.ownerFieldDiffers', { field, known, policy: service.policyId }) }));
    }
    fields.set(service.policyId, known ?? field);
  });
  return fields;
}

/**
 * Statements and OLA chains tallied as tickets and cycles arrive, beside the compliance tally: memory grows with
 * periods, customers, services and owners (and one number per cycle and owner for the medians), not with tickets.
 */
export class MarketTally {
  private readonly statement: StatementTally;
  private readonly ola = new Map<string, OlaTally>();
  private readonly owners: Map<string, string | null>;
  private reported = false;
  /** One callback for every watcher: a closure per ticket would cost an object per ticket of a large log. */
  private readonly onWatchedCycle = (cycle: SlaCycle, holdings: Holdings | null): void => this.addCycle(cycle, holdings);

  constructor(
    private readonly catalogue: Catalogue,
    timeZone: string,
  ) {
    this.statement = new StatementTally(catalogue, timeZone);
    this.owners = ownerFields(catalogue);
    for (const service of catalogue.services) if (service.ola !== null) this.ola.set(service.id, new OlaTally(service as OlaService));
  }

  /** The owner field whose timeline a policy's cycles need; undefined when no service uses the policy. */
  ownerFieldOf(policyId: string): string | null | undefined {
    return this.owners.get(policyId);
  }

  /**
   * Has the clocks of the policies the catalogue uses hand their cycles here, with the owner field's timeline when a
   * service of the policy has an OLA: each ticket clock opened or resumed from now on gets a watcher, until the
   * tally reports (the clocks may serve another run).
   */
  watch(clocks: readonly SlaClock[]): void {
    for (const clock of clocks) {
      const field = this.owners.get(clock.policy.id);
      if (field !== undefined) clock.watcherFor = (ticket) => (this.reported ? null : this.watcherFor(field, ticket.fields));
    }
  }

  private watcherFor(field: string | null, fields: Readonly<Record<string, FieldValue>>): CycleWatcher {
    const onCycle = this.onWatchedCycle;
    if (field !== null) return new OwnerTimeline(field, fieldText(fields, field), onCycle);
    return { fieldsChanged: () => {}, stretch: () => {}, closed: (cycle) => cycle && onCycle(cycle, null) };
  }

  /** A ticket of the log, with its latest fields: a request of its service, in the month it was created. */
  addTicket(created: Instant, fields: Readonly<Record<string, FieldValue>>): void {
    const service = serviceOf(this.catalogue, fields);
    if (service !== null) this.statement.addRequest(created, fieldText(fields, this.catalogue.customer), service);
  }

  /** A cycle of any policy: counted when its ticket belongs to a service of that policy; holdings for the OLA. */
  addCycle(cycle: SlaCycle, holdings: Holdings | null): void {
    const service = serviceOf(this.catalogue, cycle.fields);
    if (service === null || service.policyId !== cycle.policyId) return;
    this.statement.addCycle(cycle, fieldText(cycle.fields, this.catalogue.customer), service);
    if (holdings !== null) this.ola.get(service.id)?.add(cycle, holdings);
  }

  report(): InternalMarket {
    this.reported = true;
    const statements = this.statement.lines();
    const { currency, decimals } = this.catalogue;
    return {
      currency,
      statements,
      totals: { customers: statementTotals(statements, 'customer', decimals), providers: statementTotals(statements, 'provider', decimals) },
      ola: [...this.ola.values()].map((t) => t.report()),
    };
  }
}

/**
 * One ticket history through a clock, its owner field followed from the history's changes of it (before the first,
 * the owner is ""): each cycle with its holdings.
 * @public Engine API for ticket histories (a Forge sync, the shared vectors); the CLI streams through `watch`.
 */
export function cyclesWithHoldings(clock: SlaClock, ticket: TicketHistory, ownerField: string, asOf: Instant, onCycle: (cycle: SlaCycle, holdings: Holdings) => void): void {
  if (clock.goalFor(ticket.fields) === null || asOf < ticket.created) return;
  const timeline = new OwnerTimeline(ownerField, '', onCycle);
  const ticketClock: TicketClock = clock.open(ticket, () => {});
  ticketClock.watcher = timeline;
  for (const event of ticket.events) {
    if (event.at > asOf) break;
    if (event.field === ownerField) timeline.ownerChanged(event.at, event.to ?? '');
    ticketClock.apply(event.at, event.field, event.to);
  }
  ticketClock.finish(asOf);
}

/**
 * The internal market of ticket histories: statements and OLA chains.
 * @public Engine API for ticket histories (a Forge sync, the shared vectors); the CLI streams through `watch`.
 */
export function internalMarket(catalogue: Catalogue, clocks: readonly SlaClock[], tickets: Iterable<TicketHistory>, asOf: Instant, timeZone: string): InternalMarket {
  const tally = new MarketTally(catalogue, timeZone);
  for (const ticket of tickets) {
    if (ticket.created <= asOf) tally.addTicket(ticket.created, ticket.fields);
    for (const clock of clocks) {
      const field = tally.ownerFieldOf(clock.policy.id);
      if (field === undefined) continue;
      if (field !== null) cyclesWithHoldings(clock, ticket, field, asOf, (cycle, holdings) => tally.addCycle(cycle, holdings));
      else for (const cycle of clock.compute(ticket, asOf)?.cycles ?? []) tally.addCycle(cycle, null);
    }
  }
  return tally.report();
}

/** A cycle as `SlaClock.compute` gives it, with who held its running time. */
export interface HeldCycle {
  cycle: SlaCycle;
  holdings: Holdings;
}

/**
 * A ticket's cycles exactly as `clock.compute` measures them (conditions that read fields included), each with its
 * holdings of the owner field: the history's changes of `ownerField`, and `initialOwner` before the first (a store
 * of field changes such as Jira's changelog knows the value at creation from the first change's `from`). Null when
 * no goal of the clock applies to the ticket.
 * @public Engine API for a sync that keeps each cycle's holdings with the cycle (the Forge app).
 */
export function computeWithHoldings(clock: SlaClock, ticket: TicketHistory, asOf: Instant, ownerField: string, initialOwner: string): HeldCycle[] | null {
  const held = new Map<SlaCycle, Holdings>();
  const timeline = new OwnerTimeline(ownerField, initialOwner, (cycle, holdings) => held.set(cycle, holdings));
  for (const event of ticket.events) if (event.field === ownerField && event.at <= asOf) timeline.ownerChanged(event.at, event.to ?? '');
  const previous = clock.watcherFor;
  clock.watcherFor = () => timeline;
  try {
    return clock.compute(ticket, asOf)?.cycles.map((cycle) => ({ cycle, holdings: held.get(cycle) ?? [] })) ?? null;
  } finally {
    clock.watcherFor = previous;
  }
}
