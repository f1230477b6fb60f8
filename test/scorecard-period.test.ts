/** Period aggregation by a KPI's own `aggregation`, ratio-of-sums, year-to-date views and trends. */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { aggregatePeriod, aggregateRatioOfSums, KpiDefinitionSchema, kpiPeriodActuals, periodTrend } from '../core/scorecard';

const t = (iso: string) => Date.parse(iso);
type KpiInput = z.input<typeof KpiDefinitionSchema>;
const kpi = (fields: Partial<KpiInput>) =>
  KpiDefinitionSchema.parse({
    id: 'ftr',
    name: 'First-time right',
    perspective: 'internal-process',
    pillar: 'accuracy',
    direction: 'higher',
    target: 0.9,
    unit: '%',
    frequency: 'monthly',
    owner: 'ops lead',
    indicator: 'lagging',
    ...fields,
  });
const pairs = (buckets: { key: string; value: number }[]) => buckets.map(({ key, value }) => [key, value]);

// Requests done right the first time ÷ requests done: January 90 of 100 (two batches), February 1 of 10, April 5 of 5,
// January 2026 3 of 4.
const numerators = [
  { at: t('2025-01-05T10:00:00Z'), value: 40 },
  { at: t('2025-01-20T10:00:00Z'), value: 50 },
  { at: t('2025-02-11T10:00:00Z'), value: 1 },
  { at: t('2025-04-02T10:00:00Z'), value: 5 },
  { at: t('2026-01-07T10:00:00Z'), value: 3 },
];
const denominators = [
  { at: t('2025-01-05T10:00:00Z'), value: 50 },
  { at: t('2025-01-20T10:00:00Z'), value: 50 },
  { at: t('2025-02-11T10:00:00Z'), value: 10 },
  { at: t('2025-04-02T10:00:00Z'), value: 5 },
  { at: t('2026-01-07T10:00:00Z'), value: 4 },
];

describe('ratio-of-sums', () => {
  it('divides the sums, not the mean of the ratios', () => {
    expect(pairs(aggregateRatioOfSums(numerators, denominators, 'month'))).toEqual([
      ['2025-01', 0.9],
      ['2025-02', 0.1],
      ['2025-04', 1],
      ['2026-01', 0.75],
    ]);
    // Q1: (90 + 1) ÷ (100 + 10) = 0.827…, where the mean of the monthly ratios would say 0.5.
    expect(aggregateRatioOfSums(numerators, denominators, 'quarter')[0].value).toBeCloseTo(91 / 110, 12);
    expect(aggregateRatioOfSums(numerators, denominators, 'year')[0].value).toBeCloseTo(96 / 115, 12);
  });

  it('gives year-to-date per month, starting again each January', () => {
    const ytd = aggregateRatioOfSums(numerators, denominators, 'ytd');
    expect(ytd.map((b) => b.key)).toEqual(['2025-01', '2025-02', '2025-04', '2026-01']);
    expect(ytd.map((b) => b.value)).toEqual([0.9, 91 / 110, 96 / 115, 0.75]);
  });

  it('rejects a period whose denominators sum to 0', () => {
    expect(() => aggregateRatioOfSums([{ at: 0, value: 1 }], [{ at: 0, value: 0 }], 'month')).toThrow('aggregateRatioOfSums: denominators sum to 0 in 1970-01: the ratio has no value there');
    expect(() => aggregateRatioOfSums([{ at: 0, value: 1 }], [], 'month')).toThrow('aggregateRatioOfSums: denominators sum to 0 in 1970-01');
  });
});

describe('aggregatePeriod: average, min, max and year-to-date', () => {
  const values = [
    { at: t('2025-01-20T00:00:00Z'), value: 2 },
    { at: t('2025-01-10T00:00:00Z'), value: 4 },
    { at: t('2025-02-05T00:00:00Z'), value: 6 },
    { at: t('2026-01-03T00:00:00Z'), value: 1 },
  ];
  it('combines each period by the aggregation', () => {
    expect(pairs(aggregatePeriod(values, 'month', 'average'))).toEqual([['2025-01', 3], ['2025-02', 6], ['2026-01', 1]]);
    expect(pairs(aggregatePeriod(values, 'quarter', 'min'))).toEqual([['2025-Q1', 2], ['2026-Q1', 1]]);
    expect(pairs(aggregatePeriod(values, 'quarter', 'max'))).toEqual([['2025-Q1', 6], ['2026-Q1', 1]]);
  });

  it('accumulates from 1 January in ytd', () => {
    expect(pairs(aggregatePeriod(values, 'ytd', 'sum'))).toEqual([['2025-01', 6], ['2025-02', 12], ['2026-01', 1]]);
    expect(pairs(aggregatePeriod(values, 'ytd', 'average'))).toEqual([['2025-01', 3], ['2025-02', 4], ['2026-01', 1]]);
    expect(pairs(aggregatePeriod(values, 'ytd', 'min'))).toEqual([['2025-01', 2], ['2025-02', 2], ['2026-01', 1]]);
    expect(pairs(aggregatePeriod(values, 'ytd', 'max'))).toEqual([['2025-01', 4], ['2025-02', 6], ['2026-01', 1]]);
    // last: the latest value so far (20 January's 2, not 10 January's 4).
    expect(pairs(aggregatePeriod(values, 'ytd', 'last'))).toEqual([['2025-01', 2], ['2025-02', 6], ['2026-01', 1]]);
    expect(aggregatePeriod(values, 'ytd', 'sum').map((b) => b.count)).toEqual([2, 3, 1]);
  });

  it('gives the change from one period to the next as a trend', () => {
    expect(periodTrend(aggregatePeriod(values, 'month', 'sum')).map((p) => [p.key, p.change])).toEqual([
      ['2025-01', null],
      ['2025-02', 0],
      ['2026-01', -5],
    ]);
  });
});

describe('kpiPeriodActuals honours the KPI\'s aggregation', () => {
  it('ratio-of-sums from numerator and denominator series, other aggregations from values', () => {
    expect(pairs(kpiPeriodActuals(kpi({ aggregation: 'ratio-of-sums' }), { numerators, denominators }, 'quarter'))).toEqual([
      ['2025-Q1', 91 / 110],
      ['2025-Q2', 1],
      ['2026-Q1', 0.75],
    ]);
    expect(pairs(kpiPeriodActuals(kpi({ aggregation: 'sum' }), numerators, 'year'))).toEqual([['2025', 96], ['2026', 3]]);
    expect(pairs(kpiPeriodActuals(kpi({ aggregation: 'last' }), numerators, 'quarter'))).toEqual([['2025-Q1', 1], ['2025-Q2', 5], ['2026-Q1', 3]]);
    expect(pairs(kpiPeriodActuals(kpi({ aggregation: 'mean' }), numerators, 'month'))).toEqual([['2025-01', 45], ['2025-02', 1], ['2025-04', 5], ['2026-01', 3]]);
  });

  it('names the KPI and field of what cannot be aggregated', () => {
    expect(() => kpiPeriodActuals(kpi({}), numerators, 'month')).toThrow('KPI "ftr": aggregation is required to combine the values of a period (sum, average, last, min, max or ratio-of-sums)');
    expect(() => kpiPeriodActuals(kpi({ aggregation: 'ratio-of-sums' }), numerators, 'month')).toThrow('KPI "ftr": series must give numerators and denominators for ratio-of-sums');
    expect(() => kpiPeriodActuals(kpi({ aggregation: 'sum' }), { numerators, denominators }, 'month')).toThrow('KPI "ftr": series must be one list of timed values for sum');
    expect(() => kpiPeriodActuals(kpi({ aggregation: 'sum' }), [{ at: 0, value: Number.NaN }], 'month')).toThrow('KPI "ftr": values.value row 1: NaN is not a number');
    expect(() => kpiPeriodActuals(kpi({ aggregation: 'ratio-of-sums' }), { numerators: [{ at: 0, value: 1 }], denominators: [{ at: 0, value: 0 }] }, 'month')).toThrow('KPI "ftr": denominators sum to 0 in 1970-01');
    expect(KpiDefinitionSchema.safeParse({ ...kpi({}), aggregation: 'median' }).error?.issues.map((i) => i.message)).toEqual([
      'aggregation must be sum, mean, average, last, min, max or ratio-of-sums',
    ]);
  });
});
