import { describe, expect, it } from 'vitest';
import { localDayIn } from '../core/calendar';
import { cachedLocalDays } from '../sheets-addon/src/cells/coerce';

/**
 * The Sheets door's cached local day of a date cell agrees with the core's `localDayIn` everywhere: zones with and
 * without DST, changes at midnight, half-hour changes, far past and future, instants on both sides of every local
 * midnight and of every offset change.
 */
describe('cachedLocalDays', () => {
  const ZONES = ['Asia/Ho_Chi_Minh', 'UTC', 'Europe/Berlin', 'America/Sao_Paulo', 'America/Havana', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'Pacific/Kiritimati'];
  const HOUR = 3_600_000;

  it.each(ZONES)('%s: the same local day as the core for 200,000 instants, each asked twice (cold, then cached)', (zone) => {
    const core = localDayIn(zone);
    const cached = cachedLocalDays(zone);
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
