import { languageOf, type Language } from '../i18n';
import { spreadsheetLocale } from '../platform';

/**
 * The spreadsheet's language, not the user's: a custom function cannot call Session (Apps Script's custom-function
 * guide lists the services it may use), and Sheets shows one cached result to every user of the file. A service
 * call: asked only when an error is to be shown.
 */
export const sheetLanguage = (): Language => languageOf(spreadsheetLocale());
