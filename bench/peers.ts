import './utc';
import dayjs, { type Dayjs } from 'dayjs';
import dayjsBusinessTime from 'dayjs-business-time';
import moment from 'moment-business-time';
import { HOLIDAYS, WINDOWS } from './calendar';

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
  /** The instant `n` working minutes after `start`, as epoch ms. */
  add(start: W, n: number): number;
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

export const dayjsEngine: PeerEngine<Dayjs> = {
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

export const momentEngine: PeerEngine<moment.Moment> = {
  name: 'moment-business-time',
  wrap: (t) => moment(t),
  // README: later.workingDiff(earlier, 'minutes') is positive.
  between: (a, b) => b.workingDiff(a, 'minutes'),
  // addWorkingTime mutates its moment: work on a clone so a pre-built input can be reused.
  add: (start, n) => start.clone().addWorkingTime(n, 'minutes').valueOf(),
};

/** Method-style members make a PeerEngine<Dayjs> usable where a PeerEngine<unknown> is expected. */
export const PEERS: readonly PeerEngine<unknown>[] = [dayjsEngine, momentEngine];
