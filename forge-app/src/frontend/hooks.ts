import { invoke } from '@forge/bridge';
import { useProductContext } from '@forge/react';
import { useEffect, useState } from 'react';
import { messagesFor } from '../i18n/messages';

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

/** The product context, and the catalogue for the user's locale. */
export function useAppContext() {
  const context = useProductContext();
  return { context, t: messagesFor(context?.locale), locale: context?.locale as string | undefined };
}
