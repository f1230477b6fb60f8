import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import { runtime } from '../runtime';
import { checkedKey } from './keys';

/** KVS value limit: the app checks it before writing so a too-large value fails with a clear message. */
const MAX_VALUE_BYTES = 240 * 1024;

/** KVS queries return at most 20 values a page (https://developer.atlassian.com/platform/forge/runtime-reference/storage-api-query/). */
const KVS_PAGE_LIMIT = 20;

/** Attempts per KVS call: rate limits (429) and server errors are transient; a 4xx such as INVALID_KEY is not. */
const KVS_ATTEMPTS = 5;

/** A KVS failure worth retrying: 429 RATE_LIMIT_EXCEEDED, 5xx, or a failure with no answer at all (network, timeout). */
function isTransientKvsError(error: unknown): boolean {
  if (error instanceof RangeError) return false;
  if (error instanceof ForgeKvsAPIError) {
    const status = error.responseDetails?.status ?? 0;
    return status === 429 || status >= 500;
  }
  return true;
}

async function withRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= KVS_ATTEMPTS || !isTransientKvsError(error)) throw error;
      await runtime.sleep(Math.min(5_000, 100 * 2 ** (attempt - 1)));
    }
  }
}

export async function getValue<T>(key: string): Promise<T | undefined> {
  checkedKey(key);
  return withRetry(() => kvs.get<T>(key));
}

export async function setValue<T>(key: string, value: T): Promise<void> {
  checkedKey(key);
  const bytes = Buffer.byteLength(JSON.stringify(value));
  if (bytes > MAX_VALUE_BYTES) throw new RangeError(`KVS value for ${key} is ${bytes} bytes, over the ${MAX_VALUE_BYTES}-byte limit`);
  await withRetry(() => kvs.set(key, value));
}

/**
 * Writes a value only if its key does not exist yet, atomically (`keyPolicy: 'FAIL_IF_EXISTS'`,
 * https://developer.atlassian.com/platform/forge/runtime-reference/storage-api-basic-api/). True when this call
 * created it; false when the key was already there, which is read back rather than inferred from the error code (a
 * retried write that had in fact succeeded finds its own value and counts as created).
 */
export async function createValue<T>(key: string, value: T): Promise<boolean> {
  checkedKey(key);
  try {
    await withRetry(() => kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' }));
    return true;
  } catch (error) {
    if (!(error instanceof ForgeKvsAPIError)) throw error;
    const existing = await getValue<T>(key);
    if (existing === undefined) throw error;
    return JSON.stringify(existing) === JSON.stringify(value);
  }
}

export async function deleteValue(key: string): Promise<void> {
  checkedKey(key);
  await withRetry(() => kvs.delete(key));
}

/** Every value whose key begins with `prefix` (at most `max`), following the query cursor. */
export async function valuesWithPrefix<T>(prefix: string, max = Number.POSITIVE_INFINITY): Promise<Array<{ key: string; value: T }>> {
  const found: Array<{ key: string; value: T }> = [];
  let cursor: string | undefined;
  do {
    if (found.length >= max) return found.slice(0, max);
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(KVS_PAGE_LIMIT);
    if (cursor) query = query.cursor(cursor);
    const page = await withRetry(() => query.getMany<T>());
    found.push(...page.results.map(({ key, value }) => ({ key, value })));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

/**
 * The keys beginning with `prefix`, in key order, a KVS page (≤ 20) at a time, without holding every value in memory.
 * Cursors live only within this walk: the platform says not to persist them.
 */
export async function* keyPagesWithPrefix(prefix: string): AsyncGenerator<{ keys: string[]; nextCursor: string | undefined }> {
  let next: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(KVS_PAGE_LIMIT);
    if (next) query = query.cursor(next);
    const page = await withRetry(() => query.getMany<unknown>());
    next = page.nextCursor;
    yield { keys: page.results.map(({ key }) => key), nextCursor: next };
  } while (next);
}

export async function countWithPrefix(prefix: string): Promise<number> {
  let count = 0;
  for await (const page of keyPagesWithPrefix(prefix)) count += page.keys.length;
  return count;
}
