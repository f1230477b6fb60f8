import { describe, expect, it } from 'vitest';
import * as core from '../core';
import { HOLIDAY_COUNTRIES, holidayList, holidaySchedule, HolidayYearsError, publicHolidays, scheduleSources } from '../core/calendar';
import { calendarErrorOf, fieldAndMessageOf as errorOf } from './helpers/calendar-errors';

describe('holidayList', () => {
  it('is exported from the core', () => {
    expect(core.holidayList).toBe(holidayList);
  });

  it('lists Belgium 2025 as the law gives it, sorted, in English', () => {
    // Belgian public holidays (Law of 4 January 1974): Easter 2025 is 20 April.
    expect(holidayList('BE', 2025)).toEqual([
      { date: '2025-01-01', name: "New Year's Day" },
      { date: '2025-04-21', name: 'Easter Monday' },
      { date: '2025-05-01', name: 'Labour Day' },
      { date: '2025-05-29', name: 'Ascension Day' },
      { date: '2025-06-09', name: 'Whit Monday' },
      { date: '2025-07-21', name: 'National Holiday' },
      { date: '2025-08-15', name: 'Assumption' },
      { date: '2025-11-01', name: "All Saints' Day" },
      { date: '2025-11-11', name: 'Armistice Day' },
      { date: '2025-12-25', name: 'Christmas Day' },
    ]);
  });

  it('adds a region’s own holidays, in any case', () => {
    const germany = holidayList('DE', 2025).map((h) => h.date);
    const bavaria = holidayList('de', 2025, 'by');
    expect(germany).not.toContain('2025-01-06');
    expect(bavaria).toContainEqual({ date: '2025-01-06', name: 'Epiphany' });
    expect(bavaria).toContainEqual({ date: '2025-06-19', name: 'Corpus Christi' });
    expect(bavaria.map((h) => h.date)).toEqual(expect.arrayContaining(germany));
    expect(holidayList('DE', 2025, '')).toEqual(holidayList('DE', 2025));
  });

  it('gives one entry per closed day: Tết is five entries with one name', () => {
    const tet = holidayList('VN', 2031).filter((h) => h.name === 'Vietnamese New Year Holidays');
    expect(tet).toHaveLength(5);
    expect(new Set(tet.map((h) => h.name)).size).toBe(1);
    const dates = holidayList('VN', 2031).map((h) => h.date);
    expect(dates).toEqual([...new Set(dates)].sort());
  });

  it('decodes weekday rules in their 28-year cycle: the United States in 2053 (checked against date-holidays)', () => {
    expect(holidayList('US', 2053)).toEqual([
      { date: '2053-01-01', name: "New Year's Day" },
      { date: '2053-01-20', name: 'Martin Luther King Jr. Day' },
      { date: '2053-02-17', name: "Washington's Birthday" },
      { date: '2053-05-26', name: 'Memorial Day' },
      { date: '2053-06-19', name: 'Juneteenth' },
      { date: '2053-07-04', name: 'Independence Day' },
      { date: '2053-09-01', name: 'Labour Day' },
      { date: '2053-10-13', name: 'Columbus Day' },
      { date: '2053-11-11', name: 'Veterans Day' },
      { date: '2053-11-27', name: 'Thanksgiving Day' },
      { date: '2053-12-25', name: 'Christmas Day' },
    ]);
  });

  it('decodes a country whose every holiday moves year to year: Hong Kong 2025', () => {
    expect(holidayList('HK', 2025).map((h) => h.date)).toEqual([
      '2025-01-01', '2025-01-29', '2025-01-30', '2025-01-31', '2025-04-04', '2025-04-18', '2025-04-19', '2025-04-21', '2025-05-01',
      '2025-05-05', '2025-05-31', '2025-07-01', '2025-10-01', '2025-10-07', '2025-10-29', '2025-12-25', '2025-12-26',
    ]);
  });

  it('drops the national days a region does not close: Scotland keeps Easter Monday open, Kansas Washington\'s Birthday', () => {
    expect(holidayList('GB', 2025, 'SCT').map((h) => `${h.date} ${h.name}`)).toEqual([
      "2025-01-01 New Year's Day",
      '2025-01-02 January 2nd',
      '2025-04-18 Good Friday',
      '2025-05-05 Early May bank holiday',
      '2025-05-26 Spring bank holiday',
      '2025-08-04 Summer bank holiday',
      '2025-11-30 St Andrew’s Day',
      '2025-12-01 St Andrew’s Day (substitute day)',
      '2025-12-25 Christmas Day',
      '2025-12-26 Boxing Day',
    ]);
    expect(holidayList('GB', 2025).map((h) => h.date)).toContain('2025-04-21');
    const kansas = holidayList('US', 2025, 'KS').map((h) => h.name);
    expect(kansas).not.toContain("Washington's Birthday");
    expect(kansas).toContain('Martin Luther King Jr. Day');
    expect(holidayList('US', 2025).map((h) => h.name)).toContain("Washington's Birthday");
  });

  it('lists the countries a calendar may name, sorted by code, each with its regions sorted', () => {
    const codes = HOLIDAY_COUNTRIES.map((c) => c.code);
    expect(codes).toEqual(['AU', 'BE', 'CN', 'DE', 'FR', 'GB', 'HK', 'IN', 'JP', 'KR', 'NL', 'SG', 'TH', 'TW', 'US', 'VN']);
    expect(HOLIDAY_COUNTRIES.find((c) => c.code === 'GB')?.regions).toEqual(['ALD', 'ENG', 'NIR', 'SCT', 'WLS']);
    expect(HOLIDAY_COUNTRIES.find((c) => c.code === 'VN')?.regions).toEqual([]);
  });

  it('names the sources of an announced schedule, and none for a year or country of rules only', () => {
    expect(scheduleSources('VN', 2025).join(' ')).toMatch(/8726\/VPCP-KGVX/);
    expect(scheduleSources(' vn ', 2025)).toEqual(scheduleSources('VN', 2025));
    expect(scheduleSources('VN', 2040)).toEqual([]);
    expect(scheduleSources('DE', 2025)).toEqual([]);
  });

  it('reads the country and region codes with spaces around them, and answers for the first and last years of the tables', () => {
    expect(holidayList(' nl ', 2031)).toEqual(holidayList('NL', 2031));
    expect(holidayList('DE', 2031, ' by ')).toEqual(holidayList('DE', 2031, 'BY'));
    expect(holidayList('DE', 2000)[0]).toEqual({ date: '2000-01-01', name: "New Year's Day" });
    expect(holidayList('DE', 2060).at(-1)).toEqual({ date: '2060-12-26', name: 'Boxing Day' });
    expect(errorOf(() => holidayList('DE', 2061))).toEqual(['year', 'year: the holiday tables cover 2000-2060, not 2061']);
    expect(errorOf(() => holidayList(42 as unknown as string, 2025))).toEqual(['country', 'country: expected an ISO 3166 country code such as VN, got 42']);
  });

  it('gives a country of rules only a schedule of holidays, each its own holiday', () => {
    expect(holidaySchedule('NL', 2029).slice(0, 2)).toEqual([
      { date: '2029-01-01', name: "New Year's Day", status: 'rules', holiday: "New Year's Day", kind: 'holiday' },
      { date: '2029-04-01', name: 'Easter Sunday', status: 'rules', holiday: 'Easter Sunday', kind: 'holiday' },
    ]);
    expect(holidaySchedule('NL', 2029).map(({ date, name }) => ({ date, name }))).toEqual(holidayList('NL', 2029));
  });

  it('the calendars\' holiday source names the years it covers beyond them', () => {
    const error = calendarErrorOf(() => publicHolidays('DE', 2061));
    expect(error).toBeInstanceOf(HolidayYearsError);
    const { field, message, first, last } = error as HolidayYearsError;
    expect({ field, first, last }).toEqual({ field: 'holidays', first: 2000, last: 2060 });
    expect(message).toBe(
      'holidays: the public holidays of DE are known for 2000-2060, not 2061 (the holiday tables cover AU, BE, CN, DE, FR, GB, HK, IN, JP, KR, NL, SG, TH, TW, US, VN and their regions, 2000-2060)',
    );
  });

  it('names the argument that is wrong', () => {
    expect(errorOf(() => holidayList('ZZ', 2025))).toEqual([
      'country',
      'country: unknown country "ZZ" (the holiday tables cover AU, BE, CN, DE, FR, GB, HK, IN, JP, KR, NL, SG, TH, TW, US, VN and their regions, 2000-2060)',
    ]);
    expect(errorOf(() => holidayList('Vietnam', 2025))).toEqual(['country', 'country: expected an ISO 3166 country code such as VN, got "Vietnam"']);
    expect(errorOf(() => holidayList('DE', 2025, 'XX'))).toEqual([
      'region',
      'region: DE has no region "XX" (expected one of BB, BE, BW, BY, HB, HE, HH, MV, NI, NW, RP, SH, SL, SN, ST, TH)',
    ]);
    expect(errorOf(() => holidayList('VN', 2025, 'HN'))).toEqual(['region', 'region: VN has no region "HN" (expected none: the country has no regional holidays)']);
    expect(errorOf(() => holidayList('VN', 1999))).toEqual(['year', 'year: the holiday tables cover 2000-2060, not 1999']);
    expect(errorOf(() => holidayList('DE', 2025, 'Bavaria'))).toEqual(['region', 'region: expected a region code such as BY (Bavaria in DE), got "Bavaria"']);
    expect(errorOf(() => holidayList('VN', 2025.5))).toEqual(['year', 'year: expected a whole year such as 2025, got 2025.5']);
  });
});
