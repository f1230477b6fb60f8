/**
 * SERVICE_CREDIT and ALLOCATE in the built Apps Script bundle (run in node:vm), on the shared internal-market
 * vectors, with their help text and errors in English and Vietnamese.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_PATH, loadBundle, type Sandbox } from './helpers/sheets-sandbox';
import { readMarketVectors } from './vectors/market';

const v = readMarketVectors();
const column = (values: readonly unknown[]) => values.map((x) => [x]);
const tiers = v.credits.tiers.map((t) => [t.below, t.credit]);

let en: Sandbox;
let vi: Sandbox;
beforeAll(() => {
  en = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh' });
  vi = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh', spreadsheetLocale: 'vi_VN' });
});

describe('MK6 SERVICE_CREDIT in the built bundle', () => {
  it.each(v.credits.cases)('MK6: compliance $compliance, cap $cap gives $rate', ({ compliance, cap, rate }) => {
    expect(en.call('SERVICE_CREDIT', compliance ?? '', tiers, cap === 1 ? '' : cap)).toBe(rate);
  });

  it('MK6: a column of compliances gives a column of rates; blank rows and blank tier rows credit nothing', () => {
    const withBlankRow = [...tiers, ['', '']];
    expect(en.call('SERVICE_CREDIT', column([0.93, '', 0.85, 0.5]), withBlankRow, 0.3)).toEqual(column([0.05, 0, 0.15, 0.3]));
  });

  it('MK6: errors name the argument and row, in English and in Vietnamese', () => {
    expect(en.thrown('SERVICE_CREDIT', 0.9, [[1.2, 0.1]])).toBe('SERVICE_CREDIT: tiers row 1: 1.2 is not a fraction from 0 to 1 (0.95 for 95 %)');
    expect(vi.thrown('SERVICE_CREDIT', 0.9, [[1.2, 0.1]])).toBe('SERVICE_CREDIT: tiers dòng 1: 1.2 không phải là phân số từ 0 đến 1 (0.95 là 95 %)');
    expect(en.thrown('SERVICE_CREDIT', 93, tiers)).toBe('SERVICE_CREDIT: compliance: 93 is not a fraction from 0 to 1 (0.95 for 95 %)');
    expect(en.thrown('SERVICE_CREDIT', 0.9, [[0.9, 0.1, 3]])).toBe('SERVICE_CREDIT: tiers must have two columns (below, credit), not 3');
    expect(vi.thrown('SERVICE_CREDIT', 0.9, [[0.9, 0.1, 3]])).toBe('SERVICE_CREDIT: tiers phải có hai cột (dưới mức, tỷ lệ giảm trừ), không phải 3');
    expect(vi.thrown('SERVICE_CREDIT', 'x', tiers)).toBe('SERVICE_CREDIT: compliance: "x" không phải là số');
  });
});

describe('MK6 ALLOCATE in the built bundle', () => {
  it.each(v.allocation.cases)('MK6: $name', ({ amount, usage, decimals, shares }) => {
    expect(en.call('ALLOCATE', amount, column(usage), decimals === 0 ? '' : decimals)).toEqual(column(shares));
  });

  it('MK6: blank usage rows get 0 and the column still adds up', () => {
    expect(en.call('ALLOCATE', 10, column([1, '', 2]))).toEqual(column([3, 0, 7]));
  });

  it('MK6: errors name the argument and row, in English and in Vietnamese', () => {
    expect(en.thrown('ALLOCATE', 100, column([1, -2]))).toBe('ALLOCATE: usage row 2: -2 is negative; usage is 0 or more');
    expect(vi.thrown('ALLOCATE', 100, column([1, -2]))).toBe('ALLOCATE: usage dòng 2: -2 là số âm; mức sử dụng phải từ 0 trở lên');
    expect(en.thrown('ALLOCATE', 100, column([0, '']))).toBe('ALLOCATE: usage has no value above 0 to split the amount by');
    expect(vi.thrown('ALLOCATE', 100, column([0, '']))).toBe('ALLOCATE: usage không có giá trị nào lớn hơn 0 để chia số tiền');
    expect(en.thrown('ALLOCATE', 100, column([1]), 1.5)).toBe('ALLOCATE: decimals: 1.5 is not a whole number from 0 to 4');
    expect(vi.thrown('ALLOCATE', 100, column([1]), 7)).toBe('ALLOCATE: decimals: 7 không phải là số nguyên từ 0 đến 4');
  });
});

describe('MK6 help text', () => {
  const code = readFileSync(CODE_PATH, 'utf8');
  it.each([
    ['SERVICE_CREDIT', ['compliance', 'tiers', 'cap'], 'Service credit rate'],
    ['ALLOCATE', ['amount', 'usage', 'decimals'], 'largest remainder'],
  ])('MK6: %s has a stub with its JSDoc', (name, params, words) => {
    const stub = new RegExp(`/\\*\\*([^]*?)\\*/\\s*function ${name}\\(${params.join(', ')}\\)`).exec(code);
    expect(stub?.[1]).toContain(words);
    expect(stub?.[1]).toContain('@customfunction');
    expect(stub?.[1]).toContain('Optional.');
  });

  it('MK6: the help dialog lists both functions', () => {
    en.call('showHelp');
    expect(JSON.stringify(en.ui)).toContain('SERVICE_CREDIT(compliance, tiers, [cap])');
    expect(JSON.stringify(en.ui)).toContain('ALLOCATE(amount, usage, [decimals])');
  });
});
