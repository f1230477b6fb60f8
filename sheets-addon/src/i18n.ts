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
  trendLabel: 'Trend of {kpi}, oldest first: {values}',
  editCalendar: 'Edit calendar {name}',
  deleteCalendar: 'Delete calendar {name}',
  confirmDelete: 'Delete the calendar "{name}"? Formulas that use it will stop working.',
  confirmDeleteYes: 'Yes, delete',
  cancel: 'Cancel',
  calendarNameInvalid: 'name: use 1 to 50 letters, digits, spaces, "_", "." or "-", starting with a letter or digit, and no times',
  calendarNameTaken: 'name: a calendar named "{name}" already exists',
  calendarTextInvalid: '{detail}',
  calendarUnknownCountry: 'holidays={country}: unknown country "{country}" (expected an ISO 3166 code such as VN, DE or US)',
  calendarUnknownRegion: 'holidays={country}-{region}: {country} has no region "{region}" (expected a code such as BY in DE-BY)',
  calendarTooLong: 'working time: {bytes} bytes is more than the {limit} bytes Apps Script keeps in one document property; shorten the text (long lists of dates can go in a holiday range instead)',
  calendarStoreFull: 'working time: saving would bring this document\'s add-on data to {bytes} bytes, more than the {limit} bytes Apps Script keeps per document; delete calendars you no longer use',
  calendarNotFound: 'no saved calendar is named "{name}"',
  recalculate: 'Recalculate',
  recalculateCalendar: 'Recalculate cells using {name}',
  recalculated: 'Cells recalculated: {count}.',
  confirmRename: 'Formulas that use "{old}": {count}. Update them to "{name}"?',
  renameAndUpdate: 'Rename and update formulas',
  renameOnly: 'Rename only',
  formulasUpdated: 'Formulas updated: {count}.',
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
  trendLabel: 'Xu hướng của {kpi}, từ cũ đến mới: {values}',
  editCalendar: 'Sửa lịch {name}',
  deleteCalendar: 'Xoá lịch {name}',
  confirmDelete: 'Xoá lịch "{name}"? Các công thức dùng lịch này sẽ không còn chạy được.',
  confirmDeleteYes: 'Có, xoá',
  cancel: 'Huỷ',
  calendarNameInvalid: 'Tên: dùng 1 đến 50 chữ cái, chữ số, dấu cách, "_", "." hoặc "-", bắt đầu bằng chữ cái hoặc chữ số, và không chứa giờ',
  calendarNameTaken: 'Tên: đã có lịch tên "{name}"',
  calendarTextInvalid: 'Giờ làm việc không hợp lệ: {detail}',
  calendarUnknownCountry: 'holidays={country}: không có quốc gia "{country}" (cần mã ISO 3166 như VN, DE hoặc US)',
  calendarUnknownRegion: 'holidays={country}-{region}: {country} không có vùng "{region}" (cần mã như BY trong DE-BY)',
  calendarTooLong: 'Giờ làm việc: {bytes} byte, vượt quá {limit} byte mà Apps Script lưu được trong một thuộc tính tài liệu; hãy rút gọn (danh sách ngày dài có thể đưa vào một vùng ngày nghỉ)',
  calendarStoreFull: 'Giờ làm việc: lưu lịch này sẽ đưa dữ liệu tiện ích của tài liệu lên {bytes} byte, vượt quá {limit} byte mà Apps Script lưu được cho mỗi tài liệu; hãy xoá các lịch không còn dùng',
  calendarNotFound: 'không có lịch nào tên "{name}"',
  recalculate: 'Tính lại',
  recalculateCalendar: 'Tính lại các ô dùng lịch {name}',
  recalculated: 'Số ô đã tính lại: {count}.',
  confirmRename: 'Số công thức dùng "{old}": {count}. Cập nhật chúng sang "{name}"?',
  renameAndUpdate: 'Đổi tên và cập nhật công thức',
  renameOnly: 'Chỉ đổi tên',
  formulasUpdated: 'Số công thức đã cập nhật: {count}.',
};

const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, vi };

/** A message with `{name}` placeholders filled in (plain text: the caller puts it in the page with textContent). */
export const translate = (language: Language, key: MessageKey, values: Record<string, string | number> = {}): string =>
  MESSAGES[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

/**
 * An error whose message the user reads, kept as a key and values so the server can answer it in the language the
 * page shows (see `answerIn` in addon/server.ts); `message` is the English text, for logs and callers without one.
 */
export class UserError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly values: Record<string, string | number> = {},
  ) {
    super(translate('en', key, values));
  }

  in(language: Language): string {
    return translate(language, this.key, this.values);
  }
}
