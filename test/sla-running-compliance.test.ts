import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar, parseCalendarText } from '../core/calendar';
import { ComplianceTally, createSlaClock, runningCompliance, type SlaClock, type SlaCycle, type SlaTarget } from '../core/sla';

/**
 * runningCompliance, the one loop a spreadsheet's SLA_COMPLIANCE counts its rows with, against the per-row path it
 * replaced: each row's `runningCycle` tallied. Seeded random rows on calendars with and without holiday tables (whose
 * years end in 2060), in a zone with summer time, with starts and as-of instants near and past the years the
 * calendars cover, so that rows the loop must hand back to the per-row path (and its errors) come up.
 */

const CALENDARS = [
  'Mo-Fr 08:00-12:00,13:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN',
  'Mo-Fr 09:00-17:30 | tz=Europe/Berlin',
  'Mo-Sa 22:00-06:00 | tz=America/New_York',
].map((text) => compileCalendar(parseCalendarText(text, 'UTC')));

const TARGETS: SlaTarget[] = [{ minutes: 30 }, { minutes: 480 }, { minutes: 250_000 }, { businessDays: 1 }, { businessDays: 3 }, { businessDays: 45 }];

const clockOf = (calendar: number, target: number): SlaClock =>
  createSlaClock({ id: 'sheet', name: 'Sheet row', stop: { statuses: ['Done'] }, goals: [{ target: TARGETS[target], calendar: 'row' }] }, { row: CALENDARS[calendar] });
const CLOCKS = CALENDARS.flatMap((_, c) => TARGETS.map((__, t) => clockOf(c, t)));

const DAY = 86_400_000;
/** Around 2024, the end of the holiday tables (2060), the end and start of the calendars' years, and past them. */
const ANCHORS = [Date.UTC(2024, 2, 1), Date.UTC(2060, 11, 20), Date.UTC(2300, 11, 20), Date.UTC(1900, 0, 3), Date.UTC(2301, 0, 5)];
const instant = fc.tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: -40 * DAY, max: 40 * DAY })).map(([anchor, offset]) => anchor + Math.round(offset / 60_000) * 60_000);

const row = fc.record({
  clock: fc.integer({ min: 0, max: CLOCKS.length - 1 }),
  start: instant,
  // An end this long after the start, or none (open).
  length: fc.option(fc.integer({ min: 0, max: 30 * DAY }), { nil: null }),
});

const logArb = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 60 }),
  asOf: fc.array(fc.oneof({ weight: 5, arbitrary: instant }, { weight: 1, arbitrary: fc.constant(Date.UTC(2400, 0, 1)) }), {
    minLength: CLOCKS.length,
    maxLength: CLOCKS.length,
  }),
});

type Log = { rows: { clock: number; start: number; length: number | null }[]; asOf: number[] };

/** A row's cycle as the per-row path measures it, or the error it throws. */
function perRow(log: Log, i: number): SlaCycle | null | { error: unknown } {
  const { clock, start, length } = log.rows[i];
  try {
    return CLOCKS[clock].runningCycle('row', start, length === null ? null : start + length, Math.max(log.asOf[clock], start));
  } catch (error) {
    return { error };
  }
}

describe('runningCompliance', () => {
  it('counts every row as its runningCycle does, and hands each row that cycle fails on back to the per-row path', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        const tally = new ComplianceTally();
        const failing = new Set<number>();
        log.rows.forEach((_, i) => {
          const measured = perRow(log, i);
          if (measured !== null && 'error' in measured) failing.add(i);
          else if (measured !== null) tally.add(measured);
        });
        const handedBack = new Set<number>();
        const counts = runningCompliance(
          {
            starts: Float64Array.from(log.rows, (r) => r.start),
            ends: Float64Array.from(log.rows, (r) => (r.length === null ? Infinity : r.start + r.length)),
            clockOfRow: Int32Array.from(log.rows, (r) => r.clock),
            clocks: CLOCKS,
            asOf: log.asOf,
          },
          (i) => {
            handedBack.add(i);
            const measured = perRow(log, i);
            return measured !== null && 'error' in measured ? null : measured;
          },
        );
        expect([...failing].filter((i) => !handedBack.has(i))).toEqual([]);
        expect(counts).toEqual(tally.report().total);
      }),
      { seed: 20_261_207, numRuns: 400 },
    );
  });

  it('hands no row back when every row is inside the calendars\' years', () => {
    const starts = Float64Array.from({ length: 500 }, (_, i) => Date.UTC(2024, 0, 1, 1) + (i % 200) * DAY + (i % 9) * 3_600_000);
    const ends = starts.map((s, i) => (i % 10 === 0 ? Infinity : s + ((i * 7919) % 20) * DAY));
    const clockOfRow = Int32Array.from(starts, (_, i) => i % CLOCKS.length);
    const handedBack: number[] = [];
    const counts = runningCompliance({ starts, ends, clockOfRow, clocks: CLOCKS, asOf: CLOCKS.map(() => Date.UTC(2025, 0, 1)) }, (i) => {
      handedBack.push(i);
      return null;
    });
    expect(handedBack).toEqual([]);
    expect(counts.met + counts.breached + counts.ongoingBreached + counts.ongoing).toBe(500);
  });
});
