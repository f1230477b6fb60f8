import { type CoreMessage, type ParamsOf, said } from '../i18n/error-catalogue';
import { dayNumberOfIso, isoOfDayNumber } from './days';
import { CalendarError } from './errors';
import { type CalendarSpec, CalendarSpecSchema, emptyWindowIssue, isValidTimeZone, TimeOfDaySchema, WEEKDAYS, type Weekday, type Window } from './spec';

/**
 * The text form of a calendar: OpenStreetMap `opening_hours` rules, then options after `|`:
 * `Mo-Fr 08:00-12:00,13:00-17:00; Sa 08:00-12:00 | tz=Asia/Ho_Chi_Minh | holidays=VN,2025-01-02 |
 * makeup=2025-04-26 | closed=2025-12-24 12:00-17:00 | name=Hanoi office`.
 */

const DEFAULT_HOURS = 'Mo-Fr 09:00-17:00';
const OPTIONS = ['tz', 'holidays', 'makeup', 'closed', 'name'];
const ALL_DAY: Window = { start: '00:00', end: '24:00' };
const OFF = /^(off|closed)$/i;
const COUNTRY = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

function fail(detail: CoreMessage, where?: string): never {
  throw new CalendarError('calendar', said('at', { place: 'calendar', detail: where === undefined ? detail : said('at', { place: where, detail }) }));
}

/** A real calendar date: the schema's pattern alone lets 2025-02-30 through. */
const isDate = (s: string): boolean => /^\d{4}-\d\d-\d\d$/.test(s) && isoOfDayNumber(dayNumberOfIso(s)) === s;

const list = (value: string): string[] => value.split(',').map((item) => item.trim());

function parseWindow(where: string, text: string): Window {
  const m = /^(\d\d:\d\d)\s*-\s*(\d\d:\d\d)$/.exec(text);
  if (!m) fail(said('calendar.notWindow', { text }), where);
  const [, start, end] = m;
  for (const time of [start, end]) {
    if (!TimeOfDaySchema.safeParse(time).success) fail(said('calendar.notTimeOfDay', { time }), where);
  }
  if (start === '24:00') fail(said('calendar.windowStartsAt24'), where);
  return { start, end };
}

function dayIndex(where: string, name: string): number {
  const i = (WEEKDAYS as readonly string[]).indexOf(name.charAt(0).toUpperCase() + name.slice(1).toLowerCase());
  if (i < 0) fail(said('calendar.unknownDay', { day: name, days: WEEKDAYS.join(', ') }), where);
  return i;
}

/**
 * Vietnamese weekday names as the day keys: `T2`-`T7` and `CN`, `Thứ Hai`-`Thứ Bảy` (or `Thứ 2`) and `Chủ nhật`, with
 * or without diacritics, any case. Monday is thứ hai ("the second day"), so T2 is Mo and T7 is Sa.
 */
const VIETNAMESE_ORDINALS: Readonly<Record<string, Weekday>> = { hai: 'Mo', ba: 'Tu', tu: 'We', nam: 'Th', sau: 'Fr', bay: 'Sa' };
const withoutDiacritics = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const NOT_IN_WORD = '(?<![\\p{L}\\d])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\d])';
const THU_WORD = new RegExp(`${NOT_IN_WORD}thu\\s*(hai|ba|tu|nam|sau|bay|[2-7])${NOT_BEFORE_WORD}`, 'giu');
const T_NUMBER = new RegExp(`${NOT_IN_WORD}t([2-7])${NOT_BEFORE_WORD}`, 'giu');
const SUNDAY = new RegExp(`${NOT_IN_WORD}(chu\\s*nhat|cn)${NOT_BEFORE_WORD}`, 'giu');
const dayOfNumber = (n: string): Weekday => WEEKDAYS[Number(n) - 2];

function vietnameseDays(rule: string): string {
  return withoutDiacritics(rule)
    .replace(THU_WORD, (_, day: string) => (/\d/.test(day) ? dayOfNumber(day) : VIETNAMESE_ORDINALS[day.toLowerCase()]))
    .replace(T_NUMBER, (_, n: string) => dayOfNumber(n))
    .replace(SUNDAY, 'Su');
}

/** `Mo,We,Fr`, `Mo-Fr`, and ranges that wrap past Sunday (`Fr-Mo`). */
function parseDays(where: string, text: string): Weekday[] {
  return list(text).flatMap((item) => {
    const ends = item.split('-').map((s) => s.trim());
    if (ends.length > 2) fail(said('calendar.notDayRange', { item }), where);
    const first = dayIndex(where, ends[0]);
    const last = dayIndex(where, ends[ends.length - 1]);
    const days: Weekday[] = [];
    for (let i = first; ; i = (i + 1) % 7) {
      days.push(WEEKDAYS[i]);
      if (i === last) return days;
    }
  });
}

/** Rules separated by `;`; a later rule for a day replaces what earlier ones said about it, as in opening_hours. */
function parseHours(text: string): Record<Weekday, Window[]> {
  const weekly = Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as Record<Weekday, Window[]>;
  for (const rule of text.split(';').map((r) => r.trim())) {
    if (!rule) continue;
    const where = `"${rule}"`;
    if (rule === '24/7') {
      for (const d of WEEKDAYS) weekly[d] = [ALL_DAY];
      continue;
    }
    // Leading words are days unless the word is off/closed; a rule without days applies to every day.
    const m = /^([A-Za-z]+(?:\s*[-,]\s*[A-Za-z]+)*)(?:\s+|$)(.*)$/.exec(vietnameseDays(rule));
    const [days, rest] = m && !OFF.test(m[1]) ? [parseDays(where, m[1]), m[2]] : [WEEKDAYS, rule];
    if (!rest) fail(said('calendar.noTimesAfterDays'), where);
    const windows = OFF.test(rest) ? [] : list(rest).map((w) => parseWindow(where, w));
    // Named here, by the rule the person typed, rather than by the schema's path (weekly.Mo.0) that the rule became.
    const empty = windows.find((w) => w.start === w.end);
    if (empty) fail(said('schema.issue', { issue: emptyWindowIssue(empty.start) }), where);
    for (const d of days) weekly[d] = windows;
  }
  return weekly;
}

/** A calendar being read from its text form: what the options have said so far. */
interface SpecDraft {
  name?: string;
  timeZone: string;
  weekly: ReturnType<typeof parseHours>;
  holidays: { date: string }[];
  holidayCountries: string[];
  closures: { date: string; start: string; end: string }[];
  makeUpDays: { date: string; like: Weekday }[];
}

/** Parses the text form; `defaultTimeZone` (the spreadsheet's) applies when there is no `tz=`. */
export function parseCalendarText(text: string, defaultTimeZone: string): CalendarSpec {
  // Spreadsheets and JSON hand over whatever a cell or key holds: anything but text is said, not thrown at.
  if (typeof text !== 'string') fail(said('calendar.notText', { got: text === null ? 'null' : typeof text }));
  const [hours, ...options] = text.split('|').map((part) => part.trim());
  const spec: SpecDraft = { timeZone: defaultTimeZone, weekly: parseHours(hours || DEFAULT_HOURS), holidays: [], holidayCountries: [], closures: [], makeUpDays: [] };
  const seen = new Set<string>();
  for (const option of options) {
    if (!option) continue; // a stray `|`
    const eq = option.indexOf('=');
    if (eq < 0) fail(said('calendar.optionNotKeyValue', { option }));
    const key = option.slice(0, eq).trim().toLowerCase();
    const value = option.slice(eq + 1).trim();
    if (!OPTIONS.includes(key)) fail(said('calendar.unknownOption', { option: key, options: OPTIONS.join(', ') }));
    if (seen.has(key)) fail(said('calendar.optionTwice', { option: key }));
    seen.add(key);
    if (!value) fail(said('calendar.optionEmpty', { option: key }));
    readOption(spec, key, value);
  }
  const parsed = CalendarSpecSchema.safeParse(spec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(said('schema.issue', { issue: issue.message }), issue.path.join('.'));
  }
  return parsed.data;
}

/** One `key=value` option (the key known, given once, the value not blank) into the calendar being read. */
function readOption(spec: SpecDraft, key: string, value: string): void {
  const where = `${key}=${value}`;
  switch (key) {
    case 'tz':
      if (!isValidTimeZone(value)) fail(said('calendar.notTimeZone'), where);
      spec.timeZone = value;
      break;
    case 'holidays':
      for (const item of list(value)) {
        if (isDate(item)) spec.holidays.push({ date: item });
        else if (COUNTRY.test(item.toUpperCase())) spec.holidayCountries.push(item.toUpperCase());
        else fail(said('calendar.notHolidayItem', { item }), where);
      }
      break;
    case 'makeup':
      for (const item of list(value)) {
        // An optional weekday names whose hours the day takes (Monday's by default).
        const [date, like = 'Mo', ...extra] = item.split(/\s+/);
        if (!isDate(date) || extra.length > 0) {
          fail(said('calendar.notMakeUpDay', { item }), where);
        }
        spec.makeUpDays.push({ date, like: WEEKDAYS[dayIndex(where, like)] });
      }
      break;
    case 'closed':
      for (const item of list(value)) {
        const m = /^(\S+)\s+(.*)$/.exec(item);
        if (!m || !isDate(m[1])) fail(said('calendar.notClosure', { item }), where);
        const { start, end } = parseWindow(where, m[2]);
        // Unlike working windows, a closure cannot cross midnight: HH:MM compares as text.
        if (end <= start) fail(said('calendar.closureEndsFirst', { item }), where);
        spec.closures.push({ date: m[1], start, end });
      }
      break;
    default:
      spec.name = value;
  }
}

/** `Mo-We,Fr,Sa`: runs of three days or more as ranges. */
function formatDays(days: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j] + 1) j++;
    if (j - i >= 2) parts.push(`${WEEKDAYS[days[i]]}-${WEEKDAYS[days[j]]}`);
    else for (let k = i; k <= j; k++) parts.push(WEEKDAYS[days[k]]);
    i = j + 1;
  }
  return parts.join(',');
}

function formatHours(weekly: CalendarSpec['weekly']): string {
  const windowsText = (windows: readonly Window[]) => windows.map((w) => `${w.start}-${w.end}`).join(',');
  if (WEEKDAYS.every((d) => windowsText(weekly[d]) === '00:00-24:00')) return '24/7';
  // Days with the same windows share one rule, in the order of their first day.
  const rules = new Map<string, number[]>();
  WEEKDAYS.forEach((d, i) => {
    const text = windowsText(weekly[d]);
    if (text) rules.set(text, [...(rules.get(text) ?? []), i]);
  });
  if (rules.size === 0) return 'off';
  return [...rules].map(([windows, days]) => `${formatDays(days)} ${windows}`).join('; ');
}

/** What the text form has no place for: written anyway, it would not parse back to the same spec. */
function unwritable(part: ParamsOf<'calendar.notWritable'>['part'], value: string): never {
  fail(said('calendar.notWritable', { part, value }));
}

/** The canonical text of a spec; parsing it (with any default time zone) gives the spec back. */
export function formatCalendarText(spec: CalendarSpec): string {
  const parts = [formatHours(spec.weekly), `tz=${spec.timeZone}`];
  const holidays = [
    ...spec.holidayCountries,
    ...spec.holidays.map((h) => (h.name === undefined ? h.date : unwritable('holidayName', h.date))),
  ];
  if (holidays.length > 0) parts.push(`holidays=${holidays.join(',')}`);
  const makeUp = spec.makeUpDays.map((m) => {
    if (m.windows) unwritable('makeUpHours', m.date);
    if (m.name !== undefined) unwritable('makeUpName', m.date);
    return m.like === 'Mo' ? m.date : `${m.date} ${m.like}`;
  });
  if (makeUp.length > 0) parts.push(`makeup=${makeUp.join(',')}`);
  const closed = spec.closures.map((c) =>
    c.name === undefined ? `${c.date} ${c.start}-${c.end}` : unwritable('closureName', c.date),
  );
  if (closed.length > 0) parts.push(`closed=${closed.join(',')}`);
  if (spec.name !== undefined) {
    if (!spec.name || spec.name.includes('|') || spec.name !== spec.name.trim()) unwritable('name', JSON.stringify(spec.name));
    parts.push(`name=${spec.name}`);
  }
  return parts.join(' | ');
}
