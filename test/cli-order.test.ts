import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseLog } from '../cli/analyse';
import { compileCalendars, createClocks } from '../cli/config';
import { readMapping } from '../cli/input/mapping';
import { SortedRows } from '../cli/input/order';
import { CyclesWriter } from '../cli/report/cycles-csv';
import type { ReportResult } from '../cli/report/result';
import { mulberry32 } from '../bench/prng';

const repoFile = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const json = (path: string): unknown => JSON.parse(readFileSync(repoFile(path), 'utf8'));
const tmp = mkdtempSync(join(tmpdir(), 'cli-order-'));
let files = 0;

/** A CSV's header and data lines (the samples hold no line breaks inside quotes). */
function linesOf(path: string): { header: string; rows: string[] } {
  const [header, ...rows] = readFileSync(repoFile(path), 'utf8').trimEnd().split(/\r?\n/);
  return { header, rows };
}

const shuffled = <T>(items: readonly T[], seed: number): T[] => {
  const rand = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

/** Runs the log through the CLI's pipeline; the cycles file's lines sorted (row order of the log changes theirs). */
async function analyse(sample: 'servicenow' | 'jira', header: string, rows: readonly string[], sortBuckets?: number): Promise<{ result: ReportResult; cycles: string[] }> {
  const path = join(tmp, `log-${++files}.csv`);
  writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
  const cyclesPath = join(tmp, `cycles-${files}.csv`);
  const cycles = new CyclesWriter(cyclesPath);
  const calendars = compileCalendars(json('examples/calendars-text.json'));
  const result = await analyseLog({
    input: { path, name: `${sample}.csv` },
    mapping: readMapping(json(`examples/${sample}.map.json`), 'map'),
    clocks: createClocks(json(`examples/${sample}.policies.json`), calendars),
    calendars,
    cycles,
    sortBuckets,
  });
  cycles.close();
  const [cyclesHeader, ...lines] = readFileSync(cyclesPath, 'utf8').trimEnd().split('\n');
  return { result, cycles: [cyclesHeader, ...lines.sort()] };
}

/**
 * Rows moved back, counted the plain way: a row is reordered when an earlier row of its ticket in the file ranks
 * after it (rank, then file position).
 */
function reorderedRows(rows: readonly string[], key: (row: string) => string, rank: (row: string) => number): number {
  let moved = 0;
  rows.forEach((row, i) => {
    if (rows.slice(0, i).some((earlier) => key(earlier) === key(row) && rank(earlier) > rank(row))) moved++;
  });
  return moved;
}

const FIRST_CYCLE_LINES = 10;

describe('any row order gives the same cycles as the time-sorted file', () => {
  // ServiceNow: number,incident_state,active,sys_mod_count,opened_at,sys_updated_at,...; rows grouped by incident in
  // sys_mod_count order. `dd-MM-yyyy HH:mm` read as minutes since an epoch of its own, enough to compare and shift.
  const servicenow = linesOf('examples/servicenow-incidents.csv');
  const cells = (row: string) => row.split(',');
  const minutesOf = (stamp: string) => {
    const [d, mo, y, h, mi] = stamp.split(/[- :]/).map(Number);
    return Date.UTC(y, mo - 1, d, h, mi) / 60_000;
  };
  const stampOf = (minutes: number) => {
    const t = new Date(minutes * 60_000).toISOString();
    return `${t.slice(8, 10)}-${t.slice(5, 7)}-${t.slice(0, 4)} ${t.slice(11, 16)}`;
  };
  const withTime = (row: string, minutes: number) => {
    const c = cells(row);
    c[5] = stampOf(minutes);
    return c.join(',');
  };
  // Every third row that is not a ticket's first steps back 7 minutes before the row before it (a clock stepping
  // back); the time-sorted reference holds those rows at the previous row's time, as the contract takes them.
  const stepped: string[] = [];
  const reference: string[] = [];
  let stepsBack = 0;
  servicenow.rows.forEach((row, i) => {
    const previous = servicenow.rows[i - 1];
    const sameTicket = previous !== undefined && cells(previous)[0] === cells(row)[0];
    if (sameTicket && i % 3 === 0) {
      const before = minutesOf(cells(reference[reference.length - 1])[5]);
      stepped.push(withTime(row, before - 7));
      reference.push(withTime(row, before));
      stepsBack++;
    } else {
      stepped.push(row);
      reference.push(row);
    }
  });
  const timeSorted = [...reference].sort((a, b) => minutesOf(cells(a)[5]) - minutesOf(cells(b)[5]) || Number(cells(a)[3]) - Number(cells(b)[3]));

  it('ROW1 a ServiceNow export grouped by incident with steps back in time, and the same rows shuffled, give the time-sorted file’s cycles, corrections counted', async () => {
    expect(stepsBack).toBeGreaterThan(5);
    const sorted = await analyse('servicenow', servicenow.header, timeSorted);
    expect(sorted.cycles.length).toBeGreaterThan(FIRST_CYCLE_LINES);
    expect(sorted.result.dataQuality).toMatchObject({ rows: timeSorted.length, tickets: 12, rowsReordered: 0, timesCorrected: 0, blankStatusesSkipped: 0 });

    const grouped = await analyse('servicenow', servicenow.header, stepped);
    expect(grouped.cycles).toEqual(sorted.cycles);
    expect(grouped.result.dataQuality).toMatchObject({ rows: stepped.length, tickets: 12, rowsReordered: 0, timesCorrected: stepsBack, blankStatusesSkipped: 0 });

    const mixed = shuffled(stepped, 18);
    const expectedMoves = reorderedRows(mixed, (row) => cells(row)[0], (row) => Number(cells(row)[3]));
    expect(expectedMoves).toBeGreaterThan(10);
    for (const bucketTickets of [undefined, 2]) {
      const run = await analyse('servicenow', servicenow.header, mixed, bucketTickets);
      expect(run.cycles).toEqual(sorted.cycles);
      expect(run.result.dataQuality).toMatchObject({ rows: mixed.length, tickets: 12, rowsReordered: expectedMoves, timesCorrected: stepsBack });
      expect(run.result.overall).toEqual(sorted.result.overall);
      expect(run.result.accuracy).toEqual(sorted.result.accuracy);
      expect(run.result.satisfaction).toEqual(sorted.result.satisfaction);
    }
  });

  it('ROW2 a Jira changelog export grouped by issue, newest change first, gives the time-sorted file’s cycles, each moved row counted', async () => {
    const jira = linesOf('examples/jira-changelog.csv');
    const key = (row: string) => row.slice(0, row.indexOf(','));
    const changed = (row: string) => Date.parse(row.split(',')[3].replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    const timeSorted = [...jira.rows].sort((a, b) => changed(a) - changed(b));
    const byIssue = new Map<string, string[]>();
    for (const row of jira.rows) byIssue.set(key(row), [...(byIssue.get(key(row)) ?? []), row]);
    const newestFirst = [...byIssue.values()].flatMap((rows) => [...rows].reverse());

    const sorted = await analyse('jira', jira.header, timeSorted);
    expect(sorted.result.dataQuality).toMatchObject({ rows: jira.rows.length, rowsReordered: 0, timesCorrected: 0 });
    const grouped = await analyse('jira', jira.header, newestFirst);
    expect(grouped.cycles).toEqual(sorted.cycles);
    // Each issue's rows but its newest come after a row that is later in time.
    expect(grouped.result.dataQuality).toMatchObject({ rows: jira.rows.length, tickets: byIssue.size, rowsReordered: jira.rows.length - byIssue.size, timesCorrected: 0 });
  });

  it('ROW3 a shuffled log whose cells hold line breaks, control characters and (in UTF-16) a lone surrogate is sorted through bucket files unchanged', async () => {
    const path = join(tmp, `log-${++files}.csv`);
    const rows = ['T-1,2025-03-03T09:00:00Z,Open,x', 'T-2,2025-03-03T09:30:00Z,Open,y', 'T-1,2025-03-03T10:00:00Z,Done,"two\nlines"', 'T-2,2025-03-03T12:00:00Z,Done,a\u0001b'];
    const map = { case: 'id', time: { column: 'at' }, status: 'status', fields: { team: 'team' } };
    const policies = [{ id: 'p', name: 'P', stop: { statuses: ['Done'] }, goals: [{ target: '1h', calendar: 'c' }] }];
    const calendars = compileCalendars({ c: '24/7' });
    const runOn = async (order: number[], sortBuckets?: number, utf16 = false) => {
      const text = `id,at,status,team\n${order.map((i) => rows[i]).join('\n')}\n`;
      writeFileSync(path, utf16 ? Buffer.from(`\uFEFF${text}`, 'utf16le') : text);
      return analyseLog({ input: { path, name: 'log.csv' }, mapping: readMapping(map, 'map'), clocks: createClocks(policies, calendars), calendars, by: ['team'], sortBuckets });
    };
    const sorted = await runOn([0, 1, 2, 3]);
    const shuffledRun = await runOn([3, 2, 1, 0], 3);
    expect(shuffledRun.dataQuality).toMatchObject({ rows: 4, tickets: 2, rowsReordered: 2 });
    expect(shuffledRun.byField).toEqual(sorted.byField);
    expect(shuffledRun.byField[0].rows.map((r) => r.value).sort()).toEqual(['a\u0001b', 'two\nlines']);
    // UTF-16 text may hold an unpaired surrogate, which UTF-8 cannot carry: the bucket keeps that record in UTF-16.
    rows[1] = 'T-2,2025-03-03T09:30:00Z,Open,\uD800lone';
    rows[3] = 'T-2,2025-03-03T12:00:00Z,Done,\uD800lone';
    const sortedUtf16 = await runOn([0, 1, 2, 3], undefined, true);
    const shuffledUtf16 = await runOn([3, 2, 1, 0], 3, true);
    expect(shuffledUtf16.byField[0].rows.map((r) => r.value).sort()).toEqual(['two\nlines', '\uD800lone']);
    expect(shuffledUtf16.byField).toEqual(sortedUtf16.byField);
    expect(shuffledRun.overall).toEqual(sorted.overall);
  });

  it('ROW3 a shuffled log whose cells hold characters of one to four UTF-8 bytes, and a lone surrogate after a pair, is sorted through bucket files unchanged', async () => {
    const path = join(tmp, `log-${++files}.csv`);
    // The bucket files encode cells as UTF-8 themselves: each width of character, and a surrogate pair beside a lone one.
    const teams = ['Zoë', 'Thu ngân ₫', '客服 中心', 'Support 😀', 'x😀\uDC00y'];
    const rows = teams.flatMap((team, t) => [`T-${t},2025-03-03T09:0${t}:00Z,Open,${team}`, `T-${t},2025-03-03T1${t}:00:00Z,Done,${team}`]);
    const map = { case: 'id', time: { column: 'at' }, status: 'status', fields: { team: 'team' } };
    const policies = [{ id: 'p', name: 'P', stop: { statuses: ['Done'] }, goals: [{ target: '1h', calendar: 'c' }] }];
    const calendars = compileCalendars({ c: '24/7' });
    const runOn = async (order: readonly string[], sortBuckets?: number) => {
      writeFileSync(path, Buffer.from(`\uFEFFid,at,status,team\n${order.join('\n')}\n`, 'utf16le'));
      return analyseLog({ input: { path, name: 'log.csv' }, mapping: readMapping(map, 'map'), clocks: createClocks(policies, calendars), calendars, by: ['team'], sortBuckets });
    };
    const sorted = await runOn(rows);
    // Every ticket's Done row, then every Open row: the second group of a ticket sends the log through the sort.
    const shuffledRun = await runOn([...rows.filter((_, i) => i % 2 === 1), ...rows.filter((_, i) => i % 2 === 0)], 3);
    expect(shuffledRun.dataQuality).toMatchObject({ rows: rows.length, tickets: teams.length, rowsReordered: teams.length });
    expect(shuffledRun.byField[0].rows.map((r) => r.value).sort()).toEqual([...teams].sort());
    expect(shuffledRun.byField).toEqual(sorted.byField);
  });

  it('ROW3 a shuffled log of 5,000 rows with cells of 70, 5,000 and 40,000 characters is sorted through bucket files unchanged, in one bucket or many', async () => {
    const path = join(tmp, `log-${++files}.csv`);
    // A record's numbers take one character below 64, more above: rows past 4,096, cells past 64 and 4,096
    // characters, and a record longer than a bucket's segment (written alone) each take another path.
    const teams = ['t'.repeat(70), 'u'.repeat(5_000), 'v'.repeat(40_000), 'w'];
    const rows = Array.from({ length: 2_500 }, (_, t) => [
      `T-${t},2025-03-03T09:00:00Z,Open,${teams[t % teams.length]}`,
      `T-${t},2025-03-03T${10 + (t % 3)}:00:00Z,Done,${teams[t % teams.length]}`,
    ]).flat();
    const map = { case: 'id', time: { column: 'at' }, status: 'status', fields: { team: 'team' } };
    const policies = [{ id: 'p', name: 'P', stop: { statuses: ['Done'] }, goals: [{ target: '2h', calendar: 'c' }] }];
    const calendars = compileCalendars({ c: '24/7' });
    const runOn = async (order: readonly string[], sortBuckets?: number) => {
      writeFileSync(path, `id,at,status,team\n${order.join('\n')}\n`);
      return analyseLog({ input: { path, name: 'log.csv' }, mapping: readMapping(map, 'map'), clocks: createClocks(policies, calendars), calendars, by: ['team'], sortBuckets });
    };
    const sorted = await runOn(rows);
    for (const buckets of [1, 7]) {
      const shuffledRun = await runOn(shuffled(rows, 11), buckets);
      expect(shuffledRun.dataQuality).toMatchObject({ rows: rows.length, tickets: 2_500 });
      expect(shuffledRun.byField).toEqual(sorted.byField);
      expect(shuffledRun.overall).toEqual(sorted.overall);
    }
    expect(sorted.byField[0].rows.map((r) => r.value.length).sort((a, b) => a - b)).toEqual([1, 70, 5_000, 40_000]);
  });

  it('ROW4 a shuffled log with a time that cannot be read is an error naming the row and column, found when the sorted rows come back', async () => {
    const path = join(tmp, `log-${++files}.csv`);
    // Row 5 sends the pass to the sort (ticket T-1 comes back ranked before its first row); row 6 is read only there.
    writeFileSync(path, 'id,at,status\nT-1,2025-03-03T09:00:00Z,Open\nT-2,2025-03-03T09:30:00Z,Open\nT-1,2025-03-03T08:00:00Z,Done\nT-2,2025-03-03T10:00:00Z,Done\nT-3,03/03/2025 10:00,Open\n');
    const map = { case: 'id', time: { column: 'at' }, status: 'status' };
    const policies = [{ id: 'p', name: 'P', stop: { statuses: ['Done'] }, goals: [{ target: '1h', calendar: 'c' }] }];
    const calendars = compileCalendars({ c: '24/7' });
    const run = analyseLog({ input: { path, name: 'log.csv' }, mapping: readMapping(map, 'map'), clocks: createClocks(policies, calendars), calendars, sortBuckets: 1 });
    await expect(run).rejects.toThrow('log.csv row 6, column "at": "03/03/2025 10:00" is not a time in the form ISO 8601');
  });
});

describe('the sort on disk', () => {
  it('a bucket file that is gone when it is read back is an error, not a ticket whose rows are lost', () => {
    const sorted = new SortedRows((cells, row) => ({ record: cells, index: [0, 1], row, key: cells[0], at: 0, rank: 0 }), 4);
    for (let row = 1; row <= 8; row++) sorted.add([`T-${row % 3}`, `cell ${row}`], [0, 1], row, `T-${row % 3}`, 2);
    const rows: string[] = [];
    sorted.drain((key, events) => rows.push(...events.map((event) => `${key}:${event.record[1]}`)));
    expect(rows.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `T-${(i + 1) % 3}:cell ${i + 1}`).sort());
    const lost = new SortedRows((cells, row) => ({ record: cells, index: [0, 1], row, key: cells[0], at: 0, rank: 0 }), 4);
    lost.add(['T-1', 'x'.repeat(40_000)], [0, 1], 1, 'T-1', 2); // longer than a segment: written to its file at once
    lost.discard(); // the temporary directory emptied under the run
    expect(() => lost.drain(() => {})).toThrow(/ENOENT/);
  });
});
