import type { WorkCalendar } from '../../calendar/types';
import type { CalendarSet } from '../../sla/clock';
import type { SlaPolicy } from '../../sla/policy';
import { formatTarget } from '../../sla/target';
import type { GoalCalendarOf } from './tally';

/** The calendar of each policy goal by its label (a goal's `label`, else its target: `8h`), the first goal's on a miss. */
export function goalCalendars(policies: readonly SlaPolicy[], calendars: CalendarSet): GoalCalendarOf {
  const byGoal = new Map<string, WorkCalendar>();
  const firstOf = new Map<string, WorkCalendar>();
  for (const policy of policies) {
    for (const goal of policy.goals) {
      const key = `${policy.id}\u0000${goal.label ?? formatTarget(goal.target)}`;
      if (!byGoal.has(key)) byGoal.set(key, calendars[goal.calendar]);
      if (!firstOf.has(policy.id)) firstOf.set(policy.id, calendars[goal.calendar]);
    }
  }
  return (policyId, goalLabel) => byGoal.get(`${policyId}\u0000${goalLabel}`) ?? firstOf.get(policyId)!;
}
