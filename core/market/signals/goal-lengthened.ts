import type { SignalCycle } from './types';

/**
 * G1 goal lengthened: the working minutes the goal grew by between the cycle's start and its end (a priority lowered
 * mid-way buys a longer goal); 0 when it stayed or shrank, or when no goal applied at the start.
 */
export function goalGrowth(cycle: SignalCycle): number {
  const atStart = cycle.startGoal;
  return atStart === null || atStart === undefined ? 0 : Math.max(0, cycle.goalMinutes - atStart.minutes);
}
