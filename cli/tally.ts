import { type Instant } from '../core/calendar';
import { csat, inps, reopenRate, tatPercentilesOfSorted } from '../core/kpi';
import { type CalendarSet, type SlaClock, type SlaCycle, ComplianceTally, fieldText, formatTarget } from '../core/sla';
import type { Accuracy, FieldRow, GoalRow, ReportResult, Satisfaction, TatSummary } from './report/result';
import type { TicketOutcome } from './tickets';
import { formatDateTime } from './time';

/** Values a TatValues block holds: blocks are never copied, so growth leaves no large garbage behind. */
const TAT_BLOCK = 1 << 16;

/** Completed cycles' working hours, one number each: exact median and p90 need them, nothing else is kept. */
class TatValues {
  private readonly blocks: Float64Array[] = [];
  private n = 0;
  add(hours: number): void {
    const at = this.n % TAT_BLOCK;
    if (at === 0) this.blocks.push(new Float64Array(TAT_BLOCK));
    this.blocks[this.blocks.length - 1][at] = hours;
    this.n++;
  }
  summary(): TatSummary | null {
    if (this.n === 0) return null;
    const values = new Float64Array(this.n);
    this.blocks.forEach((block, i) => values.set(block.subarray(0, Math.min(TAT_BLOCK, this.n - i * TAT_BLOCK)), i * TAT_BLOCK));
    // A typed array sorts numerically, in place and fast; the percentiles are read from it without a copy.
    const { median, p90 } = tatPercentilesOfSorted(values.sort());
    return { cycles: this.n, medianHours: median, p90Hours: p90 };
  }
}

/**
 * Sums cycles up as they close: compliance overall, per policy goal, per month and per `--by` field, with TAT.
 * Memory grows with the groups and one number per completed cycle, not with tickets or events.
 */
export class ReportBuilder {
  readonly timeZone: string;
  private readonly overall = new ComplianceTally();
  private readonly overallTat = new TatValues();
  /**
   * A goal's key (policy id, NUL, goal label), built once per goal: a key built per cycle would be a new string to
   * allocate, flatten and hash at every look-up of the goal's tallies.
   */
  private readonly goalKeys = new Map<string, Map<string, string>>();
  private lastGoal: { policyId: string; goalLabel: string; key: string } = { policyId: '', goalLabel: '', key: '' };
  private readonly goalKeyOf = (cycle: { policyId: string; goalLabel: string }): string => {
    // A cycle's goal is mostly the one before's (asked twice per cycle): no look-up then.
    const last = this.lastGoal;
    if (cycle.policyId === last.policyId && cycle.goalLabel === last.goalLabel) return last.key;
    let labels = this.goalKeys.get(cycle.policyId);
    if (labels === undefined) this.goalKeys.set(cycle.policyId, (labels = new Map<string, string>()));
    let key = labels.get(cycle.goalLabel);
    if (key === undefined) labels.set(cycle.goalLabel, (key = `${cycle.policyId}\u0000${cycle.goalLabel}`));
    this.lastGoal = { policyId: cycle.policyId, goalLabel: cycle.goalLabel, key };
    return key;
  };
  private readonly goalTally = new ComplianceTally({ groupBy: this.goalKeyOf });
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
    const goalKey = this.goalKeyOf(cycle);
    const hours = cycle.stop === null ? NaN : cycle.elapsedMinutes / 60;
    if (cycle.stop !== null) {
      this.overallTat.add(hours);
      tatOf(this.goalTat, goalKey).add(hours);
    }
    for (const group of this.fieldTallies) {
      group.tally.add(cycle);
      const value = fieldText(cycle.fields, group.field);
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

  result(input: Omit<ReportResult['input'], 'firstEvent' | 'lastEvent' | 'asOf'> & { firstEvent: Instant; lastEvent: Instant; asOf: Instant }, rest: Pick<ReportResult, 'ticketsMeasured' | 'accuracy' | 'satisfaction' | 'dataQuality' | 'warnings'>): Omit<ReportResult, 'gamingSignals'> {
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
      dataQuality: rest.dataQuality,
      warnings: rest.warnings,
    };
  }
}

const tatOf = (map: Map<string, TatValues>, key: string): TatValues => {
  let values = map.get(key);
  if (!values) map.set(key, (values = new TatValues()));
  return values;
};

function accuracyOf(resolved: number, reopened: number): Accuracy {
  return { resolved, reopened, firstTimeRight: resolved === 0 ? null : 1 - reopenRate(reopened, resolved) };
}

function satisfactionOf(scale: '1-5' | '0-10', ratings: readonly number[]): Satisfaction {
  if (ratings.length === 0) return { scale, answers: 0, csat: null, inps: null };
  return scale === '1-5'
    ? { scale, answers: ratings.length, csat: csat(ratings, 5), inps: null }
    : { scale, answers: ratings.length, csat: null, inps: inps(ratings) };
}

/** Tickets measured, resolved and reopened, and the ratings, summed from each ticket's outcome. */
export class OutcomeTally {
  private measured = 0;
  private resolved = 0;
  private reopened = 0;
  private readonly ratings: number[] = [];

  add(outcome: TicketOutcome): void {
    if (outcome.measured) this.measured++;
    if (outcome.resolved) this.resolved++;
    if (outcome.reopened) this.reopened++;
    if (outcome.rating !== null) this.ratings.push(outcome.rating);
  }

  result(ratingScale: Satisfaction['scale'] | undefined): Pick<ReportResult, 'ticketsMeasured' | 'accuracy' | 'satisfaction'> {
    return {
      ticketsMeasured: this.measured,
      accuracy: accuracyOf(this.resolved, this.reopened),
      satisfaction: ratingScale === undefined ? null : satisfactionOf(ratingScale, this.ratings),
    };
  }
}
