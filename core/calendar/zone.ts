import { tzOffset } from '@date-fns/tz';
import { MS_PER_DAY, MS_PER_MINUTE } from './days';
import type { DayNumber, Instant } from './types';

const MS_PER_HOUR = 3_600_000;

/**
 * A function giving the local day of an instant in a zone. Offsets change on hour boundaries in every zone in use,
 * so one offset per UTC hour, remembered, answers repeated look-ups without asking Intl again.
 */
export function localDayIn(timeZone: string): (t: Instant) => DayNumber {
  const offsets = new Map<number, number>();
  return (t) => {
    const hour = Math.floor(t / MS_PER_HOUR);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = tzOffset(timeZone, new Date(hour * MS_PER_HOUR)) * MS_PER_MINUTE;
      offsets.set(hour, offset);
    }
    return Math.floor((t + offset) / MS_PER_DAY);
  };
}
