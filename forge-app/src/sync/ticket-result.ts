import { computeWithHoldings, fieldText, type SlaClock, type SlaCycle, type TicketHistory } from '../../../core';
import type { StoredCycle, TicketResult } from '../model/ticket-result';
import type { JsmFeedback, JsmSlaMetric } from '../jira/types';

const jsmPolicyId = (name: string) => `jsm:${name}`;

/**
 * JSM's cycles in the core's cycle shape, so both kinds aggregate and display alike (JSM times are elapsed calendar-hours millis).
 * @internal Exported for its tests.
 */
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

/** The owner field's value when the ticket was created: the first logged change's `from`, else its value now. */
function ownerAtCreation(ticket: TicketHistory, ownerField: string): string {
  const first = ticket.events.find((event) => event.field === ownerField);
  return first ? (first.from ?? '') : fieldText(ticket.fields, ownerField);
}

const storedOf = ({ fields: _fields, ticketKey: _key, ...cycle }: SlaCycle): StoredCycle => cycle;

/** One clock's cycles; with an owner field (a catalogue service's OLA), each with who held its running time. */
function clockCycles(clock: SlaClock, ticket: TicketHistory, asOf: number, ownerField: string | undefined): StoredCycle[] {
  if (ownerField === undefined) return (clock.compute(ticket, asOf)?.cycles ?? []).map(storedOf);
  const held = computeWithHoldings(clock, ticket, asOf, ownerField, ownerAtCreation(ticket, ownerField)) ?? [];
  return held.map(({ cycle, holdings }) => ({ ...storedOf(cycle), held: holdings.map(([owner, minutes]): [string, number] => [owner, minutes]) }));
}

/** `owners`: the OLA owner field of each policy a catalogue service with an OLA uses. */
export function computeTicketResult(
  ticket: TicketHistory,
  updated: number,
  clocks: readonly SlaClock[],
  asOf: number,
  jsm: readonly JsmSlaMetric[],
  feedback: JsmFeedback | null,
  issue: { id: string; assigneeName: string | null; securityLevel?: string | null } = { id: '', assigneeName: null },
  owners: ReadonlyMap<string, string> = new Map(),
): TicketResult {
  const cycles = clocks.flatMap((clock) => clockCycles(clock, ticket, asOf, owners.get(clock.policy.id)));
  cycles.push(...jsmCycles(jsm));
  const project = typeof ticket.fields.project === 'string' ? ticket.fields.project : ticket.key.split('-')[0];
  return { key: ticket.key, id: issue.id, assigneeName: issue.assigneeName, project, created: ticket.created, updated, computedAt: asOf, fields: ticket.fields, cycles, ...resolutionFacts(ticket), rating: feedback?.rating ?? null, securityLevel: issue.securityLevel ?? null };
}
