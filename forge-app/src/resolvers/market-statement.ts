import { MarketTally, type StatementLine, statementCsv, statementTotals, type StatementTotal } from '../../../core';
import { checkCatalogue, loadCatalogueInput } from '../config/catalogue-store';
import { loadConfig } from '../config/store';
import { monthOf, reportedAt, type TicketResult } from '../model/ticket-result';
import { runtime } from '../runtime';
import { readableResults } from '../storage/repository';
import { activeGeneration } from '../sync/generations';
import type { MarketStatementQuery } from './payloads';
import { browsableProjects } from './permissions';
import { SecurityLevelGate } from './security-levels';
import { addMonths } from './visible-cycles';

export interface MarketStatement {
  month: string;
  projects: string[];
  currency: string;
  /** One line per internal customer (the catalogue's customer field: the JSM organization) and service. */
  lines: StatementLine[];
  totals: { customers: StatementTotal[]; providers: StatementTotal[] };
  /** The statement file (docs/INTERNAL-MARKET.md, "Where it shows"), formulas neutralised. */
  csv: string;
}

export type MarketStatementResult = MarketStatement | { error: 'NO_CATALOGUE' | 'INVALID_CATALOGUE'; message: string };

const DAY = 86_400_000;

/**
 * Instants that surely hold a `YYYY-MM` month of any time zone: its UTC bounds widened by a day (offsets stay within
 * ±14 h). The rows read are a superset; the month of each creation and cycle is decided by its label.
 */
const monthWindow = (month: string): { from: number; to: number } => ({
  from: Date.parse(`${month}-01T00:00:00Z`) - DAY,
  to: Date.parse(`${addMonths(month, 1)}-01T00:00:00Z`) + DAY,
});

/** The stored results of the month in the projects, under no security level or one the viewer may browse. */
async function visibleTickets(projects: readonly string[], month: string, timeZone: string, policyIds: string[]): Promise<TicketResult[]> {
  const gen = await activeGeneration();
  const results = await readableResults();
  const { from, to } = monthWindow(month);
  const gate = new SecurityLevelGate();
  const tickets: TicketResult[] = [];
  for (const project of projects) {
    const found = await results.marketTickets({ gen, project, month, timeZone, from, to, policyIds });
    tickets.push(...(await gate.visible(found, (t) => (t.securityLevel ? { project, level: t.securityLevel, issueId: t.id } : null))));
  }
  return tickets;
}

/**
 * The internal market's statement of one month (docs/INTERNAL-MARKET.md, "Statement"), computed by the core's market
 * tally from the stored results the gadgets read: requests by creation month, cycles by the compliance rule.
 */
export async function marketStatement(query: MarketStatementQuery): Promise<MarketStatementResult> {
  const { config } = await loadConfig();
  const input = await loadCatalogueInput();
  if (input === null || config === null) return { error: 'NO_CATALOGUE', message: 'no service catalogue yet: an admin sets it on the app\'s admin page' };
  const check = checkCatalogue(input, config.policies);
  if (!check.ok) return { error: 'INVALID_CATALOGUE', message: check.problem.message };
  const { catalogue } = check;
  const timeZone = config.sync.reportTimeZone;
  const month = query.month ?? monthOf(runtime.now(), timeZone);
  const projects = await browsableProjects(query.projects ?? []);
  const policyIds = [...new Set(catalogue.services.map((s) => s.policyId))];
  const tally = new MarketTally(catalogue, timeZone);
  for (const ticket of await visibleTickets(projects, month, timeZone, policyIds)) {
    if (monthOf(ticket.created, timeZone) === month) tally.addTicket(ticket.created, ticket.fields);
    for (const cycle of ticket.cycles) {
      if (monthOf(reportedAt(cycle), timeZone) === month) tally.addCycle({ ...cycle, fields: ticket.fields, ticketKey: ticket.key }, null);
    }
  }
  const lines = tally.report().statements.filter((line) => line.period === month);
  const totals = { customers: statementTotals(lines, 'customer', catalogue.decimals), providers: statementTotals(lines, 'provider', catalogue.decimals) };
  return { month, projects, currency: catalogue.currency, lines, totals, csv: statementCsv(lines) };
}
