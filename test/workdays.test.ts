import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberOfIso, isoOfDayNumber } from '../core/calendar/days';
import { CalendarError } from '../core/calendar/errors';
import { addWorkingDays, parseWeekend, workingDaysBetween } from '../core/calendar/workdays';
import { calendarErrorOf as errorOf } from './helpers/calendar-errors';

const d = dayNumberOfIso;
const WEEKEND_ERROR = 'weekend: expected a 7-character mask of 0 and 1 (Monday first) or a code 1-7 or 11-17, got ';

// First in the file: weekend tables are built once per argument and remembered, so these build their own.
describe('weekends that are not symmetric, and holidays that are not numbers of days', () => {
  it('steps forwards and backwards over a weekend on Thursday only, or on Monday, Wednesday and Friday', () => {
    // Wed 5 Mar 2025 → 1 working day later is Fri 7 Mar (Thursday off); from Fri 7 Mar, 1 earlier is Wed 5 Mar.
    expect(isoOfDayNumber(addWorkingDays(d('2025-03-05'), 1, 15))).toBe('2025-03-07');
    expect(isoOfDayNumber(addWorkingDays(d('2025-03-07'), -1, 15))).toBe('2025-03-05');
    expect(isoOfDayNumber(addWorkingDays(d('2025-03-07'), -7, 15))).toBe('2025-02-26');
    // Mo, We, Fr off: working days Tu, Th, Sa, Su.
    expect(isoOfDayNumber(addWorkingDays(d('2025-03-04'), 1, '1010100'))).toBe('2025-03-06');
    expect(isoOfDayNumber(addWorkingDays(d('2025-03-04'), 2, '1010100'))).toBe('2025-03-08');
    expect(isoOfDayNumber(addWorkingDays(d('2025-03-04'), -1, '1010100'))).toBe('2025-03-02');
    expect(isoOfDayNumber(addWorkingDays(d('2025-03-04'), -2, '1010100'))).toBe('2025-03-01');
    expect(isoOfDayNumber(addWorkingDays(d('2025-03-04'), -5, '1010100'))).toBe('2025-02-23');
  });

  it('rejects a 7-digit number as a weekend: only text is a mask', () => {
    expect(errorOf(() => parseWeekend(1000001)).message).toBe(`${WEEKEND_ERROR}1000001`);
  });

  it('ignores holidays that are not finite numbers', () => {
    const holiday = d('2025-03-05');
    for (const junk of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(workingDaysBetween(d('2025-03-03'), d('2025-03-07'), 1, [junk, holiday])).toBe(4);
      expect(workingDaysBetween(d('2025-03-03'), d('2025-03-07'), 1, [holiday, junk])).toBe(4);
      expect(isoOfDayNumber(addWorkingDays(d('2025-03-03'), 3, 1, [junk, holiday]))).toBe('2025-03-07');
      expect(isoOfDayNumber(addWorkingDays(d('2025-03-07'), -3, 1, [holiday, junk]))).toBe('2025-03-03');
    }
  });
});

describe('the published examples (Microsoft help for NETWORKDAYS.INTL and WORKDAY.INTL)', () => {
  it('NETWORKDAYS.INTL', () => {
    // January 2006 starts on a Sunday: 22 weekdays.
    expect(workingDaysBetween(d('2006-01-01'), d('2006-01-31'))).toBe(22);
    // Backwards: 31 Jan (Tue) to 28 Feb (Tue) is 21 weekdays, negated.
    expect(workingDaysBetween(d('2006-02-28'), d('2006-01-31'))).toBe(-21);
    // Friday+Saturday weekend: 4 weeks of 5 + Sun-Wed (4) = 24, minus two Monday holidays.
    expect(workingDaysBetween(d('2006-01-01'), d('2006-02-01'), 7, [d('2006-01-02'), d('2006-01-16')])).toBe(22);
    // Wednesday and Sunday off: 4 weeks of 5 + Mon, Tue = 22, minus the same two Mondays.
    expect(workingDaysBetween(d('2006-01-01'), d('2006-02-01'), '0010001', [d('2006-01-02'), d('2006-01-16')])).toBe(20);
  });

  it('WORKDAY.INTL', () => {
    expect(errorOf(() => addWorkingDays(d('2012-01-01'), 30, 0)).message).toBe(`${WEEKEND_ERROR}0`);
    // Sunday-only weekend, 6 working days a week: 90 = 15 weeks from Sunday 1 Jan ends on Saturday 14 Apr
    // (serial 41013, as in Microsoft's help; not 1 May).
    expect(isoOfDayNumber(addWorkingDays(d('2012-01-01'), 90, 11))).toBe('2012-04-14');
    // Saturday-only weekend: 30 = 5 weeks from Sunday 1 Jan lands on Sunday 5 Feb (serial 40944).
    expect(isoOfDayNumber(addWorkingDays(d('2012-01-01'), 30, 17))).toBe('2012-02-05');
  });
});

describe('workingDaysBetween (NETWORKDAYS.INTL)', () => {
  const mon = d('2025-03-03');
  const fri = d('2025-03-07');
  const sat = d('2025-03-08');
  const sun = d('2025-03-09');

  it('counts both ends, and one day when start = end', () => {
    expect(workingDaysBetween(mon, fri)).toBe(5);
    expect(workingDaysBetween(mon, mon)).toBe(1);
    expect(workingDaysBetween(sat, sat)).toBe(0);
    expect(workingDaysBetween(sat, sun)).toBe(0);
    expect(workingDaysBetween(fri, mon + 7)).toBe(2);
  });

  it('gives minus the forward count when start is after end, never -0', () => {
    expect(workingDaysBetween(mon + 7, fri)).toBe(-2);
    expect(workingDaysBetween(sun, sat)).toBe(0);
    expect(Object.is(workingDaysBetween(sun, sat), 0)).toBe(true);
  });

  it('ignores holidays on weekend days, duplicates, out-of-range dates, blanks and text; floors fractions', () => {
    const holidays = [sat, sun, mon - 1, fri + 3, 'x', '', d('2025-03-05'), d('2025-03-05') + 0.75, d('2025-03-05')];
    expect(workingDaysBetween(mon, fri, 1, holidays)).toBe(4);
    // Ranges arrive as 2-D arrays.
    expect(workingDaysBetween(mon, fri, 1, [[d('2025-03-04')], [''], [d('2025-03-06')]])).toBe(3);
    // A holiday that is a weekday under another weekend.
    expect(workingDaysBetween(mon, sun, '0000000', [sat])).toBe(6);
  });

  it('floors fractional dates', () => {
    expect(workingDaysBetween(mon + 0.9, fri + 0.999)).toBe(5);
    expect(workingDaysBetween(fri + 0.5, mon + 0.5)).toBe(-5);
  });

  it('accepts "0000000" and gives 0 for "1111111"', () => {
    expect(workingDaysBetween(mon, sun, '0000000')).toBe(7);
    expect(workingDaysBetween(mon, sun + 700, '1111111', [mon])).toBe(0);
    expect(workingDaysBetween(sun + 700, mon, '1111111')).toBe(0);
  });

  it('is exact over centuries', () => {
    // 1900-01-01 … 2099-12-31: 73,049 days, 10,435 whole weeks and 4 days (Mon-Thu, 1900-01-01 was a Monday).
    expect(workingDaysBetween(d('1900-01-01'), d('2099-12-31'))).toBe(10_435 * 5 + 4);
  });

  it('treats an omitted or blank weekend as code 1', () => {
    expect(workingDaysBetween(mon, sun, '')).toBe(5);
    expect(workingDaysBetween(mon, sun, undefined)).toBe(5);
  });

  it('rejects dates that are not finite numbers', () => {
    const e = errorOf(() => workingDaysBetween(Number.NaN, fri));
    expect([e.field, e.message]).toEqual(['start_date', 'start_date: expected a date']);
    expect(errorOf(() => workingDaysBetween(mon, Infinity)).message).toBe('end_date: expected a date');
  });
});

describe('addWorkingDays (WORKDAY.INTL)', () => {
  const fri = d('2025-03-07');
  const sat = d('2025-03-08');
  const mon = d('2025-03-10');

  it('never counts the start day, forwards and backwards', () => {
    expect(addWorkingDays(fri, 1)).toBe(mon);
    expect(addWorkingDays(sat, 1)).toBe(mon);
    expect(addWorkingDays(mon, -1)).toBe(fri);
    expect(addWorkingDays(sat, -1)).toBe(fri);
    expect(addWorkingDays(mon, 5)).toBe(mon + 7);
    expect(addWorkingDays(mon, -5)).toBe(mon - 7);
  });

  it('returns the start unchanged for 0 days, even on a weekend or a holiday', () => {
    expect(addWorkingDays(sat, 0)).toBe(sat);
    expect(addWorkingDays(mon, 0, 1, [mon])).toBe(mon);
    expect(addWorkingDays(sat + 0.7, 0.9)).toBe(sat); // days cut to 0, start floored
  });

  it('cuts fractional day counts toward zero', () => {
    expect(addWorkingDays(fri, 1.9)).toBe(mon);
    expect(addWorkingDays(mon, -1.9)).toBe(fri);
    expect(addWorkingDays(fri, -0.5)).toBe(fri);
  });

  it('skips holidays, including runs of them and ones the start sits on', () => {
    const tue = mon + 1;
    expect(addWorkingDays(fri, 1, 1, [mon])).toBe(tue);
    expect(addWorkingDays(fri, 1, 1, [mon, tue, tue, sat, 'closed'])).toBe(mon + 2);
    expect(addWorkingDays(mon, 1, 1, [mon])).toBe(tue);
    expect(addWorkingDays(tue, -1, 1, [mon, fri])).toBe(fri - 1);
    // A holiday right after a jump of whole weeks.
    expect(addWorkingDays(fri, 5, 1, [fri + 7])).toBe(fri + 10);
  });

  it('is exact for 100,000 working days', () => {
    // 100,000 = 20,000 weeks of 5: back on a Friday 140,000 days later.
    expect(addWorkingDays(fri, 100_000)).toBe(fri + 140_000);
    expect(addWorkingDays(fri, -100_000)).toBe(fri - 140_000);
  });

  it('rejects "1111111" even for 0 days, and checks the weekend before the 0-day shortcut', () => {
    const e = errorOf(() => addWorkingDays(fri, 0, '1111111'));
    expect([e.field, e.message]).toEqual(['weekend', 'weekend: every day is a weekend day, so no working day can be reached']);
    expect(errorOf(() => addWorkingDays(fri, 0, 8)).message).toBe(`${WEEKEND_ERROR}8`);
  });

  it('rejects a start or a day count that is not a finite number', () => {
    expect(errorOf(() => addWorkingDays(Number.NaN, 1)).message).toBe('start_date: expected a date');
    const e = errorOf(() => addWorkingDays(fri, Infinity));
    expect([e.field, e.message]).toEqual(['days', 'days: expected a number']);
  });
});

describe('parseWeekend', () => {
  const mask = (w?: string | number) => parseWeekend(w).map((off) => (off ? '1' : '0')).join('');

  it('reads masks Monday first, and codes 1-7 and 11-17', () => {
    expect(mask()).toBe('0000011');
    expect(mask('0010001')).toBe('0010001');
    expect([1, 2, 3, 4, 5, 6, 7].map(mask)).toEqual(['0000011', '1000001', '1100000', '0110000', '0011000', '0001100', '0000110']);
    expect([11, 12, 13, 14, 15, 16, 17].map(mask)).toEqual(['0000001', '1000000', '0100000', '0010000', '0001000', '0000100', '0000010']);
    expect(mask(3.0)).toBe('1100000');
  });

  it.each([
    [0, '0'],
    [8, '8'],
    [9, '9'],
    [10, '10'],
    [18, '18'],
    [-1, '-1'],
    [1.5, '1.5'],
    [Number.NaN, 'NaN'],
    ['1', '"1"'],
    ['11', '"11"'],
    ['000001', '"000001"'],
    ['00000011', '"00000011"'],
    ['000002x', '"000002x"'],
    ['0000 11', '"0000 11"'],
  ])('rejects %s in both functions', (weekend, shown) => {
    for (const call of [() => parseWeekend(weekend), () => workingDaysBetween(0, 10, weekend), () => addWorkingDays(0, 1, weekend)]) {
      const e = errorOf(call);
      expect([e.field, e.message]).toEqual(['weekend', `${WEEKEND_ERROR}${shown}`]);
    }
  });
});

// ---- a deliberately naive reference: one day at a time ------------------------------------------------------

const CODES: Record<number, string> = {
  1: '0000011', 2: '1000001', 3: '1100000', 4: '0110000', 5: '0011000', 6: '0001100', 7: '0000110',
  11: '0000001', 12: '1000000', 13: '0100000', 14: '0010000', 15: '0001000', 16: '0000100', 17: '0000010',
};

function naiveIsWorking(mask: string, holidays: readonly unknown[]) {
  const off = new Set(holidays.flat(Infinity).filter((h): h is number => typeof h === 'number').map(Math.floor));
  // 1970-01-01 was a Thursday: index 3, Monday first.
  return (day: number) => mask[(((day + 3) % 7) + 7) % 7] === '0' && !off.has(day);
}

function naiveNetworkdays(start: number, end: number, mask: string, holidays: readonly unknown[]): number {
  const isWorking = naiveIsWorking(mask, holidays);
  const [a, b] = [Math.floor(start), Math.floor(end)];
  let count = 0;
  for (let day = Math.min(a, b); day <= Math.max(a, b); day++) if (isWorking(day)) count++;
  return a <= b ? count : -count || 0;
}

function naiveWorkday(start: number, days: number, mask: string, holidays: readonly unknown[]): number {
  const isWorking = naiveIsWorking(mask, holidays);
  let day = Math.floor(start);
  let left = Math.trunc(days);
  const step = Math.sign(left);
  while (left !== 0) {
    day += step;
    if (isWorking(day)) left -= step;
  }
  return day;
}

const arbWeekend = fc.oneof(
  fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15, 16, 17),
  fc.array(fc.constantFrom('0', '1'), { minLength: 7, maxLength: 7 }).map((c) => c.join('')),
);
const maskOfArg = (w: string | number) => (typeof w === 'number' ? CODES[w] : w);
const arbStart = fc.oneof(fc.integer({ min: -40_000, max: 80_000 }), fc.double({ min: -40_000, max: 80_000, noNaN: true }));
/** Holidays near the start (so they matter), fractional ones, duplicates, blanks, text, and cells of a 2-D range. */
const arbHolidays = (start: number) =>
  fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: -60, max: 60 }).map((k) => Math.floor(start) + k) },
      { weight: 1, arbitrary: fc.double({ min: -60, max: 60, noNaN: true }).map((k) => start + k) },
      { weight: 1, arbitrary: fc.constantFrom('', 'holiday', '2025-01-01') },
      { weight: 1, arbitrary: fc.integer({ min: -60, max: 60 }).map((k) => [Math.floor(start) + k, '']) },
    ),
    { maxLength: 40 },
  );

describe('agreement with a naive day-by-day reference', () => {
  it('workingDaysBetween', () => {
    fc.assert(
      fc.property(
        arbStart.chain((start) =>
          fc.tuple(fc.constant(start), fc.double({ min: -400, max: 400, noNaN: true }), arbWeekend, arbHolidays(start)),
        ),
        ([start, span, weekend, holidays]) => {
          const expected = naiveNetworkdays(start, start + span, maskOfArg(weekend), holidays);
          expect(workingDaysBetween(start, start + span, weekend, holidays)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('addWorkingDays', () => {
    fc.assert(
      fc.property(
        arbStart.chain((start) =>
          fc.tuple(
            fc.constant(start),
            fc.oneof(fc.integer({ min: -80, max: 80 }), fc.double({ min: -80, max: 80, noNaN: true })),
            arbWeekend,
            arbHolidays(start),
          ),
        ),
        ([start, days, weekend, holidays]) => {
          const mask = maskOfArg(weekend);
          if (mask === '1111111') {
            expect(() => addWorkingDays(start, days, weekend, holidays)).toThrow(CalendarError);
          } else {
            expect(addWorkingDays(start, days, weekend, holidays)).toBe(naiveWorkday(start, days, mask, holidays));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('addWorkingDays for large counts with dense holidays', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        arbWeekend.filter((w) => maskOfArg(w) !== '1111111'),
        fc.array(fc.integer({ min: -150_000, max: 150_000 }), { maxLength: 300 }),
        (days, weekend, holidays) => {
          expect(addWorkingDays(1000, days, weekend, holidays)).toBe(naiveWorkday(1000, days, maskOfArg(weekend), holidays));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('both functions agree with each other: n working days after start make n + 1 counted days', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 20_000 }), fc.integer({ min: 1, max: 5000 }), arbWeekend, (start, n, weekend) => {
        if (maskOfArg(weekend) === '1111111') return;
        const startWorking = workingDaysBetween(start, start, weekend);
        expect(workingDaysBetween(start, addWorkingDays(start, n, weekend), weekend)).toBe(n + startWorking);
      }),
    );
  });
});
