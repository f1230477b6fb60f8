import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compileCalendar } from '../core/calendar/compile';
import { dayNumberOfIso, isoOfDayNumber, minutesOfTime, MS_PER_DAY } from '../core/calendar/days';
import { publicHolidays } from '../core/calendar/holidays';
import type { CalendarSpecInput, Window } from '../core/calendar/spec';
import type { WorkCalendar } from '../core/calendar/types';
import { wallTimeOfInstant } from '../core/calendar/zone';
import { fieldAndMessageOf as errorOf } from './helpers/calendar-errors';

/**
 * A compiled calendar keeps lazily grown tables (see core/calendar/compile.ts). Its answers must not depend on how
 * those tables grew: forwards, backwards, by doubling or by a large jump, nor on where their edges fall.
 */

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const day = dayNumberOfIso;
const officeHours: Window[] = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];
const weekdays = (windows: Window[]) => ({ Mo: windows, Tu: windows, We: windows, Th: windows, Fr: windows });
const allWeek = (windows: Window[]) => ({ ...weekdays(windows), Sa: windows, Su: windows });

type Query =
  | { kind: 'between'; a: number; b: number }
  | { kind: 'add'; a: number; minutes: number }
  | { kind: 'working'; a: number }
  | { kind: 'next'; a: number }
  | { kind: 'localDay'; a: number }
  | { kind: 'workingDay'; a: number }
  | { kind: 'daysAfter'; a: number; b: number }
  | { kind: 'due'; a: number; n: number };

function answer(cal: WorkCalendar, q: Query): number | boolean {
  switch (q.kind) {
    case 'between':
      return cal.workingMinutesBetween(q.a, q.b);
    case 'add':
      return cal.addWorkingMinutes(q.a, q.minutes);
    case 'working':
      return cal.isWorkingTime(q.a);
    case 'next':
      return cal.nextWorkingTime(q.a);
    case 'localDay':
      return cal.localDay(q.a);
    case 'workingDay':
      return cal.isWorkingDay(Math.floor(q.a / MS_PER_DAY));
    case 'daysAfter':
      return cal.workingDaysAfter(Math.floor(q.a / MS_PER_DAY), Math.floor(q.b / MS_PER_DAY));
    case 'due':
      return cal.businessDaysDue(q.a, q.n);
  }
}

const YEAR_MS = 365.2425 * MS_PER_DAY;

describe('calendar tables: answers do not depend on the order of queries', () => {
  const DST_ZONES = ['Europe/Brussels', 'America/New_York', 'Australia/Lord_Howe'];
  const windowArb = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45), fc.integer({ min: 30, max: 20 * 60 }))
    .map(([h, m, length]): Window => {
      const start = h * 60 + m;
      const end = (start + length) % 1440;
      const hhmm = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
      return { start: hhmm(start), end: end === 0 ? '24:00' : hhmm(end) };
    });

  // Each run lives around one year between 1950 and 2250, so that its tables stay small and the test fast.
  const caseArb = fc.integer({ min: 1950, max: 2250 }).chain((year) => {
    const center = Date.UTC(year, 0, 1);
    const instant = fc.integer({ min: -2 * YEAR_MS, max: 2 * YEAR_MS }).map((x) => center + Math.round(x / 60_000) * 60_000);
    const query: fc.Arbitrary<Query> = fc.oneof(
      fc.record({ kind: fc.constant('between' as const), a: instant, b: instant }),
      fc.record({ kind: fc.constant('add' as const), a: instant, minutes: fc.integer({ min: -150_000, max: 150_000 }) }),
      fc.record({ kind: fc.constant('working' as const), a: instant }),
      fc.record({ kind: fc.constant('next' as const), a: instant }),
      fc.record({ kind: fc.constant('localDay' as const), a: instant }),
      fc.record({ kind: fc.constant('workingDay' as const), a: instant }),
      fc.record({ kind: fc.constant('daysAfter' as const), a: instant, b: instant }),
      fc.record({ kind: fc.constant('due' as const), a: instant, n: fc.integer({ min: 1, max: 300 }) }),
    );
    const spec = fc.record({
      timeZone: fc.constantFrom(...DST_ZONES),
      weekly: fc
        .tuple(...[0, 1, 2, 3, 4, 5, 6].map(() => fc.array(windowArb, { maxLength: 2 })))
        .map((ws) => Object.fromEntries(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'].map((k, i) => [k, ws[i]])))
        .filter((weekly) => Object.values(weekly).some((ws) => ws.length > 0)),
      holidays: fc.array(instant.map((x) => ({ date: isoOfDayNumber(Math.floor(x / MS_PER_DAY)) })), { maxLength: 3 }),
      holidayCountries: fc.constantFrom<string[][]>([], ['VN']),
    });
    return fc.tuple(fc.constant(center), spec, fc.array(query, { minLength: 3, maxLength: 8 }));
  });

  // A made-up country rule (1 May and 25 December of every year), cheaper than date-holidays and the same for all.
  const holidays = (_country: string, year: number) => [`${year}-05-01`, `${year}-12-25`];

  it('ascending, descending, far-future-then-far-past and backwards-first histories give exactly the same answers', () => {
    fc.assert(
      fc.property(caseArb, ([center, spec, queries]) => {
        const compile = () => compileCalendar(spec, { holidays });
        const ascending = compile();
        const sorted = [...queries.keys()].sort((i, j) => queries[i].a - queries[j].a);
        const expected = new Map(sorted.map((i) => [i, answer(ascending, queries[i])]));

        const descending = compile();
        for (const i of [...sorted].reverse()) expect(answer(descending, queries[i])).toBe(expected.get(i));

        // Far future first (a large addition grows the tables by more than doubling), then far past, then in order.
        const jumpy = compile();
        jumpy.addWorkingMinutes(center, 2 * 365 * 60);
        jumpy.isWorkingTime(center - 2.5 * YEAR_MS);
        queries.forEach((q, i) => expect(answer(jumpy, q)).toBe(expected.get(i)));

        // A large subtraction first: the tables grow backwards while an answer is being searched for.
        const backwards = compile();
        backwards.addWorkingMinutes(center, -2 * 365 * 60);
        queries.forEach((q, i) => expect(answer(backwards, q)).toBe(expected.get(i)));
      }),
      { numRuns: 4 },
    );
  });

  it('a calendar asked about the far past first agrees with one grown from the present', () => {
    // Growing backwards moves the origin of the cumulative sums; an addition that must grow the tables backwards.
    const spec = { timeZone: 'America/New_York', weekly: weekdays(officeHours) };
    const back = compileCalendar(spec);
    const start = t('2031-03-10T13:00:00Z');
    const landed = back.addWorkingMinutes(start, -480 * 250 * 6); // about six years back, from fresh tables
    const ref = compileCalendar(spec);
    expect(ref.workingMinutesBetween(landed, start)).toBe(480 * 250 * 6);
    expect(ref.isWorkingTime(landed)).toBe(true);
    expect(back.workingMinutesBetween(landed, start)).toBe(480 * 250 * 6);
    // Going backwards lands on an opening rather than the previous close.
    expect(iso(compileCalendar(spec).addWorkingMinutes(t('2031-03-10T12:00:00Z'), -480 * 250 * 6))).toBe(
      iso(ref.addWorkingMinutes(t('2031-03-10T12:00:00Z'), -480 * 250 * 6)),
    );
  });
});

describe('calendar tables: edges of the tables', () => {
  /**
   * A first query in mid-2025 builds tables over the local years 2024-2026. Queries just inside their edges, exactly on
   * them and just past them, against a reference calendar whose tables end elsewhere (2022 and 2028).
   */
  const ZONES = ['Asia/Ho_Chi_Minh', 'America/New_York', 'UTC', 'Australia/Lord_Howe', 'Pacific/Kiritimati'];
  const localMidnight = (year: number, timeZone: string) => {
    const utc = Date.UTC(year, 0, 1);
    return utc - (wallTimeOfInstant(utc, timeZone) - utc);
  };
  const queriesAt = (x: number): Query[] => [
    { kind: 'working', a: x },
    { kind: 'next', a: x },
    { kind: 'localDay', a: x },
    { kind: 'workingDay', a: x },
    { kind: 'add', a: x, minutes: 90 },
    { kind: 'add', a: x, minutes: -90 },
    { kind: 'between', a: x, b: x + 5_400_000 },
    { kind: 'due', a: x, n: 1 },
  ];

  it.each(ZONES)('answers at the edges of its tables as a calendar whose tables end elsewhere (%s)', (timeZone) => {
    for (const weekly of [allWeek([{ start: '00:00', end: '24:00' }]), weekdays(officeHours)]) {
      const spec = { timeZone, weekly };
      const reference = compileCalendar(spec);
      reference.isWorkingTime(t('2026-07-01T00:00:00Z'));
      reference.isWorkingTime(t('2023-06-01T00:00:00Z'));
      const compare = (cal: WorkCalendar, probes: number[]) => {
        for (const x of probes) {
          for (const q of queriesAt(x)) expect([iso(x), q.kind, answer(cal, q)]).toEqual([iso(x), q.kind, answer(reference, q)]);
        }
      };
      const near = (edge: number) =>
        [-2 * MS_PER_DAY, -MS_PER_DAY - 1, -3_600_000, -1, 0, 1, 3_600_000, MS_PER_DAY].map((delta) => edge + delta);
      const end = [...near(localMidnight(2027, timeZone)), ...near(Date.UTC(2027, 0, 1))].sort((a, b) => a - b);
      const start = [...near(localMidnight(2024, timeZone)), ...near(Date.UTC(2024, 0, 1))].sort((a, b) => b - a);
      // Exactly at the end of the tables, first.
      const atEnd = compileCalendar(spec);
      atEnd.isWorkingTime(t('2025-06-15T12:00:00Z'));
      expect(atEnd.isWorkingTime(localMidnight(2027, timeZone))).toBe(reference.isWorkingTime(localMidnight(2027, timeZone)));
      // Towards the end, in ascending order: the tables grow only when a query passes their end.
      const forwards = compileCalendar(spec);
      forwards.isWorkingTime(t('2025-06-15T12:00:00Z'));
      compare(forwards, end);
      // Towards the start, in descending order.
      const backwards = compileCalendar(spec);
      backwards.isWorkingTime(t('2025-06-15T12:00:00Z'));
      compare(backwards, start);
    }
  });

  it('says whether the first and last days of its tables, and the days just past them, are working days', () => {
    const cal = compileCalendar({ timeZone: 'UTC', weekly: weekdays(officeHours) });
    cal.isWorkingTime(t('2025-06-15T12:00:00Z'));
    // Business days due on the last day of the tables (Thu 31 Dec 2026), from a few days before it.
    expect(iso(cal.businessDaysDue(t('2026-12-27T12:00:00Z'), 4))).toBe('2026-12-31T17:00:00.000Z');
    expect(iso(cal.businessDaysDue(t('2026-12-28T12:00:00Z'), 3))).toBe('2026-12-31T17:00:00.000Z');
    expect(iso(cal.businessDaysDue(t('2026-12-29T12:00:00Z'), 2))).toBe('2026-12-31T17:00:00.000Z');
    // Mon 1 Jan 2024, Sun 31 Dec 2023, Thu 31 Dec 2026, Fri 1 Jan 2027, Sat 2 Jan 2027.
    const days = ['2024-01-01', '2023-12-31', '2026-12-31', '2027-01-01', '2027-01-02'].map(day);
    expect(days.map((d) => cal.isWorkingDay(d))).toEqual([true, false, true, true, false]);
    expect(cal.workingDaysAfter(day('2023-12-31'), day('2027-01-01'))).toBe(262 + 261 + 261 + 1);
  });

  it('says whether the day just past its tables is a working day when that day is a Saturday', () => {
    const cal = compileCalendar({ timeZone: 'UTC', weekly: weekdays(officeHours) });
    cal.isWorkingTime(t('2026-06-15T12:00:00Z')); // tables up to Friday 31 Dec 2027
    expect(cal.isWorkingDay(day('2028-01-01'))).toBe(false);
    expect(cal.workingDaysAfter(day('2027-12-30'), day('2028-01-01'))).toBe(1);
  });

  it('answers about a day far beyond its tables in one step (isWorkingDay, workingDaysAfter)', () => {
    const cal = compileCalendar({ timeZone: 'Europe/Brussels', weekly: weekdays(officeHours) });
    cal.isWorkingTime(t('2025-06-15T12:00:00Z'));
    expect(cal.isWorkingDay(day('2040-01-02'))).toBe(true); // a Monday
    expect(cal.isWorkingDay(day('2012-01-02'))).toBe(true); // a Monday
    const fresh = compileCalendar({ timeZone: 'Europe/Brussels', weekly: weekdays(officeHours) });
    fresh.isWorkingTime(t('2025-06-15T12:00:00Z'));
    expect(fresh.workingDaysAfter(day('2025-06-13'), day('2045-06-16'))).toBe(
      compileCalendar({ timeZone: 'UTC', weekly: weekdays(officeHours) }).workingDaysAfter(day('2025-06-13'), day('2045-06-16')),
    );
  });

  it('closes country holidays in the year the tables grow into', () => {
    const cal = compileCalendar(
      { timeZone: 'UTC', weekly: allWeek(officeHours), holidayCountries: ['VN'] },
      { holidays: (_country, year) => [`${year}-01-01`, `${year}-01-20`] },
    );
    cal.isWorkingTime(t('2025-06-15T12:00:00Z'));
    // Growing to 10 Jan 2040 builds up to early February 2040: its holidays must be in.
    expect(cal.isWorkingDay(day('2040-01-10'))).toBe(true);
    expect(cal.isWorkingDay(day('2040-01-01'))).toBe(false);
    expect(cal.isWorkingDay(day('2040-01-20'))).toBe(false);
    expect(cal.isWorkingDay(day('2040-01-21'))).toBe(true);
  });

  it('reads the local day across DST changes, a skipped day and any distance from the tables’ start', () => {
    const check = (timeZone: string, from: string, to: string, first: string) => {
      const cal = compileCalendar({ timeZone, weekly: weekdays(officeHours) });
      cal.isWorkingTime(t(first));
      const expected = (x: number) => Math.floor(wallTimeOfInstant(x, timeZone) / MS_PER_DAY);
      for (let x = t(from); x < t(to); x += 3_600_000) {
        for (const y of [x, x + 1_799_999, x + 2_700_000]) expect([iso(y), cal.localDay(y)]).toEqual([iso(y), expected(y)]);
      }
    };
    // Brussels: short days in March make a day-count estimate fall short, long ones in October overshoot.
    check('Europe/Brussels', '2024-03-25T00:00:00Z', '2024-04-05T00:00:00Z', '2025-06-15T12:00:00Z');
    check('Europe/Brussels', '2024-10-25T00:00:00Z', '2024-11-05T00:00:00Z', '2025-06-15T12:00:00Z');
    // Lord Howe: half-hour changes, DST in the southern summer.
    check('Australia/Lord_Howe', '2024-04-01T00:00:00Z', '2024-04-12T00:00:00Z', '2025-06-15T12:00:00Z');
    check('Australia/Lord_Howe', '2026-12-20T00:00:00Z', '2027-01-01T00:00:00Z', '2025-06-15T12:00:00Z');
    // Samoa skipped 30 December 2011: the last days of tables holding it are a whole day shorter than counted.
    check('Pacific/Apia', '2012-12-20T00:00:00Z', '2012-12-31T10:00:00Z', '2011-06-15T12:00:00Z');
    check('Pacific/Apia', '2011-12-25T00:00:00Z', '2012-01-03T00:00:00Z', '2011-06-15T12:00:00Z');
    // Kwajalein went from UTC+11 to UTC-12 in 1969, living a day twice: its later days are counted a day too many.
    check('Pacific/Kwajalein', '1969-09-28T00:00:00Z', '1969-10-03T00:00:00Z', '1969-06-15T12:00:00Z');
    check('Pacific/Kwajalein', '1970-12-25T00:00:00Z', '1971-01-01T11:00:00Z', '1969-06-15T12:00:00Z');
  });
});

describe('calendar tables: growing for answers far away', () => {
  it('adds working minutes on a 24/7 calendar, whose tables hold a single interval', () => {
    const always = compileCalendar({ timeZone: 'UTC', weekly: allWeek([{ start: '00:00', end: '24:00' }]) });
    expect(iso(always.addWorkingMinutes(t('2025-06-15T12:00:00Z'), 60))).toBe('2025-06-15T13:00:00.000Z');
    expect(iso(always.addWorkingMinutes(t('2025-06-15T12:00:00Z'), -60))).toBe('2025-06-15T11:00:00.000Z');
    expect(iso(always.addWorkingMinutes(t('2025-06-15T12:00:00Z'), 4 * 365 * 1440))).toBe('2029-06-14T12:00:00.000Z');
    expect(iso(always.nextWorkingTime(t('2299-06-15T12:00:00Z')))).toBe('2299-06-15T12:00:00.000Z');
  });

  it('finds the next working time and the due day many years ahead', () => {
    // Only make-up days work: the calendar has working time although no weekday has hours.
    const rare = compileCalendar({
      timeZone: 'Europe/Brussels',
      weekly: {},
      makeUpDays: [
        { date: '2040-03-03', windows: [{ start: '09:00', end: '10:00' }] },
        { date: '2041-03-04', windows: [{ start: '09:30', end: '10:00' }] },
      ],
    });
    expect(iso(rare.nextWorkingTime(t('2025-06-15T12:00:00Z')))).toBe('2040-03-03T08:00:00.000Z');
    expect(iso(rare.addWorkingMinutes(t('2025-06-15T12:00:00Z'), 70))).toBe('2041-03-04T08:40:00.000Z');
    expect(iso(rare.businessDaysDue(t('2025-06-15T12:00:00Z'), 2))).toBe('2041-03-04T09:00:00.000Z');
    expect(iso(rare.businessDaysDue(t('2040-03-03T12:00:00Z'), 1))).toBe('2041-03-04T09:00:00.000Z');
    // 5,000 business days (about 19 years) from a fresh calendar.
    const cal = compileCalendar({ timeZone: 'UTC', weekly: weekdays(officeHours) });
    expect(iso(cal.businessDaysDue(t('2025-06-13T12:00:00Z'), 5000))).toBe('2044-08-12T17:00:00.000Z');
    expect(iso(cal.businessDaysDue(t('2025-06-13T12:00:00Z'), 1))).toBe('2025-06-16T17:00:00.000Z');
  });

  it('builds its first tables around the first instant asked, even early on 1 January: one build for the next year and a half', () => {
    // A first call pays for every table it builds, unoptimised: a day before the instant made the first tables end a
    // year early, and the next question rebuilt six years. `build` is private; the spy only counts its calls.
    const cal = compileCalendar({ timeZone: 'Asia/Ho_Chi_Minh', weekly: weekdays(officeHours), holidayCountries: ['VN'] });
    const build = vi.spyOn(Object.getPrototypeOf(cal) as { build: () => void }, 'build');
    try {
      expect(cal.workingMinutesBetween(t('2024-01-01T01:00:00Z'), t('2025-06-30T10:00:00Z'))).toBeGreaterThan(0);
      expect(build).toHaveBeenCalledTimes(1);
    } finally {
      build.mockRestore();
    }
  });

  it('reaches 1900-01-02 and 2300-12-30 but not the days next to the limits', () => {
    const always = () => compileCalendar({ timeZone: 'UTC', weekly: allWeek([{ start: '00:00', end: '24:00' }]) });
    expect(always().workingMinutesBetween(t('1900-01-02T12:00:00Z'), t('1900-01-02T13:00:00Z'))).toBe(60);
    const cal = always();
    expect(cal.workingMinutesBetween(t('2300-12-30T12:00:00Z'), t('2300-12-30T13:00:00Z'))).toBe(60);
    const outside = (x: string, shown: string) =>
      expect(errorOf(() => compileCalendar({ timeZone: 'UTC', weekly: weekdays(officeHours) }).isWorkingTime(t(x)))).toEqual([
        'instant',
        `instant: ${shown} is outside the years 1900-2300 that calendars cover`,
      ]);
    outside('1899-12-31T12:00:00Z', '1899-12-31');
    outside('1900-01-01T12:00:00Z', '1900-01-01');
    outside('2300-12-31T12:00:00Z', '2300-12-31');
    expect(errorOf(() => cal.isWorkingTime(1e20))).toEqual(['instant', 'instant: 100000000000000000000 is outside the years 1900-2300 that calendars cover']);
    // Days: the whole range 1900-2300.
    expect(compileCalendar({ timeZone: 'UTC', weekly: weekdays(officeHours) }).isWorkingDay(day('1900-01-01'))).toBe(true);
    expect(compileCalendar({ timeZone: 'UTC', weekly: weekdays(officeHours) }).isWorkingDay(day('2300-12-31'))).toBe(true); // a Monday
    const now = always();
    for (const d of ['1899-12-31', '2301-01-01', '2500-01-01']) {
      expect(errorOf(() => now.isWorkingDay(day(d)))).toEqual(['day', `day: ${d} is outside the years 1900-2300 that calendars cover`]);
      expect(errorOf(() => now.workingDaysAfter(day('2025-01-01'), day(d)))).toEqual([
        'day',
        `day: ${d} is outside the years 1900-2300 that calendars cover`,
      ]);
    }
    expect(errorOf(() => cal.addWorkingMinutes(t('2300-06-01T00:00:00Z'), 365 * 1440))).toEqual([
      'minutes',
      'minutes: the result lies outside the years 1900-2300 that calendars cover',
    ]);
    const early = compileCalendar({ timeZone: 'UTC', weekly: allWeek([{ start: '00:00', end: '24:00' }]) });
    expect(errorOf(() => early.addWorkingMinutes(t('1900-06-01T00:00:00Z'), -365 * 1440))).toEqual([
      'minutes',
      'minutes: the result lies outside the years 1900-2300 that calendars cover',
    ]);
  });
});

describe('closures cut working windows', () => {
  // 09:00-12:00 and 13:00-17:00 on Monday 2 June 2025, UTC; the closure is on that Monday only.
  const hours: Window[] = [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ];
  const closedFor = (start: string, end: string) =>
    compileCalendar({ timeZone: 'UTC', weekly: weekdays(hours), closures: [{ date: '2025-06-02', start, end }] });
  const at = (hhmm: string) => t(`2025-06-02T${hhmm}:00Z`);
  /** Working minutes of the Monday, and each quarter hour of it: working or not. */
  const monday = (cal: WorkCalendar) => {
    const quarters: string[] = [];
    for (let m = 0; m < 1440; m += 15) if (cal.isWorkingTime(at('00:00') + m * 60_000)) quarters.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    return { minutes: cal.workingMinutesBetween(at('00:00'), t('2025-06-03T00:00:00Z')), first: quarters[0], last: quarters.at(-1), quarters: quarters.length };
  };

  it.each([
    ['07:00', '08:00', 420, '09:00', '16:45'], // before both windows
    ['08:00', '09:00', 420, '09:00', '16:45'], // ends exactly where the first window starts
    ['12:00', '13:00', 420, '09:00', '16:45'], // exactly the lunch break: touches both windows
    ['17:00', '18:00', 420, '09:00', '16:45'], // starts exactly where the last window ends
    ['18:00', '19:00', 420, '09:00', '16:45'], // after both windows
    ['09:00', '10:00', 360, '10:00', '16:45'], // the start of a window
    ['10:00', '11:00', 360, '09:00', '16:45'], // the middle of a window
    ['16:00', '17:00', 360, '09:00', '15:45'], // the end of a window
    ['08:30', '09:30', 390, '09:30', '16:45'], // across a window's start
    ['16:30', '17:30', 390, '09:00', '16:15'], // across a window's end
    ['11:00', '14:00', 300, '09:00', '16:45'], // across the lunch break
    ['09:00', '12:00', 240, '13:00', '16:45'], // exactly one window
    ['08:00', '18:00', 0, undefined, undefined], // the whole day
  ])('closed %s-%s leaves %i minutes from %s to %s', (start, end, minutes, first, last) => {
    const cal = closedFor(start, end);
    const got = monday(cal);
    expect([got.minutes, got.first, got.last, got.quarters]).toEqual([minutes, first, last, minutes / 15]);
    expect(cal.isWorkingDay(day('2025-06-02'))).toBe(minutes > 0);
    // The same answers from nextWorkingTime and addWorkingMinutes.
    expect(iso(cal.nextWorkingTime(at('00:00')))).toBe(minutes > 0 ? `2025-06-02T${first}:00.000Z` : '2025-06-03T09:00:00.000Z');
    if (minutes > 0) expect(iso(cal.addWorkingMinutes(at('00:00'), minutes))).toBe(iso(at(last!) + 15 * 60_000));
  });

  it('applies several closures of one day one after the other', () => {
    const cal = compileCalendar({
      timeZone: 'UTC',
      weekly: weekdays(hours),
      closures: [
        { date: '2025-06-02', start: '09:30', end: '10:00' },
        { date: '2025-06-02', start: '14:00', end: '15:00' },
        { date: '2025-06-02', start: '10:30', end: '11:00' },
      ],
    });
    expect(monday(cal).minutes).toBe(420 - 30 - 60 - 30);
    expect(cal.isWorkingTime(at('10:15'))).toBe(true);
    expect(cal.isWorkingTime(at('10:45'))).toBe(false);
  });

  it('rejects a closure that ends when it starts', () => {
    expect(errorOf(() => closedFor('12:00', '12:00'))).toEqual(['closures.0', 'calendar.closures.0: the closure 12:00-12:00 on 2025-06-02 ends before it starts']);
  });
});

describe('calendar: other details', () => {
  it('counts the minutes of windows that do not start on the hour', () => {
    expect(minutesOfTime('08:30')).toBe(510);
    expect(minutesOfTime('24:00')).toBe(1440);
    const cal = compileCalendar({ timeZone: 'UTC', weekly: { Mo: [{ start: '08:30', end: '12:15' }] } });
    expect(cal.workingMinutesBetween(t('2025-06-02T00:00:00Z'), t('2025-06-03T00:00:00Z'))).toBe(225);
    expect(iso(cal.nextWorkingTime(t('2025-06-02T00:00:00Z')))).toBe('2025-06-02T08:30:00.000Z');
  });

  it('drops a window that a DST gap swallows whole', () => {
    // Sunday 30 March 2025, Brussels: 02:00-03:00 does not happen.
    const cal = compileCalendar({ timeZone: 'Europe/Brussels', weekly: { Su: [{ start: '02:00', end: '03:00' }] } });
    expect(cal.isWorkingDay(day('2025-03-30'))).toBe(false);
    expect(cal.isWorkingDay(day('2025-03-23'))).toBe(true);
    expect(cal.workingMinutesBetween(t('2025-03-29T00:00:00Z'), t('2025-03-31T00:00:00Z'))).toBe(0);
    expect(iso(cal.businessDaysDue(t('2025-03-29T12:00:00Z'), 1))).toBe('2025-04-06T01:00:00.000Z');
  });

  it('names the field of every error', () => {
    const cal = compileCalendar({ timeZone: 'UTC', weekly: weekdays(officeHours) });
    expect(errorOf(() => compileCalendar(null as unknown as CalendarSpecInput))).toEqual(['calendar', 'calendar: Invalid input: expected object, received null']);
    expect(errorOf(() => compileCalendar({ timeZone: 'UTC', weekly: {}, makeUpDays: [{ date: '2025-04-26', like: 'Sa' }] }))).toEqual([
      'makeUpDays.0',
      'calendar.makeUpDays.0: 2025-04-26 would have no working hours (Sa has none)',
    ]);
    expect(errorOf(() => cal.addWorkingMinutes(0, NaN))).toEqual(['minutes', 'minutes: expected a finite number, got NaN']);
    expect(errorOf(() => cal.businessDaysDue(t('2025-06-02T12:00:00Z'), 0))).toEqual(['days', 'days: expected a whole number of business days ≥ 1, got 0']);
    expect(errorOf(() => cal.isWorkingTime(NaN))).toEqual(['instant', 'instant: expected a date-time, got NaN']);
    const closed = compileCalendar({ timeZone: 'UTC', weekly: {} });
    for (const f of [() => closed.addWorkingMinutes(0, 1), () => closed.nextWorkingTime(0), () => closed.businessDaysDue(0, 1)]) {
      expect(errorOf(f)).toEqual(['calendar', 'calendar: it has no working hours on any day']);
    }
  });
});

describe('public holidays (the tables from date-holidays, Vietnam’s rules)', () => {
  it('lists every day of a multi-day holiday, as dates only', () => {
    const tet2031 = publicHolidays('VN', 2031);
    expect(tet2031.every((d) => /^2031-\d\d-\d\d$/.test(d))).toBe(true);
    expect(tet2031).toEqual(publicHolidays('VN', 2031)); // the same list again, from the cache
    expect([...tet2031].sort()).toEqual([
      '2031-01-01',
      ...['2031-01-22', '2031-01-23', '2031-01-24', '2031-01-25', '2031-01-26'], // Tết: five days, each once
      ...['2031-01-27', '2031-01-28'], // in lieu of Sat 25 and Sun 26 Jan (Labour Code art. 111(3))
      '2031-04-01',
      '2031-04-30',
      '2031-05-01',
      '2031-09-01', // the second National Day day: 2 Sep is a Tuesday, so the day before
      '2031-09-02',
    ]);
  });

  it('knows regions, and names an unknown country or region', () => {
    const de = publicHolidays('DE', 2031);
    const by = publicHolidays('DE-BY', 2031);
    expect(de).not.toContain('2031-01-06');
    expect(by).toContain('2031-01-06'); // Epiphany, in Bavaria only
    const bw = compileCalendar({ timeZone: 'Europe/Berlin', weekly: weekdays(officeHours), holidayCountries: ['DE-BW'] });
    expect(bw.isWorkingDay(day('2031-01-06'))).toBe(false);
    for (const country of ['XX', 'DE-XX', 'VN-HN', 'IS-AB']) {
      expect(errorOf(() => compileCalendar({ timeZone: 'UTC', weekly: weekdays(officeHours), holidayCountries: [country] }))).toEqual([
        'holidays',
        `holidays: unknown country or region "${country}" (expected an ISO 3166 code such as VN or DE-BY; the holiday tables cover AU, BE, CN, DE, FR, GB, HK, IN, JP, KR, NL, SG, TH, TW, US, VN and their regions, 2000-2060)`,
      ]);
    }
  });
});

describe('calendar searches from the start: the earliest (latest) instant that completes the count', () => {
  const vietnam = (): WorkCalendar => compileCalendar({ timeZone: 'Asia/Ho_Chi_Minh', weekly: weekdays(officeHours), holidayCountries: ['VN'] });
  const berlin = (): WorkCalendar => compileCalendar({ timeZone: 'Europe/Berlin', weekly: weekdays([{ start: '22:00', end: '24:00' }, { start: '00:00', end: '02:00' }]) });
  const start = fc.integer({ min: t('2024-01-01T00:00:00Z'), max: t('2027-01-01T00:00:00Z') });

  it.each([['Vietnam office hours with holidays and swapped days', vietnam], ['overnight windows across DST', berlin]])(
    '%s: addWorkingMinutes lands where the minutes are complete, and not a millisecond sooner (later, going back)',
    (_, make) => {
      const cal = make();
      fc.assert(
        fc.property(start, fc.integer({ min: -30 * 480, max: 30 * 480 }).filter((m) => m !== 0), (a, minutes) => {
          const r = cal.addWorkingMinutes(a, minutes);
          if (minutes > 0) {
            expect(cal.workingMinutesBetween(a, r)).toBeCloseTo(minutes, 6);
            expect(cal.workingMinutesBetween(a, r - 1)).toBeLessThan(minutes);
          } else {
            expect(cal.workingMinutesBetween(r, a)).toBeCloseTo(-minutes, 6);
            expect(cal.workingMinutesBetween(r + 1, a)).toBeLessThan(-minutes);
          }
        }),
        { numRuns: 400 },
      );
    },
  );

  it('businessDaysDue is the close of the n-th working day after the start\'s day, whatever n', () => {
    const cal = vietnam();
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 400 }), (a, n) => {
        const due = cal.businessDaysDue(a, n);
        const dueDay = cal.localDay(due - 1);
        expect(cal.workingDaysAfter(cal.localDay(a), dueDay)).toBe(n);
        expect(cal.isWorkingDay(dueDay) && cal.isWorkingTime(due - 1) && !cal.isWorkingTime(due)).toBe(true);
        expect(cal.localDay(cal.nextWorkingTime(due))).toBeGreaterThan(dueDay);
      }),
      { numRuns: 300 },
    );
  });
});
