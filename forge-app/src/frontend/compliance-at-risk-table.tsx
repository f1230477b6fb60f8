import { DynamicTable, Heading, Lozenge, Text } from '@forge/react';
import type { Messages } from '../i18n/messages';
import type { ComplianceAnswer } from '../resolvers/compliance';
import { IssueLink } from './issue-link';

interface AtRiskTableProps {
  atRisk: ComplianceAnswer['atRisk'];
  t: Messages;
  /** A due time as the viewer reads it (their time zone and locale). */
  dateText: (at: number | null) => string;
}

/** The compliance gadget's tickets breached or breaching soon: due time, risk and assignee. */
export function AtRiskTable({ atRisk, t, dateText }: AtRiskTableProps) {
  return (
    <>
      <Heading size="small">{t.atRisk}</Heading>
      {atRisk.length === 0 ? (
        <Text>{t.noneAtRisk}</Text>
      ) : (
        <DynamicTable
          head={{ cells: [{ key: 'ticket', content: t.ticket }, { key: 'due', content: t.due }, { key: 'risk', content: t.risk }, { key: 'assignee', content: t.assignee }] }}
          rows={atRisk.map((r) => ({
            key: r.key,
            cells: [
              { key: 'ticket', content: <IssueLink issueKey={r.key} /> },
              { key: 'due', content: dateText(r.due) },
              { key: 'risk', content: <Lozenge appearance={r.risk === 'breached' ? 'removed' : 'moved'}>{r.risk === 'breached' ? t.breached : t.soon}</Lozenge> },
              { key: 'assignee', content: r.assigneeName ?? (r.assignee ? t.unknownUser : '—') },
            ],
          }))}
        />
      )}
    </>
  );
}
