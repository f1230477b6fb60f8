import { said } from '../../i18n/error-catalogue';
import type { KpiDefinition } from '../../scorecard/schema';
import { kpisOfScorecard, scorecardsBelow, type ScorecardTree, type TreeNode } from '../../scorecard/tree';
import { SignalError } from './errors';
import { SIGNAL_NAMES, type GroupSignals, type SignalId } from './types';

/** "Review before paying": a flagged signal of a group (a KPI owner), with its example tickets. Never a score change. */
export interface ReviewNote {
  signal: SignalId;
  name: string;
  /** The group the signal was flagged for: the owner the note reaches. */
  group: string;
  examples: string[];
  /** English; adapters translate from the signal and the examples. */
  message: string;
}

/** The notes on one KPI, and on one pay line (a person-level scorecard with pay). */
export interface KpiReview {
  scorecardId: string;
  kpiId: string;
  notes: ReviewNote[];
}
export interface PayReview {
  scorecardId: string;
  notes: ReviewNote[];
}

const noteOf = (signal: SignalId, group: string, examples: readonly string[]): ReviewNote => ({
  signal,
  name: SIGNAL_NAMES[signal],
  group,
  examples: [...examples],
  message: `Review before paying: ${signal} ${SIGNAL_NAMES[signal]}${group === '' ? '' : ` (${group})`}${examples.length ? `; examples: ${examples.join(', ')}` : ''}.`,
});

/** The flagged signals of each group as review notes, by group (a value met in several groupings gathers them all). */
export function reviewNotesByGroup(groups: readonly GroupSignals[]): Map<string, ReviewNote[]> {
  const byGroup = new Map<string, ReviewNote[]>();
  for (const { group, signals } of groups) {
    const notes = signals.filter((s) => s.flagged).map((s) => noteOf(s.signal, group, s.examples));
    if (notes.length > 0) byGroup.set(group, [...(byGroup.get(group) ?? []), ...notes]);
  }
  return byGroup;
}

const SIGNAL_TEXT = /^\s*(G[1-5])\b[^:]*(?::(.*))?$/i;

/**
 * A review note written in a cell (a scorecard sheet's signal column): the signal's id, optionally its name, then
 * after a colon the example tickets, comma-separated: `G3`, `G3 last-minute stops: SUP-1, SUP-2`. Blank: null.
 */
export function reviewNoteFromText(text: string, group: string, argument = 'signal'): ReviewNote | null {
  if (text.trim() === '') return null;
  const match = SIGNAL_TEXT.exec(text);
  if (match === null) throw new SignalError(argument, said('at', { place: argument, detail: said('signals.notSignal', { value: String(JSON.stringify(text)) }) }));
  const examples = (match[2] ?? '').split(',').map((key) => key.trim()).filter((key) => key !== '');
  return noteOf(match[1].toUpperCase() as SignalId, group, examples);
}

/** The notes of the KPIs a group owns: a KPI's owner is the group's name (a `--by` value, an OLA owner). */
export const notesOfOwner =
  (notesByGroup: ReadonlyMap<string, readonly ReviewNote[]>) =>
  (kpi: KpiDefinition): readonly ReviewNote[] | undefined =>
    kpi.owner === undefined ? undefined : notesByGroup.get(kpi.owner);

/**
 * The KPIs of the tree that have review notes (`notesOf`: by owner with `notesOfOwner`, or as a sheet names them),
 * with those notes, scorecard by scorecard from the root.
 */
export function kpiReviews(tree: ScorecardTree, notesOf: (kpi: KpiDefinition) => readonly ReviewNote[] | undefined): KpiReview[] {
  const reviews: KpiReview[] = [];
  const visit = (card: TreeNode): void => {
    for (const kpi of kpisOfScorecard(card)) {
      const notes = notesOf(kpi);
      if (notes !== undefined && notes.length > 0) reviews.push({ scorecardId: card.id, kpiId: kpi.id, notes: [...notes] });
    }
    scorecardsBelow(card).forEach(visit);
  };
  visit(tree.root);
  return reviews;
}

/**
 * The pay lines to review: each scorecard with pay whose own KPIs carry notes, or whose owner has notes, with those
 * notes once each. The payout itself is unchanged: the note asks a person to look first.
 */
export function payReviews(tree: ScorecardTree, kpis: readonly KpiReview[], notesByOwner: ReadonlyMap<string, readonly ReviewNote[]> = new Map()): PayReview[] {
  const reviews: PayReview[] = [];
  const visit = (card: TreeNode): void => {
    if (card.pay !== undefined) {
      // A group's note reaching the line through a KPI and through the owner is the same note: listed once.
      const notes = new Set<ReviewNote>();
      const add = (note: ReviewNote) => notes.add(note);
      for (const review of kpis) if (review.scorecardId === card.id) review.notes.forEach(add);
      if (card.owner !== undefined) notesByOwner.get(card.owner)?.forEach(add);
      if (notes.size > 0) reviews.push({ scorecardId: card.id, notes: [...notes.values()] });
    }
    scorecardsBelow(card).forEach(visit);
  };
  visit(tree.root);
  return reviews;
}
