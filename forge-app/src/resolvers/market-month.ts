import { type Catalogue, type InternalMarket, MarketTally, serviceOf } from '../../../core';
import api from '@forge/api';
import { checkCatalogue, JQL_MATCH, jqlMarker, loadCatalogueInput } from '../config/catalogue-store';
import { quotingCoreError } from './core-refusal';
import { JiraClient, JqlError } from '../jira/client';
import { loadConfig } from '../config/store';
import { monthOf, reportedAt, type TicketResult } from '../model/ticket-result';
import { runtime } from '../runtime';
import { activeGeneration } from '../sync/generations';
import type { MarketMonthQuery } from './payloads';
import { browsableProjects } from './permissions';
import { SecurityLevelGate } from './security-levels';
import { visibleMonthTickets } from './month-tickets';

/** A month of the internal market as the viewer may see it, from the stored results the gadgets read. */
export interface MarketMonth {
  month: string;
  projects: string[];
  catalogue: Catalogue;
  /** The core's figures: statements by creation month and cycle month, OLA chains from the cycles' stored holdings. */
  market: InternalMarket;
  /** The month's cycles the catalogue's OLA would split that were stored without holdings (before it named an owner field). */
  unsplit: number;
  /** Services chosen by JQL whose search found more than JQL_ISSUE_LIMIT issues: only the first ones are counted. */
  truncated: string[];
}

export type MarketMonthError = { error: 'NO_CATALOGUE' | 'INVALID_CATALOGUE' | 'INVALID_JQL'; message: string };

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

/** What the month's reading feeds the tally with. */
interface MonthFeed {
  tally: MarketTally;
  catalogue: Catalogue;
  month: string;
  timeZone: string;
  withRequests: boolean;
}

/** Feeds one stored ticket to the tally; returns how many of its cycles its service's OLA would split but have no holdings. */
function addTicket({ tally, catalogue, month, timeZone, withRequests }: MonthFeed, ticket: TicketResult, fields: TicketResult['fields']): number {
  if (withRequests && monthOf(ticket.created, timeZone) === month) tally.addTicket(ticket.created, fields);
  const service = serviceOf(catalogue, fields);
  let unsplit = 0;
  for (const { held, ...cycle } of ticket.cycles) {
    if (monthOf(reportedAt(cycle), timeZone) !== month) continue;
    if (held === undefined && service?.ola && service.policyId === cycle.policyId) unsplit++;
    tally.addCycle({ ...cycle, fields, ticketKey: ticket.key }, held ?? null);
  }
  return unsplit;
}

/**
 * One month of the internal market (docs/INTERNAL-MARKET.md), computed by the core's market tally from the stored
 * results: requests by creation month (`withRequests`; the OLA view needs none), cycles by the compliance rule, each
 * with the holdings the sync split it into by the owner field's history.
 */
export async function readMarketMonth(query: MarketMonthQuery, withRequests: boolean): Promise<MarketMonth | MarketMonthError> {
  const { config } = await loadConfig();
  const input = await loadCatalogueInput();
  if (input === null || config === null) return { error: 'NO_CATALOGUE', message: 'no service catalogue yet: an admin sets it on the app\'s admin page' };
  const check = checkCatalogue(input, config.policies);
  if (!check.ok) return quotingCoreError({ error: 'INVALID_CATALOGUE' as const, message: check.problem.message }, check.problem);
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
  const feed: MonthFeed = { tally: new MarketTally(catalogue, timeZone), catalogue, month, timeZone, withRequests };
  let unsplit = 0;
  for (const ticket of await visibleMonthTickets(scope, month, policyIds, withRequests)) unsplit += addTicket(feed, ticket, markedFields(ticket, matches.keys));
  return { month, projects, catalogue, market: feed.tally.report(), unsplit, truncated: matches.truncated };
}
