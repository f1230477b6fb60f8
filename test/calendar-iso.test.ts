import { describe, expect, it } from 'vitest';
import { parseIsoDateTime } from '../core/calendar/iso';

describe('parseIsoDateTime: ISO date-time text as an instant', () => {
  it('reads an offset of any whole minutes up to :59, in both forms, either sign', () => {
    expect(parseIsoDateTime('2025-03-01T08:30:00+05:59')).toBe(Date.UTC(2025, 2, 1, 2, 31));
    expect(parseIsoDateTime('2025-03-01T08:30:00-0959')).toBe(Date.UTC(2025, 2, 1, 18, 29));
    expect(parseIsoDateTime('2025-03-01T08:30+05:45')).toBe(Date.UTC(2025, 2, 1, 2, 45));
    expect(parseIsoDateTime('2025-03-01T08:30:00+05:60')).toBeNaN();
  });

  it('reads a time without seconds or without a time as its wall-clock time in the zone given', () => {
    expect(parseIsoDateTime('2025-03-01 08:30', 'Asia/Ho_Chi_Minh')).toBe(Date.UTC(2025, 3 - 1, 1, 1, 30));
    expect(parseIsoDateTime('2025-03-01', 'UTC')).toBe(Date.UTC(2025, 2, 1));
    expect(parseIsoDateTime('2025-03-01T08:30:15.25Z')).toBe(Date.UTC(2025, 2, 1, 8, 30, 15, 250));
    expect(parseIsoDateTime('2025-03-01 08:30')).toBeNaN();
  });

  it('refuses a day, month or time that does not exist rather than rolling it over', () => {
    expect(parseIsoDateTime('2025-13-01T00:00:00Z')).toBeNaN();
    expect(parseIsoDateTime('2025-04-31T00:00:00Z')).toBeNaN();
    expect(parseIsoDateTime('2025-03-01T24:01:00Z')).toBeNaN();
    expect(parseIsoDateTime('2025-03-01T24:00:01Z')).toBeNaN();
    // ISO 8601's end of day: 24:00 is the next day's midnight.
    expect(parseIsoDateTime('2025-03-01T24:00:00Z')).toBe(Date.UTC(2025, 2, 2));
    expect(parseIsoDateTime('2025-03-01T08:60:00Z')).toBeNaN();
    expect(parseIsoDateTime('2025-03-01T08:30:60Z')).toBeNaN();
    expect(parseIsoDateTime('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
  });
});
