import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_PATH, col, loadBundle, type Sandbox } from './helpers/sheets-sandbox';

/**
 * The accountants' measures of the Sheets contract, through the built bundle (`npm run build` first): TAT
 * statistics, MTTA, MTBF, DPO, DIO, CCC, HOLIDAYS, and KPI_STATUS thresholds typed as percents. The sheet is in Ho
 * Chi Minh City (UTC+7); expected values are worked out by hand beside each case.
 */

let s: Sandbox;
const call = (name: string, ...args: unknown[]) => s.call(name, ...args);
const fails = (name: string, ...args: unknown[]) => s.thrown(name, ...args);
/** A returned date as the sheet shows it: its wall-clock day in UTC+7. */
const sheetDay = (d: unknown) => new Date((d as Date).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

beforeAll(() => {
  s = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh' });
});

describe('the new functions have their stubs and help', () => {
  const code = readFileSync(CODE_PATH, 'utf8');
  it.each([
    ['MTTA', ['created', 'acknowledged', '[calendar]']],
    ['MTBF', ['outage_starts', 'outage_ends', 'period_start', 'period_end']],
    ['DPO', ['payables', 'cost_of_sales', 'days']],
    ['DIO', ['inventory', 'cost_of_sales', 'days']],
    ['CCC', ['dso', 'dio', 'dpo']],
    ['HOLIDAYS', ['country', 'year', '[region]']],
  ])('%s(%s)', (name, params) => {
    const stub = new RegExp(`/\\*\\*\\n((?: \\*.*\\n)+?) \\*/\\nfunction ${name}\\(([^)]*)\\)`).exec(code);
    expect(stub).not.toBeNull();
    expect(stub![2].split(', ')).toEqual(params.map((p) => p.replace(/[[\]]/g, '')));
    expect(stub![1]).toContain('@customfunction');
    for (const p of params) expect(stub![1]).toMatch(new RegExp(`@param \\{any\\} ${p.replace(/[[\]]/g, '')} ${p.startsWith('[') ? 'Optional\\.' : '[A-Z]'}`));
  });

  it('the help says how each function reads its holiday range, and that a calendar may be given per row', () => {
    const doc = (name: string) => new RegExp(`/\\*\\*\\n((?: \\*.*\\n)+?) \\*/\\nfunction ${name}\\(`).exec(code)![1];
    expect(doc('BUSINESS_DAYS')).toContain('read as NETWORKDAYS reads it: date cells and numbers (date serials) count, blank cells and text such as a header are ignored; text that reads as a date ("30/04/2025") or an error value (#N/A) is an error naming the row');
    expect(doc('BUSINESS_DAYS')).toContain('Or a calendar (text such as "Mo-Fr 08:00-17:00 | holidays=VN", or a saved name)');
    expect(doc('ADD_BUSINESS_DAYS')).toContain('read as NETWORKDAYS reads it');
    for (const name of ['BUSINESS_HOURS', 'SLA_DUE', 'SLA_STATUS', 'SLA_REMAINING', 'SLA_COMPLIANCE', 'TAT']) {
      expect(doc(name), name).toContain('date cells or ISO text ("2025-05-02"); blank cells are skipped; a number, other text or an error (#N/A) is an error naming the row');
      expect(doc(name), name).toContain('a range as tall as the rows gives one calendar per row');
    }
  });
});

describe('TAT statistics', () => {
  // Five completed requests on 24/7 taking 1, 2, 4, 7 and 10 hours (listed out of order), and one still open.
  const starts = col('2025-03-03 08:00', '2025-03-03 08:00', '2025-03-03 08:00', '2025-03-03 08:00', '2025-03-03 08:00', '2025-03-03 08:00');
  const ends = col('2025-03-03 15:00', '2025-03-03 09:00', '2025-03-03 18:00', '', '2025-03-03 12:00', '2025-03-03 10:00');
  it.each([
    ['', 4.8], // mean (default): 24 ÷ 5
    ['mean', 4.8],
    ['min', 1],
    ['max', 10],
    ['count', 5],
    ['median', 4],
    ['p50', 4],
    ['P95', 9.4], // PERCENTILE.INC: rank 0.95 × 4 = 3.8, 7 + 0.8 × (10 − 7)
    ['p10', 1.4], // rank 0.4: 1 + 0.4 × 1
    ['p1', 1.04],
    ['p99', 9.88],
  ])('%s', (statistic, expected) => {
    expect(call('TAT', starts, ends, '24/7', '', statistic)).toBeCloseTo(expected, 12);
  });
  it('rejects anything else, naming the argument', () => {
    expect(fails('TAT', starts, ends, '24/7', '', 'p100')).toBe('TAT: statistic must be mean, median, min, max, count or a percentile p1 to p99, not "p100"');
    expect(fails('TAT', starts, ends, '24/7', '', 90)).toBe('TAT: statistic: 90 is not text');
  });
});

describe('MTTA and MTBF', () => {
  it('MTTA: wall-clock hours by default, working hours with a calendar, unacknowledged rows left out', () => {
    // Mon 08:00 → 08:30 (0.5 h), Mon 16:00 → Tue 09:00 (17 h wall; on Mo-Fr 08:00-17:00: 1 + 1 = 2 h), one open.
    const created = col('2025-03-03 08:00', '2025-03-03 16:00', '2025-03-03 10:00');
    const acknowledged = col('2025-03-03 08:30', '2025-03-04 09:00', '');
    expect(call('MTTA', created, acknowledged)).toBe(8.75);
    expect(call('MTTA', created, acknowledged, 'Mo-Fr 08:00-17:00')).toBe(1.25);
    expect(fails('MTTA', col('2025-03-03 08:00'), col('2025-03-03 07:00'))).toBe('MTTA: acknowledged row 1: the end is before its start');
  });

  it('MTBF: up time in the period ÷ merged outages, hours', () => {
    // A 24 h day; outages 02:00-03:00 and 10:00-11:30, with a second report 10:30-11:00 of the same outage: two
    // failures, 2.5 h down, (24 − 2.5) ÷ 2 = 10.75 h.
    const starts = col('2025-03-01 02:00', '2025-03-01 10:00', '2025-03-01 10:30');
    const ends = col('2025-03-01 03:00', '2025-03-01 11:30', '2025-03-01 11:00');
    expect(call('MTBF', starts, ends, '2025-03-01 00:00', '2025-03-02 00:00')).toBe(10.75);
    expect(fails('MTBF', col('2025-03-05 00:00'), col(''), '2025-03-01 00:00', '2025-03-02 00:00')).toBe('MTBF: outage_starts has no outage inside the period');
    expect(fails('MTBF', col('2025-03-01 02:00'), col('2025-03-01 01:00'), '2025-03-01 00:00', '2025-03-02 00:00')).toBe('MTBF: outage_ends row 1: the end is before its start');
  });
});

describe('DPO, DIO and CCC', () => {
  it('DPO = payables ÷ cost of sales × days; DIO = inventory ÷ cost of sales × days (a range of balances averaged, flows summed)', () => {
    expect(call('DPO', col(100, 200), 1200, 360)).toBe(45); // the average balance 150, not the sum 300
    expect(call('DIO', 200, col(600, 600, ''), 360)).toBe(60);
  });
  it('CCC = DSO + DIO − DPO', () => {
    expect(call('CCC', 45, 60, 90)).toBe(15);
    expect(call('CCC', call('DSO', 500, 4000, 360), call('DIO', 200, 1200, 360), call('DPO', 300, 1200, 360))).toBe(15); // 45 + 60 − 90
  });
  it('names the argument', () => {
    expect(fails('DPO', 100, 0, 360)).toBe('DPO: cost_of_sales must be greater than 0');
    expect(fails('DIO', -5, 100, 360)).toBe('DIO: inventory must not be negative');
    expect(fails('CCC', 45, 'sixty', 90)).toBe('CCC: dio: "sixty" is not a number');
    expect(fails('CCC', 45, 60, -1)).toBe('CCC: dpo must not be negative');
  });
});

describe('HOLIDAYS', () => {
  it('Bavaria 2025: dates at midnight in the sheet and names, in date order', () => {
    const rows = call('HOLIDAYS', 'DE', 2025, 'BY') as [Date, string][];
    // Easter 2025 is 20 April: Good Friday 18 April, Easter Monday 21 April, Ascension 29 May, Whit Monday 9 June,
    // Corpus Christi 19 June; Epiphany (6 January), Corpus Christi and All Saints (1 November) are Bavaria's own.
    expect(rows.map(([day]) => sheetDay(day))).toEqual([
      '2025-01-01', '2025-01-06', '2025-04-18', '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-09', '2025-06-19', '2025-10-03',
      '2025-11-01', '2025-12-25', '2025-12-26',
    ]);
    expect(rows.every(([day]) => (day.getTime() + 7 * 3_600_000) % 86_400_000 === 0)).toBe(true);
    expect(rows[0][1]).toBe("New Year's Day");
    expect(rows[2][1]).toBe('Good Friday');
    // Without the region, Germany's national days only: no Epiphany, Corpus Christi or All Saints.
    expect((call('HOLIDAYS', 'de', 2025) as [Date, string][]).length).toBe(9);
  });
  it('names the argument that is wrong', () => {
    expect(fails('HOLIDAYS', 'ZZ', 2025)).toMatch(/^HOLIDAYS: country: unknown country "ZZ"/);
    expect(fails('HOLIDAYS', 'DE', 'next year')).toBe('HOLIDAYS: year: "next year" is not a number');
    expect(fails('HOLIDAYS', 'DE', 2025.5)).toBe('HOLIDAYS: year: expected a whole year such as 2025, got 2025.5');
    expect(fails('HOLIDAYS', 'DE', 2025, 'XX')).toMatch(/^HOLIDAYS: region: DE has no region "XX"/);
  });
});

describe('KPI_STATUS thresholds typed as percents', () => {
  it('KPI_STATUS(95, 100, "higher", 90, 70) is an error on green_from, not RED', () => {
    expect(call('KPI_STATUS', 95, 100, 'higher', 90, 70)).toBe(
      '#INVALID: green_from: 90 would mean 9000 % of the target; give the achievement as a fraction (0.9) or a percent cell (90%)',
    );
    expect(call('KPI_STATUS', 95, 100, 'higher', 0.9, 70)).toBe(
      '#INVALID: red_below: 70 would mean 7000 % of the target; give the achievement as a fraction (0.7) or a percent cell (70%)',
    );
  });
  it('fractions, and percent cells (which Sheets passes as fractions), work; up to 1.5 is an achievement', () => {
    // 95 ÷ 100 = 0.95: GREEN from 0.9, AMBER between 0.7 and 1.2.
    expect(call('KPI_STATUS', 95, 100, 'higher', 0.9, 0.7)).toBe('GREEN');
    expect(call('KPI_STATUS', 95, 100, 'higher', 1.5, 0.7)).toBe('AMBER');
  });
});
