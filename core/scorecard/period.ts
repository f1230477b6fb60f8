import { said } from '../i18n/error-catalogue';
import { MS_PER_DAY, MS_PER_MINUTE } from '../calendar/days';
import { KpiInputError } from '../kpi/errors';
import { checkList, describe, rowNumber } from '../kpi/validate';
import { periodLabel, type Period } from '../calendar/period';
import type { KpiDefinition } from './schema';
import { kpisOfTree, type ScorecardTree } from './tree';

/** The series' names and the aggregation that splits it, typed as they are in both languages. */
const SERIES_NAMES = { numerators: 'numerators', denominators: 'denominators', aggregation: 'ratio-of-sums' };

/**
 * How the values of a period combine: `mean` and `average` are the same.
 * @public
 */
export type Aggregation = 'sum' | 'mean' | 'average' | 'last' | 'min' | 'max';
/** A calendar period, or `ytd`: one bucket per month holding everything from 1 January up to the end of that month. */
export type PeriodView = Period | 'ytd';

/** @public */
export interface PeriodBucket {
  /** `2025-03-14` (day), `2025-W11` (ISO week, Monday first), `2025-03` (month and ytd), `2025-Q1`, `2025`. */
  key: string;
  value: number;
  /** How many values fell in the period (for ytd: since 1 January). */
  count: number;
}

export interface Timed {
  at: number;
  value: number;
}

const MAX_DATE_MS = 8.64e15;
const PERIODS: readonly PeriodView[] = ['day', 'week', 'month', 'quarter', 'year', 'ytd'];
const AGGREGATIONS: readonly Aggregation[] = ['sum', 'mean', 'average', 'last', 'min', 'max'];

interface Accumulator {
  total: number;
  count: number;
  min: number;
  max: number;
  lastAt: number;
  last: number;
}

const merge = (a: Accumulator, b: Accumulator): Accumulator => ({
  total: a.total + b.total,
  count: a.count + b.count,
  min: Math.min(a.min, b.min),
  max: Math.max(a.max, b.max),
  ...(b.lastAt >= a.lastAt ? { lastAt: b.lastAt, last: b.last } : { lastAt: a.lastAt, last: a.last }),
});

function checkPeriod(fn: string, period: PeriodView): void {
  if (!PERIODS.includes(period)) throw new KpiInputError(fn, 'period', said('kpi.notOneOf', { choices: 'day, week, month, quarter, year', last: 'ytd', value: describe(period) }));
}

/**
 * Buckets timed values by period key: calendar periods directly; `ytd` by month, then each month merged with the
 * months before it in the same year. Sorted by key.
 */
function bucket(fn: string, argument: string, values: readonly unknown[], period: PeriodView, utcOffsetMinutes: (at: number) => number): [string, Accumulator][] {
  const buckets = new Map<string, Accumulator>();
  checkList(fn, argument, values).forEach((row, index) => {
    const { at, value } = (row ?? {}) as { at?: unknown; value?: unknown };
    const instant = rowNumber(fn, `${argument}.at`, at, index);
    // Date's range (±8.64e15 ms, ±273,790 years): beyond it a period label has no year to show.
    if (Math.abs(instant) > MAX_DATE_MS) throw new KpiInputError(fn, `${argument}.at`, said('kpi.dateOutsidePeriods', { value: instant }), index + 1);
    const amount = rowNumber(fn, `${argument}.value`, value, index);
    const day = Math.floor((instant + utcOffsetMinutes(instant) * MS_PER_MINUTE) / MS_PER_DAY);
    const key = periodLabel(day, period === 'ytd' ? 'month' : period);
    const one: Accumulator = { total: amount, count: 1, min: amount, max: amount, lastAt: instant, last: amount };
    const before = buckets.get(key);
    buckets.set(key, before ? merge(before, one) : one);
  });
  const sorted = [...buckets].sort(([a], [b]) => (a < b ? -1 : 1));
  if (period !== 'ytd') return sorted;
  return sorted.map(([key, acc], i) => {
    let running = acc;
    for (let j = i - 1; j >= 0 && sorted[j][0].slice(0, 4) === key.slice(0, 4); j--) running = merge(sorted[j][1], running);
    return [key, running];
  });
}

const valueOf = (how: Aggregation, acc: Accumulator): number =>
  how === 'sum' ? acc.total : how === 'mean' || how === 'average' ? acc.total / acc.count : how === 'min' ? acc.min : how === 'max' ? acc.max : acc.last;

/**
 * Buckets timed values by calendar period and combines each bucket: `sum`, `mean` / `average`, `min`, `max`, or
 * `last` (the value with the latest `at`; on a tie the later row). `ytd` gives one bucket per month with everything
 * from 1 January to that month's end. Periods are UTC calendar periods unless `utcOffsetMinutes` gives the local
 * offset at an instant (+420 for Asia/Ho_Chi_Minh). Buckets come sorted by key; empty periods are not listed.
 * `fn` names the caller in errors.
 * @public
 */
export function aggregatePeriod(
  values: readonly { at: number; value: number }[],
  period: PeriodView,
  how: Aggregation,
  utcOffsetMinutes: (at: number) => number = () => 0,
  fn = 'aggregatePeriod',
): PeriodBucket[] {
  checkPeriod(fn, period);
  if (!AGGREGATIONS.includes(how)) throw new KpiInputError(fn, 'how', said('kpi.notOneOf', { choices: 'sum, mean, average, last, min', last: 'max', value: describe(how) }));
  return bucket(fn, 'values', values, period, utcOffsetMinutes).map(([key, acc]) => ({ key, value: valueOf(how, acc), count: acc.count }));
}

/**
 * A ratio KPI aggregated by its parts: Σ numerators ÷ Σ denominators in each period (first-time-right = requests done
 * right ÷ requests done), the only correct way; a mean of monthly ratios weighs a quiet month like a busy one. The
 * two series may have different instants. A period whose denominators sum to 0 is an error naming it.
 * @public
 */
export function aggregateRatioOfSums(
  numerators: readonly Timed[],
  denominators: readonly Timed[],
  period: PeriodView,
  utcOffsetMinutes: (at: number) => number = () => 0,
  fn = 'aggregateRatioOfSums',
): PeriodBucket[] {
  checkPeriod(fn, period);
  const tops = new Map(bucket(fn, 'numerators', numerators, period, utcOffsetMinutes));
  const bottoms = new Map(bucket(fn, 'denominators', denominators, period, utcOffsetMinutes));
  return [...new Set([...tops.keys(), ...bottoms.keys()])].sort().map((key) => {
    const top = tops.get(key)?.total ?? 0;
    const bottom = bottoms.get(key)?.total ?? 0;
    if (bottom === 0) throw new KpiInputError(fn, 'denominators', said('kpi.ratioWithoutValue', { period: key }));
    return { key, value: top / bottom, count: bottoms.get(key)?.count ?? 0 };
  });
}

/** What a KPI's period values are made of: timed values, or the numerator and denominator series of a ratio. */
export type KpiSeries = readonly Timed[] | { numerators: readonly Timed[]; denominators: readonly Timed[] };

/**
 * The actual of each period of a KPI, combined by the KPI's own `aggregation` (`ratio-of-sums` from its numerator and
 * denominator series). Errors name the KPI and the field: a KPI without `aggregation`, or series of the wrong shape.
 * @public
 */
export function kpiPeriodActuals(kpi: KpiDefinition, series: KpiSeries, period: PeriodView, utcOffsetMinutes: (at: number) => number = () => 0): PeriodBucket[] {
  const fn = `KPI "${kpi.id}"`;
  if (kpi.aggregation === undefined) throw new KpiInputError(fn, 'aggregation', said('kpi.aggregationRequired', { choices: 'sum, average, last, min, max', last: 'ratio-of-sums' }));
  const split = !Array.isArray(series);
  if (kpi.aggregation === 'ratio-of-sums') {
    if (!split) throw new KpiInputError(fn, 'series', said('kpi.seriesNotSplit', SERIES_NAMES));
    const { numerators, denominators } = series as { numerators: readonly Timed[]; denominators: readonly Timed[] };
    return aggregateRatioOfSums(numerators, denominators, period, utcOffsetMinutes, fn);
  }
  if (split) throw new KpiInputError(fn, 'series', said('kpi.seriesSplit', { ...SERIES_NAMES, ratio: SERIES_NAMES.aggregation, aggregation: kpi.aggregation }));
  return aggregatePeriod(series as readonly Timed[], period, kpi.aggregation, utcOffsetMinutes, fn);
}

/** @public */
export interface TrendPoint extends PeriodBucket {
  /** value − the previous listed period's value; null for the first. */
  change: number | null;
}

/**
 * Period-over-period change of sorted buckets (a trend line).
 * @public
 */
export const periodTrend = (buckets: readonly PeriodBucket[]): TrendPoint[] =>
  buckets.map((b, i) => ({ ...b, change: i === 0 ? null : b.value - buckets[i - 1].value }));

/**
 * The actuals of one period (`key` of the `view`: `2025-Q1` of `quarter`) for a tree's KPIs, each KPI's series
 * combined by its own `aggregation` (kpiPeriodActuals); a KPI without values in that period is blank (null). A series
 * for an id that is not a KPI of the tree is an error naming it.
 */
export function periodActuals(
  tree: ScorecardTree,
  series: Readonly<Record<string, KpiSeries>>,
  view: PeriodView,
  key: string,
  utcOffsetMinutes: (at: number) => number = () => 0,
): Record<string, number | null> {
  const kpis = new Map(kpisOfTree(tree.root).map((kpi) => [kpi.id, kpi]));
  return Object.fromEntries(
    Object.entries(series).map(([id, values]) => {
      const kpi = kpis.get(id);
      if (kpi === undefined) throw new KpiInputError('periodActuals', `series.${id}`, said('kpi.notInTree'));
      const bucket = kpiPeriodActuals(kpi, values, view, utcOffsetMinutes).find((b) => b.key === key);
      return [id, bucket?.value ?? null];
    }),
  );
}
