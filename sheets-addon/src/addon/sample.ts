import { instantOfWallTime } from '../../../core/calendar/zone';
import { activeSpreadsheet, type CellValue, type Sheet } from '../platform';

/**
 * "Insert sample sheet": a purchasing team in Ho Chi Minh City. Domestic supplies are due in 3 business days,
 * imported machinery in 45, on an office calendar with Vietnam's public holidays and the 2 May 2025 bridge day off.
 * Times are instants (Dates), so they stay right in any spreadsheet time zone.
 */

export const SAMPLE_CALENDAR = 'Mo-Fr 08:00-12:00,13:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN';
const ZONE = 'Asia/Ho_Chi_Minh';
export const REQUESTS_SHEET = 'Purchase requests';
export const SCORECARD_SHEET = 'Scorecard';

const DOMESTIC = ['Domestic supplies', '3bd'] as const;
const IMPORTED = ['Imported machinery', '45bd'] as const;

/** [request, kind, requested, delivered ('' while open), right first time]; wall times in Ho Chi Minh City. */
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
export const SAMPLE_AS_OF = '2025-06-30 17:00';
export const SAMPLE_COMPANY_HOLIDAYS = ['2025-05-02'];

const dateAt = (wall: string): Date => new Date(instantOfWallTime(Date.parse(`${wall.replace(' ', 'T')}:00Z`), ZONE));

const SETTINGS_COLUMN = 12; // L: the calendar, as-of, company holidays and summary, referenced by every formula
const N = SAMPLE_REQUESTS.length;
const LAST = N + 1;
const col = (letter: string) => `$${letter}$2:$${letter}$${LAST}`;
const ARGS = { calendar: '$L$2', asOf: '$L$3', holidays: '$L$6:$L$8' };

function writeRequests(sheet: Sheet): void {
  const header = ['Request', 'Type', 'Target', 'Requested', 'Delivered', 'Right first time', 'Due', 'Status', 'Working hours', 'Hours left'];
  const rows: CellValue[][] = SAMPLE_REQUESTS.map(([id, [kind, target], requested, delivered, ftr]) => [
    id, kind, target, dateAt(requested), delivered ? dateAt(delivered) : '', ftr,
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
    ['Calendar', SAMPLE_CALENDAR],
    ['As of', dateAt(SAMPLE_AS_OF)],
    ['', ''],
    ['', ''],
    ['Company days off', dateAt(`${SAMPLE_COMPANY_HOLIDAYS[0]} 00:00`)],
    ['', ''],
    ['', ''],
    ['', ''],
  ];
  sheet.getRange(2, SETTINGS_COLUMN - 1, settings.length, 2).setValues(settings);
  sheet.getRange(11, SETTINGS_COLUMN - 1, 4, 2).setFormulas([
    ['SLA compliance', `=SLA_COMPLIANCE(${col('D')}, ${col('E')}, ${col('C')}, ${ARGS.calendar}, ${ARGS.holidays}, ${ARGS.asOf})`],
    ['Median TAT (working hours)', `=TAT(${col('D')}, ${col('E')}, ${ARGS.calendar}, ${ARGS.holidays}, "median")`],
    ['First time right', `=FTR_RATE(${col('F')})`],
    ['Business days in Q2', `=BUSINESS_DAYS("2025-04-01", "2025-06-30", 1, ${ARGS.holidays})`],
  ]);
  sheet.setFrozenRows(1);
  sheet.autoResizeColumns(1, SETTINGS_COLUMN);
}

/** Actuals are formulas on the requests sheet where the data is there; the rest are typed in, as teams do. */
function writeScorecard(sheet: Sheet, requestsSheet: string): void {
  const r = `'${requestsSheet}'!`;
  const rows: CellValue[][] = [
    ['KPI', 'Perspective', 'Pillar', 'Direction', 'Unit', 'Target', 'Amber', 'Red', 'Weight', 'Actual', 'Previous', 'Guarded by', 'History 1', 'History 2', 'History 3'],
    ['Purchase SLA compliance', 'Internal process', 'Speed', 'higher', '%', 0.9, 0.9, 0.7, 2, `=${r}$L$11`, 0.6, 'First time right', 0.55, 0.62, 0.58],
    ['Median purchase TAT', 'Internal process', 'Speed', 'lower', 'working hours', 16, 0.9, 0.7, 1, `=${r}$L$12`, 24, '', 30, 27, 26],
    ['First time right', 'Internal process', 'Accuracy', 'higher', '%', 0.95, 0.9, 0.7, 2, `=${r}$L$13`, 0.8, '', 0.84, 0.82, 0.81],
    ['Requester iNPS', 'Customer', 'Satisfaction', 'higher', 'score', 40, 0.9, 0.7, 1, 34, 31, '', 22, 25, 28],
    ['Requester CSAT', 'Customer', 'Satisfaction', 'higher', '%', 0.85, 0.9, 0.7, 1, 0.88, 0.86, '', 0.8, 0.83, 0.84],
    ['Cost per purchase order', 'Financial', 'Other', 'lower', 'USD', 25, 0.9, 0.7, 1, 27.5, 29, '', 33, 31, 30],
    ['Days payable outstanding', 'Financial', 'Other', 'lower', 'days', 45, 0.9, 0.7, 1, 41, 44, '', 52, 49, 47],
    ['Buyers trained on the new ERP', 'Learning & growth', 'Other', 'higher', '%', 0.9, 0.9, 0.7, 1, 0.6, 0.45, '', 0.1, 0.25, 0.35],
  ];
  const [header, ...kpis] = rows;
  sheet.getRange(1, 1, 1, header.length).setValues([header]).setFontWeight('bold');
  const values = kpis.map((row) => row.map((cell) => (typeof cell === 'string' && cell.startsWith('=') ? '' : cell)));
  sheet.getRange(2, 1, kpis.length, header.length).setValues(values);
  kpis.forEach((row, i) => {
    const formula = row[9];
    if (typeof formula === 'string') sheet.getRange(i + 2, 10, 1, 1).setFormulas([[formula]]);
  });
  sheet.setFrozenRows(1);
  sheet.autoResizeColumns(1, header.length);
}

/** Inserts both sheets, each under a free name ("Purchase requests 2" when the first is taken). */
export function insertSampleSheets(): { requests: string; scorecard: string } {
  const book = activeSpreadsheet();
  const freeName = (base: string) => {
    let name = base;
    for (let i = 2; book.getSheetByName(name); i++) name = `${base} ${i}`;
    return name;
  };
  const requests = freeName(REQUESTS_SHEET);
  const scorecard = freeName(SCORECARD_SHEET);
  writeRequests(book.insertSheet(requests));
  writeScorecard(book.insertSheet(scorecard), requests);
  return { requests, scorecard };
}
