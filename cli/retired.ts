import type { Instant } from '../core/calendar';
import type { SuspendedClock } from '../core/sla';

/** A ticket's fields as the CLI reads them: one text value, or null when blank. */
export type TicketFields = Record<string, string | null>;

/** What a ticket none of whose clocks runs must keep for its next rows and for the report. */
interface RetiredTicket {
  status: string;
  fields: TicketFields;
  rating: number | null;
  /** The time and rank of its latest row. */
  last: Instant;
  lastRank: number;
  clocks: readonly SuspendedClock[];
}

/** Texts (statuses, field values) as numbers: 0 is blank, each text is kept once. */
class TextIds {
  private readonly ids = new Map<string, number>();
  private readonly texts: Array<string | null> = [null];

  idOf(text: string | null): number {
    if (text === null) return 0;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(text, id);
      this.texts.push(text);
    }
    return id;
  }

  textOf(id: number): string | null {
    return this.texts[id];
  }
}

/** Per slot in `times`: the ticket's last time and rank, then each clock's created, last change and last cycle's stop. */
const TIME_HEAD = 2;
const TIMES_PER_CLOCK = 3;
/** Per slot in `counts`: status id and rating + 1 (0: none), then each clock's changes, closed cycles, cycles handed over, flags, then one text id per field. */
const COUNT_HEAD = 2;
const COUNTS_PER_CLOCK = 4;
/** Slots are kept in pages of this many: a page is never copied, so growth leaves no large garbage behind. */
const PAGE_BITS = 12;
const PAGE_SLOTS = 1 << PAGE_BITS;
const IN_PAGE = PAGE_SLOTS - 1;

/**
 * Tickets none of whose clocks runs (closed, or waiting to enter a start status), column-wise in typed arrays: a
 * slot of numbers each (about 80 bytes with one policy and six fields), no object per ticket. A closed ticket may
 * still reopen, so its state is kept; what a running ticket needs (objects, clocks) is rebuilt from the slot then.
 * A slot freed by a revived ticket is used again.
 */
export class RetiredTickets {
  private readonly texts = new TextIds();
  private readonly timeWidth: number;
  private readonly countWidth: number;
  private readonly timePages: Float64Array[] = [];
  private readonly countPages: Int32Array[] = [];
  private slots = 0;
  private readonly freeSlots: number[] = [];

  constructor(
    private readonly clockCount: number,
    private readonly fieldNames: readonly string[],
  ) {
    this.timeWidth = TIME_HEAD + TIMES_PER_CLOCK * clockCount;
    this.countWidth = COUNT_HEAD + COUNTS_PER_CLOCK * clockCount + fieldNames.length;
  }

  /** Keeps a ticket, its fields as their values in the mapping's order (no look-up by name); returns its slot. */
  add(ticket: Omit<RetiredTicket, 'fields'> & { values: ReadonlyArray<string | null> }): number {
    const slot = this.freeSlots.pop() ?? this.newSlot();
    const times = this.timePages[slot >> PAGE_BITS];
    const counts = this.countPages[slot >> PAGE_BITS];
    const t = (slot & IN_PAGE) * this.timeWidth;
    const c = (slot & IN_PAGE) * this.countWidth;
    times[t] = ticket.last;
    times[t + 1] = ticket.lastRank;
    counts[c] = this.texts.idOf(ticket.status);
    counts[c + 1] = ticket.rating === null ? 0 : ticket.rating + 1;
    for (let i = 0; i < this.clockCount; i++) {
      const clock = ticket.clocks[i]; // created, last, changes, closed cycles, handed over, flags, last stop
      times[t + TIME_HEAD + i * TIMES_PER_CLOCK] = clock[0];
      times[t + TIME_HEAD + i * TIMES_PER_CLOCK + 1] = clock[1];
      times[t + TIME_HEAD + i * TIMES_PER_CLOCK + 2] = clock[6];
      const at = c + COUNT_HEAD + i * COUNTS_PER_CLOCK;
      counts[at] = clock[2];
      counts[at + 1] = clock[3];
      counts[at + 2] = clock[4];
      counts[at + 3] = clock[5];
    }
    const fieldsAt = c + COUNT_HEAD + COUNTS_PER_CLOCK * this.clockCount;
    for (let k = 0; k < this.fieldNames.length; k++) counts[fieldsAt + k] = this.texts.idOf(ticket.values[k]);
    return slot;
  }

  /** The ticket kept in `slot` (its fields a new object, in the mapping's order). */
  get(slot: number): RetiredTicket {
    const times = this.timePages[slot >> PAGE_BITS];
    const counts = this.countPages[slot >> PAGE_BITS];
    const t = (slot & IN_PAGE) * this.timeWidth;
    const c = (slot & IN_PAGE) * this.countWidth;
    const clocks: SuspendedClock[] = [];
    for (let i = 0; i < this.clockCount; i++) {
      const at = c + COUNT_HEAD + i * COUNTS_PER_CLOCK;
      const at0 = t + TIME_HEAD + i * TIMES_PER_CLOCK;
      clocks.push([times[at0], times[at0 + 1], counts[at], counts[at + 1], counts[at + 2], counts[at + 3], times[at0 + 2]]);
    }
    return { status: this.texts.textOf(counts[c])!, fields: this.fields(slot), rating: counts[c + 1] === 0 ? null : counts[c + 1] - 1, last: times[t], lastRank: times[t + 1], clocks };
  }

  /** The fields of the ticket in `slot`. */
  fields(slot: number): TicketFields {
    const counts = this.countPages[slot >> PAGE_BITS];
    const fieldsAt = (slot & IN_PAGE) * this.countWidth + COUNT_HEAD + COUNTS_PER_CLOCK * this.clockCount;
    const fields: TicketFields = {};
    for (let k = 0; k < this.fieldNames.length; k++) fields[this.fieldNames[k]] = this.texts.textOf(counts[fieldsAt + k]);
    return fields;
  }

  /** The flags of clock `i` of the ticket in `slot`, as SuspendedClock holds them. */
  flags(slot: number, i: number): number {
    return this.countPages[slot >> PAGE_BITS][(slot & IN_PAGE) * this.countWidth + COUNT_HEAD + i * COUNTS_PER_CLOCK + 3];
  }

  /** When the ticket in `slot` was created (every clock's state starts with it). */
  created(slot: number): Instant {
    return this.timePages[slot >> PAGE_BITS][(slot & IN_PAGE) * this.timeWidth + TIME_HEAD];
  }

  rating(slot: number): number | null {
    const stored = this.countPages[slot >> PAGE_BITS][(slot & IN_PAGE) * this.countWidth + 1];
    return stored === 0 ? null : stored - 1;
  }

  /** The slot's ticket runs again: the slot is free for another. */
  free(slot: number): void {
    this.freeSlots.push(slot);
  }

  private newSlot(): number {
    if ((this.slots & IN_PAGE) === 0) {
      this.timePages.push(new Float64Array(PAGE_SLOTS * this.timeWidth));
      this.countPages.push(new Int32Array(PAGE_SLOTS * this.countWidth));
    }
    return this.slots++;
  }
}
