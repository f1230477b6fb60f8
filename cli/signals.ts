import { GamingSignalTally, goalCalendars, type GoalCalendarOf, type GroupSignals, type SignalParameters } from '../core/market';
import type { CalendarSet, SlaClock, SlaCycle } from '../core/sla';

/** The mapped field G5 reads: who asked. */
export const REQUESTER_FIELD = 'requester';

/** The gaming signals of the report: per `--by` field (or over the whole log, field null), with the parameters used. */
export interface GamingSignalsResult {
  parameters: SignalParameters;
  /** Whether G5 (split requests) was computed: it needs a mapped `requester` field. */
  splitRequests: boolean;
  byField: Array<{ field: string | null; groups: GroupSignals[] }>;
}

const fieldValue = (cycle: SlaCycle, field: string): string => {
  const value = Object.hasOwn(cycle.fields, field) ? cycle.fields[field] : undefined;
  return value === null || value === undefined ? '' : typeof value === 'string' ? value : [...value].sort().join(', ');
};

/**
 * The gaming signals counted as cycles stop, one tally per grouping: each `--by` field, else the whole log. A
 * ticket's first cycle under a policy is its request for G5, the policy standing for the service.
 */
export class SignalsBuilder {
  private readonly groupings: Array<{ field: string | null; tally: GamingSignalTally }>;
  private readonly calendarOf: GoalCalendarOf;

  constructor(
    private readonly parameters: SignalParameters,
    clocks: readonly SlaClock[],
    calendars: CalendarSet,
    by: readonly string[],
    private readonly splitRequests: boolean,
  ) {
    this.calendarOf = goalCalendars(clocks.map((c) => c.policy), calendars);
    const fields = by.length === 0 ? [null] : by;
    this.groupings = fields.map((field) => ({ field, tally: new GamingSignalTally(parameters, this.calendarOf, splitRequests) }));
  }

  add(cycle: SlaCycle, number: number): void {
    const requester = this.splitRequests && number === 1 ? fieldValue(cycle, REQUESTER_FIELD) : '';
    for (const { field, tally } of this.groupings) {
      const group = field === null ? '' : fieldValue(cycle, field);
      tally.addCycle(group, cycle);
      if (requester !== '') {
        const request = { ticketKey: cycle.ticketKey, created: cycle.start, group, service: cycle.policyId, requester };
        tally.addRequest(request, this.calendarOf(cycle.policyId, cycle.goalLabel));
      }
    }
  }

  result(): GamingSignalsResult {
    return { parameters: this.parameters, splitRequests: this.splitRequests, byField: this.groupings.map(({ field, tally }) => ({ field, groups: tally.report() })) };
  }
}
