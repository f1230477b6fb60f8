/** Period buckets at the edges: the last instant a Date holds, ratio parts in different months, row errors by part. */
import { describe, expect, it } from 'vitest';
import { aggregatePeriod, aggregateRatioOfSums, KpiDefinitionSchema } from '../core';
import { issuesWithCodesOf, kpi, loose } from './helpers/scorecard-builders';

const at = (iso: string) => Date.parse(iso);

describe('period buckets at the edges', () => {
  it('takes the first and last instants a Date holds (±8.64e15 ms), and refuses one millisecond beyond', () => {
    expect(aggregatePeriod([{ at: 8.64e15, value: 2 }], 'year', 'sum').map((b) => [b.value, b.count])).toEqual([[2, 1]]);
    expect(aggregatePeriod([{ at: -8.64e15, value: 3 }], 'year', 'sum').map((b) => [b.value, b.count])).toEqual([[3, 1]]);
    expect(() => aggregatePeriod([{ at: 8.64e15 + 1, value: 2 }], 'year', 'sum')).toThrow('aggregatePeriod: values.at row 1: 8640000000000001 is outside the dates a period can hold');
  });

  it('a ratio of sums lists every month of either part in order, with the count of denominators', () => {
    const numerators = [{ at: at('2025-02-10T00:00:00Z'), value: 3 }];
    const denominators = [
      { at: at('2025-02-01T00:00:00Z'), value: 2 },
      { at: at('2025-02-20T00:00:00Z'), value: 2 },
      { at: at('2025-01-05T00:00:00Z'), value: 5 },
    ];
    expect(aggregateRatioOfSums(numerators, denominators, 'month')).toEqual([
      { key: '2025-01', value: 0, count: 1 },
      { key: '2025-02', value: 0.75, count: 2 },
    ]);
  });

  it('names the part and row of a bad value', () => {
    const good = [{ at: 0, value: 1 }];
    expect(() => loose(aggregateRatioOfSums)([{ at: 0, value: 'x' }], good, 'month')).toThrow('aggregateRatioOfSums: numerators.value row 1: "x" is not a number');
    expect(() => loose(aggregateRatioOfSums)(good, [{ at: 'y', value: 1 }], 'month')).toThrow('aggregateRatioOfSums: denominators.at row 1: "y" is not a number');
  });
});

describe('the ratio target check', () => {
  it('is a custom issue on target, as the rows reader expects', () => {
    expect(issuesWithCodesOf(KpiDefinitionSchema, kpi({ id: 'r', direction: 'higher', target: -1 }))).toEqual(['target: target must be greater than 0 (custom)']);
  });
});
