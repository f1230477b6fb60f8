import { z } from 'zod';
import { CalendarError, compileCalendar, createSlaClock, parseCalendarText, SlaError, SlaPolicySchema, TimeZoneSchema, type WorkCalendar } from '../../../core';
import { CONFIG_SCHEMA_VERSION, migrateConfig } from './migrate';
import { type ConfigProblem, coreProblem } from './problem';
import { checkScorecards, ScorecardConfigSchema } from './scorecards';

/** Which Jira field feeds each core ticket field; the request type and team fields are custom fields per site. */
export const FieldMapSchema = z.object({
  requestType: z.string().min(1, { message: 'name the request type field (for JSM: customfield_10010)' }).default('customfield_10010'),
  team: z.string().min(1).nullable().default(null),
  /** Further core fields read from Jira fields, e.g. `requestDate` → `customfield_10050` for a retroactive start. */
  extra: z.record(z.string().min(1), z.string().min(1)).default({}),
});

const SyncSettingsSchema = z.object({
  /** The issues the app measures, as JQL without ORDER BY (the sync adds the `updated` bound). */
  scopeJql: z
    .string()
    .min(1, { message: 'give the JQL of the issues to measure, e.g. project in (IT, HR)' })
    .refine((jql) => !/order\s+by/i.test(jql), { message: 'leave out ORDER BY: the sync orders by updated itself' }),
  readJsmSla: z.boolean().default(true),
  readFeedback: z.boolean().default(true),
  /** Zone whose calendar days the reporting periods follow. */
  reportTimeZone: TimeZoneSchema.default('UTC'),
});

const AppConfigSchema = z.object({
  schemaVersion: z.literal(CONFIG_SCHEMA_VERSION),
  /** Calendar name → its text form (`Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN`). */
  calendars: z.record(z.string().min(1), z.string().min(1)).default({}),
  policies: z.array(SlaPolicySchema).default([]),
  scorecards: z.array(ScorecardConfigSchema).default([]),
  fields: FieldMapSchema.default({ requestType: 'customfield_10010', team: null, extra: {} }),
  sync: SyncSettingsSchema,
});

export type AppConfig = z.output<typeof AppConfigSchema>;
export type AppConfigInput = z.input<typeof AppConfigSchema>;

/** `input` is what was checked: the given configuration brought up to the current format (what saving stores). */
export type ConfigCheck = { ok: true; config: AppConfig; input: AppConfigInput } | { ok: false; errors: ConfigProblem[] };

/**
 * Validates a configuration with the core's own schemas, then checks what the schemas cannot see alone: every
 * calendar text parses, every goal names a known calendar, scorecard sources name KPIs and policies. An older format
 * (a JSON export of an earlier version) is migrated first. All problems are returned, each with its path.
 */
export function checkConfig(given: unknown): ConfigCheck {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) return { ok: false, errors: [{ path: '', message: 'the configuration must be a JSON object' }] };
  let input: Record<string, unknown>;
  try {
    input = migrateConfig(given as Record<string, unknown>).config;
  } catch (error) {
    return { ok: false, errors: [{ path: 'schemaVersion', message: error instanceof Error ? error.message : String(error) }] };
  }
  const parsed = AppConfigSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
  }
  const config = parsed.data;
  const errors: ConfigProblem[] = [];
  const calendars: Record<string, WorkCalendar> = {};
  for (const [name, text] of Object.entries(config.calendars)) {
    try {
      calendars[name] = compileCalendar(parseCalendarText(text, 'UTC'));
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      errors.push(coreProblem(`calendars.${name}`, error));
    }
  }
  config.policies.forEach((policy, index) => {
    try {
      createSlaClock(policy, calendars);
    } catch (error) {
      if (!(error instanceof SlaError)) throw error;
      // A goal naming a broken calendar is reported on the calendar, not twice.
      if (!(error.field.endsWith('.calendar') && policy.goals.some((g) => g.calendar in config.calendars && !(g.calendar in calendars)))) {
        errors.push(coreProblem(`policies.${index}.${error.field}`, error));
      }
    }
  });
  const ids = new Set<string>();
  config.policies.forEach((policy, index) => {
    // Any text works as an id (storage keys encode it), but these would be read as something else.
    if (policy.id.trim() === '') errors.push({ path: `policies.${index}.id`, message: 'a policy id needs at least one character other than spaces' });
    else if (policy.id !== policy.id.trim()) errors.push({ path: `policies.${index}.id`, message: `policy id "${policy.id}" starts or ends with spaces; remove them` });
    if (policy.id.startsWith('jsm:')) errors.push({ path: `policies.${index}.id`, message: 'policy ids starting with "jsm:" are reserved for JSM\'s own SLA metrics' });
    if (policy.id === '_tickets') errors.push({ path: `policies.${index}.id`, message: 'policy id "_tickets" is reserved by the app' });
    if (ids.has(policy.id)) errors.push({ path: `policies.${index}.id`, message: `policy id "${policy.id}" is used twice` });
    ids.add(policy.id);
  });
  errors.push(...checkScorecards(config.scorecards, ids));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config, input: input as AppConfigInput };
}
