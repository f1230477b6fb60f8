import { BarChart, DynamicTable, Heading, Inline, LineChart, Lozenge, SectionMessage, Stack, Text } from '@forge/react';
import { formatPercent, formatPeriod, type Messages } from '../i18n/messages';
import type { scorecardData } from '../resolvers/scorecard';
import type { ScorecardNodeView } from '../resolvers/scorecard-node-view';
import { marketMessagesFor } from '../i18n/market-messages';
import { ScorecardPayTable } from './scorecard-pay-table';
import { ScorecardSignals } from './scorecard-signals';
import { treeRows } from './scorecard-tree-rows';

type Card = Exclude<Awaited<ReturnType<typeof scorecardData>>, { error: string }>;

/** A design note in the viewer's language, from its code (the core's English text is for logs). */
function noteText(note: Card['notes'][number], t: Messages, cards: ReadonlyMap<string, string>, kpis: ReadonlyMap<string, string>): string {
  const kpi = kpis.get(note.kpiId ?? '') ?? note.kpiId ?? '';
  switch (note.code) {
    case 'TOO_MANY_KPIS':
      return t.noteTexts.TOO_MANY_KPIS(cards.get(note.scorecardId) ?? note.scorecardId, note.count ?? 0);
    case 'KPI_WITHOUT_OWNER':
      return t.noteTexts.KPI_WITHOUT_OWNER(kpi);
    case 'SPEED_KPI_UNGUARDED':
      return t.noteTexts.SPEED_KPI_UNGUARDED(kpi);
  }
}

const nodesOf = (node: ScorecardNodeView): ScorecardNodeView[] => [node, ...node.children.flatMap(nodesOf)];

/** One scorecard for its period: overall score, pillars, trend, the objective tree's table, pay, design notes, gaming alerts. */
export function ScorecardTreeView({ card, t, locale }: { card: Card; t: Messages; locale: string | undefined }) {
  const nodes = nodesOf(card.tree);
  const m = marketMessagesFor(locale);
  const names = new Map(nodes.flatMap((n) => n.kpis).map((k) => [k.id, k.name]));
  const cardNames = new Map(nodes.map((n) => [n.id, n.name]));
  const paid = nodes.filter((n) => n.payout !== null);
  const alerts = nodes.flatMap((n) => n.alerts);
  const pillars = card.tree.pillars;
  // Periods with no score (nothing measured, or greyed) are left out of the line rather than drawn as 0.
  const scoredTrend = card.trend.filter((p) => p.score !== null).map((p) => ({ period: formatPeriod(p.period, locale), score: Math.round(p.score! * 1000) / 10 }));
  return (
    <Stack space="space.200">
      <Inline space="space.100" alignBlock="center">
        <Heading size="medium">{`${card.name} · ${t.periodTitle(card.period, card.periodKey)}`}</Heading>
        <Lozenge appearance="default">{card.tree.greyed ? t.greyed : `${t.overall} ${formatPercent(card.overall, locale)}`}</Lozenge>
      </Inline>
      <BarChart
        data={(['speed', 'accuracy', 'satisfaction'] as const).map((pillar) => ({ pillar: t.pillarNames[pillar], achievement: pillars[pillar] === null ? 0 : Math.round(pillars[pillar] * 1000) / 10 }))}
        xAccessor="pillar"
        yAccessor="achievement"
      />
      {scoredTrend.length > 1 && <LineChart title={t.scoreTrend} data={scoredTrend} xAccessor="period" yAccessor="score" />}
      <DynamicTable
        head={{ cells: [{ key: 'item', content: t.item }, { key: 'method', content: t.method }, { key: 'actual', content: t.actual }, { key: 'target', content: t.target }, { key: 'score', content: t.score }, { key: 'part', content: t.part }, { key: 'rag', content: t.rag }] }}
        rows={treeRows(card.tree, 0, t, locale)}
      />
      {paid.length > 0 && <ScorecardPayTable paid={paid} reviews={card.reviews} t={t} m={m} locale={locale} />}
      <ScorecardSignals groups={card.signals} m={m} locale={locale} />
      {card.notes.length > 0 && (
        <SectionMessage appearance="information" title={t.notes}>
          {card.notes.map((note) => (
            <Text key={`${note.code}:${note.scorecardId}:${note.kpiId ?? ''}`}>{noteText(note, t, cardNames, names)}</Text>
          ))}
        </SectionMessage>
      )}
      {alerts.map((alert) => (
        <SectionMessage key={`${alert.kpiId}:${alert.guardId}`} appearance="warning" title={t.gaming}>
          <Text>{t.gamingText(names.get(alert.kpiId) ?? alert.kpiId, names.get(alert.guardId) ?? alert.guardId)}</Text>
        </SectionMessage>
      ))}
    </Stack>
  );
}
