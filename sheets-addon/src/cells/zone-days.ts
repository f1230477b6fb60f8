import { instantOfWallTime, localDayIn, MS_PER_DAY, zoneOffsetAt } from '../../../core/calendar';

/**
 * Local days of instants and local midnights of days in one zone, for columns of 100,000 date cells: both rest on
 * one remembered offset per UTC day (at its start), so a column asks Intl about each day of its span once, and a row
 * costs a division and a few typed-array reads. Where the offset differs between the two UTC midnights they read,
 * an offset change is near and the core answers exactly; elsewhere the answers are the core's own by its own test.
 */
export interface ZoneDays {
  /** The local day of an instant: the core's `localDayIn`. */
  localDay(t: number): number;
  /** The instant of a local day's midnight: the core's `instantOfWallTime(day × MS_PER_DAY)`. */
  midnight(day: number): number;
}

/** Direct-mapped slots by UTC day: 22 years of days, more than a column's span usually is. */
const SLOTS = 8192;

/** @internal Exported for its tests; the door reads it through zoneDaysIn. */
export function zoneDays(zone: string): ZoneDays {
  const exactLocalDay = localDayIn(zone);
  const keys = new Float64Array(SLOTS).fill(NaN);
  const offsets = new Float64Array(SLOTS);
  const offsetAtUtcDay = (utcDay: number): number => {
    const slot = utcDay & (SLOTS - 1);
    if (keys[slot] === utcDay) return offsets[slot];
    const offset = zoneOffsetAt(utcDay * MS_PER_DAY, zone);
    keys[slot] = utcDay;
    offsets[slot] = offset;
    return offset;
  };
  return {
    localDay(t) {
      const utcDay = Math.floor(t / MS_PER_DAY);
      const offset = offsetAtUtcDay(utcDay);
      // The same offset at both ends of the UTC day: no change inside it (zones change at most once a day).
      if (offset === offsetAtUtcDay(utcDay + 1)) return Math.floor((t + offset) / MS_PER_DAY);
      return exactLocalDay(t);
    },
    midnight(day) {
      // instantOfWallTime's own shortcut: the same offset a day before and a day after the wall time.
      const before = offsetAtUtcDay(day - 1);
      if (before === offsetAtUtcDay(day + 1)) return day * MS_PER_DAY - before;
      return instantOfWallTime(day * MS_PER_DAY, zone);
    },
  };
}

/** One ZoneDays per zone for the execution: every column of every call in it shares the offsets already asked. */
const byZone = new Map<string, ZoneDays>();

export function zoneDaysIn(zone: string): ZoneDays {
  let days = byZone.get(zone);
  if (!days) byZone.set(zone, (days = zoneDays(zone)));
  return days;
}
