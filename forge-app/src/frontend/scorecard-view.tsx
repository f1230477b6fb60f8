import { SectionMessage, Spinner, Text } from '@forge/react';
import type { scorecardData } from '../resolvers/scorecard';
import { projectList } from './compliance-view';
import { gadgetConfigurationOf } from './gadget-configuration';
import { useAppContext, useResolver } from './hooks';
import { ScorecardTreeView } from './scorecard-tree-view';
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

const parseSources = (text: string | undefined): Record<string, string> =>
  Object.fromEntries(
    (text ?? '').split('\n').map((line) => line.split('=').map((s) => s.trim())).filter((p): p is [string, string] => p.length === 2 && p[0] !== '' && p[1] !== ''),
  );

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
