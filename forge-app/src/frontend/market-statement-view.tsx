import { EmptyState, Heading, Label, SectionMessage, Select, Spinner, Stack, Text } from '@forge/react';
import { useState } from 'react';
import { marketMessagesFor } from '../i18n/market-messages';
import type { MarketStatementResult } from '../resolvers/market-statement';
import { projectList } from './compliance-view';
import { CsvExport } from './csv-export';
import { gadgetConfigurationOf } from './gadget-configuration';
import { useAppContext, useResolver } from './hooks';
import { MarketOlaSection } from './market-ola-view';
import { StatementLines, StatementTotals } from './market-statement-tables';
import { refusalText, UnlicensedMessage } from './unlicensed';

export interface MarketStatementConfig {
  projects?: string;
}

/** The last twelve `YYYY-MM` months of the viewer's clock, the current one first (the resolver uses the report zone). */
function recentMonths(now: number, count = 12): string[] {
  const date = new Date(now);
  return Array.from({ length: count }, (_, i) => {
    const index = date.getUTCFullYear() * 12 + date.getUTCMonth() - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * The internal market's statement of a month (docs/INTERNAL-MARKET.md, "Statement"): a line per internal customer
 * and service, totals per customer and per provider, and the statement file as CSV; below it, the OLA view per team
 * of the same month.
 */
export function MarketStatementGadget() {
  const { context, t, locale } = useAppContext();
  const m = marketMessagesFor(locale);
  const [month, setMonth] = useState<string | undefined>(undefined);
  const projects = projectList(gadgetConfigurationOf<MarketStatementConfig>(context)?.projects);
  const query = context === undefined || projects.length === 0 ? undefined : { projects, ...(month ? { month } : {}) };
  const data = useResolver<MarketStatementResult | { error: string; message?: string }>('getMarketStatement', query);
  if (context === undefined) return <Spinner label={t.loading} />;
  if (!query) return <SectionMessage appearance="information"><Text>{m.configure}</Text></SectionMessage>;
  if (data.status === 'loading') return <Spinner label={t.loading} />;
  if (data.status === 'unlicensed') return <UnlicensedMessage t={t} />;
  if (data.status === 'error') return <SectionMessage appearance="error" title={t.error}><Text>{data.message}</Text></SectionMessage>;
  const answer = data.data;
  if ('error' in answer) {
    const known: Record<string, string> = { NO_CATALOGUE: m.noCatalogue, INVALID_CATALOGUE: `${m.invalidCatalogue} ${answer.message}`, INVALID_JQL: `${m.invalidJql} ${answer.message}` };
    const text = known[answer.error] ?? refusalText(answer, t);
    return <SectionMessage appearance="warning"><Text>{text}</Text></SectionMessage>;
  }
  const options = recentMonths(Date.now()).map((value) => ({ label: value, value }));
  return (
    <Stack space="space.200">
      <Heading size="small">{m.statementOf(answer.month, answer.currency)}</Heading>
      {answer.truncated.length > 0 && <SectionMessage appearance="warning"><Text>{m.truncated(answer.truncated.join(', '))}</Text></SectionMessage>}
      <Label labelFor="month">{m.month}</Label>
      <Select inputId="month" options={options} value={options.find((o) => o.value === answer.month) ?? { label: answer.month, value: answer.month }} onChange={(o: { value: string }) => setMonth(o.value)} />
      {answer.lines.length === 0 ? <EmptyState header={m.noLines} /> : (
        <>
          <StatementLines statement={answer} m={m} locale={locale} />
          <StatementTotals statement={answer} m={m} locale={locale} />
          <CsvExport csv={answer.csv} t={t} />
        </>
      )}
      <MarketOlaSection query={{ projects: answer.projects, month: answer.month }} m={m} t={t} locale={locale} />
    </Stack>
  );
}
