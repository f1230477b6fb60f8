import { tatStats } from '../kpi/tat';
import type { SlaCycle } from '../sla/clock';
import type { MarketService } from './catalogue';
import type { Holdings } from './owner-timeline';

/** One cycle's OLA chain: minutes held per owner, the owners over budget, and whom a breach is attributed to. */
export interface CycleOla {
  held: Map<string, number>;
  over: Set<string>;
  /** For a breached cycle: the owner whose held time first went over its budget; null when none did (or not breached). */
  attributedTo: string | null;
}

/**
 * Sums a cycle's holdings per owner against the budgets (working minutes).
 * @internal The OLA tally's building block, exported so tests check one cycle's split and attribution. Holdings come in time order, so the first
 * owner found over its budget is the one that went over at the earliest instant.
 */
export function olaOfCycle(holdings: Holdings, budgets: ReadonlyMap<string, number>, breached: boolean): CycleOla {
  const held = new Map<string, number>();
  const over = new Set<string>();
  let first: string | null = null;
  for (const [owner, minutes] of holdings) {
    const total = (held.get(owner) ?? 0) + minutes;
    held.set(owner, total);
    const budget = budgets.get(owner);
    if (budget !== undefined && total > budget && !over.has(owner)) {
      over.add(owner);
      first ??= owner;
    }
  }
  return { held, over, attributedTo: breached ? first : null };
}

/**
 * Per service and owner (docs/INTERNAL-MARKET.md, "OLA chain"). Minutes are working minutes.
 * @internal Part of `OlaServiceRow`; exported so the shared vectors' loader can name it.
 */
export interface OlaOwnerRow {
  owner: string;
  /** The owner's budget in working minutes; null: none (never over). */
  budgetMinutes: number | null;
  /** Cycles the owner held for any working time. */
  cycles: number;
  /** Share of those cycles where it stayed within its budget. */
  withinBudget: number;
  heldMedian: number;
  heldP90: number;
  breachesAttributed: number;
}

export interface OlaServiceRow {
  service: string;
  provider: string;
  /** The owner field. */
  ownerField: string;
  cycles: number;
  breached: number;
  /** Breached cycles no owner went over budget in: the budgets do not cover the goal. */
  unallocated: number;
  owners: OlaOwnerRow[];
}

interface OwnerFigures {
  within: number;
  attributed: number;
  held: number[];
}

/** OLA figures for one service, cycle by cycle: memory grows with owners and one number per cycle held. */
export class OlaTally {
  private readonly owners = new Map<string, OwnerFigures>();
  private cycles = 0;
  private breached = 0;
  private unallocated = 0;

  constructor(private readonly service: MarketService & { ola: NonNullable<MarketService['ola']> }) {}

  add(cycle: SlaCycle, holdings: Holdings): CycleOla {
    const isBreached = cycle.state === 'breached';
    const ola = olaOfCycle(holdings, this.service.ola.budgets, isBreached);
    this.cycles++;
    if (isBreached) {
      this.breached++;
      if (ola.attributedTo === null) this.unallocated++;
    }
    for (const [owner, minutes] of ola.held) {
      let figures = this.owners.get(owner);
      if (!figures) this.owners.set(owner, (figures = { within: 0, attributed: 0, held: [] }));
      figures.held.push(minutes);
      if (!ola.over.has(owner)) figures.within++;
      if (ola.attributedTo === owner) figures.attributed++;
    }
    return ola;
  }

  report(): OlaServiceRow {
    const { id, provider, ola } = this.service;
    const owners = [...this.owners.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([owner, f]): OlaOwnerRow => {
        const { median, p90 } = tatStats(f.held);
        return {
          owner,
          budgetMinutes: ola.budgets.get(owner) ?? null,
          cycles: f.held.length,
          withinBudget: f.within / f.held.length,
          heldMedian: median,
          heldP90: p90,
          breachesAttributed: f.attributed,
        };
      });
    return { service: id, provider, ownerField: ola.owner, cycles: this.cycles, breached: this.breached, unallocated: this.unallocated, owners };
  }
}
