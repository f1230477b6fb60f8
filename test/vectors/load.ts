import { readFileSync } from 'node:fs';
import { compileCalendar } from '../../core/calendar/compile';
import { parseCalendarText } from '../../core/calendar/parse';
import type { WorkCalendar } from '../../core/calendar/types';
import { createSlaClock, type SlaClock, type SlaCycle } from '../../core/sla/clock';
import type { ComplianceCounts, ComplianceGroup } from '../../core/sla/compliance';
import type { SlaPolicyInput } from '../../core/sla/policy';
import { TicketHistorySchema, type TicketHistory } from '../../core/sla/ticket';

type ExpectedCycle = Pick<
  SlaCycle,
  'start' | 'stop' | 'goalMinutes' | 'elapsedMinutes' | 'pausedMinutes' | 'remainingMinutes' | 'due' | 'state'
>;

interface SlaVectorCase {
  name: string;
  policy: string;
  ticket: TicketHistory;
  asOf: number;
  cycles: ExpectedCycle[] | null;
}

interface RawCycle extends Omit<ExpectedCycle, 'start' | 'stop' | 'due'> {
  start: string;
  stop: string | null;
  due: string | null;
}

interface RawVectors {
  calendars: Record<string, string>;
  policies: SlaPolicyInput[];
  cases: Array<{ name: string; policy: string; ticket: unknown; asOf: string; cycles: RawCycle[] | null }>;
  compliance: { total: ComplianceCounts; byPolicy: Array<Omit<ComplianceGroup, 'period'>> };
}

const instant = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/** The raw JSON, for doors that take the text forms themselves (Sheets formulas, the Forge admin page). */
export const readSlaVectors = (): RawVectors => JSON.parse(readFileSync(new URL('./sla.json', import.meta.url), 'utf8'));

/** The SLA vectors in the core's types: compiled calendars, bound policies, parsed tickets and expected cycles. */
export function loadSlaVectors() {
  const raw = readSlaVectors();
  const calendars: Record<string, WorkCalendar> = Object.fromEntries(
    Object.entries(raw.calendars).map(([name, text]) => [name, compileCalendar(parseCalendarText(text, 'UTC'))]),
  );
  const clocks: Record<string, SlaClock> = Object.fromEntries(raw.policies.map((p) => [p.id, createSlaClock(p, calendars)]));
  const cases: SlaVectorCase[] = raw.cases.map((c) => ({
    name: c.name,
    policy: c.policy,
    ticket: TicketHistorySchema.parse(c.ticket),
    asOf: Date.parse(c.asOf),
    cycles: c.cycles && c.cycles.map((cycle) => ({ ...cycle, start: Date.parse(cycle.start), stop: instant(cycle.stop), due: instant(cycle.due) })),
  }));
  return { calendars, clocks, cases, compliance: raw.compliance };
}

export interface CalendarVectors {
  calendars: Record<string, string>;
  durations: Array<{ calendar: string; start: string; end: string; minutes: number; how: string }>;
  additions: Array<{ calendar: string; start: string; minutes: number; due: string; how: string }>;
  businessDaysDue: Array<{ calendar: string; start: string; days: number; due: string; how: string }>;
  networkdays: Array<{ start: string; end: string; weekend: string | number; holidays: string[]; result: number; source: string }>;
  workday: Array<{ start: string; days: number; weekend: string | number; holidays: string[]; result?: string; error?: string; source: string }>;
}

export const readCalendarVectors = (): CalendarVectors =>
  JSON.parse(readFileSync(new URL('./calendar.json', import.meta.url), 'utf8'));
