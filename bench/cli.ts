// npm run bench (this part: tsx bench/cli.ts [--events N])
// The CLI on generated BPIC 2013-format logs, each side by side in one run with the floor: a bare papaparse pass over
// the same file (read, decode, split rows and fields), what any JavaScript reader of this CSV pays. The same events in
// three row orders: sorted by time (tickets interleaved), grouped by ticket (as the published file), and shuffled.
// Prints the CLI's wall time (process start included) as a multiple of the floor, its peak RSS (measured by
// /usr/bin/time -v on the child process, or by the child itself when that is missing), and the process start of
// the bundled CLI beside a bare `node -e ""`.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBundle } from '../scripts/cli-bundle.mjs';
import { intIn, mulberry32 } from './prng';
import { MS_PER_HOUR } from '../core/calendar';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'bin/backoffice-kpi.mjs');
const HEADER =
  'Problem Number;Problem Change Date+Time;Problem Sub Status;Problem Status;Problem Latest Impact;Problem Involved ST Org line 3;' +
  'Problem Involved ST Function Div;Problem Involved Owner ST;Product;Country;Problem Involved Action Owner Country;Problem Involved Action Owner First Name';
const IMPACTS = ['Major', 'High', 'Medium', 'Low'];
const COUNTRIES = ['se', 'pl', 'be', 'in', 'us', 'br', 'cn', 'nl', 'fr', 'gb', 'de', 'jp'];
const NAMES = ['Siebel', 'Krzysztof', 'Anna', 'Frederic', 'Zoë', 'Jörg', 'Minnie', 'Tomas', 'Ravi', 'Mei'];

/** `2012-03-15T11:53:52+01:00`: BPIC stamps every event +01:00. */
const stamp = (t: number) => `${new Date(t + MS_PER_HOUR).toISOString().slice(0, 19)}+01:00`;

/** How the rows of a generated log are laid out. */
export type Layout = 'time-sorted' | 'grouped' | 'shuffled';

/**
 * A log in the BPIC layout: problems one after another (as in the published file), 2 to 12 rows each, in time
 * order; a Wait pause now and then, a repeated status (no change) now and then, and one problem in ten reopened.
 * `layout` then sorts the rows by time (a stable sort on the stamp, all in +01:00) or shuffles them.
 */
export function generateBpicLog(path: string, events: number, seed = 2013, layout: Layout = 'grouped'): void {
  const rand = mulberry32(seed);
  const lines: string[] = [HEADER];
  let n = 0;
  let ticket = 0;
  let opened = Date.UTC(2010, 0, 4, 8);
  while (n < events) {
    ticket++;
    opened += intIn(rand, 0, 3) * 600_000 + intIn(rand, 0, 59_000);
    const fields = [
      IMPACTS[intIn(rand, 0, 3)],
      `Org line ${'ABCDE'[intIn(rand, 0, 4)]}${intIn(rand, 1, 3)}`,
      rand() < 0.3 ? '' : `${'ABCDE'[intIn(rand, 0, 4)]}${intIn(rand, 1, 3)}_${intIn(rand, 1, 9)}`,
      `${'GJMNS'[intIn(rand, 0, 4)]}${intIn(rand, 1, 60)} 2nd`,
      `PROD${intIn(rand, 1, 800)}`,
      COUNTRIES[intIn(rand, 0, COUNTRIES.length - 1)],
      COUNTRIES[intIn(rand, 0, COUNTRIES.length - 1)].toUpperCase(),
      NAMES[intIn(rand, 0, NAMES.length - 1)],
    ].join(';');
    const statuses: Array<[string, string]> = [['Awaiting Assignment', 'Queued'], ['In Progress', 'Accepted']];
    const middle = intIn(rand, 0, 4);
    for (let i = 0; i < middle; i++) statuses.push(rand() < 0.4 ? ['Wait', 'Accepted'] : rand() < 0.5 ? ['Assigned', 'Accepted'] : ['In Progress', 'Accepted']);
    statuses.push(['Closed', 'Completed']);
    if (rand() < 0.1) statuses.push(['In Progress', 'Accepted'], ['Closed', 'Completed']);
    let t = opened;
    const key = `1-${100_000_000 + ticket * 7}`;
    for (const [sub, status] of statuses) {
      if (n >= events) break;
      lines.push(`${key};${stamp(t)};${sub};${status};${fields}`);
      n++;
      t += intIn(rand, 1, 72) * MS_PER_HOUR + intIn(rand, 0, 3_599_999);
    }
  }
  const [header, ...rows] = lines;
  if (layout === 'time-sorted') rows.sort((a, b) => (stampOf(a) < stampOf(b) ? -1 : stampOf(a) > stampOf(b) ? 1 : 0));
  if (layout === 'shuffled') shuffle(rows, mulberry32(seed + 1));
  writeFileSync(path, Buffer.from(`${[header, ...rows].join('\r\n')}\r\n`, 'latin1'));
}

/** The time column of a generated row (`2012-03-15T11:53:52+01:00`, sortable as text). */
const stampOf = (line: string) => line.slice(line.indexOf(';') + 1, line.indexOf(';') + 26);

function shuffle<T>(items: T[], rand: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/** The floor: read the file, decode it, and split it into rows and fields with papaparse. Returns the data rows and the time. */
export async function barePass(path: string): Promise<{ rows: number; ms: number; cpuMs: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const parser = new Papa.Parser({ delimiter: ';', newline: '\r\n', quoteChar: '"' });
  let rest = '';
  let rows = 0;
  for await (const chunk of createReadStream(path, { encoding: 'latin1', highWaterMark: 1 << 16 })) {
    const text = rest + (chunk as string);
    const results = parser.parse(text, 0, true) as Papa.ParseResult<string[]>;
    rows += results.data.length;
    rest = text.slice(results.meta.cursor);
  }
  rows += (parser.parse(rest, 0, false) as Papa.ParseResult<string[]>).data.length;
  const used = process.cpuUsage(cpu);
  return { rows: rows - 1, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 }; // without the header
}

interface CliRun {
  ms: number;
  /** User + system CPU time of the child (NaN when unknown): steadier than wall time on a busy machine. */
  cpuMs: number;
  maxRssMiB: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The whole CLI as a child process, process start included; peak RSS from /usr/bin/time -v or the child's own count. */
export function runCli(args: string[]): CliRun {
  const gnuTime = existsSync('/usr/bin/time');
  const command = gnuTime ? '/usr/bin/time' : process.execPath;
  const argv = gnuTime ? ['-v', process.execPath, BIN, ...args] : [join(REPO, 'node_modules/tsx/dist/cli.mjs'), fileURLToPath(import.meta.url), '--child', ...args];
  const started = performance.now();
  const run = spawnSync(command, argv, { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  const rss = gnuTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] : /maxRSS (\d+)/.exec(run.stderr)?.[1];
  const seconds = (label: string) => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(run.stderr)?.[1] ?? NaN);
  const cpuMs = gnuTime ? (seconds('User') + seconds('System')) * 1000 : Number(/cpuMs ([\d.]+)/.exec(run.stderr)?.[1] ?? NaN);
  return { ms, cpuMs, maxRssMiB: rss === undefined ? NaN : Number(rss) / 1024, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

interface Case {
  events: number;
  layout: Layout;
  maxRatio: number;
  maxRssMiB?: number;
}

/** One log: the floor and the CLI, each the best of three runs; prints both and says whether the targets are met. */
async function bench({ events, layout, maxRatio, maxRssMiB }: Case): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'cli-bench-'));
  const log = join(dir, `bpic-${layout}.csv`);
  try {
    generateBpicLog(log, events, 2013, layout);
    const mib = statSync(log).size / 1024 / 1024;
    console.log(`\nCLI on a generated BPIC 2013-format log, ${layout}: ${fmt(events)} events, ${fmt(mib, 1)} MiB`);
    await barePass(log); // warm the page cache and the JIT before measuring
    // The best of three on both sides: on a shared machine a slow floor would flatter the ratio, a slow CLI run
    // would tell of the neighbours rather than of the code.
    const floors = [await barePass(log), await barePass(log), await barePass(log)];
    const floor = floors.reduce((best, run) => (run.ms < best.ms ? run : best));
    const cliRuns = [0, 1, 2].map(() => runCli(['report', '--input', log, '--json']));
    const failed = cliRuns.find((run) => run.status !== 0);
    if (failed) throw new Error(`the CLI failed (exit ${failed.status}): ${failed.stderr.slice(0, 2000)}`);
    const cli = cliRuns.reduce((best, run) => (run.ms < best.ms ? run : best));
    const result = JSON.parse(cli.stdout) as { input: { events: number; tickets: number }; cycles: number; dataQuality: { rowsReordered: number } };
    if (result.input.events !== floor.rows) throw new Error(`the CLI read ${result.input.events} events, the bare pass ${floor.rows} rows`);
    const ratio = cli.ms / floor.ms;
    const rssMet = maxRssMiB === undefined || cli.maxRssMiB <= maxRssMiB;
    console.log(`  bare papaparse pass (read, decode, split rows and fields): ${fmt(floor.ms)} ms (the floor)`);
    console.log(`  backoffice-kpi report (child process, start included):    ${fmt(cli.ms)} ms for ${fmt(result.input.tickets)} tickets, ${fmt(result.cycles)} SLA cycles, ${fmt(result.dataQuality.rowsReordered)} rows reordered`);
    console.log(`  ratio to the floor: ${fmt(ratio, 2)}× (target ≤ ${maxRatio}×)    peak RSS: ${fmt(cli.maxRssMiB)} MiB${maxRssMiB === undefined ? '' : ` (target ≤ ${maxRssMiB} MiB)`}`);
    console.log(`  CPU time (user + system): floor ${fmt(floor.cpuMs)} ms, CLI ${fmt(cli.cpuMs)} ms, ${fmt(cli.cpuMs / floor.cpuMs, 2)}× (wall time suffers first on a busy machine)`);
    return ratio <= maxRatio && rssMet;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Process start: the bundled CLI printing its help beside a bare Node start, best of five each. */
async function startTime(): Promise<boolean> {
  await ensureBundle();
  const best = (argv: string[]) => {
    let fastest = Infinity;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      spawnSync(process.execPath, argv, { cwd: REPO });
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest;
  };
  const bare = best(['-e', '']);
  const cli = best([BIN, 'report', '--help']);
  console.log(`\nProcess start: backoffice-kpi report --help ${fmt(cli)} ms (target ≤ 300 ms); a bare node -e "" ${fmt(bare)} ms`);
  return cli <= 300;
}

const CASES: Case[] = [
  { events: 1_000_000, layout: 'time-sorted', maxRatio: 4 },
  { events: 1_000_000, layout: 'grouped', maxRatio: 4 },
  { events: 1_000_000, layout: 'shuffled', maxRatio: 8 },
  { events: 4_000_000, layout: 'time-sorted', maxRatio: 4, maxRssMiB: 400 },
];

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--child') {
    const { main } = await import('../cli/main');
    process.exitCode = await main(process.argv.slice(3), process);
    const usage = process.resourceUsage();
    process.stderr.write(`maxRSS ${usage.maxRSS}\ncpuMs ${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
  } else {
    const at = process.argv.indexOf('--events');
    const cases = at > 0 ? CASES.map((c) => ({ ...c, events: Number(process.argv[at + 1]) })) : CASES;
    let met = await startTime();
    for (const c of cases) met = (await bench(c)) && met;
    if (!met) console.log('\n  (a target is missed)');
  }
}
