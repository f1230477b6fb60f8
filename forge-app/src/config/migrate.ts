import { PerspectiveScorecardSchema, treeOfScorecard } from './perspective-scorecard';

/** The configuration format this app version writes; older formats are migrated on read and on save. */
export const CONFIG_SCHEMA_VERSION = 3;

/**
 * The first app version stored `{ version: 1, calendars: [{ name, text }], policies, requestTypeField, jql }`;
 * version 2 stored scorecards in the perspective form (`perspectiveWeights`, `kpis`, cascaded `children`).
 * Each migration takes one version to the next and keeps every piece of data (unknown keys ride along).
 */
type StoredConfig = Record<string, unknown>;

/**
 * A version 2 scorecard as `{ tree, sources }` with no sources (a v2 gadget keeps its own `kpiId=source` lines). One
 * that no longer parses, or is already a tree (an import labelled v2), is kept as it is: the check then reports it.
 */
function scorecardAsTree(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || 'tree' in stored) return stored;
  const legacy = PerspectiveScorecardSchema.safeParse(stored);
  if (!legacy.success) return stored;
  try {
    return { tree: treeOfScorecard(legacy.data), sources: {} };
  } catch {
    // A scorecard with nothing to score (no KPI, or every perspective weighing 0) has no tree: kept for the check to report.
    return stored;
  }
}

const migrations: Record<number, (old: StoredConfig) => StoredConfig> = {
  1: ({ version: _version, calendars, requestTypeField, jql, ...rest }) => ({
    ...rest,
    schemaVersion: 2,
    calendars: Object.fromEntries(((calendars as Array<{ name: string; text: string }>) ?? []).map((c) => [c.name, c.text])),
    fields: { requestType: (requestTypeField as string | undefined) ?? 'customfield_10010', team: null, extra: {} },
    sync: { scopeJql: jql as string },
  }),
  2: ({ scorecards, ...rest }) => ({
    ...rest,
    schemaVersion: 3,
    ...(scorecards === undefined ? {} : { scorecards: Array.isArray(scorecards) ? scorecards.map(scorecardAsTree) : scorecards }),
  }),
};

const versionOf = (stored: StoredConfig): number =>
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
