/** Slots of a sharedDates cache (a power of two): more than the distinct results of a usual column. */
const SLOT_BITS = 12;

const sameInstant = (t: number): number => t;

/**
 * Result dates for one call, one Date per distinct key (an instant, or a day with `instantOfKey` giving its
 * midnight): a column's results repeat (ADD_BUSINESS_DAYS gives a few hundred days; SLA_DUE with business-day goals
 * gives closing times), and Sheets copies each value into its cell, so rows with the same key may share one Date. A
 * row then costs a typed-array read instead of a Date to allocate and collect; results that never repeat (SLA_DUE
 * with goals in hours from distinct starts) cost a slot write on top of their Date. Direct-mapped by a Fibonacci hash
 * of the key, so days and instants a day apart spread over the slots.
 */
export function sharedDates(instantOfKey: (key: number) => number = sameInstant): (key: number) => Date {
  const keys = new Float64Array(1 << SLOT_BITS).fill(NaN);
  const dates = new Array<Date>(1 << SLOT_BITS);
  return (key) => {
    const slot = Math.imul(key | 0, 0x9e3779b1) >>> (32 - SLOT_BITS);
    if (keys[slot] === key) return dates[slot];
    keys[slot] = key;
    return (dates[slot] = new Date(instantOfKey(key)));
  };
}
