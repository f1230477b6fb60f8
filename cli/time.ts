import { tzOffset } from '@date-fns/tz';
import { instantOfWallTime, type Instant, MS_PER_DAY } from '../core/calendar';

/** Parses one cell into epoch milliseconds; NaN when the text is not a time in the expected form. */
export type TimeParser = (text: string) => number;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const validDate = (y: number, mo: number, d: number) => mo >= 1 && mo <= 12 && d >= 1 && (d <= DAYS_IN_MONTH[mo - 1]) && (mo !== 2 || d <= 28 || isLeap(y));
const MS_PER_SLOT = 900_000;

/**
 * Wall-clock time (as if UTC) → instant in a zone. Zones change offset on quarter hours, so one offset per
 * quarter-hour slot of wall time, remembered, answers every row without asking Intl again.
 */
function wallToInstant(timeZone: string): (wall: number) => number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return (wall) => wall;
  const offsets = new Map<number, number>();
  return (wall) => {
    const slot = Math.floor(wall / MS_PER_SLOT);
    let offset = offsets.get(slot);
    if (offset === undefined) {
      const start = slot * MS_PER_SLOT;
      offset = start - instantOfWallTime(start, timeZone);
      offsets.set(slot, offset);
    }
    return wall - offset;
  };
}

/** An offset `Z`, `+07:00`, `+0700` or `+07` in minutes; NaN when it is not a real one (−12:00 to +14:00). */
export function offsetMinutes(text: string): number {
  if (text === 'Z' || text === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return NaN;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (Number(m[3] ?? 0) > 59) return NaN;
  const signed = m[1] === '-' ? -minutes : minutes;
  return signed < -12 * 60 || signed > 14 * 60 ? NaN : signed;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  offset: string | undefined;
}

function instantOf(p: Parts, toInstant: (wall: number) => number): number {
  // 24:00 is the end of the day, as ISO 8601 (and the core's parseIsoDateTime) reads it: the next day's 00:00.
  const endOfDay = p.h === 24 && p.mi === 0 && p.s === 0 && p.ms === 0;
  if (!validDate(p.y, p.mo, p.d) || (p.h > 23 && !endOfDay) || p.mi > 59 || p.s > 59) return NaN;
  // Date.UTC reads the years 0-99 as 1900-1999; setUTCFullYear takes them as written.
  const date = new Date(Date.UTC(2000, 0, 1, endOfDay ? 0 : p.h, p.mi, p.s, p.ms));
  const wall = date.setUTCFullYear(p.y, p.mo - 1, p.d) + (endOfDay ? MS_PER_DAY : 0);
  if (p.offset === undefined) return toInstant(wall);
  const offset = offsetMinutes(p.offset);
  return Number.isNaN(offset) ? NaN : wall - offset * 60_000;
}

const fraction = (digits: string | undefined) => (digits === undefined ? 0 : Math.floor(Number(`0.${digits}`) * 1000 + 1e-9));

const digit = (text: string, i: number) => text.charCodeAt(i) - 48;
/** Two decimal digits as a number; NaN when either character is not a digit. */
const two = (text: string, i: number) => {
  const tens = digit(text, i);
  const units = digit(text, i + 1);
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : NaN;
};

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil): arithmetic, no Date object. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/**
 * The common shape `yyyy-MM-ddTHH:mm:ss±hh:mm`, read by character and computed by arithmetic (the hot path of a
 * large log: Date.parse costs more and takes 30 February and +23:59); NaN when the text has another shape.
 */
function fastIso(text: string): number {
  if (text.length !== 25 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || text.charCodeAt(22) !== 58) return NaN;
  const sign = text.charCodeAt(19);
  if (sign !== 43 && sign !== 45) return NaN;
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  const offsetHours = two(text, 20);
  const offsetMinutes = two(text, 23);
  // The same bounds as offsetMinutes: −12:00 to +14:00 (a NaN part fails every comparison below).
  const furthest = sign === 43 ? 14 : 12;
  if (!(hour <= 23 && minute <= 59 && second <= 59 && offsetMinutes <= 59 && offsetHours <= furthest) || (offsetHours === furthest && offsetMinutes !== 0)) return NaN;
  if (!validDate(year, month, day)) return NaN; // NaN year, month or day included
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
  const wall = daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000;
  return sign === 43 ? wall - offset : wall + offset;
}

/** ISO 8601 date-times (`2012-01-16T14:45:58+01:00`, `2012-01-16 14:45`, `2012-01-16`); no offset: read in `timeZone`. */
function isoParser(timeZone: string): TimeParser {
  const toInstant = wallToInstant(timeZone);
  return (text) => {
    const fast = fastIso(text);
    if (fast === fast) return fast;
    const m = ISO.exec(text);
    if (!m) return NaN;
    return instantOf(
      { y: +m[1], mo: +m[2], d: +m[3], h: m[4] ? +m[4] : 0, mi: m[5] ? +m[5] : 0, s: m[6] ? +m[6] : 0, ms: fraction(m[7]), offset: m[8] },
      toInstant,
    );
  };
}

/** Unicode date-format tokens the mapping's `time.format` may use. */
const TOKENS: Array<[token: string, pattern: string, part: keyof Parts | null]> = [
  ['yyyy', '(\\d{4})', 'y'],
  ['MM', '(\\d{2})', 'mo'],
  ['M', '(\\d{1,2})', 'mo'],
  ['dd', '(\\d{2})', 'd'],
  ['d', '(\\d{1,2})', 'd'],
  ['HH', '(\\d{2})', 'h'],
  ['H', '(\\d{1,2})', 'h'],
  ['mm', '(\\d{2})', 'mi'],
  ['ss', '(\\d{2})', 's'],
  ['SSS', '(\\d{3})', 'ms'],
  ['XXX', '(Z|[+-]\\d{2}:\\d{2})', 'offset'],
  ['xxx', '([+-]\\d{2}:\\d{2})', 'offset'],
  ['XX', '(Z|[+-]\\d{4})', 'offset'],
];
const TOKEN_LETTERS = /[A-Za-z]/;

/**
 * A parser for a format such as `dd-MM-yyyy HH:mm` (`yyyy MM M dd d HH H mm ss SSS XXX xxx XX`; other letters are
 * an error, text in single quotes is literal). Times without an offset token are read in `timeZone`.
 */
export function compileTimeFormat(format: string | undefined, timeZone: string): TimeParser {
  if (format === undefined) return isoParser(timeZone);
  let pattern = '';
  const parts: Array<keyof Parts> = [];
  for (let i = 0; i < format.length; ) {
    if (format[i] === "'") {
      const end = format.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed quote in "${format}"`);
      pattern += format.slice(i + 1, end).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i = end + 1;
      continue;
    }
    const token = TOKENS.find(([t]) => format.startsWith(t, i));
    if (token) {
      pattern += token[1];
      parts.push(token[2]!);
      i += token[0].length;
    } else if (TOKEN_LETTERS.test(format[i])) {
      throw new Error(`unknown token "${format[i]}" in "${format}" (known: ${TOKENS.map(([t]) => t).join(' ')}; quote literal text as 'T')`);
    } else {
      pattern += format[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
    }
  }
  for (const needed of ['y', 'mo', 'd'] as const) {
    if (!parts.includes(needed)) throw new Error(`"${format}" has no ${{ y: 'year (yyyy)', mo: 'month (MM)', d: 'day (dd)' }[needed]}`);
  }
  const regex = new RegExp(`^${pattern}$`);
  const toInstant = wallToInstant(timeZone);
  return (text) => {
    const m = regex.exec(text);
    if (!m) return NaN;
    const p: Parts = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0, ms: 0, offset: undefined };
    parts.forEach((part, i) => {
      if (part === 'offset') p.offset = m[i + 1];
      else p[part] = Number(m[i + 1]);
    });
    return instantOf(p, toInstant);
  };
}


/** Date and time with seconds and an explicit offset: a stamp without one would depend on the machine's zone. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant of an ISO date-time with a zone offset, or null when the text is not one (2012-02-30 included). */
export function parseDateTime(text: string): Instant | null {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.parse rolls 30 February over to 1 March; a real calendar date survives a round trip.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day || month < 1 || month > 12) return null;
  // An offset beyond −12:00…+14:00 (+99:00) is no zone's.
  if (Number.isNaN(offsetMinutes(match[6]))) return null;
  return Date.parse(text);
}

const formatters = new Map<string, Map<number, number>>();

/** An instant as an ISO date-time in a zone, to the second: `2012-05-31T22:49:06+01:00`. Offsets are remembered per quarter hour. */
export function formatDateTime(t: Instant, timeZone: string): string {
  let offsets = formatters.get(timeZone);
  if (!offsets) formatters.set(timeZone, (offsets = new Map<number, number>()));
  const slot = Math.floor(t / MS_PER_SLOT);
  let offset = offsets.get(slot);
  if (offset === undefined) offsets.set(slot, (offset = tzOffset(timeZone, new Date(slot * MS_PER_SLOT))));
  // A local mean time before a zone's first standard offset (Ho Chi Minh City's +07:06:40 until 1906) has no
  // ±hh:mm form: such an instant is written in UTC, exactly, rather than with a broken offset.
  if (!Number.isInteger(offset)) return `${new Date(t).toISOString().slice(0, 19)}Z`;
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${new Date(t + offset * 60_000).toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}
