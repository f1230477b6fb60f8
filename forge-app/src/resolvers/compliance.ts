import { type ComplianceEntry, slaCompliance } from '../../../core';
import { loadConfig } from '../config/store';
import { runtime } from '../runtime';
import { type Bucket, type CycleEntry, GROUP_FIELDS, type GroupField, type OpenEntry, STATE_OF_CODE } from '../storage/aggregates';
import { keys, AGGREGATE_SHARDS } from '../storage/keys';
import { valuesWithPrefix, getValue } from '../storage/store';
import { monthOf } from '../sync/ticket-result';
import { browsableProjects } from './permissions';

export interface ComplianceQuery {
  /** An app policy id, or `jsm:<SLA name>` for JSM's own SLA. */
  policyId: string;
  projects: string[];
  groupBy?: GroupField | null;
  /** How many weeks back from now the gadget covers. */
  weeks?: number;
  /** Open tickets due within this many hours are "breaching soon". */
  soonHours?: number;
}

export interface ComplianceAnswer {
  projects: string[];
  total: { met: number; breached: number; ongoingBreached: number; ongoing: number; compliance: number | null };
  groups: Array<{ key: string; met: number; breached: number; ongoingBreached: number; compliance: number | null }>;
  /** One point per ISO week that has measurable cycles. */
  trend: Array<{ week: string; compliance: number }>;
  atRisk: Array<OpenEntry & { project: string; risk: 'breached' | 'soon' }>;
}

const WEEK_MS = 7 * 86_400_000;

/** A stored entry back in the shape slaCompliance counts: state, stop or not, and the reported instant. */
function cycleOf(entry: CycleEntry): ComplianceEntry {
  const [code, stopped, at, ...groups] = entry;
  const fields = Object.fromEntries(GROUP_FIELDS.map((f, i) => [f, groups[i] ?? null]));
  return { policyId: '', fields, goalLabel: '', start: at, stop: stopped ? at : null, due: at, state: STATE_OF_CODE[code] };
}

export async function storedCycles(policyId: string, projects: readonly string[], from: number, to: number, timeZone: string): Promise<ComplianceEntry[]> {
  const first = monthOf(from, timeZone);
  const last = Number.isFinite(to) ? monthOf(to, timeZone) : '9999-12';
  const cycles: ComplianceEntry[] = [];
  for (const project of projects) {
    for (const { key, value } of await valuesWithPrefix<Bucket<CycleEntry>>(keys.bucketPrefix(policyId, project))) {
      const month = key.split(':')[3];
      if (month < first || month > last) continue;
      for (const entry of Object.values(value.entries)) if (entry[2] >= from && entry[2] <= to) cycles.push(cycleOf(entry));
    }
  }
  return cycles;
}

export async function complianceData(query: ComplianceQuery): Promise<ComplianceAnswer> {
  const { config } = await loadConfig();
  const timeZone = config?.sync.reportTimeZone ?? 'UTC';
  const projects = await browsableProjects(query.projects);
  const now = runtime.now();
  const from = now - (query.weeks ?? 12) * WEEK_MS;
  // No upper bound: an open cycle is reported at its due time, which may lie ahead; it counts as ongoing.
  const cycles = await storedCycles(query.policyId, projects, from, Infinity, timeZone);
  const report = slaCompliance(cycles, { groupBy: query.groupBy ?? undefined, timeZone });
  const weekly = slaCompliance(cycles, { period: 'week', timeZone });
  const soon = now + (query.soonHours ?? 4) * 3_600_000;
  const atRisk: ComplianceAnswer['atRisk'] = [];
  for (const project of projects) {
    for (let shard = 0; shard < AGGREGATE_SHARDS; shard++) {
      const index = await getValue<Bucket<OpenEntry>>(keys.openIndex(query.policyId, project, shard));
      for (const entry of Object.values(index?.entries ?? {})) {
        const breached = entry.state === 'breached' || (entry.due !== null && entry.due < now);
        if (breached || (entry.due !== null && entry.due <= soon)) atRisk.push({ ...entry, project, risk: breached ? 'breached' : 'soon' });
      }
    }
  }
  atRisk.sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.key.localeCompare(b.key));
  return {
    projects,
    total: report.total,
    groups: query.groupBy ? report.groups.map(({ period: _p, ongoing: _o, ...g }) => g) : [],
    trend: weekly.groups.filter((g) => g.compliance !== null).map((g) => ({ week: g.period, compliance: g.compliance! })),
    atRisk,
  };
}
