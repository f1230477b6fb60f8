import { CONFIG_SCHEMA_VERSION } from './schema';

/**
 * The first app version stored `{ version: 1, calendars: [{ name, text }], policies, requestTypeField, jql }`.
 * Each migration takes one version to the next and keeps every piece of data (unknown keys ride along).
 */
type StoredConfig = Record<string, unknown>;

const migrations: Record<number, (old: StoredConfig) => StoredConfig> = {
  1: ({ version: _version, calendars, requestTypeField, jql, ...rest }) => ({
    ...rest,
    schemaVersion: 2,
    calendars: Object.fromEntries(((calendars as Array<{ name: string; text: string }>) ?? []).map((c) => [c.name, c.text])),
    fields: { requestType: (requestTypeField as string | undefined) ?? 'customfield_10010', team: null, extra: {} },
    sync: { scopeJql: jql as string },
  }),
};

export const versionOf = (stored: StoredConfig): number =>
  typeof stored.schemaVersion === 'number' ? stored.schemaVersion : typeof stored.version === 'number' ? stored.version : 1;

/** Brings a stored configuration up to the current format; a newer format (a rolled-back app) is refused, not overwritten. */
export function migrateConfig(stored: StoredConfig): { config: StoredConfig; from: number } {
  const from = versionOf(stored);
  if (from > CONFIG_SCHEMA_VERSION) {
    throw new Error(`stored configuration has schemaVersion ${from}, newer than this app understands (${CONFIG_SCHEMA_VERSION}); upgrade the app instead of saving over it`);
  }
  let config = stored;
  for (let version = from; version < CONFIG_SCHEMA_VERSION; version++) config = migrations[version](config);
  return { config, from };
}
