import { type InternalMarket, minorUnitsOf, type OlaServiceRow, type StatementTotal } from '../../core/market';
import { formatCount, formatHours, formatPercent, table } from './text';

/** The internal market's tables as rows of text cells, header first: the text report and the HTML page draw them. */

const amountFormat = (currency: string) => {
  const digits = minorUnitsOf(currency) ?? 2;
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
};

const customerName = (customer: string): string => customer || '(none)';
const hoursOf = (minutes: number | null): string => (minutes === null ? 'none' : formatHours(minutes / 60));

export function statementRows(m: InternalMarket, lines = m.statements): string[][] {
  const money = amountFormat(m.currency);
  return [
    ['Period', 'Customer', 'Service', 'Provider', 'Requests', 'Met', 'Breached', 'Compliance', 'Agreed', 'Charge', 'Credit rate', 'Credit', 'Net'],
    ...lines.map((l) => [
      l.period, customerName(l.customer), l.service, l.provider, formatCount(l.requests), formatCount(l.met), formatCount(l.breached),
      formatPercent(l.compliance), formatPercent(l.agreed), money.format(l.charge), formatPercent(l.creditRate), money.format(l.credit), money.format(l.net),
    ]),
  ];
}

export function totalRows(m: InternalMarket, who: 'Customer' | 'Provider', totals: readonly StatementTotal[]): string[][] {
  const money = amountFormat(m.currency);
  return [
    ['Period', who, 'Requests', 'Charge', 'Credit', 'Net'],
    ...totals.map((t) => [t.period, customerName(t.name), formatCount(t.requests), money.format(t.charge), money.format(t.credit), money.format(t.net)]),
  ];
}

export function olaRows(service: OlaServiceRow, owners = service.owners): string[][] {
  return [
    ['Owner', 'Budget h', 'Cycles held', 'Within budget', 'Held median h', 'Held p90 h', 'Breaches attributed'],
    ...owners.map((o) => [
      customerName(o.owner), hoursOf(o.budgetMinutes), formatCount(o.cycles), formatPercent(o.withinBudget), hoursOf(o.heldMedian), hoursOf(o.heldP90), formatCount(o.breachesAttributed),
    ]),
  ];
}

export const olaTitle = (s: OlaServiceRow): string => `OLA chain: ${s.service} (${s.provider}), owner field ${s.ownerField}`;

export const olaSummary = (s: OlaServiceRow): string =>
  `${formatCount(s.cycles)} cycles, ${formatCount(s.breached)} breached; ${formatCount(s.unallocated)} unallocated (no owner over its budget: the budgets do not cover the goal).`;

export const MARKET_NOTES = [
  'Charge = requests × price per request + the customer\'s share of the monthly cost (largest remainder by requests).',
  'Credit = charge × the credit rate of the tier below which compliance fell; net = charge − credit. Amounts are rounded to the currency\'s minor unit.',
  'Held time is working time on the goal\'s calendar while the clock ran (paused time is nobody\'s); a breach is attributed to the owner that went over its budget first.',
];

/** The text report shows the latest periods and the busiest owners; the HTML page, --json and --statement show all. */
const TEXT_PERIODS = 2;
const TEXT_OWNERS = 12;

/** The owners with a budget, then the others, each by cycles held (most first), up to `TEXT_OWNERS`. */
const shownOwners = (s: OlaServiceRow) =>
  [...s.owners].sort((a, b) => Number(b.budgetMinutes !== null) - Number(a.budgetMinutes !== null) || b.cycles - a.cycles).slice(0, TEXT_OWNERS);

/** The Internal market section of the text report (`--catalogue`): statement, totals, an OLA table per service. */
export function renderMarket(m: InternalMarket): string[] {
  const periods = [...new Set(m.statements.map((l) => l.period))].slice(-TEXT_PERIODS);
  const recent = <T extends { period: string }>(rows: readonly T[]) => rows.filter((r) => periods.includes(r.period));
  const lines = recent(m.statements);
  const left = m.statements.length - lines.length;
  return [
    `Internal market: statement (${m.currency})${left ? `, the latest ${periods.length} months` : ''}`,
    ...(m.statements.length ? table(statementRows(m, lines), 'llllrrrrrrrrr') : ['  No request or cycle of a catalogued service.']),
    ...(left ? [`  ${formatCount(left)} lines of earlier months: --statement FILE.csv, --html or --json list every line.`] : []),
    '',
    'Totals per customer',
    ...table(totalRows(m, 'Customer', recent(m.totals.customers)), 'llrrrr'),
    '',
    'Totals per provider',
    ...table(totalRows(m, 'Provider', recent(m.totals.providers)), 'llrrrr'),
    ...m.ola.flatMap((s) => {
      const owners = shownOwners(s);
      const more = s.owners.length - owners.length;
      return ['', olaTitle(s), ...table(olaRows(s, owners), 'lrrrrrr'), ...(more ? [`  ${formatCount(more)} more owners without a budget in --html and --json.`] : []), `  ${olaSummary(s)}`];
    }),
    '',
    ...MARKET_NOTES,
    '',
  ];
}
