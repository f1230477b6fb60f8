import { dayNumberOfIso, isoOfDayNumber, MS_PER_DAY, instantOfWallTime } from '../../../core/calendar';
import { spreadsheetTimeZone } from '../platform';
import { formatWallTime } from './wall-time';
import { zoneDaysIn } from './zone-days';

/**
 * Cell values as Sheets hands them to a custom function: `""` for blanks, numbers, booleans, text, and `Date`s,
 * possibly from another realm (so never `instanceof Date`).
 *
 * Time semantics: a `Date` is an instant. Sheets builds it from the cell's wall time in the spreadsheet's zone and
 * turns a returned `Date` back into wall time in that zone, so instants round-trip whatever the script's own zone.
 * Text (`2025-03-01 08:30`) and plain numbers (date serials) carry no zone: they are wall times in the zone the
 * function reads them in, the calendar's.
 */

/** A cell that cannot be used; the caller adds the argument's name and the row. */
export class CellError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message);
    // Set here, not by Error's options, which the bundle's ES2020 target may not pass on: the sheet renders the
    // core error it quotes by code (core/i18n errorInLanguage).
    if (cause !== undefined) this.cause = cause;
  }
}

/** A door's message that quotes an error (a core error by its text), keeping it as the cause. */
export const quoting = (message: string, cause: unknown): Error => Object.assign(new Error(message), { cause });

/** Days from the spreadsheets' epoch 1899-12-30 to 1970-01-01. */
export const SERIAL_OF_EPOCH = 25569;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

export const isBlank = (value: unknown): boolean => value === '' || value === null || value === undefined;

export const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

/** A value as a message shows it: text in quotes, dates as wall time in `timeZone`. */
export function describeCell(value: unknown, timeZone: string): string {
  if (isDate(value)) return Number.isNaN(value.getTime()) ? 'an invalid date' : formatWallTime(value.getTime(), timeZone);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return isBlank(value) ? 'blank' : String(value);
}

interface IsoParts {
  wall: number;
  hasTime: boolean;
  offset: string | undefined;
}

/** `2025-03-01`, `2025-03-01 08:30`, `2025-03-01T08:30:00+07:00`; null unless a real calendar date and time. */
function parseIso(text: string): IsoParts | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', offset] = m;
  const day = `${y}-${mo}-${d}`;
  if (mo < '01' || mo > '12' || isoOfDayNumber(dayNumberOfIso(day)) !== day || h > '23' || mi > '59' || s > '59') return null;
  const wall = dayNumberOfIso(day) * MS_PER_DAY + ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000;
  return { wall, hasTime: m[4] !== undefined, offset };
}

/** `Z`, `+07:00` or `-0330` in milliseconds. */
function offsetMs(offset: string): number {
  if (offset === 'Z') return 0;
  const digits = offset.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return (digits[0] === '-' ? -minutes : minutes) * 60_000;
}

/** An instant from a date cell, ISO text (wall time in `timeZone` unless it has an offset) or a date serial. */
export function instantOf(value: unknown, timeZone: string): number {
  // A valid date of this script's realm, what Sheets hands a custom function, before the generic checks below.
  if (value instanceof Date) {
    const t = value.getTime();
    if (t === t) return t; // not NaN
  }
  rejectErrorValue(value);
  if (isDate(value)) {
    const t = value.getTime();
    if (Number.isNaN(t)) throw new CellError('an invalid date is not a date-time');
    return t;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return instantOfWallTime(Math.round(heldDay(value - SERIAL_OF_EPOCH, value, timeZone) * MS_PER_DAY), timeZone);
  }
  if (typeof value === 'string') {
    const iso = parseIso(value);
    if (iso) return iso.offset ? iso.wall - offsetMs(iso.offset) : instantOfWallTime(iso.wall, timeZone);
  }
  throw new CellError(`${describeCell(value, timeZone)} is not a date-time (use a date cell or text such as 2025-03-01 08:30)`);
}

/** 0001-01-01 and the day after 9999-12-31 as day numbers: the dates every spreadsheet holds (the core's WORKDAY range). */
const FIRST_HELD_DAY = -719162;
const END_HELD_DAY = 2932897;

/**
 * A date serial's day, when a spreadsheet can hold it: a stray 1e300 would otherwise become an invalid instant the
 * core names in its own words, or day tables without end.
 */
function heldDay(day: number, cell: unknown, timeZone: string): number {
  if (day >= FIRST_HELD_DAY && day < END_HELD_DAY) return day;
  throw new CellError(`${describeCell(cell, timeZone)} is outside the dates a spreadsheet holds (0001-01-01 to 9999-12-31)`);
}

const localDayOf = (t: number, zone: string): number => zoneDaysIn(zone).localDay(t);

/**
 * A date as a day number, where a serial or ISO text may carry a time of day as a fraction (the spreadsheets floor
 * it): a date cell's local day in the spreadsheet's zone, a serial number as is, or ISO text.
 */
export function dayOf(value: unknown, spreadsheetZone: string): number {
  rejectErrorValue(value);
  if (isDate(value)) {
    const t = value.getTime();
    if (!Number.isNaN(t)) return localDayOf(t, spreadsheetZone);
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    return heldDay(value - SERIAL_OF_EPOCH, value, spreadsheetZone);
  } else if (typeof value === 'string') {
    const iso = parseIso(value);
    if (iso && !iso.offset) return iso.wall / MS_PER_DAY;
  }
  throw new CellError(`${describeCell(value, spreadsheetZone)} is not a date`);
}

/**
 * dayOf for a column of cells in one zone: a valid date of this script's realm (what Sheets hands a custom function)
 * goes straight to the zone's local-day cache, found once per column instead of once per row; every other cell, and
 * every failure with its message, is dayOf's.
 */
export function dayReader(spreadsheetZone: string): (value: unknown) => number {
  const days = zoneDaysIn(spreadsheetZone);
  return (value) => {
    if (value instanceof Date) {
      const t = value.getTime();
      if (t === t) return days.localDay(t); // not NaN
    }
    return dayOf(value, spreadsheetZone);
  };
}

/** A date cell at local midnight of a day in the spreadsheet's zone. */
export const dateOfDay = (day: number, spreadsheetZone: string): Date => new Date(zoneDaysIn(spreadsheetZone).midnight(day));

/** The text Sheets hands a custom function for a cell holding an error value (`#N/A`, `#REF!` …). */
const ERROR_VALUE = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!)$/;

/** Throws for an error value, which the contract makes an error in every range instead of a cell to skip. */
export function rejectErrorValue(value: unknown): void {
  if (typeof value === 'string' && ERROR_VALUE.test(value.trim())) {
    throw new CellError(`the cell holds the error ${value.trim()}; fix or clear it`);
  }
}

/** A number; booleans and text are not (the core's KPI formulas take numbers only). */
export function numberOf(value: unknown, timeZone?: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  rejectErrorValue(value);
  throw new CellError(`${describeCell(value, timeZone ?? spreadsheetTimeZone())} is not a number`);
}

/** Optional text: blank gives the fallback. */
export function textOr(value: unknown, fallback: string): string {
  if (isBlank(value)) return fallback;
  rejectErrorValue(value);
  if (typeof value === 'string') return value.trim();
  throw new CellError(`${describeCell(value, spreadsheetTimeZone())} is not text`);
}

/** Optional number: blank gives the fallback. */
export const numberOr = (value: unknown, fallback: number): number => (isBlank(value) ? fallback : numberOf(value));

/**
 * A closed day of a calendar function's holiday range as `YYYY-MM-DD`: a date cell (its day in the spreadsheet's
 * zone) or ISO date text. Numbers are not dates here (only BUSINESS_DAYS and ADD_BUSINESS_DAYS read serials, as
 * NETWORKDAYS does), so a stray count or amount in the range is an error instead of a day in 1900.
 */
export function holidayDateOf(value: unknown, spreadsheetZone: string): string {
  if (typeof value === 'number') throw new CellError(`${value} is a number, not a date (use a date cell or text such as 2025-05-02)`);
  return isoOfDayNumber(Math.floor(dayOf(value, spreadsheetZone)));
}
