import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../core/calendar/compile';
import { CalendarError } from '../core/calendar/errors';
import type { CalendarSpecInput, Window } from '../core/calendar/spec';
import type { WorkCalendar } from '../core/calendar/types';
import { instantOfWallTime, wallTimeOfInstant } from '../core/calendar/zone';

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const officeHours: Window[] = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];
const weekdays = (windows: Window[]) => ({ Mo: windows, Tu: windows, We: windows, Th: windows, Fr: windows });
const allWeek = (windows: Window[]) => ({ ...weekdays(windows), Sa: windows, Su: windows });

describe('compileCalendar: worked examples', () => {
  const brussels = compileCalendar({ timeZone: 'Europe/Brussels', weekly: weekdays(officeHours) });

  it('counts office hours with a lunch break across days', () => {
    // Mon 3 Mar 2025 08:00 → Tue 17:00 Brussels (UTC+1): two full days of 8 h.
    expect(brussels.workingMinutesBetween(t('2025-03-03T07:00:00Z'), t('2025-03-04T16:00:00Z'))).toBe(960);
    // 11:30 → 13:30 the same day: 30 min before lunch, 30 after.
    expect(brussels.workingMinutesBetween(t('2025-03-03T10:30:00Z'), t('2025-03-03T12:30:00Z'))).toBe(60);
    // Signed: the reverse is negative.
    expect(brussels.workingMinutesBetween(t('2025-03-04T16:00:00Z'), t('2025-03-03T07:00:00Z'))).toBe(-960);
    // Friday 16:00 → Monday 09:00: 1 h Friday + 1 h Monday, nothing at the weekend.
    expect(brussels.workingMinutesBetween(t('2025-03-07T15:00:00Z'), t('2025-03-10T08:00:00Z'))).toBe(120);
  });

  it('lands a due time on a closing time exactly at that closing instant', () => {
    // 8 working hours from Monday 08:00 end at Monday 17:00, not Tuesday 08:00.
    expect(iso(brussels.addWorkingMinutes(t('2025-03-03T07:00:00Z'), 480))).toBe('2025-03-03T16:00:00.000Z');
    expect(iso(brussels.addWorkingMinutes(t('2025-03-03T07:00:00Z'), 481))).toBe('2025-03-04T07:01:00.000Z');
    // 4 h from 08:00 is 12:00, the start of lunch.
    expect(iso(brussels.addWorkingMinutes(t('2025-03-03T07:00:00Z'), 240))).toBe('2025-03-03T11:00:00.000Z');
    // Backwards, an opening time is where it lands.
    expect(iso(brussels.addWorkingMinutes(t('2025-03-04T07:00:00Z'), -480))).toBe('2025-03-03T07:00:00.000Z');
    expect(iso(brussels.addWorkingMinutes(t('2025-03-04T07:00:00Z'), -1))).toBe('2025-03-03T15:59:00.000Z');
    // Zero minutes leaves even a non-working start alone.
    expect(brussels.addWorkingMinutes(t('2025-03-08T10:00:00Z'), 0)).toBe(t('2025-03-08T10:00:00Z'));
    // From a non-working time the count starts at the next opening.
    expect(iso(brussels.addWorkingMinutes(t('2025-03-08T10:00:00Z'), 30))).toBe('2025-03-10T07:30:00.000Z');
  });

  it('answers isWorkingTime, nextWorkingTime, localDay and isWorkingDay', () => {
    expect(brussels.isWorkingTime(t('2025-03-03T10:59:00Z'))).toBe(true);
    expect(brussels.isWorkingTime(t('2025-03-03T11:00:00Z'))).toBe(false); // 12:00 local: lunch starts
    expect(brussels.isWorkingTime(t('2025-03-03T07:00:00Z'))).toBe(true); // opening instant
    expect(brussels.isWorkingTime(t('2025-03-03T16:00:00Z'))).toBe(false); // closing instant
    expect(iso(brussels.nextWorkingTime(t('2025-03-03T11:30:00Z')))).toBe('2025-03-03T12:00:00.000Z');
    expect(brussels.nextWorkingTime(t('2025-03-03T09:00:00Z'))).toBe(t('2025-03-03T09:00:00Z'));
    expect(iso(brussels.nextWorkingTime(t('2025-03-07T16:00:00Z')))).toBe('2025-03-10T07:00:00.000Z');
    // 23:30 UTC on 2 March is 00:30 on 3 March in Brussels.
    expect(brussels.localDay(t('2025-03-02T23:30:00Z'))).toBe(Date.UTC(2025, 2, 3) / 86_400_000);
    expect(brussels.isWorkingDay(Date.UTC(2025, 2, 3) / 86_400_000)).toBe(true);
    expect(brussels.isWorkingDay(Date.UTC(2025, 2, 8) / 86_400_000)).toBe(false);
  });

  it('counts real elapsed time across daylight-saving changes', () => {
    const always = compileCalendar({ timeZone: 'Europe/Brussels', weekly: allWeek([{ start: '00:00', end: '24:00' }]) });
    // 30 Mar 2025 has 23 h in Brussels, 26 Oct 2025 has 25 h.
    expect(always.workingMinutesBetween(t('2025-03-29T23:00:00Z'), t('2025-03-30T22:00:00Z'))).toBe(23 * 60);
    expect(always.workingMinutesBetween(t('2025-10-25T22:00:00Z'), t('2025-10-26T23:00:00Z'))).toBe(25 * 60);
    // A night shift 22:00-06:00 over the spring change holds 7 real hours.
    const night = compileCalendar({ timeZone: 'Europe/Brussels', weekly: { Sa: [{ start: '22:00', end: '06:00' }] } });
    expect(night.workingMinutesBetween(t('2025-03-29T00:00:00Z'), t('2025-03-31T00:00:00Z'))).toBe(7 * 60);
    expect(iso(night.addWorkingMinutes(t('2025-03-29T21:00:00Z'), 7 * 60))).toBe('2025-03-30T04:00:00.000Z');
  });

  it('gives a window that crosses midnight to the day it starts on', () => {
    const nights = compileCalendar({ timeZone: 'UTC', weekly: { Fr: [{ start: '22:00', end: '06:00' }] } });
    // Friday 22:00 → Saturday 06:00 counts; Saturday night does not.
    expect(nights.workingMinutesBetween(t('2025-03-07T00:00:00Z'), t('2025-03-09T00:00:00Z'))).toBe(480);
    expect(nights.isWorkingTime(t('2025-03-08T05:59:00Z'))).toBe(true);
    expect(nights.isWorkingTime(t('2025-03-08T23:00:00Z'))).toBe(false);
  });

  it('closes holidays, part-day closures and opens make-up days (Vietnam 2025)', () => {
    const hanoi = compileCalendar({
      timeZone: 'Asia/Ho_Chi_Minh',
      weekly: weekdays([{ start: '08:00', end: '17:00' }]),
      holidayCountries: ['VN'],
      holidays: [{ date: '2025-05-02', name: 'bridge day' }],
      makeUpDays: [{ date: '2025-04-26', name: 'worked for 2 May' }],
      closures: [{ date: '2025-12-31', start: '12:00', end: '17:00' }],
    });
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    // Tết 2025 (lunar new year 29 January): the announced schedule closes Mon 27 - Fri 31 Jan.
    for (const d of ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']) expect(hanoi.isWorkingDay(day(d))).toBe(false);
    expect(hanoi.isWorkingDay(day('2025-02-03'))).toBe(true);
    expect(hanoi.isWorkingDay(day('2025-04-30'))).toBe(false);
    expect(hanoi.isWorkingDay(day('2025-05-02'))).toBe(false);
    expect(hanoi.isWorkingDay(day('2025-04-26'))).toBe(true); // a Saturday worked like a Monday
    // 31 Dec closes at noon: 08:00-12:00 only (UTC+7).
    expect(hanoi.workingMinutesBetween(t('2025-12-31T00:00:00Z'), t('2026-01-01T00:00:00Z'))).toBe(240);
    // 3 business days from Friday 24 Jan: Mon 3, Tue 4, Wed 5 Feb, due at its close (17:00 = 10:00Z).
    expect(iso(hanoi.businessDaysDue(t('2025-01-24T03:00:00Z'), 3))).toBe('2025-02-05T10:00:00.000Z');
    // From Friday 25 Apr: the make-up Saturday counts, then Mon 28, Tue 29 (30 Apr, 1-2 May closed).
    expect(iso(hanoi.businessDaysDue(t('2025-04-25T03:00:00Z'), 3))).toBe('2025-04-29T10:00:00.000Z');
  });

  it('counts working days after a day, up to and including another', () => {
    const cal = compileCalendar({ timeZone: 'Asia/Ho_Chi_Minh', weekly: weekdays(officeHours), holidayCountries: ['VN'] });
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    // Fri 24 Jan 2025 → Tue 4 Feb: Mon 3 Feb, Tue 4 Feb (Tết 2025 as announced closes 27 - 31 Jan).
    expect(cal.workingDaysAfter(day('2025-01-24'), day('2025-02-04'))).toBe(2);
    expect(cal.workingDaysAfter(day('2025-02-04'), day('2025-01-24'))).toBe(-2);
    expect(cal.workingDaysAfter(day('2025-01-24'), day('2025-01-24'))).toBe(0);
    expect(cal.workingDaysAfter(day('2000-01-03'), day('2025-01-01'))).toBeGreaterThan(6000); // from the first year of the holiday tables
  });

  it('places wall-clock times in a zone: DST gaps move forward, repeated times take the first', () => {
    const wall = (iso: string) => Date.parse(`${iso}Z`);
    expect(iso(instantOfWallTime(wall('2025-03-30T02:30:00'), 'Europe/Brussels'))).toBe('2025-03-30T01:30:00.000Z'); // 03:30 CEST
    expect(iso(instantOfWallTime(wall('2025-10-26T02:30:00'), 'Europe/Brussels'))).toBe('2025-10-26T00:30:00.000Z'); // first 02:30
    expect(iso(instantOfWallTime(wall('2025-07-01T09:00:00'), 'Asia/Ho_Chi_Minh'))).toBe('2025-07-01T02:00:00.000Z');
    expect(wallTimeOfInstant(Date.parse('2025-07-01T02:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(wall('2025-07-01T09:00:00'));
  });

  it('grows its tables in both directions and keeps differences exact', () => {
    const cal = compileCalendar({ timeZone: 'Europe/Brussels', weekly: weekdays(officeHours) });
    const a = t('2025-06-02T06:00:00Z');
    const far = cal.addWorkingMinutes(a, 480 * 2600); // about ten years ahead
    const early = t('1995-06-05T06:00:00Z');
    const total = cal.workingMinutesBetween(early, far);
    expect(total).toBe(cal.workingMinutesBetween(early, a) + cal.workingMinutesBetween(a, far));
    expect(cal.workingMinutesBetween(a, far)).toBe(480 * 2600);
    expect(cal.addWorkingMinutes(far, -total)).toBe(early);
  });
});

describe('compileCalendar: bad input', () => {
  const bad = (spec: unknown) => () => compileCalendar(spec as CalendarSpecInput);
  it('names the offending field', () => {
    expect(bad(null)).toThrow('calendar: Invalid input: expected object, received null');
    expect(bad({ timeZone: 'Mars/Olympus', weekly: {} })).toThrow(
      'calendar.timeZone: expected an IANA time zone such as Asia/Ho_Chi_Minh or Europe/Brussels',
    );
    expect(bad({ timeZone: 'UTC', weekly: { Mo: [{ start: '25:00', end: '17:00' }] } })).toThrow(
      'calendar.weekly.Mo.0.start: expected a time of day HH:MM (00:00 to 24:00)',
    );
    expect(bad({ timeZone: 'UTC', weekly: {}, holidays: [{ date: '2025-13-01' }] })).toThrow(
      'calendar.holidays.0.date: expected a date YYYY-MM-DD',
    );
    expect(bad({ timeZone: 'UTC', weekly: {}, closures: [{ date: '2025-12-31', start: '17:00', end: '12:00' }] })).toThrow(
      'calendar.closures.0: the closure 17:00-12:00 on 2025-12-31 ends before it starts',
    );
    expect(bad({ timeZone: 'UTC', weekly: {}, makeUpDays: [{ date: '2025-04-26' }] })).toThrow(
      'calendar.makeUpDays.0: 2025-04-26 would have no working hours (Mo has none)',
    );
    const err = (() => {
      try {
        bad({ timeZone: 'UTC', weekly: { Mo: [{ start: '24:00', end: '17:00' }] } })();
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(CalendarError);
    expect((err as CalendarError).field).toBe('weekly.Mo.0.start');
  });

  it('checks holiday countries at compile time but computes their holidays only for the years asked', () => {
    const years: number[] = [];
    const cal = compileCalendar(
      { timeZone: 'UTC', weekly: weekdays(officeHours), holidayCountries: ['VN'] },
      { holidays: (_country, year) => (years.push(year), year === 2025 ? ['2025-03-04'] : []) },
    );
    expect(years).toEqual([]);
    expect(cal.isWorkingDay(Date.UTC(2025, 2, 4) / 86_400_000)).toBe(false);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2023);
    expect(Math.max(...years)).toBeLessThanOrEqual(2027);
  });

  it('rejects unknown countries, calendars without hours and instants out of range', () => {
    expect(() => compileCalendar({ timeZone: 'UTC', weekly: weekdays(officeHours), holidayCountries: ['XX'] })).toThrow(
      'holidays: unknown country or region "XX" (expected an ISO 3166 code such as VN or DE-BY; the holiday tables cover AU, BE, CN, DE, FR, GB, HK, IN, JP, KR, NL, SG, TH, TW, US, VN and their regions, 2000-2060)',
    );
    const closed = compileCalendar({ timeZone: 'UTC', weekly: {} });
    expect(closed.workingMinutesBetween(t('2025-01-01T00:00:00Z'), t('2025-02-01T00:00:00Z'))).toBe(0);
    expect(() => closed.addWorkingMinutes(t('2025-01-01T00:00:00Z'), 10)).toThrow('calendar: it has no working hours on any day');
    const cal = compileCalendar({ timeZone: 'UTC', weekly: weekdays(officeHours) });
    expect(() => cal.workingMinutesBetween(t('2500-01-01T00:00:00Z'), 0)).toThrow(
      'instant: 2500-01-01 is outside the years 1900-2300 that calendars cover',
    );
    expect(() => cal.workingMinutesBetween(NaN, 0)).toThrow('instant: expected a date-time, got NaN');
    expect(() => cal.addWorkingMinutes(0, Infinity)).toThrow('minutes: expected a finite number, got Infinity');
    expect(() => cal.addWorkingMinutes(t('2025-01-01T00:00:00Z'), 480 * 300 * 280)).toThrow(
      'minutes: the result lies outside the years 1900-2300 that calendars cover',
    );
    expect(() => cal.businessDaysDue(0, 1.5)).toThrow('days: expected a whole number of business days ≥ 1, got 1.5');
  });
});

// ---- properties ---------------------------------------------------------------------------------------------

const ZONES = ['UTC', 'Europe/Brussels', 'America/New_York', 'Asia/Ho_Chi_Minh', 'Australia/Lord_Howe', 'Asia/Kolkata'];
const WEEKDAY_KEYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** Windows on whole hours: a window starting inside a DST gap is then the first instant at or after it either way. */
const windowArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 24 }))
  // A window that ends when it starts is an error (empty), so 24 hours only from midnight.
  .filter(([start, length]) => start === 0 || length < 24)
  .map(([start, length]) => ({ start: hh(start), end: hh(start + length === 24 ? 24 : (start + length) % 24) }));
const specArb = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  weekly: fc.tuple(...WEEKDAY_KEYS.map(() => fc.array(windowArb, { maxLength: 2 }))).map((days) =>
    Object.fromEntries(WEEKDAY_KEYS.map((k, i) => [k, days[i]])),
  ),
  holidays: fc.array(fc.integer({ min: 0, max: 40 }).map((d) => ({ date: new Date(Date.UTC(2025, 2, 1 + d)).toISOString().slice(0, 10) })), {
    maxLength: 4,
  }),
});
/** Minute-aligned instants around the March and October DST changes of 2025, spanning a few weeks. */
const instantArb = fc.integer({ min: 0, max: 40 * 1440 }).map((m) => Date.UTC(2025, 2, 1) + m * 60_000);

/** The deliberately naive reference: is each minute inside a window of its local day or of the day before? */
function naiveMinutes(spec: CalendarSpecInput, a: number, b: number): number {
  const holidays = new Set((spec.holidays ?? []).map((h) => h.date));
  const minutes = (x: string) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3, 5));
  const working = (m: number) => {
    const wall = m + tzOffset(spec.timeZone, new Date(m)) * 60_000;
    const localDay = Math.floor(wall / 86_400_000);
    const minuteOfDay = (wall - localDay * 86_400_000) / 60_000;
    for (const back of [0, 1]) {
      const day = localDay - back;
      if (holidays.has(new Date(day * 86_400_000).toISOString().slice(0, 10))) continue;
      const windows = (spec.weekly as Record<string, Window[]>)[WEEKDAY_KEYS[(((day + 3) % 7) + 7) % 7]] ?? [];
      for (const w of windows) {
        const s = minutes(w.start);
        const e = minutes(w.end) <= s ? minutes(w.end) + 1440 : minutes(w.end);
        const at = minuteOfDay + back * 1440;
        if (at >= s && at < e) return true;
      }
    }
    return false;
  };
  const [from, to, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let m = from; m < to; m += 60_000) if (working(m)) count++;
  return count === 0 ? 0 : sign * count;
}

describe('compileCalendar: properties', () => {
  it('agrees with minute-by-minute stepping on small random calendars', () => {
    fc.assert(
      fc.property(specArb, instantArb, fc.integer({ min: -6 * 1440, max: 6 * 1440 }), (spec, a, span) => {
        const b = a + span * 60_000;
        expect(compileCalendar(spec).workingMinutesBetween(a, b)).toBe(naiveMinutes(spec, a, b));
      }),
      { numRuns: 150 },
    );
  });

  const calendars = new Map<string, WorkCalendar>();
  const compiled = (spec: CalendarSpecInput) => {
    const key = JSON.stringify(spec);
    if (!calendars.has(key)) calendars.set(key, compileCalendar(spec));
    return calendars.get(key)!;
  };
  const workingSpecArb = specArb.filter((s) => Object.values(s.weekly).some((w) => w.length > 0));
  const anyInstant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });

  it('is additive: d(a,b) + d(b,c) = d(a,c)', () => {
    fc.assert(
      fc.property(workingSpecArb, anyInstant, anyInstant, anyInstant, (spec, a, b, c) => {
        const cal = compiled(spec);
        const ab = cal.workingMinutesBetween(a, b) * 60_000;
        const bc = cal.workingMinutesBetween(b, c) * 60_000;
        expect(Math.round(ab + bc)).toBe(Math.round(cal.workingMinutesBetween(a, c) * 60_000));
      }),
    );
  });

  it('addWorkingMinutes inverts workingMinutesBetween on working instants', () => {
    fc.assert(
      fc.property(workingSpecArb, anyInstant, fc.integer({ min: -200_000, max: 200_000 }), (spec, raw, minutes) => {
        const cal = compiled(spec);
        const start = cal.nextWorkingTime(raw);
        const end = cal.addWorkingMinutes(start, minutes);
        expect(cal.workingMinutesBetween(start, end)).toBe(minutes);
        if (minutes !== 0 && cal.isWorkingTime(end)) expect(cal.addWorkingMinutes(start, cal.workingMinutesBetween(start, end))).toBe(end);
      }),
    );
  });

  it('is monotonic in both arguments and in the minutes added', () => {
    fc.assert(
      fc.property(workingSpecArb, anyInstant, anyInstant, fc.nat(100_000), fc.nat(100_000), (spec, x, y, m1, m2) => {
        const cal = compiled(spec);
        const [a, b] = x <= y ? [x, y] : [y, x];
        expect(cal.workingMinutesBetween(a, b)).toBeGreaterThanOrEqual(0);
        expect(cal.workingMinutesBetween(a, b + 3_600_000)).toBeGreaterThanOrEqual(cal.workingMinutesBetween(a, b));
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(cal.addWorkingMinutes(a, hi)).toBeGreaterThanOrEqual(cal.addWorkingMinutes(a, lo));
      }),
    );
  });
});
