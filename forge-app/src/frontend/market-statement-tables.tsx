import { DynamicTable, Heading, Stack } from '@forge/react';
import { formatCount, formatNumber, formatPercent } from '../i18n/messages';
import type { MarketMessages } from '../i18n/market-messages';
import type { MarketStatement } from '../resolvers/market-statement';

interface TablesProps {
  statement: MarketStatement;
  m: MarketMessages;
  locale: string | undefined;
}

const amountCells = (row: { charge: number; credit: number; net: number }, locale: string | undefined) => [
  { key: 'charge', content: formatNumber(row.charge, locale) },
  { key: 'credit', content: formatNumber(row.credit, locale) },
  { key: 'net', content: formatNumber(row.net, locale) },
];

const amountHead = (m: MarketMessages) => [{ key: 'charge', content: m.charge }, { key: 'credit', content: m.credit }, { key: 'net', content: m.net }];

/** One line per internal customer and service: requests, compliance against the agreed level, charge, credit, net. */
export function StatementLines({ statement, m, locale }: TablesProps) {
  const head = [{ key: 'customer', content: m.customer }, { key: 'service', content: m.service }, { key: 'provider', content: m.provider }, { key: 'requests', content: m.requests }, { key: 'compliance', content: m.compliance }, ...amountHead(m)];
  return (
    <DynamicTable
      head={{ cells: head }}
      rows={statement.lines.map((line) => ({
        key: `line-${line.customer}-${line.service}`,
        cells: [
          { key: 'customer', content: line.customer || m.noCustomer },
          { key: 'service', content: line.service },
          { key: 'provider', content: line.provider },
          { key: 'requests', content: formatCount(line.requests, locale) },
          { key: 'compliance', content: `${formatPercent(line.compliance, locale)} (${m.agreed} ${formatPercent(line.agreed, locale)})` },
          ...amountCells(line, locale),
        ],
      }))}
    />
  );
}

/** The sums of the rounded lines per customer and per provider. */
export function StatementTotals({ statement, m, locale }: TablesProps) {
  const table = (title: string, nameHead: string, totals: MarketStatement['totals']['customers']) => (
    <Stack space="space.100">
      <Heading size="xsmall">{title}</Heading>
      <DynamicTable
        head={{ cells: [{ key: 'name', content: nameHead }, { key: 'requests', content: m.requests }, ...amountHead(m)] }}
        rows={totals.map((total) => ({
          key: `total-${total.name}`,
          cells: [{ key: 'name', content: total.name || m.noCustomer }, { key: 'requests', content: formatCount(total.requests, locale) }, ...amountCells(total, locale)],
        }))}
      />
    </Stack>
  );
  return (
    <Stack space="space.200">
      {table(m.byCustomer, m.customer, statement.totals.customers)}
      {table(m.byProvider, m.provider, statement.totals.providers)}
    </Stack>
  );
}
