import { database } from './database';
import { num, numOrNull } from './rows';

/**
 * Result generations in Forge SQL. The pointer row names the generation the gadgets read; each recompute is a row of
 * its own. Starting a recompute inserts the next number (two saves at once cannot take the same one: the primary key
 * refuses the second, which takes the next), progress updates only its own row, and the switch is one statement that
 * succeeds only for the newest generation: a configuration saved during a recompute starts a newer one, and the
 * older one, when it finishes, can no longer become active. Nothing is read, changed and written back.
 */

export interface SqlGeneration {
  gen: number;
  reason: string;
  startedAt: number;
  token: string | null;
  done: number;
  expected: number;
  lastProgressAt: number;
  completedAt: number | null;
}

export async function activeGenerationSql(): Promise<number> {
  const [row] = await database.select<{ active: unknown }>('SELECT active FROM generation_pointer WHERE id = 1');
  return row ? num(row.active) : 0;
}

type Row = { gen: unknown; reason: string; started_at: unknown; token: string | null; done: unknown; expected: unknown; last_progress_at: unknown; completed_at: unknown };
const generationOf = (row: Row): SqlGeneration => ({ gen: num(row.gen), reason: row.reason, startedAt: num(row.started_at), token: row.token, done: num(row.done), expected: num(row.expected), lastProgressAt: num(row.last_progress_at), completedAt: numOrNull(row.completed_at) });

/** The generation being built: the newest one, when it is newer than the active one and not finished. */
export async function buildingGenerationSql(): Promise<SqlGeneration | null> {
  const [row] = await database.select<Row>(
    'SELECT g.gen, g.reason, g.started_at, g.token, g.done, g.expected, g.last_progress_at, g.completed_at FROM generations g JOIN generation_pointer p ON p.id = 1 WHERE g.gen > p.active AND g.completed_at IS NULL ORDER BY g.gen DESC LIMIT 1',
  );
  return row ? generationOf(row) : null;
}

/** A MySQL-family duplicate-key refusal (ER_DUP_ENTRY 1062), as the driver or Forge SQL words it. */
const isDuplicateKey = (error: unknown): boolean => /Duplicate entry|ER_DUP_ENTRY|1062/.test(error instanceof Error ? error.message : String(error));

/** Starts a recompute into a new generation, numbered after every existing one; returns its number. */
export async function startGenerationSql(reason: string, now: number, expected: number): Promise<number> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const [row] = await database.select<{ top: unknown }>('SELECT GREATEST(COALESCE(MAX(g.gen), 0), COALESCE(MAX(p.active), 0)) AS top FROM generation_pointer p LEFT JOIN generations g ON 1 = 1');
    const gen = num(row?.top ?? 0) + 1;
    try {
      await database.write('INSERT INTO generations (gen, reason, started_at, token, done, expected, last_progress_at, completed_at) VALUES (?, ?, ?, NULL, 0, ?, ?, NULL)', [gen, reason, now, expected, now]);
      return gen;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new Error('could not number a new generation after 10 attempts (generations started at the same time)');
}

/**
 * Records a recomputed page of `gen` that began at `token`: only if the generation's progress is still at that token
 * (a redelivered page changes nothing) and it is unfinished. True when recorded.
 */
export async function recordPageSql(gen: number, token: string | null, count: number, nextToken: string | null, now: number): Promise<boolean> {
  const { affectedRows } = await database.write('UPDATE generations SET done = done + ?, token = ?, last_progress_at = ? WHERE gen = ? AND token <=> ? AND completed_at IS NULL', [count, nextToken, now, gen, token]);
  return affectedRows === 1;
}

/**
 * After the last page: the gadgets switch to `gen` in one statement, only if it is the newest generation (a newer
 * recompute, started by a later save, wins). True when switched; the generation is marked completed either way.
 */
export async function completeGenerationSql(gen: number, now: number): Promise<boolean> {
  const { affectedRows } = await database.write('UPDATE generation_pointer SET active = ? WHERE id = 1 AND active < ? AND ? = (SELECT MAX(gen) FROM generations)', [gen, gen, gen]);
  await database.write('UPDATE generations SET completed_at = ? WHERE gen = ? AND completed_at IS NULL', [now, gen]);
  return affectedRows === 1;
}

/** Deletes up to `limit` rows of generations neither active nor being built; returns how many went. */
export async function deleteRetiredSql(limit: number): Promise<number> {
  const keep = [await activeGenerationSql(), (await buildingGenerationSql())?.gen ?? -1];
  let deleted = 0;
  for (const table of ['cycles', 'tickets', 'cycle_days', 'cycle_months', 'cycle_projects']) {
    if (deleted >= limit) break;
    deleted += (await database.write(`DELETE FROM ${table} WHERE gen NOT IN (?, ?) LIMIT ${Math.max(0, limit - deleted)}`, keep)).affectedRows;
  }
  return deleted;
}

/** The generation the gadgets switched to last, when it came from a recompute. */
export async function lastCompletedSql(): Promise<{ gen: number; completedAt: number; tickets: number } | null> {
  const [row] = await database.select<{ gen: unknown; completed_at: unknown; done: unknown }>('SELECT g.gen, g.completed_at, g.done FROM generations g JOIN generation_pointer p ON p.id = 1 AND p.active = g.gen WHERE g.completed_at IS NOT NULL');
  return row ? { gen: num(row.gen), completedAt: num(row.completed_at), tickets: num(row.done) } : null;
}

/** The hourly run pushed a stalled recompute's page again (or a push failed: 0, so the next run tries). */
export async function markRequeuedSql(gen: number, at: number): Promise<void> {
  await database.write('UPDATE generations SET last_progress_at = ? WHERE gen = ?', [at, gen]);
}

/** Points the gadgets at `gen` (the KVS generation an upgrade copies into SQL). */
export async function setActiveGenerationSql(gen: number): Promise<void> {
  await database.write('UPDATE generation_pointer SET active = ? WHERE id = 1', [gen]);
}
