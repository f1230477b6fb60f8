/**
 * The CLI's error and warning phrases in Vietnamese: its page of the one phrase catalogue (messages-vi.ts) every door
 * renders through, passed by the CLI only so the Sheets bundle stays without it. A CLI message is a chain of places and a phrase: `--calendars: hours.txt line 3: expected …`,
 * `log.csv row 12, column "time": "x" is not a time …`; the places keep their names (options, files, columns) with
 * their words in Vietnamese, and the phrase is rewritten. Options (`--map`, `--strict`) stay as the user types them.
 */

import type { PhraseBook, Rule } from './messages-vi';
import { CONFIG_SCHEMA_PHRASES, ZOD_PHRASES } from './zod-messages-vi';

/** A file-system reason (config.ts `reason`) in Vietnamese; another reason (the system's own words) stays as it is. */
const REASONS_VI: Readonly<Record<string, string>> = {
  'no such file': 'không có tệp này',
  'no such directory': 'không có thư mục này',
  'it is a directory': 'đây là một thư mục',
  'permission denied': 'không có quyền truy cập',
  'no space left on device': 'thiết bị đã hết dung lượng',
};
const reasonVi = (why: string): string => REASONS_VI[why] ?? why;

/** Why the header lacks a column (csv.ts `missingColumnHint`). */
const HEADER_HINTS: readonly Rule[] = [
  [
    /^the header reads as (\d+) columns? with the delimiter (".*?") \((.+?)\) but holds (\d+) (".*?") \((.+?)\); the delimiter is the likely cause$/,
    'hàng tiêu đề được đọc thành $1 cột với dấu phân cách $2 nhưng có $4 dấu $5; nhiều khả năng nguyên nhân là dấu phân cách',
  ],
  [/^the header has garbled characters; the encoding is the likely cause \(read as (.+)\)$/, 'hàng tiêu đề có ký tự bị lỗi; nhiều khả năng nguyên nhân là bảng mã (đang đọc theo $1)'],
  [/^the header has: (.*)$/, 'hàng tiêu đề có: $1'],
];
const hintVi = (hint: string): string => {
  const rule = HEADER_HINTS.find(([pattern]) => pattern.test(hint));
  return rule ? hint.replace(rule[0], rule[1] as string) : hint;
};

/** What a row was corrected for (tickets.ts), after `ticket KEY: `. */
const CORRECTION_WHAT: Readonly<Record<string, string>> = { "the ticket's creation": 'thời điểm tạo yêu cầu', "its previous row's": 'thời điểm của hàng trước' };

/** Whole phrases after the places: longest and most specific first. */
const CLI_PHRASES: readonly Rule[] = [
  // The command line (cli/args.ts, cli/main.ts).
  [/^unknown option; npm start -- --help lists the options$/, 'không có tùy chọn này; npm start -- --help liệt kê các tùy chọn'],
  [/^expected a value after it, as in (\S+) <file>$/, 'cần một giá trị sau tùy chọn này, ví dụ $1 <tệp>'],
  [/^unexpected argument (.*): options start with --; npm start -- --help lists them$/, 'đối số $1 không hợp lệ: tùy chọn bắt đầu bằng --; npm start -- --help liệt kê các tùy chọn'],
  [/^expected en or vi, got (.+)$/, 'cần en hoặc vi, nhưng nhận $1'],
  [/^(".*") has the offset (\S+), which no zone has \(expected -12:00 to \+14:00\)$/, '$1 có độ lệch múi giờ $2, không múi giờ nào có độ lệch này (cần từ -12:00 đến +14:00)'],
  [/^expected an ISO date-time such as (\S+), got (.+)$/, 'cần ngày giờ ISO như $1, nhưng nhận $2'],
  [/^give the event log the mapping --map reads$/, 'hãy cho biết nhật ký sự kiện mà tệp --map mô tả'],
  [/^not a field of the mapping \(fields: (.+)\)$/, 'không phải là trường nào trong ánh xạ (các trường: $1)'],
  [/^not a field of the mapping \(it maps no fields\)$/, 'không phải là trường nào trong ánh xạ (ánh xạ không có trường nào)'],
  [/^give the service catalogue it is drawn from with --catalogue$/, 'hãy cho biết danh mục dịch vụ dùng để lập bảng kê bằng --catalogue'],
  // Files read and written (cli/config.ts, cli/report/output-file.ts).
  [/^cannot read (.+) \((.+)\)$/, (_, file: string, why: string) => `không đọc được ${file} (${reasonVi(why)})`],
  [/^cannot write (.+) \((.+)\)$/, (_, file: string, why: string) => `không ghi được ${file} (${reasonVi(why)})`],
  [/^(.+) is not valid JSON \((.+)\)$/, '$1 không phải là JSON hợp lệ ($2)'],
  [/^(.+) is the file given to (--[a-z-]+); writing it would destroy it \(name another file\)$/, '$1 là tệp đã cho ở $2; ghi vào sẽ làm mất tệp đó (hãy chọn tệp khác)'],
  // Calendars and policies (cli/config.ts).
  [/^expected "name: Mo-Fr 08:00-17:00 \| tz=…" \(or a JSON object\), got (.+)$/, 'cần hàng dạng "name: Mo-Fr 08:00-17:00 | tz=…" (hoặc một đối tượng JSON), nhưng nhận $1'],
  [/^calendar (".*") is given twice$/, 'lịch $1 được ghi hai lần'],
  [/^no calendar \(expected lines "name: Mo-Fr 08:00-17:00 \| tz=…" or a JSON object\)$/, 'không có lịch nào (cần các hàng dạng "name: Mo-Fr 08:00-17:00 | tz=…" hoặc một đối tượng JSON)'],
  [/^expected a JSON object of calendar name → calendar spec \(an object or the text form\)$/, 'cần một đối tượng JSON ánh xạ tên lịch → đặc tả lịch (một đối tượng hoặc dạng văn bản)'],
  [/^expected a calendar spec object or its text form (\(".*"\))$/, 'cần một đối tượng đặc tả lịch hoặc dạng văn bản của lịch $1'],
  [/^expected a JSON array of one or more SLA policies$/, 'cần một mảng JSON gồm một hoặc nhiều chính sách SLA'],
  [/^expected an SLA policy object$/, 'cần một đối tượng chính sách SLA'],
  [/^the id (".*") is already item (\d+)'s; give each policy its own id$/, 'mã $1 đã là mã của mục $2; hãy đặt cho mỗi chính sách một mã riêng'],
  // The event log (cli/input, cli/analyse.ts, cli/tickets.ts).
  [/^no events after the header$/, 'không có sự kiện nào sau hàng tiêu đề'],
  [/^no header row$/, 'không có hàng tiêu đề'],
  [/^the header line is empty; expected the column names$/, 'hàng tiêu đề trống; cần tên các cột'],
  [/^every row's status is blank; no ticket to measure$/, 'trạng thái của mọi hàng đều trống; không có yêu cầu nào để đo'],
  [/^no column (".*") named in the mapping; (.+)$/, (_, column: string, hint: string) => `không có cột ${column} mà ánh xạ nêu tên; ${hintVi(hint)}`],
  [/^the ticket is blank$/, 'mã yêu cầu trống'],
  [/^the time is blank$/, 'thời điểm trống'],
  [/^(".*") is not a time in the form (.+)$/, '$1 không phải là thời điểm theo dạng $2'],
  [/^(".*") is outside the years 1900-2300$/, '$1 nằm ngoài các năm 1900-2300'],
  [/^(".*") is not a whole number from (-?\d+) to (-?\d+) \(rating scale (.+)\)$/, '$1 không phải là số nguyên từ $2 đến $3 (thang đánh giá $4)'],
  [/^(".*") is not a decimal number$/, '$1 không phải là số thập phân'],
  [/^bytes that are not UTF-8; the encoding is the likely cause: set "encoding": "latin1" or "windows-1252" in the mapping$/, 'có byte không phải UTF-8; nhiều khả năng nguyên nhân là bảng mã: hãy đặt "encoding": "latin1" hoặc "windows-1252" trong ánh xạ'],
  [/^not well-formed XML \((.+)\)$/, 'XML không đúng cú pháp ($1)'],
  [/^no <log> element; expected an XES event log$/, 'không có phần tử <log>; cần một nhật ký sự kiện XES'],
  [/^no <event> in any <trace>$/, 'không có <event> nào trong các <trace>'],
  [/^an <event> outside a <trace>$/, 'có <event> nằm ngoài <trace>'],
  [/^the row comes after rows of its ticket that its order puts later$/, 'hàng này đứng sau những hàng của cùng yêu cầu mà thứ tự của nó xếp sau'],
  [/^the row comes after a row its order puts later$/, 'hàng này đứng sau một hàng mà thứ tự của nó xếp sau'],
  [/^the status is blank$/, 'trạng thái trống'],
  [/^the time is before (the ticket's creation|its previous row's) \((.+)\)$/, (_, what: string, at: string) => `thời điểm sớm hơn ${CORRECTION_WHAT[what]} (${at})`],
  // The mapping file's checks (cli/input/mapping.ts).
  [/^list at least one column$/, 'hãy liệt kê ít nhất một cột'],
  [/^list at least one cell value$/, 'hãy liệt kê ít nhất một giá trị ô'],
  [/^name a column$/, 'hãy ghi tên một cột'],
  [/^name the column of the ticket \(required for csv\)$/, 'hãy ghi tên cột mã yêu cầu (bắt buộc với định dạng CSV)'],
  // Warnings (cli/analyse.ts).
  [
    /^(\S+) is ([\d,]+) days after every other row; it sets the default as-of \(give --as-of to measure up to another time\)$/,
    (_, at: string, days: string) =>
      `${at} muộn hơn mọi hàng khác ${days.replaceAll(',', '.')} ngày; thời điểm này trở thành mốc tính mặc định (hãy dùng --as-of để đo đến một mốc khác)`,
  ],
  [
    /^policy (.+) stops on (.+), which the log's status never holds; statuses that occur: (.+)$/,
    'chính sách $1 dừng ở trạng thái $2, nhưng trạng thái trong nhật ký không lần nào có giá trị đó; các trạng thái có trong nhật ký: $3',
  ],
  [
    /^policy (.+) reads the field (".*"), which the mapping does not map: it is blank on every ticket \(map it under "fields"\)$/,
    'chính sách $1 đọc trường $2 nhưng ánh xạ không có trường này: trường luôn trống ở mọi yêu cầu (hãy ánh xạ nó trong "fields")',
  ],
];

/** Endings added to a message, each said after the message's own phrase. */
const CLI_SUFFIXES: readonly Rule[] = [
  [/ \(--strict: corrections are errors; leave --strict out to have the log sorted\)$/, ' (--strict: mọi chỉnh sửa đều là lỗi; bỏ --strict để nhật ký được tự sắp xếp)'],
  [/ \(--strict: corrections are errors; leave --strict out to have them made and counted\)$/, ' (--strict: mọi chỉnh sửa đều là lỗi; bỏ --strict để các chỉnh sửa được thực hiện và đếm)'],
  [
    /; without --map the log is read as the BPIC 2013 format: describe other exports with --map \(docs\/CLI-INPUT\.md\)$/,
    '; khi không có --map, nhật ký được đọc theo định dạng BPIC 2013: hãy mô tả các tệp xuất khác bằng --map (docs/CLI-INPUT.md)',
  ],
];

/** A place's own words: `row 12`, `line 3`, `column "time"`, `item 2`, `ticket SUP-1`; names stay as written. */
const PLACE_WORDS: readonly Rule[] = [
  [/ (?:row|line) (\d+)(?=,|$)/, ' hàng $1'],
  [/, column (".*")$/, ', cột $1'],
  [/^item (\d+)$/, 'mục $1'],
  [/^ticket (.+)$/, 'yêu cầu $1'],
  [/^policy (.+)$/, 'chính sách $1'],
  // The calendar spec's root, before the core's calendar phrase (`"c": calendar: "Mo-Fr 9-17": expected …`).
  [/^calendar$/, 'lịch'],
];

/** The CLI's page of the phrase catalogue: `inLanguage(message, language, CLI_PHRASE_BOOK)`. */
export const CLI_PHRASE_BOOK: PhraseBook = { phrases: [...CLI_PHRASES, ...CONFIG_SCHEMA_PHRASES, ...ZOD_PHRASES], endings: CLI_SUFFIXES, places: PLACE_WORDS };
