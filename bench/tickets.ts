import type { TicketEvent, TicketHistory } from '../core/sla/ticket';
import type { SlaPolicyInput } from '../core/sla/policy';
import { intIn, mulberry32 } from './prng';
import { MS_PER_MINUTE } from '../core/calendar';

export const TICKETS_FROM = Date.UTC(2024, 0, 1);
const TICKETS_TO = Date.UTC(2026, 11, 15);
/** The instant the cycles are computed at: late tickets are still open (ongoing, paused or already breached). */
export const AS_OF = TICKETS_TO;

/** One status path, six changes: Open → In Progress → Waiting (pause) → In Progress → Resolved → reopened → Resolved. */
export const STATUS_PATH = ['In Progress', 'Waiting for customer', 'In Progress', 'Resolved', 'In Progress', 'Resolved'] as const;

/** Priorities with their share of tickets and goals: two in working minutes, two in business days. */
export const PRIORITIES = [
  { priority: 'P1', share: 0.1, target: { minutes: 240 } },
  { priority: 'P2', share: 0.3, target: { minutes: 960 } },
  { priority: 'P3', share: 0.4, target: { businessDays: 3 } },
  { priority: 'P4', share: 0.2, target: { businessDays: 5 } },
] as const;

export const POLICY: SlaPolicyInput = {
  id: 'ttr',
  name: 'Time to resolution',
  start: { on: 'created' },
  pause: { statuses: ['Waiting for customer'] },
  stop: { statuses: ['Resolved', 'Closed'] },
  goals: PRIORITIES.map((p) => ({ when: [{ field: 'priority', in: [p.priority] }], target: p.target, calendar: 'office' })),
};

const REQUEST_TYPES = ['Incident', 'Service request', 'Access', 'Change'];
/** Gaps between changes: log-uniform from 1 minute to 5 days, to the second. */
const LOG_MAX_GAP = Math.log(5 * 1440);

/** `count` synthetic tickets, each with its own fields object and six status-change events. Deterministic. */
export function generateTickets(count: number, seed: number): TicketHistory[] {
  const rand = mulberry32(seed);
  const tickets = new Array<TicketHistory>(count);
  const span = (TICKETS_TO - TICKETS_FROM) / MS_PER_MINUTE;
  for (let i = 0; i < count; i++) {
    const created = TICKETS_FROM + intIn(rand, 0, span - 1) * MS_PER_MINUTE;
    const r = rand();
    let p = 0;
    for (let acc = PRIORITIES[0].share; r >= acc && p < PRIORITIES.length - 1; ) acc += PRIORITIES[++p].share;
    const events = new Array<TicketEvent>(STATUS_PATH.length);
    let at = created;
    for (let k = 0; k < STATUS_PATH.length; k++) {
      at += Math.round(Math.exp(rand() * LOG_MAX_GAP) * 60) * 1000;
      events[k] = { at, field: 'status', to: STATUS_PATH[k] };
    }
    tickets[i] = {
      key: `SD-${i + 1}`,
      created,
      status: 'Open',
      fields: { priority: PRIORITIES[p].priority, requestType: REQUEST_TYPES[intIn(rand, 0, REQUEST_TYPES.length - 1)] },
      events,
    };
  }
  return tickets;
}
