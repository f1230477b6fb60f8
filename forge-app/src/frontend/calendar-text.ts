import { type CalendarSpec, formatCalendarText, parseCalendarText, WEEKDAYS, type Weekday } from '../../../core/calendar';

/**
 * The calendar editor's parts as text, read and written by the core's own parser and formatter (core/calendar/parse):
 * each part the admin types is parsed as the matching piece of a calendar text, so the editor has no grammar of its own.
 */
export type CalendarPart = 'extraHolidays' | 'makeUpDays' | Weekday;

/** A failure keeps what the core threw, so that the page says it by the error's code (admin-field-errors.tsx). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: unknown };

const attempt = <T>(work: () => T): Parsed<T> => {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error };
  }
};

/** The stored text as a spec (the zone defaults to UTC, as the configuration check reads it). */
export const specOfText = (text: string): Parsed<CalendarSpec> => attempt(() => parseCalendarText(text, 'UTC'));

export const textOfSpec = (spec: CalendarSpec): Parsed<string> => attempt(() => formatCalendarText(spec));

/** A part of the spec as the admin sees it in its field. */
export function partText(spec: CalendarSpec, part: CalendarPart): string {
  switch (part) {
    case 'extraHolidays':
      return spec.holidays.map((h) => h.date).join(', ');
    case 'makeUpDays':
      return spec.makeUpDays.map((m) => (m.like === 'Mo' ? m.date : `${m.date} ${m.like}`)).join(', ');
    default:
      return spec.weekly[part].map((w) => `${w.start}-${w.end}`).join(', ');
  }
}

/** The spec with one part replaced by what the admin typed, parsed by the core; an empty field clears the part. */
export function withPart(spec: CalendarSpec, part: CalendarPart, typed: string): Parsed<CalendarSpec> {
  const value = typed.trim();
  return attempt(() => {
    switch (part) {
      case 'extraHolidays': {
        const read = value ? parseCalendarText(`off | holidays=${value}`, 'UTC') : null;
        if (read && read.holidayCountries.length > 0) throw new Error(`${read.holidayCountries[0]}: countries go under holiday countries`);
        return { ...spec, holidays: read?.holidays ?? [] };
      }
      case 'makeUpDays':
        return { ...spec, makeUpDays: value ? parseCalendarText(`off | makeup=${value}`, 'UTC').makeUpDays : [] };
      default: {
        const windows = value && !/^(off|closed)$/i.test(value) ? parseCalendarText(`${part} ${value}`, 'UTC').weekly[part] : [];
        return { ...spec, weekly: { ...spec.weekly, [part]: windows } };
      }
    }
  });
}

export { WEEKDAYS };
export type { CalendarSpec };
