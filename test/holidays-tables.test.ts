import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { holidayList, HOLIDAY_YEARS } from '../core/calendar';
import { vietnamYear } from '../core/calendar/holiday-data/vietnam';
import { computeClosedDays, type CountryDays, FIRST_TABLED_YEAR, LAST_TABLED_YEAR, renderTablesModule, TABLED_COUNTRIES } from '../scripts/holidays/tables';

/**
 * The committed tables (core/calendar/holiday-data/tables.ts) must be what the generator makes from the installed
 * date-holidays today, and must read back, through the run-time reader, as exactly date-holidays' closed days for
 * every tabled country, region and year. Computing them all takes about 20 s idle (lunar calendars are slow).
 */
const GENERATION_TIMEOUT = 600_000;
let computed: Map<string, CountryDays>;
beforeAll(() => {
  computed = computeClosedDays();
}, GENERATION_TIMEOUT);

describe('holiday tables', () => {
  it('are the generator’s output from the installed date-holidays (run `npx tsx scripts/holidays/generate.ts` when not)', () => {
    const committed = readFileSync(join(__dirname, '..', 'core', 'calendar', 'holiday-data', 'tables.ts'), 'utf8');
    expect(renderTablesModule(computed) === committed).toBe(true);
  });

  it('read back as date-holidays’ closed days for every country, region and year', () => {
    expect(HOLIDAY_YEARS).toEqual({ first: FIRST_TABLED_YEAR, last: LAST_TABLED_YEAR });
    let checked = 0;
    for (const country of TABLED_COUNTRIES) {
      const { national, regions } = computed.get(country)!;
      for (let year = FIRST_TABLED_YEAR; year <= LAST_TABLED_YEAR; year++) {
        const expected = national[year - FIRST_TABLED_YEAR];
        // Vietnam adds its own rules and announced schedules on the tabled Labour Code days.
        expect(holidayList(country, year)).toEqual(country === 'VN' ? vietnamYear(year, expected).holidays : expected);
        for (const [region, days] of regions) expect(holidayList(country, year, region)).toEqual(days[year - FIRST_TABLED_YEAR]);
        checked += 1 + regions.size;
      }
    }
    expect(checked).toBeGreaterThan(TABLED_COUNTRIES.length * 61);
  });

  it('cover Vietnam, the countries of the examples and tests, and their regions', () => {
    for (const country of ['VN', 'BE', 'DE', 'US', 'GB', 'FR', 'JP', 'KR', 'CN', 'SG', 'TH', 'AU', 'IN', 'NL']) expect(TABLED_COUNTRIES).toContain(country);
    expect([...computed.get('DE')!.regions.keys()]).toContain('BY');
    expect([...computed.get('US')!.regions.keys()]).toContain('CA');
  });
});
