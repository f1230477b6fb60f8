import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CYCLES_HEADER } from '../cli/report/cycles-csv';
import { main } from '../cli/main';
import type { ReportResult } from '../cli/report/result';
import { compileCalendar } from '../core/calendar/compile';
import { parseCalendarText } from '../core/calendar/parse';
import type { CalendarSpecInput } from '../core/calendar/spec';
import { createSlaClock, type SlaCycle } from '../core/sla/clock';
import type { SlaPolicyInput } from '../core/sla/policy';
import type { TicketEvent, TicketHistory } from '../core/sla/ticket';

const repoFile = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const json = (path: string): unknown => JSON.parse(readFileSync(repoFile(path), 'utf8'));
const tmp = mkdtempSync(join(tmpdir(), 'cli-map-'));
const HOUR = 3_600_000;

/** Every sample stamps its times in UTC+1 (or in UTC, converted here): the oracle writes them back in +01:00. */
const plusOne = (t: number | null) => (t === null ? '' : `${new Date(t + HOUR).toISOString().slice(0, 19)}+01:00`);

interface Row {
  key: string;
  at: number;
  status: string;
  fields: Record<string, string>;
  order?: number;
  created?: number;
}

/**
 * Ticket histories the plain way: rows grouped by ticket, sorted by time (then order), created at the first row or
 * the created column, an event per change of status, fields from the latest non-blank value.
 */
function histories(rows: Row[]): TicketHistory[] {
  const byKey = new Map<string, Row[]>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  return [...byKey].map(([key, list]) => {
    list.sort((a, b) => a.at - b.at || (a.order ?? 0) - (b.order ?? 0));
    const events: TicketEvent[] = [];
    let status = list[0].status;
    const fields: Record<string, string | null> = {};
    for (const row of list) {
      for (const [field, value] of Object.entries(row.fields)) if (value !== '' || !(field in fields)) fields[field] = value === '' ? (fields[field] ?? null) : value;
      if (row.status !== status) events.push({ at: row.at, field: 'status', to: (status = row.status) });
    }
    return { key, created: list[0].created ?? list[0].at, status: list[0].status, fields, events };
  });
}

/** The core's cycles for the histories, as --cycles rows (minutes to 3 decimals are compared as numbers). */
function expectedCycles(tickets: TicketHistory[], policiesFile: string, calendarsFile: string): string[][] {
  const specs = json(calendarsFile) as Record<string, string | CalendarSpecInput>;
  const calendars = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, compileCalendar(typeof spec === 'string' ? parseCalendarText(spec, 'UTC') : spec)]));
  const clocks = (json(policiesFile) as SlaPolicyInput[]).map((policy) => createSlaClock(policy, calendars));
  const asOf = Math.max(...tickets.map((t) => Math.max(t.created, ...t.events.map((e) => e.at))));
  const rows: string[][] = [];
  for (const ticket of tickets) {
    for (const clock of clocks) {
      (clock.compute(ticket, asOf)?.cycles ?? []).forEach((c: SlaCycle, i) => {
        rows.push([c.ticketKey, c.policyId, String(i + 1), c.goalLabel, plusOne(c.start), plusOne(c.stop), c.state, String(c.elapsedMinutes), String(c.pausedMinutes), String(c.remainingMinutes), plusOne(c.due)]);
      });
    }
  }
  return rows;
}

async function runCli(args: string[]): Promise<{ status: number; result: ReportResult; cycles: string[][]; stderr: string; header: string }> {
  const cyclesFile = join(tmp, `cycles-${Math.random().toString(36).slice(2)}.csv`);
  const out = { stdout: '', stderr: '' };
  const io = { stdout: { write: (text: string) => (out.stdout += text) }, stderr: { write: (text: string) => (out.stderr += text) } };
  const status = await main([...args, '--cycles', cyclesFile, '--json'], io);
  const text = readFileSync(cyclesFile, 'utf8');
  const records: string[][] = parse(text);
  return { status, result: JSON.parse(out.stdout) as ReportResult, cycles: records.slice(1), stderr: out.stderr, header: text.split('\n')[0] };
}

/** Row by row: the same cycles in the same order, text equal, minutes equal to the millisecond. */
function expectSameCycles(actual: string[][], expected: string[][]) {
  expect(actual.length).toBe(expected.length);
  const sortKey = (r: string[]) => `${r[0]}\u0000${r[1]}\u0000${r[2].padStart(4, '0')}`;
  const a = [...actual].sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : 1));
  const e = [...expected].sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : 1));
  a.forEach((row, i) => {
    const want = e[i];
    expect([...row.slice(0, 7), row[10]], `row ${i + 1}`).toEqual([...want.slice(0, 7), want[10]]);
    for (const c of [7, 8, 9]) expect(Number(row[c]), `row ${i + 1} column ${c + 1}`).toBeCloseTo(Number(want[c]), 3);
  });
}

const SAMPLES = {
  servicenow: ['--input', repoFile('examples/servicenow-incidents.csv'), '--map', repoFile('examples/servicenow.map.json'), '--policies', repoFile('examples/servicenow.policies.json'), '--calendars', repoFile('examples/calendars-text.json')],
  jira: ['--input', repoFile('examples/jira-changelog.csv'), '--map', repoFile('examples/jira.map.json'), '--policies', repoFile('examples/jira.policies.json'), '--calendars', repoFile('examples/calendars-text.json')],
  zendesk: ['--input', repoFile('examples/zendesk-ticket-events.tsv'), '--map', repoFile('examples/zendesk.map.json'), '--policies', repoFile('examples/zendesk.policies.json'), '--calendars', repoFile('examples/calendars-text.json')],
  xes: ['--input', repoFile('examples/bpic2013-sample.xes'), '--map', repoFile('examples/xes.map.json')],
};

describe('--map on the example exports, --cycles checked row by row against the core', () => {
  it('ServiceNow incidents: dd-MM-yyyy HH:mm in a zone, "?" as blank, rows ordered by sys_mod_count, opened_at, a 0-10 rating (iNPS)', async () => {
    const records = parse<Record<string, string>>(readFileSync(repoFile('examples/servicenow-incidents.csv')), { columns: true });
    // 28-05-2010 09:41 written in UTC+1 (Etc/GMT-1, the mapping's zone).
    const time = (text: string) => {
      const [, d, m, y, hh, mm] = /^(\d\d)-(\d\d)-(\d{4}) (\d\d):(\d\d)$/.exec(text)!;
      return Date.UTC(+y, +m - 1, +d, +hh, +mm) - HOUR;
    };
    const blank = (v: string) => (v === '?' ? '' : v);
    const tickets = histories(
      records.map((r) => ({ key: r.number, at: time(r.sys_updated_at), status: r.incident_state, order: Number(r.sys_mod_count), created: time(r.opened_at), fields: { priority: blank(r.priority), team: blank(r.assignment_group) } })),
    );
    const run = await runCli([...SAMPLES.servicenow, '--by', 'team']);
    expect(run.status).toBe(0);
    expect(run.header).toBe(CYCLES_HEADER);
    expectSameCycles(run.cycles, expectedCycles(tickets, 'examples/servicenow.policies.json', 'examples/calendars-text.json'));
    expect(run.result.input).toMatchObject({ tickets: 12, events: 66 });
    // Ratings on 0-10 of the tickets' last rows: promoters 9-10 minus detractors 0-6, in %.
    const ratings = records.filter((r) => r.satisfaction !== '?').map((r) => Number(r.satisfaction));
    const inps = ((ratings.filter((s) => s >= 9).length - ratings.filter((s) => s <= 6).length) / ratings.length) * 100;
    expect(run.result.satisfaction).toEqual({ scale: '0-10', answers: ratings.length, csat: null, inps });
    expect(run.result.byField.map((g) => g.field)).toEqual(['team']);
    expect(run.result.byField[0].rows.reduce((n, r) => n + r.met + r.breached + r.ongoing + r.ongoingBreached, 0)).toBe(run.cycles.length);
  });

  it('Jira changelog: quoted team names with commas, yyyy-MM-ddTHH:mm:ss.SSSXX times, a created column, a 1-5 rating (CSAT)', async () => {
    const records = parse<Record<string, string>>(readFileSync(repoFile('examples/jira-changelog.csv')), { columns: true });
    const time = (text: string) => Date.parse(text.replace(/(\d\d)(\d\d)$/, '$1:$2'));
    const tickets = histories(records.map((r) => ({ key: r['Issue key'], at: time(r.Changed), status: r.To, created: time(r.Created), fields: { priority: r.Priority, team: r.Team } })));
    const run = await runCli([...SAMPLES.jira, '--by', 'team', '--by', 'priority']);
    expect(run.status).toBe(0);
    expectSameCycles(run.cycles, expectedCycles(tickets, 'examples/jira.policies.json', 'examples/calendars-text.json'));
    expect(run.result.byField.map((g) => g.field)).toEqual(['team', 'priority']);
    expect(run.result.byField[0].rows.map((r) => r.value)).toContain('Service Desk, Org line A2');
    // Priority follows the goals' order (Highest, High, Medium, Low), not the alphabet.
    expect(run.result.byField[1].rows.map((r) => r.value)).toEqual(['Highest', 'High', 'Medium', 'Low']);
    const ratings = records.filter((r) => r.Satisfaction !== '').map((r) => Number(r.Satisfaction));
    expect(run.result.satisfaction).toEqual({ scale: '1-5', answers: ratings.length, csat: ratings.filter((s) => s >= 4).length / ratings.length, inps: null });
  });

  it('Zendesk ticket events: UTF-16LE with a byte-order mark, tab-separated (detected), UTC times', async () => {
    const text = readFileSync(repoFile('examples/zendesk-ticket-events.tsv')).subarray(2).toString('utf16le');
    const [header, ...lines] = text.split('\r\n').filter(Boolean).map((line) => line.split('\t'));
    const at = (name: string) => header.indexOf(name);
    const tickets = histories(lines.map((l) => ({ key: l[at('ticket_id')], at: Date.parse(l[at('created_at')]), status: l[at('status')], fields: { priority: l[at('priority')], group: l[at('group')] } })));
    const run = await runCli([...SAMPLES.zendesk, '--by', 'group']);
    expect(run.status).toBe(0);
    expectSameCycles(run.cycles, expectedCycles(tickets, 'examples/zendesk.policies.json', 'examples/calendars-text.json'));
    expect(run.result.satisfaction).toBeNull();
  });

  it('XES: the trace names the case, status from concept:name and lifecycle:transition, impact from the trace', async () => {
    const xes = readFileSync(repoFile('examples/bpic2013-sample.xes'), 'utf8');
    const rows: Row[] = [];
    for (const [, trace] of xes.matchAll(/<trace>([\s\S]*?)<\/trace>/g)) {
      const key = /<string key="concept:name" value="([^"]*)"\/>\s*<string key="impact"/.exec(trace)![1];
      const impact = /<string key="impact" value="([^"]*)"/.exec(trace)![1];
      for (const [, event] of trace.matchAll(/<event>([\s\S]*?)<\/event>/g)) {
        const attr = (k: string) => new RegExp(`key="${k}" value="([^"]*)"`).exec(event)![1];
        rows.push({ key, at: Date.parse(attr('time:timestamp')), status: `${attr('concept:name')}/${attr('lifecycle:transition')}`, fields: { impact, owner: attr('org:group') } });
      }
    }
    const tickets = histories(rows);
    const run = await runCli([...SAMPLES.xes, '--by', 'owner']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`SLA cycles written to ${run.stderr.split('written to ')[1]}`);
    expectSameCycles(run.cycles, expectedCycles(tickets, 'examples/policies.json', 'examples/calendars.json'));
    expect(run.result.input).toMatchObject({ tickets: 12, events: 66 });
  });

  it('the same 12 problems give the same compliance through all four exports (they are the same histories)', async () => {
    const runs = await Promise.all(Object.values(SAMPLES).map((args) => runCli(args)));
    for (const run of runs) expect(run.result.overall).toMatchObject({ met: 8, breached: 9, ongoingBreached: 0, ongoing: 0 });
    for (const { result } of runs) {
      expect(result.accuracy).toMatchObject({ resolved: 12, reopened: 5 });
      expect(result.accuracy.firstTimeRight).toBeCloseTo(7 / 12, 12); // 1 − reopen rate 5/12
    }
  });

  it('BPIC 2013: examples/bpic2013.map.json gives what the default gives, and all 1,567 cycles match the core', async () => {
    const bytes = readFileSync(repoFile('examples/bpic2013_vinst_closed_problems.csv'));
    const records = parse<Record<string, string>>(bytes.toString('latin1'), { columns: true, delimiter: ';' });
    const tickets = histories(
      records.map((r) => ({ key: r['Problem Number'], at: Date.parse(r['Problem Change Date+Time']), status: `${r['Problem Status']}/${r['Problem Sub Status']}`, fields: { impact: r['Problem Latest Impact'] } })),
    );
    const viaMap = await runCli(['--map', repoFile('examples/bpic2013.map.json'), '--input', repoFile('examples/bpic2013_vinst_closed_problems.csv'), '--by', 'impact']);
    const byDefault = await runCli([]);
    expect(viaMap.result).toEqual({ ...byDefault.result, input: { ...byDefault.result.input, source: repoFile('examples/bpic2013_vinst_closed_problems.csv') } });
    expect(byDefault.cycles).toEqual(viaMap.cycles);
    expectSameCycles(byDefault.cycles, expectedCycles(tickets, 'examples/policies.json', 'examples/calendars.json'));
  });
});

describe('mapping files', () => {
  it('examples/mapping.schema.json is the JSON Schema of the mapping as validated; every example mapping passes it', async () => {
    const { BPIC_MAPPING, mappingJsonSchema, readMapping } = await import('../cli/input/mapping');
    expect(json('examples/mapping.schema.json')).toEqual(mappingJsonSchema());
    expect(readMapping(json('examples/bpic2013.map.json'), 'bpic2013.map.json')).toEqual({ ...BPIC_MAPPING, $schema: './mapping.schema.json' });
    for (const name of ['servicenow', 'jira', 'zendesk', 'xes']) expect(() => readMapping(json(`examples/${name}.map.json`), name)).not.toThrow();
  });
});
