import { type StatementLine, statementCsv, statementTotals, type StatementTotal } from '../../../core';
import { type MarketMonthError, readMarketMonth } from './market-month';
import type { MarketMonthQuery } from './payloads';

export interface MarketStatement {
  month: string;
  projects: string[];
  currency: string;
  /** One line per internal customer (the catalogue's customer field: the JSM organization) and service. */
  lines: StatementLine[];
  totals: { customers: StatementTotal[]; providers: StatementTotal[] };
  /** The statement file (docs/INTERNAL-MARKET.md, "Where it shows"), formulas neutralised. */
  csv: string;
  /** Services chosen by JQL whose search found more than their limit of issues: only the first ones are counted. */
  truncated: string[];
}

export type MarketStatementResult = MarketStatement | MarketMonthError;

/**
 * The internal market's statement of one month (docs/INTERNAL-MARKET.md, "Statement"), computed by the core's market
 * tally from the stored results the gadgets read: requests by creation month, cycles by the compliance rule.
 */
export async function marketStatement(query: MarketMonthQuery): Promise<MarketStatementResult> {
  const read = await readMarketMonth(query, true);
  if ('error' in read) return read;
  const { month, projects, catalogue, truncated } = read;
  const lines = read.market.statements.filter((line) => line.period === month);
  const totals = { customers: statementTotals(lines, 'customer', catalogue.decimals), providers: statementTotals(lines, 'provider', catalogue.decimals) };
  return { month, projects, currency: catalogue.currency, lines, totals, csv: statementCsv(lines), truncated };
}
