import type { SlaCycle } from '../../sla/clock';

export type SignalId = 'G1' | 'G2' | 'G3' | 'G4' | 'G5';

/** English names; adapters translate from the id. */
export const SIGNAL_NAMES: Readonly<Record<SignalId, string>> = {
  G1: 'goal lengthened',
  G2: 'premature stop',
  G3: 'last-minute stops',
  G4: 'pause share',
  G5: 'split requests',
};

/** What the signals read of an SLA cycle. */
export type SignalCycle = Pick<SlaCycle, 'policyId' | 'goalLabel' | 'ticketKey' | 'start' | 'stop' | 'goalMinutes' | 'elapsedMinutes' | 'pausedMinutes' | 'remainingMinutes' | 'state' | 'startGoal' | 'previousStop'>;

/** One signal in one group. */
export interface SignalResult {
  signal: SignalId;
  name: string;
  /** Cases: cycles (G1-G3), cycles with paused time (G4), tickets in split requests (G5). */
  count: number;
  /** What the share is of: cycles (G1, G4), stopped cycles (G2), met cycles (G3), tickets with a requester (G5). */
  of: number;
  /** count ÷ of; for G4 paused ÷ (paused + running) working minutes; null when there is nothing to divide. */
  share: number | null;
  /** Flagged when `share` exceeds it (G4: the parameter times the median of all groups' shares). */
  threshold: number;
  flagged: boolean;
  /** Up to 10 ticket keys, the strongest cases first. */
  examples: string[];
}

/** The signals of one group (a `--by` value, an owner, or "" for the whole log). */
export interface GroupSignals {
  group: string;
  signals: SignalResult[];
}
