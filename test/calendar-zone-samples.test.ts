/**
 * A calendar's tables ask the zone its offset once every few days and day by day only where two samples differ
 * (core/calendar/compile.ts). The zones that leave an offset and come back to it soonest must still open at their
 * local hour every day; the expected wall time comes from Intl's own calendar fields.
 */
import { describe, expect, it } from 'vitest';
import { compileCalendar, parseCalendarText } from '../core/calendar';

const DAY_MS = 86_400_000;

/** The wall time of an instant in a zone as Intl writes it: `YYYY-MM-DD HH:MM`. */
function wallTime(timeZone: string, instant: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Each day from `fromIso` for `days`: when the calendar opens after 05:00 UTC (night in both zones), in wall time. */
function openings(timeZone: string, fromIso: string, days: number) {
  const calendar = compileCalendar(parseCalendarText(`Mo-Su 09:00-10:00 | tz=${timeZone}`, timeZone));
  return Array.from({ length: days }, (_, i) => {
    const day = Date.parse(`${fromIso}T00:00:00Z`) + i * DAY_MS;
    return { expected: `${new Date(day).toISOString().slice(0, 10)} 09:00`, opens: wallTime(timeZone, calendar.nextWorkingTime(day + 5 * 3_600_000)) };
  });
}

describe('calendar tables where a zone changes offset twice within weeks', () => {
  it('America/Boa_Vista kept summer time for one week (8-15 Oct 2000), the shortest in the zone data: 09:00 every day', () => {
    for (const { expected, opens } of openings('America/Boa_Vista', '2000-09-25', 35)) expect(opens).toBe(expected);
  });

  it('Africa/Casablanca leaves +01 for Ramadan and comes back (2025): 09:00 every day', () => {
    for (const { expected, opens } of openings('Africa/Casablanca', '2025-02-15', 60)) expect(opens).toBe(expected);
  });
});
