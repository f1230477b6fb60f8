import { DynamicTable, Inline, Lozenge, Text } from '@forge/react';
import { formatPercent } from '../i18n/messages';
import type { MarketMessages } from '../i18n/market-messages';
import type { GroupSignals } from '../../../core';
import { IssueLink } from './issue-link';

/**
 * The gaming signals of the period per team: each signal that found a case, its share against its threshold, whether
 * it is flagged, and its example tickets as links (the strongest cases first).
 */
export function ScorecardSignals({ groups, m, locale }: { groups: readonly GroupSignals[]; m: MarketMessages; locale: string | undefined }) {
  const rows = groups.flatMap(({ group, signals }) => signals.filter((s) => s.count > 0).map((s) => ({ group, s })));
  if (rows.length === 0) return null;
  return (
    <DynamicTable
      caption={m.signalsTitle}
      head={{ cells: [{ key: 'team', content: m.team }, { key: 'signal', content: m.signal }, { key: 'share', content: m.share }, { key: 'flag', content: m.flagged }, { key: 'examples', content: m.examples }] }}
      rows={rows.map(({ group, s }) => ({
        key: `${group}:${s.signal}`,
        cells: [
          { key: 'team', content: group || m.noTeam },
          { key: 'signal', content: `${s.signal} ${m.signalNames[s.signal]}` },
          { key: 'share', content: `${formatPercent(s.share, locale)} (${s.count}/${s.of})` },
          { key: 'flag', content: <Lozenge appearance={s.flagged ? 'moved' : 'default'}>{s.flagged ? m.flagged : m.notFlagged}</Lozenge> },
          { key: 'examples', content: s.examples.length === 0 ? <Text>—</Text> : <Inline space="space.050">{s.examples.map((key) => <IssueLink key={key} issueKey={key} />)}</Inline> },
        ],
      }))}
    />
  );
}
