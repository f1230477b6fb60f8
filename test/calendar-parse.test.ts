import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoOfDayNumber } from '../core/calendar/days';
import { formatCalendarText, parseCalendarText } from '../core/calendar/parse';
import { type CalendarSpec, type CalendarSpecInput, CalendarSpecSchema, WEEKDAYS, type Window } from '../core/calendar/spec';
import { fieldAndMessageOf } from './helpers/calendar-errors';

const parse = (text: string) => parseCalendarText(text, 'Europe/Brussels');
const spec = (input: Omit<CalendarSpecInput, 'timeZone'> & { timeZone?: string }): CalendarSpec =>
  CalendarSpecSchema.parse({ timeZone: 'Europe/Brussels', ...input });
const w = (text: string): Window[] =>
  text.split(',').map((range) => ({ start: range.slice(0, 5), end: range.slice(6, 11) }));
const days = (names: string, windows: Window[]) => Object.fromEntries(names.split(',').map((d) => [d, windows]));

describe('parseCalendarText: hours', () => {
  it('reads blank text as Mo-Fr 09:00-17:00 in the default time zone', () => {
    const expected = spec({ weekly: days('Mo,Tu,We,Th,Fr', w('09:00-17:00')) });
    expect(parse('')).toEqual(expected);
    expect(parse('   ')).toEqual(expected);
    expect(parse(' | holidays=VN')).toEqual({ ...expected, holidayCountries: ['VN'] });
  });

  it('reads 24/7 as every day, all day', () => {
    expect(parse('24/7')).toEqual(spec({ weekly: days('Mo,Tu,We,Th,Fr,Sa,Su', w('00:00-24:00')) }));
    expect(parse('24/7; Su off').weekly.Su).toEqual([]);
  });

  it('reads several rules, lunch breaks, lists and ranges', () => {
    expect(parse('Mo-Fr 08:00-12:00,13:00-17:00; Sa 08:00-12:00')).toEqual(
      spec({ weekly: { ...days('Mo,Tu,We,Th,Fr', w('08:00-12:00,13:00-17:00')), Sa: w('08:00-12:00') } }),
    );
    expect(parse('Mo,We,Fr 10:00-11:00')).toEqual(spec({ weekly: days('Mo,We,Fr', w('10:00-11:00')) }));
    // Lenient about spaces and case.
    expect(parse(' mo - WE , fr 10:00 - 11:00 , 12:00-13:00 ;')).toEqual(
      spec({ weekly: days('Mo,Tu,We,Fr', w('10:00-11:00,12:00-13:00')) }),
    );
  });

  it('wraps a range past Sunday', () => {
    expect(parse('Fr-Mo 10:00-16:00')).toEqual(spec({ weekly: days('Fr,Sa,Su,Mo', w('10:00-16:00')) }));
  });

  it('lets a later rule replace what earlier ones said about a day; off and closed remove it', () => {
    expect(parse('Mo-Fr 08:00-17:00; We 08:00-12:00; Fr off')).toEqual(
      spec({ weekly: { ...days('Mo,Tu,Th', w('08:00-17:00')), We: w('08:00-12:00') } }),
    );
    expect(parse('Mo-Su 08:00-17:00; Sa,Su closed')).toEqual(parse('Mo-Fr 08:00-17:00'));
    expect(parse('off')).toEqual(spec({ weekly: {} }));
  });

  it('applies a rule without days to every day', () => {
    expect(parse('07:00-19:00; Su off')).toEqual(spec({ weekly: days('Mo,Tu,We,Th,Fr,Sa', w('07:00-19:00')) }));
  });

  it('takes Vietnamese weekday names: T2-T7, CN, Thứ Hai-Thứ Bảy or Thứ 2-Thứ 7, Chủ nhật, with or without diacritics, any case', () => {
    const weekdays = spec({ weekly: days('Mo,Tu,We,Th,Fr', w('08:00-17:00')) });
    expect(parse('T2-T6 08:00-17:00')).toEqual(weekdays);
    expect(parse('Thứ Hai-Thứ Sáu 08:00-17:00')).toEqual(weekdays);
    expect(parse('thu hai-THU SAU 08:00-17:00')).toEqual(weekdays);
    expect(parse('Thứ 2-Thứ 6 08:00-17:00')).toEqual(weekdays);
    expect(parse('Thứ 3,Thứ 5,Thứ 7 08:00-10:00; Chủ nhật 08:00-09:00')).toEqual(
      spec({ weekly: { ...days('Tu,Th,Sa', w('08:00-10:00')), Su: w('08:00-09:00') } }),
    );
    expect(parse('Thứ Ba,Thứ Tư,Thứ Năm,Thứ Bảy 08:00-10:00; CN off')).toEqual(spec({ weekly: days('Tu,We,Th,Sa', w('08:00-10:00')) }));
  });

  it('reads the rest of a Vietnamese rule without its diacritics, đ and Đ included, and quotes the rule as typed', () => {
    expect(fieldAndMessageOf(() => parse('T2 đến T6 08:00-17:00'))).toEqual(['calendar', 'calendar: "T2 đến T6 08:00-17:00": expected times as HH:MM-HH:MM, got "den Fr 08:00-17:00"']);
    expect(fieldAndMessageOf(() => parse('T2-T6 Đ 08:00-17:00'))).toEqual(['calendar', 'calendar: "T2-T6 Đ 08:00-17:00": expected times as HH:MM-HH:MM, got "D 08:00-17:00"']);
  });

  it('keeps a window that crosses midnight as written', () => {
    expect(parse('Mo-Fr 22:00-06:00').weekly.Mo).toEqual([{ start: '22:00', end: '06:00' }]);
    expect(parse('Sa 18:00-24:00').weekly.Sa).toEqual([{ start: '18:00', end: '24:00' }]);
  });
});

describe('parseCalendarText: options', () => {
  it('reads every option, in any order', () => {
    const text =
      'Mo-Fr 08:00-17:00 | name=Hanoi office; night=no | closed=2025-12-24 12:00-17:00, 2025-12-31 15:00-24:00 ' +
      '| makeup=2025-04-26,2025-05-03 Sa | holidays=VN,2025-01-02,de-by,2025-12-24 | tz=Asia/Ho_Chi_Minh';
    expect(parse(text)).toEqual(
      spec({
        name: 'Hanoi office; night=no',
        timeZone: 'Asia/Ho_Chi_Minh',
        weekly: days('Mo,Tu,We,Th,Fr', w('08:00-17:00')),
        holidays: [{ date: '2025-01-02' }, { date: '2025-12-24' }],
        holidayCountries: ['VN', 'DE-BY'],
        makeUpDays: [
          { date: '2025-04-26', like: 'Mo' },
          { date: '2025-05-03', like: 'Sa' },
        ],
        closures: [
          { date: '2025-12-24', start: '12:00', end: '17:00' },
          { date: '2025-12-31', start: '15:00', end: '24:00' },
        ],
      }),
    );
  });

  it('uses the default time zone without tz=, and ignores a stray |', () => {
    expect(parseCalendarText('24/7 |', 'Asia/Tokyo').timeZone).toBe('Asia/Tokyo');
    expect(parseCalendarText('24/7 | | TZ=UTC', 'Asia/Tokyo').timeZone).toBe('UTC');
  });
});

describe('parseCalendarText: errors', () => {
  it.each([
    ['Mo-Fx 09:00-17:00', 'calendar: "Mo-Fx 09:00-17:00": unknown day "Fx" (expected Mo, Tu, We, Th, Fr, Sa, Su)'],
    ['Mo-Fr 9-17', 'calendar: "Mo-Fr 9-17": expected times as HH:MM-HH:MM, got "9-17"'],
    ['Mo-Fr 08:00-12:00 13:00-17:00', 'calendar: "Mo-Fr 08:00-12:00 13:00-17:00": expected times as HH:MM-HH:MM, got "08:00-12:00 13:00-17:00"'],
    ['Sa 08:00-12:00; Mo-Fr', 'calendar: "Mo-Fr": expected times as HH:MM-HH:MM or "off" after the days'],
    ['Mo-We-Fr 09:00-17:00', 'calendar: "Mo-We-Fr 09:00-17:00": expected a day or a range of days such as Mo-Fr, got "Mo-We-Fr"'],
    ['Mo-Fr 09:00-25:00', 'calendar: "Mo-Fr 09:00-25:00": 25:00 is not a time of day (00:00 to 24:00)'],
    ['Mo-Fr 09:60-17:00', 'calendar: "Mo-Fr 09:60-17:00": 09:60 is not a time of day (00:00 to 24:00)'],
    ['Mo-Fr 24:00-06:00', 'calendar: "Mo-Fr 24:00-06:00": a window cannot start at 24:00'],
    ['PH off', 'calendar: "PH off": unknown day "PH" (expected Mo, Tu, We, Th, Fr, Sa, Su)'],
    ['24/7 | tz=Mars/Olympus', 'calendar: tz=Mars/Olympus: expected an IANA time zone such as Asia/Ho_Chi_Minh or Europe/Brussels'],
    ['24/7 | foo=1', 'calendar: unknown option "foo" (expected tz, holidays, makeup, closed, name)'],
    ['24/7 | Asia/Tokyo', 'calendar: expected an option as key=value after "|", got "Asia/Tokyo"'],
    ['24/7 | tz=UTC | tz=Asia/Tokyo', 'calendar: option tz= is given twice'],
    ['24/7 | holidays= ', 'calendar: option holidays= has no value'],
    ['24/7 | holidays=VN,Vietnam', 'calendar: holidays=VN,Vietnam: expected a country code such as VN or DE-BY or a date YYYY-MM-DD, got "Vietnam"'],
    ['24/7 | holidays=2025-02-30', 'calendar: holidays=2025-02-30: expected a country code such as VN or DE-BY or a date YYYY-MM-DD, got "2025-02-30"'],
    ['24/7 | makeup=26/04/2025', 'calendar: makeup=26/04/2025: expected a date YYYY-MM-DD, optionally followed by the weekday whose hours apply, got "26/04/2025"'],
    ['24/7 | makeup=2025-04-26 Sa Su', 'calendar: makeup=2025-04-26 Sa Su: expected a date YYYY-MM-DD, optionally followed by the weekday whose hours apply, got "2025-04-26 Sa Su"'],
    ['24/7 | makeup=2025-04-26 Xx', 'calendar: makeup=2025-04-26 Xx: unknown day "Xx" (expected Mo, Tu, We, Th, Fr, Sa, Su)'],
    ['24/7 | closed=2025-12-24', 'calendar: closed=2025-12-24: expected a date and times such as 2025-12-24 12:00-17:00, got "2025-12-24"'],
    ['24/7 | closed=2025-12-24 12-17', 'calendar: closed=2025-12-24 12-17: expected times as HH:MM-HH:MM, got "12-17"'],
    ['24/7 | closed=2025-12-24 17:00-12:00', 'calendar: closed=2025-12-24 17:00-12:00: the closure "2025-12-24 17:00-12:00" must end after it starts'],
  ])('%s', (text, message) => {
    expect(fieldAndMessageOf(() => parse(text))).toEqual(['calendar', message]);
  });

  it.each([
    // Days after the times: the times do not read as times.
    ['08:00-12:00 Mo', 'calendar: "08:00-12:00 Mo": expected times as HH:MM-HH:MM, got "08:00-12:00 Mo"'],
    // A line break inside a rule or a value is an error, not a silent cut of what follows it.
    ['Mo 08:00-12:00\nTu', 'calendar: "Mo 08:00-12:00\nTu": expected times as HH:MM-HH:MM, got "Mo 08:00-12:00\nTu"'],
    [
      '24/7 | closed=2025-12-24 12:00-17:00\nlater',
      'calendar: closed=2025-12-24 12:00-17:00\nlater: expected a date and times such as 2025-12-24 12:00-17:00, got "2025-12-24 12:00-17:00\nlater"',
    ],
    ['24/7 | =UTC', 'calendar: unknown option "" (expected tz, holidays, makeup, closed, name)'],
    ['24/7 | holidays=x2025-01-01', 'calendar: holidays=x2025-01-01: expected a country code such as VN or DE-BY or a date YYYY-MM-DD, got "x2025-01-01"'],
    ['24/7 | closed=2025-12-24 12:00-12:00', 'calendar: closed=2025-12-24 12:00-12:00: the closure "2025-12-24 12:00-12:00" must end after it starts'],
  ])('rejects %j', (text, message) => {
    expect(fieldAndMessageOf(() => parse(text))).toEqual(['calendar', message]);
  });

  it('is lenient about spaces around option keys and values and between items', () => {
    const s = parse('Mo-Fr 09:00-17:00; Sa  off | TZ = Asia/Tokyo | makeup=2025-04-26  Tu | closed=2025-12-24   12:00-17:00');
    expect(s.timeZone).toBe('Asia/Tokyo');
    expect(s.weekly.Sa).toEqual([]);
    expect(s.makeUpDays).toEqual([{ date: '2025-04-26', like: 'Tu' }]);
    expect(s.closures).toEqual([{ date: '2025-12-24', start: '12:00', end: '17:00' }]);
    expect(parse('Mo-Fr 09:00-17:00 | tz =UTC').timeZone).toBe('UTC');
  });

  it('says what it got when the calendar is not text', () => {
    const expected = 'calendar: expected the calendar as text such as "Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh", got';
    expect(fieldAndMessageOf(() => parseCalendarText(null as unknown as string, 'UTC'))).toEqual(['calendar', `${expected} null`]);
    expect(fieldAndMessageOf(() => parseCalendarText(42 as unknown as string, 'UTC'))).toEqual(['calendar', `${expected} number`]);
    expect(fieldAndMessageOf(() => parseCalendarText(undefined as unknown as string, 'UTC'))).toEqual(['calendar', `${expected} undefined`]);
  });

  it('reports a bad default time zone through the schema', () => {
    expect(() => parseCalendarText('24/7', 'Mars/Olympus')).toThrow(
      'calendar: timeZone: expected an IANA time zone such as Asia/Ho_Chi_Minh or Europe/Brussels',
    );
  });
});

describe('formatCalendarText', () => {
  it('writes canonical text', () => {
    expect(formatCalendarText(parse(''))).toBe('Mo-Fr 09:00-17:00 | tz=Europe/Brussels');
    expect(formatCalendarText(parse('24/7'))).toBe('24/7 | tz=Europe/Brussels');
    expect(formatCalendarText(parse('Su off; Sa closed | tz=UTC'))).toBe('off | tz=UTC');
    expect(formatCalendarText(parse('Fr-Mo 10:00-16:00; We 10:00-16:00; Tu 08:00-12:00,13:00-17:00'))).toBe(
      'Mo,We,Fr-Su 10:00-16:00; Tu 08:00-12:00,13:00-17:00 | tz=Europe/Brussels',
    );
    // A make-up day like a Monday (the default) is written as its date alone.
    expect(formatCalendarText(parse('Mo 09:00-17:00 | makeup=2025-04-26 Mo,2025-05-03 Sa | tz=UTC'))).toBe(
      'Mo 09:00-17:00 | tz=UTC | makeup=2025-04-26,2025-05-03 Sa',
    );
    expect(formatCalendarText(parse('Mo,Tu 09:00-17:00 | name=HQ | makeup=2025-04-26 Tu | holidays=2025-01-02,VN'))).toBe(
      'Mo,Tu 09:00-17:00 | tz=Europe/Brussels | holidays=VN,2025-01-02 | makeup=2025-04-26 Tu | name=HQ',
    );
  });

  it.each([
    [{ holidays: [{ date: '2025-01-01', name: 'New Year' }] }, 'the name of the holiday on 2025-01-01'],
    [{ closures: [{ date: '2025-12-24', start: '12:00', end: '17:00', name: 'Eve' }] }, 'the name of the closure on 2025-12-24'],
    [{ makeUpDays: [{ date: '2025-04-26', name: 'Bridge' }] }, 'the name of the make-up day on 2025-04-26'],
    [{ makeUpDays: [{ date: '2025-04-26', windows: w('08:00-12:00') }] }, 'the hours of the make-up day on 2025-04-26'],
    [{ name: 'A | B' }, 'the calendar name "A | B"'],
    [{ name: ' padded' }, 'the calendar name " padded"'],
    [{ name: '' }, 'the calendar name ""'],
  ])('refuses what the text form cannot express: %j', (input, what) => {
    expect(() => formatCalendarText(spec({ weekly: {}, ...input }))).toThrow(`calendar: the text form cannot express ${what}`);
  });
});

// ---- round trip ------------------------------------------------------------------------------------------------

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const arbWindow = fc
  .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1440 }))
  // A window that ends when it starts is an error (empty).
  .filter(([start, end]) => start !== end)
  .map(([start, end]) => ({ start: hhmm(start), end: hhmm(end) }));
/** A few shared window lists, so that days often group into one rule. */
const arbWindows = fc.oneof(
  fc.constantFrom([], w('09:00-17:00'), w('08:00-12:00,13:00-17:00'), w('00:00-24:00'), w('22:00-06:00')),
  fc.array(arbWindow, { maxLength: 3 }),
);
const arbDate = fc
  .integer({ min: -25_000, max: 100_000 })
  .map(isoOfDayNumber);
const arbTime = fc.integer({ min: 0, max: 1439 });

const arbSpec: fc.Arbitrary<CalendarSpec> = fc
  .record({
    name: fc.option(fc.stringMatching(/^[A-Za-z0-9;,=]([A-Za-z0-9 ;,=]{0,10}[A-Za-z0-9;,=])?$/), { nil: undefined }),
    timeZone: fc.constantFrom('UTC', 'Asia/Ho_Chi_Minh', 'Europe/Brussels', 'America/Argentina/Buenos_Aires'),
    weekly: fc.oneof(
      fc.tuple(...WEEKDAYS.map(() => arbWindows)).map((lists) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, lists[i]]))),
      fc.constant(Object.fromEntries(WEEKDAYS.map((d) => [d, w('00:00-24:00')]))),
    ),
    holidays: fc.array(arbDate.map((date) => ({ date })), { maxLength: 4 }),
    holidayCountries: fc.array(fc.constantFrom('VN', 'BE', 'DE-BY', 'US-CA'), { maxLength: 3 }),
    closures: fc.array(
      fc
        .tuple(arbDate, arbTime, fc.integer({ min: 1, max: 1440 }))
        .map(([date, a, b]) => ({ date, start: hhmm(Math.min(a, b - 1)), end: hhmm(Math.max(a + 1, b)) })),
      { maxLength: 3 },
    ),
    makeUpDays: fc.array(fc.record({ date: arbDate, like: fc.constantFrom(...WEEKDAYS) }), { maxLength: 3 }),
  })
  .map(({ name, ...rest }) => CalendarSpecSchema.parse(name === undefined ? rest : { name, ...rest }));

describe('round trip', () => {
  it('parse(format(spec)) gives the spec back, whatever the default time zone', () => {
    fc.assert(
      fc.property(arbSpec, (s) => {
        expect(parseCalendarText(formatCalendarText(s), 'Asia/Tokyo')).toStrictEqual(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('format is canonical: parsing any accepted text and formatting again gives the same text', () => {
    const arbRule = fc
      .tuple(
        fc.array(fc.constantFrom(...WEEKDAYS, 'Mo-Fr', 'Fr-Mo', 'Sa-Su', 'Tu-Th'), { minLength: 0, maxLength: 3 }),
        fc.oneof(fc.constantFrom('off', 'closed'), fc.array(arbWindow, { minLength: 1, maxLength: 3 }).map((ws) => ws.map((x) => `${x.start}-${x.end}`).join(','))),
      )
      .map(([ds, times]) => (ds.length ? `${ds.join(',')} ${times}` : times));
    fc.assert(
      fc.property(fc.array(arbRule, { maxLength: 5 }), (rules) => {
        const first = formatCalendarText(parse(rules.join('; ')));
        expect(formatCalendarText(parse(first))).toBe(first);
      }),
      { numRuns: 1000 },
    );
  });
});
