import type { SlaPolicy } from '../../../core';
import type { TicketResult } from '../model/ticket-result';
import { type DueAlert, firedRecord, indexAlert } from '../storage/alerts';

/**
 * The alerts a ticket's open cycles call for: the warning (when the policy has warning actions and the clock reaches
 * its warning line) and the breach (when it has breach actions), each at the instant the running clock gets there.
 * A paused clock has no such instant yet: the sync that resumes it indexes it.
 */
function alertsOf(result: TicketResult, policies: readonly SlaPolicy[]): DueAlert[] {
  const byId = new Map(policies.map((p) => [p.id, p]));
  return result.cycles.flatMap((cycle) => {
    const alerts = byId.get(cycle.policyId)?.alerts;
    if (alerts === undefined || cycle.stop !== null) return [];
    const base = { issueKey: result.key, policyId: cycle.policyId, start: cycle.start };
    return [
      ...(alerts.onWarning.length > 0 && typeof cycle.warningAt === 'number' ? [{ ...base, kind: 'warning' as const, at: cycle.warningAt }] : []),
      ...(alerts.onBreach.length > 0 && cycle.due !== null ? [{ ...base, kind: 'breach' as const, at: cycle.due }] : []),
    ];
  });
}

/** Indexes a ticket's alerts at their due times, except those already fired (the sync calls this after storing). */
export async function indexTicketAlerts(result: TicketResult, policies: readonly SlaPolicy[], now: number): Promise<number> {
  let indexed = 0;
  for (const alert of alertsOf(result, policies)) {
    if ((await firedRecord(alert))?.complete) continue;
    await indexAlert(alert, now);
    indexed++;
  }
  return indexed;
}
