import { localDayIn, periodLabel, type SlaClock, type SlaCycle, type TicketHistory } from '../../../core';
import type { JsmFeedback, JsmSlaMetric } from '../jira/types';

/** A cycle as stored: the core's SlaCycle without the ticket's fields, which the record holds once. */
export type StoredCycle = Omit<SlaCycle, 'fields' | 'ticketKey'>;

/** Everything the app keeps about one ticket after a sync; recomputing the ticket replaces it whole. */
export interface TicketResult {
  key: string;
  /** Jira's issue id: it survives a move to another project (the key does not). */
  id: string;
  /** The assignee's display name when Jira gave one (the at-risk list shows it; fields keep the account id). */
  assigneeName: string | null;
  project: string;
  created: number;
  /** Jira's `updated` of the version this was computed from: an older event never overwrites a newer result. */
  updated: number;
  computedAt: number;
  fields: TicketHistory['fields'];
  /** Cycles per app policy and per JSM SLA (`jsm:<name>`), for each that applies. */
  cycles: StoredCycle[];
  resolvedAt: number | null;
  /** Times the ticket went from a resolved state back to work. */
  reopened: number;
  /** JSM satisfaction rating 1-5, when asked for and given. */
  rating: number | null;
  /** The issue security level's id, null for an issue under none (absent in results stored before it was kept). */
  securityLevel?: string | null;
}

const jsmPolicyId = (name: string) => `jsm:${name}`;

/** JSM's cycles in the core's cycle shape, so both kinds aggregate and display alike (JSM times are elapsed calendar-hours millis). */
export function jsmCycles(metrics: readonly JsmSlaMetric[]): StoredCycle[] {
  const minutes = (ms: number) => Math.round(ms / 60_000);
  return metrics.flatMap((metric) => {
    const policyId = jsmPolicyId(metric.name);
    const completed = metric.completedCycles.map((c): StoredCycle => ({
      policyId,
      goalLabel: metric.name,
      start: c.startTime.epochMillis,
      stop: c.stopTime.epochMillis,
      goalMinutes: minutes(c.goalDuration.millis),
      elapsedMinutes: minutes(c.elapsedTime.millis),
      pausedMinutes: 0,
      remainingMinutes: minutes(c.remainingTime.millis),
      due: c.breachTime?.epochMillis ?? null,
      state: c.breached ? 'breached' : 'met',
    }));
    const o = metric.ongoingCycle;
    const ongoing: StoredCycle[] = o
      ? [{
          policyId,
          goalLabel: metric.name,
          start: o.startTime.epochMillis,
          stop: null,
          goalMinutes: minutes(o.goalDuration.millis),
          elapsedMinutes: minutes(o.elapsedTime.millis),
          pausedMinutes: 0,
          remainingMinutes: minutes(o.remainingTime.millis),
          due: o.paused ? null : (o.breachTime?.epochMillis ?? null),
          state: o.breached ? 'breached' : o.paused ? 'paused' : 'ongoing',
        }]
      : [];
    return [...completed, ...ongoing];
  });
}

/** Resolution set and cleared again counts as a reopen; so does leaving a stop status of any policy. */
function resolutionFacts(ticket: TicketHistory): { resolvedAt: number | null; reopened: number } {
  let resolvedAt: number | null = null;
  let reopened = 0;
  for (const event of ticket.events) {
    if (event.field !== 'resolution') continue;
    if (event.to) resolvedAt = event.at;
    else if (resolvedAt !== null) {
      reopened++;
      resolvedAt = null;
    }
  }
  return { resolvedAt, reopened };
}

export function computeTicketResult(
  ticket: TicketHistory,
  updated: number,
  clocks: readonly SlaClock[],
  asOf: number,
  jsm: readonly JsmSlaMetric[],
  feedback: JsmFeedback | null,
  issue: { id: string; assigneeName: string | null; securityLevel?: string | null } = { id: '', assigneeName: null },
): TicketResult {
  const cycles: StoredCycle[] = [];
  for (const clock of clocks) {
    const result = clock.compute(ticket, asOf);
    for (const { fields: _fields, ticketKey: _key, ...cycle } of result?.cycles ?? []) cycles.push(cycle);
  }
  cycles.push(...jsmCycles(jsm));
  const project = typeof ticket.fields.project === 'string' ? ticket.fields.project : ticket.key.split('-')[0];
  return { key: ticket.key, id: issue.id, assigneeName: issue.assigneeName, project, created: ticket.created, updated, computedAt: asOf, fields: ticket.fields, cycles, ...resolutionFacts(ticket), rating: feedback?.rating ?? null, securityLevel: issue.securityLevel ?? null };
}

/** The instant a cycle is reported under, as the core's slaCompliance does: its stop, else its due time, else its start. */
export const reportedAt = (cycle: Pick<SlaCycle, 'stop' | 'due' | 'start'>): number => cycle.stop ?? cycle.due ?? cycle.start;

export const monthOf = (at: number, timeZone: string): string => periodLabel(localDayIn(timeZone)(at), 'month');
