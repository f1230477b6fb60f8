/** The scorecard gadget's tree and the admin page's scorecard tree editor, asserted through ForgeReconciler's forgeDoc. */
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConfigProblem } from '../forge-app/src/config/problem';
import { checkConfig } from '../forge-app/src/config/schema';
import type { EditCard } from '../forge-app/src/frontend/scorecard-tree-ops';
import type { ScorecardNodeView } from '../forge-app/src/resolvers/scorecard-node-view';
import { type ForgeDoc, findAll, fire, lastDoc, render, resetUi, textOf, ui } from './helpers/forge-ui';

const { ScorecardGadget } = await import('../forge-app/src/frontend/scorecard-view');
const { ScorecardEditor } = await import('../forge-app/src/frontend/scorecard-editor');
const { ScorecardGadgetEdit } = await import('../forge-app/src/frontend/scorecard-edit-view');
const { AdminPage } = await import('../forge-app/src/frontend/admin-view');

const gadget = (config: Record<string, unknown>, locale = 'en_US') => ({ locale, extension: { gadgetConfiguration: config } });
const NO_PILLARS = { speed: null, accuracy: null, satisfaction: null };
const kpi = (fields: Partial<ScorecardNodeView['kpis'][number]> & Pick<ScorecardNodeView['kpis'][number], 'id' | 'name'>): ScorecardNodeView['kpis'][number] => ({
  unit: '%', pillar: 'other', method: 'ratio', direction: 'higher', target: 100, weight: 1, owner: 'Lan', actual: null, source: null, score: null, achievement: null, status: null, contribution: null, ...fields,
});
const node = (fields: Partial<ScorecardNodeView> & Pick<ScorecardNodeView, 'id' | 'name' | 'kind'>): ScorecardNodeView => ({
  level: null, owner: null, method: 'weighted', weights: 'relative', weight: 1, score: null, greyed: false, contribution: null, pillars: NO_PILLARS, payout: null, alerts: [], kpis: [], children: [], ...fields,
});

/**
 * A department scorecard under the strict policy: the customer perspective scored (SLA by ratio, compliance incidents
 * by goal/red flag with a goal of 0), the accuracy objective greyed because payroll accuracy has no value, and Lan's
 * person-level scorecard with her pay.
 */
const ANSWER = {
  month: '2025-03',
  period: 'month' as const,
  periodKey: '2025-03',
  projects: ['SUP'],
  id: 'backoffice',
  name: 'Back office',
  signals: [],
  reviews: [],
  missing: 'strict' as const,
  overall: null,
  tree: node({
    id: 'backoffice', name: 'Back office', kind: 'scorecard', level: 'department', greyed: true, pillars: { speed: 1.05, accuracy: null, satisfaction: 0.5 },
    children: [
      node({
        id: 'customer', name: 'Customer', kind: 'perspective', score: 0.775, contribution: 0.775,
        kpis: [
          kpi({ id: 'sla', name: 'SLA met', actual: 99.75, target: 95, achievement: 1.05, score: 1.05, status: 'GREEN', pillar: 'speed', contribution: 0.525 }),
          kpi({ id: 'incidents', name: 'Compliance incidents', method: 'goal-red-flag', unit: 'incidents', direction: 'lower', actual: 1, source: 'carried', target: 0, score: 5, achievement: 0.5, status: 'AMBER', pillar: 'satisfaction', contribution: 0.25 }),
        ],
      }),
      node({ id: 'accuracy', name: 'Accuracy', kind: 'objective', greyed: true, kpis: [kpi({ id: 'payroll', name: 'Payroll accuracy', method: 'binary' })] }),
      node({ id: 'lan', name: 'Lan', kind: 'scorecard', level: 'person', owner: 'Nguyễn Thị Lan', weight: 0, score: 0.95, payout: 9_500_000, kpis: [kpi({ id: 'lan-tat', name: 'Turnaround', actual: 7.5, target: 8, direction: 'lower', unit: 'h', achievement: 0.95, score: 0.95, status: 'AMBER', pillar: 'speed' })] }),
    ],
    alerts: [{ code: 'SPEED_UP_QUALITY_DOWN', kpiId: 'sla', guardId: 'incidents', kpiPrevious: 90, kpiCurrent: 99.75, guardPrevious: 0, guardCurrent: 1 }],
  }),
  trend: [{ period: '2025-01', score: 0.9 }, { period: '2025-02', score: null }, { period: '2025-03', score: null }, { period: '2024-12', score: 0.8125 }].sort((a, b) => a.period.localeCompare(b.period)),
  notes: [
    { code: 'TOO_MANY_KPIS' as const, scorecardId: 'lan', kpiId: null, count: 7 },
    { code: 'KPI_WITHOUT_OWNER' as const, scorecardId: 'backoffice', kpiId: 'payroll', count: null },
    { code: 'SPEED_KPI_UNGUARDED' as const, scorecardId: 'lan', kpiId: 'lan-tat', count: null },
  ],
};

/** The head's cells, then each row's (the head's cells sit directly in the table's first wrapper). */
const rowsOf = (table: ForgeDoc) => [table.children[0].children.map(textOf), ...findAll(table, 'Row').map((row) => findAll(row, 'Cell').map(textOf))];

beforeEach(() => resetUi(undefined));

describe('scorecard gadget', () => {
  it('shows the tree: each container with its roll-up and score, each KPI with its method, actual, target, score, part of the score and RAG', async () => {
    resetUi(gadget({ scorecardId: 'backoffice', projects: 'SUP' }), { getScorecard: ANSWER });
    const doc = await render(<ScorecardGadget />);
    // No gadget sources: the scorecard's own (set by the admin) apply.
    expect(ui.invokes[0].payload).toEqual({ scorecardId: 'backoffice', projects: ['SUP'] });
    expect(textOf(findAll(doc, 'Heading')[0])).toBe('Back office · 2025-03');
    const [tree] = findAll(doc, 'DynamicTable');
    const e = '\u2003';
    expect(rowsOf(tree)).toEqual([
      ['Item', 'Method', 'Actual', 'Target', 'Score', 'Part of the score', 'RAG'],
      ['Scorecard: Back office', 'Weighted average', '', '', 'Not scored: data missing', '', ''],
      [`${e}Perspective: Customer`, 'Weighted average', '', '', '77.5%', '77.5%', ''],
      [`${e}${e}SLA met`, 'Ratio to target', '99.75 %', '95 %', '105%', '52.5%', 'GREEN'],
      [`${e}${e}Compliance incidents`, 'Goal / red flag', '1 incidents (carried forward)', '0 incidents', '50%', '25%', 'AMBER'],
      [`${e}Objective: Accuracy`, 'Weighted average', '', '', 'Not scored: data missing', '', ''],
      [`${e}${e}Payroll accuracy`, 'Met or not', '—', '100 %', '—', '', '—'],
      [`${e}Scorecard: Lan`, 'Weighted average', '', '', '95%', '', ''],
      [`${e}${e}Turnaround`, 'Ratio to target', '7.5 h', '8 h', '95%', '', 'AMBER'],
    ]);
    // RAG as lozenges; greyed nodes (strict policy, a KPI below has no value) in the subtlest text colour.
    expect(findAll(tree, 'Lozenge').map((l) => [l.props.appearance, textOf(l)])).toEqual([
      ['default', 'Not scored: data missing'], ['success', 'GREEN'], ['moved', 'AMBER'], ['default', 'Not scored: data missing'], ['moved', 'AMBER'],
    ]);
    expect(findAll(tree, 'Text').filter((t) => t.props.color === 'color.text.subtlest').map(textOf)).toEqual(['Scorecard: Back office', `${e}Objective: Accuracy`, `${e}${e}Payroll accuracy`]);
    expect(textOf(findAll(doc, 'Lozenge')[0])).toBe('Not scored: data missing');
    expect(findAll(doc, 'BarChart')[0].props.data).toEqual([{ pillar: 'Speed', achievement: 105 }, { pillar: 'Accuracy', achievement: 0 }, { pillar: 'Satisfaction', achievement: 50 }]);
    // The trend leaves out periods without a score (greyed under strict here) instead of drawing them as 0.
    const [trend] = findAll(doc, 'LineChart');
    expect([trend.props.title, trend.props.data]).toEqual(['Overall score by period', [{ period: '2024-12', score: 81.3 }, { period: '2025-01', score: 90 }]]);
    expect(textOf(findAll(doc, 'SectionMessage')[0])).toContain('"Lan" has 7 KPIs for one person: focus on the 3-5 that matter most.');
  });

  it('G3: a flagged signal shows per team with its example tickets as links, and as a review note on the pay line of the team that owns it', async () => {
    const signal = (id: 'G1' | 'G3', count: number, of: number, flagged: boolean, examples: string[]) => ({ signal: id, name: id, count, of, share: count / of, threshold: 0.2, flagged, examples });
    const signals = [
      { group: 'Nguyễn Thị Lan', signals: [signal('G1', 0, 25, false, []), signal('G3', 8, 25, true, ['SUP-7', 'SUP-9'])] },
      { group: 'Payroll', signals: [signal('G3', 1, 30, false, ['SUP-2'])] },
    ];
    const note = { signal: 'G3' as const, name: 'last-minute stops', group: 'Nguyễn Thị Lan', examples: ['SUP-7', 'SUP-9'], message: 'Review before paying: G3 last-minute stops (Nguyễn Thị Lan); examples: SUP-7, SUP-9.' };
    resetUi(gadget({ scorecardId: 'backoffice', projects: 'SUP' }), { getScorecard: { ...ANSWER, signals, reviews: [{ scorecardId: 'lan', notes: [note] }] } });
    const doc = await render(<ScorecardGadget />);
    const [, pay, table] = findAll(doc, 'DynamicTable');
    expect(rowsOf(pay)[1]).toEqual(['Lan (Nguyễn Thị Lan)', '95%', '9,500,000', 'Review before paying: G3 Last-minute stops (Nguyễn Thị Lan)SUP-7SUP-9']);
    expect(findAll(pay, 'Link').map((l) => l.props.href)).toEqual(['/browse/SUP-7', '/browse/SUP-9']);
    // Signals without a case are left out; the one flagged says "Review", the other stays within bounds.
    expect(table.props.caption).toBe('Signals of gaming the numbers, per team');
    expect(rowsOf(table).slice(1)).toEqual([
      ['Nguyễn Thị Lan', 'G3 Last-minute stops', '32% (8/25)', 'Review', 'SUP-7SUP-9'],
      ['Payroll', 'G3 Last-minute stops', '3.3% (1/30)', 'Within bounds', 'SUP-2'],
    ]);
    expect(findAll(table, 'Link').map((l) => l.props.href)).toEqual(['/browse/SUP-7', '/browse/SUP-9', '/browse/SUP-2']);
  });

  it('shows the pay of each person-level scorecard, the design notes and the gaming alerts, in Vietnamese', async () => {
    resetUi(gadget({ scorecardId: 'backoffice', projects: 'SUP', sources: 'sla=sla:resolve', month: '2025-03', period: 'quarter' }, 'vi_VN'), { getScorecard: { ...ANSWER, period: 'quarter', periodKey: '2025-Q1' } });
    const doc = await render(<ScorecardGadget />);
    expect(ui.invokes[0].payload).toEqual({ scorecardId: 'backoffice', projects: ['SUP'], sources: { sla: 'sla:resolve' }, month: '2025-03', period: 'quarter' });
    expect(textOf(findAll(doc, 'Heading')[0])).toBe('Back office · Quý I/2025');
    const pay = findAll(doc, 'DynamicTable')[1];
    expect(pay.props.caption).toBe('Lương KPI');
    expect(rowsOf(pay)).toEqual([['Người', 'Điểm', 'Lương KPI chi trả', 'Xem xét trước khi chi trả'], ['Lan (Nguyễn Thị Lan)', '95%', '9.500.000', '—']]);
    expect(rowsOf(findAll(doc, 'DynamicTable')[0])[3]).toEqual(['\u2003\u2003SLA met', 'Tỷ lệ so với chỉ tiêu', '99,75 %', '95 %', '105%', '52,5%', 'Đạt']);
    expect(findAll(doc, 'SectionMessage').map((m) => [m.props.title, textOf(m)])).toEqual([
      ['Lưu ý', '"Lan" có 7 KPI cho một người: hãy tập trung vào 3-5 KPI quan trọng nhất.' +
        'KPI "Payroll accuracy" chưa có người phụ trách: hãy ghi tên người chịu trách nhiệm.' +
        'KPI tốc độ "Turnaround" chưa có chỉ số chất lượng kiểm soát: chỉ đo tốc độ thì dễ chạy theo tốc độ mà hy sinh chất lượng.'],
      ['Có thể đang làm đẹp số liệu', '"SLA met" tốt lên trong khi chỉ số kiểm soát "Compliance incidents" xấu đi.'],
    ]);
  });

  it('the edit view offers the month, quarter, year or year to date and submits the choice', async () => {
    resetUi(gadget({ scorecardId: 'backoffice', projects: 'SUP' }), { getChoices: { policies: [], jsmMetrics: [], scorecards: [{ id: 'backoffice', name: 'Back office', kpis: [] }] } });
    await render(<ScorecardGadgetEdit />);
    const period = findAll(lastDoc(), 'Select').find((s) => idIs(s.props.inputId, 'period'))!;
    expect([period.props.value.value, period.props.options.map((o: { label: string }) => o.label)]).toEqual(['month', ['Month', 'Quarter', 'Year', 'Year to date']]);
    await fire(period.props.onChange, { label: 'Year to date', value: 'ytd' });
    await fire(findAll(lastDoc(), 'Form')[0].props.onSubmit);
    expect(ui.submits).toEqual([{ scorecardId: 'backoffice', projects: 'SUP', period: 'ytd' }]);
  });

  it('says which KPI value cannot be scored', async () => {
    resetUi(gadget({ scorecardId: 'backoffice', projects: 'SUP' }, 'vi_VN'), { getScorecard: { error: 'INVALID_ACTUAL', message: 'evaluateTree: KPI "tat": actuals.tat must not be negative' } });
    const doc = await render(<ScorecardGadget />);
    expect(findAll(doc, 'SectionMessage').map(textOf)).toEqual(['Không chấm được giá trị của một KPI (sửa giá trị đã nhập hoặc KPI): evaluateTree: KPI "tat": actuals.tat must not be negative']);
  });

  it('says which KPI source is wrong', async () => {
    resetUi(gadget({ scorecardId: 'backoffice', projects: 'SUP', sources: 'ftr=csat' }), { getScorecard: { error: 'INVALID_SOURCE', message: 'KPI "ftr": source "csat" is not sla:<policy id>, tatMedianHours, ftrPercent, reopenPercent or csatPercent' } });
    const doc = await render(<ScorecardGadget />);
    expect(findAll(doc, 'SectionMessage').map(textOf)).toEqual(['A KPI source is not valid (edit the gadget or the scorecard): KPI "ftr": source "csat" is not sla:<policy id>, tatMedianHours, ftrPercent, reopenPercent or csatPercent']);
  });
});

/** The editor as the admin page holds it: the value lives in the page's state and every change comes back whole. */
let edited: EditCard[] = [];
function Harness({ initial, errors = [] }: { initial: EditCard[]; errors?: ConfigProblem[] }) {
  const [value, setValue] = useState(initial);
  edited = value;
  return <ScorecardEditor value={value} onChange={setValue} errors={errors} policies={[{ id: 'resolve', name: 'Resolve in 8h' }]} jsmMetrics={['Time to resolution']} locale="en_US" />;
}
/** UI Kit prefixes element ids with the app's own prefix (`forge-app-…-<id>`). */
const idIs = (seen: unknown, id: string) => typeof seen === 'string' && (seen === id || seen.endsWith(`-${id}`));
const textfield = (id: string) => findAll(lastDoc(), 'Textfield').find((f) => idIs(f.props.id, id))!;
const select = (id: string) => findAll(lastDoc(), 'Select').find((f) => idIs(f.props.inputId, id))!;
const buttons = (text: string) => findAll(lastDoc(), 'Button').filter((b) => textOf(b) === text);
const type = (id: string, value: string) => fire(textfield(id).props.onChange, { target: { value } });
type Option = { label: string; value: string };
const choose = (id: string, value: string) => fire(select(id).props.onChange, { label: value, value });
/** The messages shown with a field: the ErrorMessages in the Stack that holds its input. */
const errorsAt = (id: string) => {
  const holder = findAll(lastDoc(), 'Stack').find((s) => s.children.some((c) => idIs(c.props.id, id) || idIs(c.props.inputId, id)))!;
  return findAll(holder, 'ErrorMessage').map(textOf);
};
const P = 'scorecards.0.tree.root.children.0';

describe('scorecard tree editor', () => {
  // The editor's viewer list picks projects from the site, as on the admin page.
  beforeEach(() => resetUi(undefined, { adminPicker: { options: [], truncated: false } }));

  it('builds a tree: a scorecard, an objective, KPIs with their method, parameters, direction, source and guard; moves, renames and removes; the result passes the configuration check', async () => {
    await render(<Harness initial={[]} />);
    await fire(buttons('Add a scorecard')[0].props.onClick);
    expect(edited.map((c) => c.tree.root.id)).toEqual(['scorecard-1']);
    // The new scorecard has a perspective with one KPI; the perspective's own buttons come before the root's.
    expect(textfield(`${P}.kpis.0.id`).props.value).toBe('kpi-1');
    await fire(buttons('Add an objective')[0].props.onClick);
    expect(edited[0].tree.root.children![0].children!.map((c) => [c.id, c.kind])).toEqual([['objective-1', 'objective']]);
    await choose(`${P}.children.0.method`, 'min');

    await type(`${P}.kpis.0.name`, 'Cost per request');
    await choose(`${P}.kpis.0.scoring.method`, 'progress');
    await type(`${P}.kpis.0.scoring.baseline`, '100');
    await type(`${P}.kpis.0.target`, '50');
    await choose(`${P}.kpis.0.direction`, 'lower');
    await type(`${P}.kpis.0.owner`, 'Lan');
    await choose('scorecards.0.sources.kpi-1', 'tat:median');
    expect(select('scorecards.0.sources.kpi-1').props.options.map((o: { value: string }) => o.value)).toEqual(['sla:resolve', 'sla:jsm:Time to resolution', 'sla', 'tat:median', 'tat:p90', 'ftr', 'reopen', 'csat', 'inps']);
    expect(select('scorecards.0.sources.kpi-1').props.options[1].label).toBe('JSM SLA compliance: Time to resolution (share 0–1)');

    await fire(buttons('Add a KPI')[1].props.onClick); // the perspective's (the objective's come first: children before parents' buttons)
    await type(`${P}.kpis.1.owner`, 'Lan');
    await choose(`${P}.kpis.1.pillar`, 'accuracy');
    await choose(`${P}.kpis.0.guardedBy`, 'kpi-2');
    await fire(buttons('Move up')[1].props.onClick); // kpi-2's (the first KPI's Move up is disabled)
    expect(edited[0].tree.root.children![0].kpis!.map((k) => k.id)).toEqual(['kpi-2', 'kpi-1']);
    // A new id carries the KPI's guards and source along.
    await type(`${P}.kpis.0.id`, 'ftr');
    expect(edited[0].sources).toEqual({ 'kpi-1': 'tat:median' });
    expect(edited[0].tree.root.children![0].kpis![1].guardedBy).toBe('ftr');
    await type(`${P}.kpis.1.id`, 'cost');
    expect(edited[0].sources).toEqual({ cost: 'tat:median' });
    // Move the first KPI into the objective, then remove the objective's KPI.
    await choose(`${P}.kpis.0.moveTo`, '0.0');
    expect(edited[0].tree.root.children![0].children![0].kpis!.map((k) => k.id)).toEqual(['ftr']);
    await choose(`${P}.kpis.0.guardedBy`, 'ftr');
    await choose(`${P}.kpis.0.aggregation`, 'average');
    expect(select(`${P}.kpis.0.aggregation`).props.options.map((o: Option) => o.value)).toEqual(['sum', 'average', 'last', 'min', 'max', 'ratio-of-sums']);
    await choose('scorecards.0.tree.missing', 'strict');
    await choose('scorecards.0.tree.root.level', 'department');

    const card = edited[0];
    expect(card.tree.missing).toBe('strict');
    expect(card.tree.root.children![0].kpis![0]).toMatchObject({ id: 'cost', name: 'Cost per request', direction: 'lower', target: 50, owner: 'Lan', guardedBy: 'ftr', scoring: { method: 'progress', baseline: 100 }, aggregation: 'average' });
    const check = checkConfig({ schemaVersion: 3, calendars: {}, policies: [], scorecards: edited, sync: { scopeJql: 'project = SUP' } });
    expect(check.ok ? [] : check.errors).toEqual([]);

    await fire(buttons('Remove')[1].props.onClick); // the objective's only KPI (the first Remove is the cost KPI's)
    expect(edited[0].tree.root.children![0].kpis!.map((k) => k.id)).toEqual(['cost']);
    expect(edited[0].tree.root.children![0].children![0].kpis).toEqual([]);
  });

  it('moves a container with everything under it into another one (not into itself or below itself)', async () => {
    const kpi = (id: string) => ({ id, name: id.toUpperCase(), perspective: 'customer' as const, pillar: 'other' as const, direction: 'higher' as const, unit: '%', target: 1, frequency: 'monthly' as const, owner: 'Lan', indicator: 'lagging' as const });
    const objective = (id: string, children: EditCard['tree']['root'][] = []) => ({ id, name: id, kind: 'objective' as const, kpis: [kpi(`${id}-kpi`)], children });
    const card: EditCard = { tree: { root: { id: 'bo', name: 'bo', kind: 'scorecard', children: [objective('a', [objective('a1')]), objective('b'), objective('c')] } }, sources: {} };
    await render(<Harness initial={[card]} />);
    const root = 'scorecards.0.tree.root';
    // a: not under itself, its child a1, nor the root it already sits in.
    expect(select(`${root}.children.0.moveTo`).props.options.map((o: Option) => o.value)).toEqual(['1', '2']);
    // Moving a into c: c's path is 2 before and 1 after a leaves; a keeps a1 and its KPI.
    await choose(`${root}.children.0.moveTo`, '2');
    const top = edited[0].tree.root.children!;
    expect(top.map((n) => n.id)).toEqual(['b', 'c']);
    expect(top[1].children!.map((n) => [n.id, n.children!.map((x) => x.id), n.kpis!.map((k) => k.id)])).toEqual([['a', ['a1'], ['a-kpi']]]);
    // a1 back up to the root.
    await choose(`${root}.children.1.children.0.children.0.moveTo`, '');
    expect(edited[0].tree.root.children!.map((n) => n.id)).toEqual(['b', 'c', 'a1']);
  });

  it('a person-level scorecard takes its pay: base, gate and a step table, checked as the configuration is', async () => {
    const kpi = { id: 'tat', name: 'Turnaround', perspective: 'internal-process' as const, pillar: 'speed' as const, direction: 'lower' as const, unit: 'h', target: 8, frequency: 'monthly' as const, owner: 'Lan', indicator: 'lagging' as const };
    await render(<Harness initial={[{ tree: { root: { id: 'lan', name: 'Lan', kind: 'scorecard', kpis: [kpi] } }, sources: {} }]} />);
    expect(textfield('scorecards.0.tree.root.pay.base')).toBeUndefined();
    await choose('scorecards.0.tree.root.level', 'person');
    await type('scorecards.0.tree.root.pay.base', '10000000');
    await type('scorecards.0.tree.root.pay.gate', '0.8');
    await type('scorecards.0.tree.root.pay.steps', '0.8=0.5, 1=1, 1.2=1.5');
    expect(edited[0].tree.root).toMatchObject({ level: 'person', pay: { base: 10_000_000, gate: 0.8, steps: [[0.8, 0.5], [1, 1], [1.2, 1.5]] } });
    expect(textfield('scorecards.0.tree.root.pay.steps').props.value).toBe('0.8=0.5, 1=1, 1.2=1.5');
    const check = checkConfig({ schemaVersion: 3, calendars: {}, policies: [], scorecards: edited, sync: { scopeJql: 'project = SUP' } });
    expect(check.ok ? [] : check.errors).toEqual([]);
    // Clearing every pay field leaves no pay at all.
    for (const field of ['base', 'gate', 'steps']) await type(`scorecards.0.tree.root.pay.${field}`, '');
    expect(edited[0].tree.root.pay).toBeUndefined();
  });

  it('sets a KPI\'s RAG rule: by achievement with its thresholds, by goal and red flag, or the default; a KPI without a method keeps amber and red', async () => {
    const base = { perspective: 'customer' as const, pillar: 'other' as const, direction: 'lower' as const, unit: 'incidents', frequency: 'monthly' as const, owner: 'Lan', indicator: 'lagging' as const };
    const kpis = [
      { ...base, id: 'incidents', name: 'Compliance incidents', target: 0, scoring: { method: 'goal-red-flag' as const, redFlag: 3 } },
      { ...base, id: 'legacy', name: 'Old KPI', direction: 'higher' as const, unit: '%', target: 95 },
    ];
    await render(<Harness initial={[{ tree: { root: { id: 'bo', name: 'Back office', kind: 'scorecard', kpis } }, sources: {} }]} />);
    const at = 'scorecards.0.tree.root.kpis';
    expect(select(`${at}.0.status.by`).props.options.map((o: { value: string }) => o.value)).toEqual(['default', 'achievement', 'goal-red-flag']);
    expect(select(`${at}.1.status.by`)).toBeUndefined();
    expect([textfield(`${at}.1.amber`), textfield(`${at}.1.red`)].every(Boolean)).toBe(true);
    await choose(`${at}.0.status.by`, 'achievement');
    await type(`${at}.0.status.greenFrom`, '0.95');
    await type(`${at}.0.status.redBelow`, '0.8');
    expect(edited[0].tree.root.kpis![0].status).toEqual({ by: 'achievement', greenFrom: 0.95, redBelow: 0.8 });
    await type(`${at}.1.amber`, '0.85');
    expect(edited[0].tree.root.kpis![1].amber).toBe(0.85);
    const check = checkConfig({ schemaVersion: 3, calendars: {}, policies: [], scorecards: edited, sync: { scopeJql: 'project = SUP' } });
    expect(check.ok ? [] : check.errors).toEqual([]);
    await choose(`${at}.0.status.by`, 'goal-red-flag');
    expect(edited[0].tree.root.kpis![0].status).toEqual({ by: 'goal-red-flag' });
    expect(textfield(`${at}.0.status.greenFrom`)).toBeUndefined();
    await choose(`${at}.0.status.by`, 'default');
    expect(edited[0].tree.root.kpis![0]).not.toHaveProperty('status');
  });

  it('shows each error at its field, and the ones no field shows at the top', async () => {
    const card: EditCard = {
      tree: { root: { id: 'bo', name: 'Back office', kind: 'scorecard', children: [{ id: 'c', name: 'Customer', kind: 'perspective', kpis: [{ id: 'sla', name: 'SLA', perspective: 'customer', pillar: 'speed', direction: 'higher', unit: '%', target: 'ninety' as unknown as number, frequency: 'monthly', indicator: 'lagging', scoring: { method: 'performance', min: 10, max: 10 } }] }] } },
      sources: { sla: 'sla:gone' },
    };
    const errors: ConfigProblem[] = [
      { path: `${P}.kpis.0.target`, message: 'target must be a number' },
      { path: `${P}.kpis.0.scoring.max`, message: 'KPI "sla": scoring.max (10) must be greater than scoring.min (10): the scale has no width' },
      { path: 'scorecards.0.sources.sla', message: 'no SLA policy "gone"' },
      { path: 'scorecards.0.tree.root.children', message: 'scorecard "bo" has no KPI and no child to score' },
      { path: 'scorecards.3.tree.root.id', message: 'scorecard id "bo" is used twice' },
    ];
    await render(<Harness initial={[card]} errors={errors} />);
    expect(textfield(`${P}.kpis.0.target`).props.value).toBe('ninety');
    expect(errorsAt(`${P}.kpis.0.target`)).toEqual(['target must be a number']);
    expect(errorsAt(`${P}.kpis.0.scoring.max`)).toEqual(['KPI "sla": scoring.max (10) must be greater than scoring.min (10): the scale has no width']);
    expect(errorsAt(`${P}.kpis.0.scoring.min`)).toEqual([]);
    expect(errorsAt('scorecards.0.sources.sla')).toEqual(['no SLA policy "gone"']);
    const all = findAll(lastDoc(), 'ErrorMessage').map(textOf);
    expect(all[0]).toBe('scorecards.3.tree.root.id: scorecard id "bo" is used twice');
    expect(all).toContain('scorecard "bo" has no KPI and no child to score');
    expect(all).toHaveLength(5);
  });
});

describe('values typed by hand', () => {
  it('loads a month of the KPIs without a source, saves what was typed (empty removes), shows the resolver\'s errors at their fields', async () => {
    const kpi = (id: string, name: string, unit: string) => ({ id, name, perspective: 'financial' as const, pillar: 'other' as const, direction: 'higher' as const, unit, target: 1, frequency: 'monthly' as const, indicator: 'lagging' as const });
    const right = { ...kpi('right', 'Invoices right first time', 'share'), aggregation: 'ratio-of-sums' as const };
    const card: EditCard = { tree: { root: { id: 'bo', name: 'Back office', kind: 'scorecard', kpis: [kpi('sla', 'SLA', 'share'), kpi('dso', 'DSO', 'days'), kpi('payroll', 'Payroll accuracy', 'share'), right] } }, sources: { sla: 'sla:resolve' } };
    const answers = [{ ok: false, errors: [{ path: 'values.dso', message: 'must be a number (or null to remove it), not "soon"' }] }, { ok: true }];
    resetUi(undefined, { getScorecardActuals: { values: { dso: 51, payroll: 1, right: { numerator: 90, denominator: 100 } } }, saveScorecardActuals: () => answers.shift() });
    await render(<Harness initial={[card]} />);
    expect(findAll(lastDoc(), 'Heading').map(textOf)).toContain('Values typed by hand');
    await type('actuals-bo-month', '2025-03');
    await fire(buttons('Load the month')[0].props.onClick);
    expect(ui.invokes.at(-1)).toEqual({ functionKey: 'getScorecardActuals', payload: { scorecardId: 'bo', month: '2025-03' } });
    // Only the KPIs with no source get a field (SLA comes from Jira); a ratio-of-sums KPI gets its numerator and denominator.
    expect(findAll(lastDoc(), 'Textfield').filter((f) => /actuals-bo-(?!month)/.test(f.props.id)).map((f) => [f.props.id.replace(/.*actuals-bo-/, ''), f.props.value])).toEqual([
      ['dso', '51'], ['payroll', '1'], ['right.numerator', '90'], ['right.denominator', '100'],
    ]);
    await type('actuals-bo-right.denominator', '110');
    await type('actuals-bo-dso', 'soon');
    await type('actuals-bo-payroll', '');
    await fire(buttons('Save the values')[0].props.onClick);
    expect(ui.invokes.at(-1)).toEqual({ functionKey: 'saveScorecardActuals', payload: { scorecardId: 'bo', month: '2025-03', values: { dso: 'soon', payroll: null, right: { numerator: 90, denominator: 110 } } } });
    expect(errorsAt('actuals-bo-dso')).toEqual(['must be a number (or null to remove it), not "soon"']);
    await type('actuals-bo-dso', '48.5');
    await fire(buttons('Save the values')[0].props.onClick);
    expect((ui.invokes.at(-1)!.payload as { values: unknown }).values).toEqual({ dso: 48.5, payroll: null, right: { numerator: 90, denominator: 110 } });
    expect(errorsAt('actuals-bo-dso')).toEqual([]);
    expect(findAll(lastDoc(), 'SectionMessage').map(textOf)).toEqual(['Values saved.']);
  });
});

describe('admin page: scorecards edited as a tree, saved through the configuration check', () => {
  const scorecard = {
    tree: { missing: 'ignore', root: { id: 'bo', name: 'Back office', kind: 'scorecard', kpis: [{ id: 'sla', name: 'SLA met', perspective: 'customer', pillar: 'speed', direction: 'higher', unit: '%', target: 0.95, frequency: 'monthly', owner: 'Lan', indicator: 'lagging', guardedBy: 'ftr' }, { id: 'ftr', name: 'First time right', perspective: 'customer', pillar: 'accuracy', direction: 'higher', unit: '%', target: 0.9, frequency: 'monthly', owner: 'Lan', indicator: 'lagging' }] } },
    sources: { sla: 'sla:resolve', ftr: 'ftr' },
  };
  const stored = {
    input: { schemaVersion: 3, calendars: {}, policies: [], scorecards: [scorecard], fields: { requestType: 'customfield_10010', team: null, extra: {} }, sync: { scopeJql: 'project = SUP' } },
    errors: [],
    sync: { cursor: 0, lastRunAt: null, more: false, lastRun: null },
  };
  const editors = { adminPicker: { options: [], truncated: false }, previewCalendar: { ok: true, preview: { timeZone: 'UTC', windows: [], holidays: [], makeUpDays: [], year: 2025 } } };

  it('sends the edited tree with the configuration and shows the server\'s errors at their fields, in Vietnamese', async () => {
    const rejected = { ok: false, errors: [{ path: 'scorecards.0.tree.root.kpis.1.target', message: 'KPI "ftr": target must be greater than 0' }] };
    resetUi({ locale: 'vi_VN' }, { ...editors, getConfig: stored, saveConfig: rejected });
    await render(<AdminPage />);
    expect(findAll(lastDoc(), 'Heading').map(textOf)).toContain('Thẻ điểm');
    expect(textfield('scorecards.0.tree.root.kpis.0.name').props.value).toBe('SLA met');
    await type('scorecards.0.tree.root.kpis.1.target', '0');
    await choose('scorecards.0.tree.root.kpis.1.scoring.method', 'binary');
    await fire(findAll(lastDoc(), 'Button').find((b) => textOf(b) === 'Lưu')!.props.onClick);
    const saved = ui.invokes.find((i) => i.functionKey === 'saveConfig')!.payload as { config: { scorecards: EditCard[] } };
    expect(saved.config.scorecards[0].tree.root.kpis![1]).toMatchObject({ id: 'ftr', target: 0, scoring: { method: 'binary' } });
    expect(saved.config.scorecards[0].sources).toEqual({ sla: 'sla:resolve', ftr: 'ftr' });
    expect(errorsAt('scorecards.0.tree.root.kpis.1.target')).toEqual(['KPI "ftr": target must be greater than 0']);
    expect(select('scorecards.0.tree.root.kpis.1.scoring.method').props.value).toEqual({ label: 'Đạt/không đạt', value: 'binary' });
  });

  const V = 'scorecards.0.viewers';
  const projectOptions = (payload: unknown) =>
    (payload as { kind: string }).kind === 'projects' ? { options: [{ label: 'Support (SUP)', value: 'SUP' }, { label: 'Finance (FIN)', value: 'FIN' }], truncated: false } : { options: [], truncated: false };
  const userPicker = () => findAll(lastDoc(), 'UserPicker').find((p) => p.props.name === `${V}.accounts`)!;

  it('edits the viewer list (people by the account picker, groups, anyone who can browse a listed project) and saves it with the scorecard', async () => {
    resetUi({ locale: 'en_US' }, { ...editors, adminPicker: projectOptions, getConfig: stored, saveConfig: { ok: true } });
    await render(<AdminPage />);
    expect(findAll(lastDoc(), 'Heading').map(textOf)).toContain('Who may see this scorecard (besides Jira admins and its owner)');
    expect(userPicker().props).toMatchObject({ isMulti: true, defaultValue: [], label: 'People' });
    await fire(userPicker().props.onChange, [{ id: 'acc-lan', name: 'Nguyễn Thị Lan', type: 'user', avatarUrl: '', email: '' }, { id: 'acc-minh', name: 'Trần Minh', type: 'user', avatarUrl: '', email: '' }]);
    await type(`${V}.groups`, 'grp-finance,');
    expect(textfield(`${V}.groups`).props.value).toBe('grp-finance,');
    await type(`${V}.groups`, 'grp-finance, grp-audit');
    expect(select(`${V}.projects`).props.options).toEqual([{ label: 'Support (SUP)', value: 'SUP' }, { label: 'Finance (FIN)', value: 'FIN' }]);
    await fire(select(`${V}.projects`).props.onChange, [{ label: 'Finance (FIN)', value: 'FIN' }]);
    expect(select(`${V}.projects`).props.value).toEqual([{ label: 'Finance (FIN)', value: 'FIN' }]);
    await fire(findAll(lastDoc(), 'Button').find((b) => textOf(b) === 'Save')!.props.onClick);
    const saved = ui.invokes.find((i) => i.functionKey === 'saveConfig')!.payload as { config: { scorecards: EditCard[] } };
    expect(saved.config.scorecards[0].viewers).toEqual({ accounts: ['acc-lan', 'acc-minh'], groups: ['grp-finance', 'grp-audit'], projects: ['FIN'] });
    expect(saved.config.scorecards[0].tree.root.id).toBe('bo');
  });

  it('shows a stored viewer list, clears people, and shows the check\'s viewer errors at their fields, not at the top', async () => {
    const withViewers = { ...stored, input: { ...stored.input, scorecards: [{ ...scorecard, viewers: { accounts: ['acc-lan'], groups: ['grp-finance'], projects: ['SUP'] } }] } };
    const rejected = { ok: false, errors: [{ path: `${V}.groups.0`, message: 'a group id is not empty' }, { path: `${V}.projects.0`, message: 'a project key is a letter followed by letters, digits or underscores' }] };
    resetUi({ locale: 'en_US' }, { ...editors, adminPicker: projectOptions, getConfig: withViewers, saveConfig: rejected });
    await render(<AdminPage />);
    expect(userPicker().props.defaultValue).toEqual(['acc-lan']);
    expect(textfield(`${V}.groups`).props.value).toBe('grp-finance');
    expect(select(`${V}.projects`).props.value).toEqual([{ label: 'Support (SUP)', value: 'SUP' }]);
    await fire(userPicker().props.onChange, null);
    await fire(findAll(lastDoc(), 'Button').find((b) => textOf(b) === 'Save')!.props.onClick);
    const saved = ui.invokes.find((i) => i.functionKey === 'saveConfig')!.payload as { config: { scorecards: EditCard[] } };
    expect(saved.config.scorecards[0].viewers).toEqual({ accounts: [], groups: ['grp-finance'], projects: ['SUP'] });
    expect(errorsAt(`${V}.groups`)).toEqual(['0: a group id is not empty']);
    expect(errorsAt(`${V}.projects`)).toEqual(['0: a project key is a letter followed by letters, digits or underscores']);
    expect(findAll(lastDoc(), 'ErrorMessage').map(textOf).filter((text) => text.startsWith(V))).toEqual([]);
  });
});
