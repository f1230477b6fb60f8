import type { CountryTable, EncodedDays } from '../../core/calendar/holiday-data/decode';
import { closedDaysByYear, type ClosedDay, regionsOf, rulesFor } from './closed-days';

/**
 * What the holiday tables cover. Countries: Vietnam, every country the examples and tests use (BE, DE, US), and the
 * partners a Vietnamese back office deals with most (head offices, investors, outsourcing clients), each with every
 * region date-holidays knows. Years: 2000-2060, enough for any open SLA and two decades of history. A country, region
 * or year outside is an error naming this set, never an empty list.
 */
export const TABLED_COUNTRIES = ['AU', 'BE', 'CN', 'DE', 'FR', 'GB', 'HK', 'IN', 'JP', 'KR', 'NL', 'SG', 'TH', 'TW', 'US', 'VN'];
export const FIRST_TABLED_YEAR = 2000;
export const LAST_TABLED_YEAR = 2060;

/** Closed days per year (index 0 = FIRST_TABLED_YEAR) of a country and of each of its regions. */
export interface CountryDays {
  readonly national: ClosedDay[][];
  readonly regions: ReadonlyMap<string, ClosedDay[][]>;
}

/** Everything date-holidays closes for the tabled countries, regions and years (about 20 s: lunar rules are slow). */
export function computeClosedDays(): Map<string, CountryDays> {
  const all = new Map<string, CountryDays>();
  for (const country of TABLED_COUNTRIES) {
    const national = closedDaysByYear(rulesFor(country), FIRST_TABLED_YEAR, LAST_TABLED_YEAR);
    const regions = new Map<string, ClosedDay[][]>();
    for (const region of regionsOf(country)) regions.set(region, closedDaysByYear(rulesFor(country, region), FIRST_TABLED_YEAR, LAST_TABLED_YEAR));
    all.set(country, { national, regions });
  }
  return all;
}

// ---- encoding (decoded by core/calendar/holiday-data/decode.ts) -------------------------------------------------

const base36 = (n: number, width: number) => n.toString(36).padStart(width, '0');
const dayOfYear = (iso: string) => (Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - Date.UTC(+iso.slice(0, 4), 0, 0)) / 86_400_000;

/** Weekdays and leap years repeat every 28 years between 1901 and 2099: a rule on weekdays gives the same days. */
const CYCLE = 28;

const joinYears = (chunks: string[]) => chunks.join(',').replace(/,+$/, ''); // empty years at the end left out

/**
 * A set of closed days over the tabled years (format and reader: core/calendar/holiday-data/decode.ts), in three
 * parts, each left out when empty: `e`, the days on the same month-day with the same name every year; `c`, the days
 * of each holiday whose days of the year repeat every 28 years (weekday rules: "third Monday", substitute days), for
 * the first 28 years; `y`, the rest, year by year (Easter, lunar and irregular days).
 */
function encodeSet(years: ClosedDay[][], nameIndex: Map<string, number>, width: number): EncodedDays {
  const code = (d: ClosedDay) => base36(dayOfYear(d.date), 2) + base36(nameIndex.get(d.name)!, width);
  const counts = new Map<string, number>();
  for (const days of years) for (const d of days) counts.set(d.date.slice(5) + '|' + d.name, (counts.get(d.date.slice(5) + '|' + d.name) ?? 0) + 1);
  const everyKeys = new Set([...counts].filter(([, n]) => n === years.length).map(([key]) => key));
  const rest = years.map((days) => days.filter((d) => !everyKeys.has(d.date.slice(5) + '|' + d.name)));
  const codesOf = (name: string, i: number) => rest[i].filter((d) => d.name === name).map(code).join('');
  const cyclic = new Set(
    [...new Set(rest.flat().map((d) => d.name))].filter((name) => rest.every((_, i) => i < CYCLE || codesOf(name, i) === codesOf(name, i - CYCLE))),
  );
  const encoded: { e?: string; c?: string; y?: string } = {};
  const every = [...everyKeys].sort().map((key) => key.slice(0, 2) + key.slice(3, 5) + base36(nameIndex.get(key.slice(6))!, width)).join('');
  const cycle = joinYears(rest.slice(0, CYCLE).map((days) => days.filter((d) => cyclic.has(d.name)).map(code).join('')));
  const other = joinYears(rest.map((days) => days.filter((d) => !cyclic.has(d.name)).map(code).join('')));
  if (every) encoded.e = every;
  if (cycle) encoded.c = cycle;
  if (other) encoded.y = other;
  return encoded;
}

const keyOf = (d: ClosedDay) => `${d.date}|${d.name}`;
const minus = (a: ClosedDay[][], b: ClosedDay[][]) =>
  a.map((days, i) => {
    const other = new Set(b[i].map(keyOf));
    return days.filter((d) => !other.has(keyOf(d)));
  });

/** The encoded table of one country: its names, its national days, and per region the days added (`a`) and dropped (`d`). */
function encodeCountry({ national, regions }: CountryDays): CountryTable {
  const names = [...new Set([national, ...regions.values()].flat(2).map((d) => d.name))].sort();
  const nameIndex = new Map(names.map((n, i) => [n, i]));
  const width = names.length <= 36 ? 1 : 2;
  const encodedRegions: Record<string, { a?: EncodedDays; d?: EncodedDays }> = {};
  for (const [region, days] of regions) {
    const add = encodeSet(minus(days, national), nameIndex, width);
    const drop = encodeSet(minus(national, days), nameIndex, width);
    encodedRegions[region] = { ...(Object.keys(add).length > 0 && { a: add }), ...(Object.keys(drop).length > 0 && { d: drop }) };
  }
  return { names, width, ...encodeSet(national, nameIndex, width), regions: encodedRegions };
}

/** The text of core/calendar/holiday-data/tables.ts. */
export function renderTablesModule(days: Map<string, CountryDays>): string {
  const tables = Object.fromEntries([...days].map(([country, d]) => [country, encodeCountry(d)]));
  return [
    '// Generated by `npx tsx scripts/holidays/generate.ts` from date-holidays: do not edit. test/holidays-tables.test.ts',
    '// regenerates it and fails when it differs. Format: scripts/holidays/tables.ts; reader: ./decode.ts.',
    "import type { HolidayTables } from './decode';",
    '',
    `export const HOLIDAY_TABLES: HolidayTables = ${JSON.stringify({ first: FIRST_TABLED_YEAR, last: LAST_TABLED_YEAR, countries: tables })};`,
    '',
  ].join('\n');
}
