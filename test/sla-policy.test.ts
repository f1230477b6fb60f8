import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { SlaCycle } from '../core/sla/clock';
import { ComplianceTally, slaCompliance, type ComplianceEntry } from '../core/sla/compliance';
import { SlaError } from '../core/sla/errors';
import { SlaPolicySchema, type SlaPolicyInput } from '../core/sla/policy';
import { formatTarget, parseTarget, readTarget } from '../core/sla/target';
import { parseFieldDateTime } from '../core/sla/clock';
import { TicketHistorySchema } from '../core/sla/ticket';

/** `path: message (code)` of each issue. */
const issuesOf = (schema: z.ZodType, input: unknown): string[] => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (${issue.code})`);
};

const EXPECTED_TARGET = 'expected working hours (8), a duration with a unit (30m, 2.5h) or whole business days (3bd)';

describe('SlaPolicySchema', () => {
  const policy: SlaPolicyInput = { id: 'p', name: 'Response', stop: { statuses: ['Done'] }, goals: [{ target: '8h', calendar: 'office' }] };
  const withTarget = (target: unknown) => ({ ...policy, goals: [{ target, calendar: 'office' }] });
  const targetOf = (target: unknown) => SlaPolicySchema.parse(withTarget(target)).goals[0].target;

  it('reads targets given as objects, numbers of hours and text', () => {
    expect(targetOf({ minutes: 90 })).toEqual({ minutes: 90 });
    expect(targetOf({ minutes: 0.5 })).toEqual({ minutes: 0.5 });
    expect(targetOf({ businessDays: 3 })).toEqual({ businessDays: 3 });
    expect(targetOf(4)).toEqual({ minutes: 240 });
    expect(targetOf('3bd')).toEqual({ businessDays: 3 });
    expect(targetOf('90m')).toEqual({ minutes: 90 });
  });

  it('rejects targets that are not a positive duration or whole business days, quoting the value', () => {
    const bad = (target: unknown) => issuesOf(SlaPolicySchema, withTarget(target));
    for (const target of [{ minutes: 0 }, { minutes: -5 }, { minutes: Infinity }, { minutes: '30' }, { businessDays: 0 }, { businessDays: -2 }, { businessDays: '3' }, {}]) {
      expect(bad(target)).toEqual([`goals.0.target: ${EXPECTED_TARGET}, got ${JSON.stringify(target)} (custom)`]);
    }
    expect(bad(null)).toEqual([`goals.0.target: ${EXPECTED_TARGET}, got null (custom)`]);
    expect(bad('0h')).toEqual([`goals.0.target: ${EXPECTED_TARGET}, got "0h" (custom)`]);
    expect(bad(-1)).toEqual([`goals.0.target: ${EXPECTED_TARGET}, got -1 (custom)`]);
  });

  it('needs in or notIn in a condition, and accepts either alone', () => {
    expect(issuesOf(SlaPolicySchema, { ...policy, appliesTo: [{ field: 'project' }] })).toEqual([
      'appliesTo.0: give "in" or "notIn" values to compare with (custom)',
    ]);
    expect(issuesOf(SlaPolicySchema, { ...policy, appliesTo: [{ field: '', in: ['A'] }] })).toEqual(['appliesTo.0.field: name the field to test (too_small)']);
    const parsed = SlaPolicySchema.parse({ ...policy, appliesTo: [{ field: 'project', notIn: ['HR'] }, { field: 'type', in: ['Bug'] }] });
    expect(parsed.appliesTo).toEqual([
      { field: 'project', notIn: ['HR'] },
      { field: 'type', in: ['Bug'] },
    ]);
  });

  it('fills the defaults: start on creation, no pauses, no conditions', () => {
    expect(SlaPolicySchema.parse(policy)).toEqual({
      ...policy,
      appliesTo: [],
      start: { on: 'created' },
      pause: { statuses: [], while: [] },
      stop: { statuses: ['Done'], resolutionSet: false, events: [] },
      goals: [{ when: [], target: { minutes: 480 }, calendar: 'office' }],
    });
    expect(issuesOf(SlaPolicySchema, { ...policy, start: { on: 'status', statuses: [] } })).toEqual(['start.statuses: list at least one status (too_small)']);
  });
});

describe('SLA targets as people write them', () => {
  it('reads hours, minutes and business days; a bare number or number in text is hours', () => {
    expect(parseTarget('8')).toEqual({ minutes: 480 });
    expect(parseTarget('4h')).toEqual({ minutes: 240 });
    expect(parseTarget('1.5H')).toEqual({ minutes: 90 });
    expect(parseTarget('90m')).toEqual({ minutes: 90 });
    expect(parseTarget('45 min')).toEqual({ minutes: 45 });
    expect(parseTarget('3bd')).toEqual({ businessDays: 3 });
    expect(parseTarget(0.25)).toEqual({ minutes: 15 });
  });

  it('refuses zero, fractions of business days and anything that is not text or a number', () => {
    for (const value of ['0bd', '0h', '0', '0m', '2.5bd', ['8'], { minutes: 30 }, true, null, undefined, Infinity, -2, '8 hours', 'h']) {
      expect(readTarget(value)).toBeNull();
    }
  });

  it('names the argument "target" unless told otherwise', () => {
    let error: unknown;
    try {
      parseTarget('0bd');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SlaError);
    expect(error).toMatchObject({ field: 'target', message: `target: ${EXPECTED_TARGET}, got "0bd"` });
    expect(() => parseTarget(['8'])).toThrow(`target: ${EXPECTED_TARGET}, got ["8"]`);
  });

  it('writes a target back in the shortest form', () => {
    expect(formatTarget({ minutes: 240 })).toBe('4h');
    expect(formatTarget({ minutes: 90 })).toBe('90m');
    expect(formatTarget({ minutes: 60 })).toBe('1h');
    expect(formatTarget({ businessDays: 3 })).toBe('3bd');
    for (const text of ['3bd', '4h', '90m']) expect(formatTarget(parseTarget(text))).toBe(text);
  });
});

describe('TicketHistorySchema', () => {
  it('rejects a day that does not exist even with a zone offset (Date.parse alone rolls 31 April into 1 May)', () => {
    const parse = (created: string) => TicketHistorySchema.safeParse({ key: 'A', status: 'Open', created });
    expect(parse('2025-02-31T09:00:00Z').success).toBe(false);
    expect(parse('2025-04-31T09:00:00+07:00').error?.issues[0].message).toBe(
      'expected an ISO date-time with a zone offset (2025-03-01T08:30:00+07:00), got "2025-04-31T09:00:00+07:00"',
    );
    expect(parse('2024-02-29T09:00:00Z').data?.created).toBe(Date.UTC(2024, 1, 29, 9));
    expect(parseFieldDateTime('2025-04-31T09:00:00+07:00', 'UTC')).toBeNaN();
    expect(parseFieldDateTime('2025-04-30T09:00:00+07:00', 'UTC')).toBe(Date.UTC(2025, 3, 30, 2));
  });

  const base = { key: 'A-1', status: 'Open' };

  it('takes epoch milliseconds as they are, and ISO date-times with Z or an offset with or without a colon', () => {
    expect(TicketHistorySchema.parse({ ...base, created: 1_740_992_400_000 }).created).toBe(1_740_992_400_000);
    expect(TicketHistorySchema.parse({ ...base, created: '2025-03-03T09:00:00Z' }).created).toBe(1_740_992_400_000);
    expect(TicketHistorySchema.parse({ ...base, created: '2025-03-03T16:00:00+0700' }).created).toBe(1_740_992_400_000);
    expect(TicketHistorySchema.parse({ ...base, created: '2025-03-03T04:00-05:00' }).created).toBe(1_740_992_400_000);
  });

  it('rejects numbers that are not finite and text that is not an ISO date-time with a zone', () => {
    // zod's number already refuses these (with its generic "Invalid input"), before the schema's own message.
    expect(TicketHistorySchema.safeParse({ ...base, created: Infinity }).success).toBe(false);
    expect(TicketHistorySchema.safeParse({ ...base, created: NaN }).success).toBe(false);
    for (const text of ['Mon, 03 Mar 2025 09:00:00 +0700', '+002025-03-03T09:00:00Z', '2025-03-03T09:00:00', '2025-03-03 09:00:00+07:00', 'soon']) {
      expect(issuesOf(TicketHistorySchema, { ...base, created: text })).toEqual([
        `created: expected an ISO date-time with a zone offset (2025-03-01T08:30:00+07:00), got "${text}" (custom)`,
      ]);
    }
  });

  it('wants events in time order: each not before the one before it, which may share its time', () => {
    const events = (...times: string[]) => ({ ...base, created: '2025-03-03T09:00:00Z', events: times.map((at) => ({ at, field: 'status', to: 'X' })) });
    expect(TicketHistorySchema.parse(events('2025-03-03T09:00:00Z', '2025-03-03T10:00:00Z', '2025-03-03T10:00:00Z')).events).toHaveLength(3);
    expect(issuesOf(TicketHistorySchema, events('2025-03-03T10:00:00Z', '2025-03-03T09:30:00Z'))).toEqual([
      'events.1.at: events must be in time order, none before the ticket was created (custom)',
    ]);
    expect(TicketHistorySchema.parse({ ...base, created: 0 })).toEqual({ ...base, created: 0, fields: {}, events: [] });
  });
});

describe('slaCompliance: counts per group and period', () => {
  const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
  const entry = (state: SlaCycle['state'], when: { stop?: string; due?: string; start?: string }, fields: SlaCycle['fields'] = {}, goalLabel = '8h', policyId = 'p'): ComplianceEntry => ({
    policyId,
    goalLabel,
    fields,
    start: day(when.start ?? '2025-01-01'),
    stop: when.stop ? day(when.stop) : null,
    due: when.due ? day(when.due) : null,
    state,
  });
  const counts = (met: number, breached: number, ongoingBreached: number, ongoing: number) => ({
    met,
    breached,
    ongoingBreached,
    ongoing,
    compliance: met + breached + ongoingBreached === 0 ? null : met / (met + breached + ongoingBreached),
  });

  it('counts met, breached, breached while open and not yet due; no grouping gives one group with an empty key', () => {
    const report = slaCompliance([
      entry('met', { stop: '2025-01-05' }),
      entry('met', { stop: '2025-01-06' }),
      entry('breached', { stop: '2025-01-07' }),
      entry('breached', { due: '2025-01-08' }),
      entry('ongoing', { due: '2025-02-08' }),
      entry('paused', {}),
    ]);
    expect(report.total).toEqual(counts(2, 1, 1, 2));
    expect(report.total.compliance).toBe(0.5);
    expect(report.groups).toEqual([{ key: '', period: '', ...counts(2, 1, 1, 2) }]);
  });

  it('groups by goal, by a list field (values sorted), by a blank field and by a function, sorted by key then period', () => {
    const cycles = [
      entry('met', { stop: '2025-02-10' }, { labels: ['vip', 'eu'] }, '4h'),
      entry('breached', { stop: '2025-03-10' }, { labels: null }, '8h'),
      entry('met', { stop: '2025-01-10' }, { labels: ['eu', 'vip'] }, '4h'),
      entry('met', { stop: '2025-03-20' }, {}, '4h'),
      entry('breached', { due: '2025-01-20' }, { labels: 'eu' }, '8h'),
    ];
    expect(slaCompliance(cycles, { groupBy: 'goal' }).groups).toEqual([
      { key: '4h', period: '', ...counts(3, 0, 0, 0) },
      { key: '8h', period: '', ...counts(0, 1, 1, 0) },
    ]);
    expect(slaCompliance(cycles, { groupBy: 'labels', period: 'month' }).groups).toEqual([
      { key: '', period: '2025-03', ...counts(1, 1, 0, 0) },
      { key: 'eu', period: '2025-01', ...counts(0, 0, 1, 0) },
      { key: 'eu, vip', period: '2025-01', ...counts(1, 0, 0, 0) },
      { key: 'eu, vip', period: '2025-02', ...counts(1, 0, 0, 0) },
    ]);
    const byHalf = slaCompliance(cycles, { groupBy: (c) => (c.goalLabel === '4h' ? 'fast' : 'slow'), period: 'quarter' });
    expect(byHalf.groups.map((g) => [g.key, g.period, g.met, g.breached + g.ongoingBreached])).toEqual([
      ['fast', '2025-Q1', 3, 0],
      ['slow', '2025-Q1', 0, 2],
    ]);
  });

  it('sorts periods within a key whatever order the cycles come in', () => {
    const cycles = [
      entry('met', { stop: '2025-02-01' }, { team: 'B' }),
      entry('met', { stop: '2025-03-01' }, { team: 'A' }),
      entry('breached', { stop: '2025-01-01' }, { team: 'B' }),
      entry('breached', { stop: '2025-01-01' }, { team: 'A' }),
      entry('met', { stop: '2025-03-02' }, { team: 'A' }),
      entry('met', { stop: '2024-12-31' }, { team: 'B' }),
    ];
    const order = (list: ComplianceEntry[]) => slaCompliance(list, { groupBy: 'team', period: 'month' }).groups.map((g) => `${g.key} ${g.period} ${g.met}/${g.breached}`);
    const sorted = ['A 2025-01 0/1', 'A 2025-03 2/0', 'B 2024-12 1/0', 'B 2025-01 0/1', 'B 2025-02 1/0'];
    expect(order(cycles)).toEqual(sorted);
    expect(order([...cycles].reverse())).toEqual(sorted);
  });

  it('puts an open cycle in the period of its due time, a paused one with no due time in that of its start', () => {
    const tally = new ComplianceTally({ period: 'month', timeZone: 'Asia/Ho_Chi_Minh' });
    tally.add(entry('ongoing', { start: '2025-01-15', due: '2025-02-15' }));
    tally.add(entry('paused', { start: '2025-01-15' }));
    tally.add(entry('met', { start: '2024-12-15', due: '2025-03-15', stop: '2025-01-20' }));
    expect(tally.report().groups.map((g) => [g.period, g.met, g.ongoing])).toEqual([
      ['2025-01', 1, 1],
      ['2025-02', 0, 1],
    ]);
  });

  it('names the time zone argument it cannot use', () => {
    let error: unknown;
    try {
      new ComplianceTally({ timeZone: 'Mars/Olympus' });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ field: 'timeZone', message: 'timeZone: expected an IANA time zone such as Asia/Ho_Chi_Minh, got "Mars/Olympus"' });
  });
});
