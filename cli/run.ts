import { compileCalendar } from '../core/calendar/compile';
import { CalendarError } from '../core/calendar/errors';
import type { CalendarSpecInput } from '../core/calendar/spec';
import type { Instant } from '../core/calendar/types';
import { tatStats } from '../core/kpi/tat';
import { createSlaClock, type CalendarSet, type SlaClock, type SlaCycle } from '../core/sla/clock';
import { slaCompliance, type ComplianceCounts, type ComplianceEntry } from '../core/sla/compliance';
import { SlaError } from '../core/sla/errors';
import type { SlaPolicyInput } from '../core/sla/policy';
import type { TicketHistory } from '../core/sla/ticket';
import { IMPACTS } from './bpic';
import { ConfigError } from './errors';
import { formatDateTime } from './time';

/** Tickets read from an event log, with what the report says about the log itself. */
export interface EventLog {
  /** The file, as the person named it. */
  source: string;
  tickets: TicketHistory[];
  /** Rows of the log: more than the tickets' events, which keep only changes of status. */
  events: number;
  firstEvent: Instant;
  lastEvent: Instant;
}

export interface ReportOptions {
  log: EventLog;
  /** Parsed JSON: an array of SLA policies. */
  policies: unknown;
  /** Parsed JSON: calendar name → calendar spec. */
  calendars: unknown;
  /** Open cycles are measured up to this instant; the log's latest event by default. */
  asOf?: Instant;
  /** Called every PROGRESS_STEP tickets and after the last one. */
  onProgress?: (done: number, total: number) => void;
}

/** Turnaround time of completed cycles, in working hours. */
export interface TatSummary {
  cycles: number;
  medianHours: number;
  p90Hours: number;
}

export interface ImpactRow extends ComplianceCounts {
  impact: string;
  /** Goal labels of the cycles (one per impact with the example policies). */
  goals: string[];
  tat: TatSummary | null;
}

export interface MonthRow extends ComplianceCounts {
  month: string;
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
  byImpact: ImpactRow[];
  byMonth: MonthRow[];
}

const PROGRESS_STEP = 1000;
/** The impact field of a cycle's ticket; "" when it has none. */
const impactOf = (cycle: ComplianceEntry): string => {
  const value = cycle.fields.impact;
  return typeof value === 'string' ? value : '';
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Compiles each calendar; an error names the calendar. */
export function compileCalendars(specs: unknown): CalendarSet {
  if (!isObject(specs)) throw new ConfigError('calendars', 'expected a JSON object of calendar name → calendar spec');
  const compiled = Object.entries(specs).map(([name, spec]) => {
    if (!isObject(spec)) throw new ConfigError('calendars', `"${name}": expected a calendar spec object`);
    try {
      return [name, compileCalendar(spec as CalendarSpecInput)] as const;
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

const tatOf = (cycles: readonly SlaCycle[]): TatSummary | null => {
  const hours = cycles.filter((c) => c.stop !== null).map((c) => c.elapsedMinutes / 60);
  if (hours.length === 0) return null;
  const { median, p90 } = tatStats(hours);
  return { cycles: hours.length, medianHours: median, p90Hours: p90 };
};

/** Known impacts from the most severe; others after them, in the alphabetical order slaCompliance gives. */
const impactRank = (impact: string) => {
  const rank = IMPACTS.indexOf(impact as (typeof IMPACTS)[number]);
  return rank < 0 ? IMPACTS.length : rank;
};

/** Applies the policies to every ticket and sums the cycles up: compliance overall, per impact and per month, TAT. */
export function runReport({ log, policies, calendars, asOf = log.lastEvent, onProgress }: ReportOptions): ReportResult {
  const calendarSet = compileCalendars(calendars);
  const clocks = createClocks(policies, calendarSet);
  const timeZone = calendarSet[clocks[0].policy.goals[0].calendar].timeZone;

  const cycles: SlaCycle[] = [];
  let ticketsMeasured = 0;
  const total = log.tickets.length;
  log.tickets.forEach((ticket, i) => {
    let measured = false;
    for (const clock of clocks) {
      const result = clock.compute(ticket, asOf);
      if (!result) continue;
      measured = true;
      cycles.push(...result.cycles);
    }
    if (measured) ticketsMeasured++;
    if (onProgress && ((i + 1) % PROGRESS_STEP === 0 || i + 1 === total)) onProgress(i + 1, total);
  });

  const cyclesByImpact = new Map<string, SlaCycle[]>();
  for (const cycle of cycles) {
    const impact = impactOf(cycle);
    const group = cyclesByImpact.get(impact);
    if (group) group.push(cycle);
    else cyclesByImpact.set(impact, [cycle]);
  }

  return {
    input: {
      source: log.source,
      tickets: total,
      events: log.events,
      firstEvent: formatDateTime(log.firstEvent, timeZone),
      lastEvent: formatDateTime(log.lastEvent, timeZone),
      asOf: formatDateTime(asOf, timeZone),
      asOfIsLatestEvent: asOf === log.lastEvent,
    },
    timeZone,
    policies: clocks.map(({ policy }) => ({ id: policy.id, name: policy.name })),
    ticketsMeasured,
    cycles: cycles.length,
    overall: { ...slaCompliance(cycles).total, tat: tatOf(cycles) },
    byImpact: slaCompliance(cycles, { groupBy: impactOf })
      .groups.map(({ key, period: _period, ...counts }): ImpactRow => {
        const ofImpact = cyclesByImpact.get(key)!;
        return { impact: key, goals: [...new Set(ofImpact.map((c) => c.goalLabel))], ...counts, tat: tatOf(ofImpact) };
      })
      .sort((a, b) => impactRank(a.impact) - impactRank(b.impact)),
    byMonth: slaCompliance(cycles, { period: 'month', timeZone }).groups.map(({ period, key: _key, ...counts }) => ({ month: period, ...counts })),
  };
}
