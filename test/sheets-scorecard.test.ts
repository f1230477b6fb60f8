/**
 * The scorecard sheet through the built Apps Script bundle in node:vm (run `npm run build` first): the sample's
 * back-office scorecard checked by hand, columns and values in English or Vietnamese, the tree, missing data, pay,
 * and errors naming the row and the column in the sheet's language.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle, type Sandbox } from './helpers/sheets-sandbox';

type Kpi = { id: string; name: string; method: string; actual: number | null; achievement: number | null; status: string | null; source: string | null };
type Node = { id: string; name: string; kind: string; score: number | null; status: string | null; greyed: boolean; payout: number | null; kpis: Kpi[]; children: Node[] };
type Report = {
  title: string;
  overall: number | null;
  tree: Node;
  kpis: Kpi[];
  alerts: { kpi: string; guard: string }[];
  payouts: { scorecard: string; owner: string; score: number; base: number; payout: number }[];
  perspectives: { id: string; score: number | null }[];
  notes: { code: string; scorecard: string; kpi: string; count: number }[];
  language: string;
};

const report = (sandbox: Sandbox, language?: string) => sandbox.call('getScorecard', ...(language ? [language] : [])) as Report;
const nodes = (node: Node): Node[] => [node, ...node.children.flatMap(nodes)];
const nodeOf = (r: Report, id: string) => nodes(r.tree).find((n) => n.id === id)!;
const kpiOf = (r: Report, id: string) => r.kpis.find((k) => k.id === id)!;
const mean = (...values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** A sheet written as a user types it: a header row, then rows; becomes the active sheet. */
function sheetWith(sandbox: Sandbox, name: string, rows: unknown[][]): void {
  const width = Math.max(...rows.map((row) => row.length));
  const sheet = sandbox.book.insertSheet(name);
  sheet.getRange(1, 1, rows.length, width).setValues(rows.map((row) => [...row, ...Array(width - row.length).fill('')]));
}

describe('the sample back-office scorecard', () => {
  const sandbox = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh' });
  sandbox.call('insertSampleSheet');
  const r = report(sandbox);
  const requests = sandbox.book.getSheetByName('Purchase requests')!;

  it('S1: purchasing actuals are the requests sheet formulas: compliance, median TAT and FTR from its rows', () => {
    const column = (c: number) => requests.getRange(2, c, 20, 1).getValues().map(([v]) => v);
    const status = sandbox.call('SLA_STATUS', ...[4, 5, 3].map((c) => requests.getRange(2, c, 20, 1).getValues()), requests.valueAt(2, 12), requests.getRange(6, 12, 3, 1).getValues(), requests.valueAt(3, 12)) as string[][];
    const met = status.filter(([s]) => s === 'MET').length;
    const breached = status.filter(([s]) => s === 'BREACHED').length;
    expect(kpiOf(r, 'SLA').actual).toBeCloseTo(met / (met + breached), 12);
    const hours = (sandbox.call('BUSINESS_HOURS', requests.getRange(2, 4, 20, 1).getValues(), requests.getRange(2, 5, 20, 1).getValues(), requests.valueAt(2, 12), requests.getRange(6, 12, 3, 1).getValues()) as unknown[][])
      .map(([h]) => h)
      .filter((h): h is number => typeof h === 'number')
      .sort((a, b) => a - b);
    expect(hours.length % 2).toBe(0);
    expect(kpiOf(r, 'TAT').actual).toBeCloseTo((hours[hours.length / 2 - 1] + hours[hours.length / 2]) / 2, 12);
    const ftr = column(6).filter((v) => v !== '');
    expect(kpiOf(r, 'FTR').actual).toBe(ftr.filter((v) => v === true).length / ftr.length);
  });

  it('S2: each method scores as docs/SCORING.md works it by hand', () => {
    // Goal/red flag, goal 0, red flag 3, 1 incident: 10/3 × (1 + (1 − 3) ÷ (0 − 3)) = 50/9 of 10 → 5/9, AMBER.
    expect(kpiOf(r, 'INCIDENTS')).toMatchObject({ method: 'goal-red-flag', status: 'AMBER' });
    expect(kpiOf(r, 'INCIDENTS').achievement).toBeCloseTo(5 / 9, 12);
    // Binary: 99.6 % ≥ 99.5 % → 1.
    expect(kpiOf(r, 'PAY-ACC')).toMatchObject({ method: 'binary', achievement: 1, status: 'GREEN' });
    // Progress from last year's 60 days to 45: at 51, (51 − 60) ÷ (45 − 60) = 0.6, RED (below 90 %).
    expect(kpiOf(r, 'DSO')).toMatchObject({ method: 'progress', status: 'RED' });
    expect(kpiOf(r, 'DSO').achievement).toBeCloseTo(0.6, 12);
    // Ratio: compliance ÷ 0.9.
    expect(kpiOf(r, 'SLA').achievement).toBeCloseTo(kpiOf(r, 'SLA').actual! / 0.9, 12);
    // The iNPS survey is not in: carried forward from the previous period, 31 ÷ 40.
    expect(kpiOf(r, 'INPS')).toMatchObject({ actual: 31, source: 'carried', achievement: 0.775, status: 'RED' });
  });

  it('S3: objectives, perspectives, person scorecards and the overall roll up by hand', () => {
    const [sla, tat, ftr] = ['SLA', 'TAT', 'FTR'].map((id) => kpiOf(r, id).actual!);
    const serve = mean(0.88 / 0.85, 31 / 40);
    const buy = (2 * (sla / 0.9) + 16 / tat + 2 * (ftr / 0.95)) / 5;
    const payroll = Math.min(1, 0.98); // the min roll-up: its weakest KPI
    const internal = mean(buy, payroll, 5 / 9);
    const financial = mean(0.6, 25 / 27.5);
    const learning = 0.6 / 0.9;
    const lan = mean(1, 0.95, 0.84 / 0.9);
    const minh = mean((48 - 60) / (45 - 60), 0.9 / 0.95, 1);
    const expected: Record<string, number> = { SERVE: serve, customer: serve, BUY: buy, PAYROLL: payroll, COMPLY: 5 / 9, 'internal-process': internal, CASH: 0.6, financial, 'learning-growth': learning, LAN: lan, MINH: minh };
    for (const [id, score] of Object.entries(expected)) expect(nodeOf(r, id).score, id).toBeCloseTo(score, 12);
    expect(r.overall).toBeCloseTo(mean(serve, internal, financial, learning, lan, minh), 12);
    expect(r.perspectives.map((p) => p.id)).toEqual(['customer', 'internal-process', 'financial', 'learning-growth']);
  });

  it('S4: KPI pay per person: base × score, gate 0.8, cap 1.2', () => {
    const lan = mean(1, 0.95, 0.84 / 0.9);
    const minh = mean(0.8, 0.9 / 0.95, 1);
    expect(r.payouts.map((p) => [p.owner, p.base])).toEqual([['Lan', 10_000_000], ['Minh', 12_000_000]]);
    expect(r.payouts[0].payout).toBeCloseTo(10_000_000 * lan, 4);
    expect(r.payouts[1].payout).toBeCloseTo(12_000_000 * minh, 4);
    expect(Math.round(r.payouts[0].payout)).toBe(9_611_111);
    expect(Math.round(r.payouts[1].payout)).toBe(10_989_474);
    expect(nodeOf(r, 'LAN').payout).toBe(r.payouts[0].payout);
  });

  it('S5: the gaming alert on purchase SLA guarded by first time right', () => {
    expect(r.alerts).toEqual([expect.objectContaining({ kpi: 'Purchase SLA compliance', guard: 'First time right' })]);
  });

  it('S7: notes: the unguarded speed KPI and the KPI without an owner; a person with more than 5 KPIs', () => {
    expect(r.notes).toEqual([
      { code: 'SPEED_KPI_UNGUARDED', scorecard: 'Back office', kpi: 'Median purchase TAT', count: 0 },
      { code: 'KPI_WITHOUT_OWNER', scorecard: 'Back office', kpi: 'Buyers trained on the new ERP', count: 0 },
    ]);
    const busy = loadBundle();
    busy.call('insertSampleSheet');
    const sheet = busy.book.getSheetByName('Scorecard')!;
    const last = sheet.lastRow();
    const extra = ['A', 'B', 'C'].map((n) => [`LAN-${n}`, 'LAN', 'KPI', `Extra ${n}`, 'Customer', 'Other', 'ratio', 'higher', '%', 1, '', '', '', '', 'Lan', '', '', '', '', '', 0.9]);
    sheet.getRange(last + 1, 1, extra.length, extra[0].length).setValues(extra);
    expect(report(busy).notes).toContainEqual({ code: 'TOO_MANY_KPIS', scorecard: 'Lan, payroll accountant', kpi: '', count: 6 });
  });

  it('S8: for a Vietnamese user the sample is written in Vietnamese (headers, "Tài chính", "tiến độ", names) and scores the same', () => {
    const vi = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh', locale: 'vi' });
    vi.call('insertSampleSheet');
    expect(vi.book.sheets.map((sheet) => sheet.getName())).toEqual(['Sheet1', 'Yêu cầu mua hàng', 'Thẻ điểm']);
    const sheet = vi.book.getSheetByName('Thẻ điểm')!;
    const [header, , , csat] = sheet.getDataRange().getValues();
    expect(header.slice(0, 8)).toEqual(['Mã', 'Thuộc', 'Loại', 'Chỉ số', 'Khía cạnh', 'Trụ cột', 'Cách chấm', 'Chiều']);
    expect(csat.slice(0, 8)).toEqual(['CSAT', 'SERVE', '', 'Mức độ hài lòng của người đề nghị (CSAT)', 'Khách hàng', 'Mức độ hài lòng', 'tỷ lệ so với chỉ tiêu', 'cao']);
    const words = [...sheet.cells.values()].map((cell) => cell.value);
    for (const word of ['Tài chính', 'tiến độ từ mức cơ sở', 'chỉ tiêu/cờ đỏ', 'đạt/không đạt', 'thấp', 'lấy kỳ trước', 'cá nhân', 'nhỏ nhất', 'nghìn đồng']) expect(words, word).toContain(word);
    const rv = report(vi);
    expect(rv.language).toBe('vi');
    expect(nodes(rv.tree).map((n) => [n.id, n.score, n.payout])).toEqual(nodes(r.tree).map((n) => [n.id, n.score, n.payout]));
    expect(rv.kpis.map((k) => [k.id, k.achievement, k.status])).toEqual(r.kpis.map((k) => [k.id, k.achievement, k.status]));
    expect(vi.ui.alerts[0].prompt).toBe('Đã chèn trang "Yêu cầu mua hàng" và "Thẻ điểm". Mở Thẻ điểm từ trình đơn Tiện ích mở rộng để xem.');
  });

  it('S6: a second insert takes free names and points its formulas at its own requests sheet', () => {
    const again = loadBundle();
    again.call('insertSampleSheet');
    again.call('insertSampleSheet');
    expect(again.book.sheets.map((sheet) => sheet.getName())).toEqual(['Sheet1', 'Purchase requests', 'Scorecard', 'Purchase requests 2', 'Scorecard 2']);
    const requests2 = again.book.getSheetByName('Purchase requests 2')!;
    expect(requests2.cell(2, 8)?.formula).toBe('=SLA_STATUS($D$2:$D$21, $E$2:$E$21, $C$2:$C$21, $L$2, $L$6:$L$8, $L$3)');
    const formulas = [...again.book.getSheetByName('Scorecard 2')!.cells.values()].flatMap((cell) => (cell.formula ? [cell.formula] : []));
    expect(formulas).toEqual(["='Purchase requests 2'!$L$11", "='Purchase requests 2'!$L$12", "='Purchase requests 2'!$L$13"]);
  });
});

/** The same small scorecard in both languages: objectives, a person with pay, four methods. */
const EN = [
  ['ID', 'Parent', 'Kind', 'Name', 'Perspective', 'Pillar', 'Method', 'Direction', 'Unit', 'Target', 'Baseline', 'Red flag', 'Bands', 'Tolerance', 'Weight', 'Roll-up', 'Owner', 'Level', 'Pay base', 'Missing data', 'Actual'],
  ['HR', '', 'Scorecard', 'HR office', '', '', '', '', '', '', '', '', '', '', '', 'weighted', 'HR head', 'department', '', 'ignore', ''],
  ['COST', '', 'Objective', 'Lower the cost to hire', 'Financial', '', '', '', '', '', '', '', '', '', '', 'average', 'HR head', '', '', '', ''],
  ['CPH', 'COST', 'KPI', 'Cost per hire', 'Financial', 'Other', 'progress', 'lower', 'USD', 500, 800, '', '', '', '', '', 'HR head', '', '', '', 650],
  ['TTF', 'COST', 'KPI', 'Time to fill', 'Internal process', 'Speed', 'bands', 'lower', 'days', 30, '', '', '0; 30; 45; 60', '', '', '', 'HR head', '', '', '', 40],
  ['ERR', '', 'KPI', 'Payroll errors', 'Internal process', 'Accuracy', 'goal/red flag', 'lower', 'errors', 0, '', 4, '', '', 2, '', 'HR head', '', '', '', 2],
  ['HC', '', 'KPI', 'Headcount vs plan', 'Financial', 'Other', 'stabilize', 'higher', 'people', 120, '', '', '', 10, '', '', 'HR head', '', '', '', 115],
  ['AN', 'HR', 'Scorecard', 'An, recruiter', '', '', '', '', '', '', '', '', '', '', '', '', 'An', 'person', 8_000_000, '', ''],
  ['AN-OFFERS', 'AN', 'KPI', 'Offers accepted', 'Customer', 'Satisfaction', 'binary', 'higher', '%', 0.8, '', '', '', '', '', '', 'An', '', '', '', 0.85],
];
const HEADER_VI = ['Mã', 'Thuộc', 'Loại', 'Tên', 'Khía cạnh', 'Trụ cột', 'Cách chấm', 'Chiều', 'Đơn vị', 'Mục tiêu', 'Mốc gốc', 'Cờ đỏ', 'Các khoảng', 'Dung sai', 'Trọng số', 'Cách gộp', 'Người phụ trách', 'Cấp', 'Lương KPI', 'Thiếu dữ liệu', 'Thực tế'];
const WORDS_VI: Record<string, string> = {
  Scorecard: 'Thẻ điểm', Objective: 'Mục tiêu', KPI: 'Chỉ số', Financial: 'Tài chính', 'Internal process': 'Quy trình nội bộ', Customer: 'Khách hàng',
  Other: 'Khác', Speed: 'Tốc độ', Accuracy: 'Chính xác', Satisfaction: 'Hài lòng', progress: 'tiến độ', bands: 'theo khoảng', 'goal/red flag': 'mục tiêu/cờ đỏ',
  stabilize: 'ổn định', binary: 'đạt/không đạt', lower: 'thấp', higher: 'cao', weighted: 'bình quân gia quyền', average: 'trung bình', department: 'phòng ban',
  person: 'cá nhân', ignore: 'bỏ qua',
};
const VI = [HEADER_VI, ...EN.slice(1).map((row) => row.map((cell) => (typeof cell === 'string' && cell in WORDS_VI ? WORDS_VI[cell] : cell)))];

describe('columns and values in English or Vietnamese', () => {
  it('V1: the same scorecard typed in Vietnamese ("Tài chính", "thấp", "tiến độ") scores as the English one', () => {
    const en = loadBundle();
    sheetWith(en, 'HR', EN);
    const vi = loadBundle({ locale: 'vi' });
    sheetWith(vi, 'Nhân sự', VI);
    const [a, b] = [report(en), report(vi)];
    expect(b.language).toBe('vi');
    expect(nodes(b.tree).map((n) => [n.id, n.kind, n.score])).toEqual(nodes(a.tree).map((n) => [n.id, n.kind, n.score]));
    expect(b.kpis).toEqual(a.kpis);
    expect(b.overall).toBe(a.overall);
  });

  it('V2: the methods by hand: progress, bands, goal/red flag with a goal of 0, stabilize, binary; containers and pay', () => {
    const sandbox = loadBundle();
    sheetWith(sandbox, 'HR', EN);
    const r = report(sandbox);
    // Progress from 800 to 500 at 650: 0.5. Bands 0/30/45/60 lower is better at 40: 1 − (1 + 10/15) ÷ 3 = 4/9.
    expect(kpiOf(r, 'CPH').achievement).toBeCloseTo(0.5, 12);
    expect(kpiOf(r, 'TTF').achievement).toBeCloseTo(4 / 9, 12);
    // Goal 0, red flag 4, 2 errors: 10/3 × (1 + (2 − 4) ÷ (0 − 4)) = 5 of 10 → 0.5. Stabilize 120 ± 10 at 115: 0.5.
    expect(kpiOf(r, 'ERR').achievement).toBeCloseTo(0.5, 12);
    expect(kpiOf(r, 'HC').achievement).toBeCloseTo(0.5, 12);
    expect(kpiOf(r, 'AN-OFFERS').achievement).toBe(1);
    // COST averages its two KPIs; financial weighs COST (1) and HC (1); internal process holds ERR alone.
    const cost = mean(0.5, 4 / 9);
    expect(nodeOf(r, 'COST').score).toBeCloseTo(cost, 12);
    expect(nodeOf(r, 'financial').score).toBeCloseTo(mean(cost, 0.5), 12);
    expect(nodeOf(r, 'internal-process').score).toBeCloseTo(0.5, 12);
    expect(r.overall).toBeCloseTo(mean(mean(cost, 0.5), 0.5, 1), 12);
    expect(r.payouts).toEqual([expect.objectContaining({ owner: 'An', base: 8_000_000, payout: 8_000_000 })]);
  });

  it('V3: a sheet with only the old columns (KPI, Perspective, Pillar, Direction, Target, Actual) is still a scorecard', () => {
    const sandbox = loadBundle();
    sheetWith(sandbox, 'Old', [
      ['KPI', 'Perspective', 'Pillar', 'Direction', 'Target', 'Amber', 'Red', 'Actual'],
      ['Cost per PO', 'Financial', 'Other', 'lower', 25, 0.9, 0.7, 27.5],
      ['FTR', 'Internal process', 'Accuracy', 'higher', 0.95, 0.9, 0.7, 0.76],
    ]);
    const r = report(sandbox);
    expect(r.kpis.map((k) => [k.name, k.status])).toEqual([['Cost per PO', 'GREEN'], ['FTR', 'AMBER']]);
    expect(r.overall).toBeCloseTo(mean(25 / 27.5, 0.76 / 0.95), 12);
  });
});

describe('status thresholds, floor, cap and aggregation columns', () => {
  const EN_ROWS = [
    ['KPI', 'Perspective', 'Pillar', 'Method', 'Direction', 'Target', 'Green from', 'Red below', 'Floor', 'Cap', 'Aggregation', 'Actual'],
    ['SLA', 'Customer', 'Speed', 'ratio', 'higher', 1, 0.95, 0.8, '', '', 'ratio of sums', 0.96],
    ['Cost', 'Financial', 'Other', '', 'lower', 100, '', '', 0.5, 1.1, 'average', 250],
    ['TAT', 'Internal process', 'Speed', '', 'lower', 8, '', '', '', 1.1, 'last', 4],
  ];
  const VI_ROWS = [['Chỉ số', 'Khía cạnh', 'Trụ cột', 'Cách chấm', 'Chiều', 'Mục tiêu', 'Xanh từ', 'Đỏ dưới', 'Sàn', 'Trần', 'Cách tổng hợp', 'Thực tế'], ...EN_ROWS.slice(1)];

  it('T1: Green from / Red below set a method\'s RAG, Floor / Cap bound the ratio, in English or Vietnamese headers', () => {
    for (const [rows, locale] of [[EN_ROWS, 'en'], [VI_ROWS, 'vi']] as const) {
      const sandbox = loadBundle({ locale });
      sheetWith(sandbox, 'T', rows.map((row) => [...row]));
      const r = report(sandbox);
      // 0.96 is GREEN from 0.95 (the default rule would say AMBER); 250 vs 100 lower is 0.4, raised to the floor 0.5; 8/4 = 2 capped at 1.1.
      expect(r.kpis.map((k) => [k.name, k.achievement, k.status])).toEqual([['SLA', 0.96, 'GREEN'], ['Cost', 0.5, 'RED'], ['TAT', 1.1, 'GREEN']]);
    }
  });

  it('T2: an aggregation that is not one of the words names its column', () => {
    const sandbox = loadBundle();
    sheetWith(sandbox, 'T', EN_ROWS.map((row, i) => (i === 2 ? row.map((cell) => (cell === 'average' ? 'weekly' : cell)) : [...row])));
    expect(sandbox.thrown('getScorecard')).toBe('T row 3, column "Aggregation": "weekly" is not one of: sum, average, last, min, max, ratio of sums');
  });
});

describe('missing data policy', () => {
  const rows = (policy: string) => [
    ['ID', 'Parent', 'Kind', 'Name', 'Perspective', 'Pillar', 'Direction', 'Method', 'Target', 'Missing data', 'Actual', 'Previous'],
    ['T', '', 'Scorecard', 'Team', '', '', '', '', '', policy, '', ''],
    ['A', '', 'KPI', 'A', 'Financial', 'Other', 'higher', 'ratio', 10, '', 8, ''],
    ['B', '', 'KPI', 'B', 'Financial', 'Other', 'higher', 'ratio', 10, '', '', 6],
    ['C', '', 'KPI', 'C', 'Customer', 'Other', 'higher', 'ratio', 10, '', 10, ''],
  ];
  const run = (policy: string) => {
    const sandbox = loadBundle();
    sheetWith(sandbox, 'Team', rows(policy));
    return report(sandbox);
  };

  it('M1: ignore leaves B out, zero scores it 0, carry forward takes its previous value, strict greys its perspective and the top', () => {
    expect(nodeOf(run('ignore'), 'financial').score).toBeCloseTo(0.8, 12);
    expect(nodeOf(run('zero'), 'financial').score).toBeCloseTo(0.4, 12);
    const carried = run('carry forward');
    expect(nodeOf(carried, 'financial').score).toBeCloseTo(0.7, 12);
    expect(kpiOf(carried, 'B').source).toBe('carried');
    const strict = run('nghiêm ngặt');
    expect([nodeOf(strict, 'financial'), nodeOf(strict, 'T')].map((n) => [n.score, n.greyed])).toEqual([[null, true], [null, true]]);
    expect(nodeOf(strict, 'customer')).toMatchObject({ score: 1, greyed: false });
  });
});

describe('errors name the row and the column, in the language of the sheet or of the page', () => {
  const failure = (rows: unknown[][], options: { locale?: string; language?: string } = {}) => {
    const sandbox = loadBundle({ locale: options.locale ?? 'en' });
    sheetWith(sandbox, 'Thẻ', rows);
    return sandbox.thrown('getScorecard', ...(options.language ? [options.language] : []));
  };
  const edit = (rows: unknown[][], row: number, column: string, value: unknown) => {
    const copy = rows.map((r) => [...r]);
    copy[row - 1][rows[0].indexOf(column)] = value;
    return copy;
  };

  it('E1: a value that is not a number or not a known word', () => {
    expect(failure(edit(VI, 4, 'Mục tiêu', 'năm trăm'), { locale: 'vi' })).toBe('Thẻ hàng 4, cột "Mục tiêu": "năm trăm" không phải là số');
    expect(failure(edit(EN, 4, 'Target', 'five hundred'))).toBe('Thẻ row 4, column "Target": "five hundred" is not a number');
    expect(failure(edit(VI, 4, 'Khía cạnh', 'Tai chinh'), { locale: 'vi' })).toBe(
      'Thẻ hàng 4, cột "Khía cạnh": "Tai chinh" không thuộc các giá trị: Tài chính, Khách hàng, Quy trình nội bộ, Đào tạo và phát triển',
    );
    expect(failure(edit(EN, 5, 'Method', 'curve'))).toBe('Thẻ row 5, column "Method": "curve" is not one of: ratio, progress, performance, goal/red flag, stabilize, binary, bands');
    expect(failure(edit(EN, 5, 'Bands', '0; 30; x'))).toBe('Thẻ row 5, column "Bands": "0; 30; x" is not a list of numbers such as 0; 50; 80; 100');
  });

  it('E2: the core\'s rules (unordered bands, a zero-width scale, a missing target or baseline, weights all 0) name the row and column, in English and Vietnamese', () => {
    const vi = { locale: 'vi' };
    expect(failure(edit(EN, 5, 'Bands', '0; 45; 30'))).toBe('Thẻ row 5, column "Bands": the bands must ascend: 30 is not greater than 45 before it');
    expect(failure(edit(VI, 5, 'Các khoảng', '0; 45; 30'), vi)).toBe('Thẻ hàng 5, cột "Các khoảng": các khoảng phải tăng dần: 30 không lớn hơn 45 đứng trước');
    expect(failure(edit(EN, 4, 'Baseline', 500))).toBe('Thẻ row 4, column "Baseline": 500 equals "Target": the scale has no width');
    expect(failure(edit(VI, 4, 'Mốc gốc', 500), vi)).toBe('Thẻ hàng 4, cột "Mốc gốc": 500 bằng "Mục tiêu": thang điểm không có độ rộng');
    expect(failure(edit(VI, 6, 'Cờ đỏ', 0), vi)).toBe('Thẻ hàng 6, cột "Cờ đỏ": 0 bằng "Mục tiêu": thang điểm không có độ rộng');
    expect(failure(edit(EN, 4, 'Target', ''))).toBe('Thẻ row 4, column "Target": a value is required here');
    expect(failure(edit(VI, 4, 'Mục tiêu', ''), vi)).toBe('Thẻ hàng 4, cột "Mục tiêu": ô này cần có giá trị');
    expect(failure(edit(VI, 4, 'Mốc gốc', ''), vi)).toBe('Thẻ hàng 4, cột "Mốc gốc": ô này cần có giá trị');
    expect(failure(edit(VI, 4, 'Trụ cột', ''), vi)).toBe('Thẻ hàng 4, cột "Trụ cột": ô này cần có giá trị');
    const zeroWeights = (rows: unknown[][], weight: string, rollUp: string) => edit(edit(edit(rows, 4, weight, 0), 5, weight, 0), 3, rollUp, '');
    expect(failure(zeroWeights(EN, 'Weight', 'Roll-up'))).toBe('Thẻ row 3, column "Weight": every weight under "COST" is 0: there is nothing to weight');
    expect(failure(zeroWeights(VI, 'Trọng số', 'Cách gộp'), vi)).toBe('Thẻ hàng 3, cột "Trọng số": mọi trọng số thuộc "COST" đều bằng 0: không có gì để tính');
  });

  it('E2b: pay steps are read by the core: a step table out of order names its column', () => {
    const rows = (steps: string) => [
      ['ID', 'Parent', 'Kind', 'Name', 'Level', 'Pay base', 'Pay steps', 'Perspective', 'Pillar', 'Direction', 'Target', 'Actual'],
      ['AN', '', 'Scorecard', 'An', 'person', 10_000_000, steps, '', '', '', '', ''],
      ['K', 'AN', 'KPI', 'Offers', '', '', '', 'Customer', 'Other', 'higher', 10, 8.5],
    ];
    const ok = loadBundle();
    sheetWith(ok, 'An', rows('0.8: 0.5; 0.9: 0.8; 1: 1'));
    // Score 0.85 reaches the 0.8 step: 0.5 × base.
    expect(report(ok).payouts[0].payout).toBe(5_000_000);
    expect(failure(rows('0.9: 0.5; 0.8: 1'))).toMatch(/^Thẻ row 2, column "Pay steps": .*must ascend: 0\.8 is not greater than 0\.9/);
  });

  it('E3: the core\'s treeFromRows checks (unknown parent, a KPI as parent, a cycle of parents, an id used twice) name the sheet row and column, in English and Vietnamese', () => {
    const vi = { locale: 'vi' };
    expect(failure(edit(EN, 4, 'Parent', 'NOPE'))).toBe('Thẻ row 4, column "Parent": "NOPE" is not the ID of any row');
    expect(failure(edit(VI, 4, 'Thuộc', 'NOPE'), vi)).toBe('Thẻ hàng 4, cột "Thuộc": "NOPE" không phải mã của hàng nào');
    const cycle = (rows: unknown[][]) => [...rows, ['O1', 'O2', 'Objective', 'One', 'Financial'], ['O2', 'O1', 'Objective', 'Two', 'Financial']];
    expect(failure(cycle(EN))).toBe('Thẻ row 10, column "Parent": the parents form a cycle: O1 → O2 → O1');
    expect(failure(cycle(VI), vi)).toBe('Thẻ hàng 10, cột "Thuộc": các hàng thuộc nhau thành vòng: O1 → O2 → O1');
    expect(failure(edit(EN, 5, 'ID', 'CPH'))).toBe('Thẻ row 5, column "ID": the ID "CPH" is also row 4\'s');
    expect(failure(edit(VI, 5, 'Mã', 'CPH'), vi)).toBe('Thẻ hàng 5, cột "Mã": mã "CPH" đã dùng ở hàng 4');
    expect(failure(edit(EN, 4, 'Parent', 'ERR'))).toBe('Thẻ row 4, column "Parent": "ERR" is a KPI, and a KPI holds no rows');
    expect(failure(edit(VI, 4, 'Thuộc', 'ERR'), vi)).toBe('Thẻ hàng 4, cột "Thuộc": "ERR" là một chỉ số, mà chỉ số không chứa hàng nào');
  });

  it('E3c: a check without its own sentence keeps the core\'s English detail, in a Vietnamese sentence', () => {
    // Green from on a KPI without a Method (row 7, headcount): the core's status rule needs a scoring method.
    const withGreenFrom = (rows: unknown[][], header: string) => edit(edit(rows.map((row, i) => [...row, i === 0 ? header : '']), 7, header, 0.95), 7, rows[0][6] as string, '');
    expect(failure(withGreenFrom(EN, 'Green from'))).toMatch(/^Thẻ row 7, column "Green from": KPI "HC": status needs a scoring method/);
    expect(failure(withGreenFrom(VI, 'Xanh từ'), { locale: 'vi' })).toMatch(/^Thẻ hàng 7, cột "Xanh từ": giá trị không hợp lệ \(KPI "HC": status needs a scoring method/);
  });

  it('E3b: a missing-data policy off the top row', () => {
    expect(failure(edit(EN, 3, 'Missing data', 'zero'))).toBe('Thẻ row 3, column "Missing data": the missing-data policy belongs on the row of the top scorecard (a scorecard without a parent)');
  });

  it('E4: the page\'s language wins when it passes one; column names stay as the sheet writes them', () => {
    expect(failure(edit(VI, 4, 'Mục tiêu', 'x'), { locale: 'vi', language: 'en' })).toBe('Thẻ row 4, column "Mục tiêu": "x" is not a number');
    expect(failure(edit(EN, 4, 'Target', 'x'), { language: 'vi' })).toBe('Thẻ hàng 4, cột "Target": "x" không phải là số');
  });

  it('E5: no scorecard sheet at all, in the user\'s language', () => {
    expect(loadBundle({ locale: 'vi' }).thrown('getScorecard')).toMatch(/^Không có trang thẻ điểm: /);
    expect(loadBundle().thrown('getScorecard')).toMatch(/^No scorecard sheet: /);
  });
});
