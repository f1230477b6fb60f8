import { describe, expect, it } from 'vitest';
import { ccc, dio, dpo, mtta, mtbf, tatStatistic, type TatStatistic } from '../core/kpi';
import { loose } from './helpers/scorecard-builders';

/** The accountants' measures in the core: TAT statistics, MTTA, MTBF by its Sheets name, DPO, DIO and CCC. */

describe('tatStatistic: min, max, count, median, mean and any percentile p1..p99 as PERCENTILE.INC', () => {
  // Sorted: 1, 2, 4, 7, 10 (n = 5): rank = p × 4.
  const durations = [7, 1, 10, 4, 2];
  it.each<[TatStatistic, number]>([
    ['min', 1],
    ['max', 10],
    ['count', 5],
    ['mean', 4.8],
    ['median', 4],
    ['p50', 4],
    ['p1', 1.04], // rank 0.04: 1 + 0.04 × (2 − 1)
    ['p25', 2], // rank 1
    ['p95', 9.4], // rank 3.8: 7 + 0.8 × 3
    ['p99', 9.88], // rank 3.96: 7 + 0.96 × 3
    ['P90' as TatStatistic, 8.8], // rank 3.6: 7 + 0.6 × 3; case ignored
  ])('%s', (statistic, expected) => {
    expect(tatStatistic(durations, statistic)).toBeCloseTo(expected, 12);
  });

  it('rejects p0, p100, p5.5, p05 and other words, naming the argument', () => {
    for (const bad of ['p0', 'p100', 'p5.5', 'p05', 'avg', 'p']) {
      expect(() => loose(tatStatistic)([1], bad)).toThrow(
        `TAT: statistic must be mean, median, min, max, count or a percentile p1 to p99, not "${bad}"`,
      );
    }
  });
});

describe('MTTA: mean time from creation to acknowledgement over acknowledged rows', () => {
  it('wall-clock ms by default, unacknowledged rows left out', () => {
    expect(mtta([0, 1000, 5000], [600, null, 5300])).toBe(450);
  });
  it('passes the row to the elapsed function (one calendar per row)', () => {
    expect(mtta([0, 0], [10, 10], (start, end, row) => (end - start) * (row + 1))).toBe(15);
  });
  it('names its arguments', () => {
    expect(() => mtta([10], [5])).toThrow('MTTA: acknowledged row 1: the end is before its start');
    expect(() => mtta([10], [null])).toThrow('MTTA: acknowledged has no completed rows');
  });
});

describe('MTBF: up time in the period ÷ merged outages', () => {
  it('two outages of 1,000 ms in 10,000 ms: 8,000 ÷ 2', () => {
    expect(mtbf([1000, 5000], [2000, 6000], 0, 10_000)).toBe(4000);
  });
});

describe('DPO, DIO and the cash conversion cycle', () => {
  it('DPO = payables ÷ cost of sales × days; DIO = inventory ÷ cost of sales × days', () => {
    expect(dpo(300, 1200, 360)).toBe(90);
    expect(dio(200, 1200, 360)).toBe(60);
  });
  it('CCC = DSO + DIO − DPO, negative when suppliers wait longer than customers', () => {
    expect(ccc(45, 60, 90)).toBe(15);
    expect(ccc(10, 5, 40)).toBe(-25);
  });
  it('rejects impossible inputs naming the argument', () => {
    expect(() => dpo(-1, 10, 30)).toThrow('DPO: payables must not be negative');
    expect(() => dpo(1, 0, 30)).toThrow('DPO: cost_of_sales must be greater than 0');
    expect(() => dio(1, 10, 0)).toThrow('DIO: days must be greater than 0');
    expect(() => ccc(1, -2, 3)).toThrow('CCC: dio must not be negative');
    expect(() => loose(ccc)(1, 2, 'x')).toThrow('CCC: dpo must be a number, not "x"');
  });
});
