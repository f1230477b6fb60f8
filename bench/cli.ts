// npm run bench (this part: tsx bench/cli.ts [--events N])
// The CLI on a generated BPIC 2013-format log of 1,000,000 events, side by side in one run with the floor: a bare pass
// over the same file that reads it, splits rows and fields and parses each time, as any JavaScript reader must.
// Prints the CLI's wall time as a multiple of the floor (target ≤ 5×, process start included) and its peak RSS
// (target < 400 MiB), measured by /usr/bin/time -v on the child process, or by the child itself when that is missing.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { intIn, mulberry32 } from './prng';
import { MS_PER_HOUR } from '../core/calendar';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const HEADER =
  'Problem Number;Problem Change Date+Time;Problem Sub Status;Problem Status;Problem Latest Impact;Problem Involved ST Org line 3;' +
  'Problem Involved ST Function Div;Problem Involved Owner ST;Product;Country;Problem Involved Action Owner Country;Problem Involved Action Owner First Name';
const IMPACTS = ['Major', 'High', 'Medium', 'Low'];
const COUNTRIES = ['se', 'pl', 'be', 'in', 'us', 'br', 'cn', 'nl', 'fr', 'gb', 'de', 'jp'];
const NAMES = ['Siebel', 'Krzysztof', 'Anna', 'Frederic', 'Zoë', 'Jörg', 'Minnie', 'Tomas', 'Ravi', 'Mei'];

/** `2012-03-15T11:53:52+01:00`: BPIC stamps every event +01:00. */
const stamp = (t: number) => `${new Date(t + MS_PER_HOUR).toISOString().slice(0, 19)}+01:00`;

/**
 * A log in the BPIC layout: problems one after another (as in the published file), 2 to 12 rows each, in time
 * order; a Wait pause now and then, a repeated status (no change) now and then, and one problem in ten reopened.
 */
export function generateBpicLog(path: string, events: number, seed = 2013): void {
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
  writeFileSync(path, Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
}

/** The floor: read the file, split it into rows and fields, parse each time. Returns the data rows and the time. */
export async function barePass(path: string): Promise<{ rows: number; ms: number; cpuMs: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let rest = '';
  let rows = 0;
  let checksum = 0;
  for await (const chunk of createReadStream(path, { encoding: 'latin1', highWaterMark: 1 << 20 })) {
    const lines = (rest + (chunk as string)).split('\r\n');
    rest = lines.pop()!;
    for (const line of lines) {
      const fields = line.split(';');
      const t = Date.parse(fields[1]);
      if (t === t) checksum += t % 7;
      rows++;
    }
  }
  if (checksum < 0) throw new Error('unreachable');
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
  const tsx = join(REPO, 'node_modules/tsx/dist/cli.mjs');
  const gnuTime = existsSync('/usr/bin/time');
  const command = gnuTime ? '/usr/bin/time' : process.execPath;
  const argv = gnuTime
    ? ['-v', process.execPath, tsx, join(REPO, 'cli/main.ts'), ...args]
    : [tsx, fileURLToPath(import.meta.url), '--child', ...args];
  const started = performance.now();
  const run = spawnSync(command, argv, { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  const rss = gnuTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] : /maxRSS (\d+)/.exec(run.stderr)?.[1];
  const seconds = (label: string) => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(run.stderr)?.[1] ?? NaN);
  const cpuMs = gnuTime ? (seconds('User') + seconds('System')) * 1000 : Number(/cpuMs ([\d.]+)/.exec(run.stderr)?.[1] ?? NaN);
  return { ms, cpuMs, maxRssMiB: rss === undefined ? NaN : Number(rss) / 1024, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function bench(events: number): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'cli-bench-'));
  const log = join(dir, 'bpic-generated.csv');
  try {
    generateBpicLog(log, events);
    const mib = statSync(log).size / 1024 / 1024;
    console.log(`\nCLI on a generated BPIC 2013-format log: ${fmt(events)} events, ${fmt(mib, 1)} MiB`);
    await barePass(log); // warm the page cache and the JIT before measuring
    // The best of three: on a shared machine a slow floor would flatter the ratio.
    const floors = [await barePass(log), await barePass(log), await barePass(log)];
    const floor = floors.reduce((best, run) => (run.ms < best.ms ? run : best));
    const cli = runCli(['--input', log, '--json']);
    if (cli.status !== 0) throw new Error(`the CLI failed (exit ${cli.status}): ${cli.stderr.slice(0, 2000)}`);
    const result = JSON.parse(cli.stdout) as { input: { events: number; tickets: number }; cycles: number };
    if (result.input.events !== floor.rows) throw new Error(`the CLI read ${result.input.events} events, the bare pass ${floor.rows} rows`);
    const ratio = cli.ms / floor.ms;
    console.log(`  bare pass (read, split rows and fields, Date.parse): ${fmt(floor.ms)} ms (the floor)`);
    console.log(`  npm start (child process, start included):          ${fmt(cli.ms)} ms for ${fmt(result.input.tickets)} tickets, ${fmt(result.cycles)} SLA cycles`);
    console.log(`  ratio to the floor: ${fmt(ratio, 2)}× (target ≤ 5×)    peak RSS: ${fmt(cli.maxRssMiB)} MiB (target < 400 MiB)`);
    console.log(`  CPU time (user + system): floor ${fmt(floor.cpuMs)} ms, CLI ${fmt(cli.cpuMs)} ms, ${fmt(cli.cpuMs / floor.cpuMs, 2)}× (wall time suffers first on a busy machine)`);
    return ratio <= 5 && cli.maxRssMiB < 400;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--child') {
    const { main } = await import('../cli/main');
    process.exitCode = await main(process.argv.slice(3), process);
    const usage = process.resourceUsage();
    process.stderr.write(`maxRSS ${usage.maxRSS}\ncpuMs ${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
  } else {
    const at = process.argv.indexOf('--events');
    const events = at > 0 ? Number(process.argv[at + 1]) : 1_000_000;
    const met = await bench(events);
    if (!met) console.log('  (a target is missed)');
  }
}
