import type { Language } from './language';

/**
 * The core's and the doors' error messages in Vietnamese (the Sheets functions', the calendar text's, the KPI checks').
 * They are written in English with the argument's name first (`ends row 17: 2025-01-02 08:00 is before its start`);
 * for a Vietnamese user each known phrase is rewritten around the same values, and the argument names (the words
 * typed in a formula or a calendar) stay as they are. A phrase not listed stays English rather than being guessed.
 * Every door renders a core error through here, so one phrase has one Vietnamese wording everywhere.
 */

/** A pattern and its Vietnamese: a replacement string, or a function where a value changes form (`0.95` → `0,95`). */
export type Rule = readonly [RegExp, string | ((match: string, ...groups: string[]) => string)];

/**
 * A door's own page of the catalogue, beside the phrases every door shares: more phrases, endings said after a phrase,
 * and the words of the places before one (`row 12` → `hàng 12`). The CLI and the Jira app's resolvers have one
 * (cli-messages-vi.ts, forge-messages-vi.ts); a door passes its page to `inLanguage`, so a bundle that never passes
 * it (the Sheets add-on) leaves it out.
 */
export interface PhraseBook {
  readonly phrases: readonly Rule[];
  readonly endings: readonly Rule[];
  readonly places: readonly Rule[];
}

export const SHARED_ONLY: PhraseBook = { phrases: [], endings: [], places: [] };

/** The configuration's kinds of id, as the glossary names them. */
const KIND_VI: Readonly<Record<string, string>> = { policy: 'chính sách', scorecard: 'thẻ điểm', perspective: 'khía cạnh', objective: 'mục tiêu', kpi: 'KPI' };

/** A decimal written the English way, as Vietnamese writes it. */
const decimalComma = (value: string): string => value.replace('.', ',');

const VALUE = '(.+?)';

/** Longest phrases first: `is not a date-time` before `is not a date`. */
const RULES: readonly Rule[] = [
  [new RegExp(`^${VALUE} is not a date-time \\(use a date cell or text such as (.+)\\)$`), '$1 không phải là ngày giờ (hãy dùng ô ngày hoặc văn bản như $2)'],
  [new RegExp(`^${VALUE} is a number, not a date \\(use a date cell or text such as (.+)\\)$`), '$1 là một số, không phải ngày (hãy dùng ô ngày hoặc văn bản như $2)'],
  [/^the cell holds the error (.+); fix or clear it$/, 'ô đang chứa lỗi $1; hãy sửa hoặc xóa ô đó'],
  [/^(".*") is text that reads as a date; type it as a date \(a date cell\) so that it counts$/, '$1 là văn bản trông như ngày; hãy nhập nó dưới dạng ngày (ô ngày) để được tính'],
  [/^the calendar has fewer than (\d+) working days in the (\d+) days after (\S+)$/, 'lịch có ít hơn $1 ngày làm việc trong $2 ngày sau $3'],
  [/^the calendar has fewer than (\d+) working days in the (\d+) days before (\S+)$/, 'lịch có ít hơn $1 ngày làm việc trong $2 ngày trước $3'],
  [/^has no balance: give the period-end balance or the balances to average$/, 'không có số dư nào: hãy nhập số dư cuối kỳ hoặc các số dư để lấy trung bình'],
  [new RegExp(`^${VALUE} is not a number of days$`), '$1 không phải là số ngày'],
  [new RegExp(`^${VALUE} is not a number$`), '$1 không phải là số'],
  [new RegExp(`^${VALUE} is not a date$`), '$1 không phải là ngày'],
  [new RegExp(`^${VALUE} is not text$`), '$1 không phải là văn bản'],
  [new RegExp(`^${VALUE} is not a calendar \\(use text such as (.+) or a saved name\\)$`), '$1 không phải là lịch (hãy dùng văn bản như $2 hoặc tên một lịch đã lưu)'],
  [/^no saved calendar is named (".*") \(saved: none\)$/, 'không có lịch đã lưu nào tên $1 (chưa lưu lịch nào)'],
  [/^no saved calendar is named (".*") \(saved: (.*)\)$/, 'không có lịch đã lưu nào tên $1 (đã lưu: $2)'],
  [/^the end is before its start$/, 'thời điểm kết thúc sớm hơn thời điểm bắt đầu'],
  [new RegExp(`^${VALUE} is before its start$`), '$1 sớm hơn thời điểm bắt đầu'],
  [new RegExp(`^${VALUE} from ${VALUE} is due outside the years (\\d+-\\d+) that calendars cover$`), '$1 tính từ $2 có hạn nằm ngoài các năm $3 mà lịch tính được'],
  [
    new RegExp(`^${VALUE} from ${VALUE} is due outside the years (\\d+-\\d+) that the public-holiday tables cover \\((holidays=.*)\\)$`),
    '$1 tính từ $2 có hạn nằm ngoài các năm $3 mà bảng ngày lễ có ($4)',
  ],
  [new RegExp(`^${VALUE} is outside the years (\\d+-\\d+) that calendars cover$`), '$1 nằm ngoài các năm $2 mà lịch tính được'],
  [
    new RegExp(`^${VALUE} is outside the years (\\d+-\\d+) that the public-holiday tables cover \\((holidays=.*)\\)$`),
    '$1 nằm ngoài các năm $2 mà bảng ngày lễ có ($3)',
  ],
  [/^(-?[\d.e+]+) working days? from (.+) fall after 9999-12-31, the last date a spreadsheet holds$/, '$1 ngày làm việc tính từ $2 rơi sau 9999-12-31, ngày cuối cùng bảng tính lưu được'],
  [/^(-?[\d.e+]+) working days? from (.+) fall before 0001-01-01, the first date a spreadsheet holds$/, '$1 ngày làm việc tính từ $2 rơi trước 0001-01-01, ngày đầu tiên bảng tính lưu được'],
  [/^(.+) is outside the dates a spreadsheet holds \(0001-01-01 to 9999-12-31\)$/, '$1 nằm ngoài các ngày bảng tính lưu được (0001-01-01 đến 9999-12-31)'],
  [/^(-?[\d.]+) is negative; a count is 0 or more$/, '$1 là số âm; số lượng phải từ 0 trở lên'],
  [/^(-?[\d.e+]+) would mean (.+) % of the target; give the achievement as a fraction \((.+)\) or a percent cell \((.+)\)$/, (_, n: string, percent: string, fraction: string, cell: string) => `${n} nghĩa là ${percent} % chỉ tiêu; hãy nhập mức đạt dưới dạng số thập phân (${decimalComma(fraction)}) hoặc ô phần trăm (${cell})`],
  [/^statistic must be mean, median, min, max, count or a percentile p1 to p99, not (.+)$/, 'statistic phải là mean, median, min, max, count hoặc một phân vị p1 đến p99, không phải $1'],
  [/^nothing is measurable: no row is done or past due at as_of$/, 'không có gì để đo: tại as_of không hàng nào đã xong hoặc đã quá hạn'],
  [/^has no completed rows$/, 'không có hàng nào đã hoàn thành'],
  [/^has no outage inside the period$/, 'không có sự cố nào trong kỳ'],
  [/^must be greater than 0$/, 'phải lớn hơn 0'],
  [/^must be (\w+) or (\w+), not (.+)$/, 'phải là $1 hoặc $2, không phải $3'],
  [
    /^expected working hours \((.+)\), a duration with a unit \((.+)\) or whole business days \((.+)\), got (.+)$/,
    'cần số giờ làm việc ($1), một khoảng thời gian có đơn vị ($2) hoặc số ngày làm việc nguyên ($3), nhưng nhận $4',
  ],
  [/^must not be negative$/, 'không được âm'],
  // The Jira app's admin page (forge-app/src/resolvers): "try on issue" and the typed actuals.
  [/^expected an issue key such as (\S+), got (.+)$/, 'cần mã yêu cầu như $1, nhưng nhận $2'],
  [/^no issue (\S+) that you may browse$/, 'không có yêu cầu $1 mà bạn được xem'],
  [/^month must be YYYY-MM, got (.+)$/, 'tháng phải có dạng YYYY-MM, nhưng nhận $1'],
  // The Jira app's configuration check (forge-app/src/config), shown at each field of the admin page.
  [/^leave out ORDER BY: the sync orders by updated itself$/, 'bỏ "ORDER BY" đi: lần đồng bộ tự sắp xếp theo trường "updated"'],
  [/^give the JQL of the issues to measure, e\.g\. (.+)$/, 'hãy nhập JQL của các yêu cầu cần đo, ví dụ "$1"'],
  [/^name the request type field \(for JSM: (\w+)\)$/, 'hãy ghi trường loại yêu cầu (với JSM: $1)'],
  [/^the configuration must be a JSON object$/, 'cấu hình phải là một đối tượng JSON'],
  [/^a policy id needs at least one character other than spaces$/, 'mã chính sách cần ít nhất một ký tự không phải dấu cách'],
  [/^policy id (".*") starts or ends with spaces; remove them$/, 'mã chính sách $1 bắt đầu hoặc kết thúc bằng dấu cách; hãy bỏ các dấu cách đó'],
  [/^policy ids starting with "jsm:" are reserved for JSM's own SLA metrics$/, 'mã chính sách bắt đầu bằng "jsm:" được dành cho các chỉ số SLA của chính JSM'],
  [/^policy id "_tickets" is reserved by the app$/, 'mã chính sách "_tickets" được ứng dụng dành riêng'],
  [/^(policy|scorecard|perspective|objective|kpi) id (".*") is used twice$/i, (_, kind: string, id: string) => `mã ${KIND_VI[kind.toLowerCase()]} ${id} được dùng hai lần`],
  [/^(guardedBy |cascadesFrom )?(".*") is not a KPI of (?:the parent )?scorecard (".*")$/, '$1$2 không phải là KPI của thẻ điểm $3'],
  [/^a perspective weight must not be negative$/, 'trọng số của khía cạnh không được âm'],
  // The portal's iNPS question (forge-app/src/resolvers/inps.ts), read by the request's customer.
  [/^only a signed-in customer can answer \(anonymous portal visitors cannot\)$/, 'chỉ khách hàng đã đăng nhập mới trả lời được (khách vãng lai trên cổng thông tin thì không)'],
  [/^expected a whole number from 0 to 10, got (.+)$/, 'cần một số nguyên từ 0 đến 10, nhưng nhận $1'],
  [/^at most (\d+) characters, got (\d+)$/, 'tối đa $1 ký tự, nhưng có $2'],
  [/^expected text$/, 'cần văn bản'],
  [/^must be a number, not blank$/, 'phải là một số, không được để trống'],
  [/^must be a number, not (.+)$/, 'phải là một số, không phải $1'],
  [/^is required$/, 'là bắt buộc'],
  // The spill's columns and the core's KPI and scoring checks (core/kpi, core/scorecard/methods).
  [/^expected one column, got (\d+) columns$/, 'cần một cột, nhưng có $1 cột'],
  [/^(.+) is not a whole number from (-?\d+) to (-?\d+)$/, '$1 không phải là số nguyên từ $2 đến $3'],
  [/^(.+) is not TRUE, FALSE or a whole number of reworks$/, '$1 không phải là TRUE, FALSE hoặc số lần làm lại (số nguyên)'],
  [/^must have two columns \(below, credit\), not (.+)$/, 'phải có hai cột (dưới mức, tỷ lệ giảm trừ), không phải $1'],
  [/^(-?[\d.e+]+) is not a fraction from 0 to 1 \(0\.95 for 95 %\)$/, '$1 không phải là phân số từ 0 đến 1 (0.95 là 95 %)'],
  [/^(-?[\d.e+]+) is negative; usage is 0 or more$/, '$1 là số âm; mức sử dụng phải từ 0 trở lên'],
  [/^has no value above 0 to split the amount by$/, 'không có giá trị nào lớn hơn 0 để chia số tiền'],
  [/^(-?[\d.e+]+) is too large to split to (\d+) decimals$/, '$1 quá lớn để chia với $2 chữ số thập phân'],
  [/^must have two columns \(achievement from, rate\), not (.+)$/, 'phải có hai cột (mức đạt từ, tỷ lệ), không phải $1'],
  [/^must be ((?:\w+, )+\w+) or (\w+), not (.+)$/, 'phải là $1 hoặc $2, không phải $3'],
  [/^has no score with a weight greater than 0$/, 'không có điểm nào có trọng số lớn hơn 0'],
  [/^must ascend: (\S+) is not greater than (\S+) before it$/, 'phải tăng dần: $1 không lớn hơn $2 ở hàng trước'],
  [/^\((.+)\) must not be greater than ([a-z_]+) \((.+)\)$/, '($1) không được lớn hơn $2 ($3)'],
  [/^every day is a weekend day, so no working day can be reached$/, 'ngày nào cũng là ngày nghỉ cuối tuần, nên không thể tới ngày làm việc nào'],
  [/^must be a whole number of at least (\d+)$/, 'phải là số nguyên từ $1 trở lên'],
  [/^must have at least (\d+) boundaries \(one band\), not (\d+)$/, 'phải có ít nhất $1 mốc (một khoảng), không phải $2'],
  [/^must be greater than (\S+), not (\S+): the scale has no width$/, 'phải lớn hơn $1, không phải $2: thang đo không có độ rộng'],
  [/^must be greater than (\S+), not (\S+)$/, 'phải lớn hơn $1, không phải $2'],
  [/^must be greater than ([a-z_]+) \((.+) is not greater than (.+)\): the scale has no width$/, 'phải lớn hơn $1 ($2 không lớn hơn $3): thang đo không có độ rộng'],
  [/^must be greater than ([a-z_]+)$/, 'phải lớn hơn $1'],
  [/^must differ from ([a-z_]+) \(both are (.+)\): the scale has no width$/, 'phải khác $1 (cả hai đều là $2): thang đo không có độ rộng'],
  [/^must differ from ([a-z_]+) \(both are (.+)\): the scale from (\w+) to (\w+) has no width$/, 'phải khác $1 (cả hai đều là $2): thang đo từ $3 đến $4 không có độ rộng'],
  [/^must be after ([a-z_]+)$/, 'phải sau $1'],
  [/^has no hire at least (\d+) months before as_of$/, 'không có ai được tuyển ít nhất $1 tháng trước as_of'],
  [/^the exit is before its hire$/, 'ngày nghỉ việc sớm hơn ngày tuyển'],
  [/^(\S+) has no region (".*") \(expected none: the country has no regional holidays\)$/, '$1 không có vùng $2 (quốc gia này không có ngày lễ theo vùng)'],
  [/^has (\d+) rows but (\w+) has (\d+)$/, 'có $1 hàng nhưng $2 có $3 hàng'],
  [/^expected at most (\d+) arguments, got (\d+)$/, 'nhận tối đa $1 đối số, nhưng có $2'],
  [/^expected a whole year such as 2025, got (.+)$/, 'cần một năm nguyên như 2025, nhưng nhận $1'],
  [/^unknown country (".*") \(the holiday tables cover (.+) and their regions, (\d+-\d+)\)$/, 'không có quốc gia $1 trong bảng ngày lễ (bảng có $2 và các vùng của chúng, các năm $3)'],
  [/^the holiday tables cover (\d+-\d+), not (.+)$/, 'bảng ngày lễ có các năm $1, không có $2'],
  [/^expected an ISO 3166 country code such as VN, got (.+)$/, 'cần mã quốc gia ISO 3166 như VN, nhưng nhận $1'],
  [/^expected a 7-character mask of 0 and 1 \(Monday first\) or a code 1-7 or 11-17, got (.+)$/, 'cần chuỗi 7 ký tự 0 và 1 (bắt đầu từ thứ Hai) hoặc mã 1-7, 11-17, nhưng nhận $1'],
  // The calendar text's parser (core/calendar/parse.ts), after the place it names (see CALENDAR_PLACE).
  [/^expected times as HH:MM-HH:MM, got (".*")$/, 'cần giờ dạng HH:MM-HH:MM, nhưng nhận $1'],
  [/^expected times as HH:MM-HH:MM or "off" after the days$/, 'sau các thứ cần giờ dạng HH:MM-HH:MM hoặc "off"'],
  [/^(\S+) is not a time of day \(00:00 to 24:00\)$/, '$1 không phải là giờ trong ngày (00:00 đến 24:00)'],
  [/^a window cannot start at 24:00$/, 'khung giờ không thể bắt đầu lúc 24:00'],
  [/^unknown day (".*") \(expected (.+)\)$/, 'không có thứ $1 (cần một trong $2)'],
  [/^expected a day or a range of days such as Mo-Fr, got (".*")$/, 'cần một thứ hoặc một dải thứ như Mo-Fr, nhưng nhận $1'],
  [/^expected an option as key=value after "\|", got (".*")$/, 'sau "|" cần một tùy chọn dạng khóa=giá trị, nhưng nhận $1'],
  [/^unknown option (".*") \(expected (.+)\)$/, 'không có tùy chọn $1 (cần một trong $2)'],
  [/^option (\S+=) is given twice$/, 'tùy chọn $1 được ghi hai lần'],
  [/^option (\S+=) has no value$/, 'tùy chọn $1 chưa có giá trị'],
  [/^expected an IANA time zone such as (\S+) or (\S+)$/, 'cần một múi giờ IANA như $1 hoặc $2'],
  [/^expected a country code such as VN or DE-BY or a date YYYY-MM-DD, got (".*")$/, 'cần mã quốc gia như VN hoặc DE-BY, hoặc một ngày YYYY-MM-DD, nhưng nhận $1'],
  [
    /^expected a date YYYY-MM-DD, optionally followed by the weekday whose hours apply, got (".*")$/,
    'cần một ngày YYYY-MM-DD, có thể kèm theo thứ có giờ làm áp dụng cho ngày đó, nhưng nhận $1',
  ],
  [/^expected a date and times such as (.+), got (".*")$/, 'cần một ngày và khung giờ như $1, nhưng nhận $2'],
  [/^the closure (".*") must end after it starts$/, 'khoảng nghỉ $1 phải kết thúc sau khi bắt đầu'],
  // The calendar schema (core/calendar/spec.ts), after a field path such as weekly.Mo.0.start.
  [/^expected a time of day HH:MM \(00:00 to 24:00\)$/, 'cần giờ trong ngày dạng HH:MM (00:00 đến 24:00)'],
  [/^expected a date YYYY-MM-DD$/, 'cần một ngày dạng YYYY-MM-DD'],
  [/^unknown weekday key (.+) \(expected (.+)\)$/, 'không có khóa thứ $1 (cần một trong $2)'],
  [/^expected a country code such as VN or DE-BY$/, 'cần mã quốc gia như VN hoặc DE-BY'],
  // The compiled calendar (core/calendar/compile.ts, holidays.ts) on what the text says.
  [/^it has no working hours on any day$/, 'lịch không có giờ làm việc vào ngày nào'],
  [/^(\S+) would have no working hours \((\w+) has none\)$/, '$1 sẽ không có giờ làm việc ($2 không có giờ làm)'],
  [/^the closure (\S+) on (\S+) ends before it starts$/, 'khoảng nghỉ $1 ngày $2 kết thúc trước khi bắt đầu'],
  [
    /^unknown country or region (".*") \(expected an ISO 3166 code such as VN or DE-BY; the holiday tables cover (.+) and their regions, (\d+-\d+)\)$/,
    'không có quốc gia hoặc vùng $1 (cần mã ISO 3166 như VN hoặc DE-BY; bảng ngày lễ có $2 và các vùng của chúng, các năm $3)',
  ],
];

/**
 * Where a calendar message points, before its phrase: a rule in quotes (`"Mo-Fr 8-17"`), an option as written
 * (`closed=2025-12-24 17:00-12:00`), a field path (`weekly.Mo.0.start`, `calendar.makeUpDays.0`) or `holidays`. It
 * stays as written; only the phrase after it is translated.
 */
const CALENDAR_PLACE = /^("[^"]*"|[a-z]+=.*?|[A-Za-z]+(?:\.\w+)+|holidays): (.+)$/s;

const rewrite = (text: string, [pattern, replacement]: Rule): string => text.replace(pattern, replacement as (match: string, ...groups: string[]) => string);

function phrase(text: string, book: PhraseBook): string | null {
  for (const rules of [RULES, book.phrases]) for (const rule of rules) if (rule[0].test(text)) return rewrite(text, rule);
  const place = CALENDAR_PLACE.exec(text);
  const afterPlace = place && phrase(place[2], book);
  return place && afterPlace !== null ? `${place[1]}: ${afterPlace}` : null;
}

/** `SLA_COMPLIANCE: ` first, then `ends row 17: ` or `target: ` before a phrase, or a subject (`ends has …`). */
const FUNCTION_PREFIX = /^((?:[A-Z][A-Z_]+: )?)(.*)$/s;
const ARGUMENT_PREFIX = /^([a-z][A-Za-z_]*)(?: row (\d+))?: (.*)$/s;
const SUBJECT = /^([a-z_]+) (.*)$/s;

/**
 * A chain of places before a phrase, as the CLI writes (`--calendars: hours.txt line 3: expected …`), possibly with
 * an ending (`… (--strict: …)`): each place keeps its names with its own words in Vietnamese, the phrase is rewritten.
 * Null unless the phrase is known, so a message is never half translated around an unknown phrase.
 */
function placed(text: string, book: PhraseBook): string | null {
  const whole = phrase(text, book);
  if (whole !== null) return whole;
  const ending = book.endings.find(([pattern]) => pattern.test(text));
  if (ending) {
    const before = placed(text.replace(ending[0], ''), book);
    return before === null ? null : before + rewrite(text.match(ending[0])![0], ending);
  }
  const colon = text.indexOf(': ');
  const rest = colon > 0 ? placed(text.slice(colon + 2), book) : null;
  return rest === null ? null : `${book.places.reduce(rewrite, text.slice(0, colon))}: ${rest}`;
}

/**
 * The places before a core error inside a door's message (`--calendars: hours.txt line 3: `) and the ending after it,
 * in Vietnamese by the door's page: null when the ending is not known, so a message is never half translated.
 */
export function framedIn(before: string, after: string, book: PhraseBook): { before: string; after: string } | null {
  const places = before.split(': ').map((place) => book.places.reduce(rewrite, place)).join(': ');
  if (after === '') return { before: places, after };
  const ending = book.endings.find(([pattern]) => pattern.test(after) && after.replace(pattern, '') === '');
  return ending ? { before: places, after: rewrite(after, ending) } : null;
}

/** A message in the user's language: English as written, Vietnamese phrase by phrase where the phrase is known. */
export function inLanguage(message: string, language: Language, book: PhraseBook = SHARED_ONLY): string {
  if (language === 'en') return message;
  const [, fn, body] = FUNCTION_PREFIX.exec(message)!;
  const argument = ARGUMENT_PREFIX.exec(body);
  const afterArgument = argument && phrase(argument[3], book);
  if (argument && afterArgument !== null) return `${fn}${argument[1]}${argument[2] ? ` hàng ${argument[2]}` : ''}: ${afterArgument}`;
  const subject = SUBJECT.exec(body);
  const afterSubject = subject && phrase(subject[2], book);
  if (subject && afterSubject !== null) return `${fn}${subject[1]} ${afterSubject}`;
  const chained = placed(body, book);
  return chained === null ? message : `${fn}${chained}`;
}
