/**
 * Renders UI Kit views in Node as the Forge host does: a stubbed bridge answers getContext and invoke, and every
 * `reconcile` call's forgeDoc is kept so tests can inspect the last tree (how @forge/react's own tests work).
 */
import * as React from 'react';
import { type LanguageSettings, resolveAppLanguage } from '../../forge-app/src/i18n/language';

export interface ForgeDoc {
  type: string;
  props: Record<string, any>;
  children: ForgeDoc[];
}

export const ui = {
  context: undefined as Record<string, unknown> | undefined,
  /** Resolver answers by function key: a value, or a function of the payload; an Error rejects the invoke. */
  resolvers: {} as Record<string, unknown>,
  invokes: [] as Array<{ functionKey: string; payload: unknown }>,
  /**
   * The stored app language choices the language resolvers answer from (the real resolution rule), and their calls,
   * kept apart from `invokes`: every view asks for its language first, and `invokes` lists the data it asked for.
   */
  language: { user: null, site: null } as LanguageSettings,
  languageInvokes: [] as Array<{ functionKey: string; payload: any }>,
  submits: [] as unknown[],
  docs: [] as ForgeDoc[],
};

const LANGUAGE_RESOLVERS = new Set(['getAppLanguage', 'setUserLanguage', 'setSiteLanguage']);

/** The language resolvers as the app defines them (resolvers/language.ts), over `ui.language` instead of KVS. */
function answerLanguage(functionKey: string, payload: any) {
  ui.languageInvokes.push({ functionKey, payload });
  if (functionKey === 'setUserLanguage') ui.language = { ...ui.language, user: payload.language };
  if (functionKey === 'setSiteLanguage') ui.language = { ...ui.language, site: payload.language };
  return { ...ui.language, language: resolveAppLanguage(ui.language, payload?.locale) };
}

(globalThis as Record<string, unknown>).self = globalThis;
(globalThis as Record<string, unknown>).IS_REACT_ACT_ENVIRONMENT = true;
(globalThis as Record<string, unknown>).__bridge = {
  callBridge: async (cmd: string, data: any) => {
    if (cmd === 'reconcile') ui.docs.push(data.forgeDoc as ForgeDoc);
    if (cmd === 'getContext') return ui.context;
    if (cmd === 'submit') ui.submits.push(data);
    if (cmd === 'invoke' && LANGUAGE_RESOLVERS.has(data.functionKey) && !(data.functionKey in ui.resolvers)) return answerLanguage(data.functionKey, data.payload);
    if (cmd === 'invoke') {
      ui.invokes.push({ functionKey: data.functionKey, payload: data.payload });
      const answer = ui.resolvers[data.functionKey];
      if (answer instanceof Error) throw answer;
      return typeof answer === 'function' ? answer(data.payload) : answer;
    }
    return undefined;
  },
};

const act = (React as unknown as { unstable_act: (work: () => Promise<void>) => Promise<void> }).unstable_act;

export function resetUi(context: Record<string, unknown> | undefined, resolvers: Record<string, unknown> = {}, language: Partial<LanguageSettings> = {}) {
  ui.context = context;
  ui.language = { user: null, site: null, ...language };
  ui.languageInvokes = [];
  ui.resolvers = resolvers;
  ui.invokes = [];
  ui.submits = [];
  ui.docs = [];
}

/** Renders and lets the context and resolver promises settle; returns the last forgeDoc. */
export async function render(element: React.ReactElement): Promise<ForgeDoc> {
  const { default: ForgeReconciler } = await import('@forge/react');
  await act(async () => ForgeReconciler.render(element));
  for (let i = 0; i < 5; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  return lastDoc();
}

export const lastDoc = (): ForgeDoc => ui.docs[ui.docs.length - 1];

export async function settle(): Promise<ForgeDoc> {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  return lastDoc();
}

export const findAll = (doc: ForgeDoc, type: string): ForgeDoc[] => [
  ...(doc.type === type ? [doc] : []),
  ...doc.children.flatMap((child) => findAll(child, type)),
];

/** All text in a subtree, in order. */
export const textOf = (doc: ForgeDoc): string =>
  doc.type === 'String' ? String(doc.props.text) : doc.children.map(textOf).join('');

/** Calls a handler prop (onClick, onChange, onSubmit) that the reconciler kept on the live tree. */
export async function fire(handler: (...args: unknown[]) => unknown, ...args: unknown[]) {
  await act(async () => {
    await handler(...args);
  });
  return settle();
}
