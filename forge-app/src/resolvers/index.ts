import Resolver from '@forge/resolver';
import type { AppConfigInput } from '../config/schema';
import { scorecardChoice } from '../config/scorecards';
import { loadConfig, saveConfig } from '../config/store';
import { jqlProblems } from './admin-jql';
import { cycleList } from './cycle-list';
import { knownJsmMetrics } from '../storage/aggregates';
import { changesResults, loadGenerations, startRecompute } from '../sync/generations';
import { retryFailedNow, syncHealth } from '../sync/health';
import { loadSyncState } from '../sync/state';
import { defineAdminResolvers } from './admin-resolvers';
import { defineAdoptionResolvers } from './adoption';
import { MODULES, GADGETS, defineSecured } from './access';
import { complianceData } from './compliance';
import { defineMarketResolvers } from './market';
import { issuePanelData } from './issue-panel';
import { defineLanguageResolvers } from './language';
import { requireLicense } from '../license';
import { ComplianceQuerySchema, ConfigEnvelopeSchema, CycleListQuerySchema, NoPayloadSchema, ScorecardMonthSchema, ScorecardQuerySchema, TypedActualsSchema } from './payloads';
import { requireJiraAdmin, requireSomeBrowsableProject } from './permissions';
import { scorecardData } from './scorecard';
import { saveScorecardActuals, scorecardActuals } from './scorecard-actuals';

const resolver = new Resolver();
const { adminPage, issuePanel } = MODULES;

defineSecured(resolver, 'getConfig', { modules: [adminPage], payload: NoPayloadSchema }, async () => {
  await requireJiraAdmin();
  const [loaded, sync, health, generations, jsmMetrics] = await Promise.all([loadConfig(), loadSyncState(), syncHealth(), loadGenerations(), knownJsmMetrics()]);
  // The JSM SLA metrics the sync has seen: the scorecard editor offers each as a source (sla:jsm:<metric>).
  return { input: loaded.input, errors: loaded.errors, sync, health, generations, jsmMetrics };
});

/** The admin page's "retry now": every failing ticket is queued at once instead of waiting for its back-off. */
defineSecured(resolver, 'retryFailedNow', { modules: [adminPage], payload: NoPayloadSchema }, async () => {
  await requireJiraAdmin();
  return retryFailedNow();
});

/** Saving a configuration that changes results (goals, calendars, policies, fields, scope, zone) recomputes history. */
defineSecured(resolver, 'saveConfig', { modules: [adminPage], payload: ConfigEnvelopeSchema }, async ({ config }) => {
  await requireJiraAdmin();
  const before = await loadConfig();
  // A goal's or policy's JQL is tested with Jira before anything is saved.
  const jqlErrors = await jqlProblems(config);
  if (jqlErrors.length > 0) return { ok: false as const, errors: jqlErrors };
  const answer = await saveConfig(config);
  if (answer.ok && before.config && changesResults(before.input, config as AppConfigInput)) {
    const state = await startRecompute('config', before.input);
    if (state.building) return { ok: true as const, recompute: state.building };
  }
  return answer;
});

/** The admin page's "recompute history" button: every ticket in scope into a new generation. */
defineSecured(resolver, 'startRecompute', { modules: [adminPage], payload: NoPayloadSchema }, async () => {
  await requireJiraAdmin();
  const { config, input } = await loadConfig();
  if (!config) return { error: 'NO_CONFIG' as const, message: 'save a configuration first' };
  const state = await startRecompute('button', input);
  return { ok: true as const, recompute: state.building };
});

/** The compliance gadget's ticket list: one policy's cycles, filtered and paged or as CSV (cycle-list.ts). */
defineSecured(resolver, 'getCycleList', { modules: [MODULES.complianceGadget], payload: CycleListQuerySchema }, (query) => cycleList(query));

/** The compliance gadget; the projects and issues counted are those the caller may browse (compliance.ts). */
defineSecured(resolver, 'getCompliance', { modules: [MODULES.complianceGadget], payload: ComplianceQuerySchema }, (query) => complianceData(query));

/** The scorecard gadget; who may see which scorecard, and its pay, is decided in scorecard.ts. */
defineSecured(resolver, 'getScorecard', { modules: [MODULES.scorecardGadget], payload: ScorecardQuerySchema }, (query, context) => scorecardData(query, context.accountId));

/** Admins type the actuals of KPIs that no Jira data measures, per scorecard and month. */
defineSecured(resolver, 'saveScorecardActuals', { modules: [adminPage], payload: TypedActualsSchema }, async (input) => {
  await requireJiraAdmin();
  return saveScorecardActuals(input);
});

defineSecured(resolver, 'getScorecardActuals', { modules: [adminPage], payload: ScorecardMonthSchema }, async (query) => {
  await requireJiraAdmin();
  return scorecardActuals(query);
});

/** The issue the panel is shown on comes from the platform's context, never from the payload. */
defineSecured(resolver, 'getIssueClocks', { modules: [issuePanel], payload: NoPayloadSchema }, (_input, context) =>
  issuePanelData(String((context.extension as { issue?: { key?: string } } | undefined)?.issue?.key ?? '')),
);

/**
 * Gadgets' edit views list the policies, JSM SLA metrics seen by the sync and scorecards to choose from (names only:
 * no admin rights needed, but a user who may browse no project at all gets nothing).
 */
defineSecured(resolver, 'getChoices', { modules: GADGETS, payload: NoPayloadSchema }, async () => {
  await requireSomeBrowsableProject();
  const [{ config }, jsmMetrics] = await Promise.all([loadConfig(), knownJsmMetrics()]);
  return {
    jsmMetrics,
    policies: (config?.policies ?? []).map((p) => ({ id: p.id, name: p.name })),
    scorecards: (config?.scorecards ?? []).map(scorecardChoice),
  };
});

defineAdminResolvers(resolver);

defineAdoptionResolvers(resolver);

defineLanguageResolvers(resolver);
defineMarketResolvers(resolver);

/** Every resolver of a paid install refuses data to a site whose license is inactive (see license.ts). */
export const resolverHandler = requireLicense(resolver.getDefinitions());
