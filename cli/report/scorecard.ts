import { KpiInputError } from '../../core/kpi';
import { evaluateTree, type TreeKpiResult, type TreeResult, ScorecardRowsError, treeFromRows, type ScorecardRow, scorecardNotes, type ScorecardNote, actualsFromFacts, type KpiSource, type LogFacts, kpisOfTree, MISSING_POLICIES, ScorecardTreeSchema, type MissingPolicy, type ScorecardTree, type PillarBalance } from '../../core/scorecard';
import { kpiReviews, type KpiReview, notesOfOwner, payReviews, type PayReview, reviewNotesByGroup } from '../../core/market';
import { InputError } from '../errors';
import { table } from './text';
import { ENGLISH, type ReportWords } from './words';
import type { ReportResult } from './result';

/** A scorecard file (`--scorecard`): the tree (or its rows) and where each KPI's actual comes from in the report. */
export interface ScorecardFile {
  tree: ScorecardTree;
  sources: Record<string, KpiSource>;
}

export interface ScorecardSection {
  file: string;
  tree: ScorecardTree;
  sources: Record<string, KpiSource>;
  result: TreeResult;
  notes: ScorecardNote[];
  /** Flagged gaming signals of the `--by` groups that own KPIs: review notes on those KPIs and their pay lines. */
  reviews: { kpis: KpiReview[]; pay: PayReview[] };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a scorecard file: `{ tree: { missing?, root } | rows: [...], missing?, sources: { kpiId: source } }`. Errors
 * name the option, the file and the field (`--scorecard: my.json: tree.root.kpis.0.target: target is required`).
 */
export function readScorecardFile(json: unknown, name: string): ScorecardFile {
  const fail = (field: string, message: string): never => {
    throw new InputError(`--scorecard: ${name}: ${field}: ${message}`);
  };
  if (!isObject(json)) return fail('(top)', 'expected a JSON object with tree (or rows) and sources');
  let tree: ScorecardTree;
  if (json.rows !== undefined) {
    if (json.tree !== undefined) fail('rows', 'give tree or rows, not both');
    if (!Array.isArray(json.rows)) fail('rows', 'expected a list of rows (id, parent, kind, …)');
    const missing = json.missing ?? 'ignore';
    if (!MISSING_POLICIES.includes(missing as MissingPolicy)) fail('missing', `must be ${MISSING_POLICIES.join(', ')}, not ${JSON.stringify(missing)}`);
    try {
      tree = treeFromRows(json.rows as ScorecardRow[], missing as MissingPolicy);
    } catch (error) {
      if (error instanceof ScorecardRowsError) return fail('rows', error.message.replace(/^treeFromRows: /, ''));
      throw error;
    }
  } else {
    if (json.missing !== undefined) fail('missing', 'with a tree, the missing-data policy is tree.missing');
    const parsed = ScorecardTreeSchema.safeParse(json.tree);
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      return fail(['tree', ...issue.path.map(String)].join('.'), json.tree === undefined ? 'tree (or rows) is required' : issue.message);
    }
    tree = parsed.data;
  }
  if (!isObject(json.sources)) return fail('sources', 'expected an object of KPI id → source (sla, sla:<policy>, tat:median, tat:p90, ftr, reopen, csat, inps)');
  const ids = new Set(kpisOfTree(tree.root).map((kpi) => kpi.id));
  for (const [id, source] of Object.entries(json.sources)) {
    if (!ids.has(id)) fail(`sources.${id}`, `"${id}" is not a KPI of the scorecard (KPIs: ${[...ids].join(', ')})`);
    if (typeof source !== 'string') fail(`sources.${id}`, 'expected text such as "sla" or "tat:median"');
  }
  return { tree, sources: json.sources as Record<string, KpiSource> };
}

/** The report as the scorecard reads it: compliance overall and per policy, TAT median and p90, FTR, CSAT or iNPS. */
function factsOf(report: ReportResult): LogFacts {
  const byPolicy: Record<string, { met: number; measurable: number }> = {};
  for (const goal of report.byGoal) {
    const counts = (byPolicy[goal.policy] ??= { met: 0, measurable: 0 });
    counts.met += goal.met;
    counts.measurable += goal.met + goal.breached + goal.ongoingBreached;
  }
  const tat = report.overall.tat;
  return {
    compliance: {
      overall: report.overall.compliance,
      byPolicy: Object.fromEntries(Object.entries(byPolicy).map(([id, c]) => [id, c.measurable === 0 ? null : c.met / c.measurable])),
    },
    // No completed cycle: the statistics exist but have no value, so a TAT KPI is missing, not an error.
    tatHours: { median: tat?.medianHours ?? null, p90: tat?.p90Hours ?? null },
    resolved: report.accuracy.resolved,
    reopened: report.accuracy.reopened,
    csat: report.satisfaction?.csat ?? null,
    inps: report.satisfaction?.inps ?? null,
  };
}

/** Evaluates the scorecard on the report's figures; a source the report cannot give is an error naming it. */
export function scorecardSection(file: ScorecardFile, fileName: string, report: ReportResult): ScorecardSection {
  let actuals;
  try {
    actuals = actualsFromFacts(file.sources, factsOf(report));
  } catch (error) {
    if (error instanceof KpiInputError) throw new InputError(`--scorecard: ${fileName}: ${error.argument}: ${error.detail}`, { cause: error });
    throw error;
  }
  const byGroup = reviewNotesByGroup((report.gamingSignals?.byField ?? []).flatMap((field) => field.groups));
  const kpis = kpiReviews(file.tree, notesOfOwner(byGroup));
  const reviews = { kpis, pay: payReviews(file.tree, kpis, byGroup) };
  return { file: fileName, ...file, result: evaluateTree(file.tree, actuals), notes: scorecardNotes(file.tree), reviews };
}

/** A KPI's value in its unit: shares as percentages, hours to one decimal. */
const inUnit = (value: number | null, unit: string, w: ReportWords): string => {
  if (value === null) return w.notAvailable;
  if (unit === '%') return w.percent(value);
  return `${w.decimal(value)} ${unit === 'hours' ? w.hoursUnit : unit}`;
};
const pillarsLine = (p: PillarBalance, w: ReportWords): string => w.pillars(w.percent(p.speed), w.percent(p.accuracy), w.percent(p.satisfaction));

/** The scorecard's table, header first: each node, then its KPIs with source, actual, target, score, status, part. */
export function scorecardRows(section: ScorecardSection, indent = '  ', w: ReportWords = ENGLISH): string[][] {
  const rows: string[][] = [w.scorecardHeader];
  const visit = (node: TreeResult, depth: number): void => {
    rows.push([`${indent.repeat(depth)}${node.node.name}`, '', '', '', w.percent(node.score), '', depth === 0 ? '' : w.percent(node.contribution)]);
    for (const k of node.kpis) rows.push(kpiCells(section, k, `${indent.repeat(depth + 1)}${k.kpi.name}`, w));
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(section.result, 0);
  return rows;
}

const kpiCells = (section: ScorecardSection, k: TreeKpiResult, label: string, w: ReportWords): string[] => [
  label,
  section.sources[k.kpi.id] ?? '',
  inUnit(k.actual, k.kpi.unit, w),
  inUnit(k.kpi.target, k.kpi.unit, w),
  w.percent(k.achievement),
  k.status === null ? (k.actual === null ? w.noData : '') : (w.status[k.status] ?? k.status),
  w.percent(k.contribution),
];

/** The names a note speaks of: its scorecard's and its KPI's. */
function noteNames(section: ScorecardSection, note: ScorecardNote): { scorecard: string; kpi: string } {
  const all = (r: TreeResult): TreeResult[] => [r, ...r.children.flatMap(all)];
  const card = all(section.result).find((r) => r.node.id === note.scorecardId);
  const kpi = all(section.result).flatMap((r) => r.kpis).find((k) => k.kpi.id === note.kpiId);
  return { scorecard: card?.node.name ?? note.scorecardId, kpi: kpi?.kpi.name ?? note.kpiId ?? '' };
}

/** The lines around the table: title, pillars, pay of person-level scorecards, notes. */
export function scorecardSummary(section: ScorecardSection, w: ReportWords = ENGLISH): { title: string; lines: string[] } {
  const card = section.result.node;
  const about = [card.level && w.level(card.level), card.owner && w.owner(card.owner)].filter(Boolean).join(', ');
  const all = (r: TreeResult): TreeResult[] => [r, ...r.children.flatMap(all)];
  const review = (id: string) => section.reviews.pay.find((r) => r.scorecardId === id)?.notes.map((n) => n.signal);
  const pay = all(section.result)
    .filter((r) => r.payout !== null)
    .map((r) => `${w.pay(r.node.name, w.amount(r.payout!))}${review(r.node.id) ? ` (${w.reviewBeforePaying}: ${review(r.node.id)!.join(', ')})` : ''}`);
  const kpiName = (id: string) => kpisOfTree(section.tree.root).find((kpi) => kpi.id === id)?.name ?? id;
  const reviews = section.reviews.kpis.flatMap((r) => r.notes.map((note) => `KPI "${kpiName(r.kpiId)}": ${note.message}`));
  return {
    title: w.scorecardTitle(card.name, about, section.file),
    lines: [pillarsLine(section.result.pillars, w), ...pay, ...reviews, ...section.notes.map((note) => w.note(note, noteNames(section, note)))],
  };
}

/** The scorecard as terminal text. */
export function renderScorecard(section: ScorecardSection, w: ReportWords = ENGLISH): string[] {
  const { title, lines } = scorecardSummary(section, w);
  return [title, ...table(scorecardRows(section, '  ', w), 'llrrrlr'), ...lines.map((line) => `  ${line}`), ...w.scorecardNotes];
}

/** The scorecard for `--json`: per node its score, part of the score, pillars, payout and KPIs; the notes. */
export function scorecardJson(section: ScorecardSection) {
  const node = (r: TreeResult): Record<string, unknown> => ({
    id: r.node.id,
    name: r.node.name,
    kind: r.node.kind,
    score: r.score,
    contribution: r.contribution,
    pillars: r.pillars,
    payout: r.payout,
    kpis: r.kpis.map((k) => ({ id: k.kpi.id, name: k.kpi.name, source: section.sources[k.kpi.id] ?? null, unit: k.kpi.unit, target: k.kpi.target, actual: k.actual, score: k.score, achievement: k.achievement, status: k.status, contribution: k.contribution })),
    children: r.children.map(node),
  });
  return { file: section.file, root: node(section.result), notes: section.notes, reviews: section.reviews };
}
