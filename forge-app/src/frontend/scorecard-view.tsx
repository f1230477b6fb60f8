import { BarChart, DynamicTable, Heading, Inline, LineChart, Lozenge, SectionMessage, Spinner, Stack, Text } from '@forge/react';
import { formatPercent, type Messages } from '../i18n/messages';
import { marketMessagesFor } from '../i18n/market-messages';
import type { scorecardData } from '../resolvers/scorecard';
import type { ScorecardNodeView } from '../resolvers/scorecard-node-view';
import { projectList } from './compliance-view';
import { gadgetConfigurationOf } from './gadget-configuration';
import { useAppContext, useResolver } from './hooks';
import { ScorecardPayTable } from './scorecard-pay-table';
import { ScorecardSignals } from './scorecard-signals';
import { treeRows } from './scorecard-tree-rows';
import { UnlicensedMessage } from './unlicensed';

export interface ScorecardGadgetConfig {
  scorecardId?: string;
  projects?: string;
  month?: string;
  /** month (default), quarter, year or ytd: the period holding the month. */
  period?: string;
  /** `kpiId=source` lines; they override the sources the admin set on the scorecard. */
  sources?: string;
}

type Answer = Awaited<ReturnType<typeof scorecardData>> | { error: 'FORBIDDEN'; message: string };
type Card = Exclude<Answer, { error: string }>;

const parseSources = (text: string | undefined): Record<string, string> =>
  Object.fromEntries(
    (text ?? '').split('\n').map((line) => line.split('=').map((s) => s.trim())).filter((p): p is [string, string] => p.length === 2 && p[0] !== '' && p[1] !== ''),
  );

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

/** The scorecard gadget: the objective tree with each KPI's method, actual, target, score and RAG; pay, advice, alerts. */
export function ScorecardGadget() {
  const { context, t, locale } = useAppContext();
  const config = gadgetConfigurationOf<ScorecardGadgetConfig>(context);
  const ready = context !== undefined && config?.scorecardId !== undefined;
  const sources = parseSources(config?.sources);
  const data = useResolver<Answer>(
    'getScorecard',
    ready ? { scorecardId: config.scorecardId, projects: projectList(config.projects), ...(Object.keys(sources).length > 0 ? { sources } : {}), ...(config.month ? { month: config.month } : {}), ...(config.period ? { period: config.period } : {}) } : undefined,
  );
  if (context === undefined) return <Spinner label={t.loading} />;
  if (!ready) return <SectionMessage appearance="information"><Text>{t.configure}</Text></SectionMessage>;
  if (data.status === 'loading') return <Spinner label={t.loading} />;
  if (data.status === 'unlicensed') return <UnlicensedMessage t={t} />;
  if (data.status === 'error') return <SectionMessage appearance="error" title={t.error}><Text>{data.message}</Text></SectionMessage>;
  if ('error' in data.data) {
    if (data.data.error === 'INVALID_MONTH') return <SectionMessage appearance="error"><Text>{t.invalidMonth}</Text></SectionMessage>;
    if (data.data.error === 'INVALID_ACTUAL') return <SectionMessage appearance="error"><Text>{`${t.invalidActual} ${data.data.message}`}</Text></SectionMessage>;
    if (data.data.error === 'INVALID_PERIOD') return <SectionMessage appearance="error"><Text>{`${t.invalidPeriod} ${data.data.message}`}</Text></SectionMessage>;
    if (data.data.error === 'INVALID_SOURCE') return <SectionMessage appearance="error"><Text>{`${t.invalidSource} ${data.data.message}`}</Text></SectionMessage>;
    return <SectionMessage appearance="warning"><Text>{data.data.error === 'FORBIDDEN' ? t.forbidden : t.configure}</Text></SectionMessage>;
  }
  return <ScorecardTreeView card={data.data} t={t} locale={locale} />;
}

function ScorecardTreeView({ card, t, locale }: { card: Card; t: Messages; locale: string | undefined }) {
  const nodes = nodesOf(card.tree);
  const m = marketMessagesFor(locale);
  const names = new Map(nodes.flatMap((n) => n.kpis).map((k) => [k.id, k.name]));
  const cardNames = new Map(nodes.map((n) => [n.id, n.name]));
  const paid = nodes.filter((n) => n.payout !== null);
  const alerts = nodes.flatMap((n) => n.alerts);
  const pillars = card.tree.pillars;
  // Periods with no score (nothing measured, or greyed) are left out of the line rather than drawn as 0.
  const scoredTrend = card.trend.filter((p) => p.score !== null).map((p) => ({ period: p.period, score: Math.round(p.score! * 1000) / 10 }));
  return (
    <Stack space="space.200">
      <Inline space="space.100" alignBlock="center">
        <Heading size="medium">{`${card.name} · ${card.period === 'month' ? card.periodKey : `${t.scorecardPeriods[card.period]} ${card.periodKey}`}`}</Heading>
        <Lozenge appearance="default">{card.tree.greyed ? t.greyed : `${t.overall} ${formatPercent(card.overall, locale)}`}</Lozenge>
      </Inline>
      <BarChart
        data={(['speed', 'accuracy', 'satisfaction'] as const).map((pillar) => ({ pillar, achievement: pillars[pillar] === null ? 0 : Math.round(pillars[pillar] * 1000) / 10 }))}
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
