import { instantOfWallTime } from '../../../core/calendar';
import { languageOf, type Language } from '../i18n';
import { activeSpreadsheet, userLocale, type CellValue, type Sheet } from '../platform';
import { COLUMNS, COLUMN_HEADERS, CONTAINER_WORDS, DIRECTION_WORDS, KINDS, LEVEL_WORDS, METHOD_WORDS, MISSING_WORDS, PERSPECTIVE_WORDS, PILLAR_WORDS, type Vocabulary } from '../scorecard/vocabulary';

/**
 * "Insert sample sheet", in the user's language: a purchasing team in Ho Chi Minh City. Domestic supplies are due in 3 business days,
 * imported machinery in 45, on an office calendar with Vietnam's public holidays and the 2 May 2025 bridge day off.
 * Times are instants (Dates), so they stay right in any spreadsheet time zone.
 */

/** @internal Exported for its tests. */
export const SAMPLE_CALENDAR = 'Mo-Fr 08:00-12:00,13:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN';
const ZONE = 'Asia/Ho_Chi_Minh';
const REQUESTS_SHEET = 'Purchase requests';
const SCORECARD_SHEET = 'Scorecard';

const DOMESTIC = ['Domestic supplies', '3bd'] as const;
const IMPORTED = ['Imported machinery', '45bd'] as const;

/**
 * [request, kind, requested, delivered ('' while open), right first time]; wall times in Ho Chi Minh City.
 * @internal Exported for its tests.
 */
export const SAMPLE_REQUESTS: ReadonlyArray<readonly [string, typeof DOMESTIC | typeof IMPORTED, string, string, boolean | '']> = [
  ['PR-001', DOMESTIC, '2025-03-03 09:15', '2025-03-05 16:00', true],
  ['PR-002', DOMESTIC, '2025-03-04 14:30', '2025-03-10 10:00', false],
  ['PR-003', IMPORTED, '2025-03-05 10:00', '2025-05-06 15:00', true],
  ['PR-004', DOMESTIC, '2025-03-07 16:45', '2025-03-12 11:00', true],
  ['PR-005', DOMESTIC, '2025-03-12 08:30', '2025-03-14 17:00', true],
  ['PR-006', IMPORTED, '2025-03-14 11:00', '2025-06-02 09:00', false],
  ['PR-007', DOMESTIC, '2025-03-18 13:20', '2025-03-20 10:30', true],
  ['PR-008', DOMESTIC, '2025-03-25 09:00', '2025-03-31 15:00', false],
  ['PR-009', DOMESTIC, '2025-04-01 10:10', '2025-04-03 16:20', true],
  ['PR-010', IMPORTED, '2025-04-02 15:00', '2025-06-05 11:00', true],
  ['PR-011', DOMESTIC, '2025-04-04 08:00', '2025-04-09 09:30', true],
  ['PR-012', DOMESTIC, '2025-04-10 14:00', '2025-04-15 11:30', true],
  ['PR-013', DOMESTIC, '2025-04-25 11:00', '2025-05-06 10:00', false],
  ['PR-014', IMPORTED, '2025-04-21 09:30', '', ''],
  ['PR-015', DOMESTIC, '2025-05-12 10:00', '2025-05-14 15:00', true],
  ['PR-016', DOMESTIC, '2025-05-20 16:00', '2025-05-23 11:00', true],
  ['PR-017', IMPORTED, '2025-05-26 08:45', '', ''],
  ['PR-018', DOMESTIC, '2025-06-16 13:00', '2025-06-18 12:00', true],
  ['PR-019', DOMESTIC, '2025-06-26 09:00', '', ''],
  ['PR-020', DOMESTIC, '2025-06-20 10:00', '', ''],
];
/** @internal Exported for its tests. */
export const SAMPLE_AS_OF = '2025-06-30 17:00';
/** @internal Exported for its tests. */
export const SAMPLE_COMPANY_HOLIDAYS = ['2025-05-02'];

const dateAt = (wall: string): Date => new Date(instantOfWallTime(Date.parse(`${wall.replace(' ', 'T')}:00Z`), ZONE));

const SETTINGS_COLUMN = 12; // L: the calendar, as-of, company holidays and summary, referenced by every formula
const N = SAMPLE_REQUESTS.length;
const LAST = N + 1;
const col = (letter: string) => `$${letter}$2:$${letter}$${LAST}`;
const ARGS = { calendar: '$L$2', asOf: '$L$3', holidays: '$L$6:$L$8' };

/** The sample's own words in Vietnamese, for a `vi` user; everything else (ids, formulas, numbers) is the same. */
const VIETNAMESE: Record<string, string> = {
  'Purchase requests': 'Yêu cầu mua hàng', Scorecard: 'Thẻ điểm',
  Request: 'Mã đề nghị', Type: 'Loại', Target: 'Chỉ tiêu', Requested: 'Ngày đề nghị', Delivered: 'Ngày giao', 'Right first time': 'Làm đúng ngay từ đầu',
  Due: 'Hạn xử lý', Status: 'Trạng thái', 'Working hours': 'Giờ làm việc', 'Hours left': 'Giờ còn lại',
  'Domestic supplies': 'Vật tư trong nước', 'Imported machinery': 'Máy móc nhập khẩu',
  Calendar: 'Lịch', 'As of': 'Tính đến', 'Company days off': 'Ngày nghỉ của công ty', 'SLA compliance': 'Tỷ lệ tuân thủ SLA',
  'Median TAT (working hours)': 'Thời gian hoàn thành (TAT) trung vị (giờ làm việc)', 'First time right': 'Tỷ lệ làm đúng ngay từ đầu (FTR)', 'Business days in Q2': 'Số ngày làm việc quý II',
  'Back office': 'Khối hỗ trợ (Back Office)', 'Finance director': 'Giám đốc tài chính', 'Head of purchasing': 'Trưởng phòng mua hàng', 'Chief accountant': 'Kế toán trưởng',
  'Requesters get what they need': 'Người đề nghị nhận đúng thứ cần', 'Requester CSAT': 'Mức độ hài lòng của người đề nghị (CSAT)', 'Requester iNPS': 'Điểm hài lòng nội bộ của người đề nghị (iNPS)',
  score: 'điểm', 'Buy fast and right': 'Mua nhanh và đúng', 'Purchase SLA compliance': 'Tỷ lệ tuân thủ SLA mua hàng',
  'Median purchase TAT': 'Thời gian hoàn thành mua hàng (TAT, trung vị)', 'working hours': 'giờ làm việc',
  'Pay people right and on time': 'Trả lương đúng và đúng hạn', 'Payroll accuracy': 'Độ chính xác bảng lương', 'Payslips on time': 'Phiếu lương đúng hạn',
  'Stay compliant': 'Tuân thủ quy định', 'Compliance incidents': 'Sự cố tuân thủ', incidents: 'sự cố', 'Collect cash faster': 'Thu tiền nhanh hơn',
  'Days sales outstanding': 'Số ngày phải thu (DSO)', days: 'ngày', 'Cost per purchase order': 'Chi phí mỗi đơn mua hàng',
  'Buyers trained on the new ERP': 'Nhân viên mua hàng đã học ERP mới', 'Lan, payroll accountant': 'Lan, kế toán tiền lương',
  'Payroll runs without error': 'Kỳ lương không sai sót', 'Payslips sent by the 5th': 'Phiếu lương gửi chậm nhất ngày 5',
  'Payroll queries answered in 2 days': 'Thắc mắc về lương được trả lời trong 2 ngày', 'Minh, receivables accountant': 'Minh, kế toán công nợ phải thu',
  'DSO of his customers': 'DSO của khách hàng anh phụ trách', 'Invoices without correction': 'Hóa đơn không phải sửa',
  'Bank reconciliation by day 3': 'Đối chiếu ngân hàng chậm nhất ngày 3', 'done (1/0)': 'xong (1/0)',
  'Examples (vi_VN)': 'Ví dụ (vi_VN: dấu ; và dấu phẩy thập phân)', 'Examples (en_US)': 'Ví dụ (en_US: dấu , và dấu chấm thập phân)',
};
type Say = (text: string) => string;
const sayIn = (language: Language): Say => (text) => (language === 'vi' ? VIETNAMESE[text] ?? text : text);

function writeRequests(sheet: Sheet, say: Say): void {
  const header = ['Request', 'Type', 'Target', 'Requested', 'Delivered', 'Right first time', 'Due', 'Status', 'Working hours', 'Hours left'].map(say);
  const rows: CellValue[][] = SAMPLE_REQUESTS.map(([id, [kind, target], requested, delivered, ftr]) => [
    id, say(kind), target, dateAt(requested), delivered ? dateAt(delivered) : '', ftr,
  ]);
  sheet.getRange(1, 1, 1, header.length).setValues([header]).setFontWeight('bold');
  sheet.getRange(2, 1, N, 6).setValues(rows);
  // One formula per column: each spills down its column, with #INVALID only in a bad row.
  sheet.getRange(2, 7, 1, 4).setFormulas([[
    `=SLA_DUE(${col('D')}, ${col('C')}, ${ARGS.calendar}, ${ARGS.holidays})`,
    `=SLA_STATUS(${col('D')}, ${col('E')}, ${col('C')}, ${ARGS.calendar}, ${ARGS.holidays}, ${ARGS.asOf})`,
    `=BUSINESS_HOURS(${col('D')}, ${col('E')}, ${ARGS.calendar}, ${ARGS.holidays})`,
    `=SLA_REMAINING(${col('D')}, ${col('C')}, ${ARGS.calendar}, ${ARGS.holidays}, ${ARGS.asOf})`,
  ]]);
  sheet.getRange(2, 4, N, 2).setNumberFormat('yyyy-mm-dd hh:mm');
  sheet.getRange(2, 7, N, 1).setNumberFormat('yyyy-mm-dd hh:mm');
  sheet.getRange(2, 9, N, 2).setNumberFormat('0.0');

  const settings: CellValue[][] = [
    [say('Calendar'), SAMPLE_CALENDAR],
    [say('As of'), dateAt(SAMPLE_AS_OF)],
    ['', ''],
    ['', ''],
    [say('Company days off'), dateAt(`${SAMPLE_COMPANY_HOLIDAYS[0]} 00:00`)],
    ['', ''],
    ['', ''],
    ['', ''],
  ];
  sheet.getRange(2, SETTINGS_COLUMN - 1, settings.length, 2).setValues(settings);
  sheet.getRange(11, SETTINGS_COLUMN - 1, 4, 2).setFormulas([
    [say('SLA compliance'), `=SLA_COMPLIANCE(${col('D')}, ${col('E')}, ${col('C')}, ${ARGS.calendar}, ${ARGS.holidays}, ${ARGS.asOf})`],
    [say('Median TAT (working hours)'), `=TAT(${col('D')}, ${col('E')}, ${ARGS.calendar}, ${ARGS.holidays}, "median")`],
    [say('First time right'), `=FTR_RATE(${col('F')})`],
    [say('Business days in Q2'), `=BUSINESS_DAYS("2025-04-01", "2025-06-30", 1, ${ARGS.holidays})`],
  ]);
  // Examples as text (not formulas) in both notations: a vi_VN sheet separates arguments with ";" and writes decimal
  // commas, an en_US one uses "," and a point; the user copies the one their locale takes.
  sheet.getRange(16, SETTINGS_COLUMN - 1, SAMPLE_EXAMPLES.length + 1, 2).setValues([
    [say('Examples (vi_VN)'), say('Examples (en_US)')],
    ...SAMPLE_EXAMPLES.map(([vi, en]): CellValue[] => [vi, en]),
  ]);
  sheet.setFrozenRows(1);
  sheet.autoResizeColumns(1, SETTINGS_COLUMN);
}

/** Formula examples written without the leading "=" so that they stay text: vi_VN notation, then en_US. */
const SAMPLE_EXAMPLES: readonly (readonly [vi: string, en: string])[] = [
  ['ADD_BUSINESS_DAYS(DATE(2026;8;28); 3; "T2-T6 08:00-17:00 | holidays=VN")', 'ADD_BUSINESS_DAYS(DATE(2026,8,28), 3, "Mo-Fr 08:00-17:00 | holidays=VN")'],
  ['BUSINESS_DAYS(DATE(2025;4;25); DATE(2025;5;5); $L$2)', 'BUSINESS_DAYS(DATE(2025,4,25), DATE(2025,5,5), $L$2)'],
  ['KPI_SCORE(0,85; 0,9)', 'KPI_SCORE(0.85, 0.9)'],
  ['KPI_PAYOUT(1,05; 10000000; 0,8; 1,2)', 'KPI_PAYOUT(1.05, 10000000, 0.8, 1.2)'],
  ['HOLIDAYS("VN"; 2026)', 'HOLIDAYS("VN", 2026)'],
];

/** The scorecard sheet's columns, in order (sheets-addon/README.md describes each). */
const SCORECARD_HEADER = [
  'ID', 'Parent', 'Kind', 'Name', 'Perspective', 'Pillar', 'Method', 'Direction', 'Unit', 'Target', 'Baseline', 'Red flag',
  'Weight', 'Roll-up', 'Owner', 'Level', 'Pay base', 'Pay gate', 'Pay cap', 'Missing data', 'Actual', 'Previous',
  'Guarded by', 'History 1', 'History 2', 'History 3',
] as const;
type ScorecardRow = Partial<Record<(typeof SCORECARD_HEADER)[number], CellValue>>;

/**
 * A back office's scorecard (Ho Chi Minh City): objectives under the four perspectives, several scoring methods (SLA
 * compliance by ratio, compliance incidents by goal/red flag with a goal of 0, payroll accuracy binary, DSO by progress
 * from last year's 60 days), a survey not in yet (carried forward from the previous period) and two person-level
 * scorecards with KPI pay. Purchasing's actuals are formulas on the requests sheet ({requests} is replaced).
 */
const SAMPLE_SCORECARD: readonly ScorecardRow[] = [
  { ID: 'BO', Kind: 'Scorecard', Name: 'Back office', Owner: 'Finance director', Level: 'company', 'Roll-up': 'weighted', 'Missing data': 'carry forward' },
  { ID: 'SERVE', Kind: 'Objective', Name: 'Requesters get what they need', Perspective: 'Customer', Owner: 'Head of purchasing' },
  { ID: 'CSAT', Parent: 'SERVE', Name: 'Requester CSAT', Perspective: 'Customer', Pillar: 'Satisfaction', Method: 'ratio', Direction: 'higher', Unit: '%', Target: 0.85, Owner: 'Head of purchasing', Actual: 0.88, Previous: 0.86, 'History 1': 0.8, 'History 2': 0.83, 'History 3': 0.84 },
  { ID: 'INPS', Parent: 'SERVE', Name: 'Requester iNPS', Perspective: 'Customer', Pillar: 'Satisfaction', Method: 'ratio', Direction: 'higher', Unit: 'score', Target: 40, Owner: 'Head of purchasing', Previous: 31, 'History 1': 22, 'History 2': 25, 'History 3': 28 },
  { ID: 'BUY', Kind: 'Objective', Name: 'Buy fast and right', Perspective: 'Internal process', Owner: 'Head of purchasing' },
  { ID: 'SLA', Parent: 'BUY', Name: 'Purchase SLA compliance', Perspective: 'Internal process', Pillar: 'Speed', Method: 'ratio', Direction: 'higher', Unit: '%', Target: 0.9, Weight: 2, Owner: 'Head of purchasing', Actual: '={requests}$L$11', Previous: 0.6, 'Guarded by': 'FTR', 'History 1': 0.55, 'History 2': 0.62, 'History 3': 0.58 },
  { ID: 'TAT', Parent: 'BUY', Name: 'Median purchase TAT', Perspective: 'Internal process', Pillar: 'Speed', Method: 'ratio', Direction: 'lower', Unit: 'working hours', Target: 16, Owner: 'Head of purchasing', Actual: '={requests}$L$12', Previous: 24, 'History 1': 30, 'History 2': 27, 'History 3': 26 },
  { ID: 'FTR', Parent: 'BUY', Name: 'First time right', Perspective: 'Internal process', Pillar: 'Accuracy', Method: 'ratio', Direction: 'higher', Unit: '%', Target: 0.95, Weight: 2, Owner: 'Head of purchasing', Actual: '={requests}$L$13', Previous: 0.8, 'History 1': 0.84, 'History 2': 0.82, 'History 3': 0.81 },
  { ID: 'PAYROLL', Kind: 'Objective', Name: 'Pay people right and on time', Perspective: 'Internal process', 'Roll-up': 'min', Owner: 'Chief accountant' },
  { ID: 'PAY-ACC', Parent: 'PAYROLL', Name: 'Payroll accuracy', Perspective: 'Internal process', Pillar: 'Accuracy', Method: 'binary', Direction: 'higher', Unit: '%', Target: 0.995, Owner: 'Chief accountant', Actual: 0.996, Previous: 0.994 },
  { ID: 'PAY-TIME', Parent: 'PAYROLL', Name: 'Payslips on time', Perspective: 'Internal process', Pillar: 'Speed', Method: 'ratio', Direction: 'higher', Unit: '%', Target: 1, Owner: 'Chief accountant', Actual: 0.98, Previous: 0.97, 'Guarded by': 'PAY-ACC' },
  { ID: 'COMPLY', Kind: 'Objective', Name: 'Stay compliant', Perspective: 'Internal process', Owner: 'Chief accountant' },
  { ID: 'INCIDENTS', Parent: 'COMPLY', Name: 'Compliance incidents', Perspective: 'Internal process', Pillar: 'Accuracy', Method: 'goal/red flag', Direction: 'lower', Unit: 'incidents', Target: 0, 'Red flag': 3, Owner: 'Chief accountant', Actual: 1, Previous: 2 },
  { ID: 'CASH', Kind: 'Objective', Name: 'Collect cash faster', Perspective: 'Financial', Owner: 'Chief accountant' },
  { ID: 'DSO', Parent: 'CASH', Name: 'Days sales outstanding', Perspective: 'Financial', Pillar: 'Other', Method: 'progress', Direction: 'lower', Unit: 'days', Target: 45, Baseline: 60, Owner: 'Chief accountant', Actual: 51, Previous: 54, 'History 1': 60, 'History 2': 58, 'History 3': 56 },
  { ID: 'COST-PO', Name: 'Cost per purchase order', Perspective: 'Financial', Pillar: 'Other', Method: 'ratio', Direction: 'lower', Unit: 'USD', Target: 25, Owner: 'Head of purchasing', Actual: 27.5, Previous: 29, 'History 1': 33, 'History 2': 31, 'History 3': 30 },
  { ID: 'ERP', Name: 'Buyers trained on the new ERP', Perspective: 'Learning & growth', Pillar: 'Other', Method: 'ratio', Direction: 'higher', Unit: '%', Target: 0.9, Actual: 0.6, Previous: 0.45, 'History 1': 0.1, 'History 2': 0.25, 'History 3': 0.35 },
  { ID: 'LAN', Parent: 'BO', Kind: 'Scorecard', Name: 'Lan, payroll accountant', Owner: 'Lan', Level: 'person', 'Pay base': 10_000_000, 'Pay gate': 0.8, 'Pay cap': 1.2 },
  { ID: 'LAN-ACC', Parent: 'LAN', Name: 'Payroll runs without error', Perspective: 'Internal process', Pillar: 'Accuracy', Method: 'binary', Direction: 'higher', Unit: '%', Target: 0.995, Owner: 'Lan', Actual: 0.997 },
  { ID: 'LAN-TIME', Parent: 'LAN', Name: 'Payslips sent by the 5th', Perspective: 'Internal process', Pillar: 'Speed', Method: 'ratio', Direction: 'higher', Unit: '%', Target: 1, Owner: 'Lan', Actual: 0.95, 'Guarded by': 'LAN-ACC' },
  { ID: 'LAN-QRY', Parent: 'LAN', Name: 'Payroll queries answered in 2 days', Perspective: 'Customer', Pillar: 'Satisfaction', Method: 'ratio', Direction: 'higher', Unit: '%', Target: 0.9, Owner: 'Lan', Actual: 0.84 },
  { ID: 'MINH', Parent: 'BO', Kind: 'Scorecard', Name: 'Minh, receivables accountant', Owner: 'Minh', Level: 'person', 'Pay base': 12_000_000, 'Pay gate': 0.8, 'Pay cap': 1.2 },
  { ID: 'MINH-DSO', Parent: 'MINH', Name: 'DSO of his customers', Perspective: 'Financial', Pillar: 'Other', Method: 'progress', Direction: 'lower', Unit: 'days', Target: 45, Baseline: 60, Owner: 'Minh', Actual: 48 },
  { ID: 'MINH-INV', Parent: 'MINH', Name: 'Invoices without correction', Perspective: 'Customer', Pillar: 'Accuracy', Method: 'ratio', Direction: 'higher', Unit: '%', Target: 0.95, Owner: 'Minh', Actual: 0.9 },
  { ID: 'MINH-REC', Parent: 'MINH', Name: 'Bank reconciliation by day 3', Perspective: 'Internal process', Pillar: 'Other', Method: 'binary', Direction: 'higher', Unit: 'done (1/0)', Target: 1, Owner: 'Minh', Actual: 1 },
];

/**
 * Amounts a Vietnamese back office states in đồng, not dollars: the cost per purchase order in thousands of đồng,
 * every figure scaled alike (×24), so the KPI scores the same as in the English sample.
 */
const VIETNAMESE_AMOUNTS: Readonly<Record<string, ScorecardRow>> = {
  'COST-PO': { Unit: 'nghìn đồng', Target: 600, Actual: 660, Previous: 696, 'History 1': 792, 'History 2': 744, 'History 3': 720 },
};

/** Columns whose values are words the reader knows in both languages. */
const WORD_COLUMNS: Partial<Record<(typeof SCORECARD_HEADER)[number], Vocabulary<string>>> = {
  Kind: KINDS, Perspective: PERSPECTIVE_WORDS, Pillar: PILLAR_WORDS, Method: METHOD_WORDS, Direction: DIRECTION_WORDS,
  'Roll-up': CONTAINER_WORDS, Level: LEVEL_WORDS, 'Missing data': MISSING_WORDS,
};

/** A header in the user's language: the reader's own spelling (`History n` → `Lịch sử n`). */
function headerIn(header: string, language: Language): string {
  const column = COLUMNS.read(header);
  if (column !== null) return COLUMN_HEADERS[column][language][0];
  return language === 'vi' ? header.replace(/^History/, 'Lịch sử') : header;
}

/** The header and rows as cells in the user's language; a formula's text stays in its cell for writeScorecard. */
function scorecardCells(requestsSheet: string, language: Language): CellValue[][] {
  const say = sayIn(language);
  const rows = SAMPLE_SCORECARD.map((row) => (language === 'vi' ? { ...row, ...VIETNAMESE_AMOUNTS[String(row.ID)] } : row)).map((row) =>
    SCORECARD_HEADER.map((column): CellValue => {
      const value = row[column] ?? '';
      if (typeof value !== 'string' || value === '') return value;
      if (value.startsWith('=')) return value.replace('{requests}', `'${requestsSheet}'!`);
      const words = WORD_COLUMNS[column];
      return words ? words.spell(words.read(value)!, language) : say(value);
    }),
  );
  return [SCORECARD_HEADER.map((header) => headerIn(header, language)), ...rows];
}

function writeScorecard(sheet: Sheet, requestsSheet: string, language: Language): void {
  const [header, ...rows] = scorecardCells(requestsSheet, language);
  const isFormula = (cell: CellValue) => typeof cell === 'string' && cell.startsWith('=');
  sheet.getRange(1, 1, 1, header.length).setValues([header]).setFontWeight('bold');
  sheet.getRange(2, 1, rows.length, header.length).setValues(rows.map((row) => row.map((cell) => (isFormula(cell) ? '' : cell))));
  rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (isFormula(cell)) sheet.getRange(i + 2, j + 1, 1, 1).setFormulas([[cell as string]]);
    }),
  );
  sheet.setFrozenRows(1);
  sheet.autoResizeColumns(1, header.length);
}

/** Inserts both sheets, in the user's language, each under a free name ("Purchase requests 2" when the first is taken). */
export function insertSampleSheets(): { requests: string; scorecard: string } {
  const book = activeSpreadsheet();
  const language = languageOf(userLocale());
  const say = sayIn(language);
  const freeName = (base: string) => {
    let name = base;
    for (let i = 2; book.getSheetByName(name); i++) name = `${base} ${i}`;
    return name;
  };
  const requests = freeName(say(REQUESTS_SHEET));
  const scorecard = freeName(say(SCORECARD_SHEET));
  writeRequests(book.insertSheet(requests), say);
  writeScorecard(book.insertSheet(scorecard), requests, language);
  return { requests, scorecard };
}
