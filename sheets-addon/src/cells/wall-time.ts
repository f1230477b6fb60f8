import { wallTimeOfInstant } from '../../../core/calendar/zone';

/** `2025-01-02 08:00`: how messages show an instant, in the zone the user reads it in. */
export const formatWallTime = (t: number, timeZone: string): string =>
  new Date(wallTimeOfInstant(t, timeZone)).toISOString().slice(0, 16).replace('T', ' ');
