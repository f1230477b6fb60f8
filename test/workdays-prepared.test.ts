import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarError } from '../core/calendar/errors';
import { addWorkingDays, prepareWorkdays, workingDaysBetween } from '../core/calendar/workdays';

/**
 * prepareWorkdays: one weekend and holiday list prepared for many rows (per-day tables over the holidays' span, or
 * the binary search when they spread over centuries) must answer exactly as the one-call functions, which
 * test/workdays.test.ts checks against a naive day-by-day reference, including WORKDAY's range error. Rows start
 * before, inside and after the holidays' span.
 */

const arbWeekend = fc.oneof(fc.constantFrom<string | number>(1, 2, 7, 11, 17, '', '0000011', '1010100', '0111111'));
/** Holidays of three shapes: scattered, a solid block of days, or spread over centuries (no tables). */
const arbHolidays = fc.oneof(
  fc.array(fc.integer({ min: -400, max: 400 }), { maxLength: 150 }),
  fc.integer({ min: -100, max: 100 }).chain((first) => fc.integer({ min: 1, max: 120 }).map((n) => Array.from({ length: n }, (_, i) => first + i))),
  fc.array(fc.integer({ min: -200_000, max: 200_000 }), { maxLength: 50 }).map((far) => [...far, 0, 3, 5]),
);
const arbRows = fc.array(fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -200, max: 200 })), { minLength: 1, maxLength: 40 });

const outcome = (f: () => number): number | string => {
  try {
    return f();
  } catch (error) {
    if (error instanceof CalendarError) return error.message;
    throw error;
  }
};

describe('prepareWorkdays answers as the one-call functions', () => {
  it('count and add over many rows, scattered, dense and far-spread holidays', () => {
    fc.assert(
      fc.property(arbWeekend, arbHolidays, arbRows, (weekend, holidays, rows) => {
        const workdays = prepareWorkdays(weekend, holidays);
        for (const [start, span] of rows) {
          expect(workdays.count(start, start + span)).toBe(workingDaysBetween(start, start + span, weekend, holidays));
          expect(outcome(() => workdays.add(start, span))).toEqual(outcome(() => addWorkingDays(start, span, weekend, holidays)));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('hand-computed: Mon 3 Mar 2025 + 1 working day over a week of holidays is Mon 10 Mar', () => {
    // Day numbers: 20150 = Mon 3 Mar 2025; Tue 4 .. Fri 7 closed; Sat/Sun weekend.
    const workdays = prepareWorkdays(1, [20151, 20152, 20153, 20154]);
    expect(workdays.add(20150, 1)).toBe(20157);
    expect(workdays.add(20157, -1)).toBe(20150);
    expect(workdays.count(20150, 20157)).toBe(2);
    expect(workdays.count(20157, 20150)).toBe(-2);
  });

  it('checks the weekend when prepared, and keeps WORKDAY.INTL errors per call', () => {
    expect(() => prepareWorkdays(8)).toThrow('weekend: expected a 7-character mask of 0 and 1 (Monday first) or a code 1-7 or 11-17, got 8');
    const allOff = prepareWorkdays('1111111', [1, 2]);
    expect(allOff.count(0, 10)).toBe(0);
    expect(() => allOff.add(0, 1)).toThrow('weekend: every day is a weekend day, so no working day can be reached');
    expect(() => prepareWorkdays().add(0, NaN)).toThrow('days: expected a number');
    expect(() => prepareWorkdays().count(NaN, 0)).toThrow('start_date: expected a date');
  });
});
