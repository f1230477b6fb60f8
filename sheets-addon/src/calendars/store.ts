import { parseCalendarText } from '../../../core/calendar/parse';
import { documentProperties, spreadsheetTimeZone } from '../platform';

/** Named calendars live in the document's properties, one property per calendar, so every user of the file sees them. */
const PREFIX = 'calendar:';

export interface SavedCalendar {
  name: string;
  text: string;
}

export function savedCalendars(): SavedCalendar[] {
  const properties = documentProperties().getProperties();
  return Object.keys(properties)
    .filter((key) => key.startsWith(PREFIX))
    .map((key) => ({ name: key.slice(PREFIX.length), text: properties[key] }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A saved calendar's text by name, ignoring case; undefined when none has that name. */
export function savedCalendarText(name: string): string | undefined {
  const wanted = name.toLowerCase();
  return savedCalendars().find((c) => c.name.toLowerCase() === wanted)?.text;
}

/** Where a validation message belongs in the calendar manager's form. */
export type CalendarField = 'name' | 'text';
export class CalendarFormError extends Error {
  constructor(
    readonly field: CalendarField,
    message: string,
  ) {
    super(message);
  }
}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,49}$/u;

/**
 * Validates with the core's parser (its message is what the user sees) and saves; renaming removes the old entry.
 * A name must not look like calendar text, or formulas could not tell them apart.
 */
export function saveCalendar(name: string, text: string, previousName?: string): SavedCalendar {
  const trimmed = name.trim();
  if (!NAME.test(trimmed) || /\d\d:\d\d|24\/7/.test(trimmed)) {
    throw new CalendarFormError('name', 'name: use 1 to 50 letters, digits, spaces, "_", "." or "-", starting with a letter or digit, and no times');
  }
  try {
    parseCalendarText(text, spreadsheetTimeZone());
  } catch (error) {
    throw new CalendarFormError('text', (error as Error).message);
  }
  const clash = savedCalendars().find((c) => c.name.toLowerCase() === trimmed.toLowerCase() && c.name !== previousName);
  if (clash) throw new CalendarFormError('name', `name: a calendar named "${clash.name}" already exists`);
  const properties = documentProperties();
  if (previousName !== undefined && previousName !== trimmed) properties.deleteProperty(PREFIX + previousName);
  properties.setProperty(PREFIX + trimmed, text.trim());
  return { name: trimmed, text: text.trim() };
}

export function deleteCalendar(name: string): void {
  documentProperties().deleteProperty(PREFIX + name);
}
