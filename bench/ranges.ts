import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkCalendar } from '../core/calendar/types';
import { FROM, TO } from './inputs';
import type { PeerEngine } from './peers';
import { intIn, mulberry32 } from './prng';
import { measureOurs, measurePeer, type TimingOptions } from './throughput';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../core/calendar';


/** Range lengths in elapsed time: a month is 30 days, a year 365, ten years 3,652. */
export const RANGES = [
  { label: '1 h', ms: MS_PER_HOUR },
  { label: '1 d', ms: MS_PER_DAY },
  { label: '1 mo', ms: 30 * MS_PER_DAY },
  { label: '1 y', ms: 365 * MS_PER_DAY },
  { label: '10 y', ms: 3652 * MS_PER_DAY },
] as const;

type RangeLabel = (typeof RANGES)[number]['label'];

export interface RangeRate {
  zone: string;
  range: RangeLabel;
  engine: string;
  perSecond: number;
  /** Of the first `checked` inputs (fewer for a slow peer: one second's worth), how many it answers as ours does. */
  sameAsOurs: number;
  checked: number;
}

/** Start instants on whole minutes in 2024-2026 (the years with holidays); each end is start + the range. */
function rangeInputs(size: number, rangeMs: number, seed: number) {
  const rand = mulberry32(seed);
  const a = new Float64Array(size);
  const b = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    a[i] = FROM + intIn(rand, 0, (TO - FROM) / MS_PER_MINUTE - 1) * MS_PER_MINUTE;
    b[i] = a[i] + rangeMs;
  }
  return { size, a, b, start: a, minutes: new Float64Array(size) };
}

/**
 * Durations of each range length, ours and every peer, in the process's zone (which the peers read; ours is given
 * the same zone). Peers run one operation per timed batch, since one 10-year duration can take milliseconds.
 */
export function measureRanges(zone: string, ours: WorkCalendar, peers: readonly PeerEngine<unknown>[], seed: number, timing: TimingOptions, checked: number): RangeRate[] {
  const rates: RangeRate[] = [];
  for (const [k, range] of RANGES.entries()) {
    const inputs = rangeInputs(1 << 12, range.ms, seed + k);
    const rate = measureOurs(ours, inputs, 'durations', timing);
    rates.push({ zone, range: range.label, engine: rate.engine, perSecond: rate.perSecond, sameAsOurs: checked, checked });
    for (const peer of peers) {
      // Up to `checked` inputs, within a second: a slow peer's ten-year durations take about a second each.
      let same = 0;
      let done = 0;
      for (const t0 = performance.now(); done < checked && (done === 0 || performance.now() - t0 < 1000); done++) {
        if (peer.between(peer.wrap(inputs.a[done]), peer.wrap(inputs.b[done])) === ours.workingMinutesBetween(inputs.a[done], inputs.b[done])) same++;
      }
      const peerRate = measurePeer(peer, inputs, 256, 'durations', timing, 1);
      rates.push({ zone, range: range.label, engine: peer.name, perSecond: peerRate.perSecond, sameAsOurs: same, checked: done });
    }
  }
  return rates;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs measureRanges in a fresh Node process whose zone is `zone` (bench/ranges-child.ts). */
export function measureRangesInChild(zone: string, seed: number, quick: boolean): RangeRate[] {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'ranges-child.ts'), String(seed), quick ? 'quick' : 'full'], {
    cwd: path.resolve(here, '..'),
    encoding: 'utf8',
    env: { ...process.env, BENCH_ZONE: zone },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench: the ranges child process (${zone}) failed (status ${child.status}):\n${child.stderr}`);
  return JSON.parse(child.stdout) as RangeRate[];
}
