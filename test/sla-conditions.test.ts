import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../core/calendar/compile';
import type { WorkCalendar } from '../core/calendar/types';
import { createSlaClock, type SlaCycle } from '../core/sla/clock';
import { COMMENT_FIELD, commentValue, readCommentValue } from '../core/sla/conditions';
import { SlaError } from '../core/sla/errors';
import { JQL_FIELD, SlaPolicySchema, type SlaPolicyInput } from '../core/sla/policy';
import { slaPolicyTemplate } from '../core/sla/templates';
import type { FieldValue, TicketEvent, TicketHistory } from '../core/sla/ticket';

/** Monday to Friday 09:00-17:00 in a zone; 3 March 2025 is a Monday. */
const office = (timeZone = 'UTC'): WorkCalendar =>
  compileCalendar({ timeZone, weekly: Object.fromEntries(['Mo', 'Tu', 'We', 'Th', 'Fr'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])) });
const calendars = () => ({ office: office(), hanoi: office('Asia/Ho_Chi_Minh') });

/** Monday 3 March 2025 at hh:mm UTC. */
const at = (hhmm: string) => Date.parse(`2025-03-03T${hhmm}:00Z`);
const hhmm = (t: number | null) => (t === null ? null : new Date(t).toISOString().slice(11, 16));

type Change = [time: string, field: string, to: string | null, from?: string | null];
const ticket = (changes: Change[], fields: Record<string, FieldValue> = {}, status = 'Open'): TicketHistory => ({
  key: 'T-1',
  created: at('09:00'),
  status,
  fields,
  events: changes.map(([time, field, to, from]): TicketEvent => ({ at: at(time), field, to, ...(from === undefined ? {} : { from }) })),
});
const publicAgent = commentValue({ public: true, byCustomer: false });
const internalAgent = commentValue({ public: false, byCustomer: false });
const publicCustomer = commentValue({ public: true, byCustomer: true });

/** A cycle as start, stop, elapsed, paused, state. */
const brief = (c: SlaCycle) => [hhmm(c.start), hhmm(c.stop), c.elapsedMinutes, c.pausedMinutes, c.state];
const cyclesOf = (policy: SlaPolicyInput, history: TicketHistory, asOf: string) => createSlaClock(policy, calendars()).compute(history, at(asOf))?.cycles.map(brief) ?? null;

const firstResponse = slaPolicyTemplate('timeToFirstResponse', { target: '1h', calendar: 'office' });

describe('SLA conditions on comments', () => {
  it('P1: first response stops on a public agent comment and not on an internal one', () => {
    const history = ticket([
      ['09:20', COMMENT_FIELD, internalAgent],
      ['09:30', COMMENT_FIELD, publicCustomer],
      ['09:45', COMMENT_FIELD, publicAgent],
      ['10:30', COMMENT_FIELD, publicAgent],
    ]);
    expect(cyclesOf(firstResponse, history, '12:00')).toEqual([['09:00', '09:45', 45, 0, 'met']]);
    // With only the internal note, the clock runs on past its goal.
    expect(cyclesOf(firstResponse, ticket([['09:20', COMMENT_FIELD, internalAgent]]), '12:00')).toEqual([['09:00', null, 180, 0, 'breached']]);
  });

  it('P1: first response also stops when the request waits for the customer or is resolved', () => {
    expect(cyclesOf(firstResponse, ticket([['09:40', 'status', 'Waiting for customer']]), '12:00')).toEqual([['09:00', '09:40', 40, 0, 'met']]);
    expect(cyclesOf(firstResponse, ticket([['11:00', 'resolution', 'Done']]), '12:00')).toEqual([['09:00', '11:00', 120, 0, 'breached']]);
  });

  it('a clock can start on the customer comment and stop on the next public agent reply', () => {
    const policy: SlaPolicyInput = {
      id: 'reply',
      name: 'Reply to customer',
      start: { on: 'events', events: [{ on: 'comment', byCustomer: true }] },
      stop: { events: [{ on: 'comment', public: true, byCustomer: false }] },
      goals: [{ target: '30m', calendar: 'office' }],
    };
    const history = ticket([
      ['09:10', COMMENT_FIELD, publicAgent],
      ['10:00', COMMENT_FIELD, publicCustomer],
      ['10:20', COMMENT_FIELD, publicAgent],
      ['11:00', COMMENT_FIELD, publicCustomer],
    ]);
    expect(cyclesOf(policy, history, '12:00')).toEqual([
      ['10:00', '10:20', 20, 0, 'met'],
      ['11:00', null, 60, 0, 'breached'],
    ]);
  });

  it('reads back the comment facts it writes, and nothing else', () => {
    expect(readCommentValue(publicCustomer)).toEqual({ public: true, byCustomer: true });
    expect(readCommentValue(internalAgent)).toEqual({ public: false, byCustomer: false });
    expect(readCommentValue('public')).toBeNull();
    expect(readCommentValue(null)).toBeNull();
  });
});

describe('SLA conditions on statuses and fields', () => {
  const policyOn = (start: SlaPolicyInput['start'], stop: SlaPolicyInput['stop']): SlaPolicyInput => ({ id: 'p', name: 'P', start, stop, goals: [{ target: '2h', calendar: 'office' }] });

  it('starts when the assignee is set from unassigned, not when it is handed over; stops on leaving a status', () => {
    const policy = policyOn({ on: 'events', events: [{ on: 'fieldSet', field: 'assignee' }] }, { events: [{ on: 'statusLeft', statuses: ['In progress'] }] });
    const history = ticket([
      ['09:30', 'assignee', 'ana', null],
      ['09:40', 'status', 'In progress'],
      ['10:00', 'assignee', 'binh', 'ana'],
      ['10:30', 'status', 'Review'],
    ]);
    expect(cyclesOf(policy, history, '12:00')).toEqual([['09:30', '10:30', 60, 0, 'met']]);
  });

  it('without a logged "from", the clock remembers the value: a ticket created assigned never starts on "from unassigned"', () => {
    const policy = policyOn({ on: 'events', events: [{ on: 'fieldSet', field: 'assignee' }] }, { statuses: ['Done'] });
    expect(cyclesOf(policy, ticket([['10:00', 'assignee', 'binh']], { assignee: 'binh' }), '12:00')).toEqual([['10:00', null, 120, 0, 'ongoing']]);
    // The change's own "from" (Jira logs it) tells the truth the current fields cannot.
    expect(cyclesOf(policy, ticket([['10:00', 'assignee', 'binh', 'ana']], { assignee: 'binh' }), '12:00')).toEqual([]);
  });

  it('stops when a field is cleared or changed to a listed value, starts on entering a status', () => {
    const cleared = policyOn({ on: 'events', events: [{ on: 'statusEntered', statuses: ['Triage'] }] }, { events: [{ on: 'fieldCleared', field: 'blocker' }] });
    const history = ticket([
      ['09:30', 'status', 'Triage'],
      ['10:00', 'blocker', 'vendor', null],
      ['10:15', 'blocker', null, 'vendor'],
    ]);
    expect(cyclesOf(cleared, history, '12:00')).toEqual([['09:30', '10:15', 45, 0, 'met']]);
    const changed = policyOn({ on: 'created' }, { events: [{ on: 'fieldChanged', field: 'priority', to: ['Low'] }] });
    const priorities = ticket([['09:30', 'priority', 'High', 'Medium'], ['10:00', 'priority', 'Low', 'High']]);
    expect(cyclesOf(changed, priorities, '12:00')).toEqual([['09:00', '10:00', 60, 0, 'met']]);
  });

  it('ignores changes of fields no condition reads, and a status "change" to the same status', () => {
    const policy = policyOn({ on: 'events', events: [{ on: 'statusEntered', statuses: ['Open'] }] }, { statuses: ['Done'] });
    expect(cyclesOf(policy, ticket([['09:30', 'status', 'Open'], ['09:40', 'labels', 'x']]), '12:00')).toEqual([]);
  });
});

describe('SLA pause while a field holds values', () => {
  const vendorWait: SlaPolicyInput = {
    id: 'p',
    name: 'Resolution',
    pause: { statuses: ['On hold'], while: [{ field: 'waitingOn', in: ['vendor', 'legal'] }] },
    stop: { statuses: ['Done'] },
    goals: [{ target: '2h', calendar: 'office' }],
  };

  it('P3: the clock pauses while a field holds a listed value and runs again when it changes', () => {
    const history = ticket([
      ['09:30', 'waitingOn', 'vendor', null],
      ['10:30', 'waitingOn', 'legal', 'vendor'],
      ['11:00', 'waitingOn', 'customer', 'legal'],
      ['11:30', 'status', 'Done'],
    ]);
    expect(cyclesOf(vendorWait, history, '12:00')).toEqual([['09:00', '11:30', 60, 90, 'met']]);
  });

  it('P3: a field holding the value at creation pauses from the start; a pause status and a held field overlap', () => {
    const history = ticket([
      ['10:00', 'status', 'On hold'],
      ['10:30', 'waitingOn', null, 'vendor'],
      ['11:00', 'status', 'In progress'],
    ]);
    expect(cyclesOf(vendorWait, history, '12:00')).toEqual([['09:00', null, 60, 120, 'ongoing']]);
    // Never changed: the current value is the value at creation.
    expect(cyclesOf(vendorWait, ticket([], { waitingOn: 'vendor' }), '12:00')).toEqual([['09:00', null, 0, 180, 'paused']]);
  });

  it('P3: the streaming clock fed one change at a time gives the cycles of compute', () => {
    const clock = createSlaClock(vendorWait, calendars());
    const history = ticket([['09:30', 'waitingOn', 'vendor'], ['10:30', 'waitingOn', 'customer'], ['12:00', 'status', 'Done']]);
    const streamed: SlaCycle[] = [];
    const running = clock.open({ key: 'T-1', created: at('09:00'), status: 'Open', fields: {} }, (c) => streamed.push(c));
    for (const e of history.events) running.apply(e.at, e.field, e.to);
    running.finish(at('13:00'));
    expect(streamed.map(brief)).toEqual(clock.compute(history, at('13:00'))!.cycles.map(brief));
    expect(streamed.map(brief)).toEqual([['09:00', '12:00', 120, 60, 'met']]);
  });
});

describe('SLA goals by JQL and on their own calendar', () => {
  const policy: SlaPolicyInput = {
    id: 'p',
    name: 'P',
    stop: { statuses: ['Done'] },
    goals: [
      { jql: 'labels = vip', target: '1h', calendar: 'hanoi', label: 'VIP' },
      { target: '4h', calendar: 'office' },
    ],
  };

  it('takes a goal whose JQL the door found the ticket matching, on the goal\'s own calendar', () => {
    const clock = createSlaClock(policy, calendars());
    const vip = clock.compute(ticket([], { [JQL_FIELD]: ['labels = vip'] }), at('10:00'))!;
    expect(vip.goalLabel).toBe('VIP');
    // 09:00-10:00 UTC is 16:00-17:00 in Hanoi: within its working day.
    expect(vip.cycles.map(brief)).toEqual([['09:00', null, 60, 0, 'ongoing']]);
    expect(clock.compute(ticket([], { [JQL_FIELD]: ['project = X'] }), at('10:00'))!.goalLabel).toBe('4h');
    expect(clock.compute(ticket([]), at('10:00'))!.goalLabel).toBe('4h');
  });

  it('scopes a whole policy by JQL', () => {
    const clock = createSlaClock({ ...policy, jql: 'project = FIN' }, calendars());
    expect(clock.appliesToFields({ [JQL_FIELD]: ['project = FIN'] })).toBe(true);
    expect(clock.appliesToFields({})).toBe(false);
  });
});

describe('SLA condition schema', () => {
  const base = { id: 'p', name: 'P', goals: [{ target: '1h', calendar: 'office' }] };
  const firstIssue = (policy: unknown) => {
    try {
      createSlaClock(policy as SlaPolicyInput, calendars());
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(SlaError);
      return [(error as SlaError).field, (error as Error).message];
    }
  };

  it('names the field and what was expected', () => {
    expect(firstIssue({ ...base, stop: { events: [{ on: 'fieldSet' }] } })).toEqual(['stop.events.0.field', expect.stringMatching(/^policy p: stop\.events\.0\.field: /)]);
    expect(firstIssue({ ...base, stop: { events: [{ on: 'comment', public: 'yes' }] } })?.[0]).toBe('stop.events.0.public');
    expect(firstIssue({ ...base, stop: { statuses: ['Done'] }, pause: { while: [{ field: 'waitingOn', in: [] }] } })).toEqual([
      'pause.while.0.in',
      'policy p: pause.while.0.in: list at least one value the field holds while the clock pauses',
    ]);
    expect(firstIssue({ ...base, stop: { statuses: ['Done'] }, start: { on: 'events', events: [] } })?.[1]).toBe('policy p: start.events: list at least one start event');
    expect(firstIssue({ ...base, stop: { statuses: ['Done'] }, goals: [{ jql: ' ', target: '1h', calendar: 'office' }] })?.[1]).toBe('policy p: goals.0.jql: give a JQL query, or leave jql out');
    expect(firstIssue({ ...base, stop: { events: [{ on: 'comment', visibility: 'public' }] } })?.[0]).toBe('stop.events.0');
  });

  it('reads a stored policy written before conditions existed, unchanged in meaning', () => {
    const stored = { ...base, pause: { statuses: ['On hold'] }, stop: { statuses: ['Done'], resolutionSet: true } };
    expect(SlaPolicySchema.parse(stored)).toMatchObject({ pause: { statuses: ['On hold'], while: [] }, stop: { statuses: ['Done'], resolutionSet: true, events: [] } });
  });

  it('ships JSM\'s two templates as valid policies: resolution pauses while waiting for the customer', () => {
    const resolution = slaPolicyTemplate('timeToResolution', { target: '8h', calendar: 'office' });
    const history = ticket([['10:00', 'status', 'Waiting for customer'], ['11:00', 'status', 'In progress'], ['12:00', 'status', 'Resolved']]);
    expect(cyclesOf(resolution, history, '13:00')).toEqual([['09:00', '12:00', 120, 60, 'met']]);
    expect(SlaPolicySchema.parse(firstResponse).stop.events).toHaveLength(2);
  });
});
