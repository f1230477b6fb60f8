import { said } from '../i18n/error-catalogue';
import { isoOfDayNumber, weekdayOfDayNumber } from './days';
import { CalendarError } from './errors';
import type { DayNumber, WorkCalendar } from './types';

/**
 * NETWORKDAYS.INTL and WORKDAY.INTL on day numbers, with the spreadsheets' rules and errors. Whole weeks are counted
 * by arithmetic and holidays by binary search in a sorted list, so a call costs the same for 3 days or 300 years.
 */

/** Argument of a weekend: a mask `"0000011"` (Monday first, 1 = day off) or a code 1-7, 11-17; blank = 1. */
export type Weekend = string | number;

interface WeekendTable {
  /** Monday first, true = day off. */
  readonly mask: readonly boolean[];
  readonly perWeek: number;
  /** cum[i]: working days among the weekdays 0..i-1, over two weeks so that a span may start on any weekday. */
  readonly cum: readonly number[];
  /** next[wd][r]: days from a day of weekday wd to the (r+1)-th working day after it; prev[wd][r] the same backwards. */
  readonly next: readonly (readonly number[])[];
  readonly prev: readonly (readonly number[])[];
}

/** 0001-01-01 and 9999-12-31 as day numbers: the dates every spreadsheet holds; WORKDAY gives #NUM! past them. */
const FIRST_DAY = -719162;
const LAST_DAY = 2932896;

const WEEKDAY_INDEXES = [0, 1, 2, 3, 4, 5, 6];

function maskOf(weekend: unknown): boolean[] {
  if (typeof weekend === 'string' && /^[01]{7}$/.test(weekend)) return [...weekend].map((c) => c === '1');
  if (typeof weekend === 'number' && Number.isInteger(weekend)) {
    // Code c starts the two-day weekend on weekday (c + 4) % 7: 1 on Saturday, 2 on Sunday…; +10 keeps % non-negative.
    // Codes 11-17 are one day, 11 = Sunday.
    if (weekend >= 1 && weekend <= 7) return WEEKDAY_INDEXES.map((d) => (d - weekend + 10) % 7 < 2);
    if (weekend >= 11 && weekend <= 17) return WEEKDAY_INDEXES.map((d) => d === (weekend - 5) % 7);
  }
  const got = typeof weekend === 'string' ? JSON.stringify(weekend) : String(weekend);
  throw new CalendarError('weekend', said('at', { place: 'weekend', detail: said('calendar.notWeekend', { value: got }) }));
}

function buildTable(mask: boolean[]): WeekendTable {
  const cum = [0];
  for (let i = 0; i < 14; i++) cum.push(cum[i] + (mask[i % 7] ? 0 : 1));
  const offsets = (wd: number, dir: 1 | -1) =>
    [1, 2, 3, 4, 5, 6, 7].filter((k) => !mask[(((wd + dir * k) % 7) + 7) % 7]);
  return {
    mask: Object.freeze(mask),
    perWeek: cum[7],
    cum,
    next: WEEKDAY_INDEXES.map((wd) => offsets(wd, 1)),
    prev: WEEKDAY_INDEXES.map((wd) => offsets(wd, -1)),
  };
}

/** Keyed by the argument as given; only valid arguments get in, so at most 128 masks and 14 codes. */
const tables = new Map<unknown, WeekendTable>();

function weekendTable(weekend: unknown): WeekendTable {
  const key = weekend === undefined || weekend === '' ? 1 : weekend;
  let table = tables.get(key);
  if (!table) {
    table = buildTable(maskOf(key));
    tables.set(key, table);
  }
  return table;
}

/**
 * The weekend as 7 flags, Monday first, true = day off. Throws a CalendarError for anything the spreadsheets reject.
 * @internal
 */
export const parseWeekend = (weekend?: Weekend): readonly boolean[] => weekendTable(weekend).mask;

function dayArg(field: string, value: number): DayNumber {
  if (!Number.isFinite(value)) throw new CalendarError(field, said('at', { place: field, detail: said('calendar.notDate') }));
  return Math.floor(value);
}

/** Working weekdays in [a, b], a ≤ b, ignoring holidays. */
function countWeekdays(t: WeekendTable, a: DayNumber, b: DayNumber): number {
  const days = b - a + 1;
  const weeks = Math.floor(days / 7);
  const wd = weekdayOfDayNumber(a);
  return weeks * t.perWeek + t.cum[wd + days - weeks * 7] - t.cum[wd];
}

/** The n-th working weekday after (dir 1) or before (dir -1) `from`, ignoring holidays; n ≥ 1. */
function stepWeekdays(t: WeekendTable, from: DayNumber, n: number, dir: 1 | -1): DayNumber {
  const weeks = Math.floor((n - 1) / t.perWeek);
  const offsets = (dir === 1 ? t.next : t.prev)[weekdayOfDayNumber(from)];
  return from + dir * (weeks * 7 + offsets[n - 1 - weeks * t.perWeek]);
}

/**
 * Appends the floored holidays of `list` (nested for 2-D ranges) that fall on working weekdays; blanks, text and
 * weekend days are dropped. Returns whether they came in date order. A plain function with an indexed loop: a
 * closure or for-of here costs over ten times more per call.
 */
function collectHolidays(t: WeekendTable, list: readonly unknown[], days: number[]): boolean {
  let sorted = true;
  for (let i = 0; i < list.length; i++) {
    const h = list[i];
    if (typeof h === 'number') {
      // A holiday outside the dates a spreadsheet holds can change no count or step inside them; kept, it would
      // stretch the per-day tables over its whole span (1e300 would exhaust memory).
      if (!(h >= FIRST_DAY && h < LAST_DAY + 1)) continue;
      const day = Math.floor(h);
      if (t.mask[weekdayOfDayNumber(day)]) continue;
      if (days.length > 0 && day < days[days.length - 1]) sorted = false;
      days.push(day);
    } else if (Array.isArray(h)) sorted = collectHolidays(t, h, days) && sorted;
  }
  return sorted;
}

const NO_DAYS: readonly number[] = [];

/** Working-day holidays, sorted and unique. Lists usually come in date order; then the sort, most of the cost, is skipped. */
function workingHolidays(t: WeekendTable, holidays: readonly unknown[] | undefined): readonly number[] {
  if (!holidays?.length) return NO_DAYS;
  const days: number[] = [];
  if (!collectHolidays(t, holidays, days)) days.sort((x, y) => x - y);
  let unique = 0;
  for (let i = 0; i < days.length; i++) if (unique === 0 || days[i] !== days[unique - 1]) days[unique++] = days[i];
  days.length = unique;
  return days;
}

/** First index whose value is ≥ x. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A WORKDAY result inside the dates spreadsheets hold, or the range error they give (#NUM!). */
function dayInRange(day: DayNumber, n: number, from: DayNumber): DayNumber {
  if (day >= FIRST_DAY && day <= LAST_DAY) return day;
  const start = from >= FIRST_DAY && from <= LAST_DAY ? isoOfDayNumber(from) : `day ${from}`;
  throw new CalendarError('days', said('at', { place: 'days', detail: said('calendar.workdaysOutsideSheet', { days: n, start, side: day > LAST_DAY ? 'after' : 'before' }) }));
}

/**
 * A weekend and a holiday list prepared once (the weekend checked, the holidays floored, sorted and deduplicated) for
 * any number of day counts: a column of 100,000 rows pays for its holiday range once, not once per row.
 */
export interface PreparedWorkdays {
  /**
   * NETWORKDAYS.INTL: working days from `start` to `end`, both counted; minus the forward count when `end` is before
   * `start`.
   */
  count(start: number, end: number): number;
  /**
   * WORKDAY.INTL: the working day `days` working days after `start` (before it when negative); the start day never
   * counts and 0 days returns the start day even when it is not a working day. `days` is cut toward zero. A result
   * outside 0001-01-01..9999-12-31 is a CalendarError on `days`, as the spreadsheets give #NUM!.
   */
  add(start: number, days: number): DayNumber;
}

/**
 * Prepares a weekend (mask or code; blank = 1) and holidays (any list, nested ranges too; only numbers count,
 * floored; blanks and text are ignored as the spreadsheets ignore them). Throws a CalendarError for a bad weekend.
 */
export const prepareWorkdays = (weekend?: Weekend, holidays?: readonly unknown[]): PreparedWorkdays => prepare(weekend, holidays, true);

/** `tabulate`: build per-day tables over the holidays' span, which pay off over a column but not for one call. */
function prepare(weekend: Weekend | undefined, holidays: readonly unknown[] | undefined, tabulate: boolean): PreparedWorkdays {
  const t = weekendTable(weekend);
  const hs = workingHolidays(t, holidays);
  const tables = tabulate ? dayTables(t, hs) : null;
  /** How many holidays fall on or before a day. */
  const upTo = tables
    ? (day: DayNumber) => (day < tables.first ? 0 : day >= tables.last ? hs.length : tables.holidaysUpTo[day - tables.first])
    : (day: DayNumber) => lowerBound(hs, day + 1);
  return {
    count(start, end) {
      const a = dayArg('start_date', start);
      const b = dayArg('end_date', end);
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      const n = countWeekdays(t, lo, hi) - (upTo(hi) - upTo(lo - 1));
      return a <= b ? n : 0 - n; // 0 - n rather than -n: never -0
    },
    add(start, days) {
      const from = dayArg('start_date', start);
      if (!Number.isFinite(days)) throw new CalendarError('days', said('at', { place: 'days', detail: said('calendar.notNumber') }));
      if (t.perWeek === 0) {
        throw new CalendarError('weekend', said('at', { place: 'weekend', detail: said('calendar.allWeekend') }));
      }
      const n = Math.trunc(days);
      if (n === 0) return from;
      return dayInRange(tables ? stepOnTables(t, tables, from, n) : bisectOverHolidays(t, hs, from, n), n, from);
    },
  };
}

/** Tables cover at most this many days (about 270 years, 1.2 MiB); wider holiday lists are searched instead. */
const MAX_TABLE_DAYS = 100_000;

/**
 * Per-day tables over the span of the holidays, first to last: how many holidays and how many open days (working
 * weekdays that are not holidays) fall on or before each day, and the open days in order. Outside the span no day is
 * a holiday, so weekday arithmetic answers there.
 */
interface DayTables {
  readonly first: DayNumber;
  readonly last: DayNumber;
  readonly holidaysUpTo: Int32Array;
  readonly openUpTo: Int32Array;
  readonly open: Int32Array;
}

function dayTables(t: WeekendTable, hs: readonly number[]): DayTables | null {
  if (hs.length === 0 || hs[hs.length - 1] - hs[0] >= MAX_TABLE_DAYS) return null;
  const first = hs[0];
  const last = hs[hs.length - 1];
  const holidaysUpTo = new Int32Array(last - first + 1);
  const openUpTo = new Int32Array(last - first + 1);
  const open: number[] = [];
  for (let i = 0, d = first; d <= last; d++) {
    const holiday = hs[i] === d;
    if (holiday) i++;
    else if (!t.mask[weekdayOfDayNumber(d)]) open.push(d);
    holidaysUpTo[d - first] = i;
    openUpTo[d - first] = open.length;
  }
  return { first, last, holidaysUpTo, openUpTo, open: Int32Array.from(open) };
}

/**
 * WORKDAY's |n|-th open day from `from` (n ≠ 0; forwards when n > 0) by table look-up: the open days between `from`
 * and the span are plain working weekdays, inside the span the k-th open day is read off the list, and past it
 * weekday stepping goes on from the span's end. No search, whatever the holidays.
 */
function stepOnTables(t: WeekendTable, { first, last, openUpTo, open }: DayTables, from: DayNumber, n: number): DayNumber {
  if (n > 0) {
    if (from >= last) return stepWeekdays(t, from, n, 1);
    const gap = from < first ? countWeekdays(t, from + 1, first - 1) : 0; // open days in (from, first)
    if (n <= gap) return stepWeekdays(t, from, n, 1);
    const k = from < first ? n - gap : openUpTo[from - first] + n; // the k-th open day of the span (1-based)
    return k <= open.length ? open[k - 1] : stepWeekdays(t, last, k - open.length, 1);
  }
  const m = -n;
  if (from <= first) return stepWeekdays(t, from, m, -1);
  const gap = from > last ? countWeekdays(t, last + 1, from - 1) : 0; // open days in (last, from)
  if (m <= gap) return stepWeekdays(t, from, m, -1);
  const before = from > last ? open.length : openUpTo[from - 1 - first]; // open days of the span before `from`
  const k = from > last ? m - gap : m; // the k-th open day back from `before`
  return k <= before ? open[before - k] : stepWeekdays(t, first, k - before, -1);
}

/**
 * WORKDAY's |n|-th open day from `from` by binary search over the holidays in the direction of travel (for one call,
 * or holidays spread over centuries): the answer is the (|n| + k)-th working weekday, where k counts the holidays
 * passed, and the j-th holiday is passed iff fewer than |n| open days lie between `from` and it, a count that never
 * decreases with j.
 */
function bisectOverHolidays(t: WeekendTable, hs: readonly number[], from: DayNumber, n: number): DayNumber {
  if (n > 0) {
    const first = lowerBound(hs, from + 1);
    let lo = first;
    let hi = hs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (countWeekdays(t, from + 1, hs[mid]) - (mid - first + 1) < n) lo = mid + 1;
      else hi = mid;
    }
    return stepWeekdays(t, from, n + lo - first, 1);
  }
  const last = lowerBound(hs, from) - 1;
  let lo = 0;
  let hi = last + 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (countWeekdays(t, hs[mid], from - 1) - (last - mid + 1) < -n) hi = mid;
    else lo = mid + 1;
  }
  return stepWeekdays(t, from, -n + last + 1 - lo, -1);
}

/**
 * NETWORKDAYS.INTL for one pair of dates (see PreparedWorkdays.count); prepare once for many.
 * @public
 */
export const workingDaysBetween = (start: number, end: number, weekend?: Weekend, holidays?: readonly unknown[]): number =>
  prepare(weekend, holidays, false).count(start, end);

/**
 * WORKDAY.INTL for one date (see PreparedWorkdays.add); prepare once for many.
 * @public
 */
export const addWorkingDays = (start: number, days: number, weekend?: Weekend, holidays?: readonly unknown[]): DayNumber =>
  prepare(weekend, holidays, false).add(start, days);

/** How far past the start a calendar's working days are looked for before it counts as having too few of them. */
const CALENDAR_SEARCH_DAYS = 3660;

/**
 * NETWORKDAYS and WORKDAY semantics on a compiled calendar's own working days: a day with any working window counts
 * (its weekly hours, less its holidays, plus its make-up and worked days), for calendars given where the weekend goes.
 * Same contract as `prepareWorkdays`; a calendar with no working day within ten years of where a count needs one is
 * a CalendarError on `days` instead of a search without end.
 */
export function calendarWorkdays(calendar: WorkCalendar): PreparedWorkdays {
  return {
    count(start, end) {
      const a = dayArg('start_date', start);
      const b = dayArg('end_date', end);
      return a <= b ? calendar.workingDaysAfter(a - 1, b) : 0 - calendar.workingDaysAfter(b - 1, a);
    },
    add(start, days) {
      const from = dayArg('start_date', start);
      if (!Number.isFinite(days)) throw new CalendarError('days', said('at', { place: 'days', detail: said('calendar.notNumber') }));
      const n = Math.trunc(days);
      if (n === 0) return from;
      const wanted = Math.abs(n);
      // Working days strictly between `from` and `day`, on the side `n` points to.
      const reached = n > 0 ? (day: DayNumber) => calendar.workingDaysAfter(from, day) : (day: DayNumber) => calendar.workingDaysAfter(day - 1, from - 1);
      const step = n > 0 ? 1 : -1;
      // Gallop to a span holding `wanted` working days, then bisect for the first day that completes the count.
      let near = 0;
      let far = Math.max(wanted, 7);
      const limit = wanted * 7 + CALENDAR_SEARCH_DAYS;
      const edge = n > 0 ? LAST_DAY : FIRST_DAY;
      for (;;) {
        if (step * (from + step * far - edge) > 0) far = step * (edge - from);
        if (reached(from + step * far) >= wanted) break;
        if (from + step * far === edge) dayInRange(edge + step, n, from); // throws: past the dates a spreadsheet holds
        if (far >= limit) {
          throw new CalendarError('days', said('at', { place: 'days', detail: said('calendar.tooFewWorkdays', { wanted, span: far, side: n > 0 ? 'after' : 'before', date: isoOfDayNumber(from) }) }));
        }
        near = far;
        far = Math.min(far * 2, limit);
      }
      while (far - near > 1) {
        const mid = (near + far) >>> 1;
        if (reached(from + step * mid) >= wanted) far = mid;
        else near = mid;
      }
      return from + step * far;
    },
  };
}
