import { beforeEach, describe, expect, it } from 'vitest';
import { compileCalendar } from '../core/calendar/compile';
import type { WorkCalendar } from '../core/calendar/types';
import { createSlaClock, type SlaClock, type SlaCycle } from '../core/sla/clock';
import { periodLabel } from '../core/calendar/period';
import { ComplianceTally, slaCompliance } from '../core/sla/compliance';
import { parseTarget } from '../core/sla/target';
import { TicketHistorySchema, type TicketHistory } from '../core/sla/ticket';
import type { SlaPolicyInput } from '../core/sla/policy';
import { loadSlaVectors } from './vectors/load';

const t = (iso: string) => Date.parse(iso);

/**
 * Every test builds what it uses (calendars, clocks, vectors): a compiled calendar grows its tables on demand, so a
 * calendar shared between tests would let one test's dates change the state another test starts from.
 */
type SlaVectors = ReturnType<typeof loadSlaVectors>;
const cyclesOf = (vectors: SlaVectors, vector: SlaVectors['cases'][number]) =>
  vectors.clocks[vector.policy].compute(vector.ticket, vector.asOf);

describe('SLA clock: shared vectors', () => {
  // Loaded here only to name the tests; each test loads its own.
  const names = loadSlaVectors().cases.map(({ ticket, name }) => `${ticket.key}: ${name}`);
  names.forEach((name, index) => {
    it(name, () => {
      const vectors = loadSlaVectors();
      const vector = vectors.cases[index];
      const result = cyclesOf(vectors, vector);
      if (vector.cycles === null) {
        expect(result).toBeNull();
        return;
      }
      expect(result).not.toBeNull();
      const actual = result!.cycles.map(({ start, stop, goalMinutes, elapsedMinutes, pausedMinutes, remainingMinutes, due, state }) => ({
        start,
        stop,
        goalMinutes,
        elapsedMinutes,
        pausedMinutes,
        remainingMinutes,
        due,
        state,
      }));
      expect(actual).toEqual(vector.cycles);
    });
  });

  it('gives the compliance worked by hand', () => {
    const vectors = loadSlaVectors();
    const allCycles: SlaCycle[] = vectors.cases.flatMap((vector) => cyclesOf(vectors, vector)?.cycles ?? []);
    expect(allCycles).toHaveLength(8);
    const overall = slaCompliance(allCycles);
    expect(overall.total).toEqual(vectors.compliance.total);
    const byPolicy = slaCompliance(allCycles, { groupBy: 'policy' });
    expect(byPolicy.groups.map(({ period: _period, ...rest }) => rest)).toEqual(vectors.compliance.byPolicy);
  });
});

describe('SLA clock: behaviour', () => {
  let office: WorkCalendar;
  let clock: SlaClock;
  const policy: SlaPolicyInput = {
    id: 'p',
    name: 'Response',
    start: { on: 'status', statuses: ['Approved'] },
    pause: { statuses: ['On hold'] },
    stop: { statuses: ['Done'] },
    goals: [{ target: { minutes: 120 }, calendar: 'office' }],
  };
  beforeEach(() => {
    office = compileCalendar({
      timeZone: 'UTC',
      weekly: Object.fromEntries(['Mo', 'Tu', 'We', 'Th', 'Fr'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
    });
    clock = createSlaClock(policy, { office });
  });
  const ticket = (events: TicketHistory['events'], status = 'Draft'): TicketHistory => ({
    key: 'T-1',
    created: t('2025-03-03T09:00:00Z'),
    status,
    fields: {},
    events,
  });

  it('starts on entering a start status and starts again after a stop', () => {
    const result = clock.compute(
      ticket([
        { at: t('2025-03-03T10:00:00Z'), field: 'status', to: 'Approved' },
        { at: t('2025-03-03T11:00:00Z'), field: 'status', to: 'Done' },
        { at: t('2025-03-03T12:00:00Z'), field: 'status', to: 'Draft' },
        { at: t('2025-03-03T13:00:00Z'), field: 'status', to: 'Approved' },
      ]),
      t('2025-03-03T13:30:00Z'),
    )!;
    expect(result.cycles.map((c) => [c.start, c.stop, c.elapsedMinutes, c.state])).toEqual([
      [t('2025-03-03T10:00:00Z'), t('2025-03-03T11:00:00Z'), 60, 'met'],
      [t('2025-03-03T13:00:00Z'), null, 30, 'ongoing'],
    ]);
  });

  it('ignores events after the as-of time and fields that are not status or resolution', () => {
    const result = clock.compute(
      ticket(
        [
          { at: t('2025-03-03T10:00:00Z'), field: 'assignee', to: 'an' },
          { at: t('2025-03-03T16:00:00Z'), field: 'status', to: 'Done' },
        ],
        'Approved',
      ),
      t('2025-03-03T10:30:00Z'),
    )!;
    expect(result.cycles).toHaveLength(1);
    expect(result.cycles[0]).toMatchObject({ stop: null, elapsedMinutes: 90, remainingMinutes: 30, due: t('2025-03-03T11:00:00Z') });
  });

  it('recomputes history when the goal changes: the thing JSM cannot do', () => {
    const history = ticket([{ at: t('2025-03-03T12:00:00Z'), field: 'status', to: 'Done' }], 'Approved');
    expect(clock.compute(history, t('2025-03-04T00:00:00Z'))!.cycles[0].state).toBe('breached');
    const relaxed = createSlaClock({ ...policy, goals: [{ target: '4h', calendar: 'office' }] }, { office });
    expect(relaxed.compute(history, t('2025-03-04T00:00:00Z'))!.cycles[0].state).toBe('met');
  });

  // Created Monday 09:00 in a start status: the 120-minute goal is due at 11:00 the same morning. Reaching the goal
  // exactly is not a breach; only working time beyond it is.
  const due = t('2025-03-03T11:00:00Z');

  it('is met when the ticket stops exactly at its due time, and breached when it stops a minute later', () => {
    const stopAt = (at: number) => clock.compute(ticket([{ at, field: 'status', to: 'Done' }], 'Approved'), t('2025-03-04T00:00:00Z'))!.cycles;
    expect(stopAt(due)).toEqual([
      expect.objectContaining({ stop: due, elapsedMinutes: 120, remainingMinutes: 0, due, state: 'met' }),
    ]);
    expect(stopAt(due + 60_000)).toEqual([
      expect.objectContaining({ stop: due + 60_000, elapsedMinutes: 121, remainingMinutes: -1, due, state: 'breached' }),
    ]);
  });

  it('keeps an open ticket ongoing when evaluated exactly at its due time, and breached one millisecond later', () => {
    const openAsOf = (asOf: number) => clock.compute(ticket([], 'Approved'), asOf)!.cycles;
    expect(openAsOf(due)).toEqual([
      expect.objectContaining({ stop: null, elapsedMinutes: 120, remainingMinutes: 0, due, state: 'ongoing' }),
    ]);
    expect(openAsOf(due + 1)).toEqual([
      expect.objectContaining({ stop: null, elapsedMinutes: 120 + 1 / 60_000, due, state: 'breached' }),
    ]);
  });

  it('gives nothing before the ticket exists', () => {
    expect(clock.compute(ticket([], 'Approved'), t('2025-03-01T00:00:00Z'))!.cycles).toEqual([]);
  });

  it('rejects bad policies, unknown calendars and bad field dates with the exact reason', () => {
    expect(() => createSlaClock(null as unknown as SlaPolicyInput, { office })).toThrow(
      'policy (no id): Invalid input: expected object, received null',
    );
    expect(() => createSlaClock({ ...policy, goals: [{ target: { businessDays: 1.5 }, calendar: 'office' }] }, { office })).toThrow(
      'policy p: goals.0.target: expected working hours (8), a duration with a unit (30m, 2.5h) or whole business days (3bd), got {"businessDays":1.5}',
    );
    expect(() => createSlaClock({ ...policy, goals: [] }, { office })).toThrow('policy p: goals: give at least one goal');
    expect(() => createSlaClock({ ...policy, stop: { statuses: [] } }, { office })).toThrow(
      'policy p: stop: give stop statuses, resolutionSet: true or stop events',
    );
    expect(() => createSlaClock({ ...policy, goals: [{ target: '3 days', calendar: 'office' }] }, { office })).toThrow(
      'policy p: goals.0.target: expected working hours (8), a duration with a unit (30m, 2.5h) or whole business days (3bd), got "3 days"',
    );
    expect(() => createSlaClock({ ...policy, goals: [{ target: '8h', calendar: 'finance' }] }, { office })).toThrow(
      'policy p: goals.0.calendar: no calendar named "finance" (known: office)',
    );
    const retro = createSlaClock({ ...policy, start: { on: 'field', field: 'requested' } }, { office });
    expect(() => retro.compute({ ...ticket([]), fields: { requested: 'last week' } }, t('2025-03-04T00:00:00Z'))).toThrow(
      'ticket T-1: field requested: expected a date-time, got "last week"',
    );
    expect(retro.compute(ticket([]), t('2025-03-04T00:00:00Z'))!.cycles).toEqual([]);
  });
});

describe('parseTarget', () => {
  it('reads hours, minutes and business days', () => {
    expect(parseTarget(8)).toEqual({ minutes: 480 });
    expect(parseTarget('30m')).toEqual({ minutes: 30 });
    expect(parseTarget('2.5h')).toEqual({ minutes: 150 });
    expect(parseTarget(' 3BD ')).toEqual({ businessDays: 3 });
    expect(parseTarget('45bd')).toEqual({ businessDays: 45 });
  });
  it('names the argument in errors', () => {
    expect(() => parseTarget('1.5bd', 'target row 4')).toThrow(
      'target row 4: expected working hours (8), a duration with a unit (30m, 2.5h) or whole business days (3bd), got "1.5bd"',
    );
    expect(() => parseTarget(0)).toThrow('got 0');
    expect(() => parseTarget(true)).toThrow('got true');
  });
});

describe('slaCompliance', () => {
  const cycle = (state: SlaCycle['state'], stop: string | null, fields: SlaCycle['fields'] = {}): SlaCycle => ({
    policyId: 'p',
    ticketKey: 'K',
    fields,
    goalLabel: '8h',
    start: t('2025-01-01T00:00:00Z'),
    stop: stop === null ? null : t(stop),
    goalMinutes: 480,
    elapsedMinutes: 0,
    pausedMinutes: 0,
    remainingMinutes: 0,
    due: t('2025-03-01T00:00:00Z'),
    state,
  });

  it('is 0.95 for 95 met of 100', () => {
    const cycles = [...Array(95).fill(cycle('met', '2025-01-02T00:00:00Z')), ...Array(5).fill(cycle('breached', '2025-01-02T00:00:00Z'))];
    expect(slaCompliance(cycles).total.compliance).toBe(0.95);
  });

  it('groups by field and by period in a time zone, and leaves nothing-measurable as null', () => {
    const cycles = [
      cycle('met', '2025-01-31T18:00:00Z', { priority: 'High' }), // 1 Feb in Hanoi
      cycle('breached', '2025-01-31T10:00:00Z', { priority: 'High' }),
      cycle('ongoing', null, { priority: 'Low' }),
    ];
    const report = slaCompliance(cycles, { groupBy: 'priority', period: 'month', timeZone: 'Asia/Ho_Chi_Minh' });
    expect(report.groups).toEqual([
      { key: 'High', period: '2025-01', met: 0, breached: 1, ongoingBreached: 0, ongoing: 0, compliance: 0 },
      { key: 'High', period: '2025-02', met: 1, breached: 0, ongoingBreached: 0, ongoing: 0, compliance: 1 },
      { key: 'Low', period: '2025-03', met: 0, breached: 0, ongoingBreached: 0, ongoing: 1, compliance: null },
    ]);
    expect(() => slaCompliance(cycles, { period: 'month', timeZone: 'Nowhere/City' })).toThrow(
      'timeZone: expected an IANA time zone such as Asia/Ho_Chi_Minh, got "Nowhere/City"',
    );
  });

  it('counts as cycles arrive: a report taken midway is not changed by later cycles', () => {
    const tally = new ComplianceTally({ groupBy: 'priority' });
    tally.add(cycle('met', '2025-01-02T00:00:00Z', { priority: 'High' }));
    const midway = tally.report();
    tally.add(cycle('breached', '2025-01-02T00:00:00Z', { priority: 'High' }));
    expect(midway.total.compliance).toBe(1);
    expect(midway.groups[0].met + midway.groups[0].breached).toBe(1);
    expect(tally.report().groups).toEqual([{ key: 'High', period: '', met: 1, breached: 1, ongoingBreached: 0, ongoing: 0, compliance: 0.5 }]);
  });

  it('labels ISO weeks, quarters and years', () => {
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    expect(periodLabel(day('2021-01-01'), 'week')).toBe('2020-W53');
    expect(periodLabel(day('2024-12-30'), 'week')).toBe('2025-W01');
    expect(periodLabel(day('2025-03-05'), 'week')).toBe('2025-W10');
    expect(periodLabel(day('2025-08-15'), 'quarter')).toBe('2025-Q3');
    expect(periodLabel(day('2025-08-15'), 'year')).toBe('2025');
    expect(periodLabel(day('2025-08-15'), 'day')).toBe('2025-08-15');
  });
});

describe('TicketHistorySchema', () => {
  it('reads ISO date-times with offsets and rejects events out of order', () => {
    const ok = TicketHistorySchema.parse({ key: 'A-1', created: '2025-03-03T09:00:00+07:00', status: 'Open' });
    expect(ok.created).toBe(t('2025-03-03T02:00:00Z'));
    const late = TicketHistorySchema.safeParse({
      key: 'A-1',
      created: '2025-03-03T09:00:00Z',
      status: 'Open',
      events: [{ at: '2025-03-02T09:00:00Z', field: 'status', to: 'Done' }],
    });
    expect(late.success).toBe(false);
    expect(late.error!.issues[0]).toMatchObject({ path: ['events', 0, 'at'], message: 'events must be in time order, none before the ticket was created' });
    const noZone = TicketHistorySchema.safeParse({ key: 'A-1', created: '2025-03-03 09:00', status: 'Open' });
    expect(noZone.error!.issues[0].message).toBe(
      'expected an ISO date-time with a zone offset (2025-03-01T08:30:00+07:00), got "2025-03-03 09:00"',
    );
  });
});
