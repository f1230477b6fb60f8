// npm run bench (this part: tsx bench/market.ts [--events N])
// The internal market's cost: the bundled CLI on one generated BPIC 2013-format log (time-sorted) with and without
// --catalogue (statements per month, customer and service, and OLA chains by the owner field), runs taking turns so
// the machine's load falls on both alike. Prints the medians and their ratio (goal ≤ 1.3×).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBundle } from '../scripts/cli-bundle.mjs';
import { generateBpicLog, runCli } from './cli';

const TURNS = 3;
const GOAL = 1.3;
const TEAMS_WITH_BUDGETS = 12;

/** Services by impact as the generator writes them, customers by org line, OLA budgets for a dozen owners. */
const catalogue = () => {
  const budgets = Object.fromEntries(Array.from({ length: TEAMS_WITH_BUDGETS }, (_, i) => [`${'GJMNS'[i % 5]}${i + 1} 2nd`, `${4 + (i % 4) * 4}h`]));
  const service = (impact: string, perRequest: number, monthlyCost: number) => ({
    id: impact.toLowerCase(),
    name: `${impact}-impact problem`,
    provider: 'Problem management',
    when: [{ field: 'impact', in: [impact] }],
    policy: 'problem-resolution',
    price: { perRequest, monthlyCost },
    credits: [{ below: 0.9, credit: 0.05 }, { below: 0.75, credit: 0.1 }],
    ola: { owner: 'owner', budgets },
  });
  return { currency: 'EUR', customer: 'orgLine', services: [service('Major', 450, 2000), service('High', 250, 0), service('Medium', 120, 500), service('Low', 60, 0)] };
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function benchMarket(events: number): Promise<boolean> {
  await ensureBundle();
  const dir = mkdtempSync(join(tmpdir(), 'market-bench-'));
  try {
    const log = join(dir, 'bpic.csv');
    const catalogueFile = join(dir, 'catalogue.json');
    generateBpicLog(log, events, 2013, 'time-sorted');
    writeFileSync(catalogueFile, JSON.stringify(catalogue()));
    console.log(`\nInternal market: the CLI with and without --catalogue, ${fmt(events)} events (${fmt(statSync(log).size / 1024 / 1024, 1)} MiB, time-sorted), ${TURNS} turns each`);
    const plain: Array<ReturnType<typeof runCli>> = [];
    const market: Array<ReturnType<typeof runCli>> = [];
    for (let turn = 0; turn < TURNS; turn++) {
      plain.push(runCli(['report', '--input', log, '--json']));
      market.push(runCli(['report', '--input', log, '--json', '--catalogue', catalogueFile]));
    }
    for (const run of [...plain, ...market]) if (run.status !== 0) throw new Error(`the CLI failed (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
    const result = JSON.parse(market[0].stdout) as { cycles: number; internalMarket: { statements: unknown[]; ola: Array<{ owners: unknown[] }> } };
    const { statements, ola } = result.internalMarket;
    const cpu = [median(plain.map((r) => r.cpuMs)), median(market.map((r) => r.cpuMs))];
    const wall = [median(plain.map((r) => r.ms)), median(market.map((r) => r.ms))];
    const rss = [median(plain.map((r) => r.maxRssMiB)), median(market.map((r) => r.maxRssMiB))];
    console.log(`  ${fmt(result.cycles)} SLA cycles; ${fmt(statements.length)} statement lines; OLA: ${ola.length} services, ${fmt(ola.reduce((n, s) => n + s.owners.length, 0))} owner rows`);
    console.log(`  CPU (user + system), median: without ${fmt(cpu[0])} ms, with ${fmt(cpu[1])} ms: ${fmt(cpu[1] / cpu[0], 2)}× (goal ≤ ${GOAL}×)`);
    console.log(`  wall, median: without ${fmt(wall[0])} ms, with ${fmt(wall[1])} ms: ${fmt(wall[1] / wall[0], 2)}×    peak RSS: ${fmt(rss[0])} / ${fmt(rss[1])} MiB`);
    return cpu[1] / cpu[0] <= GOAL;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--events');
const met = await benchMarket(at > 0 ? Number(process.argv[at + 1]) : 1_000_000);
if (!met) console.log('\n  (the goal is missed)');
