import { type InternalMarket, minorUnitsOf, type OlaServiceRow, type StatementTotal } from '../../core/market';
import { localeTagOf } from '../../core/i18n';
import { table } from './text';
import type { ReportWords } from './words';

/** The internal market's tables as rows of text cells, header first, in the report's language: the text report and the HTML page draw them. */

const amountFormat = (currency: string, w: ReportWords) => {
  const digits = minorUnitsOf(currency) ?? 2;
  return new Intl.NumberFormat(localeTagOf(w.language), { minimumFractionDigits: digits, maximumFractionDigits: digits });
};

const nameOrNone = (name: string, w: ReportWords): string => name || w.noValue;
const hoursOf = (minutes: number | null, w: ReportWords): string => (minutes === null ? w.none : w.hours(minutes / 60));

export function statementRows(m: InternalMarket, w: ReportWords, lines = m.statements): string[][] {
  const money = amountFormat(m.currency, w);
  return [
    w.market.statementHeaders,
    ...lines.map((l) => [
      w.monthName(l.period), nameOrNone(l.customer, w), l.service, l.provider, w.count(l.requests), w.count(l.met), w.count(l.breached),
      w.percent(l.compliance), w.percent(l.agreed), money.format(l.charge), w.percent(l.creditRate), money.format(l.credit), money.format(l.net),
    ]),
  ];
}

export function totalRows(m: InternalMarket, who: 'customer' | 'provider', totals: readonly StatementTotal[], w: ReportWords): string[][] {
  const money = amountFormat(m.currency, w);
  return [
    w.market.totalsHeaders(who),
    ...totals.map((t) => [w.monthName(t.period), nameOrNone(t.name, w), w.count(t.requests), money.format(t.charge), money.format(t.credit), money.format(t.net)]),
  ];
}

export function olaRows(service: OlaServiceRow, w: ReportWords, owners = service.owners): string[][] {
  return [
    w.market.olaHeaders,
    ...owners.map((o) => [
      nameOrNone(o.owner, w), hoursOf(o.budgetMinutes, w), w.count(o.cycles), w.percent(o.withinBudget), hoursOf(o.heldMedian, w), hoursOf(o.heldP90, w), w.count(o.breachesAttributed),
    ]),
  ];
}

export const olaTitle = (s: OlaServiceRow, w: ReportWords): string => w.market.olaTitle(s.service, s.provider, s.ownerField);

export const olaSummary = (s: OlaServiceRow, w: ReportWords): string => w.market.olaSummary(w.count(s.cycles), w.count(s.breached), w.count(s.unallocated));

/** The text report shows the latest periods and the busiest owners; the HTML page, --json and --statement show all. */
const TEXT_PERIODS = 2;
const TEXT_OWNERS = 12;

/** The owners with a budget, then the others, each by cycles held (most first), up to `TEXT_OWNERS`. */
const shownOwners = (s: OlaServiceRow) =>
  [...s.owners].sort((a, b) => Number(b.budgetMinutes !== null) - Number(a.budgetMinutes !== null) || b.cycles - a.cycles).slice(0, TEXT_OWNERS);

/** The Internal market section of the text report (`--catalogue`): statement, totals, an OLA table per service. */
export function renderMarket(m: InternalMarket, w: ReportWords): string[] {
  const periods = [...new Set(m.statements.map((l) => l.period))].slice(-TEXT_PERIODS);
  const recent = <T extends { period: string }>(rows: readonly T[]) => rows.filter((r) => periods.includes(r.period));
  const lines = recent(m.statements);
  const left = m.statements.length - lines.length;
  return [
    w.market.title(m.currency, left ? w.count(periods.length) : null),
    ...(m.statements.length ? table(statementRows(m, w, lines), 'llllrrrrrrrrr') : [`  ${w.market.noLines}`]),
    ...(left ? [`  ${w.market.earlierLines(w.count(left))}`] : []),
    '',
    w.market.customerTotals,
    ...table(totalRows(m, 'customer', recent(m.totals.customers), w), 'llrrrr'),
    '',
    w.market.providerTotals,
    ...table(totalRows(m, 'provider', recent(m.totals.providers), w), 'llrrrr'),
    ...m.ola.flatMap((s) => {
      const owners = shownOwners(s);
      const more = s.owners.length - owners.length;
      return ['', olaTitle(s, w), ...table(olaRows(s, w, owners), 'lrrrrrr'), ...(more ? [`  ${w.market.moreOwners(w.count(more))}`] : []), `  ${olaSummary(s, w)}`];
    }),
    '',
    ...w.market.notes,
    '',
  ];
}
