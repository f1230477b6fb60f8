import { beforeAll, describe, expect, it } from 'vitest';
import { col, loadBundle, type Sandbox } from './helpers/sheets-sandbox';

/**
 * Inputs that used to give silent nonsense (a blank, year 40355, a rate from a negative count, an ignored #N/A) give
 * errors naming the argument and row. Run on the built bundle: `npm run build` first.
 */

let s: Sandbox;
const fails = (name: string, ...args: unknown[]) => s.thrown(name, ...args);

beforeAll(() => {
  s = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh' });
});

describe('ADD_BUSINESS_DAYS: a result outside the dates a spreadsheet holds is #NUM!, not a blank or year 40355', () => {
  // 45723 = Fri 7 March 2025.
  it('throws a range error on days for a single cell', () => {
    expect(fails('ADD_BUSINESS_DAYS', 45723, 1e9)).toBe(
      'ADD_BUSINESS_DAYS: days: 1000000000 working days from 2025-03-07 fall after 9999-12-31, the last date a spreadsheet holds',
    );
    expect(fails('ADD_BUSINESS_DAYS', 45723, 1e7)).toBe(
      'ADD_BUSINESS_DAYS: days: 10000000 working days from 2025-03-07 fall after 9999-12-31, the last date a spreadsheet holds',
    );
    expect(fails('ADD_BUSINESS_DAYS', 45723, -1e6)).toBe(
      'ADD_BUSINESS_DAYS: days: -1000000 working days from 2025-03-07 fall before 0001-01-01, the first date a spreadsheet holds',
    );
  });

  it('marks only the offending row of a column', () => {
    expect(s.call('ADD_BUSINESS_DAYS', col(45723, 45723), col(1, 1e7))).toEqual([
      [45726],
      ['#INVALID: days: 10000000 working days from 2025-03-07 fall after 9999-12-31, the last date a spreadsheet holds'],
    ]);
  });

  it('still reaches the last days in range', () => {
    // 9999-12-31 is a Friday (serial 2958465); the working day before it is Thursday 9999-12-30.
    expect(s.call('ADD_BUSINESS_DAYS', 2958464, 1)).toBe(2958465);
    expect(fails('ADD_BUSINESS_DAYS', 2958465, 1)).toBe(
      'ADD_BUSINESS_DAYS: days: 1 working day from 9999-12-31 fall after 9999-12-31, the last date a spreadsheet holds',
    );
  });
});

describe('ERROR_RATE rejects a negative count, naming the argument and row', () => {
  it('errors row 1', () => {
    expect(fails('ERROR_RATE', col(-1, 2), col(5, 5))).toBe('ERROR_RATE: errors row 1: -1 is negative; a count is 0 or more');
  });
  it('total row 2', () => {
    expect(fails('ERROR_RATE', col(1, 2), col(5, -5))).toBe('ERROR_RATE: total row 2: -5 is negative; a count is 0 or more');
  });
  it('keeps the rate for counts of 0 and more', () => {
    expect(s.call('ERROR_RATE', col(1, 0, ''), col(5, 5, ''))).toBe(0.1);
  });
});

describe('an error value in a holiday range is an error, not a cell to ignore', () => {
  const holidays = col(45726, '#N/A'); // Mon 10 March 2025, then an error cell as Sheets passes it (its text)

  it('BUSINESS_DAYS and ADD_BUSINESS_DAYS, where text cells stay ignored as in NETWORKDAYS', () => {
    expect(fails('BUSINESS_DAYS', 45723, 45727, 1, holidays)).toBe('BUSINESS_DAYS: holidays row 2: the cell holds the error #N/A; fix or clear it');
    expect(fails('ADD_BUSINESS_DAYS', 45723, 1, 1, col('#REF!'))).toBe('ADD_BUSINESS_DAYS: holidays row 1: the cell holds the error #REF!; fix or clear it');
    // Text that is not an error value is still ignored: Fri 7 to Fri 14 March less Mon 10 = 5.
    expect(s.call('BUSINESS_DAYS', 45723, 45730, 1, col(45726, 'N/A', '#hashtag'))).toBe(5);
  });

  it('BUSINESS_HOURS, SLA_DUE and SLA_COMPLIANCE', () => {
    const start = s.date('2025-03-07T08:00:00+07:00');
    const end = s.date('2025-03-11T08:00:00+07:00');
    // Calendar functions read dates and ISO text only (numbers are not dates there): Mon 10 March, then the error.
    const holidays = col('2025-03-10', '#N/A');
    const message = (name: string) => `${name}: holidays row 2: the cell holds the error #N/A; fix or clear it`;
    expect(fails('BUSINESS_HOURS', start, end, 'Mo-Fr 08:00-17:00', holidays)).toBe(message('BUSINESS_HOURS'));
    expect(fails('SLA_DUE', start, '1bd', 'Mo-Fr 08:00-17:00', holidays)).toBe(message('SLA_DUE'));
    expect(fails('SLA_COMPLIANCE', col(start), col(end), '1bd', 'Mo-Fr 08:00-17:00', holidays)).toBe(message('SLA_COMPLIANCE'));
    expect(fails('BUSINESS_HOURS', start, end, 'Mo-Fr 08:00-17:00', col('#DIV/0!'))).toBe(
      'BUSINESS_HOURS: holidays row 1: the cell holds the error #DIV/0!; fix or clear it',
    );
  });
});
