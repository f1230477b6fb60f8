import { describe, expect, it } from 'vitest';
import { compileCalendar, holidayList, holidaySchedule, parseCalendarText, publicHolidays, publicWorkedDays, scheduleSources } from '../core/calendar';
import { vietnamYear } from '../core/calendar/holiday-data/vietnam';
import { VN_CULTURE_DAY, VN_OFFICIAL } from '../core/calendar/holiday-data/vn-official';

/**
 * Vietnam's holidays as the government announced them (core/calendar/holiday-data/vn-official.ts, each year citing
 * its source) and the Labour Code rules for the rest. Every expected list is written by hand from the source quoted
 * in the comment beside it, not from the code.
 */
const dates = (year: number) => holidayList('VN', year).map((h) => h.date);
const TET = 'Vietnamese New Year Holidays';
const t = (iso: string) => Date.parse(iso);

describe('Vietnam: announced schedules', () => {
  it('2025: Tết 27-31 Jan, 30/4-2/5 with Fri 2 May swapped for Sat 26 Apr, National Day 1-2 Sep (MOLISA, 3 Dec 2024)', () => {
    expect(holidayList('VN', 2025)).toEqual([
      { date: '2025-01-01', name: "New Year's Day" },
      ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((date) => ({ date, name: TET })),
      { date: '2025-04-07', name: 'Hung Kings Commemorations' }, // 10/3 lunar, a Monday
      { date: '2025-04-30', name: 'Day of liberating the South for national reunification' },
      { date: '2025-05-01', name: 'Labour Day' },
      { date: '2025-05-02', name: 'Bridge day (worked on Saturday 2025-04-26)' },
      { date: '2025-09-01', name: 'National Day' },
      { date: '2025-09-02', name: 'National Day' },
    ]);
    expect(publicWorkedDays('VN', 2025)).toEqual([{ date: '2025-04-26', like: 'Fr' }]);
  });

  it('2024: Tết 8-14 Feb with two days in lieu, Mon 29 Apr swapped for Sat 4 May (2450/VPCP-KGVX), National Day 2-3 Sep', () => {
    expect(dates(2024)).toEqual([
      '2024-01-01',
      ...['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'],
      '2024-04-18', // Hùng Kings, a Thursday
      ...['2024-04-29', '2024-04-30', '2024-05-01'],
      ...['2024-09-02', '2024-09-03'],
    ]);
    expect(publicWorkedDays('VN', 2024)).toEqual([{ date: '2024-05-04', like: 'Mo' }]);
  });

  it('2026: New Year Thu 1 - Fri 2 Jan with 2 Jan swapped for Sat 10 Jan (12729/VPCP-KGVX), Tết Mon 16 - Fri 20 Feb', () => {
    expect(dates(2026).slice(0, 7)).toEqual(['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    // Sat 22 Aug is the year's second worked Saturday (National Day, Notice 9441/TB-BNV, the next test).
    expect(publicWorkedDays('VN', 2026)).toEqual([
      { date: '2026-01-10', like: 'Fr' },
      { date: '2026-08-22', like: 'Mo' },
    ]);
  });

  it('HOLIDAYS("VN", 2026) has Mon 31 Aug off and Sat 22 Aug worked, status official, citing Notice 9441/TB-BNV (Viet Nam News, 17 Oct 2025)', () => {
    // The notice: off Sat 29 Aug - Wed 2 Sep; 1 and 2 Sep are National Day; Mon 31 Aug is swapped with Sat 22 Aug.
    const schedule = holidaySchedule('VN', 2026).filter((d) => d.date >= '2026-08-01' && d.date < '2026-10-01');
    expect(schedule.map(({ date, status, kind }) => ({ date, status, kind }))).toEqual([
      { date: '2026-08-22', status: 'worked', kind: 'worked' },
      { date: '2026-08-31', status: 'official', kind: 'bridge' },
      { date: '2026-09-01', status: 'official', kind: 'holiday' },
      { date: '2026-09-02', status: 'official', kind: 'holiday' },
    ]);
    expect(dates(2026).filter((d) => d >= '2026-08-01' && d < '2026-10-01')).toEqual(['2026-08-31', '2026-09-01', '2026-09-02']);
    expect(scheduleSources('VN', 2026).join(' ')).toMatch(/9441\/TB-BNV.*https:\/\/vietnamnews\.vn\//);
    // Days no announcement fixed follow the rules: Hùng Kings (Sun 26 Apr) and its day in lieu, 30/4, 1/5.
    expect(holidaySchedule('VN', 2026).filter((d) => d.date >= '2026-04-01' && d.date < '2026-06-01').map((d) => `${d.date} ${d.status}`)).toEqual([
      '2026-04-26 rules',
      '2026-04-27 rules',
      '2026-04-30 rules',
      '2026-05-01 rules',
    ]);
    // …each the holiday itself, or the day in lieu of the one before, named by its holiday.
    expect(holidaySchedule('VN', 2026).filter((d) => d.date >= '2026-04-01' && d.date < '2026-06-01').map((d) => [d.date, d.kind, d.holiday])).toEqual([
      ['2026-04-26', 'holiday', 'Hung Kings Commemorations'],
      ['2026-04-27', 'in-lieu', 'Hung Kings Commemorations'],
      ['2026-04-30', 'holiday', 'Day of liberating the South for national reunification'],
      ['2026-05-01', 'holiday', 'Labour Day'],
    ]);
    // A year nobody announced yet is rules only, with no source.
    expect(new Set(holidaySchedule('VN', 2027).map((d) => d.status))).toEqual(new Set(['rules']));
    expect(scheduleSources('VN', 2027)).toEqual([]);
  });

  it('ADD_BUSINESS_DAYS in the core: 3 business days after Fri 28 Aug 2026 on a Hanoi calendar is Mon 7 Sep', () => {
    const cal = compileCalendar(parseCalendarText('Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN', 'UTC'));
    expect(new Date(cal.businessDaysDue(t('2026-08-28T10:00:00+07:00'), 3)).toISOString()).toBe('2026-09-07T10:00:00.000Z');
    // The Saturday worked in exchange counts: 1bd after Fri 21 Aug is Sat 22 Aug.
    expect(new Date(cal.businessDaysDue(t('2026-08-21T10:00:00+07:00'), 1)).toISOString()).toBe('2026-08-22T10:00:00.000Z');
  });

  it('Vietnamese Culture Day (24 Nov) is not a holiday until a Labour Code amendment is found; a calendar opts in by naming the day', () => {
    expect(VN_CULTURE_DAY.from).toBeNull();
    expect(VN_CULTURE_DAY.sources.join(' ')).toMatch(/30\/NQ-CP/);
    expect(dates(2026)).not.toContain('2026-11-24');
    const optIn = compileCalendar(parseCalendarText('Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN,2026-11-24', 'UTC'));
    expect(optIn.isWorkingDay(Date.UTC(2026, 10, 24) / 86_400_000)).toBe(false);
  });

  it('Vietnamese Culture Day closes 24 November from the year set as the amendment\'s first, with a day in lieu for a Saturday', () => {
    // What setting `from` (vn-official.ts) will do once the amendment passes; rules years only (no announced schedule).
    const culture = VN_CULTURE_DAY as { from: number | null };
    const closed = (year: number) => vietnamYear(year, []).holidays.filter((h) => h.name.startsWith('Vietnamese Culture Day'));
    culture.from = 2027;
    try {
      expect(closed(2026)).toEqual([]);
      expect(closed(2027)).toEqual([{ date: '2027-11-24', name: 'Vietnamese Culture Day' }]); // a Wednesday
      expect(closed(2029)).toEqual([
        { date: '2029-11-24', name: 'Vietnamese Culture Day' }, // a Saturday
        { date: '2029-11-26', name: 'Vietnamese Culture Day (day in lieu)' },
      ]);
    } finally {
      culture.from = null;
    }
  });

  it('2021, 2022, 2023 Tết and 2020 Tết as announced; every announced year cites a source', () => {
    const tet = (year: number) => holidayList('VN', year).filter((h) => h.name === TET).map((h) => h.date);
    expect(tet(2020)).toEqual(['2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29']);
    expect(tet(2021)).toEqual(['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16']);
    expect(tet(2022)).toEqual(['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04']);
    expect(tet(2023)).toEqual(['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26']);
    for (const [year, official] of Object.entries(VN_OFFICIAL)) {
      expect(official.sources.length, String(year)).toBeGreaterThan(0);
      for (const source of official.sources) expect(source, String(year)).toMatch(/https?:\/\//);
      for (const b of official.breaks) for (const d of b.closed) expect([1, 2, 3, 4, 5], d).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
    }
  });
});

describe('vietnamYear: a year from its statutory days and the announcements', () => {
  // Called directly, not through holidayList: that caches each country-year, and the schedule's fields are checked here.
  const STATUTORY_2026 = [
    { date: '2026-01-01', name: "New Year's Day" },
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) => ({ date, name: TET })),
    { date: '2026-04-26', name: 'Hung Kings Commemorations' },
    { date: '2026-04-30', name: 'Day of liberating the South for national reunification' },
    { date: '2026-05-01', name: 'Labour Day' },
    { date: '2026-09-02', name: 'National Day' },
  ];

  it('2026: announced days are official, bridge days name the Saturday worked and the reverse, the rest follow the rules', () => {
    const official = (date: string, holiday: string) => ({ date, name: holiday, status: 'official', holiday, kind: 'holiday' });
    const rules = (date: string, holiday: string) => ({ date, name: holiday, status: 'rules', holiday, kind: 'holiday' });
    const year = vietnamYear(2026, STATUTORY_2026);
    expect(year.schedule).toEqual([
      official('2026-01-01', "New Year's Day"),
      { date: '2026-01-02', name: 'Bridge day (worked on Saturday 2026-01-10)', status: 'official', holiday: "New Year's Day", kind: 'bridge', swappedWith: '2026-01-10' },
      { date: '2026-01-10', name: 'Working day (in exchange for 2026-01-02)', status: 'worked', holiday: "New Year's Day", kind: 'worked', swappedWith: '2026-01-02' },
      ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) => official(date, TET)),
      rules('2026-04-26', 'Hung Kings Commemorations'),
      { date: '2026-04-27', name: 'Hung Kings Commemorations (day in lieu)', status: 'rules', holiday: 'Hung Kings Commemorations', kind: 'in-lieu' },
      rules('2026-04-30', 'Day of liberating the South for national reunification'),
      rules('2026-05-01', 'Labour Day'),
      { date: '2026-08-22', name: 'Working day (in exchange for 2026-08-31)', status: 'worked', holiday: 'National Day', kind: 'worked', swappedWith: '2026-08-31' },
      { date: '2026-08-31', name: 'Bridge day (worked on Saturday 2026-08-22)', status: 'official', holiday: 'National Day', kind: 'bridge', swappedWith: '2026-08-22' },
      official('2026-09-01', 'National Day'),
      official('2026-09-02', 'National Day'),
    ]);
    // A swapped Saturday works with the hours of the weekday it pays for: Fri 2 Jan, Mon 31 Aug.
    expect(year.workedDays).toEqual([
      { date: '2026-01-10', like: 'Fr' },
      { date: '2026-08-22', like: 'Mo' },
    ]);
    expect(year.holidays).toEqual(year.schedule.filter((d) => d.kind !== 'worked').map(({ date, name }) => ({ date, name })));
  });

  it('an announced break that closes a weekend day gives no day in lieu for it: the announcement placed the days', () => {
    const official = VN_OFFICIAL as Record<number, (typeof VN_OFFICIAL)[number]>;
    const rulesOnly = vietnamYear(2040, [{ date: '2040-09-02', name: 'National Day' }]).holidays.map((h) => h.date);
    // Rules: Sunday 2 September, the Monday after it, and a day in lieu for the Sunday on Tuesday.
    expect(rulesOnly).toEqual(['2040-09-02', '2040-09-03', '2040-09-04']);
    official[2040] = { breaks: [{ holiday: 'national-day', closed: ['2040-09-02', '2040-09-03'] }], sources: ['a test announcement'] };
    try {
      expect(vietnamYear(2040, [{ date: '2040-09-02', name: 'National Day' }]).holidays.map((h) => h.date)).toEqual(['2040-09-02', '2040-09-03']);
    } finally {
      delete official[2040];
    }
  });
});

describe('Vietnam: Labour Code rules where nothing was announced', () => {
  it('2023: Sun 1 Jan in lieu on Mon 2 Jan; Hùng Kings Sat 29 Apr and Sun 30 Apr in lieu on Tue 2 and Wed 3 May; National Day Fri 1 - Mon 4 Sep', () => {
    // The published 2023 schedule: New Year Sat 31 Dec - Mon 2 Jan (Mon in lieu of Sun 1 Jan), as reported at
    // http://118.69.84.237:801/phap-luat/tim-tu-van?page=2344&q=Gi%E1%BA%A3i+th%E1%BB%83+ph%C3%A1p+nh%C3%A2n;
    // Hùng Kings, 30/4 and 1/5 off 29 Apr - 3 May, https://todaycnews.com/thaonguyen/nghi-le-30-4. National Day by the
    // rule (2 Sep a Saturday: Friday 1 Sep before it, Monday 4 Sep in lieu).
    expect(dates(2023)).toEqual([
      '2023-01-01',
      '2023-01-02',
      ...['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'],
      ...['2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03'],
      ...['2023-09-01', '2023-09-02', '2023-09-04'],
    ]);
    expect(holidayList('VN', 2023).find((h) => h.date === '2023-05-02')!.name).toBe('Hung Kings Commemorations (day in lieu)');
  });

  it('the second National Day day joins 2 September to a weekend (from 2021); before 2021 there is one', () => {
    const nationalDay = (year: number) => holidayList('VN', year).filter((h) => h.name.startsWith('National Day')).map((h) => h.date);
    expect(nationalDay(2027)).toEqual(['2027-09-02', '2027-09-03']); // Thursday: and Friday
    expect(nationalDay(2028)).toEqual(['2028-09-01', '2028-09-02', '2028-09-04']); // Saturday: Friday before, Monday in lieu
    expect(nationalDay(2029)).toEqual(['2029-09-02', '2029-09-03', '2029-09-04']); // Sunday: Monday after, Tuesday in lieu
    expect(nationalDay(2030)).toEqual(['2030-09-02', '2030-09-03']); // Monday: and Tuesday, as in 2024
    expect(nationalDay(2019)).toEqual(['2019-09-02']); // Labour Code 2012: one day
  });

  it('Tết days on a weekend give days in lieu, so five working days close', () => {
    // date-holidays places Tết 2031 on 22-26 Jan (Wed-Sun): Sat 25 and Sun 26 give Mon 27 and Tue 28.
    expect(dates(2031).filter((d) => d < '2031-02-15')).toEqual(['2031-01-01', '2031-01-22', '2031-01-23', '2031-01-24', '2031-01-25', '2031-01-26', '2031-01-27', '2031-01-28']);
  });
});

describe('Vietnam in calendars', () => {
  const hanoi = () => compileCalendar(parseCalendarText('Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN', 'UTC'));

  it('1bd from Fri 29 Aug 2025 10:00 is due Wed 3 Sep 17:00 (1 and 2 Sep are National Day)', () => {
    expect(new Date(hanoi().businessDaysDue(t('2025-08-29T10:00:00+07:00'), 1)).toISOString()).toBe('2025-09-03T10:00:00.000Z');
  });

  it('a swapped Saturday works with the bridged Friday’s hours; the bridge day is closed', () => {
    const cal = compileCalendar(parseCalendarText('Mo-Th 08:00-17:00; Fr 08:00-12:00 | tz=Asia/Ho_Chi_Minh | holidays=VN', 'UTC'));
    expect(cal.workingMinutesBetween(t('2025-04-26T00:00:00+07:00'), t('2025-04-27T00:00:00+07:00'))).toBe(240);
    expect(cal.workingMinutesBetween(t('2025-05-02T00:00:00+07:00'), t('2025-05-03T00:00:00+07:00'))).toBe(0);
    expect(cal.workingMinutesBetween(t('2025-04-19T00:00:00+07:00'), t('2025-04-20T00:00:00+07:00'))).toBe(0); // an ordinary Saturday
    // A holiday the calendar adds itself wins over the country's worked Saturday.
    const closed = compileCalendar(parseCalendarText('Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN,2025-04-26', 'UTC'));
    expect(closed.isWorkingDay(Date.UTC(2025, 3, 26) / 86_400_000)).toBe(false);
  });

  it('a calendar with VN holidays answers in 2000-2060 and names the tables beyond', () => {
    const cal = hanoi();
    expect(cal.isWorkingTime(t('2060-12-29T09:00:00+07:00'))).toBe(true);
    expect(() => cal.isWorkingTime(t('2061-06-01T09:00:00+07:00'))).toThrow(
      'holidays: 2061-06-01 is outside the years 2000-2060 that the public-holiday tables cover (holidays=VN)',
    );
    expect(() => hanoi().isWorkingDay(Date.UTC(1999, 5, 1) / 86_400_000)).toThrow('holidays: 1999-06-01 is outside the years 2000-2060');
  });

  it('the same through a holiday source that wraps the tables', () => {
    const wrapped = () =>
      compileCalendar(parseCalendarText('Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN', 'UTC'), { holidays: (country, year) => publicHolidays(country, year) });
    const cal = wrapped();
    // Reading ahead into 2061 must not fail a question about late December 2060 (Thursday 30 Dec).
    expect(cal.isWorkingTime(t('2060-12-30T09:00:00+07:00'))).toBe(true);
    expect(cal.isWorkingDay(Date.UTC(2060, 11, 29) / 86_400_000)).toBe(true);
    expect(() => cal.addWorkingMinutes(t('2060-12-30T09:00:00+07:00'), 3 * 540)).toThrow(
      'holidays: the result lies outside the years 2000-2060 that the public-holiday tables cover (holidays=VN)',
    );
    expect(() => wrapped().isWorkingTime(t('2061-06-01T09:00:00+07:00'))).toThrow('holidays: 2061-06-01 is outside the years 2000-2060');
    expect(() => wrapped().isWorkingDay(Date.UTC(1999, 5, 1) / 86_400_000)).toThrow('holidays: 1999-06-01 is outside the years 2000-2060');
  });
});
