import { DynamicTable, Heading, SectionMessage, Spinner, Stack, Text } from '@forge/react';
import { formatCount, formatMinutes, formatPercent, type Messages } from '../i18n/messages';
import type { MarketMessages } from '../i18n/market-messages';
import type { MarketOla, MarketOlaResult } from '../resolvers/market-ola';
import { useResolver } from './hooks';
import { refusalText } from './unlicensed';

interface OlaProps {
  /** The statement's projects and month: the OLA view reads the same stored cycles. */
  query: { projects: string[]; month: string };
  m: MarketMessages;
  t: Messages;
  locale: string | undefined;
}

type OlaService = MarketOla['services'][number];

/** One service's owners: budget, cycles held, share within budget, median and 90th percentile held, breaches attributed. */
function OwnerTable({ service, m, locale }: { service: OlaService; m: MarketMessages; locale: string | undefined }) {
  const head = [m.owner, m.budget, m.cyclesHeld, m.withinBudget, m.heldMedian, m.heldP90, m.breachesAttributed].map((content, i) => ({ key: `c${i}`, content }));
  return (
    <DynamicTable
      head={{ cells: head }}
      rows={service.owners.map((row) => ({
        key: `owner-${service.service}-${row.owner}`,
        cells: [
          row.owner || m.noOwner,
          row.budgetMinutes === null ? m.noBudget : formatMinutes(row.budgetMinutes, locale),
          formatCount(row.cycles, locale),
          formatPercent(row.withinBudget, locale),
          formatMinutes(row.heldMedian, locale),
          formatMinutes(row.heldP90, locale),
          formatCount(row.breachesAttributed, locale),
        ].map((content, i) => ({ key: `c${i}`, content })),
      }))}
    />
  );
}

/**
 * The OLA view per team beside the statement (docs/INTERNAL-MARKET.md, "OLA chain"): for each service with an OLA,
 * a table per owner and the breaches no owner went over budget in. Nothing when no service has an OLA.
 */
export function MarketOlaSection({ query, m, t, locale }: OlaProps) {
  const data = useResolver<MarketOlaResult | { error: string; message?: string }>('getMarketOla', query);
  if (data.status === 'loading') return <Spinner label={t.loading} />;
  if (data.status !== 'ready') return null;
  const answer = data.data;
  if ('error' in answer) return <SectionMessage appearance="warning"><Text>{refusalText(answer, t)}</Text></SectionMessage>;
  if (answer.services.length === 0) return null;
  return (
    <Stack space="space.200">
      <Heading size="small">{m.olaTitle(answer.month)}</Heading>
      {answer.unsplit > 0 && <SectionMessage appearance="information"><Text>{m.unsplit(formatCount(answer.unsplit, locale))}</Text></SectionMessage>}
      {answer.services.map((service) => (
        <Stack key={service.service} space="space.100">
          <Heading size="xsmall">{`${service.name} (${service.provider})`}</Heading>
          <Text>{m.olaSummary(formatCount(service.cycles, locale), formatCount(service.breached, locale))}</Text>
          <OwnerTable service={service} m={m} locale={locale} />
          <Text>{m.unallocated(formatCount(service.unallocated, locale))}</Text>
        </Stack>
      ))}
    </Stack>
  );
}
