/**
 * The add-on's own words in English and Vietnamese, for the menu (server) and the sidebars (browser): one table so
 * both languages always have every key. Vietnamese when the user's locale starts with `vi`.
 */
export type Language = 'en' | 'vi';

export const languageOf = (locale: string | undefined): Language => (/^vi([-_]|$)/i.test(locale ?? '') ? 'vi' : 'en');

const en = {
  menuScorecard: 'Scorecard',
  menuCalendars: 'Calendars',
  menuSample: 'Insert sample sheet',
  menuHelp: 'Help',
  scorecardTitle: 'Balanced Scorecard',
  calendarsTitle: 'Business calendars',
  helpTitle: 'KPI functions',
  helpIntro: 'Type = and a name in any cell. Calendars: "Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN" or a saved name.',
  sampleInserted: 'Inserted the sheets "{requests}" and "{scorecard}". Open Scorecard from the add-on menu to see it.',
  overall: 'Overall',
  perspectives: 'Perspectives',
  balance: 'Speed · accuracy · satisfaction',
  speed: 'Speed',
  accuracy: 'Accuracy',
  satisfaction: 'Satisfaction',
  kpis: 'KPIs',
  target: 'Target',
  actual: 'Actual',
  previous: 'Previous',
  alerts: 'Gaming alerts',
  noAlerts: 'No gaming alerts.',
  alertSpeed: 'Speed KPI "{kpi}" improved ({kpiPrevious} → {kpiCurrent}) while "{guard}" got worse ({guardPrevious} → {guardCurrent}).',
  alertVolume: '"{kpi}" rose ({kpiPrevious} → {kpiCurrent}) while "{guard}" got worse ({guardPrevious} → {guardCurrent}).',
  notScored: 'not scored',
  loading: 'Loading…',
  refresh: 'Refresh',
  language: 'Tiếng Việt',
  error: 'Could not load the scorecard',
  financial: 'Financial',
  customer: 'Customer',
  'internal-process': 'Internal process',
  'learning-growth': 'Learning & growth',
  GREEN: 'On target',
  AMBER: 'Watch',
  RED: 'Off target',
  calendarName: 'Name',
  calendarText: 'Working time',
  save: 'Save',
  edit: 'Edit',
  delete: 'Delete',
  newCalendar: 'New calendar',
  saved: 'Saved.',
  noCalendars: 'No saved calendars yet.',
};

export type MessageKey = keyof typeof en;

const vi: Record<MessageKey, string> = {
  menuScorecard: 'Thẻ điểm',
  menuCalendars: 'Lịch làm việc',
  menuSample: 'Chèn trang tính mẫu',
  menuHelp: 'Trợ giúp',
  scorecardTitle: 'Thẻ điểm cân bằng',
  calendarsTitle: 'Lịch làm việc',
  helpTitle: 'Hàm KPI',
  helpIntro: 'Gõ = và tên hàm vào ô bất kỳ. Lịch: "Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN" hoặc tên lịch đã lưu.',
  sampleInserted: 'Đã chèn trang "{requests}" và "{scorecard}". Mở Thẻ điểm từ menu tiện ích để xem.',
  overall: 'Tổng điểm',
  perspectives: 'Khía cạnh',
  balance: 'Tốc độ · chính xác · hài lòng',
  speed: 'Tốc độ',
  accuracy: 'Chính xác',
  satisfaction: 'Hài lòng',
  kpis: 'Chỉ số KPI',
  target: 'Mục tiêu',
  actual: 'Thực tế',
  previous: 'Kỳ trước',
  alerts: 'Cảnh báo chạy chỉ số',
  noAlerts: 'Không có cảnh báo.',
  alertSpeed: 'Chỉ số tốc độ "{kpi}" cải thiện ({kpiPrevious} → {kpiCurrent}) trong khi "{guard}" kém đi ({guardPrevious} → {guardCurrent}).',
  alertVolume: '"{kpi}" tăng ({kpiPrevious} → {kpiCurrent}) trong khi "{guard}" kém đi ({guardPrevious} → {guardCurrent}).',
  notScored: 'chưa chấm',
  loading: 'Đang tải…',
  refresh: 'Làm mới',
  language: 'English',
  error: 'Không tải được thẻ điểm',
  financial: 'Tài chính',
  customer: 'Khách hàng',
  'internal-process': 'Quy trình nội bộ',
  'learning-growth': 'Học hỏi & phát triển',
  GREEN: 'Đạt',
  AMBER: 'Cần theo dõi',
  RED: 'Không đạt',
  calendarName: 'Tên',
  calendarText: 'Giờ làm việc',
  save: 'Lưu',
  edit: 'Sửa',
  delete: 'Xoá',
  newCalendar: 'Lịch mới',
  saved: 'Đã lưu.',
  noCalendars: 'Chưa có lịch nào được lưu.',
};

const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, vi };

/** A message with `{name}` placeholders filled in (plain text: the caller puts it in the page with textContent). */
export const translate = (language: Language, key: MessageKey, values: Record<string, string | number> = {}): string =>
  MESSAGES[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
