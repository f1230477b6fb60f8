import { beforeAll, describe, expect, it } from 'vitest';
import { compileCalendar } from '../core/calendar/compile';
import type { CalendarSpecInput } from '../core/calendar/spec';
import { errorInLanguage } from '../core/i18n';
import { col, loadBundle, type Sandbox } from './helpers/sheets-sandbox';
import { thrownBy } from './helpers/thrown';

/**
 * Every message of the calendar text's parser (core/calendar/parse.ts), triggered through the built bundle
 * (`npm run build` first), reads in Vietnamese in a vi_VN spreadsheet: in a cell's error, in a per-row #INVALID and
 * in the calendar manager. Then the schema's messages (core/calendar/spec.ts), which the parser's own checks leave
 * unreachable from text, triggered through the core and rendered by their codes.
 *
 * "None stays English": every English word of the English message, outside what the user typed (quoted text and
 * `key=value` options, field paths) and the notation kept as written (day keys, HH:MM, option names), must be gone from the
 * Vietnamese one.
 */

/**
 * Written the same in both languages: option names and the day keys the parser expects. Codes in capitals (HH:MM,
 * YYYY-MM-DD, ISO, VN, function names) and what the user typed are left out before comparing.
 */
const KEPT = new Set(['calendar', 'tz', 'holidays', 'makeup', 'closed', 'name', 'off', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su', 'Asia', 'Ho_Chi_Minh', 'Europe', 'Brussels']);
const words = (message: string, typed: string): string[] => {
  const typedWords = new Set(typed.split(/[^\p{L}_]+/u));
  return message
    .replace(/"[^"]*"/g, ' ')
    .replace(/\b[a-z]+=\S*/g, ' ')
    .replace(/\b[A-Za-z]+(?:\.\w+)+/g, ' ')
    .split(/[^\p{L}_]+/u)
    .filter((word) => /^[A-Za-z_]*[a-z][A-Za-z_]*$/.test(word) && !KEPT.has(word) && !typedWords.has(word));
};
/** The English words of `english` still in `vietnamese`, apart from `typed` (the calendar text). */
const englishLeftIn = (vietnamese: string, english: string, typed = ''): string[] => {
  const left = new Set(words(vietnamese, typed));
  return [...new Set(words(english, typed))].filter((word) => left.has(word));
};

/** Calendar text that makes the parser throw each of its messages, with the English message it gives. */
const PARSER_MESSAGES: [text: string, english: string][] = [
  ['Mo-Fr 8-17', 'calendar: "Mo-Fr 8-17": expected times as HH:MM-HH:MM, got "8-17"'],
  ['Mo-Fr 08:00-25:00', 'calendar: "Mo-Fr 08:00-25:00": 25:00 is not a time of day (00:00 to 24:00)'],
  ['Mo-Fr 24:00-17:00', 'calendar: "Mo-Fr 24:00-17:00": a window cannot start at 24:00'],
  ['Mo-Xx 08:00-17:00', 'calendar: "Mo-Xx 08:00-17:00": unknown day "Xx" (expected Mo, Tu, We, Th, Fr, Sa, Su)'],
  ['Mo-We-Fr 08:00-17:00', 'calendar: "Mo-We-Fr 08:00-17:00": expected a day or a range of days such as Mo-Fr, got "Mo-We-Fr"'],
  ['Mo-Fr 08:00-17:00; Sa', 'calendar: "Sa": expected times as HH:MM-HH:MM or "off" after the days'],
  ['Mo-Fr 08:00-17:00 | tz', 'calendar: expected an option as key=value after "|", got "tz"'],
  ['Mo-Fr 08:00-17:00 | foo=1', 'calendar: unknown option "foo" (expected tz, holidays, makeup, closed, name)'],
  ['Mo-Fr 08:00-17:00 | tz=UTC | tz=UTC', 'calendar: option tz= is given twice'],
  ['Mo-Fr 08:00-17:00 | tz=', 'calendar: option tz= has no value'],
  ['Mo-Fr 08:00-17:00 | tz=Mars/Base', 'calendar: tz=Mars/Base: expected an IANA time zone such as Asia/Ho_Chi_Minh or Europe/Brussels'],
  [
    'Mo-Fr 08:00-17:00 | holidays=2025-02-30',
    'calendar: holidays=2025-02-30: expected a country code such as VN or DE-BY or a date YYYY-MM-DD, got "2025-02-30"',
  ],
  [
    'Mo-Fr 08:00-17:00 | makeup=26/04/2025',
    'calendar: makeup=26/04/2025: expected a date YYYY-MM-DD, optionally followed by the weekday whose hours apply, got "26/04/2025"',
  ],
  ['Mo-Fr 08:00-17:00 | makeup=2025-04-26 Xx', 'calendar: makeup=2025-04-26 Xx: unknown day "Xx" (expected Mo, Tu, We, Th, Fr, Sa, Su)'],
  [
    'Mo-Fr 08:00-17:00 | closed=2025-12-24',
    'calendar: closed=2025-12-24: expected a date and times such as 2025-12-24 12:00-17:00, got "2025-12-24"',
  ],
  [
    'Mo-Fr 08:00-17:00 | closed=2025-12-24 17:00-12:00',
    'calendar: closed=2025-12-24 17:00-12:00: the closure "2025-12-24 17:00-12:00" must end after it starts',
  ],
];

/** Text the parser accepts and the compiled calendar refuses (core/calendar/compile.ts and holidays.ts). */
const COMPILE_MESSAGES: [text: string, english: string][] = [
  ['Mo-Fr 08:00-17:00 | makeup=2025-04-26 Su', 'calendar: calendar.makeUpDays.0: 2025-04-26 would have no working hours (Su has none)'],
  [
    'Mo-Fr 08:00-17:00 | holidays=ZZ',
    'calendar: holidays: unknown country or region "ZZ" (expected an ISO 3166 code such as VN or DE-BY; the holiday tables cover AU, BE, CN, DE, FR, GB, HK, IN, JP, KR, NL, SG, TH, TW, US, VN and their regions, 2000-2060)',
  ],
];

const MON_8 = '2025-03-03 08:00';
const MON_18 = '2025-03-03 18:00';
let english: Sandbox;
let vietnamese: Sandbox;
beforeAll(() => {
  english = loadBundle({ spreadsheetLocale: 'en_US' });
  vietnamese = loadBundle({ spreadsheetLocale: 'vi_VN', locale: 'en' });
});

describe('the calendar parser’s messages in a Vietnamese sheet', () => {
  it.each([...PARSER_MESSAGES, ...COMPILE_MESSAGES])('%s: the cell’s error', (text, message) => {
    expect(english.thrown('BUSINESS_HOURS', MON_8, MON_18, text)).toBe(`BUSINESS_HOURS: ${message}`);
    const translated = vietnamese.thrown('BUSINESS_HOURS', MON_8, MON_18, text);
    expect(translated).toMatch(/^BUSINESS_HOURS: /);
    expect(englishLeftIn(translated, message, text)).toEqual([]);
  });

  it.each([...PARSER_MESSAGES, ...COMPILE_MESSAGES])('%s: the row’s #INVALID in a calendar column', (text, message) => {
    const [[bad], [good]] = vietnamese.call('BUSINESS_HOURS', col(MON_8, MON_8), col(MON_18, MON_18), col(text, '24/7')) as unknown[][];
    expect(good).toBe(10);
    expect(bad).toMatch(/^#INVALID: /);
    expect(englishLeftIn(String(bad), message, text)).toEqual([]);
  });

  it('examples read as a Vietnamese accountant would read them, typed text and places kept', () => {
    expect(vietnamese.thrown('BUSINESS_HOURS', MON_8, MON_18, 'Mo-Fr 8-17')).toBe(
      'BUSINESS_HOURS: calendar: "Mo-Fr 8-17": cần giờ dạng HH:MM-HH:MM, nhưng nhận "8-17"',
    );
    expect(vietnamese.thrown('BUSINESS_HOURS', MON_8, MON_18, 'Mo-Fr 08:00-17:00 | closed=2025-12-24 12:00-25:00')).toBe(
      'BUSINESS_HOURS: calendar: closed=2025-12-24 12:00-25:00: 25:00 không phải là giờ trong ngày (00:00 đến 24:00)',
    );
    expect(vietnamese.thrown('BUSINESS_HOURS', MON_8, MON_18, 'Mo-Fr')).toBe('BUSINESS_HOURS: calendar: không có lịch đã lưu nào tên "Mo-Fr" (chưa lưu lịch nào)');
  });
});

describe('the calendar manager: the parser’s message in the page’s language, like its lead-in', () => {
  it.each(PARSER_MESSAGES)('%s', (text, message) => {
    const s = loadBundle({ locale: 'en' });
    expect(s.call('saveCalendar', 'X', text, '', { language: 'en' })).toEqual({ ok: false, field: 'text', message });
    const { message: translated } = s.call('saveCalendar', 'X', text, '', { language: 'vi' }) as { message: string };
    expect(translated).toMatch(/^Giờ làm việc không hợp lệ: /);
    expect(englishLeftIn(translated, message, text)).toEqual([]);
  });
});

describe('the calendar schema’s messages (core/calendar/spec.ts), rendered by their codes', () => {
  const WEEK = { Mo: [{ start: '08:00', end: '17:00' }] };
  const BAD_SPECS: [what: string, spec: Record<string, unknown>, english: string][] = [
    ['a time of day', { timeZone: 'UTC', weekly: { Mo: [{ start: '8:00', end: '17:00' }] } }, 'calendar.weekly.Mo.0.start: expected a time of day HH:MM (00:00 to 24:00)'],
    ['a window starting at 24:00', { timeZone: 'UTC', weekly: { Mo: [{ start: '24:00', end: '17:00' }] } }, 'calendar.weekly.Mo.0.start: a window cannot start at 24:00'],
    ['a date', { timeZone: 'UTC', weekly: WEEK, holidays: [{ date: '2025-13-01' }] }, 'calendar.holidays.0.date: expected a date YYYY-MM-DD'],
    ['a time zone', { timeZone: 'Mars/Base', weekly: WEEK }, 'calendar.timeZone: expected an IANA time zone such as Asia/Ho_Chi_Minh or Europe/Brussels'],
    ['a weekday key', { timeZone: 'UTC', weekly: { Mon: [] } }, 'calendar.weekly: unknown weekday key "Mon" (expected Mo, Tu, We, Th, Fr, Sa, Su)'],
    ['a country code', { timeZone: 'UTC', weekly: WEEK, holidayCountries: ['vn'] }, 'calendar.holidayCountries.0: expected a country code such as VN or DE-BY'],
    [
      'a closure ending before it starts',
      { timeZone: 'UTC', weekly: WEEK, closures: [{ date: '2025-12-24', start: '17:00', end: '12:00' }] },
      'calendar.closures.0: the closure 17:00-12:00 on 2025-12-24 ends before it starts',
    ],
  ];

  it('a calendar without working hours, asked for a due time (core/calendar/compile.ts)', () => {
    const off = compileCalendar({ timeZone: 'UTC', weekly: {} });
    expect(() => off.addWorkingMinutes(0, 60)).toThrow('calendar: it has no working hours on any day');
    expect(errorInLanguage(thrownBy(() => off.addWorkingMinutes(0, 60)), 'vi')).toBe('calendar: lịch không có giờ làm việc vào ngày nào');
  });

  it.each(BAD_SPECS)('%s', (_, spec, message) => {
    expect(() => compileCalendar(spec as CalendarSpecInput)).toThrow(message);
    const translated = errorInLanguage(thrownBy(() => compileCalendar(spec as CalendarSpecInput)), 'vi');
    expect(translated).not.toBe(message);
    expect(englishLeftIn(translated, message)).toEqual([]);
  });
});
