import { z } from 'zod';
import { APP_LANGUAGES } from '../i18n/language';
import { GROUP_FIELDS } from '../model/group-fields';
import { TREND_PERIODS } from '../model/periods';

/**
 * What the views may send, checked at the boundary: a resolver payload is whatever a browser posts, so each one is
 * parsed before any storage read or Jira call, and a bad one is answered with the field and what was expected.
 */

/** A dashboard names a handful of projects; each costs storage reads per month, so the list is capped. */
const MAX_PROJECTS = 50;

/** Jira project keys: a letter, then letters, digits or underscores (https://support.atlassian.com/jira-cloud-administration/docs/edit-a-projects-details/). */
const ProjectKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,254}$/, { error: 'a project key is a letter followed by letters, digits or underscores' });

/** Duplicates are dropped (each project is counted once), more than MAX_PROJECTS distinct keys refused. */
const ProjectList = z
  .array(ProjectKey)
  .transform((keys) => [...new Set(keys)])
  .refine((keys) => keys.length <= MAX_PROJECTS, { error: `at most ${MAX_PROJECTS} different projects` });

/** Ids and names the configuration holds (policy ids, JSM metric names, scorecard ids): long, but bounded. */
const Id = z.string().min(1).max(1_000);

export const ComplianceQuerySchema = z.object({
  /** An app policy id, or `jsm:<SLA name>` for JSM's own SLA. */
  policyId: Id,
  scope: z.enum(['projects', 'jql']).optional(),
  projects: ProjectList.optional(),
  jql: z.string().max(10_000).optional(),
  groupBy: z.enum(GROUP_FIELDS).nullable().optional(),
  period: z.enum(TREND_PERIODS).optional(),
  periods: z.number().int().min(1).max(104).optional(),
  /** Open tickets due within this many hours are "breaching soon" (at most 90 days ahead). */
  soonHours: z.number().min(0).max(2_160).optional(),
});
export type ComplianceQuery = z.output<typeof ComplianceQuerySchema>;

/** The ticket-level report: one policy's cycles reported in a period of months, filtered, one page at a time. */
export const CycleListQuerySchema = z.object({
  policyId: Id,
  projects: ProjectList.optional(),
  /** The first and last report month (`YYYY-MM`), in the report time zone; default the current month. */
  fromMonth: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  toMonth: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  state: z.enum(['met', 'breached', 'ongoing', 'paused']).optional(),
  /** Only cycles whose ticket has this value in a grouping field (an organization, a team, a request type). */
  group: z.object({ field: z.enum(GROUP_FIELDS), value: z.string().max(255) }).optional(),
  page: z.number().int().min(0).max(100_000).optional(),
  /** `csv`: every matching row (up to the export limit) as CSV text instead of a page. */
  format: z.enum(['page', 'csv']).optional(),
});
export type CycleListQuery = z.output<typeof CycleListQuerySchema>;

/** `month` and `period` are text here: the scorecard resolver answers INVALID_MONTH or INVALID_PERIOD with the value. */
export const ScorecardQuerySchema = z.object({
  scorecardId: Id,
  projects: ProjectList,
  month: z.string().max(32).optional(),
  period: z.string().max(32).optional(),
  sources: z.record(Id, z.string().max(255)).optional(),
});
export type ScorecardQuery = z.output<typeof ScorecardQuerySchema>;

export const CustomerReportQuerySchema = z.object({
  policyId: Id,
  projects: ProjectList.optional(),
  months: z.number().int().min(1).max(24).optional(),
});
export type CustomerReportQuery = z.output<typeof CustomerReportQuerySchema>;

/** A `YYYY-MM` month (months 01-12). */
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'a month is written YYYY-MM, such as 2025-03' });

/** A month of the internal market: the statement and the OLA view beside it read the same projects and month. */
export const MarketMonthQuerySchema = z.object({
  projects: ProjectList.optional(),
  /** Default: the current month of the report time zone. */
  month: Month.optional(),
});
export type MarketMonthQuery = z.output<typeof MarketMonthQuerySchema>;

/** saveCatalogue takes the catalogue under `catalogue`; its content is checked by the core's catalogue schema. */
export const CatalogueEnvelopeSchema = z.object({ catalogue: z.unknown() });

/** `month` is checked by the typed-actuals resolvers, which answer INVALID_MONTH with the value. */
export const ScorecardMonthSchema = z.object({ scorecardId: Id, month: z.unknown() });

export const TypedActualsSchema = z.object({
  scorecardId: Id,
  month: z.unknown(),
  /** KPI id → its value this month; null removes a value typed before (each value is checked against its KPI). */
  values: z.record(Id, z.unknown()).default({}),
});

/** saveConfig and checkConfig take the configuration under `config`; its content is checked by the configuration schema. */
export const ConfigEnvelopeSchema = z.object({ config: z.unknown() });

export const NoPayloadSchema = z.object({});

/** The Jira locale the view was given (`en_US`): only the fallback when no app language was chosen. */
export const AppLanguageQuerySchema = z.object({ locale: z.string().max(35).optional() });

/** A language choice: a language, or null to clear it (then the Jira locale sent along may decide). */
export const LanguageChoiceSchema = AppLanguageQuerySchema.extend({ language: z.enum(APP_LANGUAGES).nullable() });

/** The admin editors' payloads, which each editor checks itself, naming the argument at fault. */
export const AnyPayloadSchema = z.unknown();

/** A payload that does not parse: the first problem, with the field it concerns. */
export class PayloadError extends Error {
  constructor(readonly field: string, message: string) {
    super(field === '' ? message : `${field}: ${message}`);
    this.name = 'PayloadError';
  }
}

export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const parsed = schema.safeParse(payload ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new PayloadError(issue.path.map(String).join('.'), issue.message);
}
