import { readFileSync } from 'node:fs';
import type { KpiSeries, PeriodView } from '../../core/scorecard';
import type { RagStatus } from '../../core/scorecard/score';

type RawTimed = { at: string; value: number };
type RawSeries = RawTimed[] | { numerators: RawTimed[]; denominators: RawTimed[] };

export type VectorDoor = 'core' | 'sheets' | 'forge';

export interface ScorecardVectorCase {
  name: string;
  how: string;
  /** The doors that run the case; all three when left out. */
  doors?: VectorDoor[];
  /** Why the doors not listed cannot express the case (required with `doors`). */
  doorsWhy?: string;
  /** Input of ScorecardTreeSchema. */
  tree: unknown;
  actuals: Record<string, number | null>;
  lastKnown?: Record<string, number | null>;
  /** With `period`: each KPI's timed values, aggregated by the KPI's own aggregation (periodActuals). */
  series?: Record<string, RawSeries>;
  period?: { view: PeriodView; key: string };
  expected: {
    nodes: Record<string, number | null>;
    kpis: Record<string, { score: number | null; achievement: number | null; status: RagStatus | null }>;
    payouts?: Record<string, number>;
  };
}

/** The raw JSON (series times as ISO text), for doors that read it themselves (Sheets bundle, Forge resolver). */
export const readScorecardVectors = (): { about: string; cases: ScorecardVectorCase[] } =>
  JSON.parse(readFileSync(new URL('./scorecard.json', import.meta.url), 'utf8'));

/** Whether a door runs a case: every case names why a door it leaves out cannot express it. */
export const runsThrough = (c: ScorecardVectorCase, door: VectorDoor): boolean => {
  if (c.doors === undefined) return true;
  if (!c.doorsWhy) throw new Error(`vector "${c.name}": doors ${c.doors.join(', ')} without doorsWhy`);
  return c.doors.includes(door);
};

const timed = (rows: RawTimed[]) => rows.map((row) => ({ at: Date.parse(row.at), value: row.value }));

/** A case's series in the core's form (epoch milliseconds). */
export const seriesOf = (raw: Record<string, RawSeries>): Record<string, KpiSeries> =>
  Object.fromEntries(
    Object.entries(raw).map(([id, s]) => [id, Array.isArray(s) ? timed(s) : { numerators: timed(s.numerators), denominators: timed(s.denominators) }]),
  );
