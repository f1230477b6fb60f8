import type { AppConfigInput, FieldError } from '../config/schema';

/** The admin page's text fields; the configuration is edited as text and rebuilt on save. */
export interface AdminForm {
  calendars: string;
  scopeJql: string;
  requestTypeField: string;
  teamField: string;
  policies: string;
  scorecards: string;
}

export type AdminField = keyof AdminForm;

export const formOf = (input: AppConfigInput | null): AdminForm => ({
  calendars: Object.entries(input?.calendars ?? {}).map(([name, text]) => `${name} = ${text}`).join('\n'),
  scopeJql: input?.sync.scopeJql ?? '',
  requestTypeField: input?.fields?.requestType ?? 'customfield_10010',
  teamField: input?.fields?.team ?? '',
  policies: JSON.stringify(input?.policies ?? [], null, 2),
  scorecards: JSON.stringify(input?.scorecards ?? [], null, 2),
});

/** The form back into a configuration, keeping settings the page does not show; JSON that does not parse is a field error. */
export function configOf(form: AdminForm, previous: AppConfigInput | null, invalidJson: string): { config: AppConfigInput } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  // Not checked here: saveConfig validates the whole configuration against its schema and answers field errors.
  const json = <F extends 'policies' | 'scorecards'>(field: F) => {
    try {
      return JSON.parse(form[field] || '[]') as NonNullable<AppConfigInput[F]>;
    } catch {
      errors.push({ path: field, message: invalidJson });
      return [];
    }
  };
  const calendars = Object.fromEntries(
    form.calendars.split('\n').filter((line) => line.trim()).map((line) => {
      const at = line.indexOf('=');
      return at < 0 ? [line.trim(), ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }),
  );
  const policies = json('policies');
  const scorecards = json('scorecards');
  if (errors.length > 0) return { errors };
  return {
    config: {
      ...previous,
      schemaVersion: 2,
      calendars,
      policies,
      scorecards,
      fields: { ...previous?.fields, requestType: form.requestTypeField, team: form.teamField.trim() || null },
      sync: { ...previous?.sync, scopeJql: form.scopeJql },
    },
  };
}

const FIELD_OF_PATH: Array<[string, AdminField]> = [
  ['calendars', 'calendars'],
  ['policies', 'policies'],
  ['scorecards', 'scorecards'],
  ['sync.scopeJql', 'scopeJql'],
  ['fields.requestType', 'requestTypeField'],
  ['fields.team', 'teamField'],
];

/** Server errors grouped by the form field they belong to, each message prefixed by its path inside that field. */
export function errorsByField(errors: readonly FieldError[]): Partial<Record<AdminField, string[]>> {
  const grouped: Partial<Record<AdminField, string[]>> = {};
  for (const error of errors) {
    const match = FIELD_OF_PATH.find(([prefix]) => error.path === prefix || error.path.startsWith(`${prefix}.`));
    const field = match?.[1] ?? 'scopeJql';
    const inner = match ? error.path.slice(match[0].length + 1) : error.path;
    (grouped[field] ??= []).push(inner ? `${inner}: ${error.message}` : error.message);
  }
  return grouped;
}
