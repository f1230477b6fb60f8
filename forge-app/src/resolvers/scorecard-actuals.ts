import type { KpiValues } from '../../../core';
import type { FieldError } from '../config/schema';
import { kpisOf, scorecardById } from '../config/scorecards';
import { loadConfig } from '../config/store';
import { checkedKey, segment } from '../storage/keys';
import { getValue, setValue } from '../storage/store';

/** Values an admin typed for KPIs that no Jira data measures (payroll accuracy, DSO): per scorecard and month. */
const typedActualsKey = (scorecardId: string, month: string) => checkedKey(`scorecard-actuals:${segment(scorecardId)}:${month}`);
type TypedActuals = { values: Record<string, number> };

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const invalidMonth = (month: unknown) => ({ error: 'INVALID_MONTH' as const, message: `month must be YYYY-MM, got ${JSON.stringify(month)}` });

export interface TypedActualsInput {
  scorecardId: string;
  month: string;
  /** KPI id → its value this month; null removes a value typed before. */
  values: Record<string, unknown>;
}

/**
 * Stores typed actuals for a month: only KPIs of the scorecard that have no source (a source's actual comes from Jira),
 * each a finite number; every problem is answered with its path (`values.<kpi id>`), and nothing is stored then.
 */
export async function saveScorecardActuals(input: TypedActualsInput) {
  if (typeof input.month !== 'string' || !MONTH.test(input.month)) return invalidMonth(input.month);
  const scorecard = scorecardById((await loadConfig()).config, input.scorecardId);
  if (!scorecard) return { error: 'NO_SCORECARD' as const, scorecardId: input.scorecardId };
  const kpiIds = new Set(kpisOf(scorecard.tree.root).map((kpi) => kpi.id));
  const errors: FieldError[] = [];
  for (const [kpiId, value] of Object.entries(input.values ?? {})) {
    const path = `values.${kpiId}`;
    if (!kpiIds.has(kpiId)) errors.push({ path, message: `"${kpiId}" is not a KPI of scorecard "${input.scorecardId}"` });
    else if (kpiId in scorecard.sources) errors.push({ path, message: `KPI "${kpiId}" takes its actual from ${scorecard.sources[kpiId]}; typed values are for KPIs without a source` });
    else if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) errors.push({ path, message: `must be a number (or null to remove it), not ${JSON.stringify(value)}` });
  }
  if (errors.length > 0) return { ok: false as const, errors };
  const key = typedActualsKey(input.scorecardId, input.month);
  const values = { ...(await getValue<TypedActuals>(key))?.values };
  for (const [kpiId, value] of Object.entries(input.values ?? {})) {
    if (value === null) delete values[kpiId];
    else values[kpiId] = value as number;
  }
  await setValue<TypedActuals>(key, { values });
  return { ok: true as const };
}

export const typedActuals = async (scorecardId: string, month: string): Promise<KpiValues> => (await getValue<TypedActuals>(typedActualsKey(scorecardId, month)))?.values ?? {};

/** The values typed for a scorecard's month (the admin page's form starts from them). */
export async function scorecardActuals(query: { scorecardId: string; month: string }) {
  if (typeof query.month !== 'string' || !MONTH.test(query.month)) return invalidMonth(query.month);
  return { values: await typedActuals(query.scorecardId, query.month) };
}
