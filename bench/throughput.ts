import type { WorkCalendar } from '../core/calendar/types';
import type { Inputs } from './inputs';
import type { PeerEngine } from './peers';
import { MS_PER_MINUTE } from '../core/calendar';

export type Operation = 'durations' | 'additions';

export interface Rate {
  engine: string;
  operation: Operation;
  ops: number;
  seconds: number;
  perSecond: number;
  /** Sum of the results (minutes, or minutes from start to due): printed so the JIT cannot drop the work. */
  checksum: number;
}

export interface TimingOptions {
  /** Measure for at least this long (after the warm-up). */
  minSeconds: number;
  warmSeconds: number;
}

/**
 * Runs `batch(offset)` (which does `batchSize` operations starting at input `offset` and returns a checksum) until
 * `warmSeconds` have passed, then again, timed, until `minSeconds` have passed. Returns operations per second.
 */
function timeBatches(batch: (offset: number) => number, batchSize: number, options: TimingOptions): Omit<Rate, 'engine' | 'operation'> {
  let offset = 0;
  let checksum = 0;
  for (const t0 = performance.now(); performance.now() - t0 < options.warmSeconds * 1000; offset += batchSize) checksum += batch(offset);
  let ops = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < options.minSeconds * 1000) {
    checksum += batch(offset);
    offset += batchSize;
    ops += batchSize;
    elapsed = performance.now() - t0;
  }
  const seconds = elapsed / 1000;
  return { ops, seconds, perSecond: ops / seconds, checksum };
}


/** Our engine on plain epoch-ms numbers; inputs cycle through a power-of-two pool (`inputs.size` must be one). */
export function measureOurs(calendar: WorkCalendar, inputs: Inputs, operation: Operation, options: TimingOptions): Rate {
  const mask = inputs.size - 1;
  if ((inputs.size & mask) !== 0) throw new Error('bench: the input pool size must be a power of two');
  const { a, b, start, minutes } = inputs;
  const batchSize = 1 << 16;
  const batch =
    operation === 'durations'
      ? (offset: number) => {
          let sum = 0;
          for (let k = 0; k < batchSize; k++) {
            const i = (offset + k) & mask;
            sum += calendar.workingMinutesBetween(a[i], b[i]);
          }
          return sum;
        }
      : (offset: number) => {
          let sum = 0;
          for (let k = 0; k < batchSize; k++) {
            const i = (offset + k) & mask;
            sum += (calendar.addWorkingMinutes(start[i], minutes[i]) - start[i]) / MS_PER_MINUTE;
          }
          return sum;
        };
  return { engine: 'ours (WorkCalendar)', operation, ...timeBatches(batch, batchSize, options) };
}

/**
 * A peer on the same input distribution (the first `poolSize` inputs). Its date objects are built before the clock
 * starts, which favours the peer: a caller holding epoch numbers would pay for that too.
 */
export function measurePeer<W>(peer: PeerEngine<W>, inputs: Inputs, poolSize: number, operation: Operation, options: TimingOptions, batchSize = 16): Rate {
  const add = peer.add;
  if (operation === 'additions' && add === undefined) throw new Error(`bench: ${peer.name} measures durations only`);
  const n = Math.min(poolSize, inputs.size);
  const wa = Array.from({ length: n }, (_, i) => peer.wrap(inputs.a[i]));
  const wb = Array.from({ length: n }, (_, i) => peer.wrap(inputs.b[i]));
  const ws = Array.from({ length: n }, (_, i) => peer.wrap(inputs.start[i]));
  const batch =
    operation === 'durations'
      ? (offset: number) => {
          let sum = 0;
          for (let k = 0; k < batchSize; k++) {
            const i = (offset + k) % n;
            sum += peer.between(wa[i], wb[i]);
          }
          return sum;
        }
      : (offset: number) => {
          let sum = 0;
          for (let k = 0; k < batchSize; k++) {
            const i = (offset + k) % n;
            sum += (add!(ws[i], inputs.minutes[i]) - inputs.start[i]) / MS_PER_MINUTE;
          }
          return sum;
        };
  return { engine: peer.name, operation, ...timeBatches(batch, batchSize, options) };
}
