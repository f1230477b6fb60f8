import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readMapping } from '../cli/input/mapping';
import { compileCalendar } from '../core/calendar/compile';
import { parseCalendarText } from '../core/calendar/parse';
import { createSlaClock } from '../core/sla/clock';
import { COMMENT_FIELD, commentValue } from '../core/sla/conditions';
import type { SlaPolicyInput } from '../core/sla/policy';
import { slaPolicyTemplate } from '../core/sla/templates';
import type { TicketHistory } from '../core/sla/ticket';
import { runCli, tempFiles } from './helpers/cli-run';

const { dir, file } = tempFiles('cli-conditions-');
const CALENDAR = 'Mo-Fr 09:00-17:00 | tz=UTC';

/** A ticket-events export: status changes, comment rows (which leave the status blank) and a "waiting on" field. */
const LOG = [
  'ticket,time,event,status,waiting_on,visibility,author_role',
  'A-1,2025-03-03T09:00:00Z,Change,Open,,,',
  'A-1,2025-03-03T09:20:00Z,Comment,,,internal,agent',
  'A-1,2025-03-03T09:30:00Z,Comment,,,public,end-user',
  'A-1,2025-03-03T09:50:00Z,Comment,,,public,agent',
  'A-1,2025-03-03T10:00:00Z,Change,Open,vendor,,',
  'A-1,2025-03-03T11:00:00Z,Change,Open,none,,',
  'A-1,2025-03-03T12:00:00Z,Change,Solved,,,',
  'B-2,2025-03-03T09:00:00Z,Change,Open,vendor,,',
  'B-2,2025-03-03T09:30:00Z,Comment,,,internal,agent',
  'B-2,2025-03-03T13:00:00Z,Change,Open,none,,',
  'B-2,2025-03-03T14:00:00Z,Comment,Open,,public,agent',
].join('\n');

const MAPPING = {
  case: 'ticket',
  time: { column: 'time' },
  status: 'status',
  fields: { waitingOn: 'waiting_on' },
  comment: { column: 'event', values: ['Comment'], public: { column: 'visibility', values: ['public'] }, byCustomer: { column: 'author_role', values: ['end-user'] } },
};

const POLICIES: SlaPolicyInput[] = [
  slaPolicyTemplate('timeToFirstResponse', { target: '1h', calendar: 'office', resolved: 'Solved' }),
  { id: 'vendor', name: 'Resolution', pause: { while: [{ field: 'waitingOn', in: ['vendor'] }] }, stop: { statuses: ['Solved'] }, goals: [{ target: '4h', calendar: 'office' }] },
];

/** The same log as the core's ticket histories, written by hand. */
const at = (hhmm: string) => Date.parse(`2025-03-03T${hhmm}:00Z`);
const comment = (time: string, isPublic: boolean, byCustomer: boolean) => ({ at: at(time), field: COMMENT_FIELD, to: commentValue({ public: isPublic, byCustomer }) });
const HISTORIES: TicketHistory[] = [
  {
    key: 'A-1',
    created: at('09:00'),
    status: 'Open',
    fields: { waitingOn: 'none' },
    events: [
      comment('09:20', false, false),
      comment('09:30', true, true),
      comment('09:50', true, false),
      { at: at('10:00'), field: 'waitingOn', to: 'vendor', from: null },
      { at: at('11:00'), field: 'waitingOn', to: 'none', from: 'vendor' },
      { at: at('12:00'), field: 'status', to: 'Solved' },
    ],
  },
  {
    key: 'B-2',
    created: at('09:00'),
    status: 'Open',
    fields: { waitingOn: 'none' },
    events: [comment('09:30', false, false), { at: at('13:00'), field: 'waitingOn', to: 'none', from: 'vendor' }, comment('14:00', true, false)],
  },
];

describe('CLI on an event log with comment rows', () => {
  it('gives the cycles the core gives for the same histories: first response and a pause while a field holds a value', async () => {
    const cyclesFile = join(dir, 'cycles.csv');
    const args = ['--input', file(LOG, 'csv'), '--map', file(MAPPING), '--policies', file(POLICIES), '--calendars', file({ office: CALENDAR })];
    const run = await runCli([...args, '--as-of', '2025-03-03T15:00:00Z', '--cycles', cyclesFile]);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    const rows: string[][] = parse(readFileSync(cyclesFile, 'utf8'));
    rows.shift();
    const brief = (r: string[]) => [r[0], r[1], r[6], Number(r[7]), Number(r[8])];

    const clocks = POLICIES.map((p) => createSlaClock(p, { office: compileCalendar(parseCalendarText(CALENDAR, 'UTC')) }));
    const expected = HISTORIES.flatMap((t) => clocks.flatMap((c) => c.compute(t, at('15:00'))!.cycles.map((cy) => [cy.ticketKey, cy.policyId, cy.state, cy.elapsedMinutes, cy.pausedMinutes])));
    expect(rows.map(brief).sort()).toEqual(expected.sort());
    // What the numbers mean: the public agent reply at 09:50 answers A-1; B-2's internal note does not.
    expect(expected).toEqual(
      expect.arrayContaining([
        ['A-1', 'time-to-first-response', 'met', 50, 0],
        ['A-1', 'vendor', 'met', 120, 60],
        ['B-2', 'time-to-first-response', 'breached', 300, 0],
        ['B-2', 'vendor', 'ongoing', 120, 240],
      ]),
    );
  });

  it('validates the comment mapping, naming the field', () => {
    expect(() => readMapping({ ...MAPPING, comment: { column: 'event', values: [] } }, 'map.json')).toThrow('--map: map.json: comment.values: list at least one cell value');
    expect(() => readMapping({ ...MAPPING, comment: { column: 'event', values: ['Comment'], public: { column: '' , values: ['x'] } } }, 'map.json')).toThrow('comment.public.column: name a column');
  });
});
