import type { Instant, WorkCalendar } from '../calendar/types';
import { SlaError } from './errors';
import { type Condition, type SlaGoal, type SlaPolicy, SlaPolicySchema, type SlaPolicyInput } from './policy';
import { formatTarget } from './target';
import type { FieldValue, TicketHistory } from './ticket';

export type CycleState = 'met' | 'breached' | 'ongoing' | 'paused';

/** One run of the clock, from a start to a stop; a reopened ticket starts another. Times in working minutes. */
export interface SlaCycle {
  policyId: string;
  ticketKey: string;
  /** The ticket's fields, for grouping. */
  fields: TicketHistory['fields'];
  goalLabel: string;
  start: Instant;
  stop: Instant | null;
  goalMinutes: number;
  elapsedMinutes: number;
  /** Working minutes spent in pause statuses. */
  pausedMinutes: number;
  remainingMinutes: number;
  /**
   * When the goal is (or was) reached on the running clock; for a cycle that stopped early, when it would have been
   * due had it kept running from the stop. Null while paused and not yet due: a paused clock has no due time.
   */
  due: Instant | null;
  /** `breached` covers both a stop after the due time and an open cycle past it (`stop` null). */
  state: CycleState;
}

export interface SlaResult {
  policyId: string;
  ticketKey: string;
  goalLabel: string;
  cycles: SlaCycle[];
}

export type CalendarSet = Readonly<Record<string, WorkCalendar>>;

interface PreparedGoal {
  goal: SlaGoal;
  when: PreparedCondition[];
  calendar: WorkCalendar;
  label: string;
}

const valuesOf = (value: FieldValue | undefined): readonly string[] =>
  value === null || value === undefined ? [] : typeof value === 'string' ? [value] : value;

/** A condition with its value lists as sets: tested once per ticket and policy, the hot path of a sync. */
interface PreparedCondition {
  field: string;
  in: ReadonlySet<string> | null;
  notIn: ReadonlySet<string> | null;
}

const prepareConditions = (conditions: readonly Condition[]): PreparedCondition[] =>
  conditions.map((c) => ({ field: c.field, in: c.in ? new Set(c.in) : null, notIn: c.notIn ? new Set(c.notIn) : null }));

const anyIn = (value: FieldValue | undefined, set: ReadonlySet<string>): boolean => {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return set.has(value);
  for (const v of value) if (set.has(v)) return true;
  return false;
};

const allHold = (conditions: readonly PreparedCondition[], fields: TicketHistory['fields']): boolean => {
  for (const c of conditions) {
    const value = fields[c.field];
    if (c.in !== null && !anyIn(value, c.in)) return false;
    if (c.notIn !== null && anyIn(value, c.notIn)) return false;
  }
  return true;
};

/** The open cycle: its start, the instant the running/paused state last changed, and the working minutes so far. */
class CycleRun {
  since: Instant;
  running = 0;
  pausedMinutes = 0;
  /** Running segments as [segment start, running minutes before it], to place the due time. */
  readonly milestones: Array<[Instant, number]>;

  constructor(
    readonly start: Instant,
    public paused: boolean,
  ) {
    this.since = start;
    this.milestones = paused ? [] : [[start, 0]];
  }

  advance(calendar: WorkCalendar, at: Instant): void {
    const minutes = calendar.workingMinutesBetween(this.since, at);
    if (this.paused) this.pausedMinutes += minutes;
    else this.running += minutes;
    this.since = at;
  }

  setPaused(paused: boolean, at: Instant): void {
    if (paused === this.paused) return;
    this.paused = paused;
    if (!paused) this.milestones.push([at, this.running]);
  }
}

/**
 * A policy bound to its calendars, ready to run over many tickets. History is always recomputed from the events,
 * so a changed calendar or goal applies to past tickets too.
 */
export class SlaClock {
  readonly policy: SlaPolicy;
  private readonly goals: PreparedGoal[];
  private readonly appliesTo: PreparedCondition[];
  private readonly pause: ReadonlySet<string>;
  private readonly stop: ReadonlySet<string>;
  private readonly startStatuses: ReadonlySet<string> | null;

  constructor(policy: SlaPolicy, calendars: CalendarSet) {
    this.policy = policy;
    this.goals = policy.goals.map((goal, i) => {
      const calendar = calendars[goal.calendar];
      if (!calendar) {
        const known = Object.keys(calendars).join(', ') || 'none';
        throw new SlaError(`goals.${i}.calendar`, `policy ${policy.id}: goals.${i}.calendar: no calendar named "${goal.calendar}" (known: ${known})`);
      }
      return { goal, when: prepareConditions(goal.when), calendar, label: goal.label ?? formatTarget(goal.target) };
    });
    this.appliesTo = prepareConditions(policy.appliesTo);
    this.pause = new Set(policy.pause.statuses);
    this.stop = new Set(policy.stop.statuses);
    this.startStatuses = policy.start.on === 'status' ? new Set(policy.start.statuses) : null;
  }

  /** The ticket's cycles under this policy, or null when the policy or none of its goals applies to it. */
  compute(ticket: TicketHistory, asOf: Instant): SlaResult | null {
    if (!allHold(this.appliesTo, ticket.fields)) return null;
    let prepared: PreparedGoal | undefined;
    for (const goal of this.goals) {
      if (allHold(goal.when, ticket.fields)) {
        prepared = goal;
        break;
      }
    }
    if (!prepared) return null;
    const result: SlaResult = { policyId: this.policy.id, ticketKey: ticket.key, goalLabel: prepared.label, cycles: [] };
    if (asOf < ticket.created) return result;

    const { start } = this.policy;
    const resolutionStops = this.policy.stop.resolutionSet;
    const calendar = prepared.calendar;
    let status = ticket.status;
    let resolved = false;
    let stopped = this.stop.has(status);
    let run: CycleRun | null = null;

    let retroactiveStart = NaN;
    if (start.on === 'field') {
      const value = valuesOf(ticket.fields[start.field])[0];
      retroactiveStart = value === undefined ? NaN : Date.parse(value);
      if (value !== undefined && Number.isNaN(retroactiveStart)) {
        throw new SlaError(`fields.${start.field}`, `ticket ${ticket.key}: field ${start.field}: expected a date-time, got "${value}"`);
      }
      if (Number.isNaN(retroactiveStart)) return result;
    } else if (!stopped && (start.on === 'created' || this.startStatuses!.has(status))) {
      run = new CycleRun(ticket.created, this.pause.has(status));
    }

    const events = ticket.events;
    for (let i = 0; i <= events.length; i++) {
      const at = i < events.length ? Math.min(events[i].at, asOf) : asOf;
      if (start.on === 'field' && run === null && result.cycles.length === 0 && retroactiveStart <= at && !stopped) {
        run = new CycleRun(Math.min(retroactiveStart, asOf), this.pause.has(status));
      }
      if (i === events.length || events[i].at > asOf) break;
      const event = events[i];
      if (event.field === 'status') status = event.to ?? status;
      else if (event.field === 'resolution') resolved = event.to !== null && event.to !== '';
      else continue;
      const wasStopped = stopped;
      stopped = this.stop.has(status) || (resolutionStops && resolved);

      if (run !== null) {
        run.advance(calendar, at);
        if (stopped) {
          result.cycles.push(this.cycle(ticket, prepared, run, at));
          run = null;
        } else run.setPaused(this.pause.has(status), at);
      } else if (!stopped) {
        const reopened = wasStopped && start.on === 'created';
        const entered = event.field === 'status' && this.startStatuses?.has(status) === true;
        if (reopened || entered) run = new CycleRun(at, this.pause.has(status));
      }
    }
    if (run !== null) {
      run.advance(calendar, asOf);
      result.cycles.push(this.cycle(ticket, prepared, run, null));
    }
    return result;
  }

  private cycle(ticket: TicketHistory, prepared: PreparedGoal, run: CycleRun, stop: Instant | null): SlaCycle {
    const { start, running, pausedMinutes, paused, milestones } = run;
    const { calendar, goal } = prepared;
    const goalMinutes =
      'businessDays' in goal.target
        ? calendar.workingMinutesBetween(start, calendar.businessDaysDue(start, goal.target.businessDays))
        : goal.target.minutes;
    let due: Instant | null = null;
    if (running >= goalMinutes) {
      // Reached inside the last running segment that began below the goal.
      let i = milestones.length - 1;
      while (milestones[i][1] >= goalMinutes) i--;
      due = calendar.addWorkingMinutes(milestones[i][0], goalMinutes - milestones[i][1]);
    } else if (stop !== null) {
      due = calendar.addWorkingMinutes(stop, goalMinutes - running);
    } else if (!paused) {
      const [segmentStart, before] = milestones[milestones.length - 1];
      due = calendar.addWorkingMinutes(segmentStart, goalMinutes - before);
    }
    const state: CycleState =
      running > goalMinutes ? 'breached' : stop !== null ? 'met' : paused ? 'paused' : 'ongoing';
    return {
      policyId: this.policy.id,
      ticketKey: ticket.key,
      fields: ticket.fields,
      goalLabel: prepared.label,
      start,
      stop,
      goalMinutes,
      elapsedMinutes: running,
      pausedMinutes,
      remainingMinutes: goalMinutes - running,
      due,
      state,
    };
  }
}

/** Validates a policy (throws the zod error's first message with its path) and binds it to calendars. */
export function createSlaClock(policy: SlaPolicyInput | SlaPolicy, calendars: CalendarSet): SlaClock {
  const parsed = SlaPolicySchema.safeParse(policy);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.') || 'policy';
    const id = (policy as { id?: unknown } | null)?.id;
    const name = typeof id === 'string' ? id : '(no id)';
    throw new SlaError(field, issue.path.length ? `policy ${name}: ${field}: ${issue.message}` : `policy ${name}: ${issue.message}`);
  }
  return new SlaClock(parsed.data, calendars);
}

export const computeSla = (policy: SlaPolicyInput | SlaPolicy, ticket: TicketHistory, calendars: CalendarSet, asOf: Instant) =>
  createSlaClock(policy, calendars).compute(ticket, asOf);
