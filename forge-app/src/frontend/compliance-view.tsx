import { DonutChart, DynamicTable, EmptyState, Heading, Inline, LineChart, Lozenge, SectionMessage, Spinner, Stack, Text } from '@forge/react';
import { formatPercent } from '../i18n/messages';
import type { ComplianceAnswer } from '../resolvers/compliance';
import { useAppContext, useResolver } from './hooks';

export interface ComplianceGadgetConfig {
  policyId?: string;
  projects?: string;
  groupBy?: string;
  weeks?: string;
}

/** RAG against the usual 95 % SLA target: green at or above it, amber down to 85 %, red below. */
export const complianceAppearance = (ratio: number | null) =>
  ratio === null ? 'default' : ratio >= 0.95 ? 'success' : ratio >= 0.85 ? 'moved' : 'removed';

export const projectList = (text: string | undefined): string[] =>
  (text ?? '').split(',').map((p) => p.trim().toUpperCase()).filter(Boolean);

export function ComplianceGadget() {
  const { context, t, locale } = useAppContext();
  const config = context?.extension?.gadgetConfiguration as ComplianceGadgetConfig | undefined;
  const ready = context !== undefined && config?.policyId !== undefined;
  const data = useResolver<ComplianceAnswer | { error: string; message?: string }>(
    'getCompliance',
    ready ? { policyId: config!.policyId, projects: projectList(config!.projects), groupBy: config!.groupBy || null, weeks: Number(config!.weeks) || 12 } : undefined,
  );
  if (context === undefined) return <Spinner label={t.loading} />;
  if (!ready) return <SectionMessage appearance="information"><Text>{t.configure}</Text></SectionMessage>;
  if (data.status === 'loading') return <Spinner label={t.loading} />;
  if (data.status === 'error') return <SectionMessage appearance="error" title={t.error}><Text>{data.message}</Text></SectionMessage>;
  if ('error' in data.data) return <SectionMessage appearance="warning"><Text>{t.forbidden}</Text></SectionMessage>;
  const { total, trend, atRisk, groups } = data.data;
  const measured = total.met + total.breached + total.ongoingBreached;
  const dateText = (at: number | null) => (at === null ? '—' : new Date(at).toISOString().slice(0, 16).replace('T', ' '));
  return (
    <Stack space="space.200">
      <Inline space="space.100" alignBlock="center">
        <Heading size="large">{formatPercent(total.compliance, locale)}</Heading>
        <Lozenge appearance={complianceAppearance(total.compliance)}>{t.compliance}</Lozenge>
      </Inline>
      {measured === 0 ? (
        <EmptyState header={t.noData} />
      ) : (
        <Stack space="space.200">
          <Text>{`${t.met}: ${total.met} · ${t.breached}: ${total.breached} · ${t.openBreached}: ${total.ongoingBreached}`}</Text>
          <DonutChart
            data={[
              { label: t.met, value: total.met },
              { label: t.breached, value: total.breached + total.ongoingBreached },
            ]}
            colorAccessor="label"
            labelAccessor="label"
            valueAccessor="value"
          />
          <LineChart title={t.weeklyTrend} data={trend.map((p) => ({ week: p.week, compliance: Math.round(p.compliance * 1000) / 10 }))} xAccessor="week" yAccessor="compliance" />
          {groups.length > 0 && (
            <DynamicTable
              head={{ cells: [{ key: 'group', content: t.groupBy }, { key: 'c', content: t.compliance }] }}
              rows={groups.map((g) => ({ key: `g-${g.key}`, cells: [{ key: 'group', content: g.key || '—' }, { key: 'c', content: formatPercent(g.compliance, locale) }] }))}
            />
          )}
        </Stack>
      )}
      <Heading size="small">{t.atRisk}</Heading>
      {atRisk.length === 0 ? (
        <Text>{t.noneAtRisk}</Text>
      ) : (
        <DynamicTable
          head={{ cells: [{ key: 'ticket', content: t.ticket }, { key: 'due', content: t.due }, { key: 'risk', content: t.risk }, { key: 'assignee', content: t.assignee }] }}
          rows={atRisk.map((r) => ({
            key: r.key,
            cells: [
              { key: 'ticket', content: r.key },
              { key: 'due', content: dateText(r.due) },
              { key: 'risk', content: <Lozenge appearance={r.risk === 'breached' ? 'removed' : 'moved'}>{r.risk === 'breached' ? t.breached : t.soon}</Lozenge> },
              { key: 'assignee', content: r.assignee ?? '—' },
            ],
          }))}
        />
      )}
    </Stack>
  );
}
