import type { InternalMarket } from '../../core/market';
import type { ComplianceCounts } from '../../core/sla';
import type { DataQuality } from '../quality';
import type { GamingSignalsResult } from '../signals';

/** Turnaround time of completed cycles, in working hours. */
export interface TatSummary {
  cycles: number;
  medianHours: number;
  p90Hours: number;
}

export interface GoalRow extends ComplianceCounts {
  policy: string;
  goal: string;
  tat: TatSummary | null;
}

export interface FieldRow extends ComplianceCounts {
  value: string;
  /** Goal labels of the cycles in the group. */
  goals: string[];
  tat: TatSummary | null;
}

export interface MonthRow extends ComplianceCounts {
  month: string;
}

/** Accuracy: first time right = share of resolved tickets never reopened (1 − reopen rate). */
export interface Accuracy {
  resolved: number;
  reopened: number;
  firstTimeRight: number | null;
}

/** Satisfaction from the mapped rating column: CSAT (1-5, top-two-box) or iNPS (0-10). */
export interface Satisfaction {
  scale: '1-5' | '0-10';
  answers: number;
  csat: number | null;
  inps: number | null;
}

/** The report as plain data: what the text and HTML renderers draw and `--json` prints. */
export interface ReportResult {
  input: {
    source: string;
    tickets: number;
    events: number;
    firstEvent: string;
    lastEvent: string;
    asOf: string;
    asOfIsLatestEvent: boolean;
  };
  /** Zone of the first goal's calendar: months and times follow it. */
  timeZone: string;
  policies: Array<{ id: string; name: string }>;
  /** Tickets that a policy and one of its goals applied to. */
  ticketsMeasured: number;
  cycles: number;
  overall: ComplianceCounts & { tat: TatSummary | null };
  byGoal: GoalRow[];
  /** One table per `--by` field. */
  byField: Array<{ field: string; rows: FieldRow[] }>;
  byMonth: MonthRow[];
  accuracy: Accuracy;
  satisfaction: Satisfaction | null;
  /** Rows and tickets read, and each correction made on the way, counted. */
  dataQuality: DataQuality;
  /** Gaming signals G1-G5 per `--by` group (docs/GAMING-SIGNALS.md); null when left out. */
  gamingSignals: GamingSignalsResult | null;
  warnings: string[];
  /** Statements and OLA chains, with `--catalogue` (docs/INTERNAL-MARKET.md). */
  internalMarket?: InternalMarket;
}
