import Holidays from 'date-holidays';
import { CalendarError } from './errors';

/** Public-holiday dates (`YYYY-MM-DD`) of a country, or `CC-STATE`, in one year. */
export type HolidayProvider = (country: string, year: number) => readonly string[];

/** One day a country's public holidays close, with the holiday's English name. */
export interface Holiday {
  readonly date: string;
  readonly name: string;
}

const holidaysByCountryYear = new Map<string, readonly Holiday[]>();
const datesByCountryYear = new Map<string, readonly string[]>();
/** Rule sets by country: building one parses the country's rules, the costly part of a first look-up. */
const rulesByCountry = new Map<string, Holidays>();
const knownCountries = new Set<string>();

/** Throws unless date-holidays knows the country (and state): cheap, no holiday is computed. */
export function checkHolidayCountry(country: string): void {
  if (knownCountries.has(country)) return;
  const [code, state] = country.split('-');
  const catalogue = new Holidays();
  if (!catalogue.getCountries()[code] || (state && !catalogue.getStates(code)?.[state])) {
    throw new CalendarError('holidays', `holidays: unknown country or region "${country}" (expected an ISO 3166 code such as VN or DE-BY)`);
  }
  knownCountries.add(country);
}

function rulesOf(country: string): Holidays {
  const known = rulesByCountry.get(country);
  if (known) return known;
  checkHolidayCountry(country);
  const [code, state] = country.split('-');
  const rules = new Holidays(code, state);
  rulesByCountry.set(country, rules);
  return rules;
}

/**
 * The days `holidays=CC` (or `CC-REGION`) closes in a year, sorted, one entry per day: a multi-day holiday (Tết is
 * stored as one five-day entry) gives one entry per day it spans, all with its name. Only `public` holidays close
 * offices; bank holidays and observances do not. A day two holidays share keeps the first one's name.
 */
function closedDays(country: string, year: number): readonly Holiday[] {
  const key = `${country}:${year}`;
  const known = holidaysByCountryYear.get(key);
  if (known) return known;
  const byDate = new Map<string, string>();
  for (const holiday of rulesOf(country).getHolidays(year, 'en')) {
    if (holiday.type !== 'public') continue;
    const first = Date.UTC(year, Number(holiday.date.slice(5, 7)) - 1, Number(holiday.date.slice(8, 10)));
    const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
    for (let i = 0; i < days; i++) {
      const date = new Date(first + i * 86_400_000).toISOString().slice(0, 10);
      if (!byDate.has(date)) byDate.set(date, holiday.name);
    }
  }
  const list = [...byDate].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, name]) => ({ date, name }));
  holidaysByCountryYear.set(key, list);
  return list;
}

/**
 * The public holidays that `holidays=COUNTRY` (or `COUNTRY-REGION` when a region is given) closes in a year: one
 * entry per closed day, sorted by date, names in English. The country and region are ISO 3166 codes, any case.
 */
export function holidayList(country: string, year: number, region?: string): readonly Holiday[] {
  if (typeof country !== 'string' || !/^[A-Za-z]{2}$/.test(country.trim())) {
    throw new CalendarError('country', `country: expected an ISO 3166 country code such as VN, got ${JSON.stringify(country)}`);
  }
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new CalendarError('year', `year: expected a whole year such as 2025, got ${String(year)}`);
  }
  const code = country.trim().toUpperCase();
  const area = region === undefined ? '' : String(region).trim().toUpperCase();
  if (!/^[A-Z0-9]{0,3}$/.test(area)) {
    throw new CalendarError('region', `region: expected a region code such as BY (Bavaria in DE), got ${JSON.stringify(region)}`);
  }
  try {
    checkHolidayCountry(code);
  } catch {
    throw new CalendarError('country', `country: unknown country "${code}" (expected an ISO 3166 code such as VN)`);
  }
  const key = area ? `${code}-${area}` : code;
  try {
    checkHolidayCountry(key);
  } catch {
    throw new CalendarError('region', `region: ${code} has no region "${area}" (expected a code such as BY in DE-BY)`);
  }
  return closedDays(key, year);
}

/** The dates of `holidayList`, for compiled calendars: `country` is `CC` or `CC-REGION`. */
export const publicHolidays: HolidayProvider = (country, year) => {
  const key = `${country}:${year}`;
  const known = datesByCountryYear.get(key);
  if (known) return known;
  checkHolidayCountry(country);
  const dates = closedDays(country, year).map((h) => h.date);
  datesByCountryYear.set(key, dates);
  return dates;
};
