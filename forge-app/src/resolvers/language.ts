import type Resolver from '@forge/resolver';
import { resolveAppLanguage, type AppLanguage, type LanguageSettings } from '../i18n/language';
import { loadLanguageSettings, saveSiteLanguage, saveUserLanguage } from '../storage/language-settings';
import { defineSecured, MODULES, type ResolverContext } from './access';
import { AppLanguageQuerySchema, LanguageChoiceSchema } from './payloads';
import { AccessError, requireJiraAdmin } from './permissions';

/** What every view learns before it renders text: the language to use and the choices behind it. */
export type AppLanguageAnswer = LanguageSettings & { language: AppLanguage };

const EVERY_VIEW = Object.values(MODULES);
/** Views whose users are Jira users who may pick their own language (portal customers get the site default). */
const JIRA_USER_VIEWS = EVERY_VIEW.filter((moduleKey) => moduleKey !== MODULES.portal);

const isPortal = (context: ResolverContext) => context.moduleKey === MODULES.portal;

/** The account the platform says is calling; a user's choice is stored under it, never under a payload's id. */
function signedInAccount(context: ResolverContext): string {
  if (!context.accountId) throw new AccessError('only a signed-in user can choose a language');
  return context.accountId;
}

async function answerFor(context: ResolverContext, jiraLocale: string | undefined): Promise<AppLanguageAnswer> {
  const settings = await loadLanguageSettings(context.accountId, !isPortal(context));
  return { ...settings, language: resolveAppLanguage(settings, jiraLocale) };
}

/** The app language: every view asks for it; a user sets their own, an administrator the site's default. */
export function defineLanguageResolvers(resolver: Resolver): void {
  defineSecured(resolver, 'getAppLanguage', { modules: EVERY_VIEW, payload: AppLanguageQuerySchema }, ({ locale }, context) => answerFor(context, locale));
  defineSecured(resolver, 'setUserLanguage', { modules: JIRA_USER_VIEWS, payload: LanguageChoiceSchema }, async ({ language, locale }, context) => {
    await saveUserLanguage(signedInAccount(context), language);
    return answerFor(context, locale);
  });
  defineSecured(resolver, 'setSiteLanguage', { modules: [MODULES.adminPage], payload: LanguageChoiceSchema }, async ({ language, locale }, context) => {
    await requireJiraAdmin();
    await saveSiteLanguage(language);
    return answerFor(context, locale);
  });
}
