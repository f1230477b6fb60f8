import Resolver from '@forge/resolver';
import { loadConfig, saveConfig } from '../config/store';
import { knownJsmMetrics } from '../storage/aggregates';
import { retryFailedNow, syncHealth } from '../sync/health';
import { loadSyncState } from '../sync/state';
import { complianceData, type ComplianceQuery } from './compliance';
import { issuePanelData } from './issue-panel';
import { AccessError, requireJiraAdmin, requireSomeBrowsableProject } from './permissions';
import { scorecardData, type ScorecardQuery } from './scorecard';

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
    const [loaded, sync, health] = await Promise.all([loadConfig(), loadSyncState(), syncHealth()]);
    return { input: loaded.input, errors: loaded.errors, sync, health };
  }),
);

/** The admin page's "retry now": every failing ticket is queued at once instead of waiting for its back-off. */
resolver.define('retryFailedNow', () =>
  guarded(async () => {
    await requireJiraAdmin();
    return retryFailedNow();
  }),
);

resolver.define('saveConfig', ({ payload }) =>
  guarded(async () => {
    await requireJiraAdmin();
    return saveConfig((payload as { config: unknown }).config);
  }),
);

resolver.define('getCompliance', ({ payload }) => guarded(() => complianceData(payload as ComplianceQuery)));

resolver.define('getScorecard', ({ payload }) => guarded(() => scorecardData(payload as ScorecardQuery)));

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
      scorecards: (config?.scorecards ?? []).map((s) => ({ id: s.id, name: s.name, kpis: s.kpis.map((k) => ({ id: k.id, name: k.name })) })),
    };
  }),
);

export const resolverHandler = resolver.getDefinitions();
