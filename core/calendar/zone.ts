import { tzOffset } from '@date-fns/tz';
import { MS_PER_DAY, MS_PER_MINUTE } from './days';
import type { DayNumber, Instant } from './types';

/** Zones change offset on quarter-hour boundaries of UTC (Lord Howe changes at 15:30 UTC, Nepal is +05:45). */
const MS_PER_SLOT = 900_000;

/**
 * A function giving the local day of an instant in a zone. One offset per quarter-hour slot, remembered, answers
 * repeated look-ups without asking Intl again.
 */
export function localDayIn(timeZone: string): (t: Instant) => DayNumber {
  const offsets = new Map<number, number>();
  // A UTC day whose first and last quarter hours share an offset has no change in it (zones change at most once a
  // day): one entry for the whole day, so instants spread over years cost two look-ups a day, not one per slot.
  const days = new Map<number, number>();
  const offsetAt = (ms: number) => tzOffset(timeZone, new Date(ms)) * MS_PER_MINUTE;
  return (t) => {
    const utcDay = Math.floor(t / MS_PER_DAY);
    let offset = days.get(utcDay);
    if (offset === undefined) {
      const start = offsetAt(utcDay * MS_PER_DAY);
      offset = start === offsetAt((utcDay + 1) * MS_PER_DAY - MS_PER_SLOT) ? start : NaN;
      days.set(utcDay, offset);
    }
    if (Number.isNaN(offset)) {
      const slot = Math.floor(t / MS_PER_SLOT);
      offset = offsets.get(slot);
      if (offset === undefined) {
        offset = offsetAt(slot * MS_PER_SLOT);
        offsets.set(slot, offset);
      }
    }
    return Math.floor((t + offset) / MS_PER_DAY);
  };
}

/** A zone's offset from UTC at an instant, in milliseconds (the wall time is the instant plus it). */
export const zoneOffsetAt = (t: Instant, timeZone: string): number => tzOffset(timeZone, new Date(t)) * MS_PER_MINUTE;

/**
 * The instant a wall-clock time (given as if it were UTC) happens in a zone. A time skipped by a DST gap moves forward
 * by the gap; a time that happens twice is its first occurrence (Temporal's "compatible").
 */
export function instantOfWallTime(wall: number, timeZone: string): Instant {
  const offsetAt = (t: number) => zoneOffsetAt(t, timeZone);
  const before = offsetAt(wall - MS_PER_DAY);
  const after = offsetAt(wall + MS_PER_DAY);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyFits = offsetAt(early) === before;
  const lateFits = offsetAt(late) === after;
  if (earlyFits && lateFits) return Math.min(early, late);
  return lateFits && !earlyFits ? late : early; // neither fits: in the gap, the offset before it moves the time forward
}

/** The wall-clock time of an instant in a zone, as if it were UTC. */
export const wallTimeOfInstant = (t: Instant, timeZone: string): number => t + tzOffset(timeZone, new Date(t)) * MS_PER_MINUTE;
