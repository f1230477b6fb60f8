import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonthsUtc,
  csat,
  cycleTime,
  daysToClose,
  dso,
  errorRate,
  ftrRate,
  inps,
  KpiInputError,
  mtbf,
  mttr,
  payrollAccuracy,
  percentile,
  reopenRate,
  retentionRate,
  tatStatistic,
  tatStats,
  timeToFill,
  uptime,
} from '../core/kpi';
import { loose } from './helpers/scorecard-builders';

const t = (iso: string) => Date.parse(iso);
const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * A number from min to max, spread evenly half of the time: fc.double alone draws among representable doubles, most
 * of which are within a hair of 0, so a test of the middle of the range would rarely see it.
 */
const spread = (min: number, max: number) =>
  fc.oneof(fc.integer({ min: 0, max: 10_000 }).map((n) => min + ((max - min) * n) / 10_000), fc.double({ min, max, noNaN: true }));

/**
 * PERCENTILE.INC worked the long way, as the oracle of the property tests: the sorted values stand at p = 0, 1/(n − 1),
 * 2/(n − 1), …, 1, and p between two of them lies on the straight line joining them.
 */
const percentileByPlot = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = sorted.length;
  if (n === 1) return sorted[0];
  let k = 0;
  while (k < n - 2 && p > (k + 1) / (n - 1)) k++;
  const fromP = k / (n - 1);
  const toP = (k + 1) / (n - 1);
  return sorted[k] + ((p - fromP) / (toP - fromP)) * (sorted[k + 1] - sorted[k]);
};

describe('KpiInputError', () => {
  it('names the function, argument and 1-based row', () => {
    try {
      inps([5, 7, 11]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KpiInputError);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: 'KpiInputError', fn: 'INPS', argument: 'scores', row: 3 });
    }
  });

  it('has no row for a whole-argument error', () => {
    try {
      errorRate(1, 0);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ argument: 'total', row: undefined, message: 'ERROR_RATE: total must be greater than 0' });
    }
  });
});

describe('percentile (PERCENTILE.INC)', () => {
  it('interpolates between closest ranks like Excel and Sheets', () => {
    // PERCENTILE.INC({1,2,3,4}, 0.9): rank 0.9 × 3 = 2.7 → 3 + 0.7 × (4 − 3) = 3.7 (Excel gives 3.7).
    expect(percentile([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
    // Wikipedia "Percentile", C = 1 variant: {15, 20, 35, 40, 50} at 40 % → rank 1.6 → 20 + 0.6 × 15 = 29.
    expect(percentile([15, 20, 35, 40, 50], 0.4)).toBeCloseTo(29, 12);
    expect(percentile([15, 20, 35, 40, 50], 0)).toBe(15);
    expect(percentile([15, 20, 35, 40, 50], 1)).toBe(50);
    expect(percentile([15, 20, 35, 40, 50], 0.5)).toBe(35);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([-3, 3], 0.5)).toBe(0);
  });

  it('equals PERCENTILE.INC worked from the plot of the sorted values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -20, max: 20 }), spread(-1000, 1000)), { minLength: 1, maxLength: 30 }),
        spread(0, 1),
        (values, p) => {
          expect(percentile(values, p)).toBeCloseTo(percentileByPlot(values, p), 9);
        },
      ),
    );
  });

  it('does not reorder the caller’s list', () => {
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it('rejects bad input with exact messages', () => {
    expect(() => percentile([], 0.5)).toThrow('percentile: values has no values');
    expect(() => loose(percentile)([1, 'a'], 0.5)).toThrow('percentile: values row 2: "a" is not a number');
    expect(() => percentile([1, 2], 1.5)).toThrow('percentile: p must be from 0 to 1');
    expect(() => percentile([1, 2], -0.1)).toThrow('percentile: p must be from 0 to 1');
    expect(() => percentile([1, 2], NaN)).toThrow('percentile: p must be a number, not NaN');
    expect(() => loose(percentile)('1,2', 0.5)).toThrow('percentile: values must be a list, not "1,2"');
  });

  it('is monotone in p and stays within min..max (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p, q) => {
          const [low, high] = p <= q ? [p, q] : [q, p];
          expect(percentile(values, low)).toBeLessThanOrEqual(percentile(values, high) + 1e-9);
          expect(percentile(values, low)).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
          expect(percentile(values, high)).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
        },
      ),
    );
  });
});

describe('tatStats / tatStatistic', () => {
  // Sorted [1, 2, 3, 4, 10]: mean 20 / 5 = 4, median 3, p90 rank 0.9 × 4 = 3.6 → 4 + 0.6 × (10 − 4) = 7.6.
  const durations = [4, 1, 3, 2, 10];

  it('gives count, mean, median, p90, max and min', () => {
    const stats = tatStats(durations);
    expect(stats).toMatchObject({ count: 5, mean: 4, median: 3, max: 10, min: 1 });
    expect(stats.p90).toBeCloseTo(7.6, 12);
  });

  it('takes the median of an even count halfway between the middle two', () => {
    expect(tatStats([1, 2, 3, 10]).median).toBe(2.5);
  });

  it('equals the count, the sum ÷ count, PERCENTILE.INC at 0.5 and 0.9, the largest and the smallest (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), spread(0, 1e4)), { minLength: 1, maxLength: 30 }), (values) => {
        let total = 0;
        for (const value of values) total += value;
        const stats = tatStats(values);
        expect(stats.count).toBe(values.length);
        expect(stats.mean).toBeCloseTo(total / values.length, 8);
        expect(stats.median).toBeCloseTo(percentileByPlot(values, 0.5), 8);
        expect(stats.p90).toBeCloseTo(percentileByPlot(values, 0.9), 8);
        expect(stats.max).toBe(Math.max(...values));
        expect(stats.min).toBe(Math.min(...values));
      }),
    );
  });

  it('picks one statistic by name', () => {
    expect(tatStatistic(durations, 'mean')).toBe(4);
    expect(tatStatistic(durations, 'median')).toBe(3);
    expect(tatStatistic(durations, 'p90')).toBeCloseTo(7.6, 12);
    expect(tatStatistic(durations, 'max')).toBe(10);
  });

  it('rejects bad input with exact messages', () => {
    expect(() => tatStats([])).toThrow('TAT: durations has no values');
    expect(() => tatStats([1, -2])).toThrow('TAT: durations row 2: -2 is negative');
    expect(() => tatStats([1, 2, NaN])).toThrow('TAT: durations row 3: NaN is not a number');
    expect(() => loose(tatStats)([null])).toThrow('TAT: durations row 1: blank is not a number');
    expect(() => tatStats([1, Infinity])).toThrow('TAT: durations row 2: Infinity is not a number');
    expect(() => loose(tatStatistic)([1], 'p100')).toThrow('TAT: statistic must be mean, median, min, max, count or a percentile p1 to p99, not "p100"');
  });
});

describe('cycleTime, MTTR, time to fill (mean elapsed over completed rows)', () => {
  it('cycle time averages end − start over completed items and skips open ones', () => {
    // (5 − 0) and (32 − 20); the item started at 10 is still open: (5 + 12) / 2 = 8.5.
    expect(cycleTime([0, 10, 20], [5, null, 32])).toBe(8.5);
    expect(cycleTime([0, 10, 20], [5, undefined, 32])).toBe(8.5);
  });

  it('measures with the given elapsed function, such as a calendar’s working time', () => {
    expect(cycleTime([0, 20], [5, 32], (start, end) => (end - start) * 2)).toBe(17);
  });

  it('MTTR is the mean restore time in ms', () => {
    // Outages of 30 and 90 minutes: mean 60 minutes.
    const starts = [t('2025-03-01T08:00:00Z'), t('2025-03-05T14:00:00Z')];
    const ends = [t('2025-03-01T08:30:00Z'), t('2025-03-05T15:30:00Z')];
    expect(mttr(starts, ends)).toBe(60 * MINUTE);
  });

  it('time to fill is in calendar days by default', () => {
    // 1 Jan → 31 Jan = 30 days, 1 Feb → 11 Feb = 10 days, the third requisition is still open: mean 20.
    const opened = [t('2025-01-01'), t('2025-02-01'), t('2025-02-15')];
    const filled = [t('2025-01-31'), t('2025-02-11'), null];
    expect(timeToFill(opened, filled)).toBe(20);
  });

  it('rejects bad input with exact messages', () => {
    expect(() => cycleTime([0, 10, 20], [5, 15, 19])).toThrow('cycleTime: ends row 3: the end is before its start');
    expect(() => cycleTime([0, 10], [5])).toThrow('cycleTime: starts has 2 rows but ends has 1');
    expect(() => cycleTime([0, 10], [null, null])).toThrow('cycleTime: ends has no completed rows');
    expect(() => cycleTime([], [])).toThrow('cycleTime: ends has no completed rows');
    expect(() => loose(mttr)(['x'], [5])).toThrow('MTTR: starts row 1: "x" is not a number');
    expect(() => loose(mttr)([1], ['x'])).toThrow('MTTR: ends row 1: "x" is not a number');
    expect(() => timeToFill([t('2025-02-01')], [t('2025-01-01')])).toThrow(
      'TIME_TO_FILL: filled row 1: the end is before its start',
    );
  });
});

describe('ftrRate', () => {
  it('counts TRUE as right first time', () => {
    expect(ftrRate([true, false, true, true])).toBe(0.75);
  });

  it('counts a rework count of 0 as right first time, and skips blanks', () => {
    expect(ftrRate([0, 2, 0, 1, null, undefined])).toBe(0.5);
    expect(ftrRate([true, 0, 3])).toBeCloseTo(2 / 3, 12);
  });

  it('rejects bad input with exact messages', () => {
    expect(() => ftrRate([true, -1])).toThrow('FTR_RATE: outcomes row 2: -1 is not TRUE, FALSE or a whole number of reworks');
    expect(() => ftrRate([1.5])).toThrow('FTR_RATE: outcomes row 1: 1.5 is not TRUE, FALSE or a whole number of reworks');
    expect(() => loose(ftrRate)([true, 'yes'])).toThrow(
      'FTR_RATE: outcomes row 2: "yes" is not TRUE, FALSE or a whole number of reworks',
    );
    expect(() => ftrRate([])).toThrow('FTR_RATE: outcomes has no answers');
    expect(() => ftrRate([null])).toThrow('FTR_RATE: outcomes has no answers');
  });
});

describe('error rate, reopen rate, payroll accuracy', () => {
  it('divides the part by the whole', () => {
    expect(errorRate(3, 200)).toBe(0.015);
    expect(errorRate(0, 10)).toBe(0);
    expect(reopenRate(5, 125)).toBe(0.04);
    // 2 payslips wrong out of 400: 1 − 0.005 = 0.995.
    expect(payrollAccuracy(2, 400)).toBe(0.995);
    expect(payrollAccuracy(0, 400)).toBe(1);
  });

  it('rejects bad input with exact messages', () => {
    expect(() => errorRate(1, 0)).toThrow('ERROR_RATE: total must be greater than 0');
    expect(() => errorRate(-1, 10)).toThrow('ERROR_RATE: errors must not be negative');
    expect(() => errorRate(12, 10)).toThrow('ERROR_RATE: errors (12) must not be greater than total (10)');
    expect(() => errorRate(NaN, 10)).toThrow('ERROR_RATE: errors must be a number, not NaN');
    expect(() => loose(errorRate)(1, '10')).toThrow('ERROR_RATE: total must be a number, not "10"');
    expect(() => reopenRate(3, -1)).toThrow('reopenRate: resolved must be greater than 0');
    expect(() => payrollAccuracy(0, 0)).toThrow('payrollAccuracy: payslips must be greater than 0');
    expect(() => payrollAccuracy(5, 4)).toThrow(
      'payrollAccuracy: payslipsWithErrors (5) must not be greater than payslips (4)',
    );
  });
});

describe('inps', () => {
  it('is % promoters − % detractors', () => {
    // 9 answers (one blank): promoters 10, 9, 10, 9 = 4; detractors 6, 0, 5 = 3; passives 8, 7.
    // (4 − 3) / 9 × 100 = 11.11…
    expect(inps([10, 9, 8, 7, 6, 0, 10, null, 5, 9])).toBeCloseTo(100 / 9, 12);
    expect(inps([9, 10])).toBe(100);
    expect(inps([0, 6])).toBe(-100);
    expect(inps([7, 8])).toBe(0);
  });

  it('rejects bad input with exact messages', () => {
    expect(() => inps([10, 9, 11])).toThrow('INPS: scores row 3: 11 is not a whole number from 0 to 10');
    expect(() => inps([7.5])).toThrow('INPS: scores row 1: 7.5 is not a whole number from 0 to 10');
    expect(() => inps([-1])).toThrow('INPS: scores row 1: -1 is not a whole number from 0 to 10');
    expect(() => inps([])).toThrow('INPS: scores has no answers');
  });
});

describe('csat', () => {
  it('is the share of top-two-box answers', () => {
    // 6 answers (one blank); 5, 4, 5 are satisfied on a 5-point scale: 3 / 6.
    expect(csat([5, 4, 3, 2, 1, 5, null])).toBe(0.5);
    // On a 1..10 scale the top two boxes are 9 and 10: 2 of 4.
    expect(csat([10, 9, 8, 1], 10)).toBe(0.5);
    expect(csat([3, 3])).toBe(0);
  });

  it('rejects bad input with exact messages', () => {
    expect(() => csat([5, 6])).toThrow('CSAT: scores row 2: 6 is not a whole number from 1 to 5');
    expect(() => csat([0])).toThrow('CSAT: scores row 1: 0 is not a whole number from 1 to 5');
    expect(() => csat([])).toThrow('CSAT: scores has no answers');
    expect(() => csat([null, undefined])).toThrow('CSAT: scores has no answers');
    expect(() => csat([1], 2)).toThrow('CSAT: scale_max must be a whole number of at least 3');
    expect(() => csat([1], 4.5)).toThrow('CSAT: scale_max must be a whole number of at least 3');
  });
});

describe('dso and daysToClose', () => {
  it('DSO = receivables ÷ credit sales × days', () => {
    // 150,000 owed on 900,000 of credit sales over a 90-day quarter: 15 days.
    expect(dso(150_000, 900_000, 90)).toBe(15);
    expect(dso(0, 900_000, 90)).toBe(0);
  });

  it('days to close counts calendar days after the period end', () => {
    const day = (iso: string) => t(iso) / DAY;
    // January closes on 6 February: 6 days.
    expect(daysToClose(day('2025-02-06'), day('2025-01-31'))).toBe(6);
    expect(daysToClose(day('2025-01-30'), day('2025-01-31'))).toBe(-1);
  });

  it('rejects bad input with exact messages', () => {
    expect(() => dso(1, 0, 90)).toThrow('DSO: credit_sales must be greater than 0');
    expect(() => dso(1, 10, 0)).toThrow('DSO: days must be greater than 0');
    expect(() => dso(-1, 10, 90)).toThrow('DSO: receivables must not be negative');
    expect(() => daysToClose(1.5, 0)).toThrow('daysToClose: closeDay must be a whole day number, not 1.5');
    expect(() => daysToClose(1, NaN)).toThrow('daysToClose: periodEndDay must be a number, not NaN');
  });
});

describe('addMonthsUtc', () => {
  it('adds calendar months and clamps to the end of the month', () => {
    expect(addMonthsUtc(t('2025-01-31T00:00:00Z'), 1)).toBe(t('2025-02-28T00:00:00Z'));
    expect(addMonthsUtc(t('2024-01-31T00:00:00Z'), 1)).toBe(t('2024-02-29T00:00:00Z'));
    expect(addMonthsUtc(t('2024-02-29T00:00:00Z'), 12)).toBe(t('2025-02-28T00:00:00Z'));
    expect(addMonthsUtc(t('2025-01-31T10:30:00Z'), 1)).toBe(t('2025-02-28T10:30:00Z'));
    expect(addMonthsUtc(t('2025-12-15T00:00:00Z'), 1)).toBe(t('2026-01-15T00:00:00Z'));
    expect(addMonthsUtc(t('2025-03-31T00:00:00Z'), -1)).toBe(t('2025-02-28T00:00:00Z'));
    expect(addMonthsUtc(t('1969-12-31T12:00:00Z'), 1)).toBe(t('1970-01-31T12:00:00Z'));
  });
});

describe('retentionRate', () => {
  const asOf = t('2025-06-30');
  const hires = [t('2024-01-15'), t('2024-03-01'), t('2024-06-30'), t('2024-09-01'), t('2024-02-29')];
  const exits = [null, t('2024-11-30'), t('2025-06-30'), null, t('2025-02-28')];

  it('is the share of eligible hires still employed at their anniversary', () => {
    // Row 1 stays; row 2 left before its anniversary; row 3 left on it (counts as retained); row 4 was hired less
    // than 12 months before as_of (left out); row 5's anniversary clamps to 28 Feb 2025, the day it left: 3 of 4.
    expect(retentionRate(hires, exits, asOf)).toBe(0.75);
  });

  it('uses the months argument', () => {
    // With 9 months: row 4 (anniversary 1 Jun 2025) becomes eligible and stays; row 2 (anniversary 1 Dec 2024)
    // still left a day early: 4 of 5. With 6 months row 2 reaches 1 Sep 2024 too: 5 of 5.
    expect(retentionRate(hires, exits, asOf, 9)).toBe(0.8);
    expect(retentionRate(hires, exits, asOf, 6)).toBe(1);
  });

  it('rejects bad input with exact messages', () => {
    expect(() => retentionRate([t('2024-01-01'), t('2024-02-01')], [null, t('2024-01-01')], asOf)).toThrow(
      'RETENTION_RATE: exit_dates row 2: the exit is before its hire',
    );
    expect(() => retentionRate([t('2025-01-01')], [null], asOf)).toThrow(
      'RETENTION_RATE: hire_dates has no hire at least 12 months before as_of',
    );
    expect(() => retentionRate(hires, exits, asOf, 0)).toThrow('RETENTION_RATE: months must be a whole number of at least 1');
    expect(() => retentionRate(hires, exits, NaN)).toThrow('RETENTION_RATE: as_of must be a number, not NaN');
    expect(() => retentionRate(hires, [null], asOf)).toThrow('RETENTION_RATE: hire_dates has 5 rows but exit_dates has 1');
  });
});

describe('uptime and MTBF with merged outages', () => {
  // Period [0, 10 000) ms. Outages: 100-200 and 150-300 overlap (→ 100-300, 200); 900-1000 and 1000-1100 touch
  // (→ 900-1100, 200); −50-50 is clipped to 0-50 (50); 9950-10100 is clipped to 9950-10000 (50); 20000-20100 lies
  // outside. Downtime 500 → uptime 0.95. Four merged failures, operating time 9500 → MTBF 2375.
  const starts = [100, 150, 900, 1000, -50, 9950, 20_000];
  const ends = [200, 300, 1000, 1100, 50, 10_100, 20_100];

  it('merges overlapping outages and clips them to the period', () => {
    expect(uptime(starts, ends, 0, 10_000)).toBe(0.95);
    expect(mtbf(starts, ends, 0, 10_000)).toBe(2375);
  });

  it('gives 99.9 % for 43.2 minutes down in a 30-day month', () => {
    const start = t('2025-04-01T00:00:00Z');
    const outageStart = t('2025-04-10T03:00:00Z');
    expect(uptime([outageStart], [outageStart + 43.2 * MINUTE], start, t('2025-05-01T00:00:00Z'))).toBeCloseTo(0.999, 12);
  });

  it('runs an outage with a blank end to the end of the period', () => {
    expect(uptime([9000], [null], 0, 10_000)).toBe(0.9);
    expect(mtbf([9000], [null], 0, 10_000)).toBe(9000);
  });

  it('leaves out an outage still open that began after the period (a past month read from a live log)', () => {
    expect(uptime([2000], [null], 0, 1000)).toBe(1);
    expect(uptime([500, 2000], [600, null], 0, 1000)).toBe(0.9);
    expect(() => mtbf([2000], [null], 0, 1000)).toThrow('MTBF: outage_starts has no outage inside the period');
  });

  it('is 1 with no outage, or with outages only outside the period', () => {
    expect(uptime([], [], 0, 10_000)).toBe(1);
    expect(uptime([20_000], [20_100], 0, 10_000)).toBe(1);
  });

  it('rejects bad input with exact messages', () => {
    expect(() => uptime([0, 500], [100, 400], 0, 1000)).toThrow('UPTIME: outage_ends row 2: the end is before its start');
    expect(() => uptime([], [], 1000, 1000)).toThrow('UPTIME: period_end must be after period_start');
    expect(() => uptime([0, 1], [5], 0, 1000)).toThrow('UPTIME: outage_starts has 2 rows but outage_ends has 1');
    expect(() => loose(uptime)([0], [5], 'a', 1000)).toThrow('UPTIME: period_start must be a number, not "a"');
    expect(() => mtbf([], [], 0, 1000)).toThrow('MTBF: outage_starts has no outage inside the period');
    expect(() => mtbf([2000], [3000], 0, 1000)).toThrow('MTBF: outage_starts has no outage inside the period');
  });

  it('equals the share of whole ms not under any outage, counted one by one, and MTBF the up time per run of down ms (property)', () => {
    // Integer instants, so an outage [start, end) covers exactly the ms start, start + 1, …, end − 1 and stepping
    // through the period ms by ms is exact. Touching outages form one run, as they form one failure; outages on a
    // 10 ms grid touch and overlap often.
    const tens = (min: number, max: number) => fc.integer({ min: min / 10, max: max / 10 }).map((n) => n * 10);
    const outage = fc.tuple(tens(-300, 1300), tens(0, 300), fc.boolean());
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 1100 }), fc.array(outage, { maxLength: 10 }), (periodStart, length, outages) => {
        const periodEnd = periodStart + length;
        // A blank end (still down) runs to the end of the period; one that begins after the period is outside it.
        const spans = outages.map(([start, span, open]): [number, number | null] => [start, open ? null : start + span]);
        const outageStarts = spans.map(([start]) => start);
        const outageEnds = spans.map(([, end]) => end);
        const isDown = (ms: number) => spans.some(([start, end]) => start <= ms && ms < (end ?? periodEnd));
        let down = 0;
        let runs = 0;
        for (let ms = periodStart; ms < periodEnd; ms++) {
          if (!isDown(ms)) continue;
          down++;
          if (ms === periodStart || !isDown(ms - 1)) runs++;
        }
        expect(uptime(outageStarts, outageEnds, periodStart, periodEnd)).toBeCloseTo(1 - down / length, 12);
        const failures = () => mtbf(outageStarts, outageEnds, periodStart, periodEnd);
        if (runs === 0) expect(failures).toThrow('MTBF: outage_starts has no outage inside the period');
        else expect(failures()).toBeCloseTo((length - down) / runs, 9);
      }),
    );
  });

  it('keeps uptime in 0..1 and never below 1 − summed outage share (property)', () => {
    const outage = fc.tuple(fc.integer({ min: -500, max: 1500 }), fc.integer({ min: 0, max: 400 }));
    fc.assert(
      fc.property(fc.array(outage, { maxLength: 12 }), (outages) => {
        const outageStarts = outages.map(([start]) => start);
        const outageEnds = outages.map(([start, length]) => start + length);
        const value = uptime(outageStarts, outageEnds, 0, 1000);
        const summed = outages.reduce((total, [start, length]) => total + Math.max(0, Math.min(start + length, 1000) - Math.max(start, 0)), 0);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        expect(value).toBeGreaterThanOrEqual(1 - summed / 1000 - 1e-12);
        // Order does not matter.
        expect(uptime([...outageStarts].reverse(), [...outageEnds].reverse(), 0, 1000)).toBeCloseTo(value, 12);
      }),
    );
  });
});
