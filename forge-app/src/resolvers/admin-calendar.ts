import { CalendarError, compileCalendar, holidayList, type Instant, parseCalendarText, publicWorkedDays, type WorkCalendar } from '../../../core';
import { quotingCoreError } from './core-refusal';

/** The calendar editor's preview: the next working windows and the year's closed days, from the core's own calendar. */
interface CalendarPreview {
  timeZone: string;
  /** The next working windows from `from`, as instants; `open` marks a window still running at the look-ahead's end. */
  windows: Array<{ start: Instant; end: Instant; open: boolean }>;
  /** Public holidays of the calendar's countries in `year` (one entry per closed day), then the calendar's own dates. */
  holidays: Array<{ date: string; name: string; country: string | null }>;
  /** Days worked in exchange for a bridge holiday: the countries' announced ones (Vietnam's swapped Saturdays), then the calendar's own. */
  makeUpDays: Array<{ date: string; country: string | null }>;
  year: number;
}

export type CalendarPreviewAnswer = { ok: true; preview: CalendarPreview } | { ok: false; field: string; message: string };

const MINUTE = 60_000;
/** A window running this long is shown as open-ended (a 24/7 calendar has one window that never closes). */
const LOOK_AHEAD_MINUTES = 8 * 24 * 60;
const PREVIEW_WINDOWS = 10;

/** Whether every minute of [start, start + minutes) is working time. */
const allWorking = (calendar: WorkCalendar, start: Instant, minutes: number) =>
  Math.abs(calendar.workingMinutesBetween(start, start + minutes * MINUTE) - minutes) < 1e-6;

/**
 * The working window that opens at `start`: its end is found by bisection on whole minutes (window edges are wall-clock
 * minutes, and zone offsets are whole minutes), using only the compiled calendar's own queries.
 */
function windowFrom(calendar: WorkCalendar, start: Instant): { start: Instant; end: Instant; open: boolean } {
  if (allWorking(calendar, start, LOOK_AHEAD_MINUTES)) return { start, end: start + LOOK_AHEAD_MINUTES * MINUTE, open: true };
  let working = 0;
  let notWorking = LOOK_AHEAD_MINUTES;
  while (notWorking - working > 1) {
    const middle = Math.floor((working + notWorking) / 2);
    if (allWorking(calendar, start, middle)) working = middle;
    else notWorking = middle;
  }
  return { start, end: start + working * MINUTE, open: false };
}

/** The next `count` working windows at or after `from` (one that is running at `from` starts at `from`). */
function nextWorkingWindows(calendar: WorkCalendar, from: Instant, count: number): CalendarPreview['windows'] {
  const windows: CalendarPreview['windows'] = [];
  if (!calendar.hasWorkingHours) return windows;
  let at = from;
  while (windows.length < count) {
    const window = windowFrom(calendar, calendar.nextWorkingTime(at));
    windows.push(window);
    if (window.open) break;
    at = window.end;
  }
  return windows;
}

/** `VN` or `DE-BY` as the core's holidayList arguments. */
function holidaysOf(country: string, year: number) {
  const [code, region] = country.split('-');
  return holidayList(code, year, region);
}

/**
 * Parses the calendar text as the configuration stores it and compiles it, then lists what the editor previews. A text
 * the core refuses answers its message and field (`calendar`, `holidays` …) instead of throwing.
 */
export function previewCalendar(payload: unknown, now: Instant): CalendarPreviewAnswer {
  const { text, year: askedYear } = (payload ?? {}) as { text?: unknown; year?: unknown };
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, field: 'text', message: 'text: expected the calendar text, e.g. Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh' };
  try {
    const spec = parseCalendarText(text, 'UTC');
    const calendar = compileCalendar(spec);
    const year = askedYear === undefined ? Number(new Intl.DateTimeFormat('en-CA', { timeZone: spec.timeZone, year: 'numeric' }).format(now)) : askedYear;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2300) {
      return { ok: false, field: 'year', message: `year: expected a whole year from 1900 to 2300, got ${JSON.stringify(askedYear)}` };
    }
    const inYear = (date: string) => date.startsWith(`${year}-`);
    const holidays = [
      ...spec.holidayCountries.flatMap((country) => holidaysOf(country, year).map((h) => ({ date: h.date, name: h.name, country }))),
      ...spec.holidays.filter((h) => inYear(h.date)).map((h) => ({ date: h.date, name: h.name ?? '', country: null })),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return {
      ok: true,
      preview: {
        timeZone: spec.timeZone,
        windows: nextWorkingWindows(calendar, now, PREVIEW_WINDOWS),
        holidays,
        makeUpDays: [
          ...spec.holidayCountries.flatMap((country) => publicWorkedDays(country, year).map((d) => ({ date: d.date, country }))),
          ...spec.makeUpDays.filter((m) => inYear(m.date)).map((m) => ({ date: m.date, country: null })),
        ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
        year,
      },
    };
  } catch (error) {
    if (error instanceof CalendarError) return quotingCoreError({ ok: false as const, field: error.field, message: error.message }, error);
    throw error;
  }
}
