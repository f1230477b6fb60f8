import { publicHolidays, type HolidayProvider } from '../../../core/calendar/holidays';
import { scriptCache } from '../platform';

/**
 * Countries' public holidays through Apps Script's script cache. Every custom-function call is a fresh execution,
 * and date-holidays works out lunar holidays (Vietnam's Tết) astronomically: about 0.2 s per country and year, cold.
 * The dates are public and the same for every user, so one execution computes them and the next six hours read them.
 */
const SIX_HOURS = 6 * 60 * 60; // the cache's longest expiry

export const cachedPublicHolidays: HolidayProvider = (country, year) => {
  const key = `public-holidays:${country}:${year}`;
  const cached = scriptCache().get(key);
  if (cached !== null) return JSON.parse(cached) as string[];
  const dates = publicHolidays(country, year);
  scriptCache().put(key, JSON.stringify(dates), SIX_HOURS);
  return dates;
};
