import { describe, expect, it } from 'vitest';
import { csat, cycleTime, errorRate, ftrRate, mtbf, reopenRate, retentionRate, timeToFill, uptime } from '../core/kpi';
import { loose } from './helpers/scorecard-builders';

const t = (iso: string) => Date.parse(iso);

describe('KPI input messages name the function, the argument and the value', () => {
  it('shows each kind of bad value as a person would read it', () => {
    const row = (value: unknown) => () => loose(cycleTime)([value], [1]);
    expect(row(new Date(NaN))).toThrow('cycleTime: starts row 1: an invalid date is not a number');
    expect(row(new Date(Date.UTC(2025, 2, 1)))).toThrow('cycleTime: starts row 1: 2025-03-01T00:00:00.000Z is not a number');
    expect(row({ at: 1 })).toThrow('cycleTime: starts row 1: {"at":1} is not a number');
    expect(row([1, 2])).toThrow('cycleTime: starts row 1: [1,2] is not a number');
    // An object whose JSON form is nothing at all.
    expect(row({ toJSON: () => undefined })).toThrow('cycleTime: starts row 1: an object is not a number');
    expect(row(true)).toThrow('cycleTime: starts row 1: true is not a number');
    expect(row(12n)).toThrow('cycleTime: starts row 1: 12 is not a number');
    expect(row(NaN)).toThrow('cycleTime: starts row 1: NaN is not a number');
    expect(row(Symbol('s'))).toThrow('cycleTime: starts row 1: a symbol is not a number');
    expect(row(() => 1)).toThrow('cycleTime: starts row 1: a function is not a number');
    expect(row('7')).toThrow('cycleTime: starts row 1: "7" is not a number');
  });

  it('uptime and MTBF name outage_starts, outage_ends, period_end and their own name', () => {
    expect(() => loose(uptime)('x', [], 0, 10)).toThrow('UPTIME: outage_starts must be a list, not "x"');
    expect(() => loose(uptime)([], null, 0, 10)).toThrow('UPTIME: outage_ends must be a list, not blank');
    expect(() => loose(uptime)([], [], 0, 'end')).toThrow('UPTIME: period_end must be a number, not "end"');
    expect(() => loose(uptime)(['a'], [5], 0, 10)).toThrow('UPTIME: outage_starts row 1: "a" is not a number');
    expect(() => loose(uptime)([1, 2], [5, 'b'], 0, 10)).toThrow('UPTIME: outage_ends row 2: "b" is not a number');
    expect(() => mtbf([1], [2], 10, 10)).toThrow('MTBF: period_end must be after period_start');
    expect(() => loose(mtbf)([1], 'x', 0, 10)).toThrow('MTBF: outage_ends must be a list, not "x"');
  });

  it('cycle time counts a row that ends the instant it starts as 0; time to fill names opened', () => {
    expect(cycleTime([0, 10], [0, 20])).toBe(5);
    expect(() => loose(timeToFill)(['monday'], [1])).toThrow('TIME_TO_FILL: opened row 1: "monday" is not a number');
    expect(() => loose(timeToFill)('x', [1])).toThrow('TIME_TO_FILL: opened must be a list, not "x"');
  });

  it('FTR counts reworks of 0 as right first time and names its list', () => {
    expect(ftrRate([0, 0, 0, 1])).toBe(0.75);
    expect(ftrRate([2, 0, 5, 1])).toBe(0.25);
    expect(() => loose(ftrRate)('x')).toThrow('FTR_RATE: outcomes must be a list, not "x"');
  });

  it('a part equal to the whole is allowed; reopen rate names reopened', () => {
    expect(errorRate(5, 5)).toBe(1);
    expect(reopenRate(4, 4)).toBe(1);
    expect(() => reopenRate(-1, 4)).toThrow('reopenRate: reopened must not be negative');
    expect(() => reopenRate(5, 4)).toThrow('reopenRate: reopened (5) must not be greater than resolved (4)');
  });

  it('retention: one month is allowed, an exit on the hire day is allowed (and not retained), every argument is named', () => {
    const asOf = t('2025-06-30');
    // Hired 1 May: the one-month anniversary is 1 June. Row 1 stays, row 2 left the day it was hired.
    expect(retentionRate([t('2025-05-01'), t('2025-05-01')], [null, t('2025-05-01')], asOf, 1)).toBe(0.5);
    expect(() => loose(retentionRate)('x', [], asOf)).toThrow('RETENTION_RATE: hire_dates must be a list, not "x"');
    expect(() => loose(retentionRate)([], 'y', asOf)).toThrow('RETENTION_RATE: exit_dates must be a list, not "y"');
    expect(() => loose(retentionRate)([], [], asOf, 'twelve')).toThrow('RETENTION_RATE: months must be a number, not "twelve"');
    expect(() => loose(retentionRate)(['a'], [null], asOf)).toThrow('RETENTION_RATE: hire_dates row 1: "a" is not a number');
    expect(() => loose(retentionRate)([1], ['b'], asOf)).toThrow('RETENTION_RATE: exit_dates row 1: "b" is not a number');
  });

  it('CSAT allows a 3-point scale and names scale_max', () => {
    // On 1..3 the top two boxes are 2 and 3.
    expect(csat([3, 2, 1], 3)).toBeCloseTo(2 / 3, 12);
    expect(() => loose(csat)([5], 'five')).toThrow('CSAT: scale_max must be a number, not "five"');
    expect(() => csat([5], 2)).toThrow('CSAT: scale_max must be a whole number of at least 3');
  });
});
