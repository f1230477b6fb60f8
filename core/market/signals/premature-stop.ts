import type { WorkCalendar } from '../../calendar/types';
import type { SignalCycle } from './types';

/**
 * G2 premature stop: whether this cycle restarted the clock within `reopenWithin` business days (on the goal's
 * calendar) of the ticket's previous stop under the policy, counting the days after the stop's day up to the
 * restart's (stopped Monday, restarted Wednesday: 2). A ticket's first cycle never is.
 */
export function restartedSoon(cycle: SignalCycle, calendar: WorkCalendar, reopenWithin: number): boolean {
  const stop = cycle.previousStop;
  if (stop === null || stop === undefined) return false;
  return calendar.workingDaysAfter(calendar.localDay(stop), calendar.localDay(cycle.start)) <= reopenWithin;
}
