/** KPI functions' argument checks and readings the Sheets functions rely on, asserted on the core directly. */
import { describe, expect, it } from 'vitest';
import { ccc, csat, dio, ftrRate, inps, mtta, tatStatistic } from '../core';
import { mergeIntervals } from '../core/util/intervals';

describe('argument names in errors', () => {
  it('DIO names inventory and cost_of_sales; CCC names dso, dio and dpo', () => {
    expect(() => dio(-1, 10, 30)).toThrow('DIO: inventory must not be negative');
    expect(() => dio(1, 0, 30)).toThrow('DIO: cost_of_sales must be greater than 0');
    expect(() => ccc(-1, 0, 0)).toThrow('CCC: dso must not be negative');
    expect(() => ccc(0, -1, 0)).toThrow('CCC: dio must not be negative');
    expect(() => ccc(0, 0, -1)).toThrow('CCC: dpo must not be negative');
    expect(ccc(40, 30, 25)).toBe(45);
  });

  it('MTTA names the acknowledged column', () => {
    expect(() => mtta([0, 1000], [500, 'x' as never])).toThrow('MTTA: acknowledged row 2');
  });
});

describe('readings', () => {
  it('FTR_RATE counts TRUE as right first time and FALSE as not', () => {
    expect(ftrRate([true, false, true, true])).toBe(0.75);
    expect(ftrRate([0, 2, true, null])).toBeCloseTo(2 / 3, 15);
  });

  it('CSAT and iNPS refuse answers outside their scale', () => {
    expect(() => csat([6, 5], 5)).toThrow('CSAT: scores row 1: 6 is not a whole number from 1 to 5');
    expect(() => csat([0], 5)).toThrow('is not a whole number from 1 to 5');
    expect(() => inps([11])).toThrow('is not a whole number from 0 to 10');
    expect(() => inps([4.5])).toThrow('4.5 is not a whole number from 0 to 10');
  });

  it('TAT reads its statistic in any case with spaces around, and names one that is not text', () => {
    const durations = [1, 2, 3, 4, 100];
    expect(tatStatistic(durations, ' Median ' as never)).toBe(3);
    expect(tatStatistic(durations, ' MAX' as never)).toBe(100);
    expect(tatStatistic(durations, 'P50' as never)).toBe(3);
    expect(() => tatStatistic(durations, 5 as never)).toThrow('TAT: statistic must be mean, median, min, max, count or a percentile p1 to p99, not 5');
  });
});

describe('mergeIntervals', () => {
  it('drops empty and reversed intervals, merges touching ones, and sorts', () => {
    expect(mergeIntervals([[5, 5], [3, 1], [4, 6], [1, 2], [2, 3]])).toEqual([[1, 3], [4, 6]]);
    expect(mergeIntervals([[7, 7]])).toEqual([]);
  });
});
