import { localDayIn, periodLabel, type SlaCycle, type TicketHistory } from '../../../core';

/**
 * The sync's result model: what the sync computes per ticket and storage keeps. Both `sync/` and `storage/` import it
 * from here, so neither folder imports the other for it.
 */

/**
 * A cycle as stored: the core's SlaCycle without the ticket's fields, which the record holds once. `held`: for a
 * policy of a catalogue service with an OLA, who held its running time ([owner, working minutes] in time order, the
 * core's holdings); absent otherwise and on results stored before the catalogue named an owner field.
 */
export type StoredCycle = Omit<SlaCycle, 'fields' | 'ticketKey'> & { held?: Array<[owner: string, minutes: number]> };

/** Everything the app keeps about one ticket after a sync; recomputing the ticket replaces it whole. */
export interface TicketResult {
  key: string;
  /** Jira's issue id: it survives a move to another project (the key does not). */
  id: string;
  /** The assignee's display name when Jira gave one (the at-risk list shows it; fields keep the account id). */
  assigneeName: string | null;
  project: string;
  created: number;
  /** Jira's `updated` of the version this was computed from: an older event never overwrites a newer result. */
  updated: number;
  computedAt: number;
  fields: TicketHistory['fields'];
  /** Cycles per app policy and per JSM SLA (`jsm:<name>`), for each that applies. */
  cycles: StoredCycle[];
  resolvedAt: number | null;
  /** Times the ticket went from a resolved state back to work. */
  reopened: number;
  /** JSM satisfaction rating 1-5, when asked for and given. */
  rating: number | null;
  /** The issue security level's id, null for an issue under none (absent in results stored before it was kept). */
  securityLevel?: string | null;
}

/** The instant a cycle is reported under, as the core's slaCompliance does: its stop, else its due time, else its start. */
export const reportedAt = (cycle: Pick<SlaCycle, 'stop' | 'due' | 'start'>): number => cycle.stop ?? cycle.due ?? cycle.start;

/** The `YYYY-MM` month of an instant in a time zone (the report time zone: buckets and gadgets agree on months). */
export const monthOf = (at: number, timeZone: string): string => periodLabel(localDayIn(timeZone)(at), 'month');
