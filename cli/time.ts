import { tzOffset } from '@date-fns/tz';
import type { Instant } from '../core/calendar';
import { offsetMinutes } from './input/time';

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

const MS_PER_SLOT = 900_000;
const formatters = new Map<string, Map<number, number>>();

/** An instant as an ISO date-time in a zone, to the second: `2012-05-31T22:49:06+01:00`. Offsets are remembered per quarter hour. */
export function formatDateTime(t: Instant, timeZone: string): string {
  let offsets = formatters.get(timeZone);
  if (!offsets) formatters.set(timeZone, (offsets = new Map<number, number>()));
  const slot = Math.floor(t / MS_PER_SLOT);
  let offset = offsets.get(slot);
  if (offset === undefined) offsets.set(slot, (offset = tzOffset(timeZone, new Date(slot * MS_PER_SLOT))));
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${new Date(t + offset * 60_000).toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}
