import { describe, expect, it } from 'vitest';
import { CalendarError, compileCalendar, compileCalendarSet, isValidTimeZone } from '../core/calendar';
import { calendarErrorOf, fieldAndMessageOf } from './helpers/calendar-errors';

const minutes = (calendar: { workingMinutesBetween(a: number, b: number): number }, from: string, to: string) =>
  calendar.workingMinutesBetween(Date.parse(from), Date.parse(to));

describe('compileCalendarSet: the named calendars of a configuration', () => {
  it('compiles text forms (read in UTC unless they say tz=) and spec objects, by name', () => {
    const set = compileCalendarSet({
      office: 'Mo-Fr 09:00-17:00',
      hanoi: 'Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh',
      night: { timeZone: 'Europe/Brussels', weekly: { Mo: [{ start: '22:00', end: '06:00' }] } },
    });
    expect(Object.keys(set)).toEqual(['office', 'hanoi', 'night']);
    expect(set.office.timeZone).toBe('UTC');
    expect(minutes(set.office, '2025-03-03T08:00:00Z', '2025-03-03T18:00:00Z')).toBe(480);
    expect(set.hanoi.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(minutes(set.hanoi, '2025-03-03T00:00:00Z', '2025-03-03T12:00:00Z')).toBe(540);
    expect(set.night.timeZone).toBe('Europe/Brussels');
    expect(minutes(set.night, '2025-03-03T20:00:00Z', '2025-03-04T06:00:00Z')).toBe(480);
  });

  it('treats any name as a calendar name, and an unknown name as absent', () => {
    const set = compileCalendarSet(JSON.parse('{"toString": "24/7", "__proto__": "Mo 09:00-10:00"}') as Record<string, string>);
    const named = (name: string) => set[name] as (typeof set)[string] | undefined;
    expect(Object.keys(set)).toEqual(['toString', '__proto__']);
    expect(minutes(named('toString')!, '2025-03-08T00:00:00Z', '2025-03-09T00:00:00Z')).toBe(1440);
    expect(minutes(named('__proto__')!, '2025-03-03T00:00:00Z', '2025-03-04T00:00:00Z')).toBe(60);
    expect(named('valueOf')).toBeUndefined();
  });

  it('names the calendar that has no working hours on any day (it could never be due)', () => {
    expect(fieldAndMessageOf(() => compileCalendarSet({ office: 'Mo-Fr 09:00-17:00', closed: 'off' }))).toEqual([
      'calendars.closed',
      '"closed": calendar: it has no working hours on any day',
    ]);
  });

  it('names the calendar whose text or spec does not compile, with the reason', () => {
    expect(fieldAndMessageOf(() => compileCalendarSet({ typo: 'Mo-Fx 09:00-17:00' }))).toEqual([
      'calendars.typo',
      '"typo": calendar: "Mo-Fx 09:00-17:00": unknown day "Fx" (expected Mo, Tu, We, Th, Fr, Sa, Su)',
    ]);
    expect(fieldAndMessageOf(() => compileCalendarSet({ empty: 'Mo-Fr 08:00-08:00' }))).toEqual([
      'calendars.empty',
      '"empty": calendar: "Mo-Fr 08:00-08:00": the window 08:00-08:00 is empty (it ends when it starts); for a whole day write 00:00-24:00',
    ]);
    expect(fieldAndMessageOf(() => compileCalendarSet({ mars: { timeZone: 'Mars/Olympus', weekly: {} } }))).toEqual([
      'calendars.mars',
      '"mars": calendar.timeZone: expected an IANA time zone such as Asia/Ho_Chi_Minh or Europe/Brussels',
    ]);
  });

  it('lets an error that is not the calendar\'s own pass through unchanged', () => {
    const broken = {
      get timeZone(): string {
        throw new RangeError('the configuration store failed');
      },
    };
    let thrown: unknown;
    try {
      compileCalendarSet({ broken: broken as never });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RangeError);
    expect(thrown).not.toBeInstanceOf(CalendarError);
    expect((thrown as Error).message).toBe('the configuration store failed');
  });
});

describe('compileCalendar: the weekly hours and the zone', () => {
  it('names unknown weekday keys and the keys it expects; a weekly that is not an object is said so', () => {
    expect(fieldAndMessageOf(() => compileCalendar({ timeZone: 'UTC', weekly: { Mon: [], Tue: [] } } as never))).toEqual([
      'weekly',
      'calendar.weekly: unknown weekday key "Mon", "Tue" (expected Mo, Tu, We, Th, Fr, Sa, Su)',
    ]);
    expect(fieldAndMessageOf(() => compileCalendar({ timeZone: 'UTC', weekly: 'Mo-Fr' } as never))).toEqual(['weekly', 'calendar.weekly: Invalid input: expected object, received string']);
  });

  it('says whether a zone is one the platform knows, as a boolean', () => {
    expect(isValidTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });

  it('refuses a window that ends when it starts, naming it and the whole-day form', () => {
    const error = calendarErrorOf(() => compileCalendar({ timeZone: 'UTC', weekly: { Tu: [{ start: '09:00', end: '17:00' }, { start: '18:30', end: '18:30' }] } }));
    expect([error.field, error.message]).toEqual([
      'weekly.Tu.1',
      'calendar.weekly.Tu.1: the window 18:30-18:30 is empty (it ends when it starts); for a whole day write 00:00-24:00',
    ]);
  });
});
