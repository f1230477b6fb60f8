import { answerIn } from '../addon/server';
import type { Language } from '../i18n';
import { countCalendarUses, recalculateFormulasUsing, renameInSpreadsheet } from './calendar-formulas';
import { CalendarFormError, deleteCalendar as removeCalendar, saveCalendar as storeCalendar, savedCalendars, type SavedCalendar } from './store';

/**
 * The calendar manager's server functions (google.script.run). Each takes the page's language last and answers in
 * it; everything returned is plain JSON. After a calendar changes, the formulas using it are recalculated, since
 * Sheets would otherwise keep showing results computed with the old calendar.
 */

export const listCalendars = (language?: string): { language: Language; calendars: SavedCalendar[] } =>
  answerIn(language, (answer) => ({ language: answer, calendars: savedCalendars() }));

export interface SaveOptions {
  /**
   * On a rename, rewrite the old name where formulas use it: calendar literals, and the cells calendar arguments read
   * it from (the user has confirmed it in the page).
   */
  updateFormulas?: boolean;
  language?: string;
}

export type SaveResult =
  | { ok: true; calendar: SavedCalendar; namesUpdated: number; recalculated: number }
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
    const namesUpdated = renamed && options.updateFormulas === true ? renameInSpreadsheet(previous, calendar.name) : 0;
    const recalculated = recalculateFormulasUsing(renamed ? [calendar.name, previous] : [calendar.name]);
    return { ok: true, calendar, namesUpdated, recalculated };
  });
}

/** How many formulas and cells name the calendar for the add-on's functions: asked before a rename. */
export const countCalendarFormulas = (name: string, language?: string): { count: number } =>
  answerIn(language, () => ({ count: countCalendarUses(String(name)) }));

export const recalculateCalendar = (name: string, language?: string): { recalculated: number } =>
  answerIn(language, () => ({ recalculated: recalculateFormulasUsing([String(name)]) }));

/** Deleting recalculates the formulas that used the calendar, so they show the error instead of stale results. */
export const deleteCalendar = (name: string, language?: string): { ok: true; recalculated: number } =>
  answerIn(language, () => {
    removeCalendar(String(name));
    return { ok: true, recalculated: recalculateFormulasUsing([String(name)]) };
  });
