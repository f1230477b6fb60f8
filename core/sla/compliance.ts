import { said } from '../i18n/error-catalogue';
import { type Period, periodLabel } from '../calendar/period';
import { isValidTimeZone } from '../calendar/spec';
import { localDayIn } from '../calendar/zone';
import { SlaError } from './errors';
import { goalMinutesFrom, measurable, type SlaClock, type SlaCycle } from './clock';

/**
 * What compliance needs of a cycle: stored aggregates can keep just this. `count` (1 when absent) is how many alike
 * cycles the entry stands for: a database that counts cycles per state and day hands over one entry per count.
 */
export type ComplianceEntry = Pick<SlaCycle, 'policyId' | 'goalLabel' | 'fields' | 'start' | 'stop' | 'due' | 'state'> & { count?: number };

export interface ComplianceCounts {
  met: number;
  /** Stopped after the due time. */
  breached: number;
  /** Still open and already past due: counted as breached in the compliance. */
  ongoingBreached: number;
  /** Open and not yet due (running or paused): left out of the compliance. */
  ongoing: number;
  /** met ÷ (met + breached + ongoingBreached); null when nothing is measurable yet. */
  compliance: number | null;
}

export interface ComplianceGroup extends ComplianceCounts {
  /** The value of the grouping field(s), or "" when not grouped. */
  key: string;
  /** The period's label (`2025-03`, `2025-W10`, `2025-Q1`, …), or "" when not by period. */
  period: string;
}

export interface ComplianceOptions {
  /** A ticket field (`priority`, `requestType`, `assignee`, …), `policy`, `goal`, or a function of the cycle. */
  groupBy?: string | ((cycle: ComplianceEntry) => string);
  period?: Period;
  /** Zone whose calendar days the periods follow; UTC by default. */
  timeZone?: string;
}

export interface ComplianceReport {
  total: ComplianceCounts;
  groups: ComplianceGroup[];
}

const emptyCounts = (): ComplianceCounts => ({ met: 0, breached: 0, ongoingBreached: 0, ongoing: 0, compliance: null });

const count = (counts: ComplianceCounts, cycle: ComplianceEntry): void => {
  const n = cycle.count ?? 1;
  if (cycle.state === 'met') counts.met += n;
  else if (cycle.state === 'breached') {
    if (cycle.stop === null) counts.ongoingBreached += n;
    else counts.breached += n;
  } else counts.ongoing += n;
};

const finish = (counts: ComplianceCounts): void => {
  const measurable = counts.met + counts.breached + counts.ongoingBreached;
  counts.compliance = measurable === 0 ? null : counts.met / measurable;
};

/**
 * A log of one-goal cycles that never pause, as columns: each row a ticket created at its start and stopped at its
 * end (a spreadsheet's SLA_COMPLIANCE over a column of starts and one of ends).
 */
export interface RunningRows {
  /** Each row's start, epoch ms. */
  readonly starts: Float64Array;
  /** Each row's stop, Infinity while open (no global look-up per row, as NaN is in node:vm); never before its start. */
  readonly ends: Float64Array;
  /** Each row's clock and as-of instant: an index into `clocks` and `asOf`. */
  readonly clockOfRow: Int32Array;
  readonly clocks: readonly SlaClock[];
  readonly asOf: readonly number[];
}

/**
 * The total compliance of `rows`, each counted as its clock's `runningCycle(start, end, max(asOf, start))` would be,
 * in one loop over the columns: a first call (every Apps Script execution is one) runs per-row code unoptimised until
 * it is hot, and one loop is hot, and on-stack-replaced, after a few rows, where a cycle object and its helpers per
 * row each needed their own warm-up. A row the loop cannot measure (an instant outside the calendars' years, a goal
 * due past them) is handed to `cycleOfRow`, the caller's per-row path, whose cycle is counted and whose error is the
 * caller's to name.
 */
export function runningCompliance(rows: RunningRows, cycleOfRow: (row: number) => SlaCycle | null): ComplianceCounts {
  const { starts, ends, clockOfRow, asOf } = rows;
  // The goal each clock gives a row (runningCycle's, with no fields), or null to leave its rows to cycleOfRow.
  const goals = rows.clocks.map((clock, k) => (measurable(asOf[k]) ? clock.goalFor({}) : null));
  const counts = emptyCounts();
  for (let i = 0; i < starts.length; i++) {
    const k = clockOfRow[i];
    const goal = goals[k];
    const start = starts[i];
    const end = ends[i];
    const at = asOf[k] > start ? asOf[k] : start;
    const stopped = end <= at;
    let running = 0;
    let goalMinutes = 0;
    let measured = goal !== null && measurable(start) && !(end < start);
    if (measured) {
      try {
        const { calendar } = goal!;
        running = calendar.workingMinutesBetween(start, stopped ? end : at);
        goalMinutes = goalMinutesFrom(goal!, start);
        // runningCycle places the due time of a goal not yet reached, which fails past the calendar's years: so does
        // this row. A business-day goal's due time is at or before the close its count reached, so it needs no check.
        if (running < goalMinutes && !('businessDays' in goal!.goal.target)) {
          calendar.addWorkingMinutes(stopped ? end : start, stopped ? goalMinutes - running : goalMinutes);
        }
      } catch {
        measured = false; // the row's own path says why
      }
    }
    if (!measured) {
      const cycle = cycleOfRow(i);
      if (cycle !== null) count(counts, cycle);
    } else if (running > goalMinutes) {
      if (stopped) counts.breached++;
      else counts.ongoingBreached++;
    } else if (stopped) counts.met++;
    else counts.ongoing++;
  }
  finish(counts);
  return counts;
}

/** A ticket field's value as a group key: blank when missing, a list's values sorted and joined with ", ". */
export const fieldText = (fields: ComplianceEntry['fields'], field: string): string => {
  // Own fields only: a field named "toString" or "__proto__" that the ticket does not have is blank, not Object's.
  const value = Object.hasOwn(fields, field) ? fields[field] : undefined;
  return value === null || value === undefined ? '' : typeof value === 'string' ? value : [...value].sort().join(', ');
};

const fieldKey = (field: string) => (cycle: ComplianceEntry): string => {
  if (field === 'policy') return cycle.policyId;
  if (field === 'goal') return cycle.goalLabel;
  return fieldText(cycle.fields, field);
};

/**
 * SLA compliance = met ÷ (met + breached), where a cycle still open past its due time counts as breached and one
 * not yet due is left out (95 met of 100 measurable → 0.95). A cycle belongs to the period of its stop, or of its
 * due time while open, or of its start while paused with no due time.
 */
export function slaCompliance(cycles: Iterable<ComplianceEntry>, options: ComplianceOptions = {}): ComplianceReport {
  const tally = new ComplianceTally(options);
  for (const cycle of cycles) tally.add(cycle);
  return tally.report();
}

/**
 * Compliance counted as cycles arrive, so a sync or a large log never holds every cycle: memory grows with the
 * number of groups, not of tickets.
 */
export class ComplianceTally {
  private readonly keyOf: (cycle: ComplianceEntry) => string;
  private readonly period: Period | undefined;
  private readonly dayOf: ((t: number) => number) | null;
  private readonly labels = new Map<number, string>(); // one label per day: building it costs a Date
  private readonly total = emptyCounts();
  private readonly groups = new Map<string, Map<string, ComplianceGroup>>(); // key → period → counts
  /** The group of the last cycle added (null before the first), and the last day's period label. */
  private lastKey: string | null = null;
  private lastGroup: ComplianceGroup | null = null;
  private lastDay = NaN;
  private lastLabel = '';

  constructor(options: ComplianceOptions = {}) {
    const { groupBy, period } = options;
    this.keyOf = groupBy === undefined ? () => '' : typeof groupBy === 'string' ? fieldKey(groupBy) : groupBy;
    const timeZone = options.timeZone ?? 'UTC';
    if (!isValidTimeZone(timeZone)) {
      throw new SlaError('timeZone', said('at', { place: 'timeZone', detail: said('sla.notTimeZone', { value: timeZone }) }));
    }
    this.period = period;
    this.dayOf = period ? localDayIn(timeZone) : null;
  }

  add(cycle: ComplianceEntry): void {
    count(this.total, cycle);
    const key = this.keyOf(cycle);
    const label = this.dayOf === null ? '' : this.labelOf(this.dayOf(cycle.stop ?? cycle.due ?? cycle.start));
    // Cycles arriving in time order mostly fall in the group of the one before: no look-up for them.
    if (key !== this.lastKey || label !== this.lastGroup!.period) this.lastGroup = this.groupOf((this.lastKey = key), label);
    count(this.lastGroup!, cycle);
  }

  /** The period label of a day, built once per day (building it costs a Date). */
  private labelOf(day: number): string {
    if (day === this.lastDay) return this.lastLabel;
    let label = this.labels.get(day);
    if (label === undefined) this.labels.set(day, (label = periodLabel(day, this.period!)));
    this.lastDay = day;
    return (this.lastLabel = label);
  }

  private groupOf(key: string, label: string): ComplianceGroup {
    let periods = this.groups.get(key);
    if (!periods) this.groups.set(key, (periods = new Map<string, ComplianceGroup>()));
    let group = periods.get(label);
    if (!group) periods.set(label, (group = { key, period: label, ...emptyCounts() }));
    return group;
  }

  /** The counts so far, groups sorted by key then period. */
  report(): ComplianceReport {
    const total = { ...this.total };
    finish(total);
    const groups = [...this.groups.values()]
      .flatMap((periods) => [...periods.values()].map((g) => ({ ...g })))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    groups.forEach(finish);
    return { total, groups };
  }
}
