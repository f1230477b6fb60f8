import { describe, expect, it } from 'vitest';
import { readSlaVectors } from './vectors/load';
import { loadBundle } from './helpers/sheets-sandbox';

/**
 * The shared SLA vectors that a spreadsheet row can express (one cycle, no pauses) through the built bundle, with the
 * case's own calendar text and as-of: the same due times, states, working minutes and compliance as every door.
 */
const raw = readSlaVectors();
const ROWS: Record<string, string> = { 'IT-1': '8h', 'IT-5': '8h', 'IT-6': '8h', 'PUR-7': '3bd' };
const STATUS = { met: 'MET', breached: 'BREACHED', ongoing: 'ON TRACK' } as const;

describe('shared SLA vectors through the Sheets functions', () => {
  const sandbox = loadBundle({ timeZone: 'UTC' });
  const calendar = raw.calendars['vn-office'];
  const date = (iso: string) => sandbox.date(iso);

  for (const c of raw.cases.filter((v) => (v.ticket as { key: string }).key in ROWS)) {
    const key = (c.ticket as { key: string }).key;
    const [cycle] = c.cycles!;
    const target = ROWS[key];
    const goal = raw.policies.find((p) => p.id === c.policy)!.goals.find((g) => g.target === target);
    it(`${key}: ${c.name}`, () => {
      expect(goal?.calendar).toBe('vn-office');
      const start = date(cycle.start);
      const end = cycle.stop === null ? '' : date(cycle.stop);
      const asOf = date(c.asOf);
      expect((sandbox.call('SLA_DUE', start, target, calendar) as Date).toISOString()).toBe(new Date(cycle.due!).toISOString());
      expect(sandbox.call('SLA_STATUS', start, end, target, calendar, '', asOf)).toBe(STATUS[cycle.state as keyof typeof STATUS]);
      expect(sandbox.call('SLA_REMAINING', start, target, calendar, '', cycle.stop === null ? asOf : date(cycle.stop))).toBe(cycle.remainingMinutes / 60);
      expect(sandbox.call('BUSINESS_HOURS', start, cycle.stop === null ? asOf : end, calendar)).toBe(cycle.elapsedMinutes / 60);
      if (cycle.state === 'ongoing') {
        expect(() => sandbox.call('SLA_COMPLIANCE', [[start]], [[end]], target, calendar, '', asOf)).toThrow('nothing is measurable');
      } else {
        expect(sandbox.call('SLA_COMPLIANCE', [[start]], [[end]], target, calendar, '', asOf)).toBe(cycle.state === 'met' ? 1 : 0);
      }
    });
  }

  it('the four rows together: compliance over the measurable ones as of the latest as-of date', () => {
    const cases = raw.cases.filter((v) => (v.ticket as { key: string }).key in ROWS);
    const starts = cases.map((c) => [date(c.cycles![0].start)]);
    const ends = cases.map((c) => [c.cycles![0].stop === null ? '' : date(c.cycles![0].stop!)]);
    const targets = cases.map((c) => [ROWS[(c.ticket as { key: string }).key]]);
    // As of 12 March 08:30 (IT-5's): IT-1 met, IT-5 open past due, IT-6 open past due too by then, PUR-7 still open and due that day at 17:00.
    const result = sandbox.call('SLA_COMPLIANCE', starts, ends, targets, calendar, '', date('2025-03-12T01:30:00Z'));
    expect(result).toBeCloseTo(1 / 3, 12);
  });
});
