import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dio, dpo, dso, type Balance } from '../core/kpi';
import { col, loadBundle } from './helpers/sheets-sandbox';

/**
 * A Vietnamese finance team's sheet (vi_VN, Asia/Ho_Chi_Minh) through the built bundle (`npm run build` first): the
 * announced 2026 schedule, calendars where the weekend goes, average balances, and date-looking text in holiday
 * ranges. Each test is named after the check it proves.
 */

const vi = () => loadBundle({ spreadsheetLocale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' });
const en = () => loadBundle({ spreadsheetLocale: 'en_US', timeZone: 'Asia/Ho_Chi_Minh' });
const HANOI = 'Mo-Fr 08:00-17:00 | holidays=VN';
/** A sheet date: local midnight in Ho Chi Minh City. */
const sheetDate = (s: ReturnType<typeof vi>, iso: string) => s.date(`${iso}T00:00:00+07:00`);
const isoOf = (date: Date) => new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

describe('Vietnam 2026 as announced', () => {
  it('HOLIDAYS("VN", 2026) has 31 Aug off and 22 Aug worked with status official and a cited source', () => {
    const rows = en().call('HOLIDAYS', 'VN', 2026) as [Date, string, string][];
    const august = rows.filter(([day]) => isoOf(day) >= '2026-08-20' && isoOf(day) <= '2026-09-05').map(([day, name, status]) => [isoOf(day), name, status]);
    expect(august).toEqual([
      ['2026-08-22', 'Working day (in exchange for 2026-08-31)', 'worked'],
      ['2026-08-31', 'Bridge day (worked on Saturday 2026-08-22)', 'official'],
      ['2026-09-01', 'National Day', 'official'],
      ['2026-09-02', 'National Day', 'official'],
    ]);
    // A year not yet announced is computed by the rules.
    expect(new Set((en().call('HOLIDAYS', 'VN', 2028) as string[][]).map((row) => row[2]))).toEqual(new Set(['rules']));
    // The source: Notice 9441/TB-BNV as Viet Nam News reported it, in the data file and in the docs.
    const data = readFileSync(new URL('../core/calendar/holiday-data/vn-official.ts', import.meta.url), 'utf8');
    expect(data).toMatch(/9441\/TB-BNV[^']*'\s*\+\s*'[^']*'\s*\+\s*'https:\/\/vietnamnews\.vn\/politics-laws\/1727514\//);
    // In a Vietnamese sheet the names are Vietnamese; the status words stay (formulas filter on them).
    const viRows = (vi().call('HOLIDAYS', 'VN', 2026) as [Date, string, string][]).filter(([day]) => ['2026-08-22', '2026-08-31', '2026-09-02'].includes(isoOf(day)));
    expect(viRows.map((row) => row.slice(1))).toEqual([
      ['Quốc khánh: ngày làm bù (cho ngày nghỉ 31/08/2026)', 'worked'],
      ['Quốc khánh: nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)', 'official'],
      ['Quốc khánh', 'official'],
    ]);
  });

  it('ADD_BUSINESS_DAYS(28/8/2026; 3; "Mo-Fr 08:00-17:00 | holidays=VN") is 7 Sep', () => {
    const s = vi();
    expect(isoOf(s.call('ADD_BUSINESS_DAYS', sheetDate(s, '2026-08-28'), 3, HANOI) as Date)).toBe('2026-09-07');
    // Serial in, serial out: 28 Aug 2026 is 46262, 7 Sep 46272. Backwards from 7 Sep, 3 days is Fri 28 Aug.
    expect(s.call('ADD_BUSINESS_DAYS', 46262, 3, HANOI)).toBe(46272);
    expect(s.call('ADD_BUSINESS_DAYS', 46272, -3, HANOI)).toBe(46262);
    // The worked Saturday is a business day: 1 day after Fri 21 Aug is Sat 22 Aug; 0 days is the start unchanged.
    expect(isoOf(s.call('ADD_BUSINESS_DAYS', sheetDate(s, '2026-08-21'), 1, HANOI) as Date)).toBe('2026-08-22');
    expect(isoOf(s.call('ADD_BUSINESS_DAYS', sheetDate(s, '2026-08-29'), 0, HANOI) as Date)).toBe('2026-08-29');
    // SLA_DUE agrees: 3bd from Fri 28 Aug 10:00 is due at the close of Mon 7 Sep.
    expect((s.call('SLA_DUE', s.date('2026-08-28T10:00:00+07:00'), '3bd', HANOI) as Date).toISOString()).toBe('2026-09-07T10:00:00.000Z');
  });

  it('BUSINESS_DAYS(25/4/2025; 5/5/2025; the same calendar) is 5, counting Sat 26 Apr', () => {
    const s = vi();
    // Fri 25, Sat 26 (worked for Fri 2 May), Mon 28, Tue 29 Apr, Mon 5 May; 30 Apr - 2 May are closed.
    expect(s.call('BUSINESS_DAYS', sheetDate(s, '2025-04-25'), sheetDate(s, '2025-05-05'), HANOI)).toBe(5);
    expect(s.call('BUSINESS_DAYS', sheetDate(s, '2025-05-05'), sheetDate(s, '2025-04-25'), HANOI)).toBe(-5);
    // A saved calendar by its name does the same; Saturday mornings worked count every Saturday.
    expect(s.call('saveCalendar', 'Hà Nội', HANOI)).toMatchObject({ ok: true });
    expect(s.call('BUSINESS_DAYS', sheetDate(s, '2025-04-25'), sheetDate(s, '2025-05-05'), 'Hà Nội')).toBe(5);
    expect(s.call('BUSINESS_DAYS', sheetDate(s, '2025-03-03'), sheetDate(s, '2025-03-09'), 'Mo-Fr 08:00-17:00; Sa 08:00-12:00')).toBe(6);
    // The same range as a weekend mask keeps NETWORKDAYS.INTL parity: Saturday is off, 30 Apr - 1 May not listed.
    expect(s.call('BUSINESS_DAYS', sheetDate(s, '2025-04-25'), sheetDate(s, '2025-05-05'), 1)).toBe(7);
    // A HOLIDAYS() spill as the holiday range: its worked row opens Sat 26 Apr on a calendar, and a mask skips it.
    const spill = en().call('HOLIDAYS', 'VN', 2025) as unknown[][];
    const asSheet = spill.map(([day, name, status]) => [s.date((day as Date).toISOString()), name, status]);
    expect(s.call('BUSINESS_DAYS', sheetDate(s, '2025-04-25'), sheetDate(s, '2025-05-05'), 'Mo-Fr 08:00-17:00', asSheet)).toBe(5);
    expect(s.call('BUSINESS_DAYS', sheetDate(s, '2025-04-25'), sheetDate(s, '2025-05-05'), 1, asSheet)).toBe(4);
    // and SLA_DUE takes the spill too, its name column no longer an error: 1bd after Fri 25 Apr is Sat 26 Apr.
    expect((s.call('SLA_DUE', s.date('2025-04-25T10:00:00+07:00'), '1bd', 'Mo-Fr 08:00-17:00', asSheet) as Date).toISOString()).toBe('2025-04-26T10:00:00.000Z');
  });
});

describe('average balances', () => {
  const vectors = JSON.parse(readFileSync(new URL('./vectors/finance.json', import.meta.url), 'utf8')) as {
    daysOutstanding: { fn: 'DSO' | 'DPO' | 'DIO'; balance: Balance; flow: number; days: number; result: number; how: string }[];
  };
  const core = { DSO: dso, DPO: dpo, DIO: dio };

  it('DSO with three month-end balances uses their average', () => {
    const s = vi();
    // 1.1, 1.2, 1.3 bn VND: the average 1.2 bn over 6 bn of credit sales in 90 days is 18 days, not the sum's 54.
    expect(s.call('DSO', col(1_100_000_000, 1_200_000_000, 1_300_000_000), 6_000_000_000, 90)).toBe(18);
    expect(s.call('DSO', col(1_100_000_000, '', 1_300_000_000), 6_000_000_000, 90)).toBe(18); // a blank month left out
    expect(s.call('DSO', 1_300_000_000, 6_000_000_000, 90)).toBe(19.5); // one cell: the period-end balance
    expect(s.thrown('DSO', col(1, 'x'), 10, 90)).toBe('DSO: receivables hàng 2: "x" không phải là số');
    expect(() => dso([], 10, 90)).toThrow('DSO: receivables has no balance: give the period-end balance or the balances to average');
  });

  it.each(vectors.daysOutstanding)('vector $fn $balance: $how', ({ fn, balance, flow, days, result }) => {
    expect(core[fn](balance, flow, days)).toBeCloseTo(result, 9);
    const cells = typeof balance === 'number' ? balance : col(...balance);
    expect(en().call(fn, cells, flow, days)).toBeCloseTo(result, 9);
  });
});

describe('date-looking text in a holiday range', () => {
  it('"30/04/2025" as text in a holiday range is an error naming the row', () => {
    const s = vi();
    const range = col('Ngày lễ', sheetDate(s, '2025-04-29'), '30/04/2025');
    expect(s.thrown('BUSINESS_DAYS', sheetDate(s, '2025-04-28'), sheetDate(s, '2025-05-02'), 1, range)).toBe(
      'BUSINESS_DAYS: holidays hàng 3: "30/04/2025" là văn bản trông như ngày; hãy nhập nó dưới dạng ngày (ô ngày) để được tính',
    );
    expect(s.thrown('ADD_BUSINESS_DAYS', sheetDate(s, '2025-04-28'), 2, HANOI, col('2025-04-30'))).toMatch(/^ADD_BUSINESS_DAYS: holidays hàng 1: "2025-04-30" là văn bản trông như ngày/);
    // The header alone is skipped as NETWORKDAYS skips it: Mon 28 Apr - Fri 2 May less Tue 29 Apr.
    expect(s.call('BUSINESS_DAYS', sheetDate(s, '2025-04-28'), sheetDate(s, '2025-05-02'), 1, col('Ngày lễ', sheetDate(s, '2025-04-29')))).toBe(4);
    // SLA_DUE reads ISO text and now says why dd/mm text is refused.
    expect(s.thrown('SLA_DUE', s.date('2025-04-29T10:00:00+07:00'), '1bd', 'Mo-Fr 08:00-17:00', col('30/04/2025'))).toBe(
      'SLA_DUE: holidays hàng 1: "30/04/2025" là văn bản trông như ngày; hãy nhập nó dưới dạng ngày (ô ngày) để được tính',
    );
    // In en_US the month comes first: 4/30/2025 reads as a date, 30/4/2025 does not (and is ignored as text).
    expect(en().thrown('BUSINESS_DAYS', 45775, 45779, 1, col('4/30/2025'))).toBe(
      'BUSINESS_DAYS: holidays row 1: "4/30/2025" is text that reads as a date; type it as a date (a date cell) so that it counts',
    );
    expect(en().call('BUSINESS_DAYS', 45775, 45779, 1, col('30/4/2025'))).toBe(5);
  });

  it('a two-column holiday range names the row of the range, not the cell', () => {
    const s = en();
    expect(s.thrown('BUSINESS_DAYS', 45775, 45779, 1, [[45776, 'Tue'], [45777, 'Wed'], ['#N/A', 'Thu']])).toBe(
      'BUSINESS_DAYS: holidays row 3: the cell holds the error #N/A; fix or clear it',
    );
    expect(s.thrown('SLA_DUE', s.date('2025-04-29T10:00:00+07:00'), '1bd', '24/7', [[s.date('2025-04-30T00:00:00+07:00'), 'x'], ['soon', 'y']])).toBe(
      'SLA_DUE: holidays row 1: "x" is not a date',
    );
  });
});

describe('Vietnamese throughout', () => {
  /**
   * English words of the English message that must be gone from the Vietnamese one: what the user typed (quoted
   * text), function and argument names (the words typed in the formula) and codes in capitals stay as written.
   */
  const KEPT = new Set(['calendar', 'weekend_or_calendar', 'holidays', 'scores', 'steps', 'bands', 'errors', 'total', 'days', 'receivables']);
  const englishLeft = (english: string, vietnamese: string): string[] => {
    const words = (text: string) => text.replace(/"[^"]*"/g, ' ').replace(/\d[\d.e+]*/g, ' ').split(/[^\p{L}_]+/u).filter((w) => /^[a-z][a-z_]*$/.test(w) && !KEPT.has(w));
    const left = new Set(words(vietnamese));
    return words(english).filter((word) => left.has(word));
  };
  const CASES: [string, ...unknown[]][] = [
    ['SCORECARD', col(0.5, 0.7), col(0, 0)],
    ['KPI_PAYOUT', 1, 100, 0, 1.2, [[1, 1], [0.5, 0.5]]],
    ['KPI_BAND_SCORE', 5, col(10, 5, 20)],
    ['ERROR_RATE', 5, 3],
    ['ADD_BUSINESS_DAYS', 45723, 1, '1111111'],
    ['ADD_BUSINESS_DAYS', 45723, 1.5e308],
    ['BUSINESS_DAYS', 45775, 45779, 1, col('2025-04-30')],
    ['ADD_BUSINESS_DAYS', 45723, 5, 'off'],
    ['BUSINESS_HOURS', 45723, 45724, 'T2-T6 08:00-25:00'],
  ];

  it.each(CASES)('a vi_VN sweep finds no English word in any message: %s', (name, ...args) => {
    const english = en().thrown(name, ...args);
    const vietnamese = vi().thrown(name, ...args);
    expect(vietnamese).not.toBe(english);
    expect(englishLeft(english, vietnamese), `${english}\n${vietnamese}`).toEqual([]);
  });

  it('a vi_VN sweep finds no English word in any holiday name, 2020-2035', () => {
    for (let year = 2020; year <= 2035; year++) {
      const english = en().call('HOLIDAYS', 'VN', year) as string[][];
      const vietnamese = vi().call('HOLIDAYS', 'VN', year) as string[][];
      english.forEach((row, i) => expect(englishLeft(row[1], vietnamese[i][1]), `${year}: ${row[1]} / ${vietnamese[i][1]}`).toEqual([]));
    }
  });

  it('calendar text takes Vietnamese weekday names: T2-T7, CN, Thứ Hai with or without diacritics', () => {
    const s = vi();
    const week = (calendar: string) => s.call('BUSINESS_HOURS', s.date('2025-03-03T00:00:00+07:00'), s.date('2025-03-10T00:00:00+07:00'), calendar);
    expect(week('T2-T6 08:00-17:00')).toBe(45);
    expect(week('Thứ Hai-Thứ Sáu 08:00-17:00; T7 08:00-12:00')).toBe(49);
    expect(week('thu hai-thu sau 08:00-17:00; CN 08:00-09:00')).toBe(46);
    expect(week('Thứ 2,Thứ 4 08:00-10:00; Chủ nhật 08:00-09:00')).toBe(5);
    // A wrong time is blamed on the time, not on the day names.
    expect(s.thrown('BUSINESS_HOURS', 45723, 45724, 'T2-T6 08:00-25:00')).toBe(
      'BUSINESS_HOURS: calendar: "T2-T6 08:00-25:00": 25:00 không phải là giờ trong ngày (00:00 đến 24:00)',
    );
  });

  it('the calendar manager names no English "calendar:" before a Vietnamese message', () => {
    const s = vi();
    const saved = s.call('saveCalendar', 'X', 'T2-T6 8-17', '', { language: 'vi' }) as { message: string };
    expect(saved.message).toBe('Giờ làm việc không hợp lệ: "T2-T6 8-17": cần giờ dạng HH:MM-HH:MM, nhưng nhận "8-17"');
  });
});

describe('the sample sheet', () => {
  it('writes its formula examples in vi_VN notation (; and decimal commas) with the en_US form beside them, as text', () => {
    const s = loadBundle({ locale: 'vi_VN', spreadsheetLocale: 'vi_VN' });
    s.call('insertSampleSheet');
    const sheet = s.book.getSheets().find((candidate) => candidate.getRange(16, 11).getValues()[0][0] === 'Ví dụ (vi_VN: dấu ; và dấu phẩy thập phân)')!;
    const rows = sheet.getRange(17, 11, 5, 2).getValues() as string[][];
    expect(rows.length).toBe(5);
    // The en_US form is the vi_VN one with "," for ";" outside quoted text, "." for decimal commas, Mo-Fr for T2-T6.
    const englishNotation = (vi: string) =>
      vi
        .split('"')
        .map((part, i) => (i % 2 === 1 ? part.replace('T2-T6', 'Mo-Fr') : part.replace(/(\d),(\d)/g, '$1.$2').replace(/;/g, ',')))
        .join('"');
    for (const [vi, en] of rows) {
      expect(vi.startsWith('=')).toBe(false);
      expect(vi).toMatch(/;/);
      expect(englishNotation(vi)).toBe(en);
    }
    expect(rows.some(([vi]) => /\d,\d/.test(vi))).toBe(true);
  });
});
