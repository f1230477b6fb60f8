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
  return (t) => {
    const slot = Math.floor(t / MS_PER_SLOT);
    let offset = offsets.get(slot);
    if (offset === undefined) {
      offset = tzOffset(timeZone, new Date(slot * MS_PER_SLOT)) * MS_PER_MINUTE;
      offsets.set(slot, offset);
    }
    return Math.floor((t + offset) / MS_PER_DAY);
  };
}
