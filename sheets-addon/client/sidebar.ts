import type { ReportKpi, ReportNode, ScorecardReport } from '../src/scorecard/report';
import { translate, type Language, type MessageKey } from '../src/i18n';
import { callServer, el, svg } from './gas';

/** The scorecard sidebar: asks the server for the evaluated scorecard and draws it with DOM nodes and textContent. */

type Report = ScorecardReport & { language: Language };
let language: Language = 'en';
let report: Report | null = null;
const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
const root = document.getElementById('app')!;

/**
 * Every number of the panel in the panel's language, one locale for all of them: `88,0%`, `22,13 giờ` and
 * `10.000.000` in Vietnamese, `88.0%`, `22.13 h` and `10,000,000` in English (never a decimal point beside vi grouping).
 */
const numberLocale = () => (language === 'vi' ? 'vi-VN' : 'en-US');
const formatted = (value: number, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(numberLocale(), options).format(value);
const percent = (value: number | null) => (value === null ? '–' : formatted(value, { style: 'percent', maximumFractionDigits: 0 }));
const formatValue = (value: number | null, unit: string) =>
  value === null
    ? '–'
    : unit === '%'
      ? formatted(value, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })
      : `${formatted(value, { maximumFractionDigits: 2 })} ${unit}`;
const money = (value: number) => formatted(Math.round(value), { maximumFractionDigits: 0 });
const statusText = (status: string | null, greyed = false) => (greyed ? t('greyed') : status ? t(status as MessageKey) : t('notScored'));

/** A small sparkline of the KPI's history, oldest first; none for fewer than two points. Named by its values. */
function trendChart(kpi: string, values: number[], unit: string, status: string | null): SVGElement | null {
  if (values.length < 2) return null;
  const [width, height, pad] = [120, 32, 3];
  const low = Math.min(...values);
  const span = Math.max(...values) - low || 1;
  const points = values.map((v, i) => `${(pad + (i * (width - 2 * pad)) / (values.length - 1)).toFixed(1)},${(height - pad - ((v - low) / span) * (height - 2 * pad)).toFixed(1)}`);
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'trend', role: 'img' });
  chart.setAttribute('aria-label', t('trendLabel', { kpi, values: values.map((v) => formatValue(v, unit)).join(', ') }));
  chart.append(svg('polyline', { points: points.join(' '), fill: 'none', class: `line ${status ?? ''}`, 'stroke-width': 2 }));
  const [x, y] = points[points.length - 1].split(',');
  chart.append(svg('circle', { cx: x, cy: y, r: 3, class: `dot ${status ?? ''}` }));
  return chart;
}

function bar(label: string, value: number | null): HTMLElement {
  const width = value === null ? 0 : Math.min(100, Math.round((value / 1.2) * 100));
  return el('div', { class: 'bar' }, el('span', { class: 'bar-label' }, label), el('span', { class: 'bar-track' }, el('span', { class: 'bar-fill', style: `width:${width}%` })), el('span', { class: 'bar-value' }, percent(value)));
}

const nodeName = (node: ReportNode) => (node.perspective ? t(node.perspective) : node.name);
const methodName = (kpi: ReportKpi) => t(`method-${kpi.method}` as MessageKey);

/** A KPI in the tree: name, scoring method, value scored, achievement and RAG; named for assistive technology as it reads. */
function treeKpi(kpi: ReportKpi): HTMLElement {
  const status = statusText(kpi.status);
  const label = t('treeKpiLabel', { name: kpi.name, method: methodName(kpi), actual: formatValue(kpi.actual, kpi.unit), score: percent(kpi.achievement), status });
  return el(
    'li',
    { class: 'tree-kpi', 'aria-label': label },
    el('span', { class: `dot ${kpi.status ?? 'none'}`, 'aria-hidden': 'true' }),
    el('span', { class: 'tree-name' }, kpi.name),
    el('span', { class: 'method' }, methodName(kpi)),
    el('span', { class: 'tree-score' }, percent(kpi.achievement)),
    el('span', { class: `rag ${kpi.status ?? 'none'}` }, status),
  );
}

/** A container in the tree, with its KPIs and children nested in a list one level deeper. */
function treeNode(node: ReportNode): HTMLElement {
  const name = nodeName(node);
  const status = statusText(node.status, node.greyed);
  const kind = t(`kind-${node.kind}` as MessageKey);
  const pay = node.payout === null ? '' : t('payoutShort', { payout: money(node.payout) });
  const label = t('treeNodeLabel', { name, kind, score: percent(node.score), status }) + (pay ? `, ${pay}` : '');
  const items = [...node.kpis.map(treeKpi), ...node.children.map(treeNode)];
  return el(
    'li',
    { class: `tree-node ${node.kind}`, 'data-node': node.id, 'aria-label': label },
    el(
      'div',
      { class: 'node-row' },
      el('span', { class: 'tree-name' }, name),
      el('span', { class: 'kind' }, node.owner ? `${kind} · ${node.owner}` : kind),
      el('span', { class: 'tree-score' }, percent(node.score)),
      el('span', { class: `rag ${node.greyed ? 'none' : node.status ?? 'none'}` }, status),
    ),
    pay ? el('div', { class: 'node-pay' }, pay) : null,
    items.length ? el('ul', { class: 'tree-children' }, ...items) : null,
  );
}

/** A gaming signal named on a KPI of the pay line: review before paying, with the example tickets. */
function payReviewText(note: Report['payouts'][number]['review'][number]): string {
  const values = { signal: note.signal, name: t(`signal-${note.signal}`), kpi: note.kpi, examples: note.examples.join(', ') };
  return t(note.examples.length ? 'payReviewExamples' : 'payReview', values);
}

function payouts(r: Report): HTMLElement | null {
  if (r.payouts.length === 0) return null;
  const head = el('tr', {}, ...['payPerson', 'payScore', 'payBase', 'payAmount'].map((key) => el('th', { scope: 'col' }, t(key as MessageKey))));
  const rows = r.payouts.flatMap((p) => [
    el('tr', { 'data-scorecard': p.scorecard }, el('th', { scope: 'row' }, p.owner ?? p.scorecard), el('td', {}, percent(p.score)), el('td', {}, money(p.base)), el('td', { class: 'pay' }, p.payout === null ? '–' : money(p.payout))),
    ...p.review.map((note) => el('tr', { class: 'pay-review' }, el('td', { colspan: '4' }, payReviewText(note)))),
  ]);
  return el('table', { class: 'payouts' }, el('caption', {}, t('payouts')), el('thead', {}, head), el('tbody', {}, ...rows));
}

function render(): void {
  if (!report) return;
  document.documentElement.lang = language;
  const r = report;
  const tiles = r.kpis.map((k) =>
    el(
      'div',
      { class: `tile ${k.status ?? 'none'}`, 'data-kpi': k.name },
      el('div', { class: 'tile-head' }, el('span', { class: 'kpi-name' }, k.name), el('span', { class: `rag ${k.status ?? 'none'}` }, statusText(k.status))),
      el('div', { class: 'tile-body' }, el('span', { class: 'actual' }, formatValue(k.actual, k.unit)), el('span', { class: 'score' }, percent(k.achievement))),
      el('div', { class: 'tile-foot' }, `${t('target')} ${formatValue(k.target, k.unit)} · ${methodName(k)}${k.source === 'carried' ? ` · ${t('carried')}` : ''}`, trendChart(k.name, k.trend, k.unit, k.status)),
    ),
  );
  const alerts = r.alerts.length
    ? r.alerts.map((a) => {
        const unit = (name: string) => r.kpis.find((k) => k.name === name)?.unit ?? '';
        const [kpiUnit, guardUnit] = [unit(a.kpi), unit(a.guard)];
        const values = {
          kpi: a.kpi,
          guard: a.guard,
          kpiPrevious: formatValue(a.kpiPrevious, kpiUnit),
          kpiCurrent: formatValue(a.kpiCurrent, kpiUnit),
          guardPrevious: formatValue(a.guardPrevious, guardUnit),
          guardCurrent: formatValue(a.guardCurrent, guardUnit),
        };
        return el('li', { class: 'alert' }, t(a.code === 'SPEED_UP_QUALITY_DOWN' ? 'alertSpeed' : 'alertVolume', values));
      })
    : [el('li', { class: 'no-alerts' }, t('noAlerts'))];
  const notes = r.notes.map((n) => el('li', { class: 'note', 'data-code': n.code }, t(`note-${n.code}` as MessageKey, { scorecard: n.scorecard, kpi: n.kpi, count: n.count })));
  const sections: (HTMLElement | null)[] = [
    el('header', {}, el('h1', {}, r.title), el('button', { id: 'language', type: 'button' }, t('language'))),
    el('section', { class: 'overall' }, el('span', { class: 'overall-label' }, t('overall')), el('span', { id: 'overall', class: 'overall-value' }, percent(r.overall))),
    el('h2', {}, t('perspectives')),
    el('section', { class: 'perspectives' }, ...r.perspectives.map((p) => bar(p.perspective ? t(p.perspective) : p.name, p.score))),
    el('h2', {}, t('balance')),
    el('section', { class: 'pillars' }, bar(t('speed'), r.pillars.speed), bar(t('accuracy'), r.pillars.accuracy), bar(t('satisfaction'), r.pillars.satisfaction)),
    el('h2', { id: 'tree-heading' }, t('tree')),
    el('ul', { class: 'tree', 'aria-labelledby': 'tree-heading' }, treeNode(r.tree)),
    payouts(r),
    el('h2', {}, t('alerts')),
    el('ul', { class: 'alerts' }, ...alerts),
    notes.length ? el('h2', { id: 'notes-heading' }, t('notes')) : null,
    notes.length ? el('ul', { class: 'notes', 'aria-labelledby': 'notes-heading' }, ...notes) : null,
    el('h2', {}, t('kpis')),
    el('section', { class: 'tiles' }, ...tiles),
    el('button', { id: 'refresh', type: 'button' }, t('refresh')),
  ];
  root.replaceChildren(...sections.filter((section): section is HTMLElement => section !== null));
  document.getElementById('language')!.addEventListener('click', () => {
    language = language === 'vi' ? 'en' : 'vi';
    render();
  });
  document.getElementById('refresh')!.addEventListener('click', load);
}

function showError(error: Error): void {
  root.replaceChildren(el('div', { class: 'error', role: 'alert' }, el('strong', {}, t('error')), el('p', {}, error.message)), el('button', { id: 'refresh', type: 'button' }, t('refresh')));
  document.getElementById('refresh')!.addEventListener('click', load);
}

/** The first load answers in the user's locale; later ones in the language the page shows. */
function load(): void {
  root.replaceChildren(el('p', { class: 'loading' }, t('loading')));
  callServer<Report>('getScorecard', ...(report ? [language] : [])).then((value) => {
    report = value;
    language = value.language;
    render();
  }, showError);
}

load();
