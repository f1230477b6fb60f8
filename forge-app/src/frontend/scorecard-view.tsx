import { BarChart, DynamicTable, Heading, Inline, Lozenge, SectionMessage, Spinner, Stack, Text } from '@forge/react';
import { formatPercent } from '../i18n/messages';
import type { scorecardData } from '../resolvers/scorecard';
import { projectList } from './compliance-view';
import { useAppContext, useResolver } from './hooks';

export interface ScorecardGadgetConfig {
  scorecardId?: string;
  projects?: string;
  month?: string;
  /** `kpiId=source` lines. */
  sources?: string;
}

type Answer = Awaited<ReturnType<typeof scorecardData>> | { error: 'FORBIDDEN'; message: string };

const RAG_APPEARANCE = { GREEN: 'success', AMBER: 'moved', RED: 'removed' } as const;

export const parseSources = (text: string | undefined): Record<string, string> =>
  Object.fromEntries(
    (text ?? '').split('\n').map((line) => line.split('=').map((s) => s.trim())).filter((p): p is [string, string] => p.length === 2 && p[0] !== '' && p[1] !== ''),
  );

export function ScorecardGadget() {
  const { context, t, locale } = useAppContext();
  const config = context?.extension?.gadgetConfiguration as ScorecardGadgetConfig | undefined;
  const ready = context !== undefined && config?.scorecardId !== undefined;
  const data = useResolver<Answer>(
    'getScorecard',
    ready ? { scorecardId: config.scorecardId, projects: projectList(config.projects), sources: parseSources(config.sources), ...(config.month ? { month: config.month } : {}) } : undefined,
  );
  if (context === undefined) return <Spinner label={t.loading} />;
  if (!ready) return <SectionMessage appearance="information"><Text>{t.configure}</Text></SectionMessage>;
  if (data.status === 'loading') return <Spinner label={t.loading} />;
  if (data.status === 'error') return <SectionMessage appearance="error" title={t.error}><Text>{data.message}</Text></SectionMessage>;
  if ('error' in data.data) {
    if (data.data.error === 'INVALID_MONTH') return <SectionMessage appearance="error"><Text>{t.invalidMonth}</Text></SectionMessage>;
    return <SectionMessage appearance="warning"><Text>{data.data.error === 'FORBIDDEN' ? t.forbidden : t.configure}</Text></SectionMessage>;
  }
  const card = data.data;
  const names = new Map(card.kpis.map((k) => [k.id, k.name]));
  return (
    <Stack space="space.200">
      <Inline space="space.100" alignBlock="center">
        <Heading size="medium">{`${card.name} · ${card.month}`}</Heading>
        <Lozenge appearance="default">{`${t.overall} ${formatPercent(card.overall, locale)}`}</Lozenge>
      </Inline>
      <BarChart
        data={(['speed', 'accuracy', 'satisfaction'] as const).map((pillar) => ({ pillar, achievement: card.pillars[pillar] === null ? 0 : Math.round(card.pillars[pillar] * 1000) / 10 }))}
        xAccessor="pillar"
        yAccessor="achievement"
      />
      <DynamicTable
        head={{ cells: [{ key: 'kpi', content: t.kpi }, { key: 'actual', content: t.actual }, { key: 'target', content: t.target }, { key: 'rag', content: t.rag }] }}
        rows={card.kpis.map((k) => ({
          key: k.id,
          cells: [
            { key: 'kpi', content: k.name },
            { key: 'actual', content: k.actual === null ? '—' : `${Math.round(k.actual * 10) / 10} ${k.unit}` },
            { key: 'target', content: `${k.target} ${k.unit}` },
            { key: 'rag', content: k.status === null ? '—' : <Lozenge appearance={RAG_APPEARANCE[k.status]}>{k.status}</Lozenge> },
          ],
        }))}
      />
      {card.alerts.map((alert) => (
        <SectionMessage key={alert.kpiId} appearance="warning" title={t.gaming}>
          <Text>{t.gamingText(names.get(alert.kpiId) ?? alert.kpiId, names.get(alert.guardId) ?? alert.guardId)}</Text>
        </SectionMessage>
      ))}
    </Stack>
  );
}
