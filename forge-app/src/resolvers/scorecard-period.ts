import { periodActuals, type KpiSeries, type KpiValues, type ScorecardTree, type Timed } from '../../../core';
import type { ScorecardPeriod } from '../model/periods';
import { addMonths } from './visible-cycles';
import type { TypedValue } from './scorecard-actuals';

export interface PeriodSpan {
  /** The core's period key: `2025-03` (month, and ytd up to that month), `2025-Q1`, `2025`. */
  key: string;
  months: string[];
}

/** The period of `view` that holds `month` (`YYYY-MM`), with its months. */
export function periodSpan(view: ScorecardPeriod, month: string): PeriodSpan {
  const [year, m] = month.split('-').map(Number);
  const from = (first: number, count: number) => Array.from({ length: count }, (_, i) => addMonths(`${year}-${String(first).padStart(2, '0')}`, i));
  switch (view) {
    case 'month':
      return { key: month, months: [month] };
    case 'quarter': {
      const quarter = Math.ceil(m / 3);
      return { key: `${year}-Q${quarter}`, months: from(quarter * 3 - 2, 3) };
    }
    case 'year':
      return { key: String(year), months: from(1, 12) };
    case 'ytd':
      return { key: month, months: from(1, m) };
  }
}

/** The period before, for the gaming alerts' baseline and carry-forward: the month, quarter or year before; ytd a year back. */
export const previousAnchor = (view: ScorecardPeriod, month: string): string => addMonths(month, view === 'month' ? -1 : view === 'quarter' ? -3 : -12);

/**
 * Typed monthly values over a period, each KPI's months combined by its own `aggregation` (the core's periodActuals,
 * ratio-of-sums from the months' numerators and denominators). Errors (a KPI with no aggregation to combine months)
 * name the KPI.
 */
export function typedPeriodActuals(tree: ScorecardTree, view: ScorecardPeriod, span: PeriodSpan, monthly: ReadonlyArray<[month: string, values: Record<string, TypedValue>]>): KpiValues {
  const plain: Record<string, Timed[]> = {};
  const split: Record<string, { numerators: Timed[]; denominators: Timed[] }> = {};
  for (const [month, values] of monthly) {
    const [year, m] = month.split('-').map(Number);
    // Mid-month, so that no zone offset moves it into another month.
    const at = Date.UTC(year, m - 1, 15);
    for (const [kpiId, value] of Object.entries(values)) {
      if (typeof value === 'number') (plain[kpiId] ??= []).push({ at, value });
      else {
        const parts = (split[kpiId] ??= { numerators: [], denominators: [] });
        parts.numerators.push({ at, value: value.numerator });
        parts.denominators.push({ at, value: value.denominator });
      }
    }
  }
  const series: Record<string, KpiSeries> = { ...plain, ...split };
  // One month is its own period (`month` view): each KPI's value as typed, without needing an aggregation.
  if (view === 'month') return Object.fromEntries(Object.entries(monthly[0]?.[1] ?? {}).map(([id, v]) => [id, typeof v === 'number' ? v : v.denominator === 0 ? null : v.numerator / v.denominator]));
  return periodActuals(tree, series, view, span.key);
}
