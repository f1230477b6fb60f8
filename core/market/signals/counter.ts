import { Examples } from './examples';
import { SIGNAL_NAMES, type SignalId, type SignalResult } from './types';

/** Cases out of a base in one group, with the example tickets. */
export class SignalCounter {
  count = 0;
  of = 0;
  readonly examples = new Examples();

  /** A case: counted, and offered as an example (`rank`: lower is a stronger case). */
  hit(ticketKey: string, rank: number): void {
    this.count++;
    this.examples.offer(ticketKey, rank);
  }

  /** The result with share count ÷ of, flagged above `threshold` once `of` reaches `minimum`. */
  result(signal: SignalId, threshold: number, minimum = 1): SignalResult {
    const share = this.of === 0 ? null : this.count / this.of;
    return resultOf(signal, this, share, threshold, share !== null && share > threshold && this.of >= minimum);
  }
}

export const resultOf = (signal: SignalId, counter: SignalCounter, share: number | null, threshold: number, flagged: boolean): SignalResult => ({
  signal,
  name: SIGNAL_NAMES[signal],
  count: counter.count,
  of: counter.of,
  share,
  threshold,
  flagged,
  examples: counter.examples.keys(),
});
