import { readFileSync } from 'node:fs';
import { compileCalendarSet } from '../../core/calendar/calendar-set';
import { createSlaClock, type SlaClock } from '../../core/sla/clock';
import type { SlaPolicyInput } from '../../core/sla/policy';
import { TicketHistorySchema, type TicketHistory } from '../../core/sla/ticket';
import type { OlaOwnerRow } from '../../core/market/ola';
import type { StatementLine, StatementTotal } from '../../core/market/statement';

interface RawTicket {
  key: string;
  created: string;
  status: string;
  fields: Record<string, string>;
  events: Array<{ at: string; field: string; to: string }>;
}

/** test/vectors/internal-market.json as written (hand-derived figures; the `how` fields say how). */
export interface MarketVectors {
  calendars: Record<string, string>;
  policies: SlaPolicyInput[];
  rounding: { cases: Array<{ amount: number; currency: string; rounded: number }> };
  allocation: { cases: Array<{ name: string; amount: number; usage: number[]; decimals: number; shares: number[] }> };
  credits: { tiers: Array<{ below: number; credit: number }>; cases: Array<{ compliance: number | null; cap: number; rate: number }> };
  statement: {
    asOf: string;
    timeZone: string;
    catalogue: object;
    tickets: RawTicket[];
    lines: StatementLine[];
    totals: { customers: StatementTotal[]; providers: StatementTotal[] };
  };
  ola: {
    asOf: string;
    timeZone: string;
    tickets: RawTicket[];
    cycles: Array<{ ticket: string; elapsedMinutes: number; pausedMinutes: number; state: string; held: Record<string, number> }>;
    budgets: Array<{ name: string; catalogue: object; over: Record<string, string[]>; attributedTo: string | null; owners: OlaOwnerRow[]; breached: number; unallocated: number }>;
  };
}

export const readMarketVectors = (): MarketVectors => JSON.parse(readFileSync(new URL('./internal-market.json', import.meta.url), 'utf8'));

/** The vectors' policies bound to their calendars. */
export const marketClocks = (v: MarketVectors): SlaClock[] => {
  const calendars = compileCalendarSet(v.calendars);
  return v.policies.map((p) => createSlaClock(p, calendars));
};

export const marketTickets = (tickets: readonly RawTicket[]): TicketHistory[] => tickets.map((t) => TicketHistorySchema.parse(t));
