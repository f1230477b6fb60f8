import { DynamicTable, Inline, Lozenge, Text } from '@forge/react';
import { formatNumber, formatPercent, type Messages } from '../i18n/messages';
import type { MarketMessages } from '../i18n/market-messages';
import type { ScorecardNodeView } from '../resolvers/scorecard-node-view';
import type { PayReview } from '../../../core';
import { IssueLink } from './issue-link';

interface PayTableProps {
  paid: readonly ScorecardNodeView[];
  reviews: readonly PayReview[];
  t: Messages;
  m: MarketMessages;
  locale: string | undefined;
}

/** A pay line's review notes: each flagged signal with its example tickets as links; the payout itself is unchanged. */
function ReviewCell({ review, m }: { review: PayReview | undefined; m: MarketMessages }) {
  if (review === undefined) return null;
  return (
    <>
      {review.notes.map((note) => (
        <Inline key={`${note.signal}:${note.group}`} space="space.050" alignBlock="center">
          <Lozenge appearance="moved">{m.reviewNote(`${note.signal} ${m.signalNames[note.signal]}`, note.group)}</Lozenge>
          {note.examples.slice(0, 3).map((key) => <IssueLink key={key} issueKey={key} />)}
        </Inline>
      ))}
    </>
  );
}

/** The pay table: person, score, pay, and "review before paying" where a flagged signal reaches the line. */
export function ScorecardPayTable({ paid, reviews, t, m, locale }: PayTableProps) {
  const byCard = new Map(reviews.map((r) => [r.scorecardId, r]));
  return (
    <DynamicTable
      caption={t.kpiPay}
      head={{ cells: [{ key: 'person', content: t.person }, { key: 'score', content: t.score }, { key: 'pay', content: t.pay }, { key: 'review', content: m.review }] }}
      rows={paid.map((n) => ({
        key: n.id,
        cells: [
          { key: 'person', content: n.owner === null ? n.name : `${n.name} (${n.owner})` },
          { key: 'score', content: formatPercent(n.score, locale) },
          { key: 'pay', content: formatNumber(n.payout!, locale) },
          { key: 'review', content: byCard.has(n.id) ? <ReviewCell review={byCard.get(n.id)} m={m} /> : <Text>—</Text> },
        ],
      }))}
    />
  );
}
