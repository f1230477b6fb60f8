import { describe, expect, it } from 'vitest';
import { compileTimeFormat } from '../cli/time';
import { RetiredTickets } from '../cli/retired';
import { tatPercentilesOfSorted, tatStats } from '../core/kpi';
import type { SuspendedClock } from '../core/sla';
import { mulberry32 } from '../bench/prng';

describe('closed tickets kept column-wise', () => {
  const fieldNames = ['impact', 'team'];
  const ticket = (i: number) => ({
    status: `S${i % 7}`,
    fields: { impact: i % 3 === 0 ? null : `I${i % 5}`, team: `team ${i}` },
    rating: i % 4 === 0 ? null : i % 11,
    last: Date.UTC(2025, 0, 1) + i * 60_000 + 0.5,
    lastRank: i * 1.25,
    clocks: [
      [Date.UTC(2024, 11, 31) + i, Date.UTC(2025, 0, 1) + i, i, i % 3, i % 2, i % 16, i % 5 === 0 ? NaN : Date.UTC(2025, 0, 1) + 7 * i],
      [Date.UTC(2024, 11, 30) - i, Date.UTC(2025, 0, 2) - i, i + 1, 1, 0, 8, Date.UTC(2025, 0, 2) - i],
    ] as SuspendedClock[],
  });
  /** A ticket as the book hands it over: its fields' values in the mapping's order. */
  const kept = (i: number) => {
    const { fields, ...rest } = ticket(i);
    return { ...rest, values: [fields.impact, fields.team] };
  };

  it('gives back every ticket as kept, across pages of slots, and reuses a freed slot', () => {
    const store = new RetiredTickets(2, fieldNames);
    const count = 10_000; // more than two pages of 4,096 slots
    const slots = Array.from({ length: count }, (_, i) => store.add(kept(i)));
    expect(new Set(slots).size).toBe(count);
    for (const i of [0, 1, 4095, 4096, 8191, 8192, count - 1]) {
      expect(store.get(slots[i])).toEqual(ticket(i));
      expect(store.fields(slots[i])).toEqual(ticket(i).fields);
      expect(store.rating(slots[i])).toBe(ticket(i).rating);
      expect(store.created(slots[i])).toBe(Date.UTC(2024, 11, 31) + i);
      expect([store.flags(slots[i], 0), store.flags(slots[i], 1)]).toEqual([i % 16, 8]);
    }
    store.free(slots[4096]);
    const reused = store.add(kept(99_999));
    expect(reused).toBe(slots[4096]);
    expect(store.get(reused)).toEqual(ticket(99_999));
    expect(store.get(slots[4097])).toEqual(ticket(4097));
  });
});

describe('TAT percentiles of a large log', () => {
  it('read in place from sorted durations, they equal tatStats on the same values', () => {
    const rand = mulberry32(7);
    for (const n of [1, 2, 3, 10, 1001]) {
      const values = Array.from({ length: n }, () => Math.round(rand() * 1e6) / 100);
      const { median, p90 } = tatStats(values);
      expect(tatPercentilesOfSorted(Float64Array.from(values).sort())).toEqual({ median, p90 });
    }
  });

  it('refuses no durations and a negative one, as tatStats does', () => {
    expect(() => tatPercentilesOfSorted(new Float64Array(0))).toThrow('has no values');
    expect(() => tatPercentilesOfSorted(Float64Array.from([-1, 2]))).toThrow('≥ 0');
  });
});

describe('ISO stamps read by arithmetic', () => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');

  it('yyyy-MM-ddTHH:mm:ss±hh:mm gives what Date.UTC gives, and NaN for a day, time or offset that does not exist', () => {
    const parse = compileTimeFormat(undefined, 'UTC');
    const rand = mulberry32(2013);
    const pick = (low: number, high: number) => low + Math.floor(rand() * (high - low + 1));
    for (let i = 0; i < 40_000; i++) {
      const [y, mo, d, h, mi, s] = [pick(1, 9999), pick(1, 13), pick(1, 31), pick(0, 24), pick(0, 60), pick(0, 60)];
      const [sign, offsetHours, offsetMinutes] = [rand() < 0.5 ? '+' : '-', pick(0, 15), [0, 30, 45, 59, 60][pick(0, 4)]];
      const text = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${sign}${pad(offsetHours)}:${pad(offsetMinutes)}`;
      const endOfDay = h === 24 && mi === 0 && s === 0; // ISO 8601's 24:00, the next day's 00:00
      const date = new Date(Date.UTC(2000, 0, 1, endOfDay ? 0 : h, mi, s));
      date.setUTCFullYear(y, mo - 1, d);
      const offset = offsetHours * 60 + offsetMinutes;
      const exists = mo <= 12 && date.getUTCDate() === d && (h <= 23 || endOfDay) && mi <= 59 && s <= 59 && offsetMinutes <= 59 && offset <= (sign === '+' ? 14 * 60 : 12 * 60);
      const expected = exists ? date.getTime() + (endOfDay ? 86_400_000 : 0) - (sign === '+' ? offset : -offset) * 60_000 : NaN;
      expect(parse(text), text).toBe(expected);
    }
    for (const bad of ['2012-0a-15T11:53:52+01:00', '2012-03-15T11:53:52+01:0x', ' 012-03-15T11:53:52+01:00', '2100-02-29T00:00:00+00:00']) expect(parse(bad), bad).toBeNaN();
    expect(parse('2000-02-29T00:00:00+00:00')).toBe(Date.UTC(2000, 1, 29));
    expect(parse('2025-02-28T24:00:00+07:00')).toBe(Date.UTC(2025, 1, 28, 17));
  });
});
