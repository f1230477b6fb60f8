import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { instantOfWallTime, localDayIn, MS_PER_DAY } from '../core/calendar';
import { dayOf, dayReader, instantOf } from '../sheets-addon/src/cells/coerce';
import { zoneDays } from '../sheets-addon/src/cells/zone-days';

/**
 * The Sheets door's cached local day of a date cell, and local midnight of a day, agree with the core's `localDayIn`
 * and `instantOfWallTime` everywhere: zones with and without DST, changes at midnight, half-hour changes, far past
 * and future, instants on both sides of every local midnight and of every offset change.
 */
describe('zoneDays', () => {
  const ZONES = ['Asia/Ho_Chi_Minh', 'UTC', 'Europe/Berlin', 'America/Sao_Paulo', 'America/Havana', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'Pacific/Kiritimati', 'America/Santiago', 'Asia/Beirut'];
  const HOUR = 3_600_000;

  it.each(ZONES)('%s: the same midnight as the core for every day of 1900-1910 and 2020-2040, each asked twice', (zone) => {
    const cached = zoneDays(zone);
    const days: number[] = [];
    for (const [from, to] of [[Date.UTC(1900, 0, 1), Date.UTC(1911, 0, 1)], [Date.UTC(2020, 0, 1), Date.UTC(2041, 0, 1)]]) {
      for (let day = from / MS_PER_DAY; day < to / MS_PER_DAY; day++) days.push(day);
    }
    for (const pass of [1, 2]) {
      const wrong = days.filter((day) => cached.midnight(day) !== instantOfWallTime(day * MS_PER_DAY, zone));
      expect(wrong.slice(0, 3).map((day) => `${new Date(day * MS_PER_DAY).toISOString().slice(0, 10)} pass ${pass}`)).toEqual([]);
    }
  });

  it.each(ZONES)('%s: the same local day as the core for 200,000 instants, each asked twice (cold, then cached)', (zone) => {
    const core = localDayIn(zone);
    const days = zoneDays(zone);
    const cached = (t: number) => days.localDay(t);
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const instants: number[] = [];
    // Random instants over 1900-2100, and every quarter hour around local midnights and DST days of 2024-2026.
    for (let i = 0; i < 100_000; i++) instants.push(Math.floor(Date.UTC(1900, 0, 1) + random() * (Date.UTC(2100, 0, 1) - Date.UTC(1900, 0, 1))));
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2027, 0, 1); t += HOUR / 4) instants.push(t, t - 1);
    for (const pass of [1, 2]) {
      const wrong = instants.filter((t) => cached(t) !== core(t));
      expect(wrong.slice(0, 3).map((t) => `${new Date(t).toISOString()} pass ${pass}`)).toEqual([]);
    }
  });
});

/**
 * The per-column readers take a shortcut for a valid date of the script's own realm; a date of another realm, an
 * invalid date and every other cell go the generic way. Both ways must give the same day, instant and message.
 */
describe('dayReader and instantOf on date cells', () => {
  const ZONE = 'Europe/Berlin';
  const OtherRealmDate = vm.runInNewContext('Date') as DateConstructor;
  const instants = [Date.UTC(2026, 2, 29, 0, 59, 59, 999), Date.UTC(2026, 2, 29, 1), Date.UTC(2025, 11, 31, 23, 30), Date.UTC(1900, 0, 1), Date.UTC(2099, 6, 1, 12)];

  it('a date of this realm and of another realm give dayOf\'s local day and the same instant', () => {
    const readDay = dayReader(ZONE);
    for (const t of instants) {
      const own = new Date(t);
      const other = new OtherRealmDate(t);
      expect(own instanceof Date && !(other instanceof Date)).toBe(true);
      expect([readDay(own), readDay(other)]).toEqual([dayOf(other, ZONE), dayOf(other, ZONE)]);
      expect([instantOf(own, ZONE), instantOf(other, ZONE)]).toEqual([t, t]);
    }
  });

  it('an invalid date, a serial and text keep the generic answers and messages', () => {
    const readDay = dayReader(ZONE);
    expect(() => readDay(new Date(NaN))).toThrow('an invalid date is not a date');
    expect(() => instantOf(new Date(NaN), ZONE)).toThrow('an invalid date is not a date-time');
    expect(readDay(45_000)).toBe(dayOf(45_000, ZONE));
    expect(readDay('2026-03-29')).toBe(dayOf('2026-03-29', ZONE));
    expect(() => readDay('#N/A')).toThrow('the cell holds the error #N/A; fix or clear it');
  });
});
