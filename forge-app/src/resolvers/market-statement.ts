import { MarketTally, type StatementLine, statementCsv, statementTotals, type StatementTotal } from '../../../core';
import api from '@forge/api';
import { checkCatalogue, JQL_MATCH, jqlMarker, loadCatalogueInput } from '../config/catalogue-store';
import { JiraClient, JqlError } from '../jira/client';
import { loadConfig } from '../config/store';
import { monthOf, reportedAt, type TicketResult } from '../model/ticket-result';
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
  /** Services chosen by JQL whose search found more than JQL_ISSUE_LIMIT issues: only the first ones are counted. */
  truncated: string[];
}

export type MarketStatementResult = MarketStatement | { error: 'NO_CATALOGUE' | 'INVALID_CATALOGUE' | 'INVALID_JQL'; message: string };

/** A JQL service counts at most this many issues (the user's search, keys only), as the compliance gadget's JQL scope. */
const JQL_ISSUE_LIMIT = 5_000;

/** The issues each JQL service's search finds, as the viewer (Jira returns only issues the viewer may see). */
async function jqlMatches(jql: ReadonlyMap<string, string>): Promise<{ keys: Map<string, Set<string>>; truncated: string[] }> {
  const client = new JiraClient(api.asUser().requestJira, runtime.sleep);
  const keys = new Map<string, Set<string>>();
  const truncated: string[] = [];
  for (const [serviceId, query] of jql) {
    const found = await client.searchKeys(query, JQL_ISSUE_LIMIT);
    keys.set(serviceId, new Set(found.keys));
    if (found.truncated) truncated.push(serviceId);
  }
  return { keys, truncated };
}

/** A ticket's fields with the marker of each JQL service whose search found it. */
function markedFields(ticket: TicketResult, matches: ReadonlyMap<string, ReadonlySet<string>>): TicketResult['fields'] {
  if (matches.size === 0) return ticket.fields;
  const fields = { ...ticket.fields };
  for (const [serviceId, keys] of matches) if (keys.has(ticket.key)) fields[jqlMarker(serviceId)] = JQL_MATCH;
  return fields;
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
  let matches: Awaited<ReturnType<typeof jqlMatches>>;
  try {
    matches = await jqlMatches(check.jql);
  } catch (error) {
    if (error instanceof JqlError) return { error: 'INVALID_JQL', message: error.message };
    throw error;
  }
  const timeZone = config.sync.reportTimeZone;
  const month = query.month ?? monthOf(runtime.now(), timeZone);
  const projects = await browsableProjects(query.projects ?? []);
  const policyIds = [...new Set(catalogue.services.map((s) => s.policyId))];
  const scope = { projects, timeZone, gen: await activeGeneration(), gate: new SecurityLevelGate() };
  const tally = new MarketTally(catalogue, timeZone);
  for (const ticket of await visibleMonthTickets(scope, month, policyIds, true)) {
    const fields = markedFields(ticket, matches.keys);
    if (monthOf(ticket.created, timeZone) === month) tally.addTicket(ticket.created, fields);
    for (const cycle of ticket.cycles) {
      if (monthOf(reportedAt(cycle), timeZone) === month) tally.addCycle({ ...cycle, fields, ticketKey: ticket.key }, null);
    }
  }
  const lines = tally.report().statements.filter((line) => line.period === month);
  const totals = { customers: statementTotals(lines, 'customer', catalogue.decimals), providers: statementTotals(lines, 'provider', catalogue.decimals) };
  return { month, projects, currency: catalogue.currency, lines, totals, csv: statementCsv(lines), truncated: matches.truncated };
}
