import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseLog } from '../cli/analyse';
import { escapeHtml } from '../cli/report/html';
import { BPIC_MAPPING } from '../cli/input/mapping';
import { HELP, main } from '../cli/main';
import { compileCalendars, createClocks } from '../cli/config';
import type { ReportResult } from '../cli/report/result';
import type { TicketHistory } from '../core/sla/ticket';

const repoFile = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const SAMPLE = 'examples/bpic2013_vinst_closed_problems.csv';
const HEADER =
  'Problem Number;Problem Change Date+Time;Problem Sub Status;Problem Status;Problem Latest Impact;Problem Involved ST Org line 3;' +
  'Problem Involved ST Function Div;Problem Involved Owner ST;Product;Country;Problem Involved Action Owner Country;Problem Involved Action Owner First Name';
const policies = JSON.parse(readFileSync(repoFile('examples/policies.json'), 'utf8'));
const calendars = JSON.parse(readFileSync(repoFile('examples/calendars.json'), 'utf8'));
const t = (iso: string) => Date.parse(iso);

/** A log in the BPIC layout from `;`-separated rows after the header, CRLF and ISO-8859-1 like the real file. */
const bpicBytes = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n', 'latin1');
const tmp = mkdtempSync(join(tmpdir(), 'cli-'));
let files = 0;
const logFile = (rows: string[]) => {
  const path = join(tmp, `x${++files}.csv`);
  writeFileSync(path, bpicBytes(rows));
  return path;
};
/** The report on a file through the BPIC mapping, grouped by impact as `npm start` does by default. */
const runReport = async (options: { path?: string; name?: string; policies?: unknown; calendars?: unknown; asOf?: number; onProgress?: (share: number) => void } = {}) => {
  const calendarSet = compileCalendars(options.calendars ?? calendars);
  const clocks = createClocks(options.policies ?? policies, calendarSet);
  return await analyseLog({
    input: { path: options.path ?? repoFile(SAMPLE), name: options.name ?? SAMPLE },
    mapping: BPIC_MAPPING,
    clocks,
    calendars: calendarSet,
    asOf: options.asOf,
    by: ['impact'],
    onProgress: options.onProgress,
  });
};
const readRows = (rows: string[]) => runReport({ path: logFile(rows), name: 'x.csv' });

const capture = (isTTY = false) => {
  const out = { stdout: '', stderr: '' };
  const io = { stdout: { write: (text: string) => (out.stdout += text) }, stderr: { isTTY, write: (text: string) => (out.stderr += text) } };
  return { out, io };
};

let report: ReportResult;
beforeAll(async () => {
  report = await runReport();
});

describe('BPIC 2013 log through the default mapping', () => {
  it('reads the 1,487 problems of the 6,660 rows', () => {
    expect(report.input).toMatchObject({ tickets: 1487, events: 6660, firstEvent: '2006-01-11T15:49:42+01:00', lastEvent: '2012-05-31T22:49:06+01:00' });
  });

  it('names the file, row and column of a bad row', async () => {
    const good = '1-1;2012-01-01T10:00:00+01:00;In Progress;Accepted;Low;Org line B;;T1;P1;be;Belgium;Ann';
    await expect(readRows([good, '1-1;abc;Closed;Completed;Low;Org line B;;T1;P1;be;Belgium;Ann'])).rejects.toThrow(
      'x.csv row 3, column "Problem Change Date+Time": "abc" is not a time in the form ISO 8601 (2012-01-16T14:45:58+01:00)',
    );
    await expect(readRows([good.replace('2012-01-01', '2012-02-30')])).rejects.toThrow('x.csv row 2, column "Problem Change Date+Time": "2012-02-30T10:00:00+01:00" is not a time');
    await expect(readRows([good, ';2012-01-01T10:00:00+01:00;Closed;Completed;Low;Org line B;;T1;P1;be;Belgium;Ann'])).rejects.toThrow(
      'x.csv row 3, column "Problem Number": the ticket is blank',
    );
    await expect(readRows([])).rejects.toThrow('x.csv: no events after the header');
    const header = join(tmp, 'header.csv');
    writeFileSync(header, 'Problem Number;Status\r\n');
    await expect(runReport({ path: header, name: 'x.csv' })).rejects.toThrow('x.csv row 1: no column "Problem Change Date+Time" named in the mapping; the header has: "Problem Number", "Status"');
  });
});

describe('corrections of the BPIC log are made and counted, never fatal', () => {
  const good = '1-1;2012-01-01T10:00:00+01:00;In Progress;Accepted;Low;Org line B;;T1;P1;be;Belgium;Ann';
  it('a blank status row is skipped and counted', async () => {
    const result = await readRows([good, '1-1;2012-01-01T11:00:00+01:00;Closed']);
    expect(result.dataQuality).toMatchObject({ rows: 2, tickets: 1, blankStatusesSkipped: 1, rowsReordered: 0, timesCorrected: 0 });
  });
  it('a row earlier than the row before it is put in time order and counted as reordered', async () => {
    const result = await readRows([good, '1-1;2011-12-31T10:00:00+01:00;Closed;Completed;Low;Org line B;;T1;P1;be;Belgium;Ann']);
    expect(result.dataQuality).toMatchObject({ rows: 2, tickets: 1, blankStatusesSkipped: 0, rowsReordered: 1, timesCorrected: 0 });
    expect(result.input.firstEvent).toBe('2011-12-31T10:00:00+01:00');
  });
});

describe('the report on the sample log', () => {
  it('counts every cycle once: met + breached + open = cycles, overall, per impact and per month', () => {
    const sum = (rows: Array<{ met: number; breached: number; ongoingBreached: number; ongoing: number }>) =>
      rows.reduce((n, r) => n + r.met + r.breached + r.ongoingBreached + r.ongoing, 0);
    expect(report.cycles).toBe(1567); // 1,487 problems, 80 more cycles from problems reopened after Completed
    expect(report.ticketsMeasured).toBe(1487);
    expect(sum([report.overall])).toBe(report.cycles);
    expect(sum(report.byField[0].rows)).toBe(report.cycles);
    expect(sum(report.byGoal)).toBe(report.cycles);
    expect(sum(report.byMonth)).toBe(report.cycles);
    for (const row of [report.overall, ...report.byField[0].rows, ...report.byMonth]) {
      expect(row.compliance).toBeGreaterThanOrEqual(0);
      expect(row.compliance).toBeLessThanOrEqual(1);
    }
  });

  it('gives the sample figures: every problem is closed by the latest event, so nothing is open', () => {
    expect(report.overall).toMatchObject({ met: 477, breached: 1090, ongoingBreached: 0, ongoing: 0, compliance: 477 / 1567 });
    expect(report.overall.tat!.cycles).toBe(1567);
    expect(report.byField[0].rows.map((g) => [g.value, g.goals, g.met, g.breached])).toEqual([
      ['Major', ['2bd'], 50, 107],
      ['High', ['5bd'], 116, 215],
      ['Medium', ['10bd'], 231, 609],
      ['Low', ['20bd'], 80, 159],
    ]);
    expect(report.byMonth.map((g) => g.month)).toEqual([
      '2010-11', '2010-12', '2011-03', '2011-06', '2011-09', '2011-10', '2011-11', '2011-12', '2012-01', '2012-02', '2012-03', '2012-04', '2012-05',
    ]);
    expect(report.accuracy).toEqual({ resolved: 1487, reopened: 61, firstTimeRight: 1426 / 1487 });
    expect(report.input).toEqual({
      source: SAMPLE,
      tickets: 1487,
      events: 6660,
      firstEvent: '2006-01-11T15:49:42+01:00',
      lastEvent: '2012-05-31T22:49:06+01:00',
      asOf: '2012-05-31T22:49:06+01:00',
      asOfIsLatestEvent: true,
    });
    expect(report.timeZone).toBe('Etc/GMT-1');
  });

  it('reproduces a cycle worked by hand from the CSV rows (problem 1-642766943, rows 4512-4515)', () => {
    // High impact → 5bd on volvo-be: Mon-Fri 08:00-17:00 (9 h = 32,400 s a day), UTC+1, no BE holiday that week.
    //   Mon 16 Jan 14:45:58 In Progress (created: the clock starts)
    //   Mon 16 Jan 15:36:17 Wait         running 14:45:58→15:36:17 = 3,019 s
    //   Wed 18 Jan 08:17:27 In Progress  paused: Mon 15:36:17→17:00 5,023 s + Tue 32,400 s + Wed 08:00→08:17:27 1,047 s = 38,470 s
    //   Wed 18 Jan 08:18:16 Closed       running 08:17:27→08:18:16 = 49 s; elapsed 3,068 s = 51.133 min
    // Goal: the close of the 5th working day after Mon 16 = Mon 23 Jan 17:00; from the start that is
    //   Mon 14:45:58→17:00 8,042 s + Tue-Fri 4 × 32,400 s + Mon 23 32,400 s = 170,042 s = 2,834.033 min.
    // Due had the clock kept running from the stop: 170,042 − 3,068 = 166,974 s after Wed 18 08:18:16:
    //   Wed rest 31,304 s, Thu, Fri, Mon, Tue 4 × 32,400 s → 160,904 s; 6,070 s = 1:41:10 into Wed 25 Jan → 09:41:10.
    const asOf = t('2012-05-31T22:49:06+01:00');
    const [clock] = createClocks(policies, compileCalendars(calendars));
    const ticket: TicketHistory = {
      key: '1-642766943',
      created: t('2012-01-16T14:45:58+01:00'),
      status: 'Accepted/In Progress',
      fields: { impact: 'High' },
      events: [
        { at: t('2012-01-16T15:36:17+01:00'), field: 'status', to: 'Accepted/Wait' },
        { at: t('2012-01-18T08:17:27+01:00'), field: 'status', to: 'Accepted/In Progress' },
        { at: t('2012-01-18T08:18:16+01:00'), field: 'status', to: 'Completed/Closed' },
      ],
    };
    const [cycle, ...more] = clock.compute(ticket, asOf)!.cycles;
    expect(more).toEqual([]);
    expect(cycle).toMatchObject({
      goalLabel: '5bd',
      start: t('2012-01-16T14:45:58+01:00'),
      stop: t('2012-01-18T08:18:16+01:00'),
      due: t('2012-01-25T09:41:10+01:00'),
      state: 'met',
    });
    expect(cycle.elapsedMinutes * 60).toBeCloseTo(3068, 6);
    expect(cycle.pausedMinutes * 60).toBeCloseTo(38470, 6);
    expect(cycle.goalMinutes * 60).toBeCloseTo(170042, 6);
    expect(cycle.remainingMinutes * 60).toBeCloseTo(166974, 6);
  });

  it('measures open cycles up to an earlier as-of, and reports progress as the file is read', async () => {
    const progress: number[] = [];
    const early = await runReport({ asOf: t('2012-03-01T00:00:00+01:00'), onProgress: (share) => progress.push(share) });
    expect(early.input.asOfIsLatestEvent).toBe(false);
    expect(early.overall).toMatchObject({ met: 194, breached: 585, ongoingBreached: 311, ongoing: 105 });
    expect(early.overall.tat!.cycles).toBe(194 + 585);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });

  it('names the bad part of a policy or calendar file', async () => {
    await expect(runReport({ policies: {} })).rejects.toThrow('expected a JSON array of one or more SLA policies');
    await expect(runReport({ policies: [null] })).rejects.toThrow('item 0: expected an SLA policy object');
    await expect(runReport({ calendars: { other: calendars['volvo-be'] } })).rejects.toThrow(
      'policy problem-resolution: goals.0.calendar: no calendar named "volvo-be" (known: other)',
    );
    await expect(runReport({ calendars: [] })).rejects.toThrow('expected a JSON object of calendar name → calendar spec');
    await expect(runReport({ calendars: { 'volvo-be': { ...calendars['volvo-be'], holidayCountries: ['XX'] } } })).rejects.toThrow(
      '"volvo-be": holidays: unknown country or region "XX" (expected an ISO 3166 code such as VN or DE-BY; the holiday tables cover',
    );
  });
});

describe('main (the npm start command)', () => {
  it('--help lists the options and the as-of default', async () => {
    const { out, io } = capture();
    expect(await main(['--help'], io)).toBe(0);
    expect(out.stdout).toBe(HELP);
    for (const option of ['--input <file>', '--map <file>', '--policies <file>', '--calendars <file>', '--as-of <date-time>', '--by <field>', '--cycles <file>', '--html <file>', '--json']) {
      expect(HELP).toContain(option);
    }
    expect(HELP).toContain('default: the latest event in the log');
  });

  it('prints the text report of the sample by default', async () => {
    const { out, io } = capture();
    expect(await main([], io)).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain(`SLA report: ${SAMPLE}`);
    expect(out.stdout).toContain('  Compliance      30.4%  met / (met + breached + open late)');
    expect(out.stdout).toContain('  Major   2bd    50       107          0             0       31.8%');
  });

  it.each([
    [['--as-of', 'yesterday'], '--as-of: expected an ISO date-time such as 2012-06-01T00:00:00+01:00, got "yesterday"'],
    [['--input', 'examples/nope.csv'], '--input: cannot read examples/nope.csv (no such file)'],
    [['--policies', 'examples/SOURCES.md'], '--policies: examples/SOURCES.md is not valid JSON'],
    [['--policies', 'examples/calendars.json'], '--policies: examples/calendars.json: expected a JSON array of one or more SLA policies'],
    [['--html', '/nonexistent-dir/r.html'], '--html: cannot write /nonexistent-dir/r.html (no such directory)'],
    [['--colour'], '--colour: unknown option; npm start -- --help lists the options'],
    [['--input'], '--input: expected a value after it, as in --input <file>'],
  ])('%j fails with exit status 2 and a one-line message', async (argv, message) => {
    const { out, io } = capture();
    expect(await main(argv, io)).toBe(2);
    expect(out.stderr.startsWith(message)).toBe(true);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--html writes a self-contained page with the input text escaped; --json prints the result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const input = join(dir, 'log <&> "q".csv');
    writeFileSync(input, readFileSync(repoFile(SAMPLE), 'latin1').split('\r\n').slice(0, 21).join('\r\n'), 'latin1');
    const html = join(dir, 'report.html');
    const { out, io } = capture();
    expect(await main(['--input', input, '--html', html, '--json'], io)).toBe(0);
    expect(out.stderr).toBe(`HTML report written to ${html}\n`);
    const result = JSON.parse(out.stdout) as ReportResult;
    expect(result.input.source).toBe(input);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain(escapeHtml(input));
    expect(escapeHtml(input)).toContain('log &lt;&amp;&gt; &quot;q&quot;.csv');
    expect(page).not.toContain('<&>');
    expect(page).toContain('<svg');
    expect(page).not.toMatch(/(src|href)=|<script|<link/);
  });

  it('shows progress on stderr for a large log on a terminal, ending with a newline, never on stdout', async () => {
    const input = join(tmp, 'large.csv');
    const rows = Array.from({ length: 200_000 }, (_, i) => `1-${i};2012-01-02T10:00:00+01:00;In Progress;Accepted;Low;O;;T;P;be;Belgium;Ann`);
    rows.push('1-0;2012-01-03T10:00:00+01:00;Closed;Completed;Low;O;;T;P;be;Belgium;Ann');
    writeFileSync(input, bpicBytes(rows));
    const { out, io } = capture(true);
    expect(await main(['--input', input], io)).toBe(0);
    expect(out.stderr).toMatch(/^(\rReading .*large\.csv: \d+%)+\n$/);
    expect(out.stderr).toContain(': 100%\n');
    expect(out.stdout).not.toContain('\r');
    const quiet = capture(false);
    expect(await main(['--input', input], quiet.io)).toBe(0);
    expect(quiet.out.stderr).toBe('');
  });

  it('runs as a process from any directory: the default files are found from the repository', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, [repoFile('node_modules/tsx/dist/cli.mjs'), repoFile('cli/main.ts'), ...args], { cwd: tmpdir(), encoding: 'utf8' });
    const ok = run([]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`SLA report: ${SAMPLE}`);
    const bad = run(['--as-of', 'yesterday']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('--as-of: expected an ISO date-time such as 2012-06-01T00:00:00+01:00, got "yesterday"\n');
  });
});
