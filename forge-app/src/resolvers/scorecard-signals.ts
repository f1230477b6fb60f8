import { compileCalendarSet, fieldText, GamingSignalTally, goalCalendars, type GroupSignals, kpiReviews, notesOfOwner, payReviews, type PayReview, readSignalParameters, reviewNotesByGroup, type ScorecardTree } from '../../../core';
import type { AppConfig } from '../config/schema';
import { monthOf, reportedAt } from '../model/ticket-result';
import { type MonthScope, visibleMonthTickets } from './month-tickets';

/** The group of a cycle on the scorecard: the ticket's team (the configured team field); "" when none is mapped. */
const GROUP_FIELD = 'team';

/**
 * The gaming signals G1-G4 per team over the months of a scorecard period (docs/INTERNAL-MARKET.md, "Gaming
 * signals"), from the stored cycles reported in those months: each cycle keeps the goal it started under and when
 * the ticket's previous cycle stopped. G5 needs a requester field the app does not map, so it is left out.
 */
export async function teamSignals(config: AppConfig, scope: MonthScope, months: readonly string[]): Promise<GroupSignals[]> {
  const calendarOf = goalCalendars(config.policies, compileCalendarSet(config.calendars));
  const tally = new GamingSignalTally(readSignalParameters(), calendarOf, false);
  const policyIds = config.policies.map((p) => p.id);
  const known = new Set(policyIds);
  for (const month of months) {
    for (const ticket of await visibleMonthTickets(scope, month, policyIds, false)) {
      const group = fieldText(ticket.fields, GROUP_FIELD);
      for (const cycle of ticket.cycles) {
        // Only the app's own policies: a JSM SLA's cycles (`jsm:<name>`) carry no goal the signals can compare.
        if (known.has(cycle.policyId) && monthOf(reportedAt(cycle), scope.timeZone) === month) tally.addCycle(group, { ...cycle, ticketKey: ticket.key });
      }
    }
  }
  return tally.report();
}

/** "Review before paying" on the pay lines: the flagged signals of the team that owns a KPI or a pay line. */
export function payReviewsOf(tree: ScorecardTree, groups: readonly GroupSignals[]): PayReview[] {
  const notes = reviewNotesByGroup(groups);
  return payReviews(tree, kpiReviews(tree, notesOfOwner(notes)), notes);
}
