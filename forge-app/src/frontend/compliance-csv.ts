import { toCsv } from '../../../core';
import type { Messages } from '../i18n/messages';
import type { ComplianceAnswer } from '../resolvers/compliance';

/** The gadget's data as one CSV table: the total, each group, each trend period and each ticket at risk. */
export function complianceCsv(answer: ComplianceAnswer, t: Messages): string {
  const ratio = (r: number | null) => (r === null ? null : Math.round(r * 10_000) / 10_000);
  const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
  return toCsv(
    ['section', 'label', 'met', 'breached', 'open_past_due', 'compliance', 'due_utc', 'risk', 'assignee'],
    [
      ['total', t.compliance, answer.total.met, answer.total.breached, answer.total.ongoingBreached, ratio(answer.total.compliance), null, null, null],
      ...answer.groups.map((g) => ['group', g.key, g.met, g.breached, g.ongoingBreached, ratio(g.compliance), null, null, null]),
      ...answer.trend.map((p) => ['trend', p.period, null, null, null, ratio(p.compliance), null, null, null]),
      ...answer.atRisk.map((r) => ['at-risk', r.key, null, null, null, null, iso(r.due), r.risk, r.assigneeName ?? r.assignee]),
    ],
  );
}
