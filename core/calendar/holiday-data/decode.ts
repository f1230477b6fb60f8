/**
 * A set of closed days over the tabled years, written by scripts/holidays/tables.ts. Each part is left out when
 * empty. A day is its day of the year in two base-36 digits, or MMDD in `e`, followed by its name's index in base 36
 * (`width` digits); years are separated by commas, empty years at the end left out.
 */
export interface EncodedDays {
  /** Days on the same month-day with the same name every year. */
  readonly e?: string;
  /** Days that repeat every 28 years (weekday rules), for the first 28 tabled years. */
  readonly c?: string;
  /** The other days, year by year. */
  readonly y?: string;
}

/** @internal */
export interface CountryTable extends EncodedDays {
  readonly names: readonly string[];
  readonly width: number;
  /** Per region: the days it adds to the national ones (`a`) and the national days it does not close (`d`). */
  readonly regions: Readonly<Record<string, { readonly a?: EncodedDays; readonly d?: EncodedDays }>>;
}

export interface HolidayTables {
  readonly first: number;
  readonly last: number;
  readonly countries: Readonly<Record<string, CountryTable>>;
}

/** Weekdays and leap years repeat every 28 years between 1901 and 2099. */
const CYCLE = 28;
const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** The [date, name index] pairs of an encoded set in one tabled year, in no particular order. */
export function decodeDays(set: EncodedDays | undefined, width: number, year: number, first: number): [string, number][] {
  const days: [string, number][] = [];
  if (!set) return days;
  const every = set.e ?? '';
  for (let i = 0; i < every.length; i += 4 + width) {
    days.push([`${year}-${every.slice(i, i + 2)}-${every.slice(i + 2, i + 4)}`, parseInt(every.slice(i + 4, i + 4 + width), 36)]);
  }
  for (const chunk of [set.c?.split(',')[(year - first) % CYCLE], set.y?.split(',')[year - first]]) {
    for (let i = 0; chunk && i < chunk.length; i += 2 + width) {
      const date = new Date(Date.UTC(year, 0, parseInt(chunk.slice(i, i + 2), 36)));
      days.push([`${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`, parseInt(chunk.slice(i + 2, i + 2 + width), 36)]);
    }
  }
  return days;
}
