import { MarketTally, type StatementLine, statementCsv, statementTotals, type StatementTotal } from '../../../core';
import { checkCatalogue, loadCatalogueInput } from '../config/catalogue-store';
import { loadConfig } from '../config/store';
import { monthOf, reportedAt } from '../model/ticket-result';
import { runtime } from '../runtime';
import { activeGeneration } from '../sync/generations';
import type { MarketStatementQuery } from './payloads';
import { browsableProjects } from './permissions';
import { SecurityLevelGate } from './security-levels';
import { visibleMonthTickets } from './month-tickets';

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
  const scope = { projects, timeZone, gen: await activeGeneration(), gate: new SecurityLevelGate() };
  const tally = new MarketTally(catalogue, timeZone);
  for (const ticket of await visibleMonthTickets(scope, month, policyIds)) {
    if (monthOf(ticket.created, timeZone) === month) tally.addTicket(ticket.created, ticket.fields);
    for (const cycle of ticket.cycles) {
      if (monthOf(reportedAt(cycle), timeZone) === month) tally.addCycle({ ...cycle, fields: ticket.fields, ticketKey: ticket.key }, null);
    }
  }
  const lines = tally.report().statements.filter((line) => line.period === month);
  const totals = { customers: statementTotals(lines, 'customer', catalogue.decimals), providers: statementTotals(lines, 'provider', catalogue.decimals) };
  return { month, projects, currency: catalogue.currency, lines, totals, csv: statementCsv(lines) };
}
