import { answerIn } from '../addon/server';
import type { Language } from '../i18n';
import { countFormulasUsing, recalculateFormulasUsing, renameInFormulas } from './calendar-formulas';
import { CalendarFormError, deleteCalendar as removeCalendar, saveCalendar as storeCalendar, savedCalendars, type SavedCalendar } from './store';

/**
 * The calendar manager's server functions (google.script.run). Each takes the page's language last and answers in
 * it; everything returned is plain JSON. After a calendar changes, the formulas using it are recalculated, since
 * Sheets would otherwise keep showing results computed with the old calendar.
 */

export const listCalendars = (language?: string): { language: Language; calendars: SavedCalendar[] } =>
  answerIn(language, (answer) => ({ language: answer, calendars: savedCalendars() }));

export interface SaveOptions {
  /** On a rename, rewrite the formulas that name the old calendar (the user has confirmed it in the page). */
  updateFormulas?: boolean;
  language?: string;
}

export type SaveResult =
  | { ok: true; calendar: SavedCalendar; formulasUpdated: number; recalculated: number }
  | { ok: false; field: 'name' | 'text'; message: string };

/** Validation failures come back as data, with the field they belong next to; anything else is thrown. */
export function saveCalendar(name: string, text: string, previousName?: string, options: SaveOptions = {}): SaveResult {
  return answerIn(options.language, (language) => {
    const previous = previousName || undefined;
    let calendar: SavedCalendar;
    try {
      calendar = storeCalendar(String(name ?? ''), String(text ?? ''), previous);
    } catch (error) {
      if (error instanceof CalendarFormError) return { ok: false, field: error.field, message: error.in(language) };
      throw error;
    }
    const renamed = previous !== undefined && previous !== calendar.name;
    const formulasUpdated = renamed && options.updateFormulas === true ? renameInFormulas(previous, calendar.name) : 0;
    const recalculated = recalculateFormulasUsing(renamed ? [calendar.name, previous] : [calendar.name]);
    return { ok: true, calendar, formulasUpdated, recalculated };
  });
}

/** How many formulas pass the calendar by name: the page asks before a rename whether to update them. */
export const countCalendarFormulas = (name: string, language?: string): { count: number } =>
  answerIn(language, () => ({ count: countFormulasUsing(String(name)) }));

export const recalculateCalendar = (name: string, language?: string): { recalculated: number } =>
  answerIn(language, () => ({ recalculated: recalculateFormulasUsing([String(name)]) }));

/** Deleting recalculates the formulas that used the calendar, so they show the error instead of stale results. */
export const deleteCalendar = (name: string, language?: string): { ok: true; recalculated: number } =>
  answerIn(language, () => {
    removeCalendar(String(name));
    return { ok: true, recalculated: recalculateFormulasUsing([String(name)]) };
  });
