import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../core/calendar/compile';
import type { WorkCalendar } from '../core/calendar/types';
import { createSlaClock, type SlaClock, type SlaCycle, TicketClock } from '../core/sla/clock';
import { SlaError } from '../core/sla/errors';
import type { SlaPolicyInput } from '../core/sla/policy';
import type { FieldValue, TicketHistory } from '../core/sla/ticket';

/** Monday to Friday 09:00-17:00 UTC; 3 March 2025 is a Monday. Built per test: a calendar grows its tables on demand. */
const office = (): WorkCalendar =>
  compileCalendar({
    timeZone: 'UTC',
    weekly: Object.fromEntries(['Mo', 'Tu', 'We', 'Th', 'Fr'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
  });

/** Monday 3 March 2025 at hh:mm UTC. */
const at = (hhmm: string) => Date.parse(`2025-03-03T${hhmm}:00Z`);
const hhmm = (t: number | null) => (t === null ? null : new Date(t).toISOString().slice(11, 16));

type Change = [time: string, field: string, to: string | null];
const ticket = (status: string, changes: Change[], fields: Record<string, FieldValue> = {}, created = '09:00'): TicketHistory => ({
  key: 'T-1',
  created: at(created),
  status,
  fields,
  events: changes.map(([time, field, to]) => ({ at: at(time), field, to })),
});

/** A cycle as start, stop, elapsed, paused, due (times of day), state. */
const brief = (c: SlaCycle) => [hhmm(c.start), hhmm(c.stop), c.elapsedMinutes, c.pausedMinutes, hhmm(c.due), c.state];

const base: SlaPolicyInput = {
  id: 'p',
  name: 'Resolution',
  pause: { statuses: ['On hold'] },
  stop: { statuses: ['Done', 'Closed'] },
  goals: [{ target: '2h', calendar: 'office' }],
};
const clockFor = (policy: Partial<SlaPolicyInput> = {}): SlaClock => createSlaClock({ ...base, ...policy }, { office: office() });
const cyclesOf = (clock: SlaClock, history: TicketHistory, asOf: string) => clock.compute(history, at(asOf))!.cycles.map(brief);

describe('SLA goals chosen by field conditions', () => {
  const policy: Partial<SlaPolicyInput> = {
    appliesTo: [{ field: 'project', notIn: ['HR'] }],
    goals: [
      { when: [{ field: 'priority', in: ['High'] }], target: '1h', calendar: 'office', label: 'Urgent' },
      { when: [{ field: 'labels', in: ['vip'] }], target: '90m', calendar: 'office' },
      { target: '8h', calendar: 'office' },
    ],
  };

  it('takes the first goal whose conditions hold, matching any value of a list field', () => {
    const clock = clockFor(policy);
    const goal = (fields: Record<string, FieldValue>) => clock.compute(ticket('Open', [], fields), at('10:00'))?.goalLabel ?? null;
    expect(goal({ priority: 'High', labels: ['vip'] })).toBe('Urgent');
    expect(goal({ priority: 'Low', labels: ['x', 'vip'] })).toBe('90m');
    expect(goal({ labels: ['x', 'y'] })).toBe('8h');
    expect(goal({ labels: [] })).toBe('8h');
    // A blank or missing field is in no list.
    expect(goal({ priority: null, labels: null })).toBe('8h');
    expect(goal({})).toBe('8h');
    expect(clock.compute(ticket('Open', [], { priority: 'High' }), at('10:00'))!.cycles[0]).toMatchObject({ goalMinutes: 60, goalLabel: 'Urgent' });
  });

  it('leaves out tickets whose field is in a notIn list, whether the field holds one value or several', () => {
    const clock = clockFor(policy);
    expect(clock.appliesToFields({ project: 'HR', priority: 'High' })).toBe(false);
    expect(clock.appliesToFields({ project: ['Ops', 'HR'] })).toBe(false);
    expect(clock.compute(ticket('Open', [], { project: 'HR' }), at('10:00'))).toBeNull();
    expect(clock.appliesToFields({ project: 'Ops' })).toBe(true);
    expect(clock.appliesToFields({ project: ['Ops', 'IT'] })).toBe(true);
    expect(clock.appliesToFields({ project: null })).toBe(true);
    expect(clock.appliesToFields({})).toBe(true);
  });

  it('applies to nothing when no goal holds', () => {
    const clock = clockFor({ goals: [{ when: [{ field: 'priority', in: ['High'] }], target: '1h', calendar: 'office' }] });
    expect(clock.appliesToFields({ priority: 'Low' })).toBe(false);
    expect(clock.compute(ticket('Open', [], { priority: 'Low' }), at('10:00'))).toBeNull();
  });
});

describe('SLA clock: pauses and the due time', () => {
  it('moves the due time of an open cycle by the paused working time', () => {
    // Running 09:00-09:30 and 10:30-11:00: 60 minutes used, 60 left from the resume at 10:30 + 30 → due 12:00.
    const clock = clockFor();
    expect(cyclesOf(clock, ticket('Open', [['09:30', 'status', 'On hold'], ['10:30', 'status', 'Open']]), '11:00')).toEqual([
      ['09:00', null, 60, 60, '12:00', 'ongoing'],
    ]);
    expect(clock.compute(ticket('Open', [['09:30', 'status', 'On hold'], ['10:30', 'status', 'Open']]), at('11:00'))!.cycles[0].remainingMinutes).toBe(60);
  });

  it('has no due time while paused below the goal, and a due time from the stop when stopped during a pause', () => {
    const clock = clockFor();
    expect(cyclesOf(clock, ticket('Open', [['10:00', 'status', 'On hold']]), '12:00')).toEqual([['09:00', null, 60, 120, null, 'paused']]);
    // Stopped from the pause with 60 minutes left: due (had it kept running) 60 working minutes after the stop.
    expect(cyclesOf(clock, ticket('Open', [['10:00', 'status', 'On hold'], ['11:00', 'status', 'Done']]), '13:00')).toEqual([
      ['09:00', '11:00', 60, 60, '12:00', 'met'],
    ]);
  });

  it('keeps the due time at the instant the goal was used up, across later pauses', () => {
    const clock = clockFor();
    // The whole 120 minutes used at 11:00, then a pause: due stays 11:00 (reached exactly, not breached).
    expect(cyclesOf(clock, ticket('Open', [['11:00', 'status', 'On hold']]), '12:00')).toEqual([['09:00', null, 120, 60, '11:00', 'paused']]);
    expect(cyclesOf(clock, ticket('Open', [['11:00', 'status', 'On hold'], ['12:00', 'status', 'Done']]), '13:00')).toEqual([
      ['09:00', '12:00', 120, 60, '11:00', 'met'],
    ]);
    // Resumed at 12:00 and stopped at 12:30: 150 minutes, breached, still due at 11:00.
    expect(
      cyclesOf(clock, ticket('Open', [['11:00', 'status', 'On hold'], ['12:00', 'status', 'Open'], ['12:30', 'status', 'Done']]), '13:00'),
    ).toEqual([['09:00', '12:30', 150, 60, '11:00', 'breached']]);
    // Paused after the breach at 11:30 and resumed at 12:00: due still 11:00.
    expect(cyclesOf(clock, ticket('Open', [['11:30', 'status', 'On hold'], ['12:00', 'status', 'In progress']]), '12:30')).toEqual([
      ['09:00', null, 180, 30, '11:00', 'breached'],
    ]);
  });

  it('ignores a change between two running statuses and a pause that starts paused', () => {
    const clock = clockFor();
    expect(cyclesOf(clock, ticket('Open', [['09:30', 'status', 'In progress'], ['10:00', 'status', 'Waiting']]), '10:30')).toEqual([
      ['09:00', null, 90, 0, '11:00', 'ongoing'],
    ]);
    // Created on hold: the clock runs from 10:00 only, due 12:00.
    expect(cyclesOf(clock, ticket('On hold', [['10:00', 'status', 'Open']]), '11:00')).toEqual([['09:00', null, 60, 60, '12:00', 'ongoing']]);
  });
});

describe('SLA clock: starts, stops and reopenings', () => {
  it('stops when a resolution is set and restarts when it is cleared (blank or null), whatever other fields do', () => {
    const clock = clockFor({ stop: { resolutionSet: true } });
    const history = ticket('Open', [
      ['10:00', 'assignee', 'ann'],
      ['11:00', 'resolution', 'Fixed'],
      ['12:00', 'resolution', ''],
      ['13:00', 'resolution', 'Duplicate'],
      ['14:00', 'resolution', null],
    ]);
    expect(cyclesOf(clock, history, '15:00')).toEqual([
      ['09:00', '11:00', 120, 0, '11:00', 'met'],
      ['12:00', '13:00', 60, 0, '14:00', 'met'],
      ['14:00', null, 60, 0, '16:00', 'ongoing'],
    ]);
  });

  it('does not stop on a resolution unless the policy says so', () => {
    const clock = clockFor();
    expect(cyclesOf(clock, ticket('Open', [['10:00', 'resolution', 'Fixed']]), '10:30')).toEqual([['09:00', null, 90, 0, '11:00', 'ongoing']]);
  });

  it('starts no cycle on a move from one stop status to another, and a new one on reopening', () => {
    const clock = clockFor();
    expect(cyclesOf(clock, ticket('Open', [['10:00', 'status', 'Done'], ['11:00', 'status', 'Closed'], ['13:00', 'status', 'Reopened']]), '14:00')).toEqual([
      ['09:00', '10:00', 60, 0, '11:00', 'met'],
      ['13:00', null, 60, 0, '15:00', 'ongoing'],
    ]);
  });

  it('with a start status, restarts only on entering it, not on a resolution cleared while in it', () => {
    const clock = clockFor({ start: { on: 'status', statuses: ['Approved'] }, stop: { resolutionSet: true } });
    const history = ticket('Approved', [
      ['10:00', 'resolution', 'Fixed'],
      ['11:00', 'resolution', null],
      ['12:00', 'status', 'Approved'],
    ]);
    expect(cyclesOf(clock, history, '13:00')).toEqual([
      ['09:00', '10:00', 60, 0, '11:00', 'met'],
      ['12:00', null, 60, 0, '14:00', 'ongoing'],
    ]);
  });

  it('measures at the instant of creation and applies a change made at the as-of instant', () => {
    const clock = clockFor();
    expect(cyclesOf(clock, ticket('Open', []), '09:00')).toEqual([['09:00', null, 0, 0, '11:00', 'ongoing']]);
    expect(cyclesOf(clock, ticket('Open', [['10:00', 'status', 'Done']]), '10:00')).toEqual([['09:00', '10:00', 60, 0, '11:00', 'met']]);
    expect(cyclesOf(clock, ticket('Open', [['10:00', 'status', 'Done']]), '09:59')).toEqual([['09:00', null, 59, 0, '11:00', 'ongoing']]);
  });

  it('starts nothing for a ticket created stopped until it is reopened, and a reopening into a pause starts paused', () => {
    const clock = clockFor();
    expect(cyclesOf(clock, ticket('Done', []), '12:00')).toEqual([]);
    expect(cyclesOf(clock, ticket('Done', [['10:00', 'status', 'Open']]), '12:00')).toEqual([['10:00', null, 120, 0, '12:00', 'ongoing']]);
    expect(cyclesOf(clock, ticket('Open', [['10:00', 'status', 'Done'], ['11:00', 'status', 'On hold'], ['12:00', 'status', 'Open']]), '13:00')).toEqual([
      ['09:00', '10:00', 60, 0, '11:00', 'met'],
      ['11:00', null, 60, 60, '14:00', 'ongoing'],
    ]);
  });

  it('with a start status, waits for it when created in another status', () => {
    const clock = clockFor({ start: { on: 'status', statuses: ['Approved'] } });
    expect(cyclesOf(clock, ticket('Draft', []), '12:00')).toEqual([]);
    expect(cyclesOf(clock, ticket('Draft', [['10:00', 'status', 'Approved']]), '12:00')).toEqual([['10:00', null, 120, 0, '12:00', 'ongoing']]);
  });

  it('measures each goal on its own calendar', () => {
    const calendars = {
      office: office(),
      always: compileCalendar({ timeZone: 'UTC', weekly: Object.fromEntries(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])) }),
    };
    const clock = createSlaClock(
      { ...base, goals: [{ when: [{ field: 'priority', in: ['High'] }], target: '2h', calendar: 'office' }, { target: '24h', calendar: 'always' }] },
      calendars,
    );
    // 08:00 to 10:00 is 2 hours round the clock but 1 working hour in the office.
    const history = (priority: string) => ticket('Open', [['10:00', 'status', 'Done']], { priority }, '08:00');
    expect(cyclesOf(clock, history('Low'), '12:00')).toEqual([['08:00', '10:00', 120, 0, '08:00', 'met']]);
    expect(cyclesOf(clock, history('High'), '12:00')).toEqual([['08:00', '10:00', 60, 0, '11:00', 'met']]);
  });

  it('keeps the status when a status change carries no value', () => {
    const clock = clockFor();
    expect(cyclesOf(clock, ticket('Open', [['09:30', 'status', 'On hold'], ['10:00', 'status', null]]), '11:00')).toEqual([['09:00', null, 30, 90, null, 'paused']]);
  });

  it('labels a goal with its own label, or its target written out', () => {
    const clock = clockFor({
      goals: [
        { when: [{ field: 'tier', in: ['gold'] }], target: { minutes: 90 }, calendar: 'office', label: 'Gold 90' },
        { target: { businessDays: 2 }, calendar: 'office' },
      ],
    });
    expect(clock.compute(ticket('Open', [], { tier: 'gold' }), at('10:00'))!.goalLabel).toBe('Gold 90');
    const plain = clock.compute(ticket('Open', []), at('10:00'))!;
    // Two business days from Monday 09:00: due at Wednesday's close, 2 × 480 + 480 working minutes later.
    expect(plain.goalLabel).toBe('2bd');
    expect(plain.cycles[0]).toMatchObject({ goalMinutes: 1440, due: Date.parse('2025-03-05T17:00:00Z') });
  });
});

describe('SLA clock: retroactive start on a date field', () => {
  const retro: Partial<SlaPolicyInput> = { start: { on: 'field', field: 'requested' }, goals: [{ target: '4h', calendar: 'office' }] };

  it('starts at the date in the field, with or without an offset, before the ticket was created', () => {
    const clock = clockFor(retro);
    const done = (requested: FieldValue) => cyclesOf(clock, ticket('Open', [['12:00', 'status', 'Done']], { requested }, '10:00'), '13:00');
    expect(done('2025-03-03T09:00:00Z')).toEqual([['09:00', '12:00', 180, 0, '13:00', 'met']]);
    expect(done('2025-03-03T16:00:00+07:00')).toEqual([['09:00', '12:00', 180, 0, '13:00', 'met']]);
    expect(done('2025-03-03 09:00')).toEqual([['09:00', '12:00', 180, 0, '13:00', 'met']]);
    // A list field: its first value.
    expect(done(['2025-03-03T09:30:00Z', '2025-03-01T00:00:00Z'])).toEqual([['09:30', '12:00', 150, 0, '13:30', 'met']]);
    // Blank: no start.
    expect(done(null)).toEqual([]);
    expect(done([])).toEqual([]);
  });

  it('starts once the clock reaches a date after creation, and only once', () => {
    const clock = clockFor(retro);
    // The date 11:00 is reached at the 12:00 change; the cycle still starts at 11:00.
    expect(cyclesOf(clock, ticket('Open', [['10:00', 'status', 'In progress'], ['12:00', 'status', 'Done']], { requested: '2025-03-03T11:00:00Z' }), '13:00')).toEqual([
      ['11:00', '12:00', 60, 0, '15:00', 'met'],
    ]);
    // Reached exactly at the stop: a cycle of no time.
    expect(cyclesOf(clock, ticket('Open', [['12:00', 'status', 'Done']], { requested: '2025-03-03T12:00:00Z' }), '13:00')).toEqual([
      ['12:00', '12:00', 0, 0, '16:00', 'met'],
    ]);
    // Not yet reached at as-of: nothing.
    expect(cyclesOf(clock, ticket('Open', [], { requested: '2025-03-03T14:00:00Z' }), '13:00')).toEqual([]);
    // Reopened after the stop: no second retroactive start.
    expect(cyclesOf(clock, ticket('Open', [['12:00', 'status', 'Done'], ['13:00', 'status', 'Open']], { requested: '2025-03-03T09:00:00Z' }), '15:00')).toEqual([
      ['09:00', '12:00', 180, 0, '13:00', 'met'],
    ]);
  });

  it('starts paused when the date is reached in a pause status', () => {
    const clock = clockFor(retro);
    const history = ticket('On hold', [['10:00', 'status', 'Open'], ['11:00', 'status', 'Done']], { requested: '2025-03-03T09:00:00Z' }, '09:30');
    expect(cyclesOf(clock, history, '13:00')).toEqual([['09:00', '11:00', 60, 60, '14:00', 'met']]);
  });

  it('keeps one running cycle through pauses', () => {
    const clock = clockFor(retro);
    const history = ticket('Open', [['10:00', 'status', 'On hold'], ['11:00', 'status', 'Open'], ['12:00', 'status', 'Done']], { requested: '2025-03-03T09:00:00Z' }, '09:30');
    expect(cyclesOf(clock, history, '13:00')).toEqual([['09:00', '12:00', 120, 60, '14:00', 'met']]);
  });

  it('starts nothing for a ticket created already stopped', () => {
    const clock = clockFor(retro);
    expect(cyclesOf(clock, ticket('Done', [], { requested: '2025-03-03T09:00:00Z' }), '13:00')).toEqual([]);
  });

  it('reads a wall-clock date-time with seconds and a fraction, and refuses impossible ones', () => {
    const clock = clockFor(retro);
    const start = (requested: string) => clock.compute(ticket('Open', [['12:00', 'status', 'Done']], { requested }, '10:00'), at('13:00'))!.cycles[0].start;
    expect(start('2025-03-03 09:00:15.5')).toBe(at('09:00') + 15_500);
    expect(start('2025-03-03T09:00:15.25')).toBe(at('09:00') + 15_250);
    expect(start('2025-03-03 09:00:15')).toBe(at('09:00') + 15_000);
    expect(start('2025-03-03')).toBe(at('00:00'));
    for (const bad of ['2025-03-03 24:00', '2025-03-03 09:60', '2025-03-03 09:00:60', '2025-02-29 09:00', '2025-13-01', '2025-03-03T09:00:00+7']) {
      expect(() => start(bad)).toThrow(`ticket T-1: field requested: expected a date-time, got "${bad}"`);
    }
  });

  it('names the field of a date it cannot read', () => {
    const clock = clockFor(retro);
    const error = (requested: string) => {
      try {
        clock.compute(ticket('Open', [], { requested }), at('13:00'));
      } catch (e) {
        return e as SlaError;
      }
      throw new Error('no error');
    };
    expect(error('soon')).toMatchObject({ field: 'fields.requested', message: 'ticket T-1: field requested: expected a date-time, got "soon"' });
    expect(error('2025-02-30 09:00').message).toBe('ticket T-1: field requested: expected a date-time, got "2025-02-30 09:00"');
    expect(error('1850-01-01T00:00:00Z')).toMatchObject({
      field: 'field requested',
      message: 'ticket T-1: field requested: expected a date-time in the years 1900-2300 (epoch milliseconds), got 1850-01-01T00:00:00.000Z',
    });
  });
});

describe('SLA clock: policy and argument errors', () => {
  const thrown = (fn: () => unknown): SlaError => {
    try {
      fn();
    } catch (e) {
      return e as SlaError;
    }
    throw new Error('no error');
  };

  it('names the calendars it knows, or none', () => {
    expect(thrown(() => createSlaClock(base, {}))).toMatchObject({
      field: 'goals.0.calendar',
      message: 'policy p: goals.0.calendar: no calendar named "office" (known: none)',
    });
    const shop = office();
    expect(thrown(() => createSlaClock({ ...base, goals: [{ target: '2h', calendar: 'shop' }, { target: '1h', calendar: 'field' }] }, { shop, night: shop })).message).toBe(
      'policy p: goals.1.calendar: no calendar named "field" (known: shop, night)',
    );
  });

  it('puts the error on the policy itself when the issue has no path', () => {
    expect(thrown(() => createSlaClock(null as unknown as SlaPolicyInput, {}))).toMatchObject({
      field: 'policy',
      message: 'policy (no id): Invalid input: expected object, received null',
    });
    expect(thrown(() => createSlaClock({ ...base, name: '' }, {}))).toMatchObject({ field: 'name' });
  });

  it('rejects as-of and creation times outside the calendars’ years', () => {
    const clock = clockFor();
    expect(thrown(() => clock.compute(ticket('Open', []), NaN))).toMatchObject({
      field: 'asOf',
      message: 'asOf: expected a date-time in the years 1900-2300 (epoch milliseconds), got NaN',
    });
    expect(thrown(() => clock.compute({ ...ticket('Open', []), created: Date.UTC(2400, 0, 1) }, at('10:00'))).message).toBe(
      'ticket T-1: created: expected a date-time in the years 1900-2300 (epoch milliseconds), got 2400-01-01T00:00:00.000Z',
    );
    expect(thrown(() => clock.compute({ ...ticket('Open', []), created: '2025-03-03' as unknown as number }, at('10:00'))).message).toBe(
      'ticket T-1: created: expected a date-time in the years 1900-2300 (epoch milliseconds), got "2025-03-03"',
    );
    expect(thrown(() => clock.compute(ticket('Open', []), 1e300)).message).toBe(
      'asOf: expected a date-time in the years 1900-2300 (epoch milliseconds), got 1e+300',
    );
  });
});

describe('TicketClock: one change at a time', () => {
  const stream = (clock: SlaClock, history: TicketHistory, asOf: number) => {
    const got: Array<[number, SlaCycle]> = [];
    const tc = clock.open(history, (cycle, n) => got.push([n, cycle]));
    for (const e of history.events) if (e.at <= asOf) tc.apply(e.at, e.field, e.to);
    tc.finish(asOf);
    return got;
  };

  it('gives the cycles of compute(), numbered from 1', () => {
    const clock = clockFor();
    const history = ticket('Open', [
      ['09:30', 'status', 'On hold'],
      ['10:00', 'status', 'Open'],
      ['11:00', 'status', 'Done'],
      ['12:00', 'status', 'Open'],
      ['12:30', 'priority', 'High'],
      ['14:00', 'status', 'Closed'],
      ['15:00', 'status', 'Reopened'],
    ]);
    const streamed = stream(clock, history, at('16:00'));
    expect(streamed.map(([n]) => n)).toEqual([1, 2, 3]);
    expect(streamed.map(([, c]) => c)).toEqual(clock.compute(history, at('16:00'))!.cycles);
    expect(streamed.map(([, c]) => brief(c))).toEqual([
      ['09:00', '11:00', 90, 30, '11:30', 'met'],
      ['12:00', '14:00', 120, 0, '14:00', 'met'],
      ['15:00', null, 60, 0, '17:00', 'ongoing'],
    ]);
  });

  it('tells whether the ticket was resolved and reopened', () => {
    const clock = clockFor();
    const tc = clock.open(ticket('Open', []), () => undefined);
    expect([tc.resolved, tc.reopened]).toEqual([false, false]);
    tc.apply(at('09:30'), 'status', 'In progress');
    expect([tc.resolved, tc.reopened]).toEqual([false, false]);
    tc.apply(at('10:00'), 'status', 'Done');
    expect([tc.resolved, tc.reopened]).toEqual([true, false]);
    tc.apply(at('11:00'), 'status', 'Open');
    expect([tc.resolved, tc.reopened]).toEqual([true, true]);
    expect(clock.open(ticket('Closed', []), () => undefined).resolved).toBe(true);
  });

  it('follows the fields at the stop to pick the goal, and hands over nothing while no goal applies', () => {
    const clock = clockFor({ goals: [{ when: [{ field: 'priority', in: ['High'] }], target: '1h', calendar: 'office', label: 'Urgent' }] });
    const got: Array<[number, string, number]> = [];
    const tc = clock.open({ key: 'T-9', created: at('09:00'), status: 'Open', fields: { priority: 'Low' } }, (c, n) => got.push([n, c.goalLabel, c.elapsedMinutes]));
    tc.apply(at('10:00'), 'status', 'Done'); // Low: no goal, nothing handed over
    tc.apply(at('11:00'), 'status', 'Open');
    tc.fields = { priority: 'High' };
    tc.apply(at('11:30'), 'priority', 'High');
    tc.apply(at('12:00'), 'status', 'Done');
    tc.finish(at('13:00'));
    expect(got).toEqual([[1, 'Urgent', 60]]);
  });

  it('refuses changes out of time order, naming the change and the one before it', () => {
    const clock = clockFor();
    const tc = clock.open(ticket('Open', []), () => undefined);
    expect(() => tc.apply(at('08:00'), 'status', 'Done')).toThrow(
      "ticket T-1: events.0.at: 2025-03-03T08:00:00.000Z is before the ticket's creation (2025-03-03T09:00:00.000Z); events must be in time order",
    );
    const tc2 = clock.open(ticket('Open', []), () => undefined);
    tc2.apply(at('10:00'), 'status', 'On hold');
    tc2.apply(at('10:00'), 'status', 'Open'); // the same instant is in order
    expect(() => tc2.apply(at('09:30'), 'status', 'Done')).toThrow(
      'ticket T-1: events.2.at: 2025-03-03T09:30:00.000Z is before the change before it (2025-03-03T10:00:00.000Z); events must be in time order',
    );
    expect(() => tc2.apply(NaN, 'status', 'Done')).toThrow('ticket T-1: events.3.at: expected a date-time in the years 1900-2300 (epoch milliseconds), got NaN');
  });

  it('finishes before creation with nothing', () => {
    const got: SlaCycle[] = [];
    const tc = clockFor().open(ticket('Open', []), (c) => got.push(c));
    tc.finish(at('08:00'));
    expect(got).toEqual([]);
  });

  it('suspends an idle clock into six numbers and resumes it with the same cycles as compute()', () => {
    const clock = clockFor();
    const history = ticket('Open', [
      ['10:00', 'status', 'Done'],
      ['11:00', 'resolution', 'Fixed'],
      ['12:00', 'status', 'Reopened'],
      ['13:00', 'status', 'Closed'],
    ]);
    const got: Array<[number, SlaCycle]> = [];
    const onCycle = (c: SlaCycle, n: number) => got.push([n, c]);
    let tc = clock.open(history, onCycle);
    expect(tc.suspend()).toBeNull(); // running
    const states: unknown[] = [];
    let status = history.status;
    for (const e of history.events) {
      tc.apply(e.at, e.field, e.to);
      if (e.field === 'status') status = e.to!;
      const state = tc.suspend();
      states.push(state);
      if (state !== null) tc = TicketClock.resume(clock, { key: history.key, status, fields: history.fields }, state, onCycle);
    }
    tc.finish(at('14:00'));
    expect(states).toEqual([
      // created, last change, changes, closed cycles, handed over, flags (1 stopped, 2 resolution set, 4 reopened,
      // 8 resolved), last stop
      [at('09:00'), at('10:00'), 1, 1, 1, 1 | 8, at('10:00')],
      [at('09:00'), at('11:00'), 2, 1, 1, 1 | 2 | 8, at('10:00')],
      null,
      [at('09:00'), at('13:00'), 4, 2, 2, 1 | 2 | 4 | 8, at('13:00')],
    ]);
    expect(got.map(([n]) => n)).toEqual([1, 2]);
    expect(got.map(([, c]) => c)).toEqual(clock.compute(history, at('14:00'))!.cycles);
    expect(tc.resolved && tc.reopened).toBe(true);
    // A resumed clock still checks time order against the last change.
    expect(() => tc.apply(at('12:00'), 'status', 'Open')).toThrow('events.4.at: 2025-03-03T12:00:00.000Z is before the change before it');
  });

  it('does not suspend a clock that still waits for a retroactive start', () => {
    const clock = clockFor({ start: { on: 'field', field: 'requested' } });
    const waiting = clock.open({ key: 'R-1', created: at('09:00'), status: 'Open', fields: { requested: '2025-03-03T11:00:00Z' } }, () => undefined);
    waiting.apply(at('10:00'), 'status', 'In progress');
    expect(waiting.suspend()).toBeNull();
    const stopped = clock.open({ key: 'R-2', created: at('09:00'), status: 'Done', fields: {} }, () => undefined);
    expect(stopped.suspend()).toEqual([at('09:00'), at('09:00'), 0, 0, 0, 1 | 8, NaN]);
    // Once its one cycle has closed, a reopened ticket waits for nothing more.
    const done = clock.open({ key: 'R-3', created: at('09:00'), status: 'Open', fields: { requested: '2025-03-03T09:00:00Z' } }, () => undefined);
    done.apply(at('10:00'), 'status', 'Done');
    done.apply(at('11:00'), 'status', 'Open');
    expect(done.suspend()).toEqual([at('09:00'), at('11:00'), 2, 1, 1, 4 | 8, at('10:00')]);
  });

  it('suspends a clock waiting for its start status', () => {
    const clock = clockFor({ start: { on: 'status', statuses: ['Approved'] } });
    const got: SlaCycle[] = [];
    const draft = { key: 'S-1', created: at('09:00'), status: 'Draft', fields: {} };
    const state = clock.open(draft, (c) => got.push(c)).suspend();
    expect(state).toEqual([at('09:00'), at('09:00'), 0, 0, 0, 0, NaN]);
    const tc = TicketClock.resume(clock, draft, state!, (c) => got.push(c));
    tc.apply(at('10:00'), 'status', 'Approved');
    tc.finish(at('11:00'));
    expect(got.map(brief)).toEqual([['10:00', null, 60, 0, '12:00', 'ongoing']]);
  });

  it('resumes a clock stopped by its resolution while in a running status', () => {
    const clock = clockFor({ stop: { resolutionSet: true } });
    const history = ticket('Open', [
      ['10:00', 'resolution', 'Fixed'],
      ['11:00', 'assignee', 'ann'],
      ['12:00', 'resolution', null],
    ]);
    const got: SlaCycle[] = [];
    const onCycle = (c: SlaCycle) => got.push(c);
    const first = clock.open(history, onCycle);
    first.apply(at('10:00'), 'resolution', 'Fixed');
    const state = first.suspend()!;
    expect(state).toEqual([at('09:00'), at('10:00'), 1, 1, 1, 1 | 2 | 8, at('10:00')]);
    const resumed = TicketClock.resume(clock, { key: 'T-1', status: 'Open', fields: {} }, state, onCycle);
    expect([resumed.resolved, resumed.reopened]).toEqual([true, false]);
    resumed.apply(at('11:00'), 'assignee', 'ann');
    expect(resumed.suspend()).toEqual([at('09:00'), at('11:00'), 2, 1, 1, 1 | 2 | 8, at('10:00')]);
    resumed.apply(at('12:00'), 'resolution', null);
    resumed.finish(at('13:00'));
    expect(got).toEqual(clock.compute(history, at('13:00'))!.cycles);
    expect(got.map(brief)).toEqual([
      ['09:00', '10:00', 60, 0, '11:00', 'met'],
      ['12:00', null, 60, 0, '14:00', 'ongoing'],
    ]);
  });
});
