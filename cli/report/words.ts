import { type Language, localeTagOf, periodName } from '../../core/i18n';
import type { SignalParameters } from '../../core/market';
import type { ScorecardNote } from '../../core/scorecard';
import { MARKET_EN, MARKET_VI } from './market-words';

/**
 * The text and HTML report's words and number formats in English and Vietnamese (`--lang`), so a Vietnamese back
 * office reads `Tỷ lệ tuân thủ SLA 95,2%` and `Tháng 3/2012`. Names from the input (policies, goals, fields, KPIs)
 * stay as written. Words follow docs/GLOSSARY-VI.md.
 */
const en = {
  title: (source: string) => `SLA report: ${source}`,
  input: 'Input',
  tickets: 'Tickets',
  ticketsLine: (tickets: string, measured: string, cycles: string) => `${tickets} (${measured} under a policy, ${cycles} SLA cycles)`,
  events: 'Events',
  period: 'Period',
  periodLine: (first: string, last: string) => `${first} to ${last}`,
  asOf: 'As of',
  latestEvent: ' (the latest event)',
  policies: 'Policies',
  timeZone: 'Time zone',
  speed: 'Speed: SLA compliance',
  compliance: 'Compliance',
  complianceBasis: 'met / (met + breached + open late)',
  countHeaders: ['Met', 'Breached', 'Open late', 'Open on time', 'Compliance'],
  tatMedian: 'TAT median',
  tatP90: 'TAT p90',
  tatNote: (cycles: string) => `working hours, ${cycles} completed cycles`,
  tatMedianHeader: 'TAT median h',
  tatP90Header: 'TAT p90 h',
  accuracy: 'Accuracy',
  accuracyAndSatisfaction: 'Accuracy and satisfaction',
  firstTimeRight: 'First time right',
  ftrBasis: (never: string, resolved: string) => `${never} of ${resolved} resolved tickets never reopened`,
  csatBasis: (answers: string) => `share of 4 and 5 on 1-5, ${answers} rated tickets`,
  inpsBasis: (answers: string) => `% 9-10 minus % 0-6 on 0-10, ${answers} rated tickets`,
  perGoal: 'Per policy goal',
  policy: 'Policy',
  goal: 'Goal',
  per: (field: string) => `Per ${field}`,
  noValue: '(none)',
  perMonth: 'Per month',
  month: 'Month',
  monthName: (key: string) => key,
  dataQuality: 'Data quality',
  rowsRead: 'Rows read',
  rowsReordered: 'Rows reordered',
  timesCorrected: 'Times corrected',
  blankStatusesSkipped: 'Blank statuses skipped',
  statusesNoPolicyNames: 'Statuses no policy names',
  mappedFieldsNeverFilled: 'Mapped fields never filled',
  policyFieldsNotMapped: 'Policy fields not mapped',
  none: 'none',
  monthNote: 'A cycle counts in the month it stopped; an open one in the month it is (or was) due.',
  tatFootnote: 'TAT counts the working hours on the clock (pauses excluded) of completed cycles.',
  ftrFootnote: 'First time right counts tickets that reached a stop status and never left it.',
  dataQualityNote: "A row out of its ticket's order is put in place; a time before the previous row's (or the creation) is taken at that time; a blank status is skipped.",
  notAvailable: 'n/a',
  // The HTML page's own lines.
  metWithinGoal: 'met within goal',
  tatLine: (median: string, p90: string, cycles: string) => `TAT: median ${median} h, p90 ${p90} h (working hours over ${cycles} completed cycles)`,
  tatNone: 'TAT: n/a (no completed cycles)',
  measure: 'Measure',
  value: 'Value',
  basis: 'Basis',
  chartLabel: 'SLA compliance per month',
  chartTip: (month: string, compliance: string, met: string, measured: string) => `${month}: ${compliance} (${met} met of ${measured})`,
  complianceFootnote: 'Compliance = met / (met + breached + open late).',
  tatDefinition: 'TAT = working hours on the clock (pauses excluded) of completed cycles.',
  // The scorecard section.
  scorecardHeader: ['', 'Source', 'Actual', 'Target', 'Score', 'Status', 'Part of score'],
  scorecardNotes: [
    "Scores are achievements (100% = the target is met); a KPI without data follows the scorecard's missing-data policy.",
    "Part of score: what each KPI and objective adds to its scorecard's score.",
  ],
  scorecardTitle: (name: string, about: string, file: string) => `Scorecard: ${name}${about ? ` (${about})` : ''}, from ${file}`,
  owner: (owner: string) => `owner: ${owner}`,
  level: (level: string) => level,
  pillars: (speed: string, accuracy: string, satisfaction: string) => `Pillars: speed ${speed}, accuracy ${accuracy}, satisfaction ${satisfaction}`,
  pay: (name: string, amount: string) => `Pay: ${name} ${amount}`,
  reviewBeforePaying: 'review before paying',
  note: (note: ScorecardNote, _names: { scorecard: string; kpi: string }) => `Note: ${note.message}`,
  status: { GREEN: 'GREEN', AMBER: 'AMBER', RED: 'RED' } as Record<string, string>,
  noData: 'no data',
  hoursUnit: 'h',
  // The CLI's lines on stderr besides errors (errors and warnings go through core/i18n's phrase catalogue).
  warning: (text: string) => `warning: ${text}`,
  reading: (source: string, percent: number) => `Reading ${source}: ${percent}%`,
  written: {
    statement: (file: string) => `Statement written to ${file}`,
    html: (file: string) => `HTML report written to ${file}`,
    cycles: (file: string) => `SLA cycles written to ${file}`,
  },
  market: MARKET_EN,
  signals: {
    title: 'Gaming signals',
    titlePer: (field: string) => `Gaming signals per ${field}`,
    log: 'Log',
    all: '(all)',
    headers: ['Signal', 'Cases', 'Of', 'Share', 'Flag above', 'Review'],
    names: { G1: 'goal lengthened', G2: 'premature stops', G3: 'last-minute stops', G4: 'pause share', G5: 'split requests' } as Record<string, string>,
    examples: 'Examples',
    notes: (p: SignalNoteValues, splitRequests: boolean): string[] => [
      `G1: cycles whose goal grew after a goal-choosing field changed (flag above ${p.lengthenedFlag}).`,
      `G2: stopped cycles followed by a new cycle of the ticket within ${p.reopenWithin} business days (flag above ${p.reopenFlag}).`,
      `G3: met cycles stopped with under ${p.lastShare} of the goal left (flag above ${p.lastFlag} with ${p.lastMinMet}+ met cycles).`,
      `G4: paused / (paused + running) working minutes (flag above ${p.pauseFactor} x the median of the groups, with ${p.pauseMinCycles}+ cycles).`,
      splitRequests
        ? `G5: tickets of one policy and requester, ${p.splitCount}+ within ${p.splitWithin} working minutes (flag above ${p.splitFlag}).`
        : 'G5 (split requests) needs a mapped "requester" field: left out.',
      'A flagged signal asks for a review before paying; it never changes a score.',
    ],
  },
};

/** The gaming signals' parameters as the report writes them (shares as percentages). */
export type SignalNoteValues = { readonly [K in keyof SignalParameters]: string };

export type ReportWords = typeof en & ReturnType<typeof numbersOf> & { language: Language };

const vi: typeof en = {
  title: (source: string) => `Báo cáo SLA: ${source}`,
  input: 'Dữ liệu vào',
  tickets: 'Yêu cầu',
  ticketsLine: (tickets: string, measured: string, cycles: string) => `${tickets} (${measured} thuộc một chính sách SLA, ${cycles} chu kỳ SLA)`,
  events: 'Sự kiện',
  period: 'Khoảng thời gian',
  periodLine: (first: string, last: string) => `${first} đến ${last}`,
  asOf: 'Tính đến',
  latestEvent: ' (sự kiện mới nhất)',
  policies: 'Chính sách SLA',
  timeZone: 'Múi giờ',
  speed: 'Tốc độ: tỷ lệ tuân thủ SLA',
  compliance: 'Tỷ lệ tuân thủ',
  complianceBasis: 'đạt / (đạt + vi phạm + đang mở đã quá hạn)',
  countHeaders: ['Đạt', 'Vi phạm', 'Mở, quá hạn', 'Mở, còn hạn', 'Tỷ lệ tuân thủ'],
  tatMedian: 'TAT trung vị',
  tatP90: 'TAT phân vị 90',
  tatNote: (cycles: string) => `giờ làm việc, ${cycles} chu kỳ đã hoàn thành`,
  tatMedianHeader: 'TAT trung vị (giờ)',
  tatP90Header: 'TAT phân vị 90 (giờ)',
  accuracy: 'Chính xác',
  accuracyAndSatisfaction: 'Chính xác và mức độ hài lòng',
  firstTimeRight: 'Tỷ lệ làm đúng ngay từ đầu (FTR)',
  ftrBasis: (never: string, resolved: string) => `${never} trên ${resolved} yêu cầu đã giải quyết không bị mở lại`,
  csatBasis: (answers: string) => `tỷ lệ điểm 4 và 5 trên thang 1-5, ${answers} yêu cầu được đánh giá`,
  inpsBasis: (answers: string) => `% điểm 9-10 trừ % điểm 0-6 trên thang 0-10, ${answers} yêu cầu được đánh giá`,
  perGoal: 'Theo mức SLA của từng chính sách',
  policy: 'Chính sách SLA',
  goal: 'Mức SLA',
  per: (field: string) => `Theo ${field}`,
  noValue: '(trống)',
  perMonth: 'Theo tháng',
  month: 'Tháng',
  monthName: (key: string) => periodName(key, 'vi'),
  dataQuality: 'Chất lượng dữ liệu',
  rowsRead: 'Số hàng đã đọc',
  rowsReordered: 'Số hàng được sắp lại',
  timesCorrected: 'Số thời điểm được chỉnh',
  blankStatusesSkipped: 'Số trạng thái trống bị bỏ qua',
  statusesNoPolicyNames: 'Trạng thái không chính sách nào dùng',
  mappedFieldsNeverFilled: 'Trường đã ánh xạ nhưng luôn trống',
  policyFieldsNotMapped: 'Trường chính sách dùng nhưng chưa ánh xạ',
  none: 'không có',
  monthNote: 'Một chu kỳ được tính vào tháng nó dừng; chu kỳ đang mở được tính vào tháng đến hạn xử lý.',
  tatFootnote: 'TAT tính số giờ làm việc trên đồng hồ SLA (không tính thời gian tạm dừng) của các chu kỳ đã hoàn thành.',
  ftrFootnote: 'Tỷ lệ làm đúng ngay từ đầu tính các yêu cầu đã tới trạng thái dừng và không rời khỏi trạng thái đó.',
  dataQualityNote: 'Hàng sai thứ tự trong yêu cầu của nó được đặt lại đúng chỗ; thời điểm sớm hơn hàng trước (hoặc lúc tạo) được lấy bằng thời điểm đó; trạng thái trống bị bỏ qua.',
  notAvailable: 'chưa có',
  metWithinGoal: 'đạt trong hạn xử lý',
  tatLine: (median: string, p90: string, cycles: string) => `TAT: trung vị ${median} giờ, phân vị 90 ${p90} giờ (giờ làm việc trên ${cycles} chu kỳ đã hoàn thành)`,
  tatNone: 'TAT: chưa có (chưa có chu kỳ nào hoàn thành)',
  measure: 'Chỉ số',
  value: 'Giá trị',
  basis: 'Cách tính',
  chartLabel: 'Tỷ lệ tuân thủ SLA theo tháng',
  chartTip: (month: string, compliance: string, met: string, measured: string) => `${month}: ${compliance} (đạt ${met} trên ${measured})`,
  complianceFootnote: 'Tỷ lệ tuân thủ = đạt / (đạt + vi phạm + đang mở đã quá hạn).',
  tatDefinition: 'TAT = số giờ làm việc trên đồng hồ SLA (không tính thời gian tạm dừng) của các chu kỳ đã hoàn thành.',
  scorecardHeader: ['', 'Nguồn', 'Thực tế', 'Chỉ tiêu', 'Điểm', 'Trạng thái', 'Phần đóng góp'],
  scorecardNotes: [
    'Điểm là mức đạt (100% = đạt chỉ tiêu); KPI không có số liệu được xử lý theo cách xử lý thiếu dữ liệu của thẻ điểm.',
    'Phần đóng góp: phần mỗi KPI và mục tiêu góp vào điểm của thẻ điểm chứa nó.',
  ],
  scorecardTitle: (name: string, about: string, file: string) => `Thẻ điểm: ${name}${about ? ` (${about})` : ''}, từ ${file}`,
  owner: (owner: string) => `người phụ trách: ${owner}`,
  level: (level: string) => ({ company: 'công ty', department: 'phòng ban', person: 'cá nhân' })[level] ?? level,
  pillars: (speed: string, accuracy: string, satisfaction: string) => `Cân bằng: tốc độ ${speed}, chính xác ${accuracy}, mức độ hài lòng ${satisfaction}`,
  pay: (name: string, amount: string) => `Lương KPI chi trả: ${name} ${amount}`,
  reviewBeforePaying: 'xem xét trước khi chi trả',
  note: (note: ScorecardNote, names: { scorecard: string; kpi: string }) =>
    note.code === 'TOO_MANY_KPIS'
      ? `Lưu ý: thẻ điểm "${names.scorecard}" có ${note.count} KPI cho một người: hãy tập trung vào 3-5 KPI quan trọng nhất.`
      : note.code === 'KPI_WITHOUT_OWNER'
        ? `Lưu ý: KPI "${names.kpi}" chưa có người phụ trách: hãy ghi tên người chịu trách nhiệm.`
        : `Lưu ý: KPI tốc độ "${names.kpi}" chưa có chỉ số chất lượng kiểm soát: hãy đặt guardedBy là một KPI chính xác để không chạy theo tốc độ mà để xảy ra sai sót.`,
  status: { GREEN: 'Đạt', AMBER: 'Cần theo dõi', RED: 'Không đạt' },
  noData: 'chưa có số liệu',
  hoursUnit: 'giờ',
  warning: (text: string) => `cảnh báo: ${text}`,
  reading: (source: string, percent: number) => `Đang đọc ${source}: ${percent}%`,
  written: {
    statement: (file: string) => `Đã ghi bảng kê dịch vụ vào ${file}`,
    html: (file: string) => `Đã ghi báo cáo HTML vào ${file}`,
    cycles: (file: string) => `Đã ghi các chu kỳ SLA vào ${file}`,
  },
  market: MARKET_VI,
  signals: {
    title: 'Tín hiệu làm đẹp số liệu',
    titlePer: (field: string) => `Tín hiệu làm đẹp số liệu theo ${field}`,
    log: 'Nhật ký',
    all: '(tất cả)',
    headers: ['Tín hiệu', 'Số trường hợp', 'Trên tổng', 'Tỷ lệ', 'Cảnh báo khi trên', 'Xem xét'],
    names: { G1: 'mục tiêu bị kéo dài', G2: 'đóng sớm rồi mở lại', G3: 'đóng sát hạn', G4: 'tỷ lệ tạm dừng', G5: 'tách nhỏ yêu cầu' },
    examples: 'Ví dụ',
    notes: (p: SignalNoteValues, splitRequests: boolean): string[] => [
      `G1: chu kỳ có mục tiêu dài thêm sau khi một trường dùng để chọn mục tiêu thay đổi (cảnh báo khi trên ${p.lengthenedFlag}).`,
      `G2: chu kỳ đã dừng mà yêu cầu có chu kỳ mới trong vòng ${p.reopenWithin} ngày làm việc (cảnh báo khi trên ${p.reopenFlag}).`,
      `G3: chu kỳ đạt nhưng dừng khi còn dưới ${p.lastShare} thời hạn (cảnh báo khi trên ${p.lastFlag}, từ ${p.lastMinMet} chu kỳ đạt).`,
      `G4: số phút làm việc tạm dừng / (tạm dừng + đang chạy) (cảnh báo khi trên ${p.pauseFactor} lần trung vị của các nhóm, từ ${p.pauseMinCycles} chu kỳ).`,
      splitRequests
        ? `G5: yêu cầu cùng chính sách SLA và người yêu cầu, từ ${p.splitCount} yêu cầu trong ${p.splitWithin} phút làm việc (cảnh báo khi trên ${p.splitFlag}).`
        : 'G5 (tách nhỏ yêu cầu) cần ánh xạ trường "requester": không tính.',
      'Tín hiệu bị cảnh báo yêu cầu xem xét trước khi chi trả lương KPI; điểm không bao giờ bị thay đổi.',
    ],
  },
};

export const wordsFor = (language: Language): ReportWords => ({ ...(language === 'vi' ? vi : en), ...numbersOf(language), language });

/** The English report's words: what the report functions use when no language is given. */
export const ENGLISH: ReportWords = wordsFor('en');

/**
 * Numbers as the report's language writes them: `1,234` and `95.2%` in English, `1.234` and `95,2%` in Vietnamese.
 * The formats are built on first use: building one loads the locale's data (tens of milliseconds at process start,
 * which a `--json` run never needs).
 */
function numbersOf(language: Language) {
  const tag = localeTagOf(language);
  let integer: Intl.NumberFormat | null = null;
  let oneDecimal: Intl.NumberFormat | null = null;
  const withOneDecimal = (n: number) => (oneDecimal ??= new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(n);
  const notAvailable = language === 'vi' ? vi.notAvailable : en.notAvailable;
  return {
    count: (n: number): string => (integer ??= new Intl.NumberFormat(tag)).format(n),
    percent: (share: number | null): string => (share === null ? notAvailable : `${withOneDecimal(share * 100)}%`),
    hours: (hours: number | undefined | null): string => (hours === undefined || hours === null ? notAvailable : withOneDecimal(hours)),
    /** An iNPS score (−100..100) or a KPI value: one decimal. */
    decimal: (value: number | null): string => (value === null ? notAvailable : withOneDecimal(value)),
    amount: (n: number): string => new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(n),
  };
}
