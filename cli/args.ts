import { parseArgs } from 'node:util';
import { CalendarError } from '../core/calendar';
import { type Language, LANGUAGES, said } from '../core/i18n';
import { InputError } from './errors';
import { offsetMinutes, parseDateTime } from './time';

export const DEFAULTS = {
  input: 'examples/bpic2013_vinst_closed_problems.csv',
  policies: 'examples/policies.json',
  calendars: 'examples/calendars.json',
  scorecard: 'examples/scorecard.json',
};

export const HELP = `Usage: npm start -- [options]        (or: npx backoffice-kpi report [options])

Applies SLA policies to a ticket event log (one row per change of a ticket) and prints
SLA compliance overall, per policy goal, per month and per --by field, met/breached/open
counts, the turnaround time (median, p90) in working hours, first time right (share of
resolved tickets never reopened) and CSAT or iNPS when the mapping names a rating.

Options:
  --input <file>         event log (default: ${DEFAULTS.input}, the BPI Challenge 2013
                         format: ';'-separated, ISO-8859-1)
  --map <file>           mapping file: which column is the ticket, the time, the status and
                         each field (CSV with any delimiter and encoding, or XES); see
                         docs/CLI-INPUT.md and examples/*.map.json. Default: the BPIC 2013 format
  --policies <file>      JSON array of SLA policies (default: ${DEFAULTS.policies})
  --calendars <file>     JSON object, calendar name -> calendar spec or its text form such as
                         "Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN"; or a text file
                         with one "name: <text form>" a line (default: ${DEFAULTS.calendars})
  --as-of <date-time>    measure open cycles up to this ISO date-time with offset, such as
                         2012-06-01T00:00:00+01:00 (default: the latest event in the log, so
                         the report on the same file is the same on every run)
  --by <field>           also group compliance by this mapped field; repeatable
                         (default without --map: impact)
  --scorecard <file>     JSON scorecard built from the report: { tree (or rows), sources }, each
                         KPI's source one of sla, sla:<policy>, tat:median, tat:p90, ftr, reopen,
                         csat, inps (default: ${DEFAULTS.scorecard}: speed, accuracy and
                         satisfaction); see docs/SCORING.md
  --signals <file>       JSON object of gaming-signal parameters (reopenWithin, lastShare,
                         lastFlag, splitCount, splitWithin, ...; docs/GAMING-SIGNALS.md). The
                         report always shows the signals G1-G5 per --by group; G5 needs a
                         mapped "requester" field
  --catalogue <file>     the internal market's service catalogue (JSON; docs/INTERNAL-MARKET.md):
                         adds the Internal market section, a monthly statement per customer and
                         service (charge, service credit, net) and the OLA chain per owner
  --statement <file>     with --catalogue: write the statement as CSV (period, customer, service,
                         provider, requests, met, breached, compliance, agreed, charge,
                         credit_rate, credit, net, currency)
  --cycles <file>        write one CSV row per SLA cycle (ticket, policy, cycle, goal, start,
                         stop, state, elapsed/paused/remaining working minutes, due)
  --html <file>          also write the report as a self-contained HTML page
  --json                 print the result as JSON instead of the text report
  --lang <en|vi>         the language of the text and HTML report, errors and warnings: en,
                         or vi (Vietnamese words, 1.234,5 numbers, Tháng 3/2012 months);
                         default: the environment's locale (LC_ALL, LC_MESSAGES, LANG:
                         vi_VN.UTF-8 gives vi), else en
  --strict               make each correction of the log (a row out of its ticket's order, a
                         time before the previous row's or the creation, a blank status) an
                         error naming its row, instead of making and counting it
  -h, --help             show this help

Rows may come in any order: grouped by ticket, sorted by time, or shuffled. Within a ticket
they follow the mapped order column, else time, then file position; the Data quality section
counts every correction. Outputs never overwrite an input, and are written only when the run
succeeds. The default files are found in the repository,
whatever the current directory. Warnings go to stderr.
Exit status: 0 done, 2 a bad option or input (the message names it).
`;

/** The help in Vietnamese (`--lang vi`, or a vi locale): options, files and codes as they are typed. */
const HELP_VI = `Cách dùng: npm start -- [tùy chọn]        (hoặc: npx backoffice-kpi report [tùy chọn])

Áp dụng các chính sách SLA cho nhật ký sự kiện của yêu cầu (mỗi hàng là một thay đổi của một
yêu cầu) và in ra tỷ lệ tuân thủ SLA chung, theo từng mức SLA, theo tháng và theo trường --by,
số yêu cầu đạt/vi phạm/đang mở, thời gian hoàn thành (TAT: trung vị, p90) theo giờ làm việc,
tỷ lệ làm đúng ngay từ đầu (FTR: phần yêu cầu đã giải quyết không bị mở lại) và CSAT hoặc
iNPS khi ánh xạ có cột đánh giá.

Tùy chọn:
  --input <tệp>          nhật ký sự kiện (mặc định: ${DEFAULTS.input}, định dạng
                         BPI Challenge 2013: phân cách bằng ';', bảng mã ISO-8859-1)
  --map <tệp>            tệp ánh xạ: cột nào là mã yêu cầu, thời điểm, trạng thái và từng
                         trường (CSV với dấu phân cách và bảng mã bất kỳ, hoặc XES); xem
                         docs/CLI-INPUT.md và examples/*.map.json. Mặc định: định dạng BPIC 2013
  --policies <tệp>       mảng JSON các chính sách SLA (mặc định: ${DEFAULTS.policies})
  --calendars <tệp>      đối tượng JSON, tên lịch -> đặc tả lịch hoặc dạng văn bản của lịch như
                         "Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN"; hoặc tệp văn bản
                         mỗi hàng một "tên: <dạng văn bản>" (mặc định: ${DEFAULTS.calendars})
  --as-of <ngày giờ>     đo các chu kỳ đang mở đến thời điểm ISO có độ lệch múi giờ này, như
                         2012-06-01T00:00:00+01:00 (mặc định: sự kiện muộn nhất trong nhật ký,
                         nên báo cáo trên cùng một tệp luôn như nhau)
  --by <trường>          nhóm thêm tỷ lệ tuân thủ theo trường đã ánh xạ này; dùng được nhiều lần
                         (mặc định khi không có --map: impact)
  --scorecard <tệp>      thẻ điểm JSON lập từ báo cáo: { tree (hoặc rows), sources }, nguồn của
                         mỗi KPI là một trong sla, sla:<chính sách>, tat:median, tat:p90, ftr,
                         reopen, csat, inps (mặc định: ${DEFAULTS.scorecard}: tốc độ, chính xác và
                         mức độ hài lòng); xem docs/SCORING.md
  --signals <tệp>        đối tượng JSON các tham số của tín hiệu làm đẹp số liệu (reopenWithin,
                         lastShare, lastFlag, splitCount, splitWithin, ...; docs/GAMING-SIGNALS.md).
                         Báo cáo luôn hiện các tín hiệu G1-G5 theo từng nhóm --by; G5 cần trường
                         "requester" đã ánh xạ
  --catalogue <tệp>      danh mục dịch vụ của thị trường nội bộ (JSON; docs/INTERNAL-MARKET.md):
                         thêm phần Thị trường nội bộ, bảng kê dịch vụ hằng tháng theo khách hàng
                         nội bộ và dịch vụ (phí dịch vụ, khoản giảm trừ dịch vụ, số thực trả) và
                         chuỗi OLA theo người phụ trách
  --statement <tệp>      cùng --catalogue: ghi bảng kê dịch vụ ra CSV (period, customer, service,
                         provider, requests, met, breached, compliance, agreed, charge,
                         credit_rate, credit, net, currency)
  --cycles <tệp>         ghi mỗi chu kỳ SLA một hàng CSV (ticket, policy, cycle, goal, start,
                         stop, state, số phút làm việc elapsed/paused/remaining, due)
  --html <tệp>           ghi thêm báo cáo thành một trang HTML độc lập
  --json                 in kết quả dạng JSON thay cho báo cáo văn bản
  --lang <en|vi>         ngôn ngữ của báo cáo văn bản và HTML, lỗi và cảnh báo: en, hoặc vi
                         (từ ngữ tiếng Việt, số dạng 1.234,5, tháng dạng Tháng 3/2012);
                         mặc định: ngôn ngữ của môi trường (LC_ALL, LC_MESSAGES, LANG:
                         vi_VN.UTF-8 cho vi), nếu không thì en
  --strict               coi mỗi chỉnh sửa nhật ký (một hàng sai thứ tự trong yêu cầu của nó,
                         thời điểm sớm hơn hàng trước hoặc thời điểm tạo, trạng thái trống) là
                         lỗi nêu rõ hàng, thay vì tự chỉnh sửa và đếm
  -h, --help             hiện phần trợ giúp này

Các hàng có thể theo thứ tự bất kỳ: gom theo yêu cầu, sắp theo thời điểm, hoặc xáo trộn. Trong
một yêu cầu, các hàng theo cột thứ tự đã ánh xạ, nếu không thì theo thời điểm, rồi vị trí trong
tệp; phần Chất lượng dữ liệu đếm mọi chỉnh sửa. Tệp kết quả không bao giờ ghi đè tệp đầu vào, và
chỉ được ghi khi lần chạy thành công. Các tệp mặc định được tìm trong kho mã, bất kể thư mục
hiện tại. Cảnh báo được ghi ra stderr.
Mã thoát: 0 là xong, 2 là tùy chọn hoặc đầu vào sai (thông báo nêu rõ chỗ sai).
`;

/** The help in a language: Vietnamese for vi, English otherwise. */
export const helpText = (language: Language): string => (language === 'vi' ? HELP_VI : HELP);

const OPTIONS = {
  input: { type: 'string' },
  policies: { type: 'string' },
  calendars: { type: 'string' },
  map: { type: 'string' },
  'as-of': { type: 'string' },
  by: { type: 'string', multiple: true },
  scorecard: { type: 'string' },
  signals: { type: 'string' },
  catalogue: { type: 'string' },
  statement: { type: 'string' },
  cycles: { type: 'string' },
  html: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Node's parseArgs messages are long and mention internals; these name the option and the expected form. */
function usageError(error: unknown): InputError {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new InputError(`${option}: unknown option; npm start -- --help lists the options`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new InputError(`${option}: expected a value after it, as in ${option} <file>`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new InputError(`unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}: options start with --; npm start -- --help lists them`);
    default:
      throw error;
  }
}

/** The one command, `report`, may be named first (`npx backoffice-kpi report …`); it is also the default. */
const COMMAND = 'report';

export function parseOptions(argv: readonly string[]) {
  const args = argv[0] === COMMAND ? argv.slice(1) : [...argv];
  try {
    return parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw usageError(error);
  }
}

/** The language a POSIX environment asks for (LC_ALL, then LC_MESSAGES, then LANG): Vietnamese for `vi_VN.UTF-8`. */
function languageOfEnvironment(env: Readonly<Record<string, string | undefined>>): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^vi([_.-]|$)/i.test(locale) ? 'vi' : 'en';
}

/** `--lang`: en or vi; without it the environment's locale decides (docs: the help above). */
export function readLanguage(text: string | undefined, env: Readonly<Record<string, string | undefined>>): Language {
  if (text === undefined) return languageOfEnvironment(env);
  if (!(LANGUAGES as readonly string[]).includes(text)) throw new InputError(`--lang: expected en or vi, got ${JSON.stringify(text)}`);
  return text as Language;
}

/** `--as-of`: an ISO date-time with a real offset; the message says which part is wrong. */
export function readAsOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(text)?.[1];
  if (offset !== undefined && Number.isNaN(offsetMinutes(offset))) {
    throw new InputError(`--as-of: ${JSON.stringify(text)} has the offset ${offset}, which no zone has (expected -12:00 to +14:00)`);
  }
  const asOf = parseDateTime(text);
  if (asOf === null) throw new InputError(`--as-of: expected an ISO date-time such as 2012-06-01T00:00:00+01:00, got ${JSON.stringify(text)}`);
  if (asOf < Date.UTC(1900, 0, 2) || asOf > Date.UTC(2300, 11, 30)) {
    const outside = new CalendarError('asOf', said('calendar.dateOutsideYears', { date: text, coverage: said('calendar.yearsCovered', { first: 1900, last: 2300 }) }));
    throw new InputError(`--as-of: ${outside.message}`, { cause: outside });
  }
  return asOf;
}

