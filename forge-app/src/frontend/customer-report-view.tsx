import { DynamicTable, EmptyState, Heading, Lozenge, SectionMessage, Spinner, Stack, Text } from '@forge/react';
import { formatCount, formatPercent, formatPeriod, type Messages } from '../i18n/messages';
import type { CustomerReport, CustomerReportQuery } from '../resolvers/customers';
import { complianceAppearance, projectList } from './compliance-view';
import { toCsv } from '../../../core';
import { CsvExport } from './csv-export';
import { gadgetConfigurationOf } from './gadget-configuration';
import { useAppContext, useResolver } from './hooks';
import { refusalText, UnlicensedMessage } from './unlicensed';

export interface CustomerReportConfig {
  policyId?: string;
  projects?: string;
  months?: string;
}

function customerQueryOf(config: CustomerReportConfig | undefined): CustomerReportQuery | undefined {
  if (!config?.policyId) return undefined;
  return { policyId: config.policyId, projects: projectList(config.projects), months: Number(config.months) || 3 };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The report as CSV: one row per internal customer. */
function customerCsv(report: CustomerReport, t: Messages): string {
  return toCsv(
    ['organization', 'met', 'breached', 'compliance', 'rag', 'median_tat_hours', 'resolved', 'inps', 'inps_answers'],
    report.rows.map((r) => [r.organization || t.noOrganization, r.met, r.breached, r.compliance === null ? null : Math.round(r.compliance * 10_000) / 10_000, r.rag, r.medianTatHours === null ? null : round1(r.medianTatHours), r.resolved, r.inps === null ? null : round1(r.inps), r.answers]),
  );
}

/**
 * "By internal customer": the back office's service report per JSM organization: SLA compliance coloured against the
 * policy's agreed level, median turnaround and iNPS.
 */
export function CustomerReportGadget() {
  const { context, t, locale } = useAppContext();
  const query = context === undefined ? undefined : customerQueryOf(gadgetConfigurationOf<CustomerReportConfig>(context));
  const data = useResolver<CustomerReport | { error: string; message?: string }>('getCustomerReport', query);
  if (context === undefined) return <Spinner label={t.loading} />;
  if (!query) return <SectionMessage appearance="information"><Text>{t.configureCustomers}</Text></SectionMessage>;
  if (data.status === 'loading') return <Spinner label={t.loading} />;
  if (data.status === 'unlicensed') return <UnlicensedMessage t={t} />;
  if (data.status === 'error') return <SectionMessage appearance="error" title={t.error}><Text>{data.message}</Text></SectionMessage>;
  if ('error' in data.data) return <SectionMessage appearance="warning"><Text>{refusalText(data.data, t)}</Text></SectionMessage>;
  const report = data.data;
  const number = (n: number) => formatCount(round1(n), locale);
  return (
    <Stack space="space.200">
      <Heading size="small">{`${t.customerReport}: ${report.policyName} (${formatPeriod(report.months[0], locale)} – ${formatPeriod(report.months[report.months.length - 1], locale)})`}</Heading>
      <Text>{t.agreedLevel(formatPercent(report.target.level, locale), formatPercent(report.target.amberFrom, locale))}</Text>
      {report.rows.length === 0 ? (
        <EmptyState header={t.noCustomers} />
      ) : (
        <DynamicTable
          head={{ cells: [{ key: 'org', content: t.organization }, { key: 'c', content: t.compliance }, { key: 'tat', content: t.medianTat }, { key: 'inps', content: t.inps }] }}
          rows={report.rows.map((r) => ({
            key: `org-${r.organization}`,
            cells: [
              { key: 'org', content: r.organization || t.noOrganization },
              { key: 'c', content: <Lozenge appearance={complianceAppearance(r.compliance, report.target)}>{`${formatPercent(r.compliance, locale)} (${r.met}/${r.met + r.breached})`}</Lozenge> },
              { key: 'tat', content: r.medianTatHours === null ? '—' : t.hours(number(r.medianTatHours)) },
              { key: 'inps', content: r.inps === null ? '—' : `${number(r.inps)} · ${t.answers(r.answers)}` },
            ],
          }))}
        />
      )}
      <CsvExport csv={customerCsv(report, t)} t={t} />
    </Stack>
  );
}
