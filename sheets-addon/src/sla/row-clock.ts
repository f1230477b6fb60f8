import type { WorkCalendar } from '../../../core/calendar';
import { createSlaClock, type SlaClock, type SlaCycle, formatTarget, type SlaTarget } from '../../../core/sla';

/**
 * A spreadsheet row (start, optional end, target) as the core's SLA clock sees it: a ticket created at the start that
 * is done at the end, under a one-goal policy with no pauses. Going through the clock rather than the calendar
 * directly keeps the met/breached rules, the due time and business-day goals identical to the CLI and the Forge app.
 */

const DONE = 'Done';
const clocks = new WeakMap<WorkCalendar, Map<string, SlaClock>>();
/** The same clocks by target object: a column's rows share a few parsed targets, so no label is built per row. */
const clocksByTargetObject = new WeakMap<SlaTarget, WeakMap<WorkCalendar, SlaClock>>();

export function clockFor(calendar: WorkCalendar, target: SlaTarget): SlaClock {
  let byCalendar = clocksByTargetObject.get(target);
  if (!byCalendar) clocksByTargetObject.set(target, (byCalendar = new WeakMap()));
  let clock = byCalendar.get(calendar);
  if (!clock) byCalendar.set(calendar, (clock = clockByLabel(calendar, target)));
  return clock;
}

function clockByLabel(calendar: WorkCalendar, target: SlaTarget): SlaClock {
  let byTarget = clocks.get(calendar);
  if (!byTarget) clocks.set(calendar, (byTarget = new Map<string, SlaClock>()));
  const label = formatTarget(target);
  let clock = byTarget.get(label);
  if (!clock) {
    clock = createSlaClock(
      { id: 'sheet', name: 'Sheet row', stop: { statuses: [DONE] }, goals: [{ target, calendar: 'row', label }] },
      { row: calendar },
    );
    byTarget.set(label, clock);
  }
  return clock;
}

/**
 * The row's one SLA cycle as of `asOf`, on the clock of its calendar and target (clockFor). A row whose start is after `asOf` is judged at its start: its clock has not
 * run yet, so it is on track with the whole goal left. The caller has checked that `end` is not before `start`.
 */
export function rowCycle(clock: SlaClock, start: number, end: number | null, asOf: number): SlaCycle {
  // What compute gives for the ticket created at the start and moved to Done at the end, without building it.
  return clock.runningCycle('row', start, end, Math.max(asOf, start))!;
}
