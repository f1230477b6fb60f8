import { describe, expect, it } from 'vitest';
import { readCalendarVectors, readSlaVectors } from './vectors/load';
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
    const ends = cases.map((c) => [c.cycles![0].stop === null ? '' : date(c.cycles![0].stop)]);
    const targets = cases.map((c) => [ROWS[(c.ticket as { key: string }).key]]);
    // As of 12 March 08:30 (IT-5's): IT-1 met, IT-5 open past due, IT-6 open past due too by then, PUR-7 still open and due that day at 17:00.
    const result = sandbox.call('SLA_COMPLIANCE', starts, ends, targets, calendar, '', date('2025-03-12T01:30:00Z'));
    expect(result).toBeCloseTo(1 / 3, 12);
  });
});

describe('shared calendar vectors through the Sheets functions', () => {
  const vectors = readCalendarVectors();
  const sandbox = loadBundle({ timeZone: 'UTC' });
  const date = (iso: string) => sandbox.date(iso);
  const day = (iso: string) => date(`${iso}T00:00:00Z`);

  it.each(vectors.durations)('BUSINESS_HOURS on $calendar: $how', ({ calendar, start, end, minutes }) => {
    expect(sandbox.call('BUSINESS_HOURS', date(start), date(end), vectors.calendars[calendar])).toBe(minutes / 60);
  });
  it.each(vectors.additions)('SLA_DUE on $calendar: $how', ({ calendar, start, minutes, due }) => {
    const dueDate = sandbox.call('SLA_DUE', date(start), `${minutes}m`, vectors.calendars[calendar]) as Date;
    expect(dueDate.toISOString()).toBe(new Date(due).toISOString());
  });
  it.each(vectors.businessDaysDue)('SLA_DUE in business days on $calendar: $how', ({ calendar, start, days, due }) => {
    const dueDate = sandbox.call('SLA_DUE', date(start), `${days}bd`, vectors.calendars[calendar]) as Date;
    expect(dueDate.toISOString()).toBe(new Date(due).toISOString());
  });
  it.each(vectors.networkdays)('BUSINESS_DAYS $start $end $weekend: $source', ({ start, end, weekend, holidays, result }) => {
    expect(sandbox.call('BUSINESS_DAYS', day(start), day(end), weekend, holidays.map((h) => [day(h)]))).toBe(result);
  });
  it.each(vectors.workday)('ADD_BUSINESS_DAYS $start $days $weekend: $source', ({ start, days, weekend, holidays, result, error }) => {
    const run = () => sandbox.call('ADD_BUSINESS_DAYS', day(start), days, weekend, holidays.map((h) => [day(h)]));
    if (error) expect(run).toThrow(error);
    else expect((run() as Date).toISOString().slice(0, 10)).toBe(result);
  });
});
