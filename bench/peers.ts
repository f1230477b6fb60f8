import { PROCESS_ZONE } from './process-zone';
import dayjs, { type Dayjs } from 'dayjs';
import dayjsBusinessTime from 'dayjs-business-time';
import moment from 'moment-business-time';
import OpeningHours from 'opening_hours';
import { HOLIDAYS, WINDOWS } from './calendar';
import { MS_PER_DAY, MS_PER_MINUTE } from '../core/calendar';

declare module 'moment' {
  interface Moment {
    /** moment-business-time: working time from `other` to this moment (this − other), floored to whole units. */
    workingDiff(other: Moment, unit: 'minutes', precise?: boolean): number;
    /** moment-business-time: adds working time, mutating this moment. */
    addWorkingTime(amount: number, unit: 'minutes'): Moment;
    isWorkingTime(): boolean;
    nextWorkingTime(): Moment;
  }
}

/**
 * A business-hours engine as the bench drives it. `W` is the engine's own date value; timed loops build those
 * outside the clock so the peers pay only for their business-time work.
 */
export interface PeerEngine<W> {
  readonly name: string;
  wrap(t: number): W;
  /** Working minutes from a to b (a ≤ b in the bench). */
  between(a: W, b: W): number;
  /** The instant `n` working minutes after `start`, as epoch ms; absent for an engine that only measures durations. */
  add?(this: void, start: W, n: number): number;
}


// ---- dayjs-business-time 1.0.4 (README: dayjs.extend, dayjs.setBusinessTime, dayjs.setHolidays) --------------
dayjs.extend(dayjsBusinessTime);
const dayjsWindows = WINDOWS.map((w) => ({ start: `${w.start}:00`, end: `${w.end}:00` }));
dayjs.setBusinessTime({
  sunday: null,
  monday: dayjsWindows,
  tuesday: dayjsWindows,
  wednesday: dayjsWindows,
  thursday: dayjsWindows,
  friday: dayjsWindows,
  saturday: null,
});
dayjs.setHolidays([...HOLIDAYS]);

const dayjsEngine: PeerEngine<Dayjs> = {
  name: 'dayjs-business-time',
  wrap: (t) => dayjs(t),
  // README: start.businessMinutesDiff(end) is positive when end is later.
  between: (a, b) => a.businessMinutesDiff(b),
  add: (start, n) => start.addBusinessMinutes(n).valueOf(),
};

// ---- moment-business-time 2.0.0 (README: locale workinghours/holidays, workingDiff, addWorkingTime) ----------
const momentDay = WINDOWS.flatMap((w) => [`${w.start}:00`, `${w.end}:00`]);
moment.updateLocale(moment.locale(), {
  workinghours: { 0: null, 1: momentDay, 2: momentDay, 3: momentDay, 4: momentDay, 5: momentDay, 6: null },
  holidays: [...HOLIDAYS],
});

const momentEngine: PeerEngine<moment.Moment> = {
  name: 'moment-business-time',
  wrap: (t) => moment(t),
  // README: later.workingDiff(earlier, 'minutes') is positive.
  between: (a, b) => b.workingDiff(a, 'minutes'),
  // addWorkingTime mutates its moment: work on a clone so a pre-built input can be reused.
  add: (start, n) => start.clone().addWorkingTime(n, 'minutes').valueOf(),
};

// ---- opening_hours 3.15 (README: new opening_hours(value, nominatim, { mode }), getOpenDuration(from, to)) --------
// The OpenStreetMap syntax, in the process's local zone; each holiday is a dated `off` rule ("2024 Jan 01 off").
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const OPENING_HOURS_SPEC = [
  `Mo-Fr ${WINDOWS.map((w) => `${w.start}-${w.end}`).join(',')}`,
  ...HOLIDAYS.map((iso) => `${iso.slice(0, 4)} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(8, 10)} off`),
].join('; ');
const openingHours = new OpeningHours(OPENING_HOURS_SPEC);

export const openingHoursEngine: PeerEngine<Date> = {
  name: 'opening_hours',
  wrap: (t) => new Date(t),
  // getOpenDuration answers [open ms, unknown ms]; the spec has no unknown state.
  between: (a, b) => openingHours.getOpenDuration(a, b)[0] / MS_PER_MINUTE,
};

// ---- a hand-written day loop: what a developer writes without a library -----------------------------------------
const WINDOW_MINUTES = WINDOWS.map((w) => [minutesOf(w.start), minutesOf(w.end)] as const);
const HOLIDAY_DAYS = new Set(HOLIDAYS.map((iso) => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY));
function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
/** The process zone's offset at t, in ms to add to a wall time to get UTC; in UTC a plain loop needs no Date at all. */
const offsetAt = PROCESS_ZONE === 'UTC' ? () => 0 : (t: number) => new Date(t).getTimezoneOffset() * MS_PER_MINUTE;

/**
 * Working minutes in [a, b): one local day at a time over epoch ms, each window clipped to [a, b]. The zone offset is
 * read once per day, at midnight, as a plain loop does: on a clock-change day the windows after the change are off
 * by the shift (exact in UTC, where it is pure arithmetic on epoch ms).
 */
function dayLoopMinutesBetween(a: number, b: number): number {
  let total = 0;
  for (let day = Math.floor((a - offsetAt(a)) / MS_PER_DAY); ; day++) {
    const midnight = day * MS_PER_DAY + offsetAt(day * MS_PER_DAY);
    if (midnight >= b) break;
    const weekday = (day + 4) % 7; // day 0, 1 January 1970, was a Thursday
    if (weekday === 0 || weekday === 6 || HOLIDAY_DAYS.has(day)) continue;
    for (const [open, close] of WINDOW_MINUTES) {
      const from = Math.max(a, midnight + open * MS_PER_MINUTE);
      const to = Math.min(b, midnight + close * MS_PER_MINUTE);
      if (to > from) total += to - from;
    }
  }
  return total / MS_PER_MINUTE;
}

export const dayLoopEngine: PeerEngine<number> = {
  name: 'hand-written day loop',
  wrap: (t) => t,
  between: dayLoopMinutesBetween,
};

/** Method-style members make a PeerEngine<Dayjs> usable where a PeerEngine<unknown> is expected. */
export const PEERS: readonly PeerEngine<unknown>[] = [dayjsEngine, momentEngine, openingHoursEngine, dayLoopEngine];
