import { SignalCounter, resultOf } from './counter';
import type { SignalCycle, SignalResult } from './types';

/** G4 pause share of one group: its cycles (`of`), those that paused (`count`), and the working minutes of each kind. */
export class PauseCounter extends SignalCounter {
  pausedMinutes = 0;
  runningMinutes = 0;

  add(cycle: SignalCycle): void {
    this.of++;
    this.runningMinutes += cycle.elapsedMinutes;
    if (cycle.pausedMinutes <= 0) return;
    this.pausedMinutes += cycle.pausedMinutes;
    this.hit(cycle.ticketKey, -cycle.pausedMinutes);
  }

  get share(): number | null {
    const total = this.pausedMinutes + this.runningMinutes;
    return total > 0 ? this.pausedMinutes / total : null;
  }
}

const median = (sorted: readonly number[]): number => {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * G4 over all groups: paused ÷ (paused + running) minutes per group, flagged when it exceeds `factor` times the
 * median of all groups' shares and the group has at least `minCycles` cycles. The median needs every group, so this
 * runs once at the end.
 */
export function pauseResults(counters: readonly PauseCounter[], factor: number, minCycles: number): SignalResult[] {
  const shares = counters.map((c) => c.share).filter((s): s is number => s !== null).sort((a, b) => a - b);
  const threshold = shares.length === 0 ? 0 : factor * median(shares);
  return counters.map((c) => {
    const share = c.share;
    return resultOf('G4', c, share, threshold, share !== null && share > threshold && c.of >= minCycles);
  });
}
