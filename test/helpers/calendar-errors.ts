import { CalendarError } from '../../core/calendar/errors';

/** The CalendarError a call throws (any other outcome fails the test), to check its message and its field. */
export function calendarErrorOf(f: () => unknown): CalendarError {
  try {
    f();
  } catch (e) {
    if (e instanceof CalendarError) return e;
    throw e;
  }
  throw new Error('expected a CalendarError');
}

/** The field and message of the CalendarError a call throws. */
export function fieldAndMessageOf(f: () => unknown): [string, string] {
  const error = calendarErrorOf(f);
  return [error.field, error.message];
}
