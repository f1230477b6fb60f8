import { DonutChart, DynamicTable, EmptyState, Heading, Inline, LineChart, Lozenge, SectionMessage, Spinner, Stack, Text } from '@forge/react';
import { complianceRag, complianceTargetOf, type ComplianceTarget } from '../../../core';
import { formatCount, formatInstant, formatPercent, formatPeriod } from '../i18n/messages';
import type { TrendPeriod } from '../model/periods';
import type { ComplianceAnswer, ComplianceQuery, ComplianceResult } from '../resolvers/compliance';
import { AtRiskTable } from './compliance-at-risk-table';
import { complianceCsv } from './compliance-csv';
import { CsvExport } from './csv-export';
import { CycleListPanel } from './cycle-list-panel';
import { gadgetConfigurationOf } from './gadget-configuration';
import { useAppContext, useResolver } from './hooks';
import { refusalText, UnlicensedMessage } from './unlicensed';

export interface ComplianceGadgetConfig {
  /** `policy` (default): an app policy by id; `jsm`: JSM's own SLA metric by name. */
  source?: string;
  policyId?: string;
  jsmMetric?: string;
  /** `projects` (default) or `jql`. */
  scope?: string;
  projects?: string;
  jql?: string;
  groupBy?: string;
  period?: string;
  periods?: string;
}

const APPEARANCE = { green: 'success', amber: 'moved', red: 'removed' } as const;

/** RAG against the policy's agreed level and amber margin (95 % and 85 % for a policy that sets neither). */
export const complianceAppearance = (ratio: number | null, target: ComplianceTarget = complianceTargetOf(undefined)) => {
  const rag = complianceRag(ratio, target);
  return rag === null ? 'default' : APPEARANCE[rag];
};

export const projectList = (text: string | undefined): string[] =>
  (text ?? '').split(',').map((p) => p.trim().toUpperCase()).filter(Boolean);

/** The resolver query a saved configuration asks for; undefined until it names an SLA (and a JQL, when scoped by JQL). */
function complianceQueryOf(config: ComplianceGadgetConfig | undefined): ComplianceQuery | undefined {
  if (!config) return undefined;
  const jsm = config.source === 'jsm';
  const policyId = jsm ? (config.jsmMetric?.trim() ? `jsm:${config.jsmMetric.trim()}` : undefined) : config.policyId;
  if (!policyId) return undefined;
  const byJql = config.scope === 'jql';
  if (byJql && !config.jql?.trim()) return undefined;
  const period: TrendPeriod = config.period === 'month' || config.period === 'quarter' ? config.period : 'week';
  return {
    policyId,
    ...(byJql ? { scope: 'jql' as const, jql: config.jql!.trim() } : { scope: 'projects' as const, projects: projectList(config.projects) }),
    groupBy: (config.groupBy || null) as ComplianceQuery['groupBy'],
    period,
    periods: Number(config.periods) || 12,
  };
}

export function ComplianceGadget() {
  const { context, t, locale } = useAppContext();
  const config = gadgetConfigurationOf<ComplianceGadgetConfig>(context);
  const query = context === undefined ? undefined : complianceQueryOf(config);
  const data = useResolver<ComplianceResult | { error: string; message?: string }>('getCompliance', query);
  if (context === undefined) return <Spinner label={t.loading} />;
  if (!query) return <SectionMessage appearance="information"><Text>{t.configure}</Text></SectionMessage>;
  if (data.status === 'loading') return <Spinner label={t.loading} />;
  if (data.status === 'unlicensed') return <UnlicensedMessage t={t} />;
  if (data.status === 'error') return <SectionMessage appearance="error" title={t.error}><Text>{data.message}</Text></SectionMessage>;
  if ('error' in data.data) {
    if (data.data.error === 'INVALID_JQL') return <SectionMessage appearance="error" title={t.invalidJql}><Text>{data.data.message ?? ''}</Text></SectionMessage>;
    // A refusal in the user's language; a bad query or a Jira failure says what it is (Jira's own text stays in the log).
    return <SectionMessage appearance="warning"><Text>{refusalText(data.data, t)}</Text></SectionMessage>;
  }
  const answer: ComplianceAnswer = data.data;
  const { total, trend, atRisk, groups } = answer;
  // An answer without a target (a resolver older than agreed levels) keeps the old fixed 95 % / 85 %.
  const target = answer.target ?? complianceTargetOf(undefined);
  const trendTitle = answer.period === 'month' ? t.monthlyTrend : answer.period === 'quarter' ? t.quarterlyTrend : t.weeklyTrend;
  const measured = total.met + total.breached + total.ongoingBreached;
  // Due times in the viewer's own time zone and locale (Jira's profile setting, from the product context).
  const dateText = (at: number | null) => (at === null ? '—' : formatInstant(at, locale, context.timezone));
  return (
    <Stack space="space.200">
      {answer.truncated && (
        <SectionMessage appearance="warning">
          <Text>{t.truncated(formatCount(answer.issueLimit, locale))}</Text>
        </SectionMessage>
      )}
      <Inline space="space.100" alignBlock="center">
        <Heading size="large">{formatPercent(total.compliance, locale)}</Heading>
        <Lozenge appearance={complianceAppearance(total.compliance, target)}>{t.compliance}</Lozenge>
      </Inline>
      <Text>{t.agreedLevel(formatPercent(target.level, locale), formatPercent(target.amberFrom, locale))}</Text>
      {measured === 0 ? (
        <EmptyState header={t.noData} />
      ) : (
        <Stack space="space.200">
          <Text>{`${t.met}: ${formatCount(total.met, locale)} · ${t.breached}: ${formatCount(total.breached, locale)} · ${t.openBreached}: ${formatCount(total.ongoingBreached, locale)}`}</Text>
          <DonutChart
            data={[
              { label: t.met, value: total.met },
              { label: t.breached, value: total.breached + total.ongoingBreached },
            ]}
            colorAccessor="label"
            labelAccessor="label"
            valueAccessor="value"
          />
          <LineChart title={trendTitle} data={trend.map((p) => ({ period: formatPeriod(p.period, locale), compliance: Math.round(p.compliance * 1000) / 10 }))} xAccessor="period" yAccessor="compliance" />
          {groups.length > 0 && (
            <DynamicTable
              head={{ cells: [{ key: 'group', content: t.groupBy }, { key: 'c', content: t.compliance }] }}
              rows={groups.map((g) => ({ key: `g-${g.key}`, cells: [{ key: 'group', content: g.key || '—' }, { key: 'c', content: <Lozenge appearance={complianceAppearance(g.compliance, target)}>{formatPercent(g.compliance, locale)}</Lozenge> }] }))}
            />
          )}
        </Stack>
      )}
      <AtRiskTable atRisk={atRisk} t={t} dateText={dateText} />
      <CycleListPanel policyId={query.policyId} projects={answer.projects} t={t} locale={locale} dateText={dateText} />
      <CsvExport csv={complianceCsv(answer, t)} t={t} />
    </Stack>
  );
}
