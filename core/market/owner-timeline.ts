import type { Instant, WorkCalendar } from '../calendar/types';
import type { CycleWatcher, SlaCycle } from '../sla/clock';
import { fieldText } from '../sla/compliance';
import type { FieldValue } from '../sla/ticket';

/** Who held a cycle: [owner, working minutes] stretch by stretch in time order (an owner may come back). */
export type Holdings = ReadonlyArray<readonly [owner: string, minutes: number]>;

/**
 * The value of an owner field (a team, an assignee) at each instant of a ticket, and each cycle's running working
 * time split by it: paused time is nobody's, and before the field's first value the owner is "". Watches a
 * `TicketClock` (a streaming log: rows give the value from their time on) or is told a history's field changes.
 * Each closed cycle is handed to `onCycle` with its holdings; between cycles only the current owner is kept.
 */
export class OwnerTimeline implements CycleWatcher {
  /** Changes not yet reached by a stretch of the clock, in time order. */
  private readonly pending: Array<[Instant, string]> = [];
  private holdings: Array<[string, number]> = [];

  constructor(
    readonly field: string,
    private owner: string,
    private readonly onCycle: (cycle: SlaCycle, holdings: Holdings) => void,
  ) {}

  /** The owner as of the latest change told. */
  get currentOwner(): string {
    return this.pending.length === 0 ? this.owner : this.pending[this.pending.length - 1][1];
  }

  /** The owner field became `owner` at `at` (not before an earlier change). */
  ownerChanged(at: Instant, owner: string): void {
    if (owner !== this.currentOwner) this.pending.push([at, owner]);
  }

  fieldsChanged(at: Instant, fields: Readonly<Record<string, FieldValue>>): void {
    this.ownerChanged(at, fieldText(fields, this.field));
  }

  /** Splits the stretch at the owner changes inside it; a change at its end takes effect after it. */
  stretch(from: Instant, to: Instant, minutes: number, paused: boolean, calendar: WorkCalendar): void {
    let pieceFrom = from;
    let left = minutes;
    let taken = 0;
    for (; taken < this.pending.length && this.pending[taken][0] <= to; taken++) {
      const [at, next] = this.pending[taken];
      if (at > pieceFrom && at < to) {
        const piece = calendar.workingMinutesBetween(pieceFrom, at);
        if (!paused) this.hold(piece);
        left -= piece;
        pieceFrom = at;
      }
      if (at < to) this.owner = next;
      else break;
    }
    if (!paused) this.hold(left);
    // A change exactly at the stretch's end applies from there on.
    for (; taken < this.pending.length && this.pending[taken][0] <= to; taken++) this.owner = this.pending[taken][1];
    this.pending.splice(0, taken);
  }

  private hold(minutes: number): void {
    if (minutes <= 0) return;
    const last = this.holdings[this.holdings.length - 1];
    if (last !== undefined && last[0] === this.owner) last[1] += minutes;
    else this.holdings.push([this.owner, minutes]);
  }

  closed(cycle: SlaCycle | null): void {
    const holdings = this.holdings;
    this.holdings = [];
    if (cycle !== null) this.onCycle(cycle, holdings);
  }
}
