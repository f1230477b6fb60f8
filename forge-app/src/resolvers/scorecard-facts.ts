import { actualsFromFacts, csat, slaCompliance, tatStatistic, type KpiValues, type LogFacts, type TatStatistic } from '../../../core';
import { tatStatisticsOf } from '../config/scorecards';
import { SECURED_TICKET_AT, securedAt, type TicketEntry } from '../storage/aggregates';
import { readableResults } from '../storage/repository';
import { storedCyclesInMonth } from './visible-cycles';
import type { InpsEntry } from '../storage/inps-answers';
import { inpsAnswers, inpsOf } from './inps';
import { securedIn, type SecurityLevelGate } from './security-levels';

/** A version 2 gadget source as the core's source × factor (percent where the core gives a share). */
export type LegacySource = { source: string; factor: number };

/** The gadget-level source names of version 2 and how they read in the core's names. */
export function legacySource(source: string): LegacySource | null {
  if (source.startsWith('sla:')) return { source, factor: 100 };
  const named: Record<string, LegacySource> = {
    tatMedianHours: { source: 'tat:median', factor: 1 },
    ftrPercent: { source: 'ftr', factor: 100 },
    reopenPercent: { source: 'reopen', factor: 100 },
    csatPercent: { source: 'csat', factor: 100 },
  };
  return named[source] ?? null;
}

/** The month's resolved tickets' facts (its buckets only: months follow the report time zone, as the compliance gadget's do). */
export async function ticketEntries(projects: readonly string[], month: string, gen: number, gate: SecurityLevelGate): Promise<TicketEntry[]> {
  const entries: TicketEntry[] = [];
  const results = await readableResults();
  for (const project of projects) {
    const inProject = await results.ticketFacts(project, month, gen);
    // One by one: a project can hold tens of thousands of entries, too many to spread as arguments.
    for (const item of await gate.visible(inProject, (entry) => securedIn(project, securedAt(entry, SECURED_TICKET_AT)))) entries.push(item);
  }
  return entries.filter((e) => e[0] !== null);
}

export interface FactsScope {
  projects: readonly string[];
  timeZone: string;
  gen: number;
  /** Every policy of the configuration: the `sla` source (no policy named) is compliance over all of them. */
  policyIds: readonly string[];
  /** The viewer's issue security levels, checked once for the whole scorecard. */
  gate: SecurityLevelGate;
}

const complianceOf = (cycles: Parameters<typeof slaCompliance>[0], timeZone: string) => slaCompliance(cycles, { timeZone }).total.compliance;

/**
 * The facts of the synced tickets of some months (one period) as the core's actualsFromFacts reads them (the CLI
 * builds the same from a log), computing only what the sources ask for: SLA compliance per policy, TAT statistics in
 * working hours, resolved and reopened counts, CSAT share, iNPS from the portal answers. A period's figures come from
 * all its tickets and cycles together (Σ met ÷ Σ measured), never from averaging monthly figures.
 */
async function factsFor(sources: readonly string[], months: readonly string[], scope: FactsScope): Promise<LogFacts> {
  const { projects, timeZone, gen } = scope;
  const cyclesOf = async (policyIds: readonly string[]) => {
    const cycles = [];
    for (const policyId of policyIds) for (const month of months) cycles.push(...(await storedCyclesInMonth(policyId, projects, month, timeZone, scope.gate, gen)));
    return cycles;
  };
  const resolved: TicketEntry[] = [];
  for (const month of months) resolved.push(...(await ticketEntries(projects, month, gen, scope.gate)));
  const asked = new Set(sources.map((source) => source.trim()));
  const byPolicy: Record<string, number | null> = {};
  for (const source of asked) {
    if (source.startsWith('sla:')) byPolicy[source.slice(4)] = complianceOf(await cyclesOf([source.slice(4)]), timeZone);
  }
  const overall = asked.has('sla') ? complianceOf(await cyclesOf(scope.policyIds), timeZone) : null;
  const answers: InpsEntry[] = [];
  if (asked.has('inps')) for (const month of months) answers.push(...(await inpsAnswers(projects, month, scope.gate)));
  const tatHours = resolved.map((e) => e[1]).filter((t): t is number => t !== null).map((minutes) => minutes / 60);
  const ratings = resolved.map((e) => e[3]).filter((r): r is number => r !== null);
  return {
    compliance: { overall, byPolicy },
    tatHours: Object.fromEntries(tatStatisticsOf([...asked]).map((stat) => [stat, tatHours.length > 0 ? tatStatistic(tatHours, stat as TatStatistic) : null])),
    resolved: resolved.length,
    reopened: resolved.filter((e) => e[2] > 0).length,
    csat: ratings.length > 0 ? csat(ratings) : null,
    inps: inpsOf(answers),
  };
}

/** A period's actual of each KPI with a source: the scorecard's sources in the core's names, the gadget's legacy ones scaled. */
export async function sourcedActuals(sources: Readonly<Record<string, string>>, legacy: Readonly<Record<string, LegacySource>>, months: readonly string[], scope: FactsScope): Promise<KpiValues> {
  const coreSources = { ...sources, ...Object.fromEntries(Object.entries(legacy).map(([id, l]) => [id, l.source])) };
  const facts = await factsFor(Object.values(coreSources), months, scope);
  const actuals = actualsFromFacts(coreSources, facts);
  return Object.fromEntries(Object.entries(actuals).map(([id, value]) => [id, value === null || value === undefined || !(id in legacy) ? value : value * legacy[id].factor]));
}
