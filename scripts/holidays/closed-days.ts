import Holidays from 'date-holidays';

/** One day a country's public holidays close, with the holiday's English name. */
export interface ClosedDay {
  readonly date: string;
  readonly name: string;
}

/** The countries whose holidays are tabled, with the regions date-holidays knows for each (all of them). */
export function regionsOf(country: string): string[] {
  return Object.keys(new Holidays().getStates(country) ?? {}).sort();
}

/** Every day each public holiday of a year spans, in date-holidays' order (a span may run into the next year). */
function spannedDays(rules: Holidays, year: number): ClosedDay[] {
  const days: ClosedDay[] = [];
  for (const holiday of rules.getHolidays(year, 'en')) {
    if (holiday.type !== 'public') continue;
    const first = Date.UTC(year, Number(holiday.date.slice(5, 7)) - 1, Number(holiday.date.slice(8, 10)));
    const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
    for (let i = 0; i < length; i++) days.push({ date: new Date(first + i * 86_400_000).toISOString().slice(0, 10), name: holiday.name });
  }
  return days;
}

/**
 * The days `holidays=CC[-REGION]` closes in each year from `first` to `last`, as date-holidays computes them: sorted,
 * one entry per day. A multi-day holiday (Tết is one five-day entry) gives an entry per day it spans, with its name,
 * in the year each day falls in. Only `public` holidays close offices; bank holidays and observances do not. A day
 * two holidays share keeps the first one's name.
 */
export function closedDaysByYear(rules: Holidays, first: number, last: number): ClosedDay[][] {
  const spanned = new Map<number, ClosedDay[]>();
  for (let year = first - 1; year <= last; year++) spanned.set(year, spannedDays(rules, year));
  const years: ClosedDay[][] = [];
  for (let year = first; year <= last; year++) {
    const byDate = new Map<string, string>();
    for (const day of [...spanned.get(year - 1)!, ...spanned.get(year)!]) {
      if (day.date.startsWith(`${year}-`) && !byDate.has(day.date)) byDate.set(day.date, day.name);
    }
    years.push([...byDate].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, name]) => ({ date, name })));
  }
  return years;
}

export function rulesFor(country: string, region?: string): Holidays {
  return region ? new Holidays(country, region) : new Holidays(country);
}
