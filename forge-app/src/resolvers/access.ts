import type Resolver from '@forge/resolver';
import type { z } from 'zod';
import { type CoreMessage, FORGE_PHRASE_BOOK, saidInLanguage } from '../../../core/i18n';
import type { CatalogueProblem } from '../config/catalogue-store';
import type { ConfigProblem } from '../config/problem';
import { coreMessageOf } from './core-refusal';
import { resolveAppLanguage } from '../i18n/language';
import { JiraError } from '../jira/client';
import { loadLanguageSettings } from '../storage/language-settings';
import { parsePayload, PayloadError } from './payloads';
import { AccessError } from './permissions';

/**
 * The app's UI modules (manifest.yml keys). Forge runs any resolver function for any module of the app, so each
 * resolver names the modules whose views call it and refuses the rest. The resolver's `context.moduleKey` is the module
 * the invocation came from, set by the platform, as in every invocation context
 * (https://developer.atlassian.com/platform/forge/rest/v2/api-group-forge-context/: `context.moduleKey`).
 */
export const MODULES = {
  adminPage: 'sla-admin-page',
  complianceGadget: 'sla-compliance-gadget',
  scorecardGadget: 'scorecard-gadget',
  customerGadget: 'customer-report-gadget',
  marketGadget: 'market-statement-gadget',
  issuePanel: 'sla-clocks-panel',
  portal: 'inps-portal-question',
} as const;
export type ModuleKey = (typeof MODULES)[keyof typeof MODULES];

/** The dashboard gadgets (their edit views share the gadget's module key). */
export const GADGETS: readonly ModuleKey[] = [MODULES.complianceGadget, MODULES.scorecardGadget, MODULES.customerGadget, MODULES.marketGadget];

/** What a resolver's work is given: the parsed payload and the platform's context. */
export interface ResolverContext {
  accountId?: string;
  moduleKey?: string;
  extension?: unknown;
}

export interface ResolverRule<S extends z.ZodType> {
  /** The modules whose views call this resolver; any other module is refused. */
  modules: readonly ModuleKey[];
  payload: S;
}

const FORBIDDEN_MODULE = (name: string, moduleKey: unknown) => ({
  error: 'FORBIDDEN' as const,
  message: `${name} is not available from ${typeof moduleKey === 'string' && moduleKey !== '' ? `the module ${moduleKey}` : 'outside the app\'s modules'}`,
});

/** Jira's own error text may carry its internals: the admin reads it in the app's logs, the browser gets this. */
const JIRA_UNAVAILABLE = { error: 'JIRA_ERROR' as const, message: 'Jira did not answer as expected; try again later (the details are in the app\'s logs).' };

/**
 * Defines a resolver with its checks in a fixed order: the calling module, then the payload (parsed with its
 * schema), then the work, which checks the caller. Refusals and bad payloads come back as `{ error, message }`;
 * a Jira failure is logged and answered without Jira's text.
 */
export function defineSecured<S extends z.ZodType, T>(resolver: Resolver, name: string, rule: ResolverRule<S>, work: (input: z.output<S>, context: ResolverContext) => Promise<T> | T) {
  resolver.define(name, async ({ payload, context }) => {
    const ctx = context as ResolverContext;
    // Refused before any read, the language settings too: no view calls a resolver of another module.
    if (!rule.modules.includes(ctx.moduleKey as ModuleKey)) return FORBIDDEN_MODULE(name, ctx.moduleKey);
    try {
      return await inAppLanguage(await work(parsePayload(rule.payload, payload), ctx), ctx);
    } catch (error) {
      if (error instanceof AccessError) return inAppLanguage({ error: 'FORBIDDEN' as const, message: error.message }, ctx);
      if (error instanceof PayloadError) return inAppLanguage({ error: 'INVALID_PAYLOAD' as const, field: error.field, message: error.message }, ctx);
      if (error instanceof JiraError) {
        console.error(`${name}: ${error.message}`);
        return inAppLanguage(JIRA_UNAVAILABLE, ctx);
      }
      throw error;
    }
  });
}

/** A refusal or a failed check: `{ error, message }` or `{ ok: false, message }`; its code stays, its message is read. */
const isRefusal = (answer: unknown): answer is { message: string } =>
  typeof answer === 'object' && answer !== null && typeof (answer as { message?: unknown }).message === 'string' && ('error' in answer || (answer as { ok?: unknown }).ok === false);

/** The problems an answer lists at fields (a configuration's check, the stored configuration's, typed actuals'). */
const problemsOf = (answer: unknown): ConfigProblem[] => {
  const errors = typeof answer === 'object' && answer !== null ? (answer as { errors?: unknown }).errors : undefined;
  return Array.isArray(errors) ? (errors as ConfigProblem[]) : [];
};

/** The one problem a service catalogue's check answers (config/catalogue-store.ts), at the field it names. */
const catalogueProblemOf = (answer: unknown): CatalogueProblem | undefined => {
  const problem = typeof answer === 'object' && answer !== null ? (answer as { problem?: unknown }).problem : undefined;
  return typeof problem === 'object' && problem !== null && typeof (problem as { message?: unknown }).message === 'string' ? (problem as CatalogueProblem) : undefined;
};

/**
 * A refusal's message and the problems an answer lists in the caller's app language (their choice, else the site
 * default; portal customers get the site's): a core error by its code, anything else by the core's phrase catalogue.
 * A resolver is not told the Jira locale, and Jira has no Vietnamese one, so the stored choice is what says Vietnamese.
 * Codes and fields stay English; a problem's code is read here and not answered, so the views show words only.
 */
async function inAppLanguage<T>(answer: T, context: ResolverContext): Promise<T> {
  const problems = problemsOf(answer);
  const catalogueProblem = catalogueProblemOf(answer);
  if (!isRefusal(answer) && problems.length === 0 && catalogueProblem === undefined) return answer;
  const language = resolveAppLanguage(await loadLanguageSettings(context.accountId, context.moduleKey !== MODULES.portal), undefined);
  const worded = (message: string, said: CoreMessage | undefined) => saidInLanguage(said, message, language, FORGE_PHRASE_BOOK);
  let shown = problems.length === 0 ? answer : { ...answer, errors: problems.map((problem) => ({ path: problem.path, message: worded(problem.message, problem.said) })) };
  if (catalogueProblem !== undefined) shown = { ...shown, problem: { field: catalogueProblem.field, message: worded(catalogueProblem.message, catalogueProblem.said) } };
  return isRefusal(answer) ? { ...shown, message: worded(answer.message, coreMessageOf(answer)) } : shown;
}
