import { MS_PER_MINUTE } from '../../../core/calendar';

/** Slots of a sharedDates cache (a power of two): more than the distinct results of a usual column. */
const SLOT_BITS = 12;

/**
 * Result dates for one call, one Date per distinct instant: a column's results repeat (ADD_BUSINESS_DAYS gives
 * midnights of a few hundred days; SLA_DUE with business-day goals gives closing times), and Sheets copies each
 * value into its cell, so rows with the same instant may share one Date. A row then costs a typed-array read instead
 * of a Date to allocate and collect; results that never repeat (SLA_DUE with goals in hours from distinct starts)
 * cost a slot write on top of their Date. Direct-mapped by a Fibonacci hash of the minute, so instants a day apart
 * spread over the slots.
 */
export function sharedDates(): (t: number) => Date {
  const keys = new Float64Array(1 << SLOT_BITS).fill(NaN);
  const dates = new Array<Date>(1 << SLOT_BITS);
  return (t) => {
    const slot = Math.imul((t / MS_PER_MINUTE) | 0, 0x9e3779b1) >>> (32 - SLOT_BITS);
    if (keys[slot] === t) return dates[slot];
    keys[slot] = t;
    return (dates[slot] = new Date(t));
  };
}
