import { said } from '../i18n/error-catalogue';
import { compileCalendar } from './compile';
import { CalendarError } from './errors';
import { parseCalendarText } from './parse';
import type { CalendarSpecInput } from './spec';
import type { WorkCalendar } from './types';

/** Calendars by name, as configuration gives them: a spec object or its text form (`Mo-Fr 08:00-17:00 | tz=…`). */
export type CalendarSpecs = Readonly<Record<string, CalendarSpecInput | string>>;

/**
 * Compiles every named calendar of a configuration (text forms read in UTC unless they say `tz=`). A calendar that
 * does not compile, or has no working hours on any day (it could never be due), is a CalendarError naming it.
 */
export function compileCalendarSet(specs: CalendarSpecs): Record<string, WorkCalendar> {
  // No prototype: a calendar named "toString" or "__proto__" is a calendar like any other, and an unknown name is absent.
  const compiled = Object.create(null) as Record<string, WorkCalendar>;
  for (const [name, spec] of Object.entries(specs)) {
    const field = `calendars.${name}`;
    try {
      const calendar = compileCalendar(typeof spec === 'string' ? parseCalendarText(spec, 'UTC') : spec);
      if (!calendar.hasWorkingHours) throw new CalendarError(field, said('at', { place: 'calendar', detail: said('calendar.noWorkingHours') }));
      compiled[name] = calendar;
    } catch (error) {
      if (error instanceof CalendarError) throw new CalendarError(field, said('at', { place: `"${name}"`, detail: error.said }));
      throw error;
    }
  }
  return compiled;
}
