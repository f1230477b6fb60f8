import { type CoreMessage, decimalComma, entry, type Entry, type ErrorParams, type Instead, textOf } from './error-text';
import type { Language } from './language';
import { inLanguage } from './messages-vi';
import { schemaIssueVi } from './zod-messages-vi';

/**
 * Every message a core error says, by code: the English template (which `.message` is made from) beside the
 * Vietnamese one. Names the user types (arguments, fields, calendar options, choices such as `higher`) are values, so
 * they stay as typed in both languages; Vietnamese words follow docs/GLOSSARY-VI.md.
 */

/** `blank` is what `describe` says for an empty cell; Vietnamese says it as a phrase, not a value. */
const notValueVi = (value: string | number, what: string): string => (value === 'blank' ? `${what}, không được để trống` : `${what}, không phải ${value}`);

/** A KPI or scorecard check's detail, said after its function and argument (core/kpi, core/scorecard). */
const KPI_DETAILS = {
  'kpi.notANumber': entry(
    (p: { value: string }) => `must be a number, not ${p.value}`,
    (p) => notValueVi(p.value, 'phải là một số'),
  ),
  'kpi.notAList': entry(
    (p: { value: string }) => `must be a list, not ${p.value}`,
    (p) => notValueVi(p.value, 'phải là một danh sách'),
  ),
  'kpi.notOneOf': entry(
    (p: { choices: string; last: string; value: string }) => `must be ${p.choices} or ${p.last}, not ${p.value}`,
    (p) => notValueVi(p.value, `phải là ${p.choices} hoặc ${p.last}`),
  ),
  'kpi.notPositive': entry(
    () => 'must be greater than 0',
    () => 'phải lớn hơn 0',
  ),
  'kpi.notAbove': entry(
    (p: { bound: number; value: number }) => `must be greater than ${p.bound}, not ${p.value}`,
    (p) => `phải lớn hơn ${p.bound}, không phải ${p.value}`,
  ),
  'kpi.notAboveScale': entry(
    (p: { bound: number; value: number }) => `must be greater than ${p.bound}, not ${p.value}: the scale has no width`,
    (p) => `phải lớn hơn ${p.bound}, không phải ${p.value}: thang đo không có độ rộng`,
  ),
  'kpi.notAboveArgument': entry(
    (p: { other: string }) => `must be greater than ${p.other}`,
    (p) => `phải lớn hơn ${p.other}`,
  ),
  'kpi.notAboveArgumentScale': entry(
    (p: { other: string; value: number; otherValue: number }) => `must be greater than ${p.other} (${p.value} is not greater than ${p.otherValue}): the scale has no width`,
    (p) => `phải lớn hơn ${p.other} (${p.value} không lớn hơn ${p.otherValue}): thang đo không có độ rộng`,
  ),
  'kpi.sameAsArgument': entry(
    (p: { other: string; value: number }) => `must differ from ${p.other} (both are ${p.value}): the scale has no width`,
    (p) => `phải khác ${p.other} (cả hai đều là ${p.value}): thang đo không có độ rộng`,
  ),
  'kpi.sameAsArgumentSpan': entry(
    (p: { other: string; value: number; from: string; to: string }) => `must differ from ${p.other} (both are ${p.value}): the scale from ${p.from} to ${p.to} has no width`,
    (p) => `phải khác ${p.other} (cả hai đều là ${p.value}): thang đo từ ${p.from} đến ${p.to} không có độ rộng`,
  ),
  'kpi.negative': entry(
    () => 'must not be negative',
    () => 'không được âm',
  ),
  'kpi.negativeWhenLower': entry(
    (p: { lower: string }) => `must not be negative when ${p.lower} is better`,
    (p) => `không được âm khi ${p.lower} là tốt hơn`,
  ),
  'kpi.notFraction': entry(
    () => 'must be from 0 to 1',
    () => 'phải từ 0 đến 1',
  ),
  'kpi.notWholeAtLeast': entry(
    (p: { min: number }) => `must be a whole number of at least ${p.min}`,
    (p) => `phải là số nguyên từ ${p.min} trở lên`,
  ),
  'kpi.notWholeDay': entry(
    (p: { value: number }) => `must be a whole day number, not ${p.value}`,
    (p) => `phải là số thứ tự ngày nguyên, không phải ${p.value}`,
  ),
  'kpi.notAfter': entry(
    (p: { other: string }) => `must be after ${p.other}`,
    (p) => `phải sau ${p.other}`,
  ),
  'kpi.partAboveWhole': entry(
    (p: { part: number; whole: number; wholeName: string }) => `(${p.part}) must not be greater than ${p.wholeName} (${p.whole})`,
    (p) => `(${p.part}) không được lớn hơn ${p.wholeName} (${p.whole})`,
  ),
  'kpi.lengthsDiffer': entry(
    (p: { rows: number; other: string; otherRows: number }) => `has ${p.rows} rows but ${p.other} has ${p.otherRows}`,
    (p) => `có ${p.rows} hàng nhưng ${p.other} có ${p.otherRows} hàng`,
  ),
  'kpi.noValues': entry(
    () => 'has no values',
    () => 'không có giá trị nào',
  ),
  'kpi.noRows': entry(
    () => 'has no rows',
    () => 'không có hàng nào',
  ),
  'kpi.noAnswers': entry(
    () => 'has no answers',
    () => 'không có câu trả lời nào',
  ),
  'kpi.noCompletedRows': entry(
    () => 'has no completed rows',
    () => 'không có hàng nào đã hoàn thành',
  ),
  'kpi.noOutage': entry(
    () => 'has no outage inside the period',
    () => 'không có sự cố nào trong kỳ',
  ),
  'kpi.noBalance': entry(
    () => 'has no balance: give the period-end balance or the balances to average',
    () => 'không có số dư nào: hãy nhập số dư cuối kỳ hoặc các số dư để lấy trung bình',
  ),
  'kpi.noHireBefore': entry(
    (p: { months: number; asOf: string }) => `has no hire at least ${p.months} months before ${p.asOf}`,
    (p) => `không có ai được tuyển ít nhất ${p.months} tháng trước ${p.asOf}`,
  ),
  'kpi.noScore': entry(
    () => 'has no score',
    () => 'không có điểm nào',
  ),
  'kpi.noWeightedScore': entry(
    () => 'has no score with a weight greater than 0',
    () => 'không có điểm nào có trọng số lớn hơn 0',
  ),
  'kpi.tooFewBoundaries': entry(
    (p: { count: number }) => `must have at least 2 boundaries (one band), not ${p.count}`,
    (p) => `phải có ít nhất 2 mốc (một khoảng), không phải ${p.count}`,
  ),
  'kpi.notAscending': entry(
    (p: { value: number; previous: number }) => `must ascend: ${p.value} is not greater than ${p.previous} before it`,
    (p) => `phải tăng dần: ${p.value} không lớn hơn ${p.previous} ở hàng trước`,
  ),
  'kpi.notAscendingDurations': entry(
    (p: { first: string }) => `must be ascending numbers ≥ 0, starting at ${p.first}`,
    (p) => `phải là các số ≥ 0 theo thứ tự tăng dần, nhưng bắt đầu bằng ${p.first}`,
  ),
  'kpi.notTwoColumns': entry(
    (p: { value: string }) => `must have two columns (achievement from, rate), not ${p.value}`,
    (p) => `phải có hai cột (mức đạt từ, tỷ lệ), không phải ${p.value}`,
  ),
  'kpi.negativeRate': entry(
    (p: { value: number }) => `rate ${p.value} is negative`,
    (p) => `tỷ lệ ${p.value} là số âm`,
  ),
  'kpi.unknownStatistic': entry(
    (p: { value: string }) => `must be mean, median, min, max, count or a percentile p1 to p99, not ${p.value}`,
    (p) => `phải là mean, median, min, max, count hoặc một phân vị p1 đến p99, không phải ${p.value}`,
  ),
  'kpi.rowNotANumber': entry(
    (p: { value: string }) => `${p.value} is not a number`,
    (p) => `${p.value} không phải là số`,
  ),
  'kpi.rowNegative': entry(
    (p: { value: number }) => `${p.value} is negative`,
    (p) => `${p.value} là số âm`,
  ),
  'kpi.notWholeNumber': entry(
    (p: { value: string; low: number; high: number }) => `${p.value} is not a whole number from ${p.low} to ${p.high}`,
    (p) => `${p.value} không phải là số nguyên từ ${p.low} đến ${p.high}`,
  ),
  'kpi.notOutcome': entry(
    (p: { value: string }) => `${p.value} is not TRUE, FALSE or a whole number of reworks`,
    (p) => `${p.value} không phải là TRUE, FALSE hoặc số lần làm lại (số nguyên)`,
  ),
  'kpi.endBeforeStart': entry(
    () => 'the end is before its start',
    () => 'thời điểm kết thúc sớm hơn thời điểm bắt đầu',
  ),
  'kpi.exitBeforeHire': entry(
    () => 'the exit is before its hire',
    () => 'ngày nghỉ việc sớm hơn ngày tuyển',
  ),
  'kpi.dateOutsidePeriods': entry(
    (p: { value: number }) => `${p.value} is outside the dates a period can hold`,
    (p) => `${p.value} nằm ngoài các ngày mà một kỳ có thể chứa`,
  ),
  'kpi.ratioWithoutValue': entry(
    (p: { period: string }) => `sum to 0 in ${p.period}: the ratio has no value there`,
    (p) => `có tổng bằng 0 trong ${p.period}: tỷ lệ không có giá trị ở kỳ đó`,
  ),
  'kpi.aggregationRequired': entry(
    (p: { choices: string; last: string }) => `is required to combine the values of a period (${p.choices} or ${p.last})`,
    (p) => `là bắt buộc để gộp các giá trị của một kỳ (${p.choices} hoặc ${p.last})`,
  ),
  'kpi.seriesNotSplit': entry(
    (p: { numerators: string; denominators: string; aggregation: string }) => `must give ${p.numerators} and ${p.denominators} for ${p.aggregation}`,
    (p) => `phải có ${p.numerators} và ${p.denominators} với ${p.aggregation}`,
  ),
  'kpi.seriesSplit': entry(
    (p: { numerators: string; denominators: string; aggregation: string; ratio: string }) =>
      `must be one list of timed values for ${p.aggregation}; ${p.numerators} and ${p.denominators} need aggregation ${p.ratio}`,
    (p) => `phải là một danh sách giá trị có thời điểm với ${p.aggregation}; ${p.numerators} và ${p.denominators} chỉ dùng với ${p.ratio}`,
  ),
  'kpi.notInTree': entry(
    () => 'is not a KPI of the scorecard tree',
    () => 'không phải là KPI của cây thẻ điểm',
  ),
  'kpi.sourceNotText': entry(
    (p: { sources: string }) => `must be text (${p.sources})`,
    (p) => `phải là văn bản (${p.sources})`,
  ),
  'kpi.unknownSource': entry(
    (p: { source: string; sources: string }) => `"${p.source}": must be ${p.sources}`,
    (p) => `"${p.source}": phải là ${p.sources}`,
  ),
  'kpi.sourceNoPolicy': entry(
    (p: { source: string; policy: string; policies: string }) => `"${p.source}": no SLA policy "${p.policy}" in the report (policies: ${p.policies || 'none'})`,
    (p) => `"${p.source}": báo cáo không có chính sách SLA "${p.policy}" (các chính sách: ${p.policies || 'không có'})`,
  ),
  'kpi.sourceNoStatistic': entry(
    (p: { source: string; statistics: string }) => `"${p.source}": the report gives TAT ${p.statistics || 'nothing'}`,
    (p) => `"${p.source}": báo cáo chỉ có TAT ${p.statistics || '(không có gì)'}`,
  ),
  'kpi.sourceNoDetail': entry(
    (p: { source: string; kind: string }) => `"${p.source}": ${p.kind} takes no detail`,
    (p) => `"${p.source}": ${p.kind} không nhận chi tiết sau dấu hai chấm`,
  ),
};

/** What the holiday tables cover: their countries (with the regions) and years. */
interface TablesCover extends ErrorParams {
  countries: string;
  first: number;
  last: number;
}
const tablesCoverEn = (p: TablesCover): string => `the holiday tables cover ${p.countries} and their regions, ${p.first}-${p.last}`;
const tablesCoverVi = (p: TablesCover): string => `bảng ngày lễ có ${p.countries} và các vùng của chúng, các năm ${p.first}-${p.last}`;

/** The calendar text's parser, the compiled calendar and the holiday tables (core/calendar). */
const CALENDAR_DETAILS = {
  'calendar.notText': entry(
    (p: { got: string }) => `expected the calendar as text such as "Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh", got ${p.got}`,
    (p) => `cần lịch ở dạng văn bản như "Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh", nhưng nhận ${p.got}`,
  ),
  'calendar.optionNotKeyValue': entry(
    (p: { option: string }) => `expected an option as key=value after "|", got "${p.option}"`,
    (p) => `sau "|" cần một tùy chọn dạng khóa=giá trị, nhưng nhận "${p.option}"`,
  ),
  'calendar.unknownOption': entry(
    (p: { option: string; options: string }) => `unknown option "${p.option}" (expected ${p.options})`,
    (p) => `không có tùy chọn "${p.option}" (cần một trong ${p.options})`,
  ),
  'calendar.optionTwice': entry(
    (p: { option: string }) => `option ${p.option}= is given twice`,
    (p) => `tùy chọn ${p.option}= được ghi hai lần`,
  ),
  'calendar.optionEmpty': entry(
    (p: { option: string }) => `option ${p.option}= has no value`,
    (p) => `tùy chọn ${p.option}= chưa có giá trị`,
  ),
  'calendar.notWindow': entry(
    (p: { text: string }) => `expected times as HH:MM-HH:MM, got "${p.text}"`,
    (p) => `cần giờ dạng HH:MM-HH:MM, nhưng nhận "${p.text}"`,
  ),
  'calendar.notTimeOfDay': entry(
    (p: { time: string }) => `${p.time} is not a time of day (00:00 to 24:00)`,
    (p) => `${p.time} không phải là giờ trong ngày (00:00 đến 24:00)`,
  ),
  'calendar.windowStartsAt24': entry(
    () => 'a window cannot start at 24:00',
    () => 'khung giờ không thể bắt đầu lúc 24:00',
  ),
  'calendar.unknownDay': entry(
    (p: { day: string; days: string }) => `unknown day "${p.day}" (expected ${p.days})`,
    (p) => `không có thứ "${p.day}" (cần một trong ${p.days})`,
  ),
  'calendar.notDayRange': entry(
    (p: { item: string }) => `expected a day or a range of days such as Mo-Fr, got "${p.item}"`,
    (p) => `cần một thứ hoặc một dải thứ như Mo-Fr, nhưng nhận "${p.item}"`,
  ),
  'calendar.noTimesAfterDays': entry(
    () => 'expected times as HH:MM-HH:MM or "off" after the days',
    () => 'sau các thứ cần giờ dạng HH:MM-HH:MM hoặc "off"',
  ),
  'calendar.notTimeZone': entry(
    () => 'expected an IANA time zone such as Asia/Ho_Chi_Minh or Europe/Brussels',
    () => 'cần một múi giờ IANA như Asia/Ho_Chi_Minh hoặc Europe/Brussels',
  ),
  'calendar.notHolidayItem': entry(
    (p: { item: string }) => `expected a country code such as VN or DE-BY or a date YYYY-MM-DD, got "${p.item}"`,
    (p) => `cần mã quốc gia như VN hoặc DE-BY, hoặc một ngày YYYY-MM-DD, nhưng nhận "${p.item}"`,
  ),
  'calendar.notMakeUpDay': entry(
    (p: { item: string }) => `expected a date YYYY-MM-DD, optionally followed by the weekday whose hours apply, got "${p.item}"`,
    (p) => `cần một ngày YYYY-MM-DD, có thể kèm theo thứ có giờ làm áp dụng cho ngày đó, nhưng nhận "${p.item}"`,
  ),
  'calendar.notClosure': entry(
    (p: { item: string }) => `expected a date and times such as 2025-12-24 12:00-17:00, got "${p.item}"`,
    (p) => `cần một ngày và khung giờ như 2025-12-24 12:00-17:00, nhưng nhận "${p.item}"`,
  ),
  'calendar.closureEndsFirst': entry(
    (p: { item: string }) => `the closure "${p.item}" must end after it starts`,
    (p) => `khoảng nghỉ "${p.item}" phải kết thúc sau khi bắt đầu`,
  ),
  'calendar.notWritable': entry(
    (p: { part: 'holidayName' | 'makeUpHours' | 'makeUpName' | 'closureName' | 'name'; value: string }) =>
      `the text form cannot express ${{ holidayName: 'the name of the holiday on', makeUpHours: 'the hours of the make-up day on', makeUpName: 'the name of the make-up day on', closureName: 'the name of the closure on', name: 'the calendar name' }[p.part]} ${p.value}`,
    (p) =>
      `dạng văn bản không ghi được ${{ holidayName: 'tên của ngày nghỉ lễ', makeUpHours: 'giờ làm của ngày làm bù', makeUpName: 'tên của ngày làm bù', closureName: 'tên của khoảng nghỉ ngày', name: 'tên lịch' }[p.part]} ${p.value}`,
  ),
  'calendar.noWorkingHours': entry(
    () => 'it has no working hours on any day',
    () => 'lịch không có giờ làm việc vào ngày nào',
  ),
  'calendar.makeUpWithoutHours': entry(
    (p: { date: string; like: string }) => `${p.date} would have no working hours (${p.like} has none)`,
    (p) => `${p.date} sẽ không có giờ làm việc (${p.like} không có giờ làm)`,
  ),
  'calendar.closureBackwards': entry(
    (p: { start: string; end: string; date: string }) => `the closure ${p.start}-${p.end} on ${p.date} ends before it starts`,
    (p) => `khoảng nghỉ ${p.start}-${p.end} ngày ${p.date} kết thúc trước khi bắt đầu`,
  ),
  'calendar.notFiniteNumber': entry(
    (p: { value: number }) => `expected a finite number, got ${p.value}`,
    (p) => `cần một số hữu hạn, nhưng nhận ${p.value}`,
  ),
  'calendar.notNumber': entry(
    () => 'expected a number',
    () => 'cần một số',
  ),
  'calendar.notDate': entry(
    () => 'expected a date',
    () => 'cần một ngày',
  ),
  'calendar.notWholeBusinessDays': entry(
    (p: { value: number }) => `expected a whole number of business days ≥ 1, got ${p.value}`,
    (p) => `cần số ngày làm việc nguyên ≥ 1, nhưng nhận ${p.value}`,
  ),
  'calendar.notDateTime': entry(
    (p: { value: string | number }) => `expected a date-time, got ${p.value}`,
    (p) => `cần ngày giờ, nhưng nhận ${p.value}`,
  ),
  'calendar.yearsCovered': entry(
    (p: { first: number; last: number }) => `the years ${p.first}-${p.last} that calendars cover`,
    (p) => `các năm ${p.first}-${p.last} mà lịch tính được`,
  ),
  'calendar.holidayYearsCovered': entry(
    (p: { first: number; last: number; holidays: string }) => `the years ${p.first}-${p.last} that the public-holiday tables cover (holidays=${p.holidays})`,
    (p) => `các năm ${p.first}-${p.last} mà bảng ngày lễ có (holidays=${p.holidays})`,
  ),
  'calendar.dateOutsideYears': entry(
    (p: { date: string; coverage: CoreMessage }, say) => `${p.date} is outside ${say(p.coverage)}`,
    (p, say) => `${p.date} nằm ngoài ${say(p.coverage)}`,
  ),
  'calendar.resultOutsideYears': entry(
    (p: { coverage: CoreMessage }, say) => `the result lies outside ${say(p.coverage)}`,
    (p, say) => `kết quả nằm ngoài ${say(p.coverage)}`,
  ),
  'calendar.holidayYearUnknown': entry(
    (p: TablesCover & { country: string; year: number }) => `the public holidays of ${p.country} are known for ${p.first}-${p.last}, not ${p.year} (${tablesCoverEn(p)})`,
    (p) => `ngày nghỉ lễ của ${p.country} chỉ có cho các năm ${p.first}-${p.last}, không có ${p.year} (${tablesCoverVi(p)})`,
  ),
  'calendar.unknownHolidayArea': entry(
    (p: TablesCover & { area: string }) => `unknown country or region "${p.area}" (expected an ISO 3166 code such as VN or DE-BY; ${tablesCoverEn(p)})`,
    (p) => `không có quốc gia hoặc vùng "${p.area}" (cần mã ISO 3166 như VN hoặc DE-BY; ${tablesCoverVi(p)})`,
  ),
  'calendar.unknownCountry': entry(
    (p: TablesCover & { country: string }) => `unknown country "${p.country}" (${tablesCoverEn(p)})`,
    (p) => `không có quốc gia "${p.country}" trong bảng ngày lễ (bảng có ${p.countries} và các vùng của chúng, các năm ${p.first}-${p.last})`,
  ),
  'calendar.notCountryCode': entry(
    (p: { value: string }) => `expected an ISO 3166 country code such as VN, got ${p.value}`,
    (p) => `cần mã quốc gia ISO 3166 như VN, nhưng nhận ${p.value}`,
  ),
  'calendar.notRegionCode': entry(
    (p: { value: string }) => `expected a region code such as BY (Bavaria in DE), got ${p.value}`,
    (p) => `cần mã vùng như BY (bang Bayern của DE), nhưng nhận ${p.value}`,
  ),
  'calendar.notWholeYear': entry(
    (p: { value: string }) => `expected a whole year such as 2025, got ${p.value}`,
    (p) => `cần một năm nguyên như 2025, nhưng nhận ${p.value}`,
  ),
  'calendar.unknownRegion': entry(
    (p: { country: string; region: string; regions: string }) => `${p.country} has no region "${p.region}" (expected one of ${p.regions})`,
    (p) => `${p.country} không có vùng "${p.region}" (cần một trong ${p.regions})`,
  ),
  'calendar.noRegions': entry(
    (p: { country: string; region: string }) => `${p.country} has no region "${p.region}" (expected none: the country has no regional holidays)`,
    (p) => `${p.country} không có vùng "${p.region}" (quốc gia này không có ngày lễ theo vùng)`,
  ),
  'calendar.yearNotCovered': entry(
    (p: { first: number; last: number; year: number }) => `the holiday tables cover ${p.first}-${p.last}, not ${p.year}`,
    (p) => `bảng ngày lễ có các năm ${p.first}-${p.last}, không có ${p.year}`,
  ),
  'calendar.notWeekend': entry(
    (p: { value: string }) => `expected a 7-character mask of 0 and 1 (Monday first) or a code 1-7 or 11-17, got ${p.value}`,
    (p) => `cần chuỗi 7 ký tự 0 và 1 (bắt đầu từ thứ Hai) hoặc mã 1-7, 11-17, nhưng nhận ${p.value}`,
  ),
  'calendar.allWeekend': entry(
    () => 'every day is a weekend day, so no working day can be reached',
    () => 'ngày nào cũng là ngày nghỉ cuối tuần, nên không thể tới ngày làm việc nào',
  ),
  'calendar.workdaysOutsideSheet': entry(
    (p: { days: number; start: string; side: 'after' | 'before' }) =>
      `${p.days} working ${Math.abs(p.days) === 1 ? 'day' : 'days'} from ${p.start} fall ${p.side === 'after' ? 'after 9999-12-31, the last' : 'before 0001-01-01, the first'} date a spreadsheet holds`,
    (p) => `${p.days} ngày làm việc tính từ ${p.start} rơi ${p.side === 'after' ? 'sau 9999-12-31, ngày cuối cùng' : 'trước 0001-01-01, ngày đầu tiên'} bảng tính lưu được`,
  ),
  'calendar.tooFewWorkdays': entry(
    (p: { wanted: number; span: number; side: 'after' | 'before'; date: string }) => `the calendar has fewer than ${p.wanted} working days in the ${p.span} days ${p.side} ${p.date}`,
    (p) => `lịch có ít hơn ${p.wanted} ngày làm việc trong ${p.span} ngày ${p.side === 'after' ? 'sau' : 'trước'} ${p.date}`,
  ),
};

/** The SLA clocks and targets (core/sla). */
const SLA_DETAILS = {
  'sla.notMeasurable': entry(
    (p: { value: string }) => `expected a date-time in the years 1900-2300 (epoch milliseconds), got ${p.value}`,
    (p) => `cần ngày giờ trong các năm 1900-2300 (số mili giây kể từ 1970), nhưng nhận ${p.value}`,
  ),
  'sla.eventBeforePrevious': entry(
    (p: { at: string; previous: string }) => `${p.at} is before the change before it (${p.previous}); events must be in time order`,
    (p) => `${p.at} sớm hơn thay đổi trước đó (${p.previous}); các sự kiện phải theo thứ tự thời gian`,
  ),
  'sla.eventBeforeCreation': entry(
    (p: { at: string; created: string }) => `${p.at} is before the ticket's creation (${p.created}); events must be in time order`,
    (p) => `${p.at} sớm hơn thời điểm tạo yêu cầu (${p.created}); các sự kiện phải theo thứ tự thời gian`,
  ),
  'sla.unknownCalendar': entry(
    (p: { calendar: string; known: string }) => `no calendar named "${p.calendar}" (known: ${p.known || 'none'})`,
    (p) => `không có lịch nào tên "${p.calendar}" (các lịch đã có: ${p.known || 'không có'})`,
  ),
  'sla.calendarWithoutHours': entry(
    (p: { calendar: string }) => `calendar "${p.calendar}" has no working hours on any day`,
    (p) => `lịch "${p.calendar}" không có giờ làm việc vào ngày nào`,
  ),
  'sla.dueOutsideYears': entry(
    (p: { target: string; start: string; ticket: string | undefined; coverage: CoreMessage }, say) =>
      `${p.target} from ${p.start}${p.ticket === undefined ? '' : ` (ticket ${p.ticket})`} is due outside ${say(p.coverage)}`,
    (p, say) => `${p.target} tính từ ${p.start}${p.ticket === undefined ? '' : ` (yêu cầu ${p.ticket})`} có hạn nằm ngoài ${say(p.coverage)}`,
  ),
  'sla.notTarget': entry(
    (p: { value: string }) => `expected working hours (8), a duration with a unit (30m, 2.5h) or whole business days (3bd), got ${p.value}`,
    (p) => `cần số giờ làm việc (8), một khoảng thời gian có đơn vị (30m, 2.5h) hoặc số ngày làm việc nguyên (3bd), nhưng nhận ${p.value}`,
  ),
  'sla.notTimeZone': entry(
    (p: { value: string }) => `expected an IANA time zone such as Asia/Ho_Chi_Minh, got "${p.value}"`,
    (p) => `cần một múi giờ IANA như Asia/Ho_Chi_Minh, nhưng nhận "${p.value}"`,
  ),
};

/** The internal market: catalogue, amounts and gaming signals (core/market). */
const MARKET_DETAILS = {
  'market.notFraction': entry(
    (p: { value: number }) => `expected a fraction from 0 to 1 (0.95 for 95 %), got ${p.value}`,
    (p) => `cần một số thập phân từ 0 đến 1 (${decimalComma(0.95)} là 95 %), nhưng nhận ${decimalComma(p.value)}`,
  ),
  'market.unknownPolicy': entry(
    (p: { policy: string; policies: string }) => `no SLA policy "${p.policy}" (policies: ${p.policies})`,
    (p) => `không có chính sách SLA nào tên "${p.policy}" (các chính sách: ${p.policies})`,
  ),
  'market.notMinorUnits': entry(
    (p: { value: number }) => `expected a whole number of minor units, got ${p.value}`,
    (p) => `cần một số nguyên theo đơn vị tiền nhỏ nhất, nhưng nhận ${p.value}`,
  ),
  'market.notUsage': entry(
    (p: { value: number }) => `expected a number of 0 or more, got ${p.value}`,
    (p) => `cần một số từ 0 trở lên, nhưng nhận ${decimalComma(p.value)}`,
  ),
  'market.noUsage': entry(
    () => 'has no usage above 0 to split the amount by',
    () => 'không có mức sử dụng nào lớn hơn 0 để chia số tiền',
  ),
  'market.ownerFieldDiffers': entry(
    (p: { field: string; known: string; policy: string }) =>
      `"${p.field}" differs from "${p.known}", the owner field of another service of policy ${p.policy}; services of one policy share their owner field`,
    (p) => `"${p.field}" khác "${p.known}", trường người phụ trách của một dịch vụ khác thuộc chính sách ${p.policy}; các dịch vụ của cùng một chính sách dùng chung trường người phụ trách`,
  ),
  'signals.unknownParameter': entry(
    (p: { parameters: string }) => `not a gaming-signal parameter (parameters: ${p.parameters})`,
    (p) => `không phải là tham số của tín hiệu làm đẹp số liệu (các tham số: ${p.parameters})`,
  ),
  'signals.notObject': entry(
    (p: { value: string }) => `expected an object of parameters, got ${p.value}`,
    (p) => `cần một đối tượng chứa các tham số, nhưng nhận ${p.value}`,
  ),
  'signals.notSignal': entry(
    (p: { value: string }) => `expected a gaming signal G1-G5, optionally with example tickets after a colon (G3: SUP-1, SUP-2), got ${p.value}`,
    (p) => `cần một tín hiệu làm đẹp số liệu G1-G5, có thể kèm các yêu cầu ví dụ sau dấu hai chấm (G3: SUP-1, SUP-2), nhưng nhận ${p.value}`,
  ),
};

/**
 * Frames: where a detail is said (a function's argument or its row, a field, a policy, a ticket), and a schema's issue.
 * A schema's words are zod's and the schemas' own, checked before a value exists: their Vietnamese is the phrase
 * catalogue's (`schemaIssueVi`), as is a door's own English `text` in an error of a core kind.
 */
const FRAMES = {
  'kpi.input': entry(
    (p: { fn: string; argument: string; row: number | undefined; detail: CoreMessage }, say) =>
      p.row === undefined ? `${p.fn}: ${p.argument} ${say(p.detail)}` : `${p.fn}: ${p.argument} row ${p.row}: ${say(p.detail)}`,
    (p, say) => (p.row === undefined ? `${p.fn}: ${p.argument} ${say(p.detail)}` : `${p.fn}: ${p.argument} hàng ${p.row}: ${say(p.detail)}`),
  ),
  at: entry(
    (p: { place: string; detail: CoreMessage }, say) => `${p.place}: ${say(p.detail)}`,
    (p, say) => `${p.place}: ${say(p.detail)}`,
  ),
  atRow: entry(
    (p: { place: string; row: number; detail: CoreMessage }, say) => `${p.place} row ${p.row}: ${say(p.detail)}`,
    (p, say) => `${p.place} hàng ${p.row}: ${say(p.detail)}`,
  ),
  'sla.inPolicy': entry(
    (p: { policy: string; detail: CoreMessage }, say) => `policy ${p.policy}: ${say(p.detail)}`,
    (p, say) => `chính sách ${p.policy}: ${say(p.detail)}`,
  ),
  'sla.inTicket': entry(
    (p: { ticket: string; detail: CoreMessage }, say) => `ticket ${p.ticket}: ${say(p.detail)}`,
    (p, say) => `yêu cầu ${p.ticket}: ${say(p.detail)}`,
  ),
  'sla.atField': entry(
    (p: { field: string; detail: CoreMessage }, say) => `field ${p.field}: ${say(p.detail)}`,
    (p, say) => `trường ${p.field}: ${say(p.detail)}`,
  ),
  text: entry(
    (p: { text: string }) => p.text,
    (p) => inLanguage(p.text, 'vi'),
  ),
  'schema.issue': entry(
    (p: { issue: string }) => p.issue,
    (p) => schemaIssueVi(p.issue),
  ),
};

/** Every code with its templates; the doors render through `errorText`. @public (read whole by the Vietnamese sweep) */
export const ERROR_CATALOGUE = { ...KPI_DETAILS, ...CALENDAR_DETAILS, ...SLA_DETAILS, ...MARKET_DETAILS, ...FRAMES } satisfies Record<string, Entry<never>>;

type ErrorCode = keyof typeof ERROR_CATALOGUE;
export type ParamsOf<C extends ErrorCode> = Parameters<(typeof ERROR_CATALOGUE)[C]['en']>[0];

/** A message of the catalogue, its values checked against its code's template. */
export const said = <C extends ErrorCode>(code: C, ...params: ParamsOf<C> extends Record<string, never> ? [] : [ParamsOf<C>]): CoreMessage => ({ code, params: params[0] ?? {} });

/** A core message in a language. */
export const errorText = (message: CoreMessage, language: Language, instead?: Instead): string => textOf(ERROR_CATALOGUE, message, language, instead);

export type { CoreMessage, ErrorParams } from './error-text';
