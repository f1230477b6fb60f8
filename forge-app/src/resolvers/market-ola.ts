import type { OlaServiceRow } from '../../../core';
import { type MarketMonthError, readMarketMonth } from './market-month';
import type { MarketMonthQuery } from './payloads';

/** The OLA view of one month (docs/INTERNAL-MARKET.md, "OLA chain"): per service with an OLA, who held its cycles. */
export interface MarketOla {
  month: string;
  projects: string[];
  /** Per service: cycles, breached, unallocated breaches, and per owner the budget and held-time figures (working minutes). */
  services: Array<OlaServiceRow & { name: string }>;
  /** Cycles of the month stored before the catalogue named their owner field: not split until a recompute. */
  unsplit: number;
  truncated: string[];
}

export type MarketOlaResult = MarketOla | MarketMonthError;

/** Runs the core's OLA tally over the month's stored cycles (those reported in it, as the statement counts them). */
export async function marketOla(query: MarketMonthQuery): Promise<MarketOlaResult> {
  const read = await readMarketMonth(query, false);
  if ('error' in read) return read;
  const names = new Map(read.catalogue.services.map((s) => [s.id, s.name]));
  const services = read.market.ola.map((row) => ({ ...row, name: names.get(row.service) ?? row.service }));
  return { month: read.month, projects: read.projects, services, unsplit: read.unsplit, truncated: read.truncated };
}
