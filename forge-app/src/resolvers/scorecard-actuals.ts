import type { z } from 'zod';
import { kpisOfTree } from '../../../core';
import type { ConfigProblem } from '../config/problem';
import { scorecardById } from '../config/scorecards';
import { loadConfig } from '../config/store';
import { checkedKey, segment } from '../storage/keys';
import { getValue, setValue } from '../storage/store';
import type { ScorecardMonthSchema, TypedActualsSchema } from './payloads';

/** Values an admin typed for KPIs that no Jira data measures (payroll accuracy, DSO): per scorecard and month. */
const typedActualsKey = (scorecardId: string, month: string) => checkedKey(`scorecard-actuals:${segment(scorecardId)}:${month}`);
/**
 * A typed value: a number, or for a KPI aggregated `ratio-of-sums` its month's numerator and denominator, so that a
 * quarter is Σ numerators ÷ Σ denominators (docs/SCORING.md, Periods).
 */
export type TypedValue = number | { numerator: number; denominator: number };
type TypedActuals = { values: Record<string, TypedValue> };

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Why a typed value does not fit its KPI (null when it does). */
function typedValueProblem(value: unknown, ratioOfSums: boolean): string | null {
  if (!ratioOfSums) return finite(value) ? null : `must be a number (or null to remove it), not ${JSON.stringify(value)}`;
  const { numerator, denominator } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (finite(numerator) && finite(denominator) && denominator >= 0) return null;
  return `aggregation ratio-of-sums: must be { numerator, denominator } (numbers, denominator not negative), or null to remove it, not ${JSON.stringify(value)}`;
}

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const invalidMonth = (month: unknown) => ({ error: 'INVALID_MONTH' as const, message: `month must be YYYY-MM, got ${JSON.stringify(month)}` });

/** What the admin page sends (payloads.ts); `month` is checked here, so that its error names the value. */
export type TypedActualsInput = z.output<typeof TypedActualsSchema>;

/**
 * Stores typed actuals for a month: only KPIs of the scorecard that have no source (a source's actual comes from Jira),
 * each a finite number, or numerator and denominator for a ratio-of-sums KPI; every problem is answered with its path (`values.<kpi id>`), and nothing is stored then.
 */
export async function saveScorecardActuals(input: TypedActualsInput) {
  if (typeof input.month !== 'string' || !MONTH.test(input.month)) return invalidMonth(input.month);
  const scorecard = scorecardById((await loadConfig()).config, input.scorecardId);
  if (!scorecard) return { error: 'NO_SCORECARD' as const, scorecardId: input.scorecardId };
  const kpis = new Map(kpisOfTree(scorecard.tree.root).map((kpi) => [kpi.id, kpi]));
  const errors: ConfigProblem[] = [];
  for (const [kpiId, value] of Object.entries(input.values ?? {})) {
    const path = `values.${kpiId}`;
    const kpi = kpis.get(kpiId);
    const problem = value === null || kpi === undefined ? null : typedValueProblem(value, kpi.aggregation === 'ratio-of-sums');
    if (kpi === undefined) errors.push({ path, message: `"${kpiId}" is not a KPI of scorecard "${input.scorecardId}"` });
    else if (kpiId in scorecard.sources) errors.push({ path, message: `KPI "${kpiId}" takes its actual from ${scorecard.sources[kpiId]}; typed values are for KPIs without a source` });
    else if (problem !== null) errors.push({ path, message: problem });
  }
  if (errors.length > 0) return { ok: false as const, errors };
  const key = typedActualsKey(input.scorecardId, input.month);
  const values = { ...(await getValue<TypedActuals>(key))?.values };
  for (const [kpiId, value] of Object.entries(input.values ?? {})) {
    if (value === null) delete values[kpiId];
    else values[kpiId] = value as TypedValue;
  }
  await setValue<TypedActuals>(key, { values });
  return { ok: true as const };
}

export const typedActuals = async (scorecardId: string, month: string): Promise<Record<string, TypedValue>> => (await getValue<TypedActuals>(typedActualsKey(scorecardId, month)))?.values ?? {};

/** The values typed for a scorecard's month (the admin page's form starts from them). */
export async function scorecardActuals(query: z.output<typeof ScorecardMonthSchema>) {
  if (typeof query.month !== 'string' || !MONTH.test(query.month)) return invalidMonth(query.month);
  return { values: await typedActuals(query.scorecardId, query.month) };
}
