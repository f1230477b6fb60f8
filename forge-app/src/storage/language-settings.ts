import { isAppLanguage, type LanguageChoice, type LanguageSettings } from '../i18n/language';
import { keys } from './keys';
import { deleteValue, getValue, setValue } from './store';

interface StoredLanguage {
  language: unknown;
}

/** A stored value read back defensively: anything but a known language (an older or hand-edited value) is "not chosen". */
const choiceOf = (stored: StoredLanguage | undefined): LanguageChoice => (isAppLanguage(stored?.language) ? stored.language : null);

/**
 * The site default and, for a signed-in user, their own choice (two KVS reads at most). Portal customers get the
 * site default only: they have no way to choose, and a stale choice of theirs must not override the site's.
 */
export async function loadLanguageSettings(accountId: string | undefined, askUser: boolean): Promise<LanguageSettings> {
  const [site, user] = await Promise.all([
    getValue<StoredLanguage>(keys.siteLanguage),
    askUser && accountId ? getValue<StoredLanguage>(keys.userLanguage(accountId)) : Promise.resolve(undefined),
  ]);
  return { site: choiceOf(site), user: choiceOf(user) };
}

/** Null removes the choice, so the next rule (site default, then the Jira locale) decides again. */
const saveChoice = (key: string, choice: LanguageChoice): Promise<void> => (choice === null ? deleteValue(key) : setValue<StoredLanguage>(key, { language: choice }));

export const saveSiteLanguage = (choice: LanguageChoice): Promise<void> => saveChoice(keys.siteLanguage, choice);

export const saveUserLanguage = (accountId: string, choice: LanguageChoice): Promise<void> => saveChoice(keys.userLanguage(accountId), choice);
