import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { col, loadBundle, type Sandbox } from './helpers/sheets-sandbox';

/**
 * SLA_COMPLIANCE reads its cells into columns and counts them in one core loop (runningCompliance); SLA_STATUS still
 * measures each row on its own. Over seeded random sheets (date cells and text, open rows, targets and calendars per
 * row, a holiday range) the compliance is the share of MET among the rows SLA_STATUS calls MET or BREACHED, and a
 * failing sheet names the first failing row, whether a cell cannot be read or the row cannot be measured.
 */

let s: Sandbox;
beforeAll(() => {
  s = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh' });
});

const CALENDARS = ['Mo-Fr 08:00-12:00,13:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN', 'Mo-Sa 09:00-18:00 | tz=Europe/Berlin'];
const TARGETS = ['3bd', '45bd', '8h', '30m', 4, '1bd'];
const HOLIDAYS = col('2025-03-10', '2025-03-11', '2025-04-07');
const AS_OF = '2025-04-15 12:00';
const HOUR = 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as a sheet's text, wall time in UTC+7 (read in each row's calendar zone, like any text). */
const text = (t: number) => {
  const d = new Date(t + 7 * HOUR);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

const rowArb = fc.record({
  start: fc.integer({ min: 0, max: 70 * 24 }).map((h) => Date.UTC(2025, 1, 1, 1) + h * HOUR),
  length: fc.option(fc.integer({ min: 0, max: 30 * 24 }), { nil: null }),
  asText: fc.boolean(),
  target: fc.integer({ min: 0, max: TARGETS.length - 1 }),
  calendar: fc.integer({ min: 0, max: CALENDARS.length - 1 }),
});

describe('SLA_COMPLIANCE', () => {
  it('is the share of MET among the rows SLA_STATUS calls MET or BREACHED, over random sheets', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 40 }), fc.boolean(), (rows, oneCalendar) => {
        const cell = (t: number, asText: boolean) => (asText ? text(t) : new s.SandboxDate(t));
        const starts = col(...rows.map((r) => cell(r.start, r.asText)));
        // Open rows blank; a text row's end is text too. The end stays in the start's zone minute (whole hours).
        const ends = col(...rows.map((r) => (r.length === null ? '' : cell(r.start + r.length * HOUR, r.asText))));
        const targets = col(...rows.map((r) => TARGETS[r.target]));
        const calendars = oneCalendar ? CALENDARS[0] : col(...rows.map((r) => CALENDARS[r.calendar]));
        const status = (s.call('SLA_STATUS', starts, ends, targets, calendars, HOLIDAYS, AS_OF) as string[][]).map(([v]) => v);
        const met = status.filter((v) => v === 'MET').length;
        const breached = status.filter((v) => v === 'BREACHED').length;
        if (met + breached === 0) expect(s.thrown('SLA_COMPLIANCE', starts, ends, targets, calendars, HOLIDAYS, AS_OF)).toMatch(/nothing is measurable/);
        else expect(s.call('SLA_COMPLIANCE', starts, ends, targets, calendars, HOLIDAYS, AS_OF)).toBeCloseTo(met / (met + breached), 12);
      }),
      { seed: 20_261_207, numRuns: 60 },
    );
  });

  const VN = CALENDARS[0];
  it('names a row that cannot be measured before a later row that cannot be read', () => {
    expect(s.thrown('SLA_COMPLIANCE', col('2025-03-03 08:00', '2060-12-29 08:00', 'soon'), col('', '', ''), '3bd', VN, '', '2060-12-30 08:00')).toBe(
      'SLA_COMPLIANCE: target row 2: 3bd from 2060-12-29 08:00 is due outside the years 2000-2060 that the public-holiday tables cover (holidays=VN)',
    );
  });

  it('names a row that cannot be read before a later row that cannot be measured', () => {
    expect(s.thrown('SLA_COMPLIANCE', col('2025-03-03 08:00', 'soon', '2060-12-29 08:00'), col('', '', ''), '3bd', VN, '', '2060-12-30 08:00')).toBe(
      'SLA_COMPLIANCE: starts row 2: "soon" is not a date-time (use a date cell or text such as 2025-03-01 08:30)',
    );
    expect(s.thrown('SLA_COMPLIANCE', col('2025-03-03 08:00', '', '2060-12-29 08:00'), col('', '2025-03-04 08:00', ''), '3bd', VN, '', '2060-12-30 08:00')).toBe(
      'SLA_COMPLIANCE: starts row 2: blank, but the row has an end',
    );
  });
});
