import Holidays from 'date-holidays';
import { CalendarError } from './errors';

/** Public-holiday dates (`YYYY-MM-DD`) of a country, or `CC-STATE`, in one year. */
export type HolidayProvider = (country: string, year: number) => readonly string[];

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
 * Public holidays from `date-holidays`, whose rules follow the lunar calendar where the law does (Vietnam's Tết).
 * A multi-day holiday (Tết is stored as one five-day entry) closes every day it spans. Only `public` holidays
 * close offices; bank holidays and observances do not.
 */
export const publicHolidays: HolidayProvider = (country, year) => {
  const key = `${country}:${year}`;
  const known = datesByCountryYear.get(key);
  if (known) return known;
  const dates: string[] = [];
  for (const holiday of rulesOf(country).getHolidays(year)) {
    if (holiday.type !== 'public') continue;
    const first = Date.UTC(year, Number(holiday.date.slice(5, 7)) - 1, Number(holiday.date.slice(8, 10)));
    const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
    for (let i = 0; i < days; i++) dates.push(new Date(first + i * 86_400_000).toISOString().slice(0, 10));
  }
  datesByCountryYear.set(key, dates);
  return dates;
};
