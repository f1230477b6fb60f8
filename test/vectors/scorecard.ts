import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { KpiSeries, PeriodView, RagStatus } from '../../core/scorecard';

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

/** What a door answers for a case, flattened: each node's score and payout, each KPI's score, achievement and status. */
export interface DoorAnswer {
  nodes: ReadonlyMap<string, { score: number | null; payout?: number | null }>;
  kpis: ReadonlyMap<string, { score: number | null; achievement: number | null; status: string | null }>;
}

const closeTo = (actual: number | null | undefined, expected: number | null, what: string) => {
  if (expected === null) expect(actual, what).toBeNull();
  else expect(actual, what).toBeCloseTo(expected, 9);
};

/** Asserts a door's answer against the case's expected numbers (to 9 decimals), naming the node or KPI that differs. */
export function expectCaseAnswer(c: ScorecardVectorCase, answer: DoorAnswer): void {
  for (const [id, score] of Object.entries(c.expected.nodes)) closeTo(answer.nodes.get(id)!.score, score, `node ${id}`);
  for (const [id, want] of Object.entries(c.expected.kpis)) {
    const got = answer.kpis.get(id)!;
    closeTo(got.score, want.score, `KPI ${id} score`);
    closeTo(got.achievement, want.achievement, `KPI ${id} achievement`);
    expect(got.status, `KPI ${id} status`).toBe(want.status);
  }
  for (const [id, payout] of Object.entries(c.expected.payouts ?? {})) closeTo(answer.nodes.get(id)!.payout, payout, `payout ${id}`);
}
