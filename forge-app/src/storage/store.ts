import { kvs, WhereConditions } from '@forge/kvs';

/** KVS value limit: the app checks it before writing so a too-large value fails with a clear message. */
export const MAX_VALUE_BYTES = 240 * 1024;

export async function getValue<T>(key: string): Promise<T | undefined> {
  return kvs.get<T>(key);
}

export async function setValue<T>(key: string, value: T): Promise<void> {
  const bytes = Buffer.byteLength(JSON.stringify(value));
  if (bytes > MAX_VALUE_BYTES) throw new RangeError(`KVS value for ${key} is ${bytes} bytes, over the ${MAX_VALUE_BYTES}-byte limit`);
  await kvs.set(key, value);
}

/** Every value whose key begins with `prefix`, following the query cursor. */
export async function valuesWithPrefix<T>(prefix: string): Promise<Array<{ key: string; value: T }>> {
  const found: Array<{ key: string; value: T }> = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<T>();
    found.push(...page.results.map(({ key, value }) => ({ key, value })));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}
