import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, type FunctionName } from '../sheets-addon/src/functions-meta';
import { col, loadBundle, type Sandbox } from './helpers/sheets-sandbox';

/**
 * Every bad input gives an error naming the argument (and row) in the sheet's language, never a word of
 * the core's internals. Run on the built bundle (`npm run build` first), in English and in a Vietnamese spreadsheet.
 */

const sandboxes: Record<'en' | 'vi', Sandbox> = {} as Record<'en' | 'vi', Sandbox>;
beforeAll(() => {
  sandboxes.en = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh' });
  sandboxes.vi = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh', spreadsheetLocale: 'vi_VN' });
});

/** What the user sees: the thrown message (#ERROR!), or the first `#INVALID:` text of the result. */
function shown(s: Sandbox, name: string, args: unknown[]): string {
  let result: unknown;
  try {
    result = s.call(name, ...args);
  } catch (error) {
    return (error as Error).message;
  }
  const cells = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
  const invalid = cells.find((c): c is string => typeof c === 'string' && c.startsWith('#INVALID:'));
  if (invalid === undefined) throw new Error(`${name}(${JSON.stringify(args)}) gave no error: ${JSON.stringify(result)}`);
  return invalid;
}

const START = '2025-03-03 09:00';
const END = '2025-03-04 09:00';
const AS_OF = '2025-03-10 09:00';
const CAL = 'Mo-Fr 08:00-17:00';

const both = (name: string, ...args: unknown[]) => ({ en: shown(sandboxes.en, name, args), vi: shown(sandboxes.vi, name, args) });

describe('a due time past the holiday tables names the holidays option and their years, not the calendars\' 1900-2300', () => {
  const VN = 'Mo-Fr 08:00-17:00 | holidays=VN';

  it('SLA_DUE: 3bd from Fri 29 Dec 2060 falls in 2061, past the tables (2000-2060)', () => {
    expect(both('SLA_DUE', '2060-12-29 08:00', '3bd', VN)).toEqual({
      en: '#INVALID: target: 3bd from 2060-12-29 08:00 is due outside the years 2000-2060 that the public-holiday tables cover (holidays=VN)',
      vi: '#INVALID: target: 3bd tính từ 2060-12-29 08:00 có hạn nằm ngoài các năm 2000-2060 mà bảng ngày lễ có (holidays=VN)',
    });
  });

  it('SLA_COMPLIANCE names the row', () => {
    expect(both('SLA_COMPLIANCE', col('2025-03-03 08:00', '2060-12-29 08:00'), col('', ''), '3bd', VN, '', '2060-12-30 08:00')).toEqual({
      en: 'SLA_COMPLIANCE: target row 2: 3bd from 2060-12-29 08:00 is due outside the years 2000-2060 that the public-holiday tables cover (holidays=VN)',
      vi: 'SLA_COMPLIANCE: target dòng 2: 3bd tính từ 2060-12-29 08:00 có hạn nằm ngoài các năm 2000-2060 mà bảng ngày lễ có (holidays=VN)',
    });
  });

  it('without holidays the same goal is due in 2061 (Wed 3 Jan, 17:00 in Ho Chi Minh City), and 1900-2300 stays the limit', () => {
    expect((sandboxes.en.call('SLA_DUE', '2060-12-29 08:00', '3bd', 'Mo-Fr 08:00-17:00') as Date).toISOString()).toBe('2061-01-03T10:00:00.000Z');
    expect(both('SLA_DUE', '2300-12-29 08:00', '3bd', 'Mo-Fr 08:00-17:00').en).toBe(
      '#INVALID: target: 3bd from 2300-12-29 08:00 is due outside the years 1900-2300 that calendars cover',
    );
  });
});

describe('a calendar with no working hours is an error on calendar, not on a policy the user never wrote', () => {
  it('SLA_DUE with one calendar "off": the whole call, naming calendar', () => {
    expect(both('SLA_DUE', '2025-12-29 08:00', '1h', 'off')).toEqual({
      en: 'SLA_DUE: calendar: it has no working hours on any day',
      vi: 'SLA_DUE: calendar: lịch không có giờ làm việc vào ngày nào',
    });
  });

  it('SLA_DUE with a calendar per row: only that row is #INVALID', () => {
    const result = sandboxes.vi.call('SLA_DUE', col('2025-12-29 08:00', '2025-12-29 08:00'), '1h', col('Mo-Fr 08:00-17:00', 'off')) as unknown[][];
    expect((result[0][0] as Date).toISOString()).toBe('2025-12-29T02:00:00.000Z'); // 09:00 in Ho Chi Minh City
    expect(result[1][0]).toBe('#INVALID: calendar: lịch không có giờ làm việc vào ngày nào');
    expect(shown(sandboxes.en, 'SLA_STATUS', [col('2025-12-29 08:00', '2025-12-29 08:00'), '', '1h', col('24/7', 'off'), '', '2025-12-29 08:30'])).toBe(
      '#INVALID: calendar: it has no working hours on any day',
    );
  });

  it('SLA_COMPLIANCE names the calendar column\'s row', () => {
    expect(both('SLA_COMPLIANCE', col('2025-12-29 08:00', '2025-12-29 08:00'), col('', ''), '1h', col('Mo-Fr 08:00-17:00', 'off'), '', '2025-12-31 08:00')).toEqual({
      en: 'SLA_COMPLIANCE: calendar row 2: it has no working hours on any day',
      vi: 'SLA_COMPLIANCE: calendar dòng 2: lịch không có giờ làm việc vào ngày nào',
    });
  });

  it('counting functions still take it: BUSINESS_HOURS on "off" is 0 hours', () => {
    expect(sandboxes.en.call('BUSINESS_HOURS', '2025-12-29 08:00', '2025-12-30 08:00', 'off')).toBe(0);
  });
});

describe('per-row functions write #INVALID: <message naming the argument>, without the function\'s name', () => {
  it('KPI_SCORE(95, 100, "sideways")', () => {
    expect(both('KPI_SCORE', 95, 100, 'sideways')).toEqual({
      en: '#INVALID: direction must be higher or lower, not "sideways"',
      vi: '#INVALID: direction phải là higher hoặc lower, không phải "sideways"',
    });
  });

  it('the #ERROR! of an aggregate keeps the function\'s name', () => {
    expect(both('SCORECARD', col(0.8), col(1), 'sideways').en).toMatch(/^SCORECARD: method /);
  });
});

/** Arguments every function accepts (each argument given, so each can be made bad in turn). */
const GOOD: Record<FunctionName, unknown[]> = {
  BUSINESS_HOURS: [START, END, CAL, col('2025-03-05')],
  BUSINESS_DAYS: [45723, 45730, 1, col(45726)],
  ADD_BUSINESS_DAYS: [45723, 3, 1, col(45726)],
  SLA_DUE: [START, '3bd', CAL, col('2025-03-05')],
  SLA_STATUS: [START, END, '8h', CAL, col('2025-03-05'), AS_OF],
  SLA_REMAINING: [START, '8h', CAL, col('2025-03-05'), AS_OF],
  SLA_COMPLIANCE: [col(START), col(END), '8h', CAL, col('2025-03-05'), AS_OF],
  TAT: [col(START), col(END), CAL, col('2025-03-05'), 'mean'],
  FTR_RATE: [col(true, false)],
  ERROR_RATE: [col(1), col(10)],
  INPS: [col(10, 9, 0)],
  CSAT: [col(5, 4), 5],
  DSO: [100, 1000, 30],
  DPO: [100, 1000, 30],
  DIO: [100, 1000, 30],
  CCC: [30, 40, 20],
  UPTIME: [col(START), col(END), '2025-03-01', '2025-04-01'],
  MTTA: [col(START), col(END), CAL],
  MTBF: [col(START), col(END), '2025-03-01', '2025-04-01'],
  MTTR: [col(START), col(END), CAL],
  TIME_TO_FILL: [col(START), col(END), CAL],
  RETENTION_RATE: [col('2024-01-01'), col(''), 12, '2025-03-01'],
  HOLIDAYS: ['VN', 2025, ''],
  KPI_SCORE: [95, 100, 'higher', 0, 1.2],
  KPI_STATUS: [95, 100, 'higher', 1, 0.9],
  KPI_PROGRESS: [50, 100, 0, true],
  KPI_PERFORMANCE: [50, 0, 100, 'higher'],
  KPI_GOAL_SCORE: [50, 100, 0, 10],
  KPI_GOAL_STATUS: [50, 100, 0],
  KPI_BAND_SCORE: [0.9, [[0.5, 0.8, 1]], 'higher'],
  KPI_BINARY_SCORE: [95, 100, 'higher'],
  KPI_STABILIZE_SCORE: [95, 100, 10],
  KPI_PAYOUT: [1, 1000, 0, 1.2, [[0.8, 0.5], [1, 1]]],
  SERVICE_CREDIT: [0.93, [[0.95, 0.05], [0.9, 0.15]], 0.3],
  ALLOCATE: [1000, col(2, 1), 0],
  SCORECARD: [col(0.8, 0.9), col(1, 1), 'weighted', 'ignore'],
};

/** "abc" is wrong for nearly every argument; where a function reads it as valid, the value that is wrong there. */
const BAD_BY_ARGUMENT: Partial<Record<string, unknown>> = {
  // Holiday ranges ignore text in BUSINESS_DAYS (NETWORKDAYS parity); an error value is wrong in every range.
  holidays: col('#N/A'),
  outcomes: col('abc'),
};
const badValue = (argument: string, good: unknown): unknown =>
  BAD_BY_ARGUMENT[argument] ?? (Array.isArray(good) ? col('abc') : 'abc');

/** Words of the core's and the adapter's internals, which the user never typed. */
const INTERNAL = [/\d{2}:\d{2}:\d{2}\.\d{3}Z/, /\binstant:/, /\bminutes:/, /\bpolicy\b/, /\bgoals\./, /\bevaluate\b/, /\brow "/, /\bticket\b/, /\bday:/, /\bundefined\b/, /\bNaN\b/];

const namesArgument = (message: string, argument: string) => new RegExp(`(^|[^a-z_])${argument}([^a-z_]|$)`).test(message);

describe('sweep: a bad value in each argument of every custom function names that argument', () => {
  const cases = (Object.keys(FUNCTIONS) as FunctionName[]).flatMap((fn) =>
    FUNCTIONS[fn].params.map((param, index) => ({ fn, argument: param.name, index })),
  );

  it('the good arguments give no error (so each bad one is the only fault)', () => {
    for (const fn of Object.keys(GOOD) as FunctionName[]) expect(() => sandboxes.en.call(fn, ...GOOD[fn]), fn).not.toThrow();
  });

  for (const language of ['en', 'vi'] as const) {
    it.each(cases)(`${language}: $fn($argument bad)`, ({ fn, argument, index }) => {
      const args = [...GOOD[fn]];
      args[index] = badValue(argument, args[index]);
      expectNamed(shown(sandboxes[language], fn, args), fn, argument, language);
    });
    // An error value is wrong in every argument, ranges included (docs/SHEETS-FUNCTIONS.md "calendar argument").
    it.each(cases)(`${language}: $fn($argument #N/A)`, ({ fn, argument, index }) => {
      const args = [...GOOD[fn]];
      args[index] = Array.isArray(args[index]) ? col('#N/A') : '#N/A';
      expectNamed(shown(sandboxes[language], fn, args), fn, argument, language);
    });
  }
});

/** English phrase words a Vietnamese message must not keep (values in quotes, as typed, are left out). */
const ENGLISH = /\b(is|not|must|expected|has|the|got|would|give)\b/;

/**
 * The message names the argument, no internal word, and (in a row's #INVALID text) not the function; in a
 * Vietnamese sheet no English phrase is left.
 */
function expectNamed(message: string, fn: string, argument: string, language: 'en' | 'vi'): void {
  if (language === 'vi') expect(message.replace(/"[^"]*"/g, ''), 'English left').not.toMatch(ENGLISH);
  expect(namesArgument(message, argument), message).toBe(true);
  for (const word of INTERNAL) expect(message, `internal word ${word}`).not.toMatch(word);
  // Per-row functions write `#INVALID: <message>`: the function's name belongs to #ERROR! messages only.
  if (message.startsWith('#INVALID: ')) expect(message).not.toContain(`${fn}:`);
}

describe('the KPI and scoring checks in a Vietnamese sheet', () => {
  it.each([
    ['KPI_SCORE', [95, 100, 'higher', 0, 0], '#INVALID: cap phải lớn hơn floor'],
    ['KPI_PERFORMANCE', [5, 10, 10], '#INVALID: max phải lớn hơn min (10 không lớn hơn 10): thang đo không có độ rộng'],
    ['KPI_PROGRESS', [5, 10, 10], '#INVALID: baseline phải khác target (cả hai đều là 10): thang đo từ baseline đến target không có độ rộng'],
    ['KPI_STABILIZE_SCORE', [1, 2, 0], '#INVALID: tolerance phải lớn hơn 0, không phải 0: thang đo không có độ rộng'],
    ['KPI_SCORE', [col(1, 2, 3), col(1, 2), 'higher'], 'KPI_SCORE: target có 2 dòng nhưng actual có 3 dòng'],
    ['CSAT', [col(5, 7)], 'CSAT: scores dòng 2: 7 không phải là số nguyên từ 1 đến 5'],
    ['FTR_RATE', [col(true, 'x')], 'FTR_RATE: outcomes dòng 2: "x" không phải là TRUE, FALSE hoặc số lần làm lại (số nguyên)'],
    ['SCORECARD', [col(0.8), col(1), 'median'], 'SCORECARD: method phải là weighted, average, min, max hoặc sum, không phải "median"'],
    ['RETENTION_RATE', [col('2024-01-01'), col('2023-01-01'), 12, '2025-03-01'], 'RETENTION_RATE: exit_dates dòng 1: ngày nghỉ việc sớm hơn ngày tuyển'],
    ['UPTIME', [col('2025-03-03 09:00'), col('2025-03-03 10:00'), '2025-04-01', '2025-03-01'], 'UPTIME: period_end phải sau period_start'],
    ['KPI_SCORE', [[[1, 2]], 100], 'KPI_SCORE: actual: cần một cột, nhưng có 2 cột'],
  ] as const)('%s', (fn, args, expected) => {
    expect(shown(sandboxes.vi, fn, [...args])).toBe(expected);
  });
});

describe('a date cell where a number or word was expected is shown in the sheet\'s zone, not UTC', () => {
  // Asia/Ho_Chi_Minh is UTC+7: the cell 2025-03-01 07:00 is 2025-03-01T00:00:00.000Z.
  // Made in the sandbox it is passed to, as Sheets passes a date cell.
  const cell = (language: 'en' | 'vi' = 'en') => sandboxes[language].date('2025-03-01T00:00:00Z');

  it('in a row\'s #INVALID text and in an #ERROR! message, English and Vietnamese', () => {
    expect(shown(sandboxes.en, 'KPI_SCORE', [95, 100, cell()])).toBe('#INVALID: direction must be higher or lower, not 2025-03-01 07:00');
    expect(shown(sandboxes.vi, 'KPI_SCORE', [95, 100, cell('vi')])).toBe('#INVALID: direction phải là higher hoặc lower, không phải 2025-03-01 07:00');
    expect(both('INPS', col(10, cell())).en).toBe('INPS: scores row 2: 2025-03-01 07:00 is not a whole number from 0 to 10');
    expect(both('SLA_DUE', '2025-03-03 09:00', cell()).en).toMatch(/got "2025-03-01 07:00"$/);
  });
});

describe('a date serial no spreadsheet holds (1e300) names its argument and row instead of the core\'s NaN', () => {
  it('date-time arguments, per row and in a list', () => {
    expect(both('BUSINESS_HOURS', 1e300, '2025-03-04 09:00')).toEqual({
      en: '#INVALID: start: 1e+300 is outside the dates a spreadsheet holds (0001-01-01 to 9999-12-31)',
      vi: '#INVALID: start: 1e+300 nằm ngoài các ngày bảng tính lưu được (0001-01-01 đến 9999-12-31)',
    });
    expect(both('TAT', col('2025-03-03 09:00', '2025-03-03 09:00'), col('2025-03-04 09:00', 1e300)).en).toBe(
      'TAT: ends row 2: 1e+300 is outside the dates a spreadsheet holds (0001-01-01 to 9999-12-31)',
    );
  });

  it('a BUSINESS_DAYS holiday of 1e300 is an error on its row, not day tables without end', () => {
    expect(both('BUSINESS_DAYS', 45723, 45730, 1, col(45726, 1e300)).en).toBe(
      'BUSINESS_DAYS: holidays row 2: 1e+300 is outside the dates a spreadsheet holds (0001-01-01 to 9999-12-31)',
    );
    // 0001-01-01 (serial -693593) and 9999-12-31 (2958465) are still dates: Fri 7 to Fri 14 March 2025 is 6 days.
    expect(sandboxes.en.call('BUSINESS_DAYS', 45723, 45730, 1, col(-693593, 2958465))).toBe(6);
    expect(both('BUSINESS_DAYS', 45723, 45730, 1, col(-693594)).en).toMatch(/^BUSINESS_DAYS: holidays row 1: -693594 is outside the dates/);
    expect(both('BUSINESS_DAYS', 45723, 45730, 1, col(2958466)).en).toMatch(/^BUSINESS_DAYS: holidays row 1: 2958466 is outside the dates/);
  });
});
