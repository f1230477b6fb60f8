import type { Rule } from './messages-vi';

/**
 * A schema's issue in Vietnamese: zod's own English for a value of the wrong type or an unknown key, and the words the
 * core's schemas (calendar specs, SLA policies, the service catalogue) give. A schema's issue is checked before there
 * is a value to put in a template, so it has no code: a core error quotes it (code `schema.issue`). The calendar
 * schema's words are rendered by the core; zod's and the configuration schemas' are on the CLI's and the Jira app's
 * pages, the only doors that read such files, so the Sheets bundle goes without them.
 */

/** zod's names of a value's type. */
const TYPES_VI: Readonly<Record<string, string>> = {
  string: 'văn bản',
  number: 'số',
  boolean: 'giá trị đúng/sai',
  object: 'đối tượng',
  array: 'danh sách',
  null: 'null',
};
const typeVi = (type: string): string => TYPES_VI[type] ?? type;

export const ZOD_PHRASES: readonly Rule[] = [
  [/^Invalid input: expected (\w+), received undefined$/, (_, wanted: string) => `thiếu giá trị: cần ${typeVi(wanted)}`],
  [/^Invalid input: expected (\w+), received (\w+)$/, (_, wanted: string, got: string) => `giá trị không hợp lệ: cần ${typeVi(wanted)}, nhưng nhận ${typeVi(got)}`],
  [/^Invalid option: expected one of (.+)$/, 'giá trị không hợp lệ: cần một trong $1'],
  [/^Unrecognized keys?: (.+)$/, 'khóa không được chấp nhận: $1'],
];

/** The calendar schema's own words (core/calendar/spec.ts), after the field path the error names: every door meets them. */
const CALENDAR_SCHEMA_PHRASES: readonly Rule[] = [
  [/^expected a time of day HH:MM \(00:00 to 24:00\)$/, 'cần giờ trong ngày dạng HH:MM (00:00 đến 24:00)'],
  [/^expected a date YYYY-MM-DD$/, 'cần một ngày dạng YYYY-MM-DD'],
  [/^unknown weekday key (.+) \(expected (.+)\)$/, 'không có khóa thứ $1 (cần một trong $2)'],
  [/^expected a country code such as VN or DE-BY$/, 'cần mã quốc gia như VN hoặc DE-BY'],
  [/^a window cannot start at 24:00$/, 'khung giờ không thể bắt đầu lúc 24:00'],
  [/^the window (\S+) is empty \(it ends when it starts\); for a whole day write 00:00-24:00$/, 'khung giờ $1 trống (kết thúc ngay khi bắt đầu); nếu làm cả ngày, hãy ghi 00:00-24:00'],
  [/^expected an IANA time zone such as (\S+) or (\S+)$/, 'cần một múi giờ IANA như $1 hoặc $2'],
];

/**
 * The SLA policies' and the service catalogue's schema words (core/sla, core/market): only the CLI's files and the Jira
 * app's configuration have them, so only their pages hold these.
 */
export const CONFIG_SCHEMA_PHRASES: readonly Rule[] = [
  [
    /^expected working hours \((.+)\), a duration with a unit \((.+)\) or whole business days \((.+)\), got (.+)$/,
    'cần số giờ làm việc ($1), một khoảng thời gian có đơn vị ($2) hoặc số ngày làm việc nguyên ($3), nhưng nhận $4',
  ],
  [/^(\w+) \(or (\w+)\) is required$/, 'cần có $1 (hoặc $2)'],
  [/^give at least one goal$/, 'hãy nhập ít nhất một mức SLA'],
  [/^give stop statuses, resolutionSet: true or stop events$/, 'hãy nhập các trạng thái dừng, đặt "resolutionSet: true" hoặc nhập các sự kiện dừng'],
  [/^list at least one status$/, 'hãy liệt kê ít nhất một trạng thái'],
  [/^list at least one value$/, 'hãy liệt kê ít nhất một giá trị'],
  [/^expected a share from 0 to 1 \((\S+) for (\S+) %\)$/, (_, share: string, percent: string) => `cần một tỷ lệ từ 0 đến 1 (${share.replace('.', ',')} là ${percent} %)`],
  [/^give the agreed compliance as a fraction from 0 to 1 \(0\.95 for 95 %\)$/, 'hãy nhập tỷ lệ tuân thủ cam kết dưới dạng số thập phân từ 0 đến 1 (0,95 là 95 %)'],
  [/^list at least one service$/, 'hãy liệt kê ít nhất một dịch vụ'],
  [/^give the service an id$/, 'hãy đặt mã cho dịch vụ'],
  [/^give the service a name$/, 'hãy đặt tên cho dịch vụ'],
  [/^name the SLA policy the service is judged by$/, 'hãy ghi chính sách SLA dùng để đánh giá dịch vụ'],
  [/^name the team that provides the service$/, 'hãy ghi nhóm cung cấp dịch vụ'],
  [/^name the ticket field of the internal customer$/, 'hãy ghi trường của yêu cầu cho biết khách hàng nội bộ'],
  [/^name the field that says which team holds the ticket$/, 'hãy ghi trường cho biết nhóm nào đang giữ yêu cầu'],
  [/^expected an ISO 4217 currency code such as VND or USD$/, 'cần mã tiền tệ ISO 4217 như VND hoặc USD'],
  [/^expected an amount of 0 or more(?:, not a negative one)?$/, 'cần số tiền từ 0 trở lên'],
  [/^the id (".*") is already another service's$/, 'mã $1 đã là mã của một dịch vụ khác'],
];

/**
 * A calendar schema issue in Vietnamese; an issue no rule knows stays as the schema wrote it, for a door's page to word
 * (core/i18n `errorInLanguage`).
 */
export function schemaIssueVi(issue: string): string {
  const rule = CALENDAR_SCHEMA_PHRASES.find(([pattern]) => pattern.test(issue));
  return rule ? issue.replace(rule[0], rule[1] as (match: string, ...groups: string[]) => string) : issue;
}
