import { MS_PER_MINUTE } from './days';
import type { Instant } from './types';
import { instantOfWallTime } from './zone';

/** `2025-03-01`, `2025-03-01 08:30`, `2025-03-01T08:30:15.5`, each with or without an offset (`Z`, `+07:00`, `+0700`). */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * ISO date-time text as an instant. With an offset (which needs a `T` and a time) it is that instant; without one it
 * is a wall-clock time in `timeZone`, never the machine's zone, and NaN when no zone is given. NaN as well for text of
 * another form or a day, time or offset that does not exist: Date.parse alone rolls 31 April into 1 May. `24:00`
 * (seconds and fraction zero, if written) is the end of that day, as ISO 8601 reads it: the next day's 00:00, the
 * way a calendar's `18:00-24:00` window ends.
 */
export function parseIsoDateTime(text: string, timeZone?: string): Instant {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return NaN;
  const [, year, month, day, separator, hour = '0', minute = '0', second = '0', fraction = '', offset] = m;
  const endOfDay = Number(hour) === 24;
  if (endOfDay && (Number(minute) !== 0 || Number(second) !== 0 || /[1-9]/.test(fraction))) return NaN;
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(endOfDay ? 0 : Number(hour), Number(minute), Number(second), Number(fraction.slice(0, 3).padEnd(3, '0')));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day) || Number(hour) > 24 || Number(minute) > 59 || Number(second) > 59) return NaN;
  if (endOfDay) date.setUTCDate(date.getUTCDate() + 1);
  if (offset === undefined) return timeZone === undefined ? NaN : instantOfWallTime(date.getTime(), timeZone);
  if (separator !== 'T') return NaN;
  if (offset === 'Z') return date.getTime();
  const offsetMinutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(-2));
  if (Number(offset.slice(-2)) > 59) return NaN;
  return date.getTime() - (offset[0] === '-' ? -offsetMinutes : offsetMinutes) * MS_PER_MINUTE;
}
