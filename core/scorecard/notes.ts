import type { KpiDefinition } from './schema';
import { kpisOfScorecard, scorecardsBelow, type ScorecardTree, type TreeNode } from './tree';

/** More KPIs than this on one person's scorecard dilutes focus: keep the 3-5 that matter. */
const MAX_PERSON_KPIS = 5;

export type ScorecardNoteCode = 'TOO_MANY_KPIS' | 'KPI_WITHOUT_OWNER' | 'SPEED_KPI_UNGUARDED';

/** Advice about a scorecard's design, not an error: the views show it; adapters translate from the code. */
export interface ScorecardNote {
  code: ScorecardNoteCode;
  /** The scorecard the note is about (for a KPI: the scorecard holding it). */
  scorecardId: string;
  kpiId?: string;
  /** TOO_MANY_KPIS: how many KPIs the scorecard has. */
  count?: number;
  /** English. */
  message: string;
}

/**
 * Notes on a tree, scorecard by scorecard from the root: a person-level scorecard with more than 5 KPIs, a KPI with
 * no owner, a speed KPI with no `guardedBy` quality KPI (Goodhart's law: speed alone gets bought with quality).
 */
export function scorecardNotes(tree: ScorecardTree): ScorecardNote[] {
  const notes: ScorecardNote[] = [];
  const visit = (card: TreeNode): void => {
    const kpis = kpisOfScorecard(card);
    if (card.level === 'person' && kpis.length > MAX_PERSON_KPIS) {
      notes.push({
        code: 'TOO_MANY_KPIS',
        scorecardId: card.id,
        count: kpis.length,
        message: `Scorecard "${card.name}" has ${kpis.length} KPIs for one person: focus on the 3-5 that matter most.`,
      });
    }
    for (const kpi of kpis) notes.push(...kpiNotes(card, kpi));
    scorecardsBelow(card).forEach(visit);
  };
  visit(tree.root);
  return notes;
}

function kpiNotes(card: TreeNode, kpi: KpiDefinition): ScorecardNote[] {
  const notes: ScorecardNote[] = [];
  if (kpi.owner === undefined) {
    notes.push({ code: 'KPI_WITHOUT_OWNER', scorecardId: card.id, kpiId: kpi.id, message: `KPI "${kpi.name}" has no owner: name the person who answers for it.` });
  }
  if (kpi.pillar === 'speed' && kpi.guardedBy === undefined) {
    notes.push({
      code: 'SPEED_KPI_UNGUARDED',
      scorecardId: card.id,
      kpiId: kpi.id,
      message: `Speed KPI "${kpi.name}" has no quality guard: set guardedBy to an accuracy KPI so speed is not bought with errors.`,
    });
  }
  return notes;
}
