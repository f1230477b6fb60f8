import type { DayNumber } from './types';

/** The time units of epoch milliseconds, defined here once for the core and the doors. */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;

/** `YYYY-MM-DD` → day number (days since 1970-01-01). The caller has validated the format. */
export const dayNumberOfIso = (iso: string): DayNumber => {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7)) - 1;
  const day = Number(iso.slice(8, 10));
  if (year >= 100) return Date.UTC(year, month, day) / MS_PER_DAY;
  // Date.UTC reads the years 0-99 as 1900-1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.getTime() / MS_PER_DAY;
};

export const isoOfDayNumber = (day: DayNumber): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

export const yearOfDayNumber = (day: DayNumber): number => new Date(day * MS_PER_DAY).getUTCFullYear();

/** Monday = 0 … Sunday = 6, as in the weekday order of opening_hours and the NETWORKDAYS.INTL mask. */
export const weekdayOfDayNumber = (day: DayNumber): number => (((day + 3) % 7) + 7) % 7;

/** `HH:MM` → minutes after midnight; `24:00` → 1440. */
export const minutesOfTime = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
