import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileTimeFormat, formatDateTime } from '../cli/time';
import { runCli, tempFiles } from './helpers/cli-run';
import { CalendarError, compileCalendar, compileCalendarSet, parseCalendarText } from '../core/calendar';
import { parseFieldDateTime } from '../core/sla';

const { file } = tempFiles('cli-defects-');
const calendar = file({ c: 'Mo-Fr 09:00-17:00 | tz=UTC' });
const policy = { id: 'p', name: 'P', stop: { statuses: ['Done'] }, goals: [{ target: '8h', calendar: 'c' }] };
const policies = file([policy]);
const mapping = (extra: object = {}) => file({ case: 'id', time: { column: 'at' }, status: 'status', ...extra });
const LOG = 'id,at,status\nT-1,2025-03-03T09:00:00Z,Open\nT-1,2025-03-03T11:00:00Z,Done\n';

const run = runCli;
const withLog = (input: string, map = mapping(), more: string[] = [], policyFile = policies) => run(['--input', input, '--map', map, '--policies', policyFile, '--calendars', calendar, ...more]);
const expectBadInput = async (result: Promise<{ status: number; stdout: string; stderr: string }>, message: string) => {
  const { status, stdout, stderr } = await result;
  expect({ status, stdout, stderr }).toEqual({ status: 2, stdout: '', stderr: `${message}\n` });
};

describe('XES as exported', () => {
  const xes = (events: string, declaration = '<?xml version="1.0" encoding="UTF-8"?>', prefix = '') =>
    `${declaration}\n<${prefix}log xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://www.xes-standard.org/">\n${events}\n</${prefix}log>\n`;
  const trace = (name: string, events: string[], prefix = '') =>
    `<${prefix}trace><${prefix}string key="concept:name" value="${name}"/>${events.map((e) => `<${prefix}event>${e}</${prefix}event>`).join('')}</${prefix}trace>`;
  const event = (status: string | null, at: string, prefix = '') =>
    `${status === null ? '' : `<${prefix}string key="concept:name" value="${status}"/>`}<${prefix}date key="time:timestamp" value="${at}"/>`;
  const xesMap = file({ format: 'xes', time: { column: 'time:timestamp' }, status: 'concept:name' });
  const latinMap = file({ format: 'xes', encoding: 'latin1', time: { column: 'time:timestamp' }, status: 'concept:name' });

  it('XES an event without the status attribute is a blank status (skipped, counted), never the trace’s name', async () => {
    const log = file(xes(trace('T-1', [event('Open', '2025-03-03T09:00:00Z'), event(null, '2025-03-03T10:00:00Z'), event('Done', '2025-03-03T11:00:00Z')])), 'xes');
    const result = await run(['--input', log, '--map', xesMap, '--policies', policies, '--calendars', calendar, '--json']);
    const json = JSON.parse(result.stdout);
    expect(json.dataQuality).toMatchObject({ rows: 3, tickets: 1, blankStatusesSkipped: 1, statusesNoPolicyNames: ['Open'] });
    expect(json.overall).toMatchObject({ met: 1, breached: 0 });
  });

  it('XES Latin-1 bytes read as UTF-8 are an error naming the line, not distinct tickets merged (Té, Tè); read as latin1 they stay two', async () => {
    const body = xes(trace('Té', [event('Open', '2025-03-03T09:00:00Z')]) + trace('Tè', [event('Open', '2025-03-03T09:00:00Z')]), '<?xml version="1.0" encoding="ISO-8859-1"?>');
    const log = file(Buffer.from(body, 'latin1'), 'xes');
    await expectBadInput(
      run(['--input', log, '--map', xesMap, '--policies', policies, '--calendars', calendar]),
      `${log} line 3: bytes that are not UTF-8; the encoding is the likely cause: set "encoding": "latin1" or "windows-1252" in the mapping`,
    );
    const result = await run(['--input', log, '--map', latinMap, '--policies', policies, '--calendars', calendar, '--json']);
    expect(JSON.parse(result.stdout).input.tickets).toBe(2);
  });

  it('XES a namespace prefix (xes:log, xes:trace, xes:event) is read like the plain names', async () => {
    const log = file(xes(trace('T-1', [event('Open', '2025-03-03T09:00:00Z', 'xes:'), event('Done', '2025-03-03T11:00:00Z', 'xes:')], 'xes:'), undefined, 'xes:'), 'xes');
    const result = await run(['--input', log, '--map', xesMap, '--policies', policies, '--calendars', calendar, '--json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ cycles: 1, overall: { met: 1 } });
  });
});

describe('silently wrong, now right or a clear error', () => {
  it('duplicate policy ids are an error naming both items', async () => {
    const twice = file([policy, policy]);
    await expectBadInput(withLog(file(LOG, 'csv'), mapping(), [], twice), `--policies: ${twice}: item 1: the id "p" is already item 0's; give each policy its own id`);
  });

  it('zero-length window (Mo-Fr 08:00-08:00, 00:00-00:00) is an error naming the window, and in the text form the rule it was typed in, in the core for every door', async () => {
    for (const hours of ['Mo-Fr 08:00-08:00', '00:00-00:00']) {
      const window = hours.slice(-11);
      expect(() => compileCalendar(parseCalendarText(hours, 'UTC'))).toThrow(`calendar: "${hours}": the window ${window} is empty (it ends when it starts); for a whole day write 00:00-24:00`);
      expect(() => compileCalendarSet({ office: hours })).toThrow(CalendarError);
      expect(() => compileCalendar({ timeZone: 'UTC', weekly: { Mo: [{ start: '08:00', end: '08:00' }] } })).toThrow('calendar.weekly.Mo.0: the window 08:00-08:00 is empty');
    }
    const calendars = file({ c: 'Mo-Fr 08:00-08:00' });
    await expectBadInput(
      run(['--input', file(LOG, 'csv'), '--map', mapping(), '--policies', policies, '--calendars', calendars]),
      `--calendars: ${calendars}: "c": calendar: "Mo-Fr 08:00-08:00": the window 08:00-08:00 is empty (it ends when it starts); for a whole day write 00:00-24:00`,
    );
  });

  it('0x4 and 0b11 in the rating and order columns are not numbers', async () => {
    const rated = file('id,at,status,rating\nT-1,2025-03-03T09:00:00Z,Open,\nT-1,2025-03-03T11:00:00Z,Done,0x4\n', 'csv');
    await expectBadInput(withLog(rated, mapping({ rating: { column: 'rating', scale: '1-5' } })), `${rated} row 3, column "rating": "0x4" is not a whole number from 1 to 5 (rating scale 1-5)`);
    const ordered = file('id,at,status,seq\nT-1,2025-03-03T09:00:00Z,Open,0b11\n', 'csv');
    await expectBadInput(withLog(ordered, mapping({ order: 'seq' })), `${ordered} row 2, column "seq": "0b11" is not a decimal number`);
  });

  it('offsets -13:00 and -14:00 fail every parsing path alike; -12:00 and +14:00 pass', () => {
    const iso = compileTimeFormat(undefined, 'UTC');
    for (const text of ['2025-03-03T09:00:00-13:00', '2025-03-03T09:00:00-14:00', '2025-03-03T09:00-13:00', '2025-03-03 09:00:00-1400']) expect(iso(text)).toBeNaN();
    expect(iso('2025-03-03T09:00:00-12:00')).toBe(Date.UTC(2025, 2, 3, 21));
    expect(iso('2025-03-03T09:00:00+14:00')).toBe(Date.UTC(2025, 2, 2, 19));
  });

  it('years 0000-0099 are those years (outside the calendars’ 1900-2300: an error), never 1900-1999', async () => {
    const iso = compileTimeFormat(undefined, 'UTC');
    expect(iso('0099-03-03 09:00')).toBe(new Date('0099-03-03T09:00:00Z').getTime());
    expect(compileTimeFormat('dd-MM-yyyy HH:mm', 'UTC')('03-03-0025 09:00')).toBe(new Date('0025-03-03T09:00:00Z').getTime());
    const old = file('id,at,status\nT-1,0099-03-03 09:00,Open\n', 'csv');
    await expectBadInput(withLog(old), `${old} row 2, column "at": "0099-03-03 09:00" is outside the years 1900-2300`);
  });

  it('+07:6.5: a time before 1906 in Asia/Ho_Chi_Minh (local mean time +07:06:40) is written exactly, in UTC', () => {
    const t = Date.UTC(1905, 0, 2, 3);
    expect(formatDateTime(t, 'Asia/Ho_Chi_Minh')).toBe('1905-01-02T03:00:00Z');
    expect(formatDateTime(Date.UTC(2025, 0, 2, 3), 'Asia/Ho_Chi_Minh')).toBe('2025-01-02T10:00:00+07:00');
  });

  it('a policy that starts on, or tests, a field the mapping does not map is a warning and a Data quality entry', async () => {
    const retro = file([{ ...policy, start: { on: 'field', field: 'requested' }, goals: [{ target: '8h', calendar: 'c', when: [{ field: 'priority', in: ['High'] }] }, { target: '16h', calendar: 'c' }] }]);
    const result = await withLog(file(LOG, 'csv'), mapping(), ['--json'], retro);
    expect(result.stderr).toContain('warning: --policies: policy p reads the field "priority", which the mapping does not map');
    expect(result.stderr).toContain('warning: --policies: policy p reads the field "requested", which the mapping does not map');
    expect(JSON.parse(result.stdout).dataQuality.policyFieldsNotMapped).toEqual(['priority', 'requested']);
  });

  it('a misplaced scoring.cap (inside scoring, not on the KPI) is an error naming it, not dropped', async () => {
    const example = JSON.parse(readFileSync(fileURLToPath(new URL('../examples/scorecard.json', import.meta.url)), 'utf8'));
    example.tree.root.children[0].kpis[0].scoring = { method: 'ratio', cap: 1.5 };
    const scorecard = file(example);
    await expectBadInput(
      run(['--scorecard', scorecard]),
      `--scorecard: ${scorecard}: tree.root.children.0.kpis.0.scoring: scoring: "cap" is not a parameter of the ratio method; floor and cap belong on the KPI, beside target`,
    );
  });

  it('addWorkingMinutes after table growth back to 1900 gives what a fresh calendar gives (Mon 08:00 + 1e-9 min)', () => {
    const monday = Date.UTC(2025, 2, 3, 8);
    const fresh = compileCalendar(parseCalendarText('Mo-Fr 08:00-17:00', 'UTC'));
    const grown = compileCalendar(parseCalendarText('Mo-Fr 08:00-17:00', 'UTC'));
    grown.workingMinutesBetween(Date.UTC(1900, 0, 3), monday);
    for (const minutes of [1e-9, 1e-6, 0.5, 60, -1e-9, -60]) expect(grown.addWorkingMinutes(monday, minutes)).toBe(fresh.addWorkingMinutes(monday, minutes));
    expect(grown.addWorkingMinutes(monday, 1e-9)).toBeGreaterThanOrEqual(monday);
    expect(grown.addWorkingMinutes(monday, -1e-9)).toBeLessThan(monday);
  });
});

describe('stack traces, now clear errors', () => {
  it('--by toString and --by __proto__ are exit 2 naming the option, as any unmapped field', async () => {
    for (const field of ['toString', '__proto__', 'constructor']) {
      await expectBadInput(withLog(file(LOG, 'csv'), mapping({ fields: { team: 'status' } }), ['--by', field]), `--by ${field}: not a field of the mapping (fields: team)`);
    }
  });

  it('--by a mapped field named toString groups by its own value (the core reads own fields only)', async () => {
    const result = await withLog(file('id,at,status,t\nT-1,2025-03-03T09:00:00Z,Open,x\nT-1,2025-03-03T11:00:00Z,Done,x\n', 'csv'), mapping({ fields: { toString: 't' } }), ['--by', 'toString', '--json']);
    expect(JSON.parse(result.stdout).byField[0]).toMatchObject({ field: 'toString', rows: [{ value: 'x', met: 1 }] });
  });

  it('a 300,000-entry missing list is read (no spread of arguments)', async () => {
    const missing = Array.from({ length: 300_000 }, (_, i) => `n/a ${i}`);
    const result = await withLog(file(LOG, 'csv'), mapping({ missing }), ['--json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).cycles).toBe(1);
  });

  it('parseFieldDateTime("2025-03-03T24:00", "UTC") is the end of that day (ISO 8601: the next day 00:00), in the core, a policy starting on such a field and the log\'s time column alike', async () => {
    expect(parseFieldDateTime('2025-03-03T24:00', 'UTC')).toBe(Date.UTC(2025, 2, 4));
    expect(parseFieldDateTime('2025-02-28 24:00:00.000', 'UTC')).toBe(Date.UTC(2025, 2, 1));
    expect(parseFieldDateTime('2025-12-31T24:00:00+07:00', 'UTC')).toBe(Date.UTC(2025, 11, 31, 17));
    expect(parseFieldDateTime('2025-03-03T24:00', 'Asia/Ho_Chi_Minh')).toBe(Date.UTC(2025, 2, 3, 17));
    for (const notATime of ['2025-03-03T24:01', '2025-03-03T24:00:01', '2025-03-03T24:00:00.5', '2025-03-03T25:00', '2025-02-29T24:00']) expect(parseFieldDateTime(notATime, 'UTC')).toBeNaN();
    expect(compileTimeFormat(undefined, 'UTC')('2025-03-03T24:00:00Z')).toBe(Date.UTC(2025, 2, 4));
    expect(compileTimeFormat('dd-MM-yyyy HH:mm', 'Asia/Ho_Chi_Minh')('03-03-2025 24:00')).toBe(Date.UTC(2025, 2, 3, 17));
    expect(compileTimeFormat(undefined, 'UTC')('2025-03-03T24:30:00Z')).toBeNaN();
    // Started at the end of Thursday 27 February (Friday 00:00): Friday's 8 working hours and Monday's 2 breach 8h.
    const retro = file([{ ...policy, start: { on: 'field', field: 'requested' } }]);
    const log = file('id,at,status,requested\nT-1,2025-03-03T09:00:00Z,Open,2025-02-27T24:00\nT-1,2025-03-03T11:00:00Z,Done,\n', 'csv');
    const result = await withLog(log, mapping({ fields: { requested: 'requested' } }), ['--json'], retro);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ cycles: 1, overall: { met: 0, breached: 1, tat: { medianHours: 10 } } });
  });

  it('parseCalendarText(null) is a CalendarError saying what was expected', () => {
    expect(() => parseCalendarText(null as unknown as string, 'UTC')).toThrow(new CalendarError('calendar', 'calendar: expected the calendar as text such as "Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh", got null'));
    expect(() => parseCalendarText(42 as unknown as string, 'UTC')).toThrow('got number');
  });
});
