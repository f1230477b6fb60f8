import type { ComplianceCounts } from '../../core/sla';
import type { ReportResult, TatSummary } from './result';
import { flaggedExamples, signalNotes, signalTables } from './signals';
import { ENGLISH, type ReportWords } from './words';

export const countCells = (c: ComplianceCounts, w: ReportWords = ENGLISH): string[] => [
  w.count(c.met),
  w.count(c.breached),
  w.count(c.ongoingBreached),
  w.count(c.ongoing),
  w.percent(c.compliance),
];

export const tatCells = (tat: TatSummary | null, w: ReportWords = ENGLISH): string[] => [w.hours(tat?.medianHours), w.hours(tat?.p90Hours)];

/** Indented rows with columns padded to their widest cell; `align` has an `l` or `r` per column. */
export function table(rows: string[][], align: string): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return rows.map((row) => `  ${line(row)}`);
}

/** The accuracy and satisfaction lines: label, figure, note (a share as a percentage, iNPS −100..100 to one decimal). */
export function pillarRows(r: ReportResult, w: ReportWords = ENGLISH): string[][] {
  const { accuracy, satisfaction } = r;
  const rows = [[w.firstTimeRight, w.percent(accuracy.firstTimeRight), w.ftrBasis(w.count(accuracy.resolved - accuracy.reopened), w.count(accuracy.resolved))]];
  if (satisfaction) {
    const answers = w.count(satisfaction.answers);
    rows.push(satisfaction.scale === '1-5' ? ['CSAT', w.percent(satisfaction.csat), w.csatBasis(answers)] : ['iNPS', w.decimal(satisfaction.inps), w.inpsBasis(answers)]);
  }
  return rows;
}

const listed = (values: readonly string[], w: ReportWords): string => (values.length === 0 ? w.none : values.join(', '));

/** The Data quality lines: what was read and each correction made, counted (docs/CLI-INPUT.md). */
export function dataQualityRows({ dataQuality: q }: ReportResult, w: ReportWords = ENGLISH): string[][] {
  return [
    [w.rowsRead, w.count(q.rows)],
    [w.tickets, w.count(q.tickets)],
    [w.rowsReordered, w.count(q.rowsReordered)],
    [w.timesCorrected, w.count(q.timesCorrected)],
    [w.blankStatusesSkipped, w.count(q.blankStatusesSkipped)],
    [w.statusesNoPolicyNames, listed(q.statusesNoPolicyNames, w)],
    [w.mappedFieldsNeverFilled, listed(q.mappedFieldsNeverFilled, w)],
    [w.policyFieldsNotMapped, listed(q.policyFieldsNotMapped, w)],
  ];
}

/** The Input lines: tickets, events, period, as-of, policies, zone (the text report and the HTML page). */
export function inputRows(r: ReportResult, w: ReportWords = ENGLISH): string[][] {
  const { input } = r;
  return [
    [w.tickets, w.ticketsLine(w.count(input.tickets), w.count(r.ticketsMeasured), w.count(r.cycles))],
    [w.events, w.count(input.events)],
    [w.period, w.periodLine(input.firstEvent, input.lastEvent)],
    [w.asOf, `${input.asOf}${input.asOfIsLatestEvent ? w.latestEvent : ''}`],
    [w.policies, r.policies.map((p) => `${p.name} (${p.id})`).join(', ')],
    [w.timeZone, r.timeZone],
  ];
}

/** The per-goal and per-field tables' header: the row's name, the goal, the counts, TAT. */
export const groupHeader = (first: string, w: ReportWords): string[] => [first, w.goal, ...w.countHeaders, w.tatMedianHeader, w.tatP90Header];

/** The report as terminal text: input summary, speed (compliance, TAT), accuracy, satisfaction, the groupings. */
export function renderReport(r: ReportResult, w: ReportWords = ENGLISH): string {
  const { input, overall } = r;
  const tatNote = w.tatNote(w.count(overall.tat?.cycles ?? 0));
  const lines = [
    w.title(input.source),
    '',
    w.input,
    ...table(inputRows(r, w), 'll'),
    '',
    w.speed,
    ...table(
      [
        [w.compliance, w.percent(overall.compliance), w.complianceBasis],
        ...w.countHeaders.slice(0, -1).map((header, i) => [header, countCells(overall, w)[i], '']),
        [w.tatMedian, w.hours(overall.tat?.medianHours), tatNote],
        [w.tatP90, w.hours(overall.tat?.p90Hours), tatNote],
      ],
      'lrl',
    ),
    '',
    r.satisfaction ? w.accuracyAndSatisfaction : w.accuracy,
    ...table(pillarRows(r, w), 'lrl'),
    '',
    w.perGoal,
    ...table([groupHeader(w.policy, w), ...r.byGoal.map((g) => [g.policy, g.goal, ...countCells(g, w), ...tatCells(g.tat, w)])], 'llrrrrrrr'),
    ...r.byField.flatMap(({ field, rows }) => [
      '',
      w.per(field),
      ...table(
        [groupHeader(field.charAt(0).toUpperCase() + field.slice(1), w), ...rows.map((g) => [g.value || w.noValue, g.goals.join(', '), ...countCells(g, w), ...tatCells(g.tat, w)])],
        'llrrrrrrr',
      ),
    ]),
    '',
    w.perMonth,
    ...table([[w.month, ...w.countHeaders], ...r.byMonth.map((g) => [w.monthName(g.month), ...countCells(g, w)])], 'lrrrrr'),
    ...signalTables(r, w).flatMap(({ title, header, rows }) => ['', title, ...table([header, ...rows], 'llrrrrl')]),
    ...flaggedExamples(r, w).map((line) => `  ${w.signals.examples}: ${line}`),
    ...signalNotes(r, w).map((line) => `  ${line}`),
    '',
    w.dataQuality,
    ...table(dataQualityRows(r, w), 'll'),
    '',
    w.monthNote,
    w.tatFootnote,
    w.ftrFootnote,
    w.dataQualityNote,
  ];
  return `${lines.join('\n')}\n`;
}
