import { languageOf, UserError, type Language } from '../i18n';
import { activeSpreadsheet, spreadsheetTimeZone, userLocale } from '../platform';
import { findScorecardSheet, readScorecardSheet } from '../scorecard/read-sheet';
import { scorecardReport, type ScorecardReport } from '../scorecard/report';

/** Functions the sidebars call through google.script.run. Everything returned is plain JSON. */

const language = (): Language => languageOf(userLocale());

/**
 * The language a server function answers in: the one the page shows, which it passes (the sidebar can switch
 * language, so the session's locale may differ), else the user's locale for a caller that passes none.
 */
const answerLanguage = (requested?: unknown): Language =>
  requested === 'en' || requested === 'vi' ? requested : language();

/**
 * Runs a server function's work in the page's language: `work` gets it to build messages, and a UserError thrown
 * inside reaches the page (google.script.run's failure handler) as an Error in that language. Every function a
 * sidebar calls goes through here, taking the page's language as its last argument.
 */
export function answerIn<T>(requested: unknown, work: (language: Language) => T): T {
  const answer = answerLanguage(requested);
  try {
    return work(answer);
  } catch (error) {
    if (error instanceof UserError) throw new Error(error.in(answer));
    throw error;
  }
}

/** The scorecard of the active sheet (or the first scorecard sheet), in the page's language. */
export const getScorecard = (requested?: unknown): ScorecardReport & { language: Language } =>
  answerIn(requested, (answer) => ({
    ...scorecardReport(readScorecardSheet(findScorecardSheet(activeSpreadsheet(), answer), spreadsheetTimeZone(), answer)),
    language: answer,
  }));

// The calendar manager's functions are in calendars/manager.ts.
