import { z } from 'zod';
import { actualsFromFacts, KpiInputError, kpisOfTree, ScorecardTreeSchema, tatStatistic, type LogFacts, type TatStatistic } from '../../../core';
import { type ConfigProblem, coreProblem } from './problem';

/**
 * A stored scorecard, in the form of the CLI's `--scorecard` file: the core's objective tree (scorecard → perspectives
 * → objectives → KPIs, each KPI with its scoring method) and where each KPI's actual comes from, keyed by KPI id, in
 * the core's source names (`sla:<policy id>`, `tat:median`, `ftr`, `csat` …: docs/SCORING.md, shares 0..1). Its id is
 * the root node's id.
 */
export const ScorecardConfigSchema = z.object({
  tree: ScorecardTreeSchema,
  sources: z.record(z.string(), z.string({ error: 'a source must be text, e.g. sla:<policy id>, tat:median, ftr or csat' })).default({}),
  /**
   * Who may see the scorecard besides Jira admins and its owner: listed people (account ids), members of listed
   * groups (group ids), and anyone who may browse one of the listed projects. None listed: admins and the owner only.
   */
  viewers: z
    .object({
      accounts: z.array(z.string().min(1, { error: 'an account id is not empty' })).default([]),
      groups: z.array(z.string().min(1, { error: 'a group id is not empty' })).default([]),
      projects: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, { error: 'a project key is a letter followed by letters, digits or underscores' })).default([]),
    })
    .default({ accounts: [], groups: [], projects: [] }),
  /** The Atlassian account of the scorecard's owner, who sees its pay and typed actuals as admins do. */
  ownerAccountId: z.string().min(1).nullable().default(null),
});
export type ScorecardConfig = z.output<typeof ScorecardConfigSchema>;
export type ScorecardConfigInput = z.input<typeof ScorecardConfigSchema>;

/** The stored scorecard whose root has this id; undefined when there is none (or no configuration). */
export const scorecardById = (config: { scorecards: readonly ScorecardConfig[] } | null, id: string): ScorecardConfig | undefined =>
  config?.scorecards.find((card) => card.tree.root.id === id);

/** A scorecard as the gadgets' edit views list it: id, name and its KPIs' ids and names. */
export const scorecardChoice = (card: ScorecardConfig) => ({ id: card.tree.root.id, name: card.tree.root.name, kpis: kpisOfTree(card.tree.root).map((k) => ({ id: k.id, name: k.name })) });

/**
 * What the schema cannot check alone: scorecard ids are unique, sources name KPIs of their tree, and each source is one
 * the core reads (asked of the core's own actualsFromFacts, with facts holding every policy of the configuration).
 */
export function checkScorecards(scorecards: readonly ScorecardConfig[], policyIds: ReadonlySet<string>): ConfigProblem[] {
  const errors: ConfigProblem[] = [];
  const ids = new Set<string>();
  scorecards.forEach((card, index) => {
    const { root } = card.tree;
    if (ids.has(root.id)) errors.push({ path: `scorecards.${index}.tree.root.id`, message: `scorecard id "${root.id}" is used twice` });
    ids.add(root.id);
    const kpiIds = new Set(kpisOfTree(root).map((kpi) => kpi.id));
    for (const [kpiId, source] of Object.entries(card.sources)) {
      const path = `scorecards.${index}.sources.${kpiId}`;
      if (!kpiIds.has(kpiId)) errors.push({ path, message: `"${kpiId}" is not a KPI of scorecard "${root.id}"` });
      const problem = sourceProblem(kpiId, source, policyIds);
      if (problem !== null) errors.push(coreProblem(path, problem));
    }
  });
  return errors;
}

/** The core's refusal of this source (null when it reads it). */
function sourceProblem(kpiId: string, source: string, policyIds: ReadonlySet<string>): KpiInputError | null {
  const stats = tatStatisticsOf([source]);
  // JSM's SLA metrics (policy `jsm:<metric>`) are named by JSM and learnt at sync, so any metric name may be a source.
  const jsmMetric = /^sla:(jsm:.+)$/.exec(source.trim())?.[1];
  const known = jsmMetric === undefined ? [...policyIds] : [...policyIds, jsmMetric];
  const probe: LogFacts = {
    compliance: { overall: null, byPolicy: Object.fromEntries(known.map((id) => [id, null])) },
    tatHours: Object.fromEntries(stats.map((stat) => [stat, null])),
  };
  try {
    stats.forEach((stat) => tatStatistic([0], stat as TatStatistic));
    actualsFromFacts({ [kpiId]: source }, probe);
    return null;
  } catch (error) {
    if (!(error instanceof KpiInputError)) throw error;
    return error;
  }
}

/** The TAT statistics sources ask for (`tat:median` → median), for the facts to compute them. */
export const tatStatisticsOf = (sources: readonly string[]): string[] =>
  sources.map((source) => /^tat:(.+)$/.exec(source.trim())?.[1]).filter((stat): stat is string => stat !== undefined);
