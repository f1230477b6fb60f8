import { type GamingAlert, type PillarBalance, type Perspective, type Pillar, type ScorecardLevel, type ScoringMethod, scorecardNotes, type ScorecardNoteCode, statusOfAchievement, type RagStatus, type MissingPolicy, type NodeKind, evaluateTree, type TreeKpiResult, type TreeResult, type RollUpMethod } from '../../../core/scorecard';
import { kpiReviews, payReviews, type SignalId } from '../../../core/market';
import type { ScorecardSheet } from './read-sheet';

/** What the sidebar receives through google.script.run: plain JSON (numbers, text, null), no Dates. */

export interface ReportKpi {
  id: string;
  name: string;
  perspective: Perspective;
  pillar: Pillar;
  method: ScoringMethod;
  direction: 'higher' | 'lower';
  unit: string;
  target: number;
  owner: string | null;
  /** The value scored: this period's, or the previous one carried forward; null when none. */
  actual: number | null;
  source: TreeKpiResult['source'];
  previous: number | null;
  /** The method's own score (0..scale for goal/red flag), null when not scored from a value. */
  score: number | null;
  achievement: number | null;
  status: RagStatus | null;
  /** Its part of its scorecard's score. */
  contribution: number | null;
  /** Earlier values, oldest first, ending with the value scored. */
  trend: number[];
}

export interface ReportNode {
  id: string;
  name: string;
  kind: NodeKind;
  /** The perspective of a perspective node the sheet did not name itself (the sidebar names it in the UI language). */
  perspective: Perspective | null;
  level: ScorecardLevel | null;
  owner: string | null;
  method: RollUpMethod;
  score: number | null;
  /** A container's RAG on its score: GREEN from 1 (its target met), AMBER from 0.9, as a KPI's default rule. */
  status: RagStatus | null;
  greyed: boolean;
  /** KPI pay of a person-level scorecard with pay; null otherwise. */
  payout: number | null;
  kpis: ReportKpi[];
  children: ReportNode[];
}

interface ReportAlert {
  code: GamingAlert['code'];
  kpi: string;
  guard: string;
  kpiPrevious: number;
  kpiCurrent: number;
  guardPrevious: number;
  guardCurrent: number;
}

interface ReportPayout {
  scorecard: string;
  owner: string | null;
  score: number | null;
  base: number;
  payout: number | null;
  /** Gaming signals named on the scorecard's KPIs: review before paying (the payout is unchanged). */
  review: Array<{ signal: SignalId; kpi: string; examples: string[] }>;
}

/** Advice on the scorecard's design (core scorecardNotes), by code, with the names the sidebar's text needs. */
interface ReportNote {
  code: ScorecardNoteCode;
  scorecard: string;
  kpi: string;
  count: number;
}

export interface ScorecardReport {
  title: string;
  overall: number | null;
  missing: MissingPolicy;
  /** The top scorecard's perspectives (bars). */
  perspectives: { id: string; name: string; perspective: Perspective | null; score: number | null }[];
  pillars: PillarBalance;
  tree: ReportNode;
  /** Every KPI of the tree, in sheet order below each node (the tiles). */
  kpis: ReportKpi[];
  alerts: ReportAlert[];
  /** One line per person-level scorecard with pay. */
  payouts: ReportPayout[];
  notes: ReportNote[];
}

/** The core's evaluation of a scorecard sheet, in the sidebar's terms. */
export function scorecardReport({ tree, autoPerspectives, actuals, previous, history, signals }: ScorecardSheet): ScorecardReport {
  const result = evaluateTree(tree, actuals, { previous, lastKnown: previous });
  const names = new Map<string, string>();
  const kpiOf = (k: TreeKpiResult): ReportKpi => {
    names.set(k.kpi.id, k.kpi.name);
    const earlier = history[k.kpi.id] ?? [];
    return {
      id: k.kpi.id,
      name: k.kpi.name,
      perspective: k.kpi.perspective,
      pillar: k.kpi.pillar,
      method: k.kpi.scoring?.method ?? 'ratio',
      direction: k.kpi.direction,
      unit: k.kpi.unit,
      target: k.kpi.target,
      owner: k.kpi.owner ?? null,
      actual: k.actual,
      source: k.source,
      previous: k.previous,
      score: k.score,
      achievement: k.achievement,
      status: k.status,
      contribution: k.contribution,
      // A carried value is the previous one, already last in the history.
      trend: k.actual === null || k.source === 'carried' ? earlier : [...earlier, k.actual],
    };
  };
  const nodeOf = (r: TreeResult): ReportNode => ({
    id: r.node.id,
    name: r.node.name,
    kind: r.node.kind,
    perspective: r.node.kind === 'perspective' && autoPerspectives.has(r.node.id) ? (r.node.id as Perspective) : null,
    level: r.node.level ?? null,
    owner: r.node.owner ?? null,
    method: r.node.method,
    score: r.score,
    status: r.score === null ? null : statusOfAchievement(r.score),
    greyed: r.greyed,
    payout: r.payout,
    kpis: r.kpis.map(kpiOf),
    children: r.children.map(nodeOf),
  });
  const root = nodeOf(result);
  const all = (node: ReportNode): ReportKpi[] => [...node.kpis, ...node.children.flatMap(all)];
  const results = (r: TreeResult): TreeResult[] => [r, ...r.children.flatMap(results)];
  const evaluated = results(result);
  const reviews = payReviewsOf(tree, signals, names);
  return {
    title: tree.root.name,
    overall: result.score,
    missing: tree.missing,
    perspectives: root.children.filter((n) => n.kind === 'perspective').map(({ id, name, perspective, score }) => ({ id, name, perspective, score })),
    pillars: result.pillars,
    tree: root,
    kpis: all(root),
    alerts: evaluated.flatMap((r) =>
      r.alerts.map((a) => ({
        code: a.code,
        kpi: names.get(a.kpiId) ?? a.kpiId,
        guard: names.get(a.guardId) ?? a.guardId,
        kpiPrevious: a.kpiPrevious,
        kpiCurrent: a.kpiCurrent,
        guardPrevious: a.guardPrevious,
        guardCurrent: a.guardCurrent,
      })),
    ),
    payouts: evaluated.flatMap((r) =>
      r.node.pay === undefined ? [] : [{ scorecard: r.node.name, owner: r.node.owner ?? null, score: r.score, base: r.node.pay.base, payout: r.payout, review: reviews.get(r.node.id) ?? [] }],
    ),
    notes: scorecardNotes(tree).map((note) => ({
      code: note.code,
      scorecard: evaluated.find((r) => r.node.id === note.scorecardId)?.node.name ?? note.scorecardId,
      kpi: note.kpiId === undefined ? '' : names.get(note.kpiId) ?? note.kpiId,
      count: note.count ?? 0,
    })),
  };
}

/** Per scorecard with pay, the signals its KPIs' Signal cells name (the core's pay review), with the KPIs' names. */
function payReviewsOf(tree: ScorecardSheet['tree'], signals: ScorecardSheet['signals'], names: ReadonlyMap<string, string>): Map<string, ReportPayout['review']> {
  const byKpi = new Map(Object.entries(signals));
  const kpis = kpiReviews(tree, (kpi) => (byKpi.has(kpi.id) ? [byKpi.get(kpi.id)!] : undefined));
  const kpiOfNote = new Map(kpis.flatMap((review) => review.notes.map((note) => [note, review.kpiId] as const)));
  return new Map(
    payReviews(tree, kpis).map(({ scorecardId, notes }) => [
      scorecardId,
      notes.map((note) => ({ signal: note.signal, kpi: names.get(kpiOfNote.get(note)!) ?? kpiOfNote.get(note)!, examples: note.examples })),
    ]),
  );
}
