import { languageOf, type Language } from '../i18n';
import { activeSpreadsheet, userLocale, type Sheet } from '../platform';
import { CalendarFormError, deleteCalendar as removeCalendar, saveCalendar as storeCalendar, savedCalendars, type SavedCalendar } from '../calendars/store';
import { columnsOf, readScorecardSheet } from '../scorecard/read-sheet';
import { scorecardReport, type ScorecardReport } from '../scorecard/report';

/** Functions the sidebars call through google.script.run. Everything returned is plain JSON. */

const language = (): Language => languageOf(userLocale());

/** The active sheet when it is a scorecard definition, else the first sheet that is. */
function scorecardSheet(): Sheet {
  const book = activeSpreadsheet();
  const isScorecard = (sheet: Sheet) => columnsOf(sheet.getDataRange().getValues()[0] ?? []) !== null;
  const active = book.getActiveSheet();
  const sheet = isScorecard(active) ? active : book.getSheets().find(isScorecard);
  if (!sheet) {
    throw new Error('No scorecard sheet: add a sheet whose first row names the columns KPI, Perspective, Pillar, Direction, Target and Actual (or use "Insert sample sheet")');
  }
  return sheet;
}

export const getScorecard = (): ScorecardReport & { language: Language } => ({
  ...scorecardReport(readScorecardSheet(scorecardSheet())),
  language: language(),
});

export const listCalendars = (): { language: Language; calendars: SavedCalendar[] } => ({ language: language(), calendars: savedCalendars() });

export type SaveResult = { ok: true; calendar: SavedCalendar } | { ok: false; field: 'name' | 'text'; message: string };

/** Validation failures come back as data, with the field they belong next to; anything else is thrown. */
export function saveCalendar(name: string, text: string, previousName?: string): SaveResult {
  try {
    return { ok: true, calendar: storeCalendar(String(name ?? ''), String(text ?? ''), previousName || undefined) };
  } catch (error) {
    if (error instanceof CalendarFormError) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}

export function deleteCalendar(name: string): { ok: true } {
  removeCalendar(String(name));
  return { ok: true };
}
