import Resolver from '@forge/resolver';
import type { AppConfigInput } from '../config/schema';
import { scorecardChoice } from '../config/scorecards';
import { loadConfig, saveConfig } from '../config/store';
import { knownJsmMetrics } from '../storage/aggregates';
import { changesResults, loadGenerations, startRecompute } from '../sync/generations';
import { retryFailedNow, syncHealth } from '../sync/health';
import { loadSyncState } from '../sync/state';
import { defineAdminResolvers } from './admin-resolvers';
import { defineAdoptionResolvers } from './adoption';
import { complianceData, type ComplianceQuery } from './compliance';
import { issuePanelData } from './issue-panel';
import { requireLicense } from './license';
import { AccessError, requireJiraAdmin, requireSomeBrowsableProject } from './permissions';
import { scorecardData, type ScorecardQuery } from './scorecard';
import { saveScorecardActuals, scorecardActuals, type TypedActualsInput } from './scorecard-actuals';

/** Resolver errors reach the frontend as `{ error: code, message }` rather than a thrown invoke. */
const guarded = <T>(work: () => Promise<T>) =>
  work().catch((error: unknown) => {
    if (error instanceof AccessError) return { error: 'FORBIDDEN' as const, message: error.message };
    throw error;
  });

const resolver = new Resolver();

resolver.define('getConfig', () =>
  guarded(async () => {
    await requireJiraAdmin();
    const [loaded, sync, health, generations, jsmMetrics] = await Promise.all([loadConfig(), loadSyncState(), syncHealth(), loadGenerations(), knownJsmMetrics()]);
    // The JSM SLA metrics the sync has seen: the scorecard editor offers each as a source (sla:jsm:<metric>).
    return { input: loaded.input, errors: loaded.errors, sync, health, generations, jsmMetrics };
  }),
);

/** The admin page's "retry now": every failing ticket is queued at once instead of waiting for its back-off. */
resolver.define('retryFailedNow', () =>
  guarded(async () => {
    await requireJiraAdmin();
    return retryFailedNow();
  }),
);

/** Saving a configuration that changes results (goals, calendars, policies, fields, scope, zone) recomputes history. */
resolver.define('saveConfig', ({ payload }) =>
  guarded(async () => {
    await requireJiraAdmin();
    const before = await loadConfig();
    const config = (payload as { config: unknown }).config;
    const answer = await saveConfig(config);
    if (answer.ok && before.config && changesResults(before.input, config as AppConfigInput)) {
      const state = await startRecompute('config', before.input);
      if (state.building) return { ok: true as const, recompute: state.building };
    }
    return answer;
  }),
);

/** The admin page's "recompute history" button: every ticket in scope into a new generation. */
resolver.define('startRecompute', () =>
  guarded(async () => {
    await requireJiraAdmin();
    const { config, input } = await loadConfig();
    if (!config) return { error: 'NO_CONFIG' as const, message: 'save a configuration first' };
    const state = await startRecompute('button', input);
    return { ok: true as const, recompute: state.building };
  }),
);

resolver.define('getCompliance', ({ payload }) => guarded(() => complianceData(payload as ComplianceQuery)));

resolver.define('getScorecard', ({ payload }) => guarded(() => scorecardData(payload as ScorecardQuery)));

/** Admins type the actuals of KPIs that no Jira data measures, per scorecard and month. */
resolver.define('saveScorecardActuals', ({ payload }) =>
  guarded(async () => {
    await requireJiraAdmin();
    return saveScorecardActuals(payload as TypedActualsInput);
  }),
);

resolver.define('getScorecardActuals', ({ payload }) =>
  guarded(async () => {
    await requireJiraAdmin();
    return scorecardActuals(payload as { scorecardId: string; month: string });
  }),
);

resolver.define('getIssueClocks', ({ context }) => guarded(() => issuePanelData(String((context.extension as { issue?: { key?: string } } | undefined)?.issue?.key ?? ''))));

/**
 * Gadgets' edit views list the policies, JSM SLA metrics seen by the sync and scorecards to choose from (names only:
 * no admin rights needed, but a user who may browse no project at all gets nothing).
 */
resolver.define('getChoices', () =>
  guarded(async () => {
    await requireSomeBrowsableProject();
    const [{ config }, jsmMetrics] = await Promise.all([loadConfig(), knownJsmMetrics()]);
    return {
      jsmMetrics,
      policies: (config?.policies ?? []).map((p) => ({ id: p.id, name: p.name })),
      scorecards: (config?.scorecards ?? []).map(scorecardChoice),
    };
  }),
);

defineAdminResolvers(resolver, guarded);

defineAdoptionResolvers(resolver, guarded);

/** Every resolver of a paid install refuses data to a site whose license is inactive (see license.ts). */
export const resolverHandler = requireLicense(resolver.getDefinitions());
