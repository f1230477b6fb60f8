import { COUNT_HEADERS, countCells, DATA_QUALITY_NOTE, dataQualityRows, formatCount, formatHours, inputRows, formatPercent, MONTH_NOTE, pillarRows, tatCells } from './text';
import { MARKET_NOTES, olaRows, olaSummary, olaTitle, statementRows, totalRows } from './market';
import type { MonthRow, ReportResult } from './result';
import { SCORECARD_NOTES, scorecardRows, scorecardSummary, type ScorecardSection } from './scorecard';
import { flaggedExamples, signalNotes, signalTables } from './signals';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/**
 * Every text that reaches the page goes through here: file names and field values come from the input.
 * @internal Exported for its tests.
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const row = (cells: string[], tag = 'td') => `<tr>${cells.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
const table = (header: string[], rows: string[][]) =>
  `<table><thead>${row(header, 'th')}</thead><tbody>${rows.map((r) => row(r)).join('')}</tbody></table>`;

const CHART = { height: 160, bar: 16, gap: 6, left: 40, bottom: 40, top: 10 };

/** Monthly compliance as bars on a 0-100% scale, each labelled with its month, and the year where it changes. */
function complianceChart(months: readonly MonthRow[]): string {
  const { height, bar, gap, left, bottom, top } = CHART;
  const width = left + months.length * (bar + gap) + gap;
  const y = (share: number) => (top + height * (1 - share)).toFixed(1);
  const grid = [0, 0.5, 1]
    .map((share) => `<line x1="${left}" x2="${width}" y1="${y(share)}" y2="${y(share)}" class="grid"/><text x="${left - 6}" y="${y(share)}" dy="4" class="axis" text-anchor="end">${share * 100}%</text>`)
    .join('');
  const bars = months
    .map((m, i) => {
      const x = left + gap + i * (bar + gap);
      const [year, month] = m.month.split('-');
      const yearLabel = i === 0 || !months[i - 1].month.startsWith(year) ? `<text x="${x}" y="${top + height + 30}" class="axis">${escapeHtml(year)}</text>` : '';
      const tip = `<title>${escapeHtml(`${m.month}: ${formatPercent(m.compliance)} (${m.met} met of ${m.met + m.breached + m.ongoingBreached})`)}</title>`;
      const shape = m.compliance === null ? '' : `<rect x="${x}" y="${y(m.compliance)}" width="${bar}" height="${(height * m.compliance).toFixed(1)}" class="bar">${tip}</rect>`;
      return `${shape}<text x="${x + bar / 2}" y="${top + height + 14}" class="axis" text-anchor="middle">${escapeHtml(month)}</text>${yearLabel}`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top + height + bottom}" role="img" aria-label="SLA compliance per month">${grid}${bars}</svg>`;
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse}th,td{padding:.2rem .7rem;border-bottom:1px solid #ddd;text-align:right}th:first-child,td:first-child{text-align:left}
.summary td{text-align:left}.big{font-size:2rem;font-weight:600}.note{color:#666}
.grid{stroke:#ccc}.axis{font-size:11px;fill:#666}.bar{fill:#2a7ab0}`;

/** The scorecard built from the report: its table (names indented by level), pillars, pay and notes. */
function scorecardHtml(section: ScorecardSection): string {
  const { title, lines } = scorecardSummary(section);
  const [header, ...rows] = scorecardRows(section, '\u00a0\u00a0\u00a0\u00a0');
  return `<h2>${escapeHtml(title)}</h2>
${table(header, rows)}
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<p class="note">${escapeHtml(SCORECARD_NOTES.join(' '))}</p>`;
}

/** The Internal market section: statement, totals, an OLA table per service, notes. */
function marketHtml(m: NonNullable<ReportResult['internalMarket']>): string {
  const [header, ...lines] = statementRows(m);
  const totals = (who: 'Customer' | 'Provider', rows: typeof m.totals.customers) => {
    const [h, ...r] = totalRows(m, who, rows);
    return `<h3>${escapeHtml(`Totals per ${who.toLowerCase()}`)}</h3>\n${table(h, r)}`;
  };
  const ola = m.ola.map((s) => {
    const [h, ...r] = olaRows(s);
    return `<h3>${escapeHtml(olaTitle(s))}</h3>\n${table(h, r)}\n<p>${escapeHtml(olaSummary(s))}</p>`;
  });
  return `<h2>${escapeHtml(`Internal market: statement (${m.currency})`)}</h2>
${table(header, lines)}
${totals('Customer', m.totals.customers)}
${totals('Provider', m.totals.providers)}
${ola.join('\n')}
<p class="note">${escapeHtml(MARKET_NOTES.join(' '))}</p>`;
}

/** The report as one self-contained HTML page: no scripts, styles or images from elsewhere. */
export function renderHtml(r: ReportResult, scorecard?: ScorecardSection): string {
  const { input, overall } = r;
  const summary = [['Input', input.source], ...inputRows(r)];
  const tat = overall.tat
    ? `TAT: median ${formatHours(overall.tat.medianHours)} h, p90 ${formatHours(overall.tat.p90Hours)} h (working hours over ${formatCount(overall.tat.cycles)} completed cycles)`
    : 'TAT: n/a (no completed cycles)';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(`SLA report: ${input.source}`)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(`SLA report: ${input.source}`)}</h1>
<table class="summary"><tbody>${summary.map((cells) => row(cells)).join('')}</tbody></table>
<h2>Speed: SLA compliance</h2>
<p><span class="big">${escapeHtml(formatPercent(overall.compliance))}</span> met within goal</p>
${table(COUNT_HEADERS, [countCells(overall)])}
<p>${escapeHtml(tat)}</p>
<h2>Accuracy${r.satisfaction ? ' and satisfaction' : ''}</h2>
${table(['Measure', 'Value', 'Basis'], pillarRows(r))}
<h2>Per policy goal</h2>
${table(['Policy', 'Goal', ...COUNT_HEADERS, 'TAT median h', 'TAT p90 h'], r.byGoal.map((g) => [g.policy, g.goal, ...countCells(g), ...tatCells(g.tat)]))}
${r.byField.map(({ field, rows }) => `<h2>${escapeHtml(`Per ${field}`)}</h2>
${table([field, 'Goal', ...COUNT_HEADERS, 'TAT median h', 'TAT p90 h'], rows.map((g) => [g.value || '(none)', g.goals.join(', '), ...countCells(g), ...tatCells(g.tat)]))}`).join('\n')}
<h2>Per month</h2>
${complianceChart(r.byMonth)}
${table(['Month', ...COUNT_HEADERS], r.byMonth.map((g) => [g.month, ...countCells(g)]))}
<p class="note">${escapeHtml(`Compliance = met / (met + breached + open late). ${MONTH_NOTE} TAT = working hours on the clock (pauses excluded) of completed cycles.`)}</p>
${signalTables(r).map(({ title, header, rows }) => `<h2>${escapeHtml(title)}</h2>
${table(header, rows)}`).join('\n')}
${flaggedExamples(r).map((line) => `<p>${escapeHtml(`Examples: ${line}`)}</p>`).join('\n')}
<p class="note">${escapeHtml(signalNotes(r).join(' '))}</p>
${r.internalMarket ? marketHtml(r.internalMarket) : ''}
<h2>Data quality</h2>
${table(['Measure', 'Value'], dataQualityRows(r))}
<p class="note">${escapeHtml(DATA_QUALITY_NOTE)}</p>
${scorecard ? scorecardHtml(scorecard) : ''}
</body></html>
`;
}
