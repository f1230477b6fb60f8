import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import type { ReportResult } from '../cli/report/result';
import { compileCalendar } from '../core/calendar/compile';
import { parseCalendarText } from '../core/calendar/parse';
import { createSlaClock, TicketClock, type SlaCycle } from '../core/sla/clock';
import type { SlaPolicyInput } from '../core/sla/policy';
import type { TicketHistory } from '../core/sla/ticket';

const dir = mkdtempSync(join(tmpdir(), 'cli-stream-'));
const write = (name: string, content: string | object) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CALENDAR = 'Mo-Fr 08:00-12:00,13:00-17:00 | tz=Europe/Brussels | holidays=BE';
const POLICIES: SlaPolicyInput[] = [
  {
    id: 'resolution',
    name: 'Resolution',
    pause: { statuses: ['Waiting'] },
    stop: { statuses: ['Resolved', 'Closed'] },
    goals: [
      { when: [{ field: 'priority', in: ['P1'] }], target: '4h', calendar: 'office' },
      { when: [{ field: 'priority', in: ['P2'] }], target: '2bd', calendar: 'office' },
      { target: '16h', calendar: 'office' },
    ],
  },
  { id: 'response', name: 'First response', start: { on: 'status', statuses: ['New'] }, stop: { statuses: ['In Progress', 'Resolved'] }, goals: [{ target: '1h', calendar: 'office' }] },
];
const STATUSES = ['New', 'In Progress', 'Waiting', 'In Progress', 'Resolved', 'In Progress', 'Closed'];

interface Row {
  key: string;
  at: number;
  status: string;
  priority: string;
  order: number;
}

/** Tickets whose rows interleave in time order, with waits, repeated statuses, reopenings and same-time rows. */
function generate(tickets: number, seed: number): Row[] {
  const rand = random(seed);
  const rows: Row[] = [];
  for (let i = 1; i <= tickets; i++) {
    const key = `T-${i}`;
    const priority = ['P1', 'P2', 'P3'][Math.floor(rand() * 3)];
    let at = Date.UTC(2025, 2, 3, 6) + Math.floor(rand() * 30 * 86_400) * 1000;
    const steps = 1 + Math.floor(rand() * 8);
    let order = 0;
    rows.push({ key, at, status: 'New', priority, order: order++ });
    for (let s = 0; s < steps; s++) {
      if (rand() > 0.2) at += Math.floor(rand() * 3 * 86_400) * 1000; // whole seconds, as --cycles writes them; else the same time
      rows.push({ key, at, status: STATUSES[Math.floor(rand() * STATUSES.length)], priority, order: order++ });
    }
  }
  // Rows that share a time come in reverse order: the mapping's order column must put them right.
  return rows.sort((a, b) => a.at - b.at || b.order - a.order);
}

function histories(rows: Row[]): TicketHistory[] {
  const byKey = new Map<string, Row[]>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  return [...byKey].map(([key, list]) => {
    list.sort((a, b) => a.at - b.at || a.order - b.order);
    const events = [];
    let status = list[0].status;
    for (const row of list.slice(1)) if (row.status !== status) events.push({ at: row.at, field: 'status', to: (status = row.status) });
    return { key, created: list[0].at, status: list[0].status, fields: { priority: list[0].priority }, events };
  });
}

async function cyclesOf(args: string[]) {
  const cycles = join(dir, `cycles-${Math.random().toString(36).slice(2)}.csv`);
  const out = { stdout: '', stderr: '' };
  const io = { stdout: { write: (text: string) => (out.stdout += text) }, stderr: { write: (text: string) => (out.stderr += text) } };
  const status = await main([...args, '--cycles', cycles, '--json'], io);
  expect(status, out.stderr).toBe(0);
  const records: string[][] = parse(readFileSync(cycles, 'utf8'));
  return { rows: records.slice(1), result: JSON.parse(out.stdout) as ReportResult };
}

describe('streaming: per-ticket clock state, cycles counted as they close', () => {
  it('an interleaved log of 400 tickets under two policies gives, cycle by cycle, what the core computes on whole histories', async () => {
    const rows = generate(400, 7);
    const iso = (t: number) => new Date(t).toISOString();
    const log = write('interleaved.csv', `id,at,status,priority,seq\n${rows.map((r) => `${r.key},${iso(r.at)},${r.status},${r.priority},${r.order}`).join('\n')}\n`);
    const map = write('m.json', { case: 'id', time: { column: 'at' }, status: 'status', order: 'seq', fields: { priority: 'priority' } });
    const policies = write('p.json', POLICIES);
    const calendars = write('c.json', { office: CALENDAR });
    const { rows: actual, result } = await cyclesOf(['--input', log, '--map', map, '--policies', policies, '--calendars', calendars]);

    const office = compileCalendar(parseCalendarText(CALENDAR, 'UTC'));
    const clocks = POLICIES.map((p) => createSlaClock(p, { office }));
    const asOf = Math.max(...rows.map((r) => r.at));
    const expected = histories(rows).flatMap((ticket) => clocks.flatMap((clock) => clock.compute(ticket, asOf)?.cycles ?? []));
    const key = (c: { ticket: string; policy: string; start: number }) => `${c.ticket} ${c.policy} ${c.start}`;
    const mine = actual.map((r) => ({ ticket: r[0], policy: r[1], start: Date.parse(r[4]), state: r[6], elapsed: Number(r[7]), paused: Number(r[8]), due: r[10] === '' ? null : Date.parse(r[10]) }));
    const core = expected.map((c: SlaCycle) => ({ ticket: c.ticketKey, policy: c.policyId, start: c.start, state: c.state, elapsed: c.elapsedMinutes, paused: c.pausedMinutes, due: c.due }));
    expect(mine.length).toBe(core.length);
    expect(mine.length).toBeGreaterThan(600);
    mine.sort((a, b) => (key(a) < key(b) ? -1 : 1));
    core.sort((a, b) => (key(a) < key(b) ? -1 : 1));
    mine.forEach((m, i) => {
      expect([m.ticket, m.policy, m.start, m.state, m.due]).toEqual([core[i].ticket, core[i].policy, core[i].start, core[i].state, core[i].due]);
      expect(m.elapsed).toBeCloseTo(core[i].elapsed, 2);
      expect(m.paused).toBeCloseTo(core[i].paused, 2);
    });
    expect(result.cycles).toBe(core.length);
    // First time right: tickets that reached a stop status of an applying policy and never left it.
    expect(result.accuracy.resolved).toBeGreaterThan(result.accuracy.reopened);
    expect(result.accuracy.reopened).toBeGreaterThan(0);
  });

  it('a suspended clock resumes where it stopped: suspend after every change gives the same cycles', () => {
    const office = compileCalendar(parseCalendarText(CALENDAR, 'UTC'));
    const clock = createSlaClock(POLICIES[0], { office });
    for (const ticket of histories(generate(60, 11))) {
      const asOf = Math.max(ticket.created, ...ticket.events.map((e) => e.at)) + 86_400_000;
      const straight = clock.compute(ticket, asOf)!.cycles;
      const resumed: SlaCycle[] = [];
      let current = clock.open(ticket, (c) => resumed.push(c));
      let status = ticket.status;
      for (const event of ticket.events) {
        current.apply(event.at, event.field, event.to);
        status = event.to ?? status;
        const state = current.suspend();
        if (state !== null) current = TicketClock.resume(clock, { key: ticket.key, status, fields: ticket.fields }, state, (c) => resumed.push(c));
      }
      current.finish(asOf);
      expect(resumed).toEqual(straight);
    }
  });
});
