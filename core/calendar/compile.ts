import { type CoreMessage, said } from '../i18n/error-catalogue';
import { type Interval, mergeIntervals } from '../util/intervals';
import { CalendarError, CalendarYearsError } from './errors';
import { checkHolidayCountry, HolidayYearsError, type HolidayProvider, publicHolidays, publicWorkedDays, type WorkedDayProvider } from './holidays';
import { CalendarSpecSchema, type CalendarSpec, type CalendarSpecInput, WEEKDAYS, type Window } from './spec';
import {
  dayNumberOfIso,
  isoOfDayNumber,
  MS_PER_DAY,
  MS_PER_MINUTE,
  minutesOfTime,
  weekdayOfDayNumber,
  yearOfDayNumber,
} from './days';
import type { DayNumber, Instant, WorkCalendar } from './types';
import { instantOfWallTime, zoneOffsetAt } from './zone';

/** Years the tables may grow to: far enough for any SLA, near enough that a runaway search stops. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2300;
const FIRST_DAY = Date.UTC(FIRST_YEAR, 0, 1) / MS_PER_DAY;
const END_DAY = Date.UTC(LAST_YEAR + 1, 0, 1) / MS_PER_DAY;

/** Working minutes of a local day as [start, end) minutes after its midnight; end may pass 1440 (overnight). */
type MinuteRange = Interval;

export interface CompileOptions {
  /** Source of countries' public holidays; the holiday tables (./holiday-data) by default. */
  holidays?: HolidayProvider;
  /** Source of the days countries make offices work (Vietnam's swapped Saturdays); the tables by default. */
  workedDays?: WorkedDayProvider;
}

/** Validates a spec and compiles it; a bad spec throws a CalendarError naming the offending field. */
export function compileCalendar(input: CalendarSpecInput | CalendarSpec, options: CompileOptions = {}): WorkCalendar {
  const parsed = CalendarSpecSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.join('.');
    throw new CalendarError(path || 'calendar', said('at', { place: path ? `calendar.${path}` : 'calendar', detail: said('schema.issue', { issue: issue.message }) }));
  }
  return new CompiledCalendar(parsed.data, options.holidays ?? publicHolidays, options.workedDays ?? publicWorkedDays);
}

/**
 * Days between the offsets a table asks the zone for; Intl asked once a day was a first table's largest cost. Between
 * two samples that agree the zone is taken not to have changed: scanned day by day over 1900-2300, no zone in the
 * IANA data as ICU ships it leaves an offset and comes back to it in under 7 days (America/Boa_Vista, summer time
 * for 8-15 Oct 2000, is the shortest; test/calendar-zone-samples.test.ts), so samples 6 days apart see every change.
 */
const DAYS_PER_OFFSET_SAMPLE = 6;

/**
 * The zone's offsets at the UTC midnights of `count` days from `firstDay`: sampled every DAYS_PER_OFFSET_SAMPLE days,
 * and asked day by day only between two samples that differ.
 */
function zoneOffsetsAtMidnights(firstDay: DayNumber, count: number, timeZone: string): Float64Array {
  const offsets = new Float64Array(count);
  const at = (i: number) => zoneOffsetAt((firstDay + i) * MS_PER_DAY, timeZone);
  let from = 0;
  offsets[0] = at(0);
  while (from < count - 1) {
    const to = Math.min(from + DAYS_PER_OFFSET_SAMPLE, count - 1);
    offsets[to] = at(to);
    const same = offsets[to] === offsets[from];
    for (let i = from + 1; i < to; i++) offsets[i] = same ? offsets[from] : at(i);
    from = to;
  }
  return offsets;
}

const toRanges = (windows: readonly Window[]): MinuteRange[] =>
  windows.map((w) => {
    const start = minutesOfTime(w.start);
    let end = minutesOfTime(w.end);
    if (end <= start) end += 1440; // crosses midnight: belongs to the day it starts on
    return [start, end];
  });

/** A closed day's working minutes, shared rather than a new empty list each day. */
const NO_HOURS: readonly MinuteRange[] = [];

const subtractRanges = (ranges: readonly MinuteRange[], cut: MinuteRange): MinuteRange[] =>
  ranges.flatMap(([s, e]): MinuteRange[] => {
    if (cut[1] <= s || cut[0] >= e) return [[s, e]];
    const kept: MinuteRange[] = [];
    if (cut[0] > s) kept.push([s, cut[0]]);
    if (cut[1] < e) kept.push([cut[1], e]);
    return kept;
  });

/**
 * Per-day tables over a window of local days [firstDay, endDay), rebuilt wider (doubling) when a query falls
 * outside. Working time is a sorted list of disjoint UTC intervals with cumulative working milliseconds; an index per
 * UTC day points at the first interval that ends after that day's start, so a lookup is an index plus a step or two.
 */
class CompiledCalendar implements WorkCalendar {
  readonly timeZone: string;
  private readonly weekly: MinuteRange[][];
  private readonly fixedHolidays = new Set<DayNumber>();
  private readonly makeUp = new Map<DayNumber, MinuteRange[]>();
  private readonly closures = new Map<DayNumber, MinuteRange[]>();
  private readonly countries: readonly string[];
  private readonly holidaySource: HolidayProvider;
  private readonly workedDaySource: WorkedDayProvider;
  /**
   * Days the tables may span: 1900-2300, narrowed to the years the holiday source covers once it says so (it throws a
   * HolidayYearsError for a year it does not know; tables that grow by whole years must not ask it about one).
   */
  private firstAllowedDay = FIRST_DAY;
  private endAllowedDay = END_DAY;
  private holidayYears: { first: number; last: number } | undefined;
  readonly hasWorkingHours: boolean;

  // Tables (replaced together by build()).
  private firstDay = 0;
  private endDay = 0;
  private coverStart = Infinity;
  private coverEnd = -Infinity;
  private dayStart = new Float64Array(0); // UTC instant of each local midnight, plus one past the end
  private dayClose = new Float64Array(0); // closing instant of each day's last window (NaN when closed)
  private cumWorkingDays = new Int32Array(0); // working days in [firstDay, day], inclusive
  private starts = new Float64Array(0); // merged working intervals; the last is a +∞ sentinel
  private ends = new Float64Array(0);
  private cumBefore = new Float64Array(0); // working ms before each interval starts
  private firstUtcDay = 0;
  private firstIntervalOfUtcDay = new Int32Array(0);

  constructor(spec: CalendarSpec, holidaySource: HolidayProvider, workedDaySource: WorkedDayProvider) {
    this.timeZone = spec.timeZone;
    this.holidaySource = holidaySource;
    this.workedDaySource = workedDaySource;
    this.countries = spec.holidayCountries;
    this.weekly = WEEKDAYS.map((d) => mergeIntervals(toRanges(spec.weekly[d])));
    for (const h of spec.holidays) this.fixedHolidays.add(dayNumberOfIso(h.date));
    spec.makeUpDays.forEach((m, i) => {
      const ranges = m.windows ? mergeIntervals(toRanges(m.windows)) : this.weekly[WEEKDAYS.indexOf(m.like)];
      if (ranges.length === 0) {
        throw new CalendarError(`makeUpDays.${i}`, said('at', { place: `calendar.makeUpDays.${i}`, detail: said('calendar.makeUpWithoutHours', { date: m.date, like: m.like }) }));
      }
      this.makeUp.set(dayNumberOfIso(m.date), ranges);
    });
    spec.closures.forEach((c, i) => {
      const start = minutesOfTime(c.start);
      const end = minutesOfTime(c.end);
      if (end <= start) {
        throw new CalendarError(`closures.${i}`, said('at', { place: `calendar.closures.${i}`, detail: said('calendar.closureBackwards', { start: c.start, end: c.end, date: c.date }) }));
      }
      const day = dayNumberOfIso(c.date);
      this.closures.set(day, [...(this.closures.get(day) ?? []), [start, end]]);
    });
    // Checked now, so an unknown country fails when the calendar is compiled rather than in the middle of a run.
    for (const country of this.countries) checkHolidayCountry(country);
    this.hasWorkingHours = this.weekly.some((r) => r.length > 0) || this.makeUp.size > 0;
  }

  // ---- public API -------------------------------------------------------------------------------------------

  workingMinutesBetween(a: Instant, b: Instant): number {
    // Both ends covered first: growing the tables for one end moves the origin the other end is measured from.
    if (!(a >= this.coverStart && a < this.coverEnd)) this.cover(a);
    if (!(b >= this.coverStart && b < this.coverEnd)) this.cover(b);
    return (this.workingMsBefore(b) - this.workingMsBefore(a)) / MS_PER_MINUTE;
  }

  addWorkingMinutes(start: Instant, minutes: number): Instant {
    if (!Number.isFinite(minutes)) throw new CalendarError('minutes', said('at', { place: 'minutes', detail: said('calendar.notFiniteNumber', { value: minutes }) }));
    if (minutes === 0) return start;
    this.requireWorkingTime();
    const wanted = minutes * MS_PER_MINUTE;
    for (;;) {
      // Recomputed after each growth: a table that grows backwards moves the origin of the cumulative sums. The sums
      // are whole milliseconds, exact as differences; the wanted time is added to a difference, never to a sum (a
      // sum of a century of working time has no room left for a fraction of a millisecond).
      const first = this.intervalAtOrAfter(start);
      const opens = this.starts[first];
      const base = opens < start ? this.cumBefore[first] + (start - opens) : this.cumBefore[first]; // workingMsBefore(start)
      const n = this.starts.length - 1; // without the sentinel
      if (minutes > 0) {
        // First interval whose cumulative end reaches the target: landing on a closing time stays there. None before
        // `first` does (they end by `start`), and the answer is usually a few intervals on: galloped to, then bisected.
        let lo = first;
        let hi = lo;
        for (let step = 1; hi < n && this.cumBefore[hi] - base + (this.ends[hi] - this.starts[hi]) < wanted; step *= 2) {
          lo = hi + 1;
          hi = Math.min(n, lo + step);
        }
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (this.cumBefore[mid] - base + (this.ends[mid] - this.starts[mid]) >= wanted) hi = mid;
          else lo = mid + 1;
        }
        if (lo < n) return this.starts[lo] + (base - this.cumBefore[lo] + wanted);
        this.growToDay(this.endDay + (this.endDay - this.firstDay));
      } else {
        // Last interval starting at or before the target: landing on an opening time stays there. Every interval
        // after `first` starts with at least `base` before it, past the (negative) target.
        let lo = 0;
        let hi = Math.min(n, first + 1);
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (this.cumBefore[mid] - base > wanted) hi = mid;
          else lo = mid + 1;
        }
        if (lo > 0) return this.starts[lo - 1] + (base - this.cumBefore[lo - 1] + wanted);
        this.growToDay(this.firstDay - (this.endDay - this.firstDay));
      }
    }
  }

  isWorkingTime(t: Instant): boolean {
    const i = this.intervalAtOrAfter(t);
    return this.starts[i] <= t;
  }

  nextWorkingTime(t: Instant): Instant {
    this.requireWorkingTime();
    for (;;) {
      const i = this.intervalAtOrAfter(t);
      if (i < this.starts.length - 1) return Math.max(t, this.starts[i]);
      this.growToDay(this.endDay + (this.endDay - this.firstDay));
    }
  }

  localDay(t: Instant): DayNumber {
    this.cover(t);
    let i = Math.floor((t - this.dayStart[0]) / MS_PER_DAY);
    if (i >= this.endDay - this.firstDay) i = this.endDay - this.firstDay - 1;
    while (i > 0 && this.dayStart[i] > t) i--;
    while (this.dayStart[i + 1] <= t) i++;
    return this.firstDay + i;
  }

  isWorkingDay(day: DayNumber): boolean {
    this.coverDay(day);
    return !Number.isNaN(this.dayClose[day - this.firstDay]);
  }

  workingDaysAfter(from: DayNumber, to: DayNumber): number {
    this.coverDay(from);
    this.coverDay(to);
    return this.cumWorkingDays[to - this.firstDay] - this.cumWorkingDays[from - this.firstDay];
  }

  businessDaysDue(start: Instant, n: number): Instant {
    if (!Number.isInteger(n) || n < 1) throw new CalendarError('days', said('at', { place: 'days', detail: said('calendar.notWholeBusinessDays', { value: n }) }));
    this.requireWorkingTime();
    const day = this.localDay(start);
    for (;;) {
      const target = this.cumWorkingDays[day - this.firstDay] + n;
      const count = this.endDay - this.firstDay;
      if (this.cumWorkingDays[count - 1] >= target) {
        // At most one working day a day: none before the n-th day after `day` completes the count. The answer is
        // usually a few days on: galloped to, then bisected.
        let lo = day - this.firstDay + n;
        let hi = lo;
        for (let step = n; this.cumWorkingDays[hi] < target; step *= 2) {
          lo = hi + 1;
          hi = Math.min(count - 1, lo + step);
        }
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (this.cumWorkingDays[mid] >= target) hi = mid;
          else lo = mid + 1;
        }
        return this.dayClose[lo];
      }
      this.growToDay(this.endDay + Math.max(this.endDay - this.firstDay, Math.ceil(n * 1.6)));
    }
  }

  // ---- lookups ----------------------------------------------------------------------------------------------

  /** Working milliseconds between the table's origin and `t`: the hot path. */
  private workingMsBefore(t: Instant): number {
    const i = this.intervalAtOrAfter(t);
    const start = this.starts[i];
    return start < t ? this.cumBefore[i] + (t - start) : this.cumBefore[i];
  }

  /** Index of the first interval that ends after `t` (the sentinel when none does). */
  private intervalAtOrAfter(t: Instant): number {
    if (!(t >= this.coverStart && t < this.coverEnd)) this.cover(t);
    let i = this.firstIntervalOfUtcDay[Math.floor(t / MS_PER_DAY) - this.firstUtcDay];
    while (this.ends[i] <= t) i++;
    return i;
  }

  private requireWorkingTime(): void {
    if (!this.hasWorkingHours) throw new CalendarError('calendar', said('at', { place: 'calendar', detail: said('calendar.noWorkingHours') }));
  }

  // ---- building ---------------------------------------------------------------------------------------------

  private cover(t: Instant): void {
    if (!Number.isFinite(t)) throw new CalendarError('instant', said('at', { place: 'instant', detail: said('calendar.notDateTime', { value: t }) }));
    const day = Math.floor(t / MS_PER_DAY);
    // Checked again after each growth: growing may find the holiday source's years narrower than the calendar's.
    for (;;) {
      if (day < this.firstAllowedDay + 1 || day >= this.endAllowedDay - 1) {
        // Beyond ±8.64e15 ms (1e20, say) there is no date to show: the number is.
        const shown = Math.abs(t) <= 8.64e15 ? isoOfDayNumber(day) : String(t);
        throw this.outsideYears('instant', (coverage) => said('calendar.dateOutsideYears', { date: shown, coverage }));
      }
      if (t >= this.coverStart && t < this.coverEnd) return;
      // A local day starts at most 14 h before or 12 h after its UTC day, so one more day either side covers `t`. The
      // first tables centre on `t`'s own day: a day before it, for an instant early on 1 January, made them start a
      // year early and end before the year after, so the next question rebuilt twice their span on a first call.
      this.growToDay(this.endDay <= this.firstDay ? day : t < this.coverStart ? day - 1 : day + 1);
    }
  }

  private coverDay(day: DayNumber): void {
    while (!(day >= this.firstDay && day < this.endDay)) {
      if (day < this.firstAllowedDay || day >= this.endAllowedDay) throw this.outsideYears('day', (coverage) => said('calendar.dateOutsideYears', { date: isoOfDayNumber(day), coverage }));
      this.growToDay(day);
    }
  }

  /** Rebuilds the tables over a range that includes `day` (clamped to the years covered), at least doubling it. */
  private growToDay(day: DayNumber): void {
    if (this.endDay <= this.firstDay) {
      const year = yearOfDayNumber(day);
      this.build(Math.max(this.firstAllowedDay, Date.UTC(year - 1, 0, 1) / MS_PER_DAY), Math.min(this.endAllowedDay, Date.UTC(year + 2, 0, 1) / MS_PER_DAY));
      return;
    }
    const span = this.endDay - this.firstDay;
    const first = Math.max(this.firstAllowedDay, day < this.firstDay ? Math.min(day - 31, this.firstDay - span) : this.firstDay);
    const end = Math.min(this.endAllowedDay, day >= this.endDay ? Math.max(day + 32, this.endDay + span) : this.endDay);
    if (first === this.firstDay && end === this.endDay) {
      throw this.outsideYears('minutes', (coverage) => said('calendar.resultOutsideYears', { coverage }));
    }
    this.build(first, end);
  }

  /** `subject` (a date, or "the result") lies outside the years the tables may span: named as calendars' range or the holiday source's. */
  private outsideYears(field: string, subject: (coverage: CoreMessage) => CoreMessage): CalendarYearsError {
    if (!this.holidayYears) return new CalendarYearsError(field, subject, said('calendar.yearsCovered', { first: FIRST_YEAR, last: LAST_YEAR }));
    const { first, last } = this.holidayYears;
    return new CalendarYearsError('holidays', subject, said('calendar.holidayYearsCovered', { first, last, holidays: this.countries.join(',') }));
  }

  /** Country holidays and worked days over a range; a year the source does not know narrows the allowed days once. */
  private countryDaysOrNarrow(firstDay: DayNumber, endDay: DayNumber): ReturnType<CompiledCalendar['countryDaysBetween']> | undefined {
    try {
      return this.countryDaysBetween(firstDay, endDay);
    } catch (error) {
      if (!(error instanceof HolidayYearsError) || this.holidayYears) throw error;
      this.holidayYears = { first: Math.max(FIRST_YEAR, error.first), last: Math.min(LAST_YEAR, error.last) };
      this.firstAllowedDay = Date.UTC(this.holidayYears.first, 0, 1) / MS_PER_DAY;
      this.endAllowedDay = Date.UTC(this.holidayYears.last + 1, 0, 1) / MS_PER_DAY;
      return undefined;
    }
  }

  private build(firstDay: DayNumber, endDay: DayNumber): void {
    const countryDays = this.countryDaysOrNarrow(firstDay - 1, endDay);
    if (!countryDays) {
      // The holiday source's years are narrower: build what of the range they cover (the callers check the rest).
      const first = Math.max(firstDay, this.firstAllowedDay);
      const end = Math.min(endDay, this.endAllowedDay);
      if (first < end) this.build(first, end);
      return;
    }
    const { holidays, workedDays } = countryDays;
    const count = endDay - firstDay;
    const midnights = this.localMidnights(firstDay, count);

    const dayClose = new Float64Array(count);
    const cumWorkingDays = new Int32Array(count);
    const starts: number[] = [];
    const ends: number[] = [];
    let workingDays = 0;
    for (let i = -1; i < count; i++) {
      const day = firstDay + i;
      const ranges = this.rangesOf(day, holidays, workedDays);
      const midnight = midnights[i + 1];
      // A day of 24 h followed by another (nearly all): its windows are its midnight plus minutes, no zone asked.
      const regular = midnights[i + 2] - midnight === MS_PER_DAY && midnights[i + 3] - midnights[i + 2] === MS_PER_DAY;
      let close = NaN;
      // Indexed, without a closure a day: a first call runs this loop unoptimised, once per day of its tables.
      for (let r = 0; r < ranges.length; r++) {
        const from = regular ? midnight + ranges[r][0] * MS_PER_MINUTE : this.instantOfDayMinute(day, ranges[r][0]);
        const to = regular ? midnight + ranges[r][1] * MS_PER_MINUTE : this.instantOfDayMinute(day, ranges[r][1]);
        if (to <= from) continue; // a window swallowed by a DST gap
        close = to;
        const last = starts.length - 1;
        if (last >= 0 && from <= ends[last]) ends[last] = Math.max(ends[last], to);
        else {
          starts.push(from);
          ends.push(to);
        }
      }
      if (i < 0) continue;
      dayClose[i] = close;
      if (!Number.isNaN(close)) workingDays++;
      cumWorkingDays[i] = workingDays;
    }
    // Sentinel: never ends, so scans stop at it and it carries the total.
    starts.push(Infinity);
    ends.push(Infinity);

    const cumBefore = new Float64Array(starts.length);
    for (let i = 1; i < starts.length; i++) cumBefore[i] = cumBefore[i - 1] + (ends[i - 1] - starts[i - 1]);

    const coverStart = midnights[1];
    const coverEnd = midnights[count + 1];
    const firstUtcDay = Math.floor(coverStart / MS_PER_DAY);
    const utcDays = Math.floor((coverEnd - 1) / MS_PER_DAY) - firstUtcDay + 1;
    const index = new Int32Array(utcDays);
    for (let u = 0, i = 0; u < utcDays; u++) {
      const from = (firstUtcDay + u) * MS_PER_DAY;
      while (ends[i] <= from) i++;
      index[u] = i;
    }

    this.firstDay = firstDay;
    this.endDay = endDay;
    this.coverStart = coverStart;
    this.coverEnd = coverEnd;
    this.dayStart = midnights.slice(1, count + 2);
    this.dayClose = dayClose;
    this.cumWorkingDays = cumWorkingDays;
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
    this.cumBefore = cumBefore;
    this.firstUtcDay = firstUtcDay;
    this.firstIntervalOfUtcDay = index;
  }

  /**
   * Local midnights of the days firstDay-1 … firstDay+count+1 (windows of the day before can run past midnight). The
   * zone is asked its offset once per UTC midnight around them, and a local midnight reads the two either side of it:
   * instantOfWallTime's own shortcut when they agree, instantOfWallTime itself near an offset change.
   */
  private localMidnights(firstDay: DayNumber, count: number): Float64Array {
    const offsets = zoneOffsetsAtMidnights(firstDay - 2, count + 5, this.timeZone);
    const midnights = new Float64Array(count + 3);
    for (let i = 0; i < count + 3; i++) {
      const wall = (firstDay - 1 + i) * MS_PER_DAY;
      midnights[i] = offsets[i] === offsets[i + 2] ? wall - offsets[i] : instantOfWallTime(wall, this.timeZone);
    }
    return midnights;
  }

  /**
   * The working minutes of one local day after make-up days, holidays and closures. The calendar's own make-up days
   * come first, then its holidays (a country's worked Saturday that the calendar lists as a holiday stays closed),
   * then the days the countries make offices work.
   */
  private rangesOf(day: DayNumber, holidays: Set<DayNumber>, workedDays: Map<DayNumber, MinuteRange[]>): readonly MinuteRange[] {
    let ranges = this.makeUp.get(day) ?? (holidays.has(day) ? NO_HOURS : (workedDays.get(day) ?? this.weekly[weekdayOfDayNumber(day)]));
    const cuts = this.closures.get(day);
    if (cuts) for (const cut of cuts) ranges = subtractRanges(ranges, cut);
    return ranges;
  }

  /** The instant of a minute after a local day's wall-clock midnight (past 1440 for a window that runs overnight). */
  private instantOfDayMinute(day: DayNumber, minute: number): Instant {
    return instantOfWallTime(day * MS_PER_DAY + minute * MS_PER_MINUTE, this.timeZone);
  }

  /** Holidays (the calendar's and its countries') and the countries' worked days, with their hours, over the years of a range. */
  private countryDaysBetween(firstDay: DayNumber, endDay: DayNumber): { holidays: Set<DayNumber>; workedDays: Map<DayNumber, MinuteRange[]> } {
    const workedDays = new Map<DayNumber, MinuteRange[]>();
    if (this.countries.length === 0) return { holidays: this.fixedHolidays, workedDays };
    const holidays = new Set(this.fixedHolidays);
    // The day before the first and the end day are read for overnight windows: never past the years allowed.
    const lastYear = Math.min(yearOfDayNumber(endDay), yearOfDayNumber(this.endAllowedDay - 1));
    for (let year = Math.max(yearOfDayNumber(firstDay), yearOfDayNumber(this.firstAllowedDay)); year <= lastYear; year++) {
      for (const country of this.countries) {
        for (const iso of this.holidaySource(country, year)) holidays.add(dayNumberOfIso(iso));
        for (const worked of this.workedDaySource(country, year)) workedDays.set(dayNumberOfIso(worked.date), this.weekly[WEEKDAYS.indexOf(worked.like)]);
      }
    }
    return { holidays, workedDays };
  }
}
