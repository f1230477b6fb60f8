import type { ComplianceCounts } from '../core/sla/compliance';
import type { ReportResult, TatSummary } from './run';

const integer = new Intl.NumberFormat('en-US');
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatCount = (n: number): string => integer.format(n);
/** A share as a percentage to one decimal; "n/a" when nothing was measurable. */
export const formatPercent = (share: number | null): string => (share === null ? 'n/a' : `${(share * 100).toFixed(1)}%`);
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
function table(rows: string[][], align: string): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return rows.map((row) => `  ${line(row)}`);
}

/** The report as terminal text: input summary, compliance overall, per impact and per month, TAT. */
export function renderReport(r: ReportResult): string {
  const { input, overall } = r;
  const asOfNote = input.asOfIsLatestEvent ? ' (the latest event)' : '';
  const tatNote = `working hours, ${formatCount(overall.tat?.cycles ?? 0)} completed cycles`;
  const lines = [
    `SLA report: ${input.source}`,
    '',
    'Input',
    ...table(
      [
        ['Tickets', `${formatCount(input.tickets)} (${formatCount(r.ticketsMeasured)} under a policy, ${formatCount(r.cycles)} SLA cycles)`],
        ['Events', formatCount(input.events)],
        ['Period', `${input.firstEvent} to ${input.lastEvent}`],
        ['As of', `${input.asOf}${asOfNote}`],
        ['Policies', r.policies.map((p) => `${p.name} (${p.id})`).join(', ')],
        ['Time zone', r.timeZone],
      ],
      'll',
    ),
    '',
    'SLA compliance',
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
    'Per impact',
    ...table(
      [
        ['Impact', 'Goal', ...COUNT_HEADERS, 'TAT median h', 'TAT p90 h'],
        ...r.byImpact.map((g) => [g.impact || '(none)', g.goals.join(', '), ...countCells(g), ...tatCells(g.tat)]),
      ],
      'llrrrrrrr',
    ),
    '',
    'Per month',
    ...table([['Month', ...COUNT_HEADERS], ...r.byMonth.map((g) => [g.month, ...countCells(g)])], 'lrrrrr'),
    '',
    MONTH_NOTE,
    'TAT counts the working hours on the clock (pauses excluded) of completed cycles.',
  ];
  return `${lines.join('\n')}\n`;
}
