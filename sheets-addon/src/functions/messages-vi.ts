import type { Language } from '../i18n';

/**
 * The custom functions' error messages in Vietnamese. The functions and the core write them in English with the
 * argument's name first (`ends row 17: 2025-01-02 08:00 is before its start`); for a Vietnamese user each known
 * phrase is rewritten around the same values, and the argument names (the words typed in the formula) stay as they
 * are. A phrase not listed stays English rather than being guessed.
 */

type Rule = readonly [RegExp, string];

const VALUE = '(.+?)';

/** Longest phrases first: `is not a date-time` before `is not a date`. */
const RULES: readonly Rule[] = [
  [new RegExp(`^${VALUE} is not a date-time \\(use a date cell or text such as (.+)\\)$`), '$1 không phải là ngày giờ (hãy dùng ô ngày hoặc văn bản như $2)'],
  [new RegExp(`^${VALUE} is a number, not a date \\(use a date cell or text such as (.+)\\)$`), '$1 là một số, không phải ngày (hãy dùng ô ngày hoặc văn bản như $2)'],
  [/^the cell holds the error (.+); fix or clear it$/, 'ô đang chứa lỗi $1; hãy sửa hoặc xoá ô đó'],
  [new RegExp(`^${VALUE} is not a number of days$`), '$1 không phải là số ngày'],
  [new RegExp(`^${VALUE} is not a number$`), '$1 không phải là số'],
  [new RegExp(`^${VALUE} is not a date$`), '$1 không phải là ngày'],
  [new RegExp(`^${VALUE} is not text$`), '$1 không phải là văn bản'],
  [new RegExp(`^${VALUE} is not a calendar \\(use text such as (.+) or a saved name\\)$`), '$1 không phải là lịch (hãy dùng văn bản như $2 hoặc tên một lịch đã lưu)'],
  [/^no saved calendar is named (".*") \(saved: (.*)\)$/, 'không có lịch đã lưu nào tên $1 (đã lưu: $2)'],
  [new RegExp(`^${VALUE} is before its start$`), '$1 sớm hơn thời điểm bắt đầu'],
  [/^the end is before its start$/, 'thời điểm kết thúc sớm hơn thời điểm bắt đầu'],
  [new RegExp(`^${VALUE} from ${VALUE} is due outside the years (\\d+-\\d+) that calendars cover$`), '$1 tính từ $2 có hạn nằm ngoài các năm $3 mà lịch tính được'],
  [new RegExp(`^${VALUE} is outside the years (\\d+-\\d+) that calendars cover$`), '$1 nằm ngoài các năm $2 mà lịch tính được'],
  [/^(-?\d+) working days? from (.+) fall after 9999-12-31, the last date a spreadsheet holds$/, '$1 ngày làm việc tính từ $2 rơi sau 9999-12-31, ngày cuối cùng bảng tính lưu được'],
  [/^(-?\d+) working days? from (.+) fall before 0001-01-01, the first date a spreadsheet holds$/, '$1 ngày làm việc tính từ $2 rơi trước 0001-01-01, ngày đầu tiên bảng tính lưu được'],
  [/^(-?[\d.]+) is negative; a count is 0 or more$/, '$1 là số âm; số lượng phải từ 0 trở lên'],
  [/^(-?[\d.e+]+) would mean (.+) % of the target; give the achievement as a fraction \((.+)\) or a percent cell \((.+)\)$/, '$1 nghĩa là $2 % mục tiêu; hãy nhập mức đạt dưới dạng phân số ($3) hoặc ô phần trăm ($4)'],
  [/^statistic must be mean, median, min, max, count or a percentile p1 to p99, not (.+)$/, 'statistic phải là mean, median, min, max, count hoặc một phân vị p1 đến p99, không phải $1'],
  [/^nothing is measurable: no row is done or past due at as_of$/, 'không có gì để đo: tại as_of không dòng nào đã xong hoặc đã quá hạn'],
  [/^has no completed rows$/, 'không có dòng nào đã hoàn thành'],
  [/^has no outage inside the period$/, 'không có sự cố nào trong kỳ'],
  [/^must be greater than 0$/, 'phải lớn hơn 0'],
  [/^must not be negative$/, 'không được âm'],
  [/^is required$/, 'là bắt buộc'],
  [/^has (\d+) rows but (\w+) has (\d+)$/, 'có $1 dòng nhưng $2 có $3 dòng'],
  [/^expected at most (\d+) arguments, got (\d+)$/, 'nhận tối đa $1 đối số, nhưng có $2'],
  [/^expected a whole year such as 2025, got (.+)$/, 'cần một năm nguyên như 2025, nhưng nhận $1'],
  [/^unknown country (".*") \(the holiday tables cover (.+)\)$/, 'không có quốc gia $1 trong bảng ngày lễ (bảng có $2)'],
  [/^expected an ISO 3166 country code such as VN, got (.+)$/, 'cần mã quốc gia ISO 3166 như VN, nhưng nhận $1'],
  [/^expected a 7-character mask of 0 and 1 \(Monday first\) or a code 1-7 or 11-17, got (.+)$/, 'cần chuỗi 7 ký tự 0 và 1 (bắt đầu từ thứ Hai) hoặc mã 1-7, 11-17, nhưng nhận $1'],
];

function phrase(text: string): string | null {
  for (const [pattern, replacement] of RULES) if (pattern.test(text)) return text.replace(pattern, replacement);
  return null;
}

/** `SLA_COMPLIANCE: ` first, then `ends row 17: ` or `target: ` before a phrase, or a subject (`ends has …`). */
const FUNCTION_PREFIX = /^((?:[A-Z][A-Z_]+: )?)(.*)$/s;
const ARGUMENT_PREFIX = /^([a-z_]+)(?: row (\d+))?: (.*)$/s;
const SUBJECT = /^([a-z_]+) (.*)$/s;

/** A message in the user's language: English as written, Vietnamese phrase by phrase where the phrase is known. */
export function inLanguage(message: string, language: Language): string {
  if (language === 'en') return message;
  const [, fn, body] = FUNCTION_PREFIX.exec(message)!;
  const argument = ARGUMENT_PREFIX.exec(body);
  const afterArgument = argument && phrase(argument[3]);
  if (argument && afterArgument !== null) return `${fn}${argument[1]}${argument[2] ? ` dòng ${argument[2]}` : ''}: ${afterArgument}`;
  const subject = SUBJECT.exec(body);
  const afterSubject = subject && phrase(subject[2]);
  if (subject && afterSubject !== null) return `${fn}${subject[1]} ${afterSubject}`;
  const whole = phrase(body);
  return whole === null ? message : `${fn}${whole}`;
}
