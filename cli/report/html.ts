import { countCells, dataQualityRows, groupHeader, inputRows, pillarRows, tatCells } from './text';
import type { MonthRow, ReportResult } from './result';
import { scorecardRows, scorecardSummary, type ScorecardSection } from './scorecard';
import { ENGLISH, type ReportWords } from './words';
import { olaRows, olaSummary, olaTitle, statementRows, totalRows } from './market';
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
function complianceChart(months: readonly MonthRow[], w: ReportWords): string {
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
      const tip = `<title>${escapeHtml(w.chartTip(w.monthName(m.month), w.percent(m.compliance), w.count(m.met), w.count(m.met + m.breached + m.ongoingBreached)))}</title>`;
      const shape = m.compliance === null ? '' : `<rect x="${x}" y="${y(m.compliance)}" width="${bar}" height="${(height * m.compliance).toFixed(1)}" class="bar">${tip}</rect>`;
      return `${shape}<text x="${x + bar / 2}" y="${top + height + 14}" class="axis" text-anchor="middle">${escapeHtml(month)}</text>${yearLabel}`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top + height + bottom}" role="img" aria-label="${escapeHtml(w.chartLabel)}">${grid}${bars}</svg>`;
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse}th,td{padding:.2rem .7rem;border-bottom:1px solid #ddd;text-align:right}th:first-child,td:first-child{text-align:left}
.summary td{text-align:left}.big{font-size:2rem;font-weight:600}.note{color:#666}
.grid{stroke:#ccc}.axis{font-size:11px;fill:#666}.bar{fill:#2a7ab0}`;

/** The scorecard built from the report: its table (names indented by level), pillars, pay and notes. */
function scorecardHtml(section: ScorecardSection, w: ReportWords): string {
  const { title, lines } = scorecardSummary(section, w);
  const [header, ...rows] = scorecardRows(section, '\u00a0\u00a0\u00a0\u00a0', w);
  return `<h2>${escapeHtml(title)}</h2>
${table(header, rows)}
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<p class="note">${escapeHtml(w.scorecardNotes.join(' '))}</p>`;
}

/** The Internal market section: statement, totals, an OLA table per service, notes. */
function marketHtml(m: NonNullable<ReportResult['internalMarket']>, w: ReportWords): string {
  const [header, ...lines] = statementRows(m, w);
  const totals = (title: string, who: 'customer' | 'provider', rows: typeof m.totals.customers) => {
    const [h, ...r] = totalRows(m, who, rows, w);
    return `<h3>${escapeHtml(title)}</h3>\n${table(h, r)}`;
  };
  const ola = m.ola.map((s) => {
    const [h, ...r] = olaRows(s, w);
    return `<h3>${escapeHtml(olaTitle(s, w))}</h3>\n${table(h, r)}\n<p>${escapeHtml(olaSummary(s, w))}</p>`;
  });
  return `<h2>${escapeHtml(w.market.title(m.currency, null))}</h2>
${table(header, lines)}
${totals(w.market.customerTotals, 'customer', m.totals.customers)}
${totals(w.market.providerTotals, 'provider', m.totals.providers)}
${ola.join('\n')}
<p class="note">${escapeHtml(w.market.notes.join(' '))}</p>`;
}

/** The report as one self-contained HTML page: no scripts, styles or images from elsewhere. */
export function renderHtml(r: ReportResult, scorecard?: ScorecardSection, w: ReportWords = ENGLISH): string {
  const { input, overall } = r;
  const summary = [[w.input, input.source], ...inputRows(r, w)];
  const tat = overall.tat ? w.tatLine(w.hours(overall.tat.medianHours), w.hours(overall.tat.p90Hours), w.count(overall.tat.cycles)) : w.tatNone;
  return `<!doctype html>
<html lang="${w.language}"><head><meta charset="utf-8"><title>${escapeHtml(w.title(input.source))}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(w.title(input.source))}</h1>
<table class="summary"><tbody>${summary.map((cells) => row(cells)).join('')}</tbody></table>
<h2>${escapeHtml(w.speed)}</h2>
<p><span class="big">${escapeHtml(w.percent(overall.compliance))}</span> ${escapeHtml(w.metWithinGoal)}</p>
${table(w.countHeaders, [countCells(overall, w)])}
<p>${escapeHtml(tat)}</p>
<h2>${escapeHtml(r.satisfaction ? w.accuracyAndSatisfaction : w.accuracy)}</h2>
${table([w.measure, w.value, w.basis], pillarRows(r, w))}
<h2>${escapeHtml(w.perGoal)}</h2>
${table(groupHeader(w.policy, w), r.byGoal.map((g) => [g.policy, g.goal, ...countCells(g, w), ...tatCells(g.tat, w)]))}
${r.byField.map(({ field, rows }) => `<h2>${escapeHtml(w.per(field))}</h2>
${table(groupHeader(field, w), rows.map((g) => [g.value || w.noValue, g.goals.join(', '), ...countCells(g, w), ...tatCells(g.tat, w)]))}`).join('\n')}
<h2>${escapeHtml(w.perMonth)}</h2>
${complianceChart(r.byMonth, w)}
${table([w.month, ...w.countHeaders], r.byMonth.map((g) => [w.monthName(g.month), ...countCells(g, w)]))}
<p class="note">${escapeHtml(`${w.complianceFootnote} ${w.monthNote} ${w.tatDefinition}`)}</p>
${signalTables(r, w).map(({ title, header, rows }) => `<h2>${escapeHtml(title)}</h2>
${table(header, rows)}`).join('\n')}
${flaggedExamples(r, w).map((line) => `<p>${escapeHtml(`${w.signals.examples}: ${line}`)}</p>`).join('\n')}
<p class="note">${escapeHtml(signalNotes(r, w).join(' '))}</p>
${r.internalMarket ? marketHtml(r.internalMarket, w) : ''}
<h2>${escapeHtml(w.dataQuality)}</h2>
${table([w.measure, w.value], dataQualityRows(r, w))}
<p class="note">${escapeHtml(w.dataQualityNote)}</p>
${scorecard ? scorecardHtml(scorecard, w) : ''}
</body></html>
`;
}
