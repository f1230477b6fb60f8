import { complianceRag, complianceTargetOf, type ComplianceTarget, localDayIn, periodLabel, slaCompliance, tatStats } from '../../../core';
import { loadConfig } from '../config/store';
import { activeGeneration } from '../sync/generations';
import { runtime } from '../runtime';
import { monthOf } from '../model/ticket-result';
import { monthsBetween, periodWindow, storedCycles } from './visible-cycles';
import type { InpsEntry } from '../storage/inps-answers';
import { inpsAnswers, inpsOf } from './inps';
import { browsableProjects } from './permissions';
import { SecurityLevelGate } from './security-levels';
import { ticketEntries } from './scorecard-facts';

import type { CustomerReportQuery } from './payloads';
export type { CustomerReportQuery };

/** One internal customer (a JSM organization, or several joined when a request names several; "" for none). */
interface CustomerRow {
  organization: string;
  met: number;
  breached: number;
  compliance: number | null;
  rag: 'green' | 'amber' | 'red' | null;
  /** Median wall-clock hours from creation to resolution of the requests resolved in the window. */
  medianTatHours: number | null;
  resolved: number;
  inps: number | null;
  answers: number;
}

export interface CustomerReport {
  policyId: string;
  policyName: string;
  projects: string[];
  months: string[];
  target: ComplianceTarget;
  rows: CustomerRow[];
}

const rowFor = (rows: Map<string, CustomerRow>, organization: string): CustomerRow => {
  let row = rows.get(organization);
  if (!row) {
    row = { organization, met: 0, breached: 0, compliance: null, rag: null, medianTatHours: null, resolved: 0, inps: null, answers: 0 };
    rows.set(organization, row);
  }
  return row;
};

/**
 * The back office's service report to its internal customers: per JSM organization, SLA compliance under one policy
 * (coloured against the policy's agreed level), median turnaround of the requests resolved, and iNPS from the portal
 * answers, over the last N months of the report time zone, in the projects the viewer may browse.
 */
export async function customerReport(query: CustomerReportQuery): Promise<CustomerReport> {
  const { config } = await loadConfig();
  const timeZone = config?.sync.reportTimeZone ?? 'UTC';
  const policy = config?.policies.find((p) => p.id === query.policyId);
  const target = complianceTargetOf(policy);
  const projects = await browsableProjects(query.projects ?? []);
  const count = Math.max(1, Math.min(24, Math.floor(query.months ?? 3) || 3));
  const now = runtime.now();
  const { oldest, from } = periodWindow(now, 'month', count, timeZone);
  const dayOf = localDayIn(timeZone);
  const months = monthsBetween(oldest, monthOf(now, timeZone));
  const gen = await activeGeneration();
  const rows = new Map<string, CustomerRow>();
  // One gate for the whole report: each security level is checked once, whichever bucket it appears in.
  const gate = new SecurityLevelGate();

  const cycles = (await storedCycles(query.policyId, projects, from, Infinity, timeZone, gate, undefined, gen, 'organization')).filter((c) => periodLabel(dayOf(c.start), 'month') >= oldest);
  for (const group of slaCompliance(cycles, { groupBy: 'organization', timeZone }).groups) {
    const row = rowFor(rows, group.key);
    row.met = group.met;
    row.breached = group.breached + group.ongoingBreached;
    row.compliance = group.compliance;
    row.rag = complianceRag(group.compliance, target);
  }

  const tat = new Map<string, number[]>();
  const answers = new Map<string, InpsEntry[]>();
  for (const month of months) {
    for (const [, minutes, , , organization] of await ticketEntries(projects, month, gen, gate)) {
      if (minutes === null) continue;
      const key = organization ?? '';
      if (!tat.has(key)) tat.set(key, []);
      tat.get(key)!.push(minutes / 60);
    }
    for (const entry of await inpsAnswers(projects, month, gate)) {
      const key = entry[2] ?? '';
      if (!answers.has(key)) answers.set(key, []);
      answers.get(key)!.push(entry);
    }
  }
  for (const [organization, hours] of tat) {
    const row = rowFor(rows, organization);
    row.medianTatHours = tatStats(hours).median;
    row.resolved = hours.length;
  }
  for (const [organization, entries] of answers) {
    const row = rowFor(rows, organization);
    row.inps = inpsOf(entries);
    row.answers = entries.length;
  }
  // Named customers first, alphabetically; requests without an organization last.
  const sorted = [...rows.values()].sort((a, b) => (a.organization === '') !== (b.organization === '') ? (a.organization === '' ? 1 : -1) : a.organization.localeCompare(b.organization));
  return { policyId: query.policyId, policyName: policy?.name ?? query.policyId, projects, months, target, rows: sorted };
}
