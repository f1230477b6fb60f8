import { toCsv } from '../../../core';
import { loadConfig } from '../config/store';
import { GROUP_FIELDS } from '../model/group-fields';
import type { StoredCycle } from '../model/ticket-result';
import { monthOf } from '../model/ticket-result';
import { runtime } from '../runtime';
import { type CycleEntry, cycleEntriesOf, SECURED_CYCLE_AT, securedAt, STATE_OF_CODE, type StoredTicket } from '../storage/aggregates';
import { keys } from '../storage/keys';
import { getValue } from '../storage/store';
import { activeGeneration } from '../sync/generations';
import type { CycleListQuery } from './payloads';
import { browsableProjects } from './permissions';
import { SecurityLevelGate, securedIn } from './security-levels';
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

interface Found {
  key: string;
  n: number;
  at: number;
}

/**
 * The report's rows from the compact bucket entries (state, reported instant, grouping values), filtered and sorted
 * there, only the issues the viewer may see (projects they may browse, issue security levels); the stored tickets are
 * read only for the rows shown or exported.
 */
async function matching(query: CycleListQuery, timeZone: string, gen: number): Promise<Found[]> {
  const projects = await browsableProjects(query.projects ?? []);
  const current = monthOf(runtime.now(), timeZone);
  const months = monthsBetween(query.fromMonth ?? current, query.toMonth ?? query.fromMonth ?? current);
  const groupAt = query.group ? 3 + GROUP_FIELDS.indexOf(query.group.field) : -1;
  const gate = new SecurityLevelGate();
  const found: Found[] = [];
  for (const project of projects) {
    const entries: Array<[string, CycleEntry]> = [];
    for (const month of months) {
      for (const [entryKey, entry] of await cycleEntriesOf(query.policyId, project, month, gen)) {
        if (query.state && STATE_OF_CODE[entry[0]] !== query.state) continue;
        if (query.group && !String(entry[groupAt] ?? '').split(', ').includes(query.group.value)) continue;
        entries.push([entryKey, entry]);
      }
    }
    for (const [entryKey, entry] of await gate.visible(entries, ([, e]) => securedIn(project, securedAt(e, SECURED_CYCLE_AT)))) {
      const hash = entryKey.lastIndexOf('#');
      found.push({ key: entryKey.slice(0, hash), n: Number(entryKey.slice(hash + 1)), at: entry[2] });
    }
  }
  return found.sort((a, b) => b.at - a.at || a.key.localeCompare(b.key, 'en', { numeric: true }) || a.n - b.n);
}

/** A found entry's cycle from its ticket's stored result (the n-th cycle of the policy). */
async function rowOf(found: Found, policyId: string, gen: number): Promise<CycleRow | null> {
  const stored = await getValue<StoredTicket>(keys.ticket(found.key, gen));
  const cycle = stored?.cycles.filter((c) => c.policyId === policyId)[found.n];
  if (!cycle) return null;
  return { key: found.key, policyId, goalLabel: cycle.goalLabel, start: cycle.start, stop: cycle.stop, due: cycle.due, state: cycle.state, elapsedMinutes: cycle.elapsedMinutes, remainingMinutes: cycle.remainingMinutes };
}

/** Stored tickets read this many at a time: a page at once, an export in steps that stay within KVS's rate. */
const READS_AT_ONCE = 25;

async function rowsOf(found: readonly Found[], policyId: string, gen: number): Promise<CycleRow[]> {
  const rows: CycleRow[] = [];
  for (let i = 0; i < found.length; i += READS_AT_ONCE) {
    for (const row of await Promise.all(found.slice(i, i + READS_AT_ONCE).map((f) => rowOf(f, policyId, gen)))) if (row !== null) rows.push(row);
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

/** The ticket-level report: cycles of a policy in a period, with filters and paging, or all of them as CSV. */
export async function cycleList(query: CycleListQuery): Promise<CycleListAnswer> {
  const { config } = await loadConfig();
  const timeZone = config?.sync.reportTimeZone ?? 'UTC';
  const gen = await activeGeneration();
  const found = await matching(query, timeZone, gen);
  if (query.format === 'csv') {
    const rows = await rowsOf(found.slice(0, CSV_LIMIT), query.policyId, gen);
    return { csv: rowsCsv(rows), total: found.length, truncated: found.length > CSV_LIMIT };
  }
  const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const page = Math.min(query.page ?? 0, pages - 1);
  return { rows: await rowsOf(found.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE), query.policyId, gen), total: found.length, page, pages };
}
