import { HOLIDAY_TABLES } from './holiday-data/tables';

/**
 * A country the holiday tables cover (ISO 3166-1 code) and its regions with holidays of their own (ISO 3166-2
 * subdivision codes without the country, e.g. BY for DE-BY). The tables hold holiday names only, not country or
 * region names: a view names them in its own language (Intl.DisplayNames gives country names).
 */
export interface HolidayCountry {
  readonly code: string;
  readonly regions: readonly string[];
}

/** Every country and region a calendar's `holidays=` may name, sorted by code. */
export const HOLIDAY_COUNTRIES: readonly HolidayCountry[] = Object.entries(HOLIDAY_TABLES.countries)
  .map(([code, table]) => ({ code, regions: Object.keys(table.regions).sort() }))
  .sort((a, b) => (a.code < b.code ? -1 : 1));
