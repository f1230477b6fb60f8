import type { WorkCalendar } from '../../calendar/types';
import { SignalCounter } from './counter';
import { goalGrowth } from './goal-lengthened';
import { isLastMinute } from './last-minute';
import type { SignalParameters } from './params';
import { PauseCounter, pauseResults } from './pause-share';
import { restartedSoon } from './premature-stop';
import { type SignalRequest, SplitRequests } from './split-requests';
import type { GroupSignals, SignalCycle } from './types';

/** G1-G4 of one group, counted as its cycles arrive. */
class CycleSignals {
  readonly lengthened = new SignalCounter();
  readonly premature = new SignalCounter();
  readonly lastMinute = new SignalCounter();
  readonly pause = new PauseCounter();
}

/** The calendar of a policy's goal (by label), for business days (G2) and working minutes (G5). */
export type GoalCalendarOf = (policyId: string, goalLabel: string) => WorkCalendar;

/**
 * The gaming signals G1-G5, counted as cycles and requests stream by: memory grows with the groups (and, for G5, one
 * entry per ticket with a requester), not with events. The caller names each cycle's group (a `--by` field's value,
 * an OLA owner, or "" for the whole log), so any grouping plugs in.
 */
export class GamingSignalTally {
  private readonly groups = new Map<string, CycleSignals>();
  private readonly split: SplitRequests | null;

  constructor(
    private readonly parameters: SignalParameters,
    private readonly calendarOf: GoalCalendarOf,
    /** G5 needs the tickets' requester: without it, leave it out. */
    splitRequests: boolean,
  ) {
    this.split = splitRequests ? new SplitRequests() : null;
  }

  addCycle(group: string, cycle: SignalCycle): void {
    let signals = this.groups.get(group);
    if (signals === undefined) this.groups.set(group, (signals = new CycleSignals()));
    const key = cycle.ticketKey;
    signals.lengthened.of++;
    const growth = goalGrowth(cycle);
    if (growth > 0) signals.lengthened.hit(key, -growth);
    if (cycle.stop !== null) signals.premature.of++;
    if (cycle.previousStop != null && restartedSoon(cycle, this.calendarOf(cycle.policyId, cycle.goalLabel), this.parameters.reopenWithin)) {
      signals.premature.hit(key, cycle.start - cycle.previousStop);
    }
    if (cycle.state === 'met') {
      signals.lastMinute.of++;
      if (isLastMinute(cycle, this.parameters.lastShare)) signals.lastMinute.hit(key, cycle.remainingMinutes / cycle.goalMinutes);
    }
    signals.pause.add(cycle);
  }

  /** A ticket's request for G5 (ignored when the tally leaves G5 out); `calendar`: the service's. */
  addRequest(request: SignalRequest, calendar: WorkCalendar): void {
    this.split?.add(request, calendar);
  }

  /** Every group's signals, groups in key order. */
  report(): GroupSignals[] {
    const p = this.parameters;
    const splitCounters = this.split?.counters(p.splitCount, p.splitWithin);
    const keys = [...new Set([...this.groups.keys(), ...(splitCounters?.keys() ?? [])])].sort();
    const cycleSignals = keys.map((key) => this.groups.get(key) ?? new CycleSignals());
    const pause = pauseResults(cycleSignals.map((s) => s.pause), p.pauseFactor, p.pauseMinCycles);
    return keys.map((group, i) => {
      const s = cycleSignals[i];
      const signals = [
        s.lengthened.result('G1', p.lengthenedFlag),
        s.premature.result('G2', p.reopenFlag),
        s.lastMinute.result('G3', p.lastFlag, p.lastMinMet),
        pause[i],
      ];
      if (splitCounters !== undefined) signals.push((splitCounters.get(group) ?? new SignalCounter()).result('G5', p.splitFlag));
      return { group, signals };
    });
  }
}
