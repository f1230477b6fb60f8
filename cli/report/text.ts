import type { ComplianceCounts } from '../../core/sla';
import { formatCount, formatPercent } from './format';
import type { ReportResult, TatSummary } from './result';
import { flaggedExamples, signalNotes, signalTables } from './signals';

const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export { formatCount, formatPercent } from './format';
export const formatHours = (hours: number | undefined): string => (hours === undefined ? 'n/a' : oneDecimal.format(hours));

export const COUNT_HEADERS = ['Met', 'Breached', 'Open late', 'Open on time', 'Compliance'];
export const countCells = (c: ComplianceCounts): string[] => [
  formatCount(c.met),
  formatCount(c.breached),
  formatCount(c.ongoingBreached),
  formatCount(c.ongoing),
  formatPercent(c.compliance),
];

export const tatCells = (tat: TatSummary | null): string[] => [formatHours(tat?.medianHours), formatHours(tat?.p90Hours)];

export const MONTH_NOTE = 'A cycle counts in the month it stopped; an open one in the month it is (or was) due.';

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

/** A share as a percentage, or an iNPS score (−100..100) to one decimal. */
const formatScore = (score: number | null): string => (score === null ? 'n/a' : oneDecimal.format(score));

/** The accuracy and satisfaction lines: label, figure, note. */
export function pillarRows(r: ReportResult): string[][] {
  const { accuracy, satisfaction } = r;
  const rows = [['First time right', formatPercent(accuracy.firstTimeRight), `${formatCount(accuracy.resolved - accuracy.reopened)} of ${formatCount(accuracy.resolved)} resolved tickets never reopened`]];
  if (satisfaction) {
    const answers = `${formatCount(satisfaction.answers)} rated tickets`;
    rows.push(
      satisfaction.scale === '1-5'
        ? ['CSAT', formatPercent(satisfaction.csat), `share of 4 and 5 on 1-5, ${answers}`]
        : ['iNPS', formatScore(satisfaction.inps), `% 9-10 minus % 0-6 on 0-10, ${answers}`],
    );
  }
  return rows;
}

const listed = (values: readonly string[]): string => (values.length === 0 ? 'none' : values.join(', '));

/** The Data quality lines: what was read and each correction made, counted (docs/CLI-INPUT.md). */
export function dataQualityRows({ dataQuality: q }: ReportResult): string[][] {
  return [
    ['Rows read', formatCount(q.rows)],
    ['Tickets', formatCount(q.tickets)],
    ['Rows reordered', formatCount(q.rowsReordered)],
    ['Times corrected', formatCount(q.timesCorrected)],
    ['Blank statuses skipped', formatCount(q.blankStatusesSkipped)],
    ['Statuses no policy names', listed(q.statusesNoPolicyNames)],
    ['Mapped fields never filled', listed(q.mappedFieldsNeverFilled)],
    ['Policy fields not mapped', listed(q.policyFieldsNotMapped)],
  ];
}

export const DATA_QUALITY_NOTE =
  "A row out of its ticket's order is put in place; a time before the previous row's (or the creation) is taken at that time; a blank status is skipped.";

/** The Input lines: tickets, events, period, as-of, policies, zone (the text report and the HTML page). */
export function inputRows(r: ReportResult): string[][] {
  const { input } = r;
  return [
    ['Tickets', `${formatCount(input.tickets)} (${formatCount(r.ticketsMeasured)} under a policy, ${formatCount(r.cycles)} SLA cycles)`],
    ['Events', formatCount(input.events)],
    ['Period', `${input.firstEvent} to ${input.lastEvent}`],
    ['As of', `${input.asOf}${input.asOfIsLatestEvent ? ' (the latest event)' : ''}`],
    ['Policies', r.policies.map((p) => `${p.name} (${p.id})`).join(', ')],
    ['Time zone', r.timeZone],
  ];
}

/** The report as terminal text: input summary, speed (compliance, TAT), accuracy, satisfaction, the groupings. */
export function renderReport(r: ReportResult): string {
  const { input, overall } = r;
  const tatNote = `working hours, ${formatCount(overall.tat?.cycles ?? 0)} completed cycles`;
  const lines = [
    `SLA report: ${input.source}`,
    '',
    'Input',
    ...table(inputRows(r), 'll'),
    '',
    'Speed: SLA compliance',
    ...table(
      [
        ['Compliance', formatPercent(overall.compliance), 'met / (met + breached + open late)'],
        ...COUNT_HEADERS.slice(0, -1).map((header, i) => [header, countCells(overall)[i], '']),
        ['TAT median', formatHours(overall.tat?.medianHours), tatNote],
        ['TAT p90', formatHours(overall.tat?.p90Hours), tatNote],
      ],
      'lrl',
    ),
    '',
    r.satisfaction ? 'Accuracy and satisfaction' : 'Accuracy',
    ...table(pillarRows(r), 'lrl'),
    '',
    'Per policy goal',
    ...table(
      [['Policy', 'Goal', ...COUNT_HEADERS, 'TAT median h', 'TAT p90 h'], ...r.byGoal.map((g) => [g.policy, g.goal, ...countCells(g), ...tatCells(g.tat)])],
      'llrrrrrrr',
    ),
    ...r.byField.flatMap(({ field, rows }) => [
      '',
      `Per ${field}`,
      ...table(
        [[field.charAt(0).toUpperCase() + field.slice(1), 'Goal', ...COUNT_HEADERS, 'TAT median h', 'TAT p90 h'], ...rows.map((g) => [g.value || '(none)', g.goals.join(', '), ...countCells(g), ...tatCells(g.tat)])],
        'llrrrrrrr',
      ),
    ]),
    '',
    'Per month',
    ...table([['Month', ...COUNT_HEADERS], ...r.byMonth.map((g) => [g.month, ...countCells(g)])], 'lrrrrr'),
    ...signalTables(r).flatMap(({ title, header, rows }) => ['', title, ...table([header, ...rows], 'llrrrrl')]),
    ...flaggedExamples(r).map((line) => `  Examples: ${line}`),
    ...signalNotes(r).map((line) => `  ${line}`),
    '',
    'Data quality',
    ...table(dataQualityRows(r), 'll'),
    '',
    MONTH_NOTE,
    'TAT counts the working hours on the clock (pauses excluded) of completed cycles.',
    'First time right counts tickets that reached a stop status and never left it.',
    DATA_QUALITY_NOTE,
  ];
  return `${lines.join('\n')}\n`;
}
