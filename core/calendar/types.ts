/** An instant as epoch milliseconds (UTC). The core passes numbers, never `Date`, on its hot paths. */
export type Instant = number;

/** A calendar date as a day number: days since 1970-01-01 (1970-01-01 = 0). */
export type DayNumber = number;

/**
 * A compiled business calendar. Every method is O(1) or O(log n) on precomputed per-day tables that extend
 * lazily; nothing steps minute by minute or day by day.
 */
export interface WorkCalendar {
  readonly timeZone: string;
  /** Whether any weekday or make-up day has a window; a calendar without one cannot measure working time. */
  readonly hasWorkingHours: boolean;
  /** Working minutes from `a` to `b`; negative when `b` is before `a`. Real elapsed time across DST changes. */
  workingMinutesBetween(a: Instant, b: Instant): number;
  /**
   * The instant `minutes` working minutes after `start` (before it when negative). A due time that lands exactly on
   * a closing time is that closing instant, not the next opening; going backwards, an opening lands on the opening.
   * Zero minutes returns `start` unchanged.
   */
  addWorkingMinutes(start: Instant, minutes: number): Instant;
  isWorkingTime(t: Instant): boolean;
  /** `t` itself when working, else the next opening instant. */
  nextWorkingTime(t: Instant): Instant;
  /** The local calendar day of an instant in the calendar's zone. */
  localDay(t: Instant): DayNumber;
  /** Whether the local day has any working time. */
  isWorkingDay(day: DayNumber): boolean;
  /** Working days in (from, to]: after `from`, up to and including `to`; negative when `to` is before `from`. */
  workingDaysAfter(from: DayNumber, to: DayNumber): number;
  /**
   * The `n`-th working day after the local day of `start` (WORKDAY semantics on this calendar's working days:
   * the start day never counts), as the closing instant of that day. `n` ≥ 1.
   */
  businessDaysDue(start: Instant, n: number): Instant;
}
