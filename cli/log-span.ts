import type { Instant } from '../core/calendar';

/** The log's first and latest times, and the latest but one (to spot a lone stray date at the end). */
export class LogSpan {
  first = Infinity;
  last = -Infinity;
  lastRow = 0;
  secondLast = -Infinity;

  add(at: Instant, row: number): void {
    if (at < this.first) this.first = at;
    if (at > this.last) {
      this.secondLast = this.last;
      this.last = at;
      this.lastRow = row;
    } else if (at > this.secondLast) this.secondLast = at;
  }
}
