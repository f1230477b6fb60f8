import { checkHolidayCountry, parseCalendarText } from '../../../core/calendar';
import { errorInLanguage } from '../../../core/i18n';
import { translate, UserError, type Language, type MessageKey } from '../i18n';
import { documentProperties, spreadsheetTimeZone } from '../platform';
import { PROPERTY_STORE_LIMIT_BYTES, PROPERTY_VALUE_LIMIT_BYTES, storeBytes, utf8Bytes } from './property-limits';

/** Named calendars live in the document's properties, one property per calendar, so every user of the file sees them. */
const PREFIX = 'calendar:';

export interface SavedCalendar {
  name: string;
  text: string;
}

const calendarsIn = (properties: Record<string, string>): SavedCalendar[] =>
  Object.keys(properties)
    .filter((key) => key.startsWith(PREFIX))
    .map((key) => ({ name: key.slice(PREFIX.length), text: properties[key] }))
    .sort((a, b) => a.name.localeCompare(b.name));

export const savedCalendars = (): SavedCalendar[] => calendarsIn(documentProperties().getProperties());

/** A saved calendar's text by name, ignoring case; undefined when none has that name. */
export function savedCalendarText(name: string): string | undefined {
  const wanted = name.toLowerCase();
  return savedCalendars().find((c) => c.name.toLowerCase() === wanted)?.text;
}

/** Where a validation message belongs in the calendar manager's form. */
export type CalendarField = 'name' | 'text';
export class CalendarFormError extends UserError {
  constructor(
    readonly field: CalendarField,
    key: MessageKey,
    values: Record<string, string | number> = {},
  ) {
    super(key, values);
  }
}

/** The core parser's message (English) under the lead-in, both in the page's language. */
class CalendarTextError extends CalendarFormError {
  constructor(private readonly coreError: Error) {
    super('text', 'calendarTextInvalid', { detail: coreError.message });
  }

  /** In Vietnamese the lead-in already names the working time, so the parser's `calendar: ` goes. */
  override in(language: Language): string {
    const detail = errorInLanguage(this.coreError, language);
    return translate(language, 'calendarTextInvalid', { detail: language === 'en' ? detail : detail.replace(/^calendar: /, '') });
  }
}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,49}$/u;

/** The calendar text as the core reads it, and every holiday country and region it names known to the core. */
function checkCalendarText(text: string): void {
  let countries: string[];
  try {
    countries = parseCalendarText(text, spreadsheetTimeZone()).holidayCountries;
  } catch (error) {
    throw new CalendarTextError(error as Error);
  }
  for (const code of countries) {
    const [country, region] = code.split('-');
    if (!isKnownHolidayArea(country)) throw new CalendarFormError('text', 'calendarUnknownCountry', { country });
    if (region !== undefined && !isKnownHolidayArea(code)) throw new CalendarFormError('text', 'calendarUnknownRegion', { country, region });
  }
}

function isKnownHolidayArea(code: string): boolean {
  try {
    checkHolidayCountry(code);
    return true;
  } catch {
    return false;
  }
}

/** Refuses what Apps Script would refuse to store (its own error names no field and is in English). */
function checkStorage(stored: Record<string, string>, key: string, value: string, replacedKey: string | undefined): void {
  const bytes = utf8Bytes(value);
  if (bytes > PROPERTY_VALUE_LIMIT_BYTES) throw new CalendarFormError('text', 'calendarTooLong', { bytes, limit: PROPERTY_VALUE_LIMIT_BYTES });
  const after = { ...stored };
  if (replacedKey !== undefined) delete after[replacedKey];
  after[key] = value;
  const total = storeBytes(after);
  if (total > PROPERTY_STORE_LIMIT_BYTES) throw new CalendarFormError('text', 'calendarStoreFull', { bytes: total, limit: PROPERTY_STORE_LIMIT_BYTES });
}

/**
 * Validates with the core's parser (its message is what the user sees) and saves; renaming removes the old entry.
 * A name must not look like calendar text, or formulas could not tell them apart.
 */
export function saveCalendar(name: string, text: string, previousName?: string): SavedCalendar {
  const trimmed = name.trim();
  if (!NAME.test(trimmed) || /\d\d:\d\d|24\/7/.test(trimmed)) throw new CalendarFormError('name', 'calendarNameInvalid');
  checkCalendarText(text);
  // One read of the store (a service call) for the name check and the size check.
  const stored = documentProperties().getProperties();
  const clash = calendarsIn(stored).find((c) => c.name.toLowerCase() === trimmed.toLowerCase() && c.name !== previousName);
  if (clash) throw new CalendarFormError('name', 'calendarNameTaken', { name: clash.name });
  const value = text.trim();
  const previousKey = previousName === undefined ? undefined : PREFIX + previousName;
  checkStorage(stored, PREFIX + trimmed, value, previousKey);
  const properties = documentProperties();
  properties.setProperty(PREFIX + trimmed, value);
  if (previousKey !== undefined && previousName !== trimmed) properties.deleteProperty(previousKey);
  return { name: trimmed, text: value };
}

/** Deletes a saved calendar; an unknown name is an error, so a stale page does not report a deletion that did nothing. */
export function deleteCalendar(name: string): void {
  if (!savedCalendars().some((c) => c.name === name)) throw new UserError('calendarNotFound', { name });
  documentProperties().deleteProperty(PREFIX + name);
}
