import type { Instant, WorkCalendar } from '../../calendar/types';
import { SignalCounter } from './counter';

/** A request as G5 reads it: the ticket, when it was made, its group, and the service and requester it came from. */
export interface SignalRequest {
  ticketKey: string;
  created: Instant;
  group: string;
  /** The service (a catalogue service, or the SLA policy that measures the ticket). */
  service: string;
  requester: string;
}

interface Made {
  key: string;
  created: Instant;
  group: string;
}

/**
 * G5 split requests: at least `splitCount` tickets of one service and one requester created within `splitWithin`
 * working minutes (on the service's calendar), one request split to look like several quick ones. Which tickets sit
 * together is known only once all are seen, so it keeps one entry per ticket with a requester (time, key, group).
 */
export class SplitRequests {
  private readonly bySource = new Map<string, { calendar: WorkCalendar; made: Made[] }>();

  add(request: SignalRequest, calendar: WorkCalendar): void {
    if (request.requester === '') return;
    const source = `${request.service}\u0000${request.requester}`;
    let entry = this.bySource.get(source);
    if (entry === undefined) this.bySource.set(source, (entry = { calendar, made: [] }));
    entry.made.push({ key: request.ticketKey, created: request.created, group: request.group });
  }

  /** Per group: its tickets with a requester (`of`) and those in a split request (`count`, examples earliest first). */
  counters(splitCount: number, splitWithin: number): Map<string, SignalCounter> {
    const groups = new Map<string, SignalCounter>();
    const counterOf = (group: string) => groups.get(group) ?? groups.set(group, new SignalCounter()).get(group)!;
    for (const { calendar, made } of this.bySource.values()) {
      made.sort((a, b) => a.created - b.created || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const split = splitTickets(made, calendar, splitCount, splitWithin);
      made.forEach((m, i) => {
        const counter = counterOf(m.group);
        counter.of++;
        if (split[i]) counter.hit(m.key, m.created);
      });
    }
    return groups;
  }
}

/** Marks each ticket (sorted by creation) in a window of `splitWithin` working minutes holding `splitCount` or more. */
function splitTickets(made: readonly Made[], calendar: WorkCalendar, splitCount: number, splitWithin: number): boolean[] {
  const split = new Array<boolean>(made.length).fill(false);
  let first = 0;
  let marked = 0;
  for (let last = 0; last < made.length; last++) {
    while (calendar.workingMinutesBetween(made[first].created, made[last].created) > splitWithin) first++;
    if (last - first + 1 < splitCount) continue;
    for (let i = Math.max(first, marked); i <= last; i++) split[i] = true;
    marked = last + 1;
  }
  return split;
}
