import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../core/calendar/compile';
import { dayNumberOfIso, isoOfDayNumber } from '../core/calendar/days';
import { prepareWorkdays } from '../core/calendar/workdays';
import { CalendarError } from '../core/calendar/errors';
import { csat, errorRate, inps, reopenRate, tatStats } from '../core/kpi';
import { KpiInputError } from '../core/kpi/errors';
import { aggregatePeriod } from '../core/scorecard/period';
import { computeSla, createSlaClock, parseFieldDateTime, type SlaCycle } from '../core/sla/clock';
import { SlaError } from '../core/sla/errors';
import type { SlaPolicyInput } from '../core/sla/policy';
import type { TicketHistory } from '../core/sla/ticket';

const t = (iso: string) => Date.parse(iso);
const weekdays = { Mo: [{ start: '09:00', end: '17:00' }], Tu: [{ start: '09:00', end: '17:00' }], We: [{ start: '09:00', end: '17:00' }], Th: [{ start: '09:00', end: '17:00' }], Fr: [{ start: '09:00', end: '17:00' }] };
const hanoi = compileCalendar({ timeZone: 'Asia/Ho_Chi_Minh', weekly: weekdays });
const policy: SlaPolicyInput = { id: 'p', name: 'P', stop: { statuses: ['Done'] }, goals: [{ target: '8h', calendar: 'hanoi' }] };
const ticket = (events: TicketHistory['events'], created = t('2025-03-03T03:00:00Z')): TicketHistory => ({ key: 'T-1', created, status: 'Open', fields: {}, events });
const done = (iso: string) => ({ at: t(iso), field: 'status', to: 'Done' });
const asOf = t('2025-04-01T00:00:00Z');

describe('core guards: calendars', () => {
  it('workingMinutesBetween names an instant far outside the covered years (1e20, Infinity, NaN)', () => {
    expect(() => hanoi.workingMinutesBetween(0, 1e20)).toThrow('instant: 100000000000000000000 is outside the years 1900-2300 that calendars cover');
    expect(() => hanoi.workingMinutesBetween(t('2500-01-01T00:00:00Z'), 0)).toThrow('instant: 2500-01-01 is outside the years 1900-2300');
    expect(() => hanoi.workingMinutesBetween(0, Infinity)).toThrow('instant: expected a date-time, got Infinity');
    expect(() => hanoi.workingMinutesBetween(NaN, 0)).toThrow(CalendarError);
  });

  it('reads ISO dates of the years 0001-0099 as written (Date.UTC would read them 1900 years late)', () => {
    expect(isoOfDayNumber(dayNumberOfIso('0001-01-01'))).toBe('0001-01-01');
    expect(isoOfDayNumber(dayNumberOfIso('0099-12-31'))).toBe('0099-12-31');
    expect(dayNumberOfIso('0100-01-01') - dayNumberOfIso('0099-12-31')).toBe(1);
    expect(dayNumberOfIso('1970-01-02')).toBe(1);
  });

  it('day counts leave out holidays beyond the dates a spreadsheet holds instead of tabulating their span (1e300)', () => {
    const days = prepareWorkdays(1, [1e300, -1e300, dayNumberOfIso('2025-01-01')]);
    expect(days.count(dayNumberOfIso('2024-12-30'), dayNumberOfIso('2025-01-03'))).toBe(4);
    expect(days.add(dayNumberOfIso('2024-12-31'), 1)).toBe(dayNumberOfIso('2025-01-02'));
  });

  it('an SLA due beyond the holiday tables names their years and the holidays option, not the calendars\' 1900-2300', () => {
    const vn = compileCalendar({ timeZone: 'Asia/Ho_Chi_Minh', weekly: weekdays, holidayCountries: ['VN'] });
    const late: SlaPolicyInput = { ...policy, goals: [{ target: '3bd', calendar: 'vn' }] };
    const clock = createSlaClock(late, { vn });
    expect(() => clock.compute(ticket([], t('2060-12-29T01:00:00Z')), t('2060-12-30T00:00:00Z'))).toThrow(
      /goals\.0\.target: 3bd from 2060-12-29.* is due outside the years 2000-2060 that the public-holiday tables cover \(holidays=VN\)/,
    );
  });

  it('rejects an unknown weekday key instead of leaving that day without hours', () => {
    expect(() => compileCalendar({ timeZone: 'UTC', weekly: { Mon: [{ start: '09:00', end: '17:00' }] } as never })).toThrow(
      'calendar.weekly: unknown weekday key "Mon" (expected Mo, Tu, We, Th, Fr, Sa, Su)',
    );
  });
});

describe('core guards: computeSla', () => {
  it('computes an ordinary ticket (the guards let good input through)', () => {
    const result = computeSla(policy, ticket([done('2025-03-03T05:00:00Z')]), { hanoi }, asOf)!;
    expect(result.cycles.map((c) => [c.elapsedMinutes, c.state])).toEqual([[120, 'met']]);
  });

  it('rejects an as-of or creation time that is not a date in the covered years', () => {
    for (const bad of [1e20, -1e20, Infinity, NaN]) {
      expect(() => computeSla(policy, ticket([]), { hanoi }, bad)).toThrow(/^asOf: expected a date-time in the years 1900-2300 \(epoch milliseconds\), got /);
      expect(() => computeSla(policy, ticket([], bad), { hanoi }, asOf)).toThrow(/^ticket T-1: created: expected a date-time in the years 1900-2300/);
    }
  });

  it('names an event before the creation or out of order, and one at 1e20', () => {
    expect(() => computeSla(policy, ticket([done('2025-03-01T00:00:00Z')]), { hanoi }, asOf)).toThrow(
      "ticket T-1: events.0.at: 2025-03-01T00:00:00.000Z is before the ticket's creation (2025-03-03T03:00:00.000Z); events must be in time order",
    );
    const reopen = { at: t('2025-03-03T04:00:00Z'), field: 'status', to: 'Open' };
    expect(() => computeSla(policy, ticket([done('2025-03-03T05:00:00Z'), reopen]), { hanoi }, asOf)).toThrow(
      'ticket T-1: events.1.at: 2025-03-03T04:00:00.000Z is before the change before it (2025-03-03T05:00:00.000Z); events must be in time order',
    );
    expect(() => computeSla(policy, ticket([{ at: 1e20, field: 'status', to: 'Done' }]), { hanoi }, 1e20)).toThrow(SlaError);
  });

  it('names the goal whose due time leaves the covered years', () => {
    const huge = { ...policy, goals: [{ target: { minutes: 1e12 }, calendar: 'hanoi' }] };
    expect(() => computeSla(huge, ticket([done('2025-03-03T05:00:00Z')]), { hanoi }, asOf)).toThrow(
      'policy p: goals.0.target: 1000000000000m from 2025-03-03T03:00:00.000Z (ticket T-1) is due outside the years 1900-2300 that calendars cover',
    );
  });

  it('rejects a goal calendar without working hours when the policy is bound', () => {
    const closed = compileCalendar({ timeZone: 'UTC', weekly: {} });
    expect(() => createSlaClock({ ...policy, goals: [{ target: '8h', calendar: 'closed' }] }, { closed })).toThrow(
      'policy p: goals.0.calendar: calendar "closed" has no working hours on any day',
    );
  });

  it('binds a policy without querying its calendars (a query would build tables, and cold holiday years, it never needs)', () => {
    const calendar = compileCalendar({ timeZone: 'Asia/Ho_Chi_Minh', weekly: { Mo: [{ start: '08:00', end: '17:00' }] } });
    const untouched = new Proxy(calendar, {
      get: (target, name): unknown => {
        const member: unknown = Reflect.get(target, name);
        return typeof member === 'function' ? () => expect.fail(`queried ${String(name)}`) : member;
      },
    });
    expect(() => createSlaClock(policy, { hanoi: untouched })).not.toThrow();
  });

  it('reads a retroactive start without an offset in the calendar zone, whatever the machine zone', () => {
    // 08:00 in Hanoi (UTC+7) is 01:00Z; the office opens at 09:00 local = 02:00Z, so 1 h runs before 03:00Z.
    expect(parseFieldDateTime('2025-03-03T08:00', 'Asia/Ho_Chi_Minh')).toBe(t('2025-03-03T01:00:00Z'));
    expect(parseFieldDateTime('2025-03-03 08:00:30.5', 'Asia/Ho_Chi_Minh')).toBe(t('2025-03-03T01:00:30.500Z'));
    expect(parseFieldDateTime('2025-03-03', 'Asia/Ho_Chi_Minh')).toBe(t('2025-03-02T17:00:00Z'));
    expect(parseFieldDateTime('2025-03-03T08:00:00+01:00', 'Asia/Ho_Chi_Minh')).toBe(t('2025-03-03T07:00:00Z'));
    expect(parseFieldDateTime('2025-02-30T08:00', 'UTC')).toBeNaN();
    expect(parseFieldDateTime('2025-03-03T08:00-0530', 'UTC')).toBe(t('2025-03-03T13:30:00Z'));
    expect(parseFieldDateTime('2024-02-29 23:59:59.9999', 'UTC')).toBe(t('2024-02-29T23:59:59.999Z'));
    for (const bad of ['2025-03-03T24:01', '2025-03-03T08:60', '2025-03-03T08:00+07:60', '2025-03-03 08:00+07:00', '2025-03-03+07:00', '2025-3-3']) {
      expect(parseFieldDateTime(bad, 'UTC'), bad).toBeNaN();
    }
    const retro = { ...policy, start: { on: 'field' as const, field: 'requested' } };
    const cycles = computeSla(retro, { ...ticket([done('2025-03-03T05:00:00Z')]), fields: { requested: '2025-03-03T08:00' } }, { hanoi }, asOf)!.cycles;
    expect(cycles.map((c: SlaCycle) => [c.start, c.elapsedMinutes])).toEqual([[t('2025-03-03T01:00:00Z'), 180]]);
  });
});

describe('core guards: aggregatePeriod and KPI functions', () => {
  it('aggregatePeriod names an instant beyond any date, or Infinity', () => {
    expect(() => aggregatePeriod([{ at: 0, value: 1 }, { at: 1e20, value: 1 }], 'month', 'sum')).toThrow(
      'aggregatePeriod: values.at row 2: 100000000000000000000 is outside the dates a period can hold',
    );
    expect(() => aggregatePeriod([{ at: Infinity, value: 1 }], 'month', 'sum')).toThrow('aggregatePeriod: values.at row 1: Infinity is not a number');
    expect(() => aggregatePeriod([{ at: 0, value: -Infinity }], 'month', 'sum')).toThrow(KpiInputError);
  });

  it('counts must not be negative nor infinite', () => {
    expect(() => reopenRate(-1, 5)).toThrow('reopenRate: reopened must not be negative');
    expect(() => reopenRate(1, Infinity)).toThrow('reopenRate: resolved must be a number, not Infinity');
    expect(() => errorRate(Infinity, 10)).toThrow('ERROR_RATE: errors must be a number, not Infinity');
    expect(() => tatStats([1, -2])).toThrow('TAT: durations row 2: -2 is negative');
    expect(() => tatStats([Infinity])).toThrow('TAT: durations row 1: Infinity is not a number');
    expect(() => csat([5, Infinity])).toThrow('CSAT: scores row 2: Infinity is not a whole number from 1 to 5');
    expect(() => inps([-1])).toThrow('INPS: scores row 1: -1 is not a whole number from 0 to 10');
  });
});
