import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from './helpers/cli-run';

const { dir, file } = tempFiles('cli-errors-');
const csv = (text: string) => file(text, 'csv');

const calendar = file({ c: 'Mo-Fr 09:00-17:00 | tz=UTC' });
const policy = { id: 'p', name: 'P', stop: { statuses: ['Done'] }, goals: [{ target: '8h', calendar: 'c' }] };
const policies = file([policy]);
const mapping = (extra: object = {}) => file({ case: 'id', time: { column: 'at' }, status: 'status', ...extra });
const OK = 'id,at,status\nT-1,2025-03-03T09:00:00Z,Open\nT-1,2025-03-03T11:00:00Z,Done\n';

const run = runCli;
const withLog = (input: string, map = mapping(), more: string[] = []) => run(['--input', input, '--map', map, '--policies', policies, '--calendars', calendar, ...more]);

/** Exit status 2, one line on stderr that is exactly the message (no stack trace), nothing on stdout. */
async function expectBadInput(result: Promise<{ status: number; stdout: string; stderr: string }>, message: string) {
  const { status, stdout, stderr } = await result;
  expect(stderr).toBe(`${message}\n`);
  expect(status).toBe(2);
  expect(stdout).toBe('');
}

describe('bad input exits 2 naming the file, row, column or option', () => {
  it('a calendar without hours, or with an unknown weekday key', async () => {
    const noHours = file({ c: { timeZone: 'UTC', weekly: {} } });
    await expectBadInput(withLog(csv(OK), mapping(), ['--calendars', noHours]), `--calendars: ${noHours}: "c": calendar: it has no working hours on any day`);
    const badKey = file({ c: { timeZone: 'UTC', weekly: { Mon: [{ start: '09:00', end: '17:00' }] } } });
    await expectBadInput(
      withLog(csv(OK), mapping(), ['--calendars', badKey]),
      `--calendars: ${badKey}: "c": calendar.weekly: unknown weekday key "Mon" (expected Mo, Tu, We, Th, Fr, Sa, Su)`,
    );
    const badText = file({ c: 'Mon-Fri 09:00-17:00' });
    await expectBadInput(
      withLog(csv(OK), mapping(), ['--calendars', badText]),
      `--calendars: ${badText}: "c": calendar: "Mon-Fri 09:00-17:00": unknown day "Mon" (expected Mo, Tu, We, Th, Fr, Sa, Su)`,
    );
  });

  it('calendars as text lines: read like the JSON form, a bad line named', async () => {
    const text = file('# office hours\nc: Mo-Fr 09:00-17:00 | tz=UTC\n\n', 'txt');
    const viaText = await withLog(csv(OK), mapping(), ['--calendars', text, '--json']);
    const viaJson = await withLog(csv(OK), mapping(), ['--json']);
    expect(viaText.status).toBe(0);
    expect(JSON.parse(viaText.stdout)).toMatchObject({ overall: (JSON.parse(viaJson.stdout) as { overall: object }).overall });
    const bad = file('c Mo-Fr 09:00-17:00\n', 'txt');
    await expectBadInput(withLog(csv(OK), mapping(), ['--calendars', bad]), `--calendars: ${bad} line 1: expected "name: Mo-Fr 08:00-17:00 | tz=…" (or a JSON object), got "c Mo-Fr 09:00-17:00"`);
    const twice = file('c: Mo-Fr 09:00-17:00\nc: Sa 09:00-12:00\n', 'txt');
    await expectBadInput(withLog(csv(OK), mapping(), ['--calendars', twice]), `--calendars: ${twice} line 2: calendar "c" is given twice`);
    const badHours = file('c: Mo-Fr 9-17\n', 'txt');
    await expectBadInput(withLog(csv(OK), mapping(), ['--calendars', badHours]), `--calendars: ${badHours}: "c": calendar: "Mo-Fr 9-17": expected times as HH:MM-HH:MM, got "9-17"`);
  });

  it('--as-of with an impossible offset, or an instant like 1e20', async () => {
    await expectBadInput(run(['--as-of', '2012-06-01T00:00:00+99:00']), '--as-of: "2012-06-01T00:00:00+99:00" has the offset +99:00, which no zone has (expected -12:00 to +14:00)');
    await expectBadInput(run(['--as-of', '1e20']), '--as-of: expected an ISO date-time such as 2012-06-01T00:00:00+01:00, got "1e20"');
    await expectBadInput(run(['--as-of', '2500-01-01T00:00:00Z']), '--as-of: 2500-01-01T00:00:00Z is outside the years 1900-2300 that calendars cover');
    const e20 = csv('id,at,status\nT-1,1e20,Open\n');
    await expectBadInput(withLog(e20), `${e20} row 2, column "at": "1e20" is not a time in the form ISO 8601 (2012-01-16T14:45:58+01:00)`);
    const far = csv('id,at,status\nT-1,2400-01-01T00:00:00Z,Open\n');
    await expectBadInput(withLog(far), `${far} row 2, column "at": "2400-01-01T00:00:00Z" is outside the years 1900-2300`);
  });

  it('goals so large that the due time leaves the supported range', async () => {
    const huge = file([{ ...policy, goals: [{ target: { minutes: 1e12 }, calendar: 'c' }] }]);
    const log = csv(OK);
    await expectBadInput(
      withLog(log, mapping(), ['--policies', huge]),
      `${log}: policy p: goals.0.target: 1000000000000m from 2025-03-03T09:00:00.000Z (ticket T-1) is due outside the years 1900-2300 that calendars cover`,
    );
  });

  it('a retroactive start field without an offset is read in the calendar zone; one that is no date is named', async () => {
    const hanoi = file({ c: 'Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh' });
    const retro = file([{ ...policy, start: { on: 'field', field: 'requested' } }]);
    const map = mapping({ fields: { requested: 'requested' } });
    const cycles = join(dir, 'retro-cycles.csv');
    // 08:00 in Hanoi is 01:00Z: the clock runs 01:00Z→04:00Z = 3 h, whatever the machine's zone.
    const log = csv('id,at,status,requested\nT-1,2025-03-03T02:00:00Z,Open,2025-03-03 08:00\nT-1,2025-03-03T04:00:00Z,Done,\n');
    const ok = await withLog(log, map, ['--policies', retro, '--calendars', hanoi, '--cycles', cycles]);
    expect(ok.status).toBe(0);
    expect(readFileSync(cycles, 'utf8').split('\n')[1]).toBe('T-1,p,1,8h,2025-03-03T08:00:00+07:00,2025-03-03T11:00:00+07:00,met,180,0,300,2025-03-03T16:00:00+07:00');
    const bad = csv('id,at,status,requested\nT-1,2025-03-03T02:00:00Z,Open,last Monday\nT-1,2025-03-03T04:00:00Z,Done,\n');
    await expectBadInput(withLog(bad, map, ['--policies', retro, '--calendars', hanoi]), `${bad}: ticket T-1: field requested: expected a date-time, got "last Monday"`);
  });

  it('rows before the ticket creation or out of time order are corrections; --strict makes the first an error naming its row', async () => {
    const early = csv('id,at,status,created\nT-1,2025-03-03T09:00:00Z,Open,2025-03-04T09:00:00Z\n');
    await expectBadInput(
      withLog(early, mapping({ created: { column: 'created' } }), ['--strict']),
      `${early} row 2: ticket T-1: the time is before the ticket's creation (2025-03-04T09:00:00+00:00) (--strict: corrections are errors; leave --strict out to have them made and counted)`,
    );
    const unordered = csv('id,at,status\nT-1,2025-03-03T09:00:00Z,Open\nT-2,2025-03-03T09:00:00Z,Open\nT-1,2025-03-03T08:00:00Z,Done\n');
    await expectBadInput(
      withLog(unordered, mapping(), ['--strict']),
      `${unordered} row 4: the row comes after rows of its ticket that its order puts later (--strict: corrections are errors; leave --strict out to have the log sorted)`,
    );
    const blank = csv('id,at,status\nT-1,2025-03-03T09:00:00Z,Open\nT-1,2025-03-03T10:00:00Z,\n');
    await expectBadInput(withLog(blank, mapping(), ['--strict']), `${blank} row 3: ticket T-1: the status is blank (--strict: corrections are errors; leave --strict out to have them made and counted)`);
    const fine = await withLog(early, mapping({ created: { column: 'created' } }), ['--json']);
    expect(fine.status).toBe(0);
    expect(JSON.parse(fine.stdout).dataQuality).toMatchObject({ rows: 1, tickets: 1, timesCorrected: 1 });
  });

  it('a comma, tab, UTF-16 or byte-order-mark file read with the wrong mapping names the delimiter or encoding', async () => {
    const comma = csv(OK);
    await expectBadInput(
      withLog(comma, mapping({ delimiter: ';' })),
      `${comma} row 1: no column "id" named in the mapping; the header reads as 1 column with the delimiter ";" (semicolon) but holds 2 "," (comma); the delimiter is the likely cause`,
    );
    const tab = csv(OK.replace(/,/g, '\t'));
    await expectBadInput(
      withLog(tab, mapping({ delimiter: ',' })),
      `${tab} row 1: no column "id" named in the mapping; the header reads as 1 column with the delimiter "," (comma) but holds 2 "\\t" (tab); the delimiter is the likely cause`,
    );
    const utf16 = file(Buffer.from(OK, 'utf16le'), 'csv');
    await expectBadInput(
      withLog(utf16),
      `${utf16}: the file has NUL bytes, as UTF-16 text without a byte-order mark has; the encoding is the likely cause: save it as UTF-8, or as UTF-16 with a byte-order mark`,
    );
    const utf16Bom = file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(OK, 'utf16le')]), 'csv');
    await expectBadInput(
      withLog(utf16Bom, mapping({ encoding: 'latin1' })),
      `${utf16Bom}: the file starts with a UTF-16LE byte-order mark but the mapping says "encoding": "latin1"; the encoding is the likely cause: set "encoding": "utf-8" (a byte-order mark is honoured, UTF-16 too)`,
    );
    const bom = file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(OK)]), 'csv');
    await expectBadInput(
      withLog(bom, mapping({ encoding: 'windows-1252' })),
      `${bom}: the file starts with a UTF-8 byte-order mark but the mapping says "encoding": "windows-1252"; the encoding is the likely cause: set "encoding": "utf-8" (a byte-order mark is honoured, UTF-16 too)`,
    );
    const latin1 = file(Buffer.from(`${OK}T-2,2025-03-03T09:00:00Z,Réouvert\n`, 'latin1'), 'csv');
    await expectBadInput(
      withLog(latin1),
      `${latin1} row 4: bytes that are not UTF-8; the encoding is the likely cause: set "encoding": "latin1" or "windows-1252" in the mapping`,
    );
    // With the right mapping the same files read (the BOM and UTF-16 honoured under utf-8).
    for (const good of [utf16Bom, bom]) expect((await withLog(good)).status).toBe(0);
    expect((await withLog(latin1, mapping({ encoding: 'latin1' }))).status).toBe(0);
    // Windows-1252 (0x80 is €, which Latin-1 lacks): the stop status is found, the ticket met.
    const cp1252 = file(Buffer.from('id,at,status\nT-1,2025-03-03T09:00:00Z,Open\nT-1,2025-03-03T11:00:00Z,Done \x80\n', 'latin1'), 'csv');
    const euro = file([{ ...policy, stop: { statuses: ['Done €'] } }]);
    const read = await withLog(cp1252, mapping({ encoding: 'windows-1252' }), ['--policies', euro, '--json']);
    expect(read.stderr).toBe('');
    expect((JSON.parse(read.stdout) as { overall: { met: number } }).overall.met).toBe(1);
  });

  it('a mapping that does not validate, names an unknown column, or --by a field it does not map', async () => {
    const unknownKey = mapping({ delimeter: ',' });
    await expectBadInput(withLog(csv(OK), unknownKey), `--map: ${unknownKey}: Unrecognized key: "delimeter"`);
    const badDelimiter = mapping({ delimiter: ';;' });
    await expectBadInput(withLog(csv(OK), badDelimiter), `--map: ${badDelimiter}: delimiter: expected one character such as "," ";" "\\t" or "|" (not a quote or line break)`);
    // Any one character will do when given.
    expect((await withLog(csv(OK.replace(/,/g, '^')), mapping({ delimiter: '^' }))).status).toBe(0);
    const badFormat = mapping({ time: { column: 'at', format: 'DD/MM/YYYY' } });
    await expectBadInput(withLog(csv(OK), badFormat), `--map: ${badFormat}: time.format: unknown token "D" in "DD/MM/YYYY" (known: yyyy MM M dd d HH H mm ss SSS XXX xxx XX; quote literal text as 'T')`);
    const log = csv(OK);
    await expectBadInput(withLog(log, mapping({ fields: { team: 'assignment_group' } })), `${log} row 1: no column "assignment_group" named in the mapping; the header has: "id", "at", "status"`);
    await expectBadInput(withLog(csv(OK), mapping({ fields: { team: 'status' } }), ['--by', 'priority']), '--by priority: not a field of the mapping (fields: team)');
    await expectBadInput(run(['--map', mapping()]), '--input: give the event log the mapping --map reads');
    await expectBadInput(
      run(['--input', log]),
      `${log} row 1: no column "Problem Number" named in the mapping; the header reads as 1 column with the delimiter ";" (semicolon) but holds 2 "," (comma); the delimiter is the likely cause; ` +
        'without --map the log is read as the BPIC 2013 format: describe other exports with --map (docs/CLI-INPUT.md)',
    );
    const notJson = file('{ "case": ', 'json');
    expect((await run(['--input', log, '--map', notJson])).stderr).toMatch(new RegExp(`^--map: ${notJson} is not valid JSON \\(`));
  });
});

describe('warnings on stderr, exit 0', () => {
  it('a stop status that never occurs in the log, with the statuses that do', async () => {
    const result = await withLog(csv('id,at,status\nT-1,2025-03-03T09:00:00Z,Open\nT-1,2025-03-03T10:00:00Z,Closed\n'));
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('warning: --policies: policy p stops on "Done", which the log\'s status never holds; statuses that occur: "Open", "Closed"\n');
  });

  it('a single row dated far after the rest, before it sets the default as-of', async () => {
    const log = csv('id,at,status\nT-1,2025-03-03T09:00:00Z,Open\nT-1,2025-03-03T11:00:00Z,Done\nT-2,2025-03-04T09:00:00Z,Open\nT-2,2099-03-04T09:00:00Z,Done\n');
    const result = await withLog(log, mapping(), ['--json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`warning: ${log} row 5: 2099-03-04T09:00:00+00:00 is 27,028 days after every other row; it sets the default as-of (give --as-of to measure up to another time)\n`);
    // With --as-of the row no longer decides, and no warning is given.
    const pinned = await withLog(log, mapping(), ['--as-of', '2025-03-05T00:00:00Z']);
    expect(pinned.stderr).toBe('');
  });
});
