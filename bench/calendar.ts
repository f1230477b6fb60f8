import { compileCalendar } from '../core/calendar/compile';
import type { WorkCalendar } from '../core/calendar/types';
import { MS_PER_DAY, MS_PER_MINUTE } from '../core/calendar';

/**
 * The one calendar all three engines run: Mo-Fr 08:00-12:00, 13:00-17:00, UTC, 15 weekday holidays a year in
 * 2024-2026. The dates follow Vietnam's public holidays (New Year, five days of Tết, Hùng Kings, 30/4 + 1/5 with the
 * official bridge days, National Day 2/9 + its extra day) topped up with 24, 25 and 31 December to make 15 a year.
 * They are written out by hand so the three engines get the very same list (no library's holiday rules involved).
 */
export const WINDOWS = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
] as const;

export const HOLIDAYS: readonly string[] = [
  // 2024: Tết Giáp Thìn 8-14 Feb (weekdays), Hùng Kings 18 Apr, bridge 29 Apr, 30/4, 1/5, 2-3 Sep.
  '2024-01-01', '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14', '2024-04-18', '2024-04-29',
  '2024-04-30', '2024-05-01', '2024-09-02', '2024-09-03', '2024-12-24', '2024-12-25', '2024-12-31',
  // 2025: Tết Ất Tỵ 27-31 Jan, Hùng Kings 7 Apr, 30/4, 1/5, bridge 2 May, 1-2 Sep.
  '2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-04-07', '2025-04-30',
  '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02', '2025-12-24', '2025-12-25', '2025-12-31',
  // 2026: New Year 1-2 Jan, Tết Bính Ngọ 16-20 Feb, Hùng Kings (observed) 27 Apr, 30/4, 1/5, 1-2 Sep.
  '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27',
  '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02', '2026-12-24', '2026-12-25', '2026-12-31',
];

/** Checks the list: 15 distinct weekdays in each of 2024, 2025, 2026 (a weekend "holiday" would change nothing). */
export function checkHolidays(): void {
  const seen = new Set<string>();
  for (const iso of HOLIDAYS) {
    const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) throw new Error(`bench: holiday ${iso} falls on a weekend`);
    if (seen.has(iso)) throw new Error(`bench: holiday ${iso} listed twice`);
    seen.add(iso);
  }
  for (const year of ['2024', '2025', '2026']) {
    const n = HOLIDAYS.filter((h) => h.startsWith(year)).length;
    if (n !== 15) throw new Error(`bench: ${year} has ${n} holidays, expected 15`);
  }
}

/** The bench calendar in `timeZone` (the process zone, which the peers read). */
export function ourCalendar(timeZone = 'UTC'): WorkCalendar {
  const windows = WINDOWS.map((w) => ({ ...w }));
  return compileCalendar({
    name: 'bench',
    timeZone,
    weekly: { Mo: windows, Tu: windows, We: windows, Th: windows, Fr: windows },
    holidays: HOLIDAYS.map((date) => ({ date })),
  });
}

// ---- a deliberately naive reference: one minute at a time, used only to arbitrate disagreements ------------------

const holidayDays = new Set(HOLIDAYS.map((iso) => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY));

/** Whether the minute [t, t + 1 min) is working time (t on a whole minute, UTC). Plain arithmetic, no tables. */
export function isWorkingMinute(t: number): boolean {
  const day = Math.floor(t / MS_PER_DAY);
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday as in getUTCDay
  if (weekday === 0 || weekday === 6 || holidayDays.has(day)) return false;
  const m = (t - day * MS_PER_DAY) / MS_PER_MINUTE;
  return (m >= 480 && m < 720) || (m >= 780 && m < 1020);
}

/** Working minutes in [a, b) by stepping minute by minute (a ≤ b, both on whole minutes). */
export function naiveMinutesBetween(a: number, b: number): number {
  let n = 0;
  for (let t = a; t < b; t += MS_PER_MINUTE) if (isWorkingMinute(t)) n++;
  return n;
}

/** The earliest instant with exactly `n` working minutes after `start`: the end of the n-th working minute. */
export function naiveAddMinutes(start: number, n: number): number {
  let t = start;
  for (let left = n; left > 0; t += MS_PER_MINUTE) if (isWorkingMinute(t)) left--;
  return t;
}

/** Whether any local day from the day of `a` to the day of `b` (inclusive) is one of the holidays. */
export function touchesHoliday(a: number, b: number): boolean {
  for (let day = Math.floor(a / MS_PER_DAY); day <= Math.floor(b / MS_PER_DAY); day++) if (holidayDays.has(day)) return true;
  return false;
}
