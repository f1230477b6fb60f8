import { compileCalendarSet, formatTarget, type WorkCalendar } from '../../../core';
import { loadConfig } from '../config/store';
import { runtime } from '../runtime';
import type { StoredCycle } from '../model/ticket-result';
import { readableResults } from '../storage/repository';
import { activeGeneration } from '../sync/generations';
import { canBrowseIssue } from './permissions';

/**
 * The ticket's clocks as the issue panel shows them. A running clock of an app policy is brought up to now on its
 * goal's calendar (working minutes from now to the due time); JSM's clocks keep JSM's own figures from the last sync.
 */
export async function issuePanelData(issueKey: string) {
  if (!(await canBrowseIssue(issueKey))) return { error: 'FORBIDDEN' as const };
  const stored = await (await readableResults()).ticket(issueKey, await activeGeneration());
  if (!stored) return { error: 'NOT_SYNCED' as const };
  const { config } = await loadConfig();
  const calendars = config ? compileCalendarSet(config.calendars) : {};
  const calendarOf = (cycle: StoredCycle): WorkCalendar | undefined => {
    const goal = config?.policies.find((p) => p.id === cycle.policyId)?.goals.find((g) => (g.label ?? formatTarget(g.target)) === cycle.goalLabel);
    return goal ? calendars[goal.calendar] : undefined;
  };
  const now = runtime.now();
  const byPolicy = new Map<string, StoredCycle[]>();
  for (const cycle of stored.cycles) byPolicy.set(cycle.policyId, [...(byPolicy.get(cycle.policyId) ?? []), cycle]);
  return {
    computedAt: stored.computedAt,
    clocks: [...byPolicy].map(([policyId, cycles]) => {
      const current = cycles[cycles.length - 1];
      const running = current.stop === null && current.due !== null && current.state !== 'paused';
      const calendar = running ? calendarOf(current) : undefined;
      const remainingMinutes = calendar ? calendar.workingMinutesBetween(now, current.due!) : current.remainingMinutes;
      const state = running && (remainingMinutes < 0 || current.due! < now) ? 'breached' : current.state;
      const policyName = policyId.startsWith('jsm:') ? policyId.slice(4) : (config?.policies.find((p) => p.id === policyId)?.name ?? policyId);
      return { policyId, policyName, goalLabel: current.goalLabel, state, remainingMinutes, due: current.due, paused: current.state === 'paused', cycles: cycles.length, pausedMinutes: current.pausedMinutes };
    }),
  };
}
