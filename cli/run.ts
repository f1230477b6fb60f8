import { compileCalendar, CalendarError, parseCalendarText, type CalendarSpecInput, type Instant } from '../core/calendar';
import { csat, inps, reopenRate, tatStats } from '../core/kpi';
import { createSlaClock, type CalendarSet, type SlaClock, type SlaCycle, ComplianceTally, type ComplianceCounts, SlaError, type SlaPolicyInput, formatTarget } from '../core/sla';
import { ConfigError } from './errors';
import { formatDateTime } from './time';

/** Turnaround time of completed cycles, in working hours. */
export interface TatSummary {
  cycles: number;
  medianHours: number;
  p90Hours: number;
}

export interface GoalRow extends ComplianceCounts {
  policy: string;
  goal: string;
  tat: TatSummary | null;
}

export interface FieldRow extends ComplianceCounts {
  value: string;
  /** Goal labels of the cycles in the group. */
  goals: string[];
  tat: TatSummary | null;
}

export interface MonthRow extends ComplianceCounts {
  month: string;
}

/** Accuracy: first time right = share of resolved tickets never reopened (1 − reopen rate). */
export interface Accuracy {
  resolved: number;
  reopened: number;
  firstTimeRight: number | null;
}

/** Satisfaction from the mapped rating column: CSAT (1-5, top-two-box) or iNPS (0-10). */
export interface Satisfaction {
  scale: '1-5' | '0-10';
  answers: number;
  csat: number | null;
  inps: number | null;
}

/** The report as plain data: what the text and HTML renderers draw and `--json` prints. */
export interface ReportResult {
  input: {
    source: string;
    tickets: number;
    events: number;
    firstEvent: string;
    lastEvent: string;
    asOf: string;
    asOfIsLatestEvent: boolean;
  };
  /** Zone of the first goal's calendar: months and times follow it. */
  timeZone: string;
  policies: Array<{ id: string; name: string }>;
  /** Tickets that a policy and one of its goals applied to. */
  ticketsMeasured: number;
  cycles: number;
  overall: ComplianceCounts & { tat: TatSummary | null };
  byGoal: GoalRow[];
  /** One table per `--by` field. */
  byField: Array<{ field: string; rows: FieldRow[] }>;
  byMonth: MonthRow[];
  accuracy: Accuracy;
  satisfaction: Satisfaction | null;
  warnings: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Compiles each calendar, given as a spec object or in the text form; an error names the calendar. */
export function compileCalendars(specs: unknown): CalendarSet {
  if (!isObject(specs)) throw new ConfigError('calendars', 'expected a JSON object of calendar name → calendar spec (an object or the text form)');
  const compiled = Object.entries(specs).map(([name, spec]) => {
    if (!isObject(spec) && typeof spec !== 'string') throw new ConfigError('calendars', `"${name}": expected a calendar spec object or its text form ("Mo-Fr 08:00-17:00 | tz=…")`);
    try {
      const calendar = compileCalendar(typeof spec === 'string' ? parseCalendarText(spec, 'UTC') : (spec as CalendarSpecInput));
      // A calendar without any hours can never be due: said at the calendar, before a policy names it.
      if (!calendar.hasWorkingHours) throw new ConfigError('calendars', `"${name}": calendar: it has no working hours on any day`);
      return [name, calendar] as const;
    } catch (error) {
      if (error instanceof CalendarError) throw new ConfigError('calendars', `"${name}": ${error.message}`);
      throw error;
    }
  });
  return Object.fromEntries(compiled);
}

export function createClocks(policies: unknown, calendars: CalendarSet): SlaClock[] {
  if (!Array.isArray(policies) || policies.length === 0) throw new ConfigError('policies', 'expected a JSON array of one or more SLA policies');
  return policies.map((policy, i) => {
    if (!isObject(policy)) throw new ConfigError('policies', `item ${i}: expected an SLA policy object`);
    try {
      return createSlaClock(policy as SlaPolicyInput, calendars);
    } catch (error) {
      if (error instanceof SlaError) throw new ConfigError('policies', error.message);
      throw error;
    }
  });
}

/** Completed cycles' working hours, one number each: exact median and p90 need them, nothing else is kept. */
class TatValues {
  private values = new Float64Array(1024);
  private n = 0;
  add(hours: number): void {
    if (this.n === this.values.length) {
      const grown = new Float64Array(this.n * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.n++] = hours;
  }
  summary(): TatSummary | null {
    if (this.n === 0) return null;
    // A typed array sorts numerically and fast; the core's sort then meets sorted input (linear for its TimSort).
    const { median, p90 } = tatStats(Array.from(this.values.subarray(0, this.n).sort()));
    return { cycles: this.n, medianHours: median, p90Hours: p90 };
  }
}

const fieldValue = (cycle: SlaCycle, field: string): string => {
  const value = cycle.fields[field];
  return value === null || value === undefined ? '' : typeof value === 'string' ? value : [...value].sort().join(', ');
};

/**
 * Sums cycles up as they close: compliance overall, per policy goal, per month and per `--by` field, with TAT.
 * Memory grows with the groups and one number per completed cycle, not with tickets or events.
 */
export class ReportBuilder {
  readonly timeZone: string;
  private readonly overall = new ComplianceTally();
  private readonly overallTat = new TatValues();
  private readonly goalTally = new ComplianceTally({ groupBy: (c) => `${c.policyId}\u0000${c.goalLabel}` });
  private readonly goalTat = new Map<string, TatValues>();
  private readonly monthTally: ComplianceTally;
  private readonly fieldTallies: Array<{ field: string; tally: ComplianceTally; tat: Map<string, TatValues>; goals: Map<string, Set<string>> }>;
  private readonly goalFields = new Set<string>();
  cycles = 0;

  constructor(
    private readonly clocks: readonly SlaClock[],
    calendars: CalendarSet,
    by: readonly string[],
  ) {
    this.timeZone = calendars[clocks[0].policy.goals[0].calendar].timeZone;
    this.monthTally = new ComplianceTally({ period: 'month', timeZone: this.timeZone });
    this.fieldTallies = by.map((field) => ({ field, tally: new ComplianceTally({ groupBy: field }), tat: new Map(), goals: new Map() }));
    for (const { policy } of clocks) for (const goal of policy.goals) for (const c of goal.when) this.goalFields.add(c.field);
  }

  add(cycle: SlaCycle): void {
    this.cycles++;
    this.overall.add(cycle);
    this.goalTally.add(cycle);
    this.monthTally.add(cycle);
    const goalKey = `${cycle.policyId}\u0000${cycle.goalLabel}`;
    const hours = cycle.stop === null ? NaN : cycle.elapsedMinutes / 60;
    if (cycle.stop !== null) {
      this.overallTat.add(hours);
      tatOf(this.goalTat, goalKey).add(hours);
    }
    for (const group of this.fieldTallies) {
      group.tally.add(cycle);
      const value = fieldValue(cycle, group.field);
      if (cycle.stop !== null) tatOf(group.tat, value).add(hours);
      let goals = group.goals.get(value);
      if (!goals) group.goals.set(value, (goals = new Set()));
      goals.add(goalKey);
    }
  }

  /** The goal's position among the policies' goals (by label), for listing groups from the tightest goal. */
  private rankOfGoal(goalKey: string): number {
    const [policyId, label] = goalKey.split('\u0000');
    let rank = 0;
    for (const { policy } of this.clocks) {
      for (const goal of policy.goals) {
        const goalLabel = goal.label ?? formatTarget(goal.target);
        if (policy.id === policyId && goalLabel === label) return rank;
        rank++;
      }
    }
    return rank;
  }

  result(input: Omit<ReportResult['input'], 'firstEvent' | 'lastEvent' | 'asOf'> & { firstEvent: Instant; lastEvent: Instant; asOf: Instant }, rest: Pick<ReportResult, 'ticketsMeasured' | 'accuracy' | 'satisfaction' | 'warnings'>): ReportResult {
    const zone = this.timeZone;
    const byGoal = this.goalTally
      .report()
      .groups.map(({ key, period: _period, ...counts }): GoalRow & { rank: number } => {
        const [policy, goal] = key.split('\u0000');
        return { policy, goal, ...counts, tat: this.goalTat.get(key)?.summary() ?? null, rank: this.rankOfGoal(key) };
      })
      .sort((a, b) => a.rank - b.rank)
      .map(({ rank: _rank, ...row }) => row);
    const byField = this.fieldTallies.map(({ field, tally, tat, goals }) => {
      const byGoalRank = this.goalFields.has(field);
      const rows = tally
        .report()
        .groups.map(({ key, period: _period, ...counts }) => {
          const keys = [...(goals.get(key) ?? [])].sort((a, b) => this.rankOfGoal(a) - this.rankOfGoal(b));
          return { row: { value: key, goals: [...new Set(keys.map((k) => k.split('\u0000')[1]))], ...counts, tat: tat.get(key)?.summary() ?? null }, rank: keys.length ? this.rankOfGoal(keys[0]) : Infinity };
        })
        .sort((a, b) => (byGoalRank ? a.rank - b.rank : 0) || (a.row.value < b.row.value ? -1 : a.row.value > b.row.value ? 1 : 0))
        .map(({ row }): FieldRow => row);
      return { field, rows };
    });
    return {
      input: { ...input, firstEvent: formatDateTime(input.firstEvent, zone), lastEvent: formatDateTime(input.lastEvent, zone), asOf: formatDateTime(input.asOf, zone) },
      timeZone: zone,
      policies: this.clocks.map(({ policy }) => ({ id: policy.id, name: policy.name })),
      ticketsMeasured: rest.ticketsMeasured,
      cycles: this.cycles,
      overall: { ...this.overall.report().total, tat: this.overallTat.summary() },
      byGoal,
      byField,
      byMonth: this.monthTally.report().groups.map(({ period, key: _key, ...counts }) => ({ month: period, ...counts })),
      accuracy: rest.accuracy,
      satisfaction: rest.satisfaction,
      warnings: rest.warnings,
    };
  }
}

const tatOf = (map: Map<string, TatValues>, key: string): TatValues => {
  let values = map.get(key);
  if (!values) map.set(key, (values = new TatValues()));
  return values;
};


export function accuracyOf(resolved: number, reopened: number): Accuracy {
  return { resolved, reopened, firstTimeRight: resolved === 0 ? null : 1 - reopenRate(reopened, resolved) };
}

export function satisfactionOf(scale: '1-5' | '0-10', ratings: readonly number[]): Satisfaction {
  if (ratings.length === 0) return { scale, answers: 0, csat: null, inps: null };
  return scale === '1-5'
    ? { scale, answers: ratings.length, csat: csat(ratings, 5), inps: null }
    : { scale, answers: ratings.length, csat: null, inps: inps(ratings) };
}
