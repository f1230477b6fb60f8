import type { Direction, KpiDefinition } from './schema';
import { valueOf, type KpiValues } from './values';

type GamingAlertCode = 'SPEED_UP_QUALITY_DOWN' | 'VOLUME_UP_QUALITY_DOWN';

/** A speed or volume KPI that improved while the quality KPI guarding it worsened. Changes are current − previous. */
export interface GamingAlert {
  code: GamingAlertCode;
  scorecardId: string;
  kpiId: string;
  guardId: string;
  kpiPrevious: number;
  kpiCurrent: number;
  kpiChange: number;
  guardPrevious: number;
  guardCurrent: number;
  guardChange: number;
  /** English; adapters translate from the code and the numbers. */
  message: string;
}

/** +1 when the change is for the better in the KPI's direction, −1 for the worse, 0 when unchanged. */
const betterSign = (change: number, direction: Direction): number => Math.sign(direction === 'higher' ? change : -change);

/**
 * Gaming alerts among the KPIs of one scorecard (a guard is looked up among the same KPIs): each speed or volume KPI
 * with a `guardedBy` KPI that improved in its direction from `previous` to `current` while its guard worsened in the
 * guard's direction (Goodhart's law: a measure pushed as a target gets bought at the cost of quality).
 */
export function gamingAlertsOf(fn: string, scorecardId: string, kpis: readonly KpiDefinition[], current: KpiValues, previous: KpiValues): GamingAlert[] {
  const alerts: GamingAlert[] = [];
  for (const kpi of kpis) {
    const guard = kpis.find((candidate) => candidate.id === kpi.guardedBy);
    if (!guard || (kpi.pillar !== 'speed' && kpi.pillar !== 'volume')) continue;
    const kpiCurrent = valueOf(fn, 'current', current, kpi.id);
    const kpiPrevious = valueOf(fn, 'previous', previous, kpi.id);
    const guardCurrent = valueOf(fn, 'current', current, guard.id);
    const guardPrevious = valueOf(fn, 'previous', previous, guard.id);
    if (kpiCurrent === null || kpiPrevious === null || guardCurrent === null || guardPrevious === null) continue;
    const kpiChange = kpiCurrent - kpiPrevious;
    const guardChange = guardCurrent - guardPrevious;
    if (betterSign(kpiChange, kpi.direction) <= 0 || betterSign(guardChange, guard.direction) >= 0) continue;
    const pillar = kpi.pillar === 'speed' ? 'Speed' : 'Volume';
    alerts.push({
      code: kpi.pillar === 'speed' ? 'SPEED_UP_QUALITY_DOWN' : 'VOLUME_UP_QUALITY_DOWN',
      scorecardId,
      kpiId: kpi.id,
      guardId: guard.id,
      kpiPrevious,
      kpiCurrent,
      kpiChange,
      guardPrevious,
      guardCurrent,
      guardChange,
      message:
        `${pillar} KPI "${kpi.name}" (${kpi.unit}) improved from ${kpiPrevious} to ${kpiCurrent} ` +
        `while its guard "${guard.name}" (${guard.unit}) worsened from ${guardPrevious} to ${guardCurrent}.`,
    });
  }
  return alerts;
}

