import { kpisOfTree } from '../../../core';
import type { ScorecardConfig } from '../config/scorecards';
import { AccessError, browsableProjects, isJiraAdmin, myGroupIds } from './permissions';
import type { ScorecardNodeView } from './scorecard-node-view';

/** What a caller may see of a scorecard: everything (admins, the owner), or the scores without pay and typed actuals. */
export type ScorecardAccess = 'full' | 'viewer';

/**
 * Decides, for the calling account, whether it may see this scorecard and how much of it. Cheap checks first: the
 * owner, then Jira admin, then the people, groups and projects of the scorecard's viewer list. Throws AccessError for
 * a caller who is none of them.
 */
export async function scorecardAccess(scorecard: ScorecardConfig, accountId: string | undefined): Promise<ScorecardAccess> {
  if (!accountId) throw new AccessError('sign in to see scorecards');
  if (scorecard.ownerAccountId === accountId || (await isJiraAdmin())) return 'full';
  const { accounts, groups, projects } = scorecard.viewers;
  if (accounts.includes(accountId)) return 'viewer';
  if (groups.length > 0) {
    const mine = await myGroupIds();
    if (groups.some((group) => mine.has(group))) return 'viewer';
  }
  if (projects.length > 0 && (await browsableProjects(projects)).length > 0) return 'viewer';
  throw new AccessError(`you are not among the viewers of scorecard "${scorecard.tree.root.id}"`);
}

/** The KPIs whose actuals an admin types (no source, neither the scorecard's nor the gadget's). */
export const typedKpiIds = (scorecard: ScorecardConfig, gadgetSources: Readonly<Record<string, unknown>>): Set<string> =>
  new Set(kpisOfTree(scorecard.tree.root).map((kpi) => kpi.id).filter((id) => !(id in scorecard.sources) && !(id in gadgetSources)));

/** A viewer's copy of the evaluated tree: no payouts, and the typed KPIs without their value or anything derived from it. */
export function withoutPay(view: ScorecardNodeView, typed: ReadonlySet<string>): ScorecardNodeView {
  return {
    ...view,
    payout: null,
    alerts: view.alerts.map((alert) => ({
      ...alert,
      ...(typed.has(alert.kpiId) ? { kpiPrevious: null, kpiCurrent: null } : {}),
      ...(typed.has(alert.guardId) ? { guardPrevious: null, guardCurrent: null } : {}),
    })),
    kpis: view.kpis.map((kpi) => (typed.has(kpi.id) ? { ...kpi, actual: null, score: null, achievement: null, status: null, contribution: null } : kpi)),
    children: view.children.map((child) => withoutPay(child, typed)),
  };
}
