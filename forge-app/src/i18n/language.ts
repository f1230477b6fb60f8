/**
 * The app's own language setting. Jira has no Vietnamese profile language and Forge's locale codes have no `vi-VN`,
 * so the Jira locale alone never shows Vietnamese: a user's choice, else the site default, else the Jira locale.
 */
import { LANGUAGES, type Language, localeTagOf } from '../../../core/i18n';

export const APP_LANGUAGES = LANGUAGES;
export type AppLanguage = Language;

/** A stored choice: a language, or null for "not chosen" (the next rule decides). */
export type LanguageChoice = AppLanguage | null;

export const isAppLanguage = (value: unknown): value is AppLanguage => APP_LANGUAGES.includes(value as AppLanguage);

/** The language a Jira locale (`vi_VN`, `en-US`) stands for; English for any locale the app has no catalogue of. */
export const languageOfLocale = (locale: string | undefined): AppLanguage => (locale?.toLowerCase().startsWith('vi') ? 'vi' : 'en');

export interface LanguageSettings {
  /** The signed-in user's own choice (never asked of portal customers). */
  user: LanguageChoice;
  /** The site default an administrator set on the admin page. */
  site: LanguageChoice;
}

export const resolveAppLanguage = (settings: LanguageSettings, jiraLocale: string | undefined): AppLanguage =>
  settings.user ?? settings.site ?? languageOfLocale(jiraLocale);

/** The one locale a panel formats numbers and dates in: the app language's, whatever the Jira locale is. */
export const localeOf = localeTagOf;
