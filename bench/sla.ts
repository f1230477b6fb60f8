import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSlaClock, type SlaCycle } from '../core/sla/clock';
import { ComplianceTally, slaCompliance, type ComplianceReport } from '../core/sla/compliance';
import type { WorkCalendar } from '../core/calendar/types';
import { AS_OF, generateTickets, POLICY } from './tickets';

/** `global.gc` exists only under `node --expose-gc`; the child processes below are always started with it. */
const gc = (globalThis as { gc?: () => void }).gc;

/** Holds what is being measured: V8 may free a local that the rest of the function no longer reads. */
const alive: unknown[] = [];

function heapUsed(): number {
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

export type SlaMode = 'keep' | 'stream';

export interface SlaRun {
  mode: SlaMode;
  tickets: number;
  cycles: number;
  generateSeconds: number;
  /**
   * createSlaClock(...).compute(ticket, asOf) over every ticket. `keep`: results and one flat array of cycles kept;
   * `stream`: each cycle counted into a ComplianceTally as it comes and dropped (as the CLI and the Forge sync do):
   * this time includes the compliance.
   */
  computeSeconds: number;
  /** slaCompliance(cycles, { groupBy: 'priority', period: 'month' }) (`keep` only). */
  complianceSeconds: number;
  /** Live heap held by the generated tickets, and by the computed results (cycles + per-ticket results). */
  ticketBytes: number;
  resultBytes: number;
  exactHeap: boolean;
  states: Record<string, number>;
  report: ComplianceReport | null;
}

/** Generates `count` tickets (not timed), computes their SLA cycles and the compliance (timed), measures the heap. */
export function runSla(count: number, calendar: WorkCalendar, seed: number, mode: SlaMode): SlaRun {
  const clock = createSlaClock(POLICY, { office: calendar });
  const base = heapUsed();
  let t = performance.now();
  const tickets = generateTickets(count, seed);
  const generateSeconds = (performance.now() - t) / 1000;
  alive.push(tickets);
  const withTickets = heapUsed();

  const run: SlaRun = {
    mode,
    tickets: count,
    cycles: 0,
    generateSeconds,
    computeSeconds: 0,
    complianceSeconds: 0,
    ticketBytes: withTickets - base,
    resultBytes: 0,
    exactHeap: gc !== undefined,
    states: {},
    report: null,
  };
  if (mode === 'stream') {
    t = performance.now();
    const tally = new ComplianceTally({ groupBy: 'priority', period: 'month' });
    let cycles = 0;
    for (let i = 0; i < count; i++) {
      const result = clock.compute(tickets[i], AS_OF);
      if (result === null) continue;
      cycles += result.cycles.length;
      for (const cycle of result.cycles) tally.add(cycle);
    }
    run.report = tally.report();
    run.computeSeconds = (performance.now() - t) / 1000;
    run.cycles = cycles;
    alive.length = 0;
    return run;
  }

  t = performance.now();
  const results = new Array(count);
  const cycles: SlaCycle[] = [];
  for (let i = 0; i < count; i++) {
    const result = clock.compute(tickets[i], AS_OF);
    results[i] = result;
    if (result) for (const cycle of result.cycles) cycles.push(cycle);
  }
  run.computeSeconds = (performance.now() - t) / 1000;

  t = performance.now();
  run.report = slaCompliance(cycles, { groupBy: 'priority', period: 'month' });
  run.complianceSeconds = (performance.now() - t) / 1000;

  alive.push(results, cycles);
  run.resultBytes = heapUsed() - withTickets;
  alive.length = 0;
  run.cycles = cycles.length;
  for (const cycle of cycles) run.states[cycle.state] = (run.states[cycle.state] ?? 0) + 1;
  return run;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Runs one SLA measurement in a fresh Node process (bench/sla-child.ts), with --expose-gc. Each measurement gets a
 * cold heap: V8 learns from earlier work in the same process (allocation-site pretenuring), and a pass that throws
 * its results away, run first, was measured to slow a later pass that keeps them by 40 % (2.7 s instead of 1.9 s).
 */
export function runSlaInChild(count: number, seed: number, mode: SlaMode): SlaRun {
  // Fixed flags rather than process.execArgv, so it works the same under tsx, node --import tsx or a test runner.
  const execArgv = ['--import', 'tsx', '--expose-gc'];
  const child = spawnSync(process.execPath, [...execArgv, path.join(here, 'sla-child.ts'), String(count), String(seed), mode], {
    cwd: path.resolve(here, '..'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench: the SLA child process failed (status ${child.status}):\n${child.stderr}`);
  return JSON.parse(child.stdout) as SlaRun;
}
