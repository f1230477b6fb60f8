import type { SlaPolicy } from '../../../core';
import { type JiraClient, JiraError } from '../jira/client';
import { performAction } from '../jira/alert-actions';
import { claimAlert, type DueAlert, saveFired, writeAudit } from '../storage/alerts';
import { readableResults } from '../storage/repository';

export type FireOutcome = 'fired' | 'already' | 'not-due' | 'refused' | 'busy';

/** Jira refused the action itself (a 4xx other than 429: a priority that does not exist, a user who cannot be assigned). */
const refused = (error: unknown): error is JiraError => error instanceof JiraError && error.status >= 400 && error.status < 500 && error.status !== 429;

/** The alert's subject and body, in English and Vietnamese: Jira users on the site read them. */
function textOf(alert: DueAlert, policy: SlaPolicy, goalLabel: string) {
  const english = alert.kind === 'warning' ? 'SLA at risk' : 'SLA breached';
  const vietnamese = alert.kind === 'warning' ? 'SLA sắp vi phạm' : 'Đã vi phạm SLA';
  const when = new Date(alert.at).toISOString();
  return {
    subject: `${english} / ${vietnamese}: ${alert.issueKey} (${policy.name})`,
    body: `${english}: ${policy.name}, goal ${goalLabel}, ${alert.kind === 'warning' ? 'warning line' : 'due'} ${when}.\n${vietnamese}: ${policy.name}, mức ${goalLabel}, ${alert.kind === 'warning' ? 'ngưỡng cảnh báo' : 'hạn'} ${when}.`,
  };
}

/**
 * Fires one indexed alert exactly once per cycle. The ticket's stored result must still have the cycle open and the
 * alert due (a clock that stopped, paused or moved is left to the index entry its next sync writes). The alert is
 * claimed atomically by the run; a duplicate run meanwhile finds it busy and leaves it. Each action done is recorded
 * before the next, so the same run retried, or a run taking over from one that died, resumes after the last recorded
 * action; the audit entry and the completed mark come last.
 */
export async function fireAlert(jira: JiraClient, alert: DueAlert, policies: readonly SlaPolicy[], gen: number, now: number, run: string): Promise<FireOutcome> {
  const policy = policies.find((p) => p.id === alert.policyId);
  const stored = await (await readableResults()).ticket(alert.issueKey, gen);
  const cycle = stored?.cycles.find((c) => c.policyId === alert.policyId && c.start === alert.start && c.stop === null);
  const at = alert.kind === 'warning' ? cycle?.warningAt : cycle?.due;
  if (policy?.alerts === undefined || cycle === undefined || typeof at !== 'number' || at > now) return 'not-due';
  const actions = alert.kind === 'warning' ? policy.alerts.onWarning : policy.alerts.onBreach;
  const record = await claimAlert(alert, now, run);
  if (record === 'busy') return 'busy';
  if (record.complete) return 'already';
  const text = textOf(alert, policy, cycle.goalLabel);
  let error: string | undefined;
  for (let i = 0; i < actions.length; i++) {
    if (record.actionsDone.includes(i)) continue;
    try {
      await performAction(jira, alert.issueKey, actions[i], text);
    } catch (failure) {
      // Trying again would be refused again: the admin reads why in the audit list; transient failures are retried.
      if (!refused(failure)) throw failure;
      error = failure.message;
      break;
    }
    record.actionsDone.push(i);
    record.heartbeat = now;
    await saveFired(alert, record);
  }
  await writeAudit({ ...alert, at, firedAt: record.firedAt, actions: record.actionsDone.map((i) => actions[i].do), ...(error === undefined ? {} : { error }) });
  await saveFired(alert, { ...record, complete: true });
  return error === undefined ? 'fired' : 'refused';
}
