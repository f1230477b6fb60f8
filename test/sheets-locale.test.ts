import { describe, expect, it } from 'vitest';
import { col, loadBundle } from './helpers/sheets-sandbox';

/**
 * Which language the add-on answers in (`npm run build` first). A custom function cannot call Session (Apps Script's
 * custom-function guide lists the services it may use; the sandbox enforces it), and Sheets shows one cached result
 * to every user of the file, so cells follow the spreadsheet's locale (File > Settings); the menu and the pages
 * follow the user's.
 */

const MON_8 = '2025-03-03 08:00';
const MON_18 = '2025-03-03 18:00';

describe('custom functions answer in the spreadsheet’s language', () => {
  it('a vi_VN spreadsheet gets Vietnamese errors and #INVALID rows whatever the user’s language', () => {
    const s = loadBundle({ spreadsheetLocale: 'vi_VN', locale: 'en_US' });
    expect(s.thrown('SLA_COMPLIANCE', col(MON_8), col('2025-03-03 07:00'), '8h', '24/7')).toBe(
      'SLA_COMPLIANCE: ends hàng 1: 2025-03-03 07:00 sớm hơn thời điểm bắt đầu',
    );
    expect(s.call('BUSINESS_HOURS', col(MON_8, 'soon'), col(MON_18, MON_18), '24/7')).toEqual([
      [10],
      ['#INVALID: start: "soon" không phải là ngày giờ (hãy dùng ô ngày hoặc văn bản như 2025-03-01 08:30)'],
    ]);
  });

  it('an en_US spreadsheet stays English for a Vietnamese user', () => {
    const s = loadBundle({ spreadsheetLocale: 'en_US', locale: 'vi' });
    expect(s.thrown('SLA_COMPLIANCE', col(MON_8), col('2025-03-03 07:00'), '8h', '24/7')).toBe(
      'SLA_COMPLIANCE: ends row 1: 2025-03-03 07:00 is before its start',
    );
  });

  it('a spreadsheet locale given as the bare language (vi) counts too; other languages get English', () => {
    expect(loadBundle({ spreadsheetLocale: 'vi' }).thrown('DPO', 100, 0, 360)).toBe('DPO: cost_of_sales phải lớn hơn 0');
    expect(loadBundle({ spreadsheetLocale: 'de_DE', locale: 'vi' }).thrown('DPO', 100, 0, 360)).toBe('DPO: cost_of_sales must be greater than 0');
  });

  it('a single result asks the spreadsheet for its locale only when it is an #INVALID text to translate', () => {
    const s = loadBundle({ spreadsheetLocale: 'vi_VN' });
    let asked = 0;
    const locale = s.book.getSpreadsheetLocale;
    s.book.getSpreadsheetLocale = () => (asked++, locale());
    expect(s.call('SLA_STATUS', MON_8, MON_18, '12h', '24/7')).toBe('MET');
    expect(asked).toBe(0);
    expect(s.call('SLA_STATUS', 'soon', MON_18, '12h', '24/7')).toBe(
      '#INVALID: start: "soon" không phải là ngày giờ (hãy dùng ô ngày hoặc văn bản như 2025-03-01 08:30)',
    );
    expect(asked).toBe(1);
  });

  it('a formula cell runs the function as a custom function too: the same language, without Session', () => {
    const s = loadBundle({ spreadsheetLocale: 'vi_VN', locale: 'en' });
    expect(s.book.evaluate('=SLA_DUE("2025-03-03 08:00", 1000000000000)', s.book.getActiveSheet())).toBe(
      '#INVALID: target: 1000000000000h tính từ 2025-03-03 08:00 có hạn nằm ngoài các năm 1900-2300 mà lịch tính được',
    );
  });
});

describe('phrases found still English in a Vietnamese sheet', () => {
  const vi = () => loadBundle({ spreadsheetLocale: 'vi_VN' });

  it('an end before its start is said whole, not "the end" followed by Vietnamese', () => {
    expect(vi().thrown('UPTIME', col(MON_8), col('2025-03-03 07:00'), '2025-03-01', '2025-03-31')).toBe(
      'UPTIME: outage_ends hàng 1: thời điểm kết thúc sớm hơn thời điểm bắt đầu',
    );
  });

  it('a date beyond the years of the holiday tables, and a country they do not have', () => {
    expect(vi().call('BUSINESS_HOURS', '2061-06-01 08:00', '2061-06-02 08:00', 'Mo-Fr 08:00-17:00 | holidays=VN')).toBe(
      '#INVALID: start: 2061-06-01 08:00 nằm ngoài các năm 2000-2060 mà bảng ngày lễ có (holidays=VN)',
    );
    expect(vi().thrown('HOLIDAYS', 'VN', 2070)).toBe('HOLIDAYS: year: bảng ngày lễ có các năm 2000-2060, không có 2070');
    expect(vi().thrown('HOLIDAYS', 'ZZ', 2025)).toMatch(/^HOLIDAYS: country: không có quốc gia "ZZ" trong bảng ngày lễ \(bảng có AU, .*, VN và các vùng của chúng, các năm 2000-2060\)$/);
  });

  it('a target that is no duration, and a direction that is neither higher nor lower', () => {
    expect(vi().call('SLA_DUE', MON_8, 'soon')).toBe(
      '#INVALID: target: cần số giờ làm việc (8), một khoảng thời gian có đơn vị (30m, 2.5h) hoặc số ngày làm việc nguyên (3bd), nhưng nhận "soon"',
    );
    expect(vi().call('KPI_SCORE', 95, 100, 'sideways')).toBe('#INVALID: direction phải là higher hoặc lower, không phải "sideways"');
  });

  it('VI2: a calendar window that ends when it starts, in a formula and in the calendar manager', () => {
    const empty = 'khung giờ 08:00-08:00 trống (kết thúc ngay khi bắt đầu); nếu làm cả ngày, hãy ghi 00:00-24:00';
    expect(vi().thrown('BUSINESS_HOURS', MON_8, MON_18, 'Mo-Fr 08:00-08:00')).toBe(`BUSINESS_HOURS: calendar: "Mo-Fr 08:00-08:00": ${empty}`);
    expect(vi().thrown('BUSINESS_HOURS', MON_8, MON_18, '00:00-00:00')).toBe(`BUSINESS_HOURS: calendar: "00:00-00:00": ${empty.replaceAll('08:00-08:00', '00:00-00:00')}`);
    expect(loadBundle({ locale: 'en' }).call('saveCalendar', 'X', 'Mo-Fr 08:00-08:00', '', { language: 'vi' })).toEqual({
      ok: false,
      field: 'text',
      message: `Giờ làm việc không hợp lệ: "Mo-Fr 08:00-08:00": ${empty}`,
    });
  });
});

describe('the menu follows the user’s language, not the spreadsheet’s', () => {
  it('a Vietnamese user of an en_US spreadsheet gets the Vietnamese menu, and the reverse', () => {
    const vietnameseUser = loadBundle({ spreadsheetLocale: 'en_US', locale: 'vi_VN' });
    vietnameseUser.call('onOpen', {});
    const englishUser = loadBundle({ spreadsheetLocale: 'vi_VN', locale: 'en_US' });
    englishUser.call('onOpen', {});
    expect([vietnameseUser.ui.menus[0][0].caption, englishUser.ui.menus[0][0].caption]).toEqual(['Thẻ điểm', 'Scorecard']);
  });
});

describe('the Apps Script double refuses Session in custom functions, as the guide says', () => {
  // A two-function Code.js: the same call from a custom function (JSDoc @customfunction) and from a menu function.
  const code = [
    '/**', ' * @customfunction', ' */', 'function WHO_AM_I() { return Session.getActiveUserLocale(); }',
    'function menuLocale() { return Session.getActiveUserLocale(); }',
  ].join('\n');

  it('throws Apps Script’s permission message inside a custom function, called or from a cell', () => {
    const s = loadBundle({ code, locale: 'vi' });
    expect(s.thrown('WHO_AM_I')).toBe('Exception: You do not have permission to call Session.getActiveUserLocale');
    expect(s.book.evaluate('=WHO_AM_I()', s.book.getActiveSheet())).toBe('#ERROR!');
  });

  it('answers the user’s locale outside one, even right after a custom function failed', () => {
    const s = loadBundle({ code, locale: 'vi' });
    s.thrown('WHO_AM_I');
    expect(s.call('menuLocale')).toBe('vi');
  });
});
