/** An encoded set of closed days (format: scripts/holidays/tables.ts, which writes it). */
export interface EncodedDays {
  /** Days on the same month-day with the same name every year: MMDD + name index. */
  readonly every: string;
  /** The other days, year by year separated by commas (trailing empty years left out): day of year (2 base-36 digits) + name index. */
  readonly years: string;
}

export interface CountryTable extends EncodedDays {
  readonly names: readonly string[];
  /** Base-36 digits of a name index. */
  readonly width: number;
  readonly regions: Readonly<Record<string, { readonly add: EncodedDays; readonly drop: EncodedDays }>>;
}

export interface HolidayTables {
  readonly first: number;
  readonly last: number;
  readonly countries: Readonly<Record<string, CountryTable>>;
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** The [date, name index] pairs of an encoded set in one tabled year, in no particular order. */
export function decodeDays(set: EncodedDays, width: number, year: number, first: number): [string, number][] {
  const days: [string, number][] = [];
  for (let i = 0; i < set.every.length; i += 4 + width) {
    days.push([`${year}-${set.every.slice(i, i + 2)}-${set.every.slice(i + 2, i + 4)}`, parseInt(set.every.slice(i + 4, i + 4 + width), 36)]);
  }
  const chunk = set.years.split(',')[year - first] ?? '';
  for (let i = 0; i < chunk.length; i += 2 + width) {
    const date = new Date(Date.UTC(year, 0, parseInt(chunk.slice(i, i + 2), 36)));
    days.push([`${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`, parseInt(chunk.slice(i + 2, i + 2 + width), 36)]);
  }
  return days;
}
