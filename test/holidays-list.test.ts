import { describe, expect, it } from 'vitest';
import * as core from '../core';
import { holidayList } from '../core/calendar';
import { fieldAndMessageOf as errorOf } from './helpers/calendar-errors';

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
