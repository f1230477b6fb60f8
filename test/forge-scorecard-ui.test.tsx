/** The scorecard gadget's tree and the admin page's scorecard tree editor, asserted through ForgeReconciler's forgeDoc. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScorecardNodeView } from '../forge-app/src/resolvers/scorecard';
import { type ForgeDoc, findAll, render, resetUi, textOf, ui } from './helpers/forge-ui';

const { ScorecardGadget } = await import('../forge-app/src/frontend/scorecard-view');

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
  projects: ['SUP'],
  id: 'backoffice',
  name: 'Back office',
  missing: 'strict' as const,
  overall: null,
  tree: node({
    id: 'backoffice', name: 'Back office', kind: 'scorecard', level: 'department', greyed: true, pillars: { speed: 1.05, accuracy: null, satisfaction: 0.5 },
    children: [
      node({
        id: 'customer', name: 'Customer', kind: 'perspective', score: 0.775,
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
  it('shows the tree: each container with its roll-up and score, each KPI with its method, actual, target, score and RAG', async () => {
    resetUi(gadget({ scorecardId: 'backoffice', projects: 'SUP' }), { getScorecard: ANSWER });
    const doc = await render(<ScorecardGadget />);
    // No gadget sources: the scorecard's own (set by the admin) apply.
    expect(ui.invokes[0].payload).toEqual({ scorecardId: 'backoffice', projects: ['SUP'] });
    const [tree] = findAll(doc, 'DynamicTable');
    const e = '\u2003';
    expect(rowsOf(tree)).toEqual([
      ['Item', 'Method', 'Actual', 'Target', 'Score', 'RAG'],
      ['Scorecard: Back office', 'Weighted average', '', '', 'Not scored: data missing', ''],
      [`${e}Perspective: Customer`, 'Weighted average', '', '', '77.5%', ''],
      [`${e}${e}SLA met`, 'Ratio to target', '99.75 %', '95 %', '105%', 'GREEN'],
      [`${e}${e}Compliance incidents`, 'Goal / red flag', '1 incidents (carried forward)', '0 incidents', '50%', 'AMBER'],
      [`${e}Objective: Accuracy`, 'Weighted average', '', '', 'Not scored: data missing', ''],
      [`${e}${e}Payroll accuracy`, 'Met or not', '—', '100 %', '—', '—'],
      [`${e}Scorecard: Lan`, 'Weighted average', '', '', '95%', ''],
      [`${e}${e}Turnaround`, 'Ratio to target', '7.5 h', '8 h', '95%', 'AMBER'],
    ]);
    // RAG as lozenges; greyed nodes (strict policy, a KPI below has no value) in the subtlest text colour.
    expect(findAll(tree, 'Lozenge').map((l) => [l.props.appearance, textOf(l)])).toEqual([
      ['default', 'Not scored: data missing'], ['success', 'GREEN'], ['moved', 'AMBER'], ['default', 'Not scored: data missing'], ['moved', 'AMBER'],
    ]);
    expect(findAll(tree, 'Text').filter((t) => t.props.color === 'color.text.subtlest').map(textOf)).toEqual(['Scorecard: Back office', `${e}Objective: Accuracy`, `${e}${e}Payroll accuracy`]);
    expect(textOf(findAll(doc, 'Lozenge')[0])).toBe('Not scored: data missing');
    expect(findAll(doc, 'BarChart')[0].props.data).toEqual([{ pillar: 'speed', achievement: 105 }, { pillar: 'accuracy', achievement: 0 }, { pillar: 'satisfaction', achievement: 50 }]);
    expect(textOf(findAll(doc, 'SectionMessage')[0])).toContain('"Lan" has 7 KPIs for one person: focus on the 3-5 that matter most.');
  });

  it('shows the pay of each person-level scorecard, the design notes and the gaming alerts, in Vietnamese', async () => {
    resetUi(gadget({ scorecardId: 'backoffice', projects: 'SUP', sources: 'sla=sla:resolve' }, 'vi_VN'), { getScorecard: ANSWER });
    const doc = await render(<ScorecardGadget />);
    expect(ui.invokes[0].payload).toEqual({ scorecardId: 'backoffice', projects: ['SUP'], sources: { sla: 'sla:resolve' } });
    const pay = findAll(doc, 'DynamicTable')[1];
    expect(pay.props.caption).toBe('Lương KPI');
    expect(rowsOf(pay)).toEqual([['Người', 'Điểm', 'Thưởng'], ['Lan (Nguyễn Thị Lan)', '95%', '9.500.000']]);
    expect(rowsOf(findAll(doc, 'DynamicTable')[0])[3]).toEqual(['\u2003\u2003SLA met', 'Tỷ lệ so với mục tiêu', '99,75 %', '95 %', '105%', 'GREEN']);
    expect(findAll(doc, 'SectionMessage').map((m) => [m.props.title, textOf(m)])).toEqual([
      ['Lưu ý', '"Lan" có 7 KPI cho một người: hãy tập trung vào 3-5 KPI quan trọng nhất.' +
        'KPI "Payroll accuracy" chưa có người phụ trách: hãy ghi tên người chịu trách nhiệm.' +
        'KPI tốc độ "Turnaround" chưa có chỉ số chất lượng kiểm soát: chỉ đo tốc độ thì dễ đổi lấy chất lượng.'],
      ['Có thể đang "chạy số"', '"SLA met" tốt lên trong khi chỉ số kiểm soát "Compliance incidents" xấu đi.'],
    ]);
  });

  it('says which KPI source is wrong', async () => {
    resetUi(gadget({ scorecardId: 'backoffice', projects: 'SUP', sources: 'ftr=csat' }), { getScorecard: { error: 'INVALID_SOURCE', message: 'KPI "ftr": source "csat" is not sla:<policy id>, tatMedianHours, ftrPercent, reopenPercent or csatPercent' } });
    const doc = await render(<ScorecardGadget />);
    expect(findAll(doc, 'SectionMessage').map(textOf)).toEqual(['A KPI source is not valid (edit the gadget or the scorecard): KPI "ftr": source "csat" is not sla:<policy id>, tatMedianHours, ftrPercent, reopenPercent or csatPercent']);
  });
});
