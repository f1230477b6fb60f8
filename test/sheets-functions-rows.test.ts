import { beforeAll, describe, expect, it } from 'vitest';
import { inLanguage } from '../core/i18n';
import { col, loadBundle, type Sandbox } from './helpers/sheets-sandbox';

/**
 * The Sheets contract through the built bundle (`npm run build` first): one calendar per row, holiday ranges read as the
 * contract says (NETWORKDAYS' way for the day functions, dates and ISO text elsewhere), error values in any range,
 * and errors naming the argument, never the core's words, with dates in the sheet's zone. The sheet is in Ho Chi
 * Minh City (UTC+7); every expected value is worked out by hand in the comment beside it.
 */

let s: Sandbox;
const call = (name: string, ...args: unknown[]) => s.call(name, ...args);
const fails = (name: string, ...args: unknown[]) => s.thrown(name, ...args);
const MON_8 = '2025-03-03 08:00'; // Monday 3 March 2025
const MON_18 = '2025-03-03 18:00';

beforeAll(() => {
  s = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh' });
});

describe('one calendar per row', () => {
  it('BUSINESS_HOURS: text, 24/7, blank (the default) and another zone, each on its row', () => {
    // 08:00-18:00 on Mo-Fr 08:00-17:00 = 9 h; on 24/7 = 10 h; on the default Mo-Fr 09:00-17:00 = 8 h.
    // Berlin: 09:00-12:00 Berlin wall time (the text is read in the row's calendar zone) = 3 h.
    expect(
      call(
        'BUSINESS_HOURS',
        col(MON_8, MON_8, MON_8, '2025-03-03 09:00'),
        col(MON_18, MON_18, MON_18, '2025-03-03 12:00'),
        col('Mo-Fr 08:00-17:00', '24/7', '', 'Mo-Fr 09:00-17:00 | tz=Europe/Berlin'),
      ),
    ).toEqual([[9], [10], [8], [3]]);
  });

  it('a saved name on a row, and a bad calendar marks only its row', () => {
    const sandbox = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh' });
    sandbox.properties.set('calendar:Shop', 'Mo-Sa 08:00-12:00'); // as the calendar manager saves it
    // 08:00-18:00 on Mo-Sa 08:00-12:00 = 4 h.
    expect(sandbox.call('BUSINESS_HOURS', col(MON_8, MON_8), col(MON_18, MON_18), col('shop', 'Nowhere'))).toEqual([
      [4],
      ['#INVALID: calendar: no saved calendar is named "Nowhere" (saved: Shop)'],
    ]);
  });

  it('SLA_DUE: 1bd from Friday is Monday on Mo-Fr and Saturday on Mo-Sa', () => {
    const due = call('SLA_DUE', col('2025-03-07 10:00', '2025-03-07 10:00'), '1bd', col('Mo-Fr 08:00-17:00', 'Mo-Sa 08:00-17:00')) as Date[][];
    // Mon 10 March 17:00 and Sat 8 March 17:00 in UTC+7.
    expect(due.map(([d]) => d.getTime())).toEqual([Date.UTC(2025, 2, 10, 10), Date.UTC(2025, 2, 8, 10)]);
  });

  it('SLA_STATUS and SLA_REMAINING with a calendar column and a target column together', () => {
    // 8.5 h from Mon 08:00: on 08:00-17:00 due 16:30; on 08:00-12:00,13:00-18:00 due 17:30. Done at 17:00:
    // late on the first (9 h used), in time on the second (8 h used).
    const calendars = col('Mo-Fr 08:00-17:00', 'Mo-Fr 08:00-12:00,13:00-18:00');
    expect(call('SLA_STATUS', col(MON_8, MON_8), col('2025-03-03 17:00', '2025-03-03 17:00'), col('8.5h', '8.5h'), calendars)).toEqual([
      ['BREACHED'],
      ['MET'],
    ]);
    // At Mon 12:00, 4 h are used on both: 4.5 h left.
    expect(call('SLA_REMAINING', col(MON_8, MON_8), '8.5h', calendars, '', '2025-03-03 12:00')).toEqual([[4.5], [4.5]]);
    // as_of is read in each row's calendar zone: one bad as_of marks the rows; with one calendar it fails the call.
    expect(call('SLA_STATUS', col(MON_8, MON_8), '', '8h', calendars, '', 'later')).toEqual([
      ['#INVALID: as_of: "later" is not a date-time (use a date cell or text such as 2025-03-01 08:30)'],
      ['#INVALID: as_of: "later" is not a date-time (use a date cell or text such as 2025-03-01 08:30)'],
    ]);
    expect(fails('SLA_STATUS', col(MON_8, MON_8), '', '8h', '24/7', '', 'later')).toBe(
      'SLA_STATUS: as_of: "later" is not a date-time (use a date cell or text such as 2025-03-01 08:30)',
    );
  });

  it('SLA_COMPLIANCE: the same rows give 1 met of 2', () => {
    const calendars = col('Mo-Fr 08:00-17:00', 'Mo-Fr 08:00-12:00,13:00-18:00');
    const ends = col('2025-03-03 17:00', '2025-03-03 17:00');
    expect(call('SLA_COMPLIANCE', col(MON_8, MON_8), ends, '8.5h', calendars, '', '2025-03-04 08:00')).toBe(0.5);
    expect(call('SLA_COMPLIANCE', col(MON_8, MON_8), ends, '8.5h', 'Mo-Fr 08:00-17:00', '', '2025-03-04 08:00')).toBe(0);
  });

  it('aggregates name the calendar row, and a column of the wrong height', () => {
    expect(fails('SLA_COMPLIANCE', col(MON_8, MON_8), col(MON_18, MON_18), '8h', col('24/7', 'Nowhere'))).toBe(
      'SLA_COMPLIANCE: calendar row 2: no saved calendar is named "Nowhere" (saved: none)',
    );
    expect(fails('SLA_COMPLIANCE', col(MON_8, MON_8), col(MON_18, MON_18), '8h', col('24/7', '24/7', '24/7'))).toBe(
      'SLA_COMPLIANCE: starts has 2 rows but calendar has 3',
    );
    expect(fails('TAT', col(MON_8, MON_8), col(MON_18, MON_18), col('24/7', 'Mo-Fr 8-17'))).toBe(
      'TAT: calendar row 2: "Mo-Fr 8-17": expected times as HH:MM-HH:MM, got "8-17"',
    );
  });

  it('TAT, MTTR, MTTA and TIME_TO_FILL take a calendar per row; a blank cell counts wall-clock time where that is the default', () => {
    const starts = col(MON_8, MON_8);
    const ends = col(MON_18, MON_18);
    // 9 h on Mo-Fr 08:00-17:00 and 10 h on 24/7.
    expect(call('TAT', starts, ends, col('Mo-Fr 08:00-17:00', '24/7'), '', 'max')).toBe(10);
    expect(call('TAT', starts, ends, col('Mo-Fr 08:00-17:00', '24/7'), '', 'min')).toBe(9);
    // MTTR / MTTA: 9 h on the calendar, 10 wall-clock hours on the blank row: mean 9.5.
    expect(call('MTTR', starts, ends, col('Mo-Fr 08:00-17:00', ''))).toBe(9.5);
    expect(call('MTTA', starts, ends, col('Mo-Fr 08:00-17:00', ''))).toBe(9.5);
    // Fri 7 → Mon 10 March: 1 working day on Mo-Fr, 3 on 24/7 (Sat, Sun, Mon): mean 2.
    expect(call('TIME_TO_FILL', col('2025-03-07', '2025-03-07'), col('2025-03-10', '2025-03-10'), col('Mo-Fr 08:00-17:00', '24/7'))).toBe(2);
  });
});

describe('holiday ranges, read as the contract says', () => {
  it('calendar functions: date cells and ISO text close the day, blanks are skipped', () => {
    // Mon 09:00 → Wed 09:00 on the default calendar = 16 h; with Tuesday closed 8 h, whichever form closes it.
    expect(call('BUSINESS_HOURS', '2025-03-03 09:00', '2025-03-05 09:00', '', col('2025-03-04', ''))).toBe(8);
    expect(call('BUSINESS_HOURS', '2025-03-03 09:00', '2025-03-05 09:00', '', col(s.date('2025-03-04T00:00:00+07:00')))).toBe(8);
  });

  it('calendar functions: a number, other text or an error value is an error naming the row', () => {
    // 45720 is the serial of 2025-03-04: only the day functions read serials, as NETWORKDAYS does.
    expect(fails('BUSINESS_HOURS', '2025-03-03 09:00', '2025-03-05 09:00', '', col('', 45720))).toBe(
      'BUSINESS_HOURS: holidays row 2: 45720 is a number, not a date (use a date cell or text such as 2025-05-02)',
    );
    expect(fails('SLA_DUE', MON_8, '1bd', '', col('soon'))).toBe('SLA_DUE: holidays row 1: "soon" is not a date');
    expect(fails('TAT', col(MON_8), col(MON_18), '', col('#VALUE!'))).toBe('TAT: holidays row 1: the cell holds the error #VALUE!; fix or clear it');
  });

  it('BUSINESS_DAYS / ADD_BUSINESS_DAYS: dates and numbers count, text that is not a date is ignored, as NETWORKDAYS.INTL', () => {
    // Mon 3 → Fri 7 March = 5 days; a header ("Ngày lễ") is ignored (as in LibreOffice and Excel), the serial
    // 45720 (Tue 4 March) and the date cell of Wed 5 March count. Date-looking text is an error (the next test).
    expect(call('BUSINESS_DAYS', '2025-03-03', '2025-03-07', '', col('Ngày lễ'))).toBe(5);
    expect(call('BUSINESS_DAYS', '2025-03-03', '2025-03-07', '', col(45720, s.date('2025-03-05T00:00:00+07:00')))).toBe(3);
    // 1 working day after Mon 3 March with Tuesday closed: Wednesday 5 March (serial 45721).
    expect(call('ADD_BUSINESS_DAYS', 45719, 1, '', col(45720, 'Tuesday'))).toBe(45721);
  });
});

describe('an error value in any range is an error naming the argument and row', () => {
  it('per-row functions mark the row, aggregates throw', () => {
    expect(call('BUSINESS_HOURS', col(MON_8, '#N/A'), col(MON_18, MON_18), '24/7')).toEqual([[10], ['#INVALID: start: the cell holds the error #N/A; fix or clear it']]);
    expect(call('SLA_DUE', col(MON_8), col('#REF!'), '24/7')).toEqual([['#INVALID: target: the cell holds the error #REF!; fix or clear it']]);
    expect(call('BUSINESS_HOURS', col(MON_8, MON_8), col(MON_18, MON_18), col('24/7', '#NAME?'))).toEqual([[10], ['#INVALID: calendar: the cell holds the error #NAME?; fix or clear it']]);
    // One cell is the calendar of every row: its error is the call's.
    expect(fails('BUSINESS_HOURS', col(MON_8), col(MON_18), col('#NAME?'))).toBe('BUSINESS_HOURS: calendar: the cell holds the error #NAME?; fix or clear it');
    expect(fails('SLA_COMPLIANCE', col(MON_8, MON_8), col(MON_18, '#N/A'), '8h', '24/7')).toBe('SLA_COMPLIANCE: ends row 2: the cell holds the error #N/A; fix or clear it');
    expect(fails('SLA_COMPLIANCE', col(MON_8, MON_8), col(MON_18, MON_18), col('8h', '#N/A'), '24/7')).toBe('SLA_COMPLIANCE: target row 2: the cell holds the error #N/A; fix or clear it');
    expect(fails('FTR_RATE', col(true, '#DIV/0!'))).toBe('FTR_RATE: outcomes row 2: the cell holds the error #DIV/0!; fix or clear it');
    expect(fails('INPS', col(9, '', '#N/A'))).toBe('INPS: scores row 3: the cell holds the error #N/A; fix or clear it');
    expect(fails('DSO', col(10, '#N/A'), 100, 30)).toBe('DSO: receivables row 2: the cell holds the error #N/A; fix or clear it');
    expect(fails('UPTIME', col(MON_8), col('#N/A'), MON_8, MON_18)).toBe('UPTIME: outage_ends row 1: the cell holds the error #N/A; fix or clear it');
    expect(fails('BUSINESS_DAYS', 45719, 45723, '#N/A')).toBe('BUSINESS_DAYS: weekend_or_calendar: the cell holds the error #N/A; fix or clear it');
    expect(fails('SCORECARD', col(0.9, 0.8), col(1, '#REF!'))).toBe('SCORECARD: weights row 2: the cell holds the error #REF!; fix or clear it');
    expect(fails('KPI_BAND_SCORE', 5, col(0, '#N/A', 10))).toBe('KPI_BAND_SCORE: bands row 2: the cell holds the error #N/A; fix or clear it');
    expect(fails('KPI_PAYOUT', 1, 1000, '', '', [[0, 0], [1, '#VALUE!']])).toBe('KPI_PAYOUT: steps row 2: the cell holds the error #VALUE!; fix or clear it');
    expect(call('BUSINESS_DAYS', col(45719, '#N/A'), 45723)).toEqual([[5], ['#INVALID: start_date: the cell holds the error #N/A; fix or clear it']]);
  });
});

describe('errors name the argument, never the core’s words, with dates in the sheet’s zone', () => {
  it('a start outside the years calendars cover is an error on start, shown as the sheet’s wall time', () => {
    // Midnight 1 January 2400 in Ho Chi Minh City is 17:00 on 31 December 2399 in UTC: the sheet's time is shown.
    expect(call('BUSINESS_HOURS', s.date('2400-01-01T00:00:00+07:00'), MON_8)).toBe(
      '#INVALID: start: 2400-01-01 00:00 is outside the years 1900-2300 that calendars cover',
    );
    expect(call('BUSINESS_HOURS', MON_8, '1899-12-31 23:00')).toBe('#INVALID: end: 1899-12-31 23:00 is outside the years 1900-2300 that calendars cover');
    expect(call('SLA_DUE', s.date('2400-01-01T00:00:00+07:00'), '8h')).toBe('#INVALID: start: 2400-01-01 00:00 is outside the years 1900-2300 that calendars cover');
    expect(fails('SLA_COMPLIANCE', col(MON_8, '2400-01-01 00:00'), col('', ''), '8h', '24/7', '', MON_18)).toBe(
      'SLA_COMPLIANCE: starts row 2: 2400-01-01 00:00 is outside the years 1900-2300 that calendars cover',
    );
    expect(fails('TAT', col(MON_8), col('2400-01-01 00:00'), '24/7')).toBe('TAT: ends row 1: 2400-01-01 00:00 is outside the years 1900-2300 that calendars cover');
    expect(fails('MTTR', col(MON_8), col('2400-01-01 00:00'), '24/7')).toBe('MTTR: ends row 1: 2400-01-01 00:00 is outside the years 1900-2300 that calendars cover');
  });

  it('a target due past those years is an error on target, not on minutes or a policy', () => {
    expect(call('SLA_DUE', MON_8, 1e12)).toBe('#INVALID: target: 1000000000000h from 2025-03-03 08:00 is due outside the years 1900-2300 that calendars cover');
    expect(fails('SLA_COMPLIANCE', col(MON_8), col(''), '999999999bd', '', '', MON_18)).toBe(
      'SLA_COMPLIANCE: target row 1: 999999999bd from 2025-03-03 08:00 is due outside the years 1900-2300 that calendars cover',
    );
  });

  it('a date cell given where a number belongs is shown in the sheet’s zone', () => {
    expect(fails('DSO', s.date('2025-03-04T00:00:00+07:00'), 100, 30)).toBe('DSO: receivables row 1: 2025-03-04 00:00 is not a number');
  });
});

describe('errors in the sheet’s language (Vietnamese for a vi_VN spreadsheet; argument names stay as typed)', () => {
  let vi: Sandbox;
  beforeAll(() => {
    vi = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh', spreadsheetLocale: 'vi_VN' });
  });

  it('aggregates throw in Vietnamese, naming argument and row', () => {
    expect(vi.thrown('SLA_COMPLIANCE', col(MON_8, MON_8), col(MON_18, '2025-03-03 07:00'), '8h', '24/7')).toBe(
      'SLA_COMPLIANCE: ends hàng 2: 2025-03-03 07:00 sớm hơn thời điểm bắt đầu',
    );
    expect(vi.thrown('SLA_COMPLIANCE', col(MON_8, MON_8), col(MON_18, '#N/A'), '8h', '24/7')).toBe(
      'SLA_COMPLIANCE: ends hàng 2: ô đang chứa lỗi #N/A; hãy sửa hoặc xóa ô đó',
    );
    expect(vi.thrown('TAT', col(MON_8), col(''), '24/7')).toBe('TAT: ends không có hàng nào đã hoàn thành');
    expect(vi.thrown('DPO', 100, 0, 360)).toBe('DPO: cost_of_sales phải lớn hơn 0');
    expect(vi.thrown('BUSINESS_HOURS', MON_8)).toBe('BUSINESS_HOURS: end là bắt buộc');
    expect(vi.thrown('ADD_BUSINESS_DAYS', 45723, 1e7)).toBe(
      'ADD_BUSINESS_DAYS: days: 10000000 ngày làm việc tính từ 2025-03-07 rơi sau 9999-12-31, ngày cuối cùng bảng tính lưu được',
    );
  });

  it('per-row functions write #INVALID rows in Vietnamese, dates in the sheet’s zone', () => {
    expect(vi.call('BUSINESS_HOURS', col(MON_8, 'soon'), col(MON_18, MON_18), '24/7')).toEqual([
      [10],
      ['#INVALID: start: "soon" không phải là ngày giờ (hãy dùng ô ngày hoặc văn bản như 2025-03-01 08:30)'],
    ]);
    expect(vi.call('SLA_DUE', MON_8, 1e12)).toBe('#INVALID: target: 1000000000000h tính từ 2025-03-03 08:00 có hạn nằm ngoài các năm 1900-2300 mà lịch tính được');
    expect(vi.call('KPI_STATUS', 95, 100, 'higher', 90, 70)).toBe(
      '#INVALID: green_from: 90 nghĩa là 9000 % chỉ tiêu; hãy nhập mức đạt dưới dạng số thập phân (0,9) hoặc ô phần trăm (90%)',
    );
  });

  it('HOLIDAYS names its arguments in Vietnamese too', () => {
    expect(vi.thrown('HOLIDAYS', 'ZZ', 2025)).toMatch(/^HOLIDAYS: country: không có quốc gia "ZZ" trong bảng ngày lễ \(bảng có .*VN.*\)$/);
    expect(vi.thrown('HOLIDAYS', 'DE', 2025.5)).toBe('HOLIDAYS: year: cần một năm nguyên như 2025, nhưng nhận 2025.5');
  });

  it('a message without a Vietnamese phrase stays English rather than half-translated', () => {
    const unknown = 'BUSINESS_HOURS: calendar row 2: "Mo-Fr": a phrase the table does not know';
    expect(inLanguage(unknown, 'vi')).toBe(unknown);
  });
});
