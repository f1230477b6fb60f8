import { wallTimeOfInstant } from '../../../core/calendar';

/** `2025-01-02 08:00`: how messages show an instant, in the zone the user reads it in. */
export const formatWallTime = (t: number, timeZone: string): string =>
  new Date(wallTimeOfInstant(t, timeZone)).toISOString().slice(0, 16).replace('T', ' ');

/** An instant as the core's messages print a date cell (`Date.prototype.toISOString`, UTC). */
const UTC_ISO = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\b/g;

/**
 * A message with the core's UTC timestamps of date cells rewritten as wall time in `timeZone`, the zone the sheet
 * shows them in (the core describes a date cell where a number or word was expected with toISOString).
 */
export const withDatesIn = (message: string, timeZone: string): string =>
  message.replace(UTC_ISO, (iso) => formatWallTime(Date.parse(iso), timeZone));
