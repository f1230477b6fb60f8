import { invoke } from '@forge/bridge';
import { useProductContext } from '@forge/react';
import { useEffect, useState } from 'react';
import { type LanguageChoice, languageOfLocale, localeOf } from '../i18n/language';
import { messagesFor } from '../i18n/messages';
import type { AppLanguageAnswer } from '../resolvers/language';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'unlicensed' } | { status: 'ready'; data: T };

/** Every resolver answers this instead of data when the site's license is inactive (resolvers/license.ts). */
const isUnlicensedAnswer = (data: unknown): boolean => typeof data === 'object' && data !== null && (data as { error?: unknown }).error === 'UNLICENSED';

/**
 * Calls a resolver once its payload is known (undefined: wait) and again whenever the payload changes. An UNLICENSED
 * answer is its own status, so every view shows the license message (UnlicensedMessage) instead of reading it as data.
 */
export function useResolver<T>(functionKey: string, payload: Record<string, unknown> | undefined): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const signature = payload === undefined ? undefined : JSON.stringify(payload);
  useEffect(() => {
    if (signature === undefined) return;
    let live = true;
    setState({ status: 'loading' });
    invoke<T>(functionKey, JSON.parse(signature) as Record<string, unknown>)
      .then((data) => live && setState(isUnlicensedAnswer(data) ? { status: 'unlicensed' } : { status: 'ready', data: data as T }))
      .catch((error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
    };
  }, [functionKey, signature]);
  return state;
}

/**
 * The product context, the app language (the user's choice, else the site default, else the Jira locale: see
 * i18n/language.ts), its catalogue and the one locale the view formats in. `context` stays undefined until the
 * language is known, so every view shows its spinner instead of a flash of the wrong language; a failed or
 * refused language answer falls back to the Jira locale.
 */
export function useAppContext() {
  const context = useProductContext();
  const jiraLocale = context?.locale as string | undefined;
  const withLocale = jiraLocale === undefined ? {} : { locale: jiraLocale };
  const answer = useResolver<AppLanguageAnswer | { error: string }>('getAppLanguage', context === undefined ? undefined : withLocale);
  const [changed, setChanged] = useState<AppLanguageAnswer | null>(null);
  const chosen = changed ?? (answer.status === 'ready' && !('error' in answer.data) ? answer.data : null);
  const language = chosen?.language ?? languageOfLocale(jiraLocale);
  const known = context !== undefined && answer.status !== 'loading';
  /** Saves a choice (the user's own, or the site default on the admin page) and re-renders the view in it. */
  const changeLanguage = async (scope: LanguageScope, choice: LanguageChoice): Promise<boolean> => {
    const saved = (await invoke(scope === 'user' ? 'setUserLanguage' : 'setSiteLanguage', { language: choice, ...withLocale })) as AppLanguageAnswer | { error: string };
    if ('error' in saved) return false;
    setChanged(saved);
    return true;
  };
  return { context: known ? context : undefined, t: messagesFor(language), locale: localeOf(language), language, settings: chosen, changeLanguage };
}

export type LanguageScope = 'user' | 'site';
export type AppContext = ReturnType<typeof useAppContext>;
