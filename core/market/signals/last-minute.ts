import type { SignalCycle } from './types';

/** G3 last-minute stop: a met cycle stopped with less than `lastShare` of its goal left. */
export const isLastMinute = (cycle: SignalCycle, lastShare: number): boolean =>
  cycle.state === 'met' && cycle.remainingMinutes < lastShare * cycle.goalMinutes;
