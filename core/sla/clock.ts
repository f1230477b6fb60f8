import { CalendarError, CalendarYearsError } from '../calendar/errors';
import type { Instant, WorkCalendar } from '../calendar/types';
import { parseIsoDateTime } from '../calendar/iso';
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
  /**
   * The goal that applied when the cycle started (`goalLabel` and `goalMinutes` are the one at its end); null when
   * none applied then. Absent on cycles not measured by the clock (rebuilt from storage).
   */
  startGoal?: { label: string; minutes: number } | null;
  /** When the ticket's previous cycle under this policy stopped; null for its first. Absent as `startGoal`. */
  previousStop?: Instant | null;
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
export interface PreparedCondition {
  field: string;
  in: ReadonlySet<string> | null;
  notIn: ReadonlySet<string> | null;
}

/** Also the internal market's service conditions (core/market): the same syntax, tested the same way. */
export const prepareConditions = (conditions: readonly Condition[]): PreparedCondition[] =>
  conditions.map((c) => ({ field: c.field, in: c.in ? new Set(c.in) : null, notIn: c.notIn ? new Set(c.notIn) : null }));

const anyIn = (value: FieldValue | undefined, set: ReadonlySet<string>): boolean => {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return set.has(value);
  for (const v of value) if (set.has(v)) return true;
  return false;
};

/** Whether every condition holds for the fields (see `prepareConditions`). */
export const allHold = (conditions: readonly PreparedCondition[], fields: TicketHistory['fields']): boolean => {
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
    /** The goal that applied at the start (a goal-choosing field may change before the stop). */
    readonly startGoal: PreparedGoal | null,
  ) {
    this.since = start;
    this.milestones = paused ? [] : [[start, 0]];
  }

  /** Adds the working minutes since the last change, running or paused, and returns them. */
  advance(calendar: WorkCalendar, at: Instant): number {
    const minutes = calendar.workingMinutesBetween(this.since, at);
    if (this.paused) this.pausedMinutes += minutes;
    else this.running += minutes;
    this.since = at;
    return minutes;
  }

  setPaused(paused: boolean, at: Instant): void {
    if (paused === this.paused) return;
    this.paused = paused;
    if (!paused) this.milestones.push([at, this.running]);
  }
}

/** Instants the calendars cover (the years 1900-2300, a day's margin either side). */
const FIRST_INSTANT = Date.UTC(1900, 0, 2);
const LAST_INSTANT = Date.UTC(2300, 11, 30);

const isoOrValue = (t: number): string => (Number.isFinite(t) && Math.abs(t) <= 8.64e15 ? new Date(t).toISOString() : String(t));

/** A time the calendars can measure: a finite number of epoch milliseconds in the years 1900-2300. */
const measurable = (t: unknown): t is Instant => typeof t === 'number' && t >= FIRST_INSTANT && t <= LAST_INSTANT;

/** The error for a time that is not `measurable`; built only then, as callers check once per event. */
function instantError(argument: string, t: unknown, context = ''): SlaError {
  const shown = typeof t === 'number' ? isoOrValue(t) : JSON.stringify(t) ?? String(t);
  return new SlaError(argument, `${context}${argument}: expected a date-time in the years 1900-2300 (epoch milliseconds), got ${shown}`);
}

/**
 * A date field's value as an instant: with an offset it is that instant; without one it is a wall-clock time in the
 * calendar's zone, never the machine's. NaN when the text is neither.
 * @internal
 */
export const parseFieldDateTime = (text: string, timeZone: string): Instant => parseIsoDateTime(text, timeZone);

/**
 * An idle TicketClock as numbers: created, last change, changes, closed cycles, cycles handed over, flags, and the
 * last cycle's stop (NaN before one stops).
 */
export type SuspendedClock = readonly [created: Instant, last: Instant, changes: number, closedCycles: number, handedOver: number, flags: number, lastStop: Instant];

/**
 * Follows one ticket's open cycle as it runs, so a caller can split its working time (by the team holding the ticket,
 * say) without running the clock again. Stretches come in time order and cover the cycle from start to stop.
 */
export interface CycleWatcher {
  /** The ticket's fields became `fields` at `at` (`TicketClock.setFields`). */
  fieldsChanged(at: Instant, fields: Readonly<Record<string, FieldValue>>): void;
  /** The open cycle ran (or stood paused) from `from` to `to`: `minutes` working minutes on `calendar`. */
  stretch(from: Instant, to: Instant, minutes: number, paused: boolean, calendar: WorkCalendar): void;
  /** The open cycle closed: `cycle` is what `onCycle` gets, or null when no goal applied (nothing is handed over). */
  closed(cycle: SlaCycle | null): void;
}

/**
 * One ticket's clock under one policy, fed one change at a time in time order: the state a streaming reader keeps per
 * ticket instead of its events. A cycle is handed to `onCycle` when it stops and, for the open one, by `finish`; its
 * goal (and whether the policy applies at all) follows the ticket's fields at that moment; `onCycle` also gets the
 * cycle's number for the ticket under this policy, from 1. `fields` may be replaced as
 * the ticket's fields change; with the same fields throughout, the cycles are those of `SlaClock.compute`.
 */
export class TicketClock {
  /** The ticket's current field values. */
  fields: Readonly<Record<string, FieldValue>>;
  /** Whether the ticket left a stop status after reaching one (a reopening). */
  reopened = false;
  /** Whether the ticket reached a stop status at least once. */
  resolved: boolean;
  private status: string;
  private resolutionSet = false;
  private stopped: boolean;
  private run: CycleRun | null = null;
  private last: Instant;
  private changes = 0;
  private closedCycles = 0;
  private handedOver = 0;
  private goalFields: Readonly<Record<string, FieldValue>> | null = null;
  private goal: PreparedGoal | null = null;
  /** When the last cycle stopped (NaN before one did): the next cycle's `previousStop`. */
  private lastStop: Instant = NaN;
  /** Follows the open cycle's stretches: the SlaClock's `watcherFor` sets it as the clock opens or resumes. */
  watcher: CycleWatcher | null;

  constructor(
    private readonly clock: SlaClock,
    readonly key: string,
    readonly created: Instant,
    status: string,
    fields: Readonly<Record<string, FieldValue>>,
    private readonly onCycle: (cycle: SlaCycle, number: number) => void,
  ) {
    if (!measurable(created)) throw instantError('created', created, `ticket ${key}: `);
    this.fields = fields;
    this.status = status;
    this.last = created;
    this.stopped = clock.stops.has(status);
    this.resolved = this.stopped;
    const { start } = clock.policy;
    if (!this.stopped && start.on !== 'field' && (start.on === 'created' || clock.startStatuses!.has(status))) {
      this.run = new CycleRun(created, clock.pauses.has(status), this.currentGoal());
    }
    this.watcher = clock.watcherFor?.(this) ?? null;
  }

  /** The ticket's fields from `at` on: a streaming reader's field change, told to the watcher with its time. */
  setFields(fields: Readonly<Record<string, FieldValue>>, at: Instant): void {
    this.fields = fields;
    this.watcher?.fieldsChanged(at, fields);
  }

  /** Measures the open run up to `at`, telling the watcher the stretch. */
  private advance(run: CycleRun, at: Instant): void {
    const { since, paused } = run;
    const calendar = this.calendar();
    const minutes = run.advance(calendar, at);
    this.watcher?.stretch(since, at, minutes, paused, calendar);
  }

  /** The goal for the current fields (null when the policy or none of its goals applies). */
  private currentGoal(): PreparedGoal | null {
    if (this.goalFields !== this.fields) {
      this.goalFields = this.fields;
      this.goal = this.clock.goalFor(this.fields);
    }
    return this.goal;
  }

  private calendar(): WorkCalendar {
    return (this.currentGoal() ?? this.clock.firstGoal).calendar;
  }

  /** A retroactive start (start on a date field) once the clock reaches the field's instant. */
  private startFromField(at: Instant): void {
    const { start } = this.clock.policy;
    if (start.on !== 'field' || this.run !== null || this.closedCycles > 0 || this.stopped) return;
    const value = valuesOf(this.fields[start.field])[0];
    if (value === undefined) return;
    const from = parseFieldDateTime(value, this.calendar().timeZone);
    if (Number.isNaN(from)) throw new SlaError(`fields.${start.field}`, `ticket ${this.key}: field ${start.field}: expected a date-time, got "${value}"`);
    if (!measurable(from)) throw instantError(`field ${start.field}`, from, `ticket ${this.key}: `);
    if (from <= at) this.run = new CycleRun(from, this.clock.pauses.has(this.status), this.currentGoal());
  }

  /** A change of `field` to `to` at `at`: not before the ticket's creation nor before the change fed before it. */
  apply(at: Instant, field: string, to: string | null): void {
    const n = this.changes++;
    if (!measurable(at)) throw instantError(`events.${n}.at`, at, `ticket ${this.key}: `);
    if (at < this.last) {
      const before = n === 0 ? `the ticket's creation (${isoOrValue(this.created)})` : `the change before it (${isoOrValue(this.last)})`;
      throw new SlaError(`events.${n}.at`, `ticket ${this.key}: events.${n}.at: ${isoOrValue(at)} is before ${before}; events must be in time order`);
    }
    this.last = at;
    const clock = this.clock;
    this.startFromField(at);
    if (field === 'status') this.status = to ?? this.status;
    else if (field === 'resolution') this.resolutionSet = to !== null && to !== '';
    else return;
    const wasStopped = this.stopped;
    this.stopped = clock.stops.has(this.status) || (clock.policy.stop.resolutionSet && this.resolutionSet);
    if (this.stopped) this.resolved = true;
    else if (wasStopped) this.reopened = true;

    const run = this.run;
    if (run !== null) {
      this.advance(run, at);
      if (this.stopped) {
        this.close(run, at);
        this.run = null;
      } else run.setPaused(clock.pauses.has(this.status), at);
    } else if (!this.stopped) {
      const reopened = wasStopped && clock.policy.start.on === 'created';
      const entered = field === 'status' && clock.startStatuses?.has(this.status) === true;
      if (reopened || entered) this.run = new CycleRun(at, clock.pauses.has(this.status), this.currentGoal());
    }
  }

  /** Measures the open cycle, if any, up to `asOf` and hands it over; the clock holds no cycle afterwards. */
  finish(asOf: Instant): void {
    if (!measurable(asOf)) throw instantError('asOf', asOf);
    if (asOf < this.created) return;
    this.startFromField(asOf);
    const run = this.run;
    if (run === null) return;
    this.advance(run, asOf);
    this.run = null;
    this.close(run, null);
  }

  /**
   * The clock's state as seven numbers when it holds no open cycle and waits for no retroactive start (null otherwise),
   * so a streaming reader can keep a ticket that is not running in a few bytes and `resume` it on its next change.
   */
  suspend(): SuspendedClock | null {
    if (this.run !== null || (this.clock.policy.start.on === 'field' && this.closedCycles === 0 && !this.stopped)) return null;
    const flags = (this.stopped ? 1 : 0) | (this.resolutionSet ? 2 : 0) | (this.reopened ? 4 : 0) | (this.resolved ? 8 : 0);
    return [this.created, this.last, this.changes, this.closedCycles, this.handedOver, flags, this.lastStop];
  }

  /** A clock as it was suspended, in the ticket's current status and fields. */
  static resume(
    clock: SlaClock,
    ticket: { key: string; status: string; fields: Readonly<Record<string, FieldValue>> },
    state: SuspendedClock,
    onCycle: (cycle: SlaCycle, number: number) => void,
  ): TicketClock {
    const [created, last, changes, closedCycles, handedOver, flags, lastStop] = state;
    const resumed = new TicketClock(clock, ticket.key, created, ticket.status, ticket.fields, onCycle);
    resumed.run = null;
    resumed.last = last;
    resumed.changes = changes;
    resumed.closedCycles = closedCycles;
    resumed.handedOver = handedOver;
    resumed.stopped = (flags & 1) !== 0;
    resumed.resolutionSet = (flags & 2) !== 0;
    resumed.reopened = (flags & 4) !== 0;
    resumed.resolved = (flags & 8) !== 0;
    resumed.lastStop = lastStop;
    return resumed;
  }

  private close(run: CycleRun, stop: Instant | null): void {
    this.closedCycles++;
    const goal = this.currentGoal();
    const previousStop = Number.isNaN(this.lastStop) ? null : this.lastStop;
    if (stop !== null) this.lastStop = stop;
    const cycle = goal === null ? null : this.clock.cycle(this.key, this.fields, goal, run, stop, previousStop);
    this.watcher?.closed(cycle);
    if (cycle !== null) this.onCycle(cycle, ++this.handedOver);
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
  /** @internal */
  readonly pauses: ReadonlySet<string>;
  /** @internal */
  readonly stops: ReadonlySet<string>;
  /** @internal */
  readonly startStatuses: ReadonlySet<string> | null;
  /**
   * Gives each ticket clock this clock opens or resumes from now on its watcher (null: none). One factory per clock:
   * a caller with several watchers combines them.
   */
  watcherFor: ((ticket: TicketClock) => CycleWatcher | null) | null = null;

  constructor(policy: SlaPolicy, calendars: CalendarSet) {
    this.policy = policy;
    this.goals = policy.goals.map((goal, i) => {
      const calendar = calendars[goal.calendar];
      if (!calendar) {
        const known = Object.keys(calendars).join(', ') || 'none';
        throw new SlaError(`goals.${i}.calendar`, `policy ${policy.id}: goals.${i}.calendar: no calendar named "${goal.calendar}" (known: ${known})`);
      }
      // Read from the compiled spec: probing with a query would build the calendar's tables (and a cold holiday year).
      if (!calendar.hasWorkingHours) {
        throw new SlaError(`goals.${i}.calendar`, `policy ${policy.id}: goals.${i}.calendar: calendar "${goal.calendar}" has no working hours on any day`);
      }
      return { goal, when: prepareConditions(goal.when), calendar, label: goal.label ?? formatTarget(goal.target) };
    });
    this.appliesTo = prepareConditions(policy.appliesTo);
    this.pauses = new Set(policy.pause.statuses);
    this.stops = new Set(policy.stop.statuses);
    this.startStatuses = policy.start.on === 'status' ? new Set(policy.start.statuses) : null;
  }

  /** @internal The calendar a clock runs on while no goal applies. */
  get firstGoal(): PreparedGoal {
    return this.goals[0];
  }

  /** @internal The first goal whose conditions hold, or null when the policy or none of its goals applies. */
  goalFor(fields: TicketHistory['fields']): PreparedGoal | null {
    if (!allHold(this.appliesTo, fields)) return null;
    for (const goal of this.goals) if (allHold(goal.when, fields)) return goal;
    return null;
  }

  /** Whether the policy and one of its goals apply to a ticket with these fields. */
  appliesToFields(fields: TicketHistory['fields']): boolean {
    return this.goalFor(fields) !== null;
  }

  /** A clock for one ticket, fed its changes one at a time (see TicketClock); `number` counts the ticket's cycles from 1. */
  open(
    ticket: { key: string; created: Instant; status: string; fields: TicketHistory['fields'] },
    onCycle: (cycle: SlaCycle, number: number) => void,
  ): TicketClock {
    return new TicketClock(this, ticket.key, ticket.created, ticket.status, ticket.fields, onCycle);
  }

  /** The ticket's cycles under this policy, or null when the policy or none of its goals applies to it. */
  compute(ticket: TicketHistory, asOf: Instant): SlaResult | null {
    if (!measurable(asOf)) throw instantError('asOf', asOf);
    const prepared = this.goalFor(ticket.fields);
    if (!prepared) return null;
    const result: SlaResult = { policyId: this.policy.id, ticketKey: ticket.key, goalLabel: prepared.label, cycles: [] };
    if (!measurable(ticket.created)) throw instantError('created', ticket.created, `ticket ${ticket.key}: `);
    if (asOf < ticket.created) return result;
    const clock = this.open(ticket, (cycle) => result.cycles.push(cycle));
    for (const event of ticket.events) {
      if (event.at > asOf) break;
      clock.apply(event.at, event.field, event.to);
    }
    clock.finish(asOf);
    return result;
  }

  /** @internal A goal whose due time leaves the calendars' years is named, not reported as a calendar failure. */
  cycle(ticketKey: string, fields: TicketHistory['fields'], prepared: PreparedGoal, run: CycleRun, stop: Instant | null, previousStop: Instant | null = null): SlaCycle {
    try {
      return this.measure(ticketKey, fields, prepared, run, stop, previousStop);
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      const i = this.goals.indexOf(prepared);
      // The calendar says which years it covers: all calendars', or fewer when its holiday tables end sooner.
      const coverage = error instanceof CalendarYearsError ? error.coverage : 'the years 1900-2300 that calendars cover';
      throw new SlaError(
        `goals.${i}.target`,
        `policy ${this.policy.id}: goals.${i}.target: ${prepared.label} from ${isoOrValue(run.start)} (ticket ${ticketKey}) is due outside ${coverage}`,
      );
    }
  }

  private measure(ticketKey: string, fields: TicketHistory['fields'], prepared: PreparedGoal, run: CycleRun, stop: Instant | null, previousStop: Instant | null): SlaCycle {
    const { start, running, pausedMinutes, paused, milestones, startGoal } = run;
    const { calendar } = prepared;
    const goalMinutes = goalMinutesOf(prepared, start);
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
      ticketKey,
      fields,
      goalLabel: prepared.label,
      start,
      stop,
      goalMinutes,
      elapsedMinutes: running,
      pausedMinutes,
      remainingMinutes: goalMinutes - running,
      due,
      state,
      startGoal: startGoal === null ? null : { label: startGoal.label, minutes: startGoal === prepared ? goalMinutes : goalMinutesOf(startGoal, start) },
      previousStop,
    };
  }
}

/** A goal's length in working minutes for a cycle starting at `start` (business days end at a day's close). */
function goalMinutesOf({ goal, calendar }: PreparedGoal, start: Instant): number {
  return 'businessDays' in goal.target ? calendar.workingMinutesBetween(start, calendar.businessDaysDue(start, goal.target.businessDays)) : goal.target.minutes;
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

/** @public */
export const computeSla = (policy: SlaPolicyInput | SlaPolicy, ticket: TicketHistory, calendars: CalendarSet, asOf: Instant) =>
  createSlaClock(policy, calendars).compute(ticket, asOf);
