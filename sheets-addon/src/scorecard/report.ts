import { evaluateScorecard } from '../../../core/scorecard/evaluate';
import type { ScorecardSheet } from './read-sheet';

/** What the sidebar receives through google.script.run: plain JSON (numbers, text, null), no Dates. */
export interface ScorecardReport {
  title: string;
  overall: number | null;
  perspectives: { perspective: string; weight: number; score: number | null }[];
  pillars: { speed: number | null; accuracy: number | null; satisfaction: number | null };
  kpis: {
    name: string;
    perspective: string;
    pillar: string;
    direction: 'higher' | 'lower';
    unit: string;
    target: number;
    actual: number | null;
    previous: number | null;
    achievement: number | null;
    status: 'GREEN' | 'AMBER' | 'RED' | null;
    trend: number[];
  }[];
  alerts: {
    code: 'SPEED_UP_QUALITY_DOWN' | 'VOLUME_UP_QUALITY_DOWN';
    kpi: string;
    guard: string;
    kpiPrevious: number;
    kpiCurrent: number;
    guardPrevious: number;
    guardCurrent: number;
  }[];
}

/** The core's evaluation of a scorecard sheet, in the sidebar's terms; the trend ends with the current actual. */
export function scorecardReport({ scorecard, actuals, previous, history }: ScorecardSheet): ScorecardReport {
  const result = evaluateScorecard(scorecard, actuals, previous);
  return {
    title: scorecard.name,
    overall: result.overall,
    perspectives: result.perspectives.filter((p) => p.score !== null || scorecard.kpis.some((k) => k.perspective === p.perspective)),
    pillars: result.pillars,
    kpis: result.kpis.map(({ kpi, actual, previous: before, achievement, status }) => ({
      name: kpi.name,
      perspective: kpi.perspective,
      pillar: kpi.pillar,
      direction: kpi.direction,
      unit: kpi.unit,
      target: kpi.target,
      actual,
      previous: before,
      achievement,
      status,
      trend: actual === null ? history[kpi.id] : [...history[kpi.id], actual],
    })),
    alerts: result.alerts.map((a) => ({
      code: a.code,
      kpi: a.kpiId,
      guard: a.guardId,
      kpiPrevious: a.kpiPrevious,
      kpiCurrent: a.kpiCurrent,
      guardPrevious: a.guardPrevious,
      guardCurrent: a.guardCurrent,
    })),
  };
}
