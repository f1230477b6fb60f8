import { KpiInputError } from '../kpi/errors';
import { kpiPeriodActuals, type KpiSeries, type PeriodView } from './period';
import { kpisOfTree, type ScorecardTree } from './tree';

/**
 * The actuals of one period (`key` of the `view`: `2025-Q1` of `quarter`) for a tree's KPIs, each KPI's series
 * combined by its own `aggregation` (kpiPeriodActuals); a KPI without values in that period is blank (null). A series
 * for an id that is not a KPI of the tree is an error naming it.
 */
export function periodActuals(
  tree: ScorecardTree,
  series: Readonly<Record<string, KpiSeries>>,
  view: PeriodView,
  key: string,
  utcOffsetMinutes: (at: number) => number = () => 0,
): Record<string, number | null> {
  const kpis = new Map(kpisOfTree(tree.root).map((kpi) => [kpi.id, kpi]));
  return Object.fromEntries(
    Object.entries(series).map(([id, values]) => {
      const kpi = kpis.get(id);
      if (kpi === undefined) throw new KpiInputError('periodActuals', `series.${id}`, 'is not a KPI of the scorecard tree');
      const bucket = kpiPeriodActuals(kpi, values, view, utcOffsetMinutes).find((b) => b.key === key);
      return [id, bucket?.value ?? null];
    }),
  );
}
