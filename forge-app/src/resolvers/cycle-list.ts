import { toCsv } from '../../../core';
import { loadConfig } from '../config/store';
import type { StoredCycle } from '../model/ticket-result';
import { monthOf } from '../model/ticket-result';
import { runtime } from '../runtime';
import { type CyclePage, readableResults, type ResultRepository } from '../storage/repository';
import { activeGeneration } from '../sync/generations';
import type { CycleListQuery } from './payloads';
import { browsableProjects } from './permissions';
import { SecurityLevelGate } from './security-levels';
import { monthsBetween } from './visible-cycles';

/** Rows a page shows. */
const PAGE_SIZE = 25;
/** Rows a CSV export holds at most (each row reads its ticket's stored result). */
const CSV_LIMIT = 2_000;

/** One cycle of the report. */
export interface CycleRow {
  key: string;
  policyId: string;
  goalLabel: string;
  start: number;
  stop: number | null;
  due: number | null;
  state: StoredCycle['state'];
  elapsedMinutes: number;
  remainingMinutes: number;
}

export type CycleListAnswer = { rows: CycleRow[]; total: number; page: number; pages: number } | { csv: string; total: number; truncated: boolean };

/** Stored tickets read this many at a time: a page at once, an export in steps that stay within KVS's rate. */
const READS_AT_ONCE = 25;

/** The page's cycles from their tickets' stored results (the n-th cycle of the policy), read a page at a time. */
async function rowsOf(results: ResultRepository, cycles: CyclePage['cycles'], policyId: string, gen: number): Promise<CycleRow[]> {
  const rows: CycleRow[] = [];
  for (let i = 0; i < cycles.length; i += READS_AT_ONCE) {
    const stored = await Promise.all(cycles.slice(i, i + READS_AT_ONCE).map(async ({ key, n }) => ({ key, cycle: (await results.ticket(key, gen))?.cycles.filter((c) => c.policyId === policyId)[n] })));
    for (const { key, cycle } of stored) {
      if (cycle) rows.push({ key, policyId, goalLabel: cycle.goalLabel, start: cycle.start, stop: cycle.stop, due: cycle.due, state: cycle.state, elapsedMinutes: cycle.elapsedMinutes, remainingMinutes: cycle.remainingMinutes });
    }
  }
  return rows;
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** The CSV export: text cells pass through the core's formula neutralisation (`toCsv`). */
const rowsCsv = (rows: readonly CycleRow[]): string =>
  toCsv(
    ['ticket', 'policy', 'goal', 'start_utc', 'stop_utc', 'due_utc', 'state', 'elapsed_minutes', 'remaining_minutes'],
    rows.map((r) => [r.key, r.policyId, r.goalLabel, iso(r.start), iso(r.stop), iso(r.due), r.state, Math.round(r.elapsedMinutes), Math.round(r.remainingMinutes)]),
  );

/**
 * The ticket-level report: cycles of a policy in a period, with filters and paging, or all of them as CSV. Only issues
 * the viewer may see: projects they may browse, and issue security levels through the gate; the store filters, sorts
 * and pages, and the stored tickets are read only for the rows shown or exported.
 */
export async function cycleList(query: CycleListQuery): Promise<CycleListAnswer> {
  const { config } = await loadConfig();
  const timeZone = config?.sync.reportTimeZone ?? 'UTC';
  const [gen, results, projects] = await Promise.all([activeGeneration(), readableResults(), browsableProjects(query.projects ?? [])]);
  const current = monthOf(runtime.now(), timeZone);
  const months = monthsBetween(query.fromMonth ?? current, query.toMonth ?? query.fromMonth ?? current);
  const gate = new SecurityLevelGate();
  const csv = query.format === 'csv';
  const found = await results.cyclePage({
    gen,
    policyId: query.policyId,
    projects,
    months,
    state: query.state ?? null,
    group: query.group ?? null,
    page: csv ? 0 : (query.page ?? 0),
    pageSize: csv ? CSV_LIMIT : PAGE_SIZE,
    browsable: (levels) => gate.visible(levels, (level) => level),
  });
  const rows = await rowsOf(results, found.cycles, query.policyId, gen);
  if (csv) return { csv: rowsCsv(rows), total: found.total, truncated: found.total > CSV_LIMIT };
  return { rows, total: found.total, page: found.page, pages: Math.max(1, Math.ceil(found.total / PAGE_SIZE)) };
}
