import { keys } from '../storage/keys';
import { getValue, setValue } from '../storage/store';
import { migrateConfig } from './migrate';
import type { ConfigProblem } from './problem';
import { type AppConfig, type AppConfigInput, checkConfig } from './schema';

export interface LoadedConfig {
  /** Validated configuration, or null before an admin saved one. */
  config: AppConfig | null;
  /** The stored form (as the admin typed it: `8h`, calendar texts), migrated to the current version. */
  input: AppConfigInput | null;
  /** Problems of a stored configuration that no longer validates (a core rule got stricter): shown on the admin page. */
  errors: ConfigProblem[];
}

/**
 * Reads the configuration, migrating an older format: the old value is first copied to a backup key and the migrated
 * one written back, so nothing is lost even if the migration turns out wrong.
 */
export async function loadConfig(): Promise<LoadedConfig> {
  const stored = await getValue<Record<string, unknown>>(keys.config);
  if (stored === undefined) return { config: null, input: null, errors: [] };
  const { config: migrated, from } = migrateConfig(stored);
  if (migrated !== stored) {
    await setValue(keys.configBackup(from), stored);
    await setValue(keys.config, migrated);
  }
  const check = checkConfig(migrated);
  return check.ok
    ? { config: check.config, input: migrated as AppConfigInput, errors: [] }
    : { config: null, input: migrated as AppConfigInput, errors: check.errors };
}

/** Validates and stores (in the current format: an older export is migrated); nothing is written when any field is wrong. */
export async function saveConfig(input: unknown): Promise<{ ok: true } | { ok: false; errors: ConfigProblem[] }> {
  const check = checkConfig(input);
  if (!check.ok) return check;
  await setValue(keys.config, check.input);
  return { ok: true };
}
