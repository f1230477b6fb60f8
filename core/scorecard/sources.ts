import { type CoreMessage, said } from '../i18n/error-catalogue';
import { KpiInputError } from '../kpi/errors';
import { reopenRate } from '../kpi/ratios';
import type { KpiValues } from './values';

/**
 * What the report of a ticket log gives (the CLI's report, the Forge sync's aggregates), as the scorecard reads it.
 * Shares are 0..1, iNPS −100..100, turnaround in working hours. A figure the data does not have is null or left out.
 */
export interface LogFacts {
  /** SLA compliance, met ÷ (met + breached + open late): overall and per policy id. */
  compliance: { overall: number | null; byPolicy?: Readonly<Record<string, number | null>> };
  /** Turnaround of completed cycles in working hours, by statistic: `median`, `p90` … */
  tatHours?: Readonly<Record<string, number | null>>;
  /** Tickets that reached a stop status, and those of them reopened later. */
  resolved?: number;
  reopened?: number;
  /** From a rating column: CSAT (share of 4-5 on 1-5) or iNPS (0-10 answers). */
  csat?: number | null;
  inps?: number | null;
}

/**
 * Where a KPI's actual comes from: `sla` (compliance overall), `sla:<policy id>` (any id, colons included: `sla:jsm:<metric>`
 * reads a JSM SLA metric the report holds as policy `jsm:<metric>`), `tat:median` or `tat:p<N>`
 * (working hours), `ftr` (first time right: resolved tickets never reopened), `reopen` (reopen rate), `csat`, `inps`.
 */
export type KpiSource = string;

const FN = 'actualsFromFacts';
const SOURCES_HELP = 'sla, sla:<policy id>, tat:median, tat:p<N>, ftr, reopen, csat or inps';

/** First time right and reopen rate from the resolved and reopened counts; null when nothing was resolved. */
function reopenShare(facts: LogFacts): number | null {
  if (facts.resolved === undefined || facts.resolved === 0) return null;
  return reopenRate(facts.reopened ?? 0, facts.resolved);
}

/**
 * Each KPI's actual from the log's facts, by its source (`sources`: KPI id → source). A figure the data does not have
 * (no ratings, nothing resolved) is null, so the scorecard's missing-data policy decides. Errors name the KPI's
 * source: an unknown source, a policy or TAT statistic the facts do not have.
 */
export function actualsFromFacts(sources: Readonly<Record<string, KpiSource>>, facts: LogFacts): KpiValues {
  return Object.fromEntries(Object.entries(sources).map(([id, source]) => [id, actualOf(`sources.${id}`, source, facts)]));
}

function policyCompliance(source: string, policyId: string, facts: LogFacts, bad: (why: CoreMessage) => Error): number | null {
  const byPolicy = facts.compliance.byPolicy ?? {};
  if (!(policyId in byPolicy)) throw bad(said('kpi.sourceNoPolicy', { source, policy: policyId, policies: Object.keys(byPolicy).join(', ') }));
  return byPolicy[policyId];
}

function actualOf(argument: string, source: KpiSource, facts: LogFacts): number | null {
  if (typeof source !== 'string') throw new KpiInputError(FN, argument, said('kpi.sourceNotText', { sources: SOURCES_HELP }));
  const trimmed = source.trim();
  const bad = (why: CoreMessage) => new KpiInputError(FN, argument, why);
  // A policy id may itself hold colons (a JSM SLA metric is the policy `jsm:<metric>`), so `sla:` takes all the rest.
  if (trimmed.startsWith('sla:')) return policyCompliance(source, trimmed.slice('sla:'.length), facts, bad);
  const [kind, detail, ...rest] = trimmed.split(':');
  if (rest.length > 0) throw bad(said('kpi.unknownSource', { source, sources: SOURCES_HELP }));
  switch (kind) {
    case 'sla':
      return facts.compliance.overall;
    case 'tat': {
      const tat = facts.tatHours ?? {};
      if (detail === undefined || !(detail in tat)) throw bad(said('kpi.sourceNoStatistic', { source, statistics: Object.keys(tat).map((s) => `tat:${s}`).join(', ') }));
      return tat[detail];
    }
    case 'ftr':
    case 'reopen': {
      if (detail !== undefined) throw bad(said('kpi.sourceNoDetail', { source, kind }));
      const share = reopenShare(facts);
      return share === null ? null : kind === 'ftr' ? 1 - share : share;
    }
    case 'csat':
    case 'inps':
      if (detail !== undefined) throw bad(said('kpi.sourceNoDetail', { source, kind }));
      return facts[kind] ?? null;
    default:
      throw bad(said('kpi.unknownSource', { source, sources: SOURCES_HELP }));
  }
}
