import { type ComplianceEntry, localDayIn, MS_PER_DAY, periodLabel } from '../../../core';
import type { TrendPeriod } from '../model/periods';
import { monthOf } from '../model/ticket-result';
import { runtime } from '../runtime';
import { type CycleCount, readableResults } from '../storage/repository';
import type { GroupField } from '../model/group-fields';
import { securedIn, type SecurityLevelGate } from './security-levels';

/**
 * The stored SLA cycles a viewer may see, over a window of months: read through storage, filtered by the viewer's
 * issue security levels, in the shape the core's slaCompliance counts. The compliance gadget, the customer report and
 * the scorecard facts all count from here.
 */

/** The label of the oldest of the last `count` periods up to `now`, and an instant safely before that period begins. */
export function periodWindow(now: number, period: TrendPeriod, count: number, timeZone: string): { oldest: string; from: number } {
  let day = localDayIn(timeZone)(now);
  let oldest = periodLabel(day, period);
  let seen = 1;
  for (;;) {
    const label = periodLabel(day - 1, period);
    if (label !== oldest && ++seen > count) break;
    oldest = label;
    day--;
  }
  // `day` is the period's first local day; a day earlier in UTC covers any zone offset.
  return { oldest, from: (day - 1) * MS_PER_DAY };
}

/** `YYYY-MM` plus `n` months. */
export const addMonths = (month: string, n: number): string => {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** Every `YYYY-MM` from `first` to `last`, both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last && months.length < 1_200; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** Open cycles are reported at their due time, which may lie ahead: months this far past the current one are read too. */
const MONTHS_AHEAD = 2;

/**
 * Stored cycles of a policy in the projects, reported within [from, to]; with `tickets`, only those tickets' cycles;
 * only issues the viewer may see (`gate`: issue security levels). Only the months of the window are read, so the cost
 * follows the window, not the project's history. Months follow the report time zone, as the stores do. `groupBy`
 * names the one field the caller groups on (the SQL store counts per value of that field only).
 */
export async function storedCycles(
  policyId: string,
  projects: readonly string[],
  from: number,
  to: number,
  timeZone: string,
  gate: SecurityLevelGate,
  tickets?: ReadonlySet<string>,
  gen = 0,
  groupBy: GroupField | null = null,
): Promise<ComplianceEntry[]> {
  const first = monthOf(from, timeZone);
  const last = Number.isFinite(to) ? monthOf(to, timeZone) : addMonths(monthOf(runtime.now(), timeZone), MONTHS_AHEAD);
  const results = await readableResults();
  const cycles: ComplianceEntry[] = [];
  for (const project of projects) {
    const counts = await results.cycleCounts({ gen, policyId, project, months: monthsBetween(first, last), from, to, groupBy, tickets });
    for (const item of await visibleCounts(gate, project, counts)) cycles.push(item);
  }
  return cycles;
}

/** Stored cycles of a policy reported in one month of the report time zone, of the issues the viewer may see. */
export async function storedCyclesInMonth(policyId: string, projects: readonly string[], month: string, timeZone: string, gate: SecurityLevelGate, gen = 0): Promise<ComplianceEntry[]> {
  const results = await readableResults();
  const cycles: ComplianceEntry[] = [];
  for (const project of projects) {
    const counts = (await results.cycleCounts({ gen, policyId, project, months: [month], from: -Infinity, to: Infinity })).filter((c) => monthOf(c.entry.start, timeZone) === month);
    for (const item of await visibleCounts(gate, project, counts)) cycles.push(item);
  }
  return cycles;
}

/**
 * A project's counted cycles the viewer may see, as slaCompliance counts them (an entry with its count). One by one:
 * a project can hold tens of thousands of entries, too many to spread as arguments.
 */
async function visibleCounts(gate: SecurityLevelGate, project: string, counts: readonly CycleCount[]): Promise<ComplianceEntry[]> {
  const entries: ComplianceEntry[] = [];
  for (const { entry, count } of await gate.visible(counts, (c) => securedIn(project, c.secured))) entries.push(count === 1 ? entry : { ...entry, count });
  return entries;
}
