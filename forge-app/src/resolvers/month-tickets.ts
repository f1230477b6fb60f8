import type { TicketResult } from '../model/ticket-result';
import { readableResults } from '../storage/repository';
import type { SecurityLevelGate } from './security-levels';
import { addMonths } from './visible-cycles';

const DAY = 86_400_000;

/**
 * Instants that surely hold a `YYYY-MM` month of any time zone: its UTC bounds widened by a day (offsets stay within
 * ±14 h). The rows read are a superset; the month of each creation and cycle is decided by its label.
 */
const monthWindow = (month: string): { from: number; to: number } => ({
  from: Date.parse(`${month}-01T00:00:00Z`) - DAY,
  to: Date.parse(`${addMonths(month, 1)}-01T00:00:00Z`) + DAY,
});

/** What a month's reading covers: the projects the viewer may browse, the generation and the viewer's levels. */
export interface MonthScope {
  projects: readonly string[];
  timeZone: string;
  gen: number;
  gate: SecurityLevelGate;
}

/**
 * The stored results of a month in the projects (with `withCreated`, those created in it; and those with a cycle of
 * the policies reported in it), under no security level or one the viewer may browse.
 */
export async function visibleMonthTickets(scope: MonthScope, month: string, policyIds: readonly string[], withCreated: boolean): Promise<TicketResult[]> {
  const results = await readableResults();
  const created = withCreated ? monthWindow(month) : null;
  const tickets: TicketResult[] = [];
  for (const project of scope.projects) {
    const found = await results.marketTickets({ gen: scope.gen, project, month, timeZone: scope.timeZone, created, policyIds });
    tickets.push(...(await scope.gate.visible(found, (t) => (t.securityLevel ? { project, level: t.securityLevel, issueId: t.id } : null))));
  }
  return tickets;
}
