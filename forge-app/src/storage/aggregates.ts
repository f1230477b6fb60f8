import type { CycleState, FieldValue } from '../../../core';
import { GROUP_FIELDS } from '../model/group-fields';
import { type StoredCycle, monthOf, reportedAt, type TicketResult } from '../model/ticket-result';
import { AGGREGATE_SHARDS, decodeSegment, isHashedSegment, keys, segment, shardOf } from './keys';
import { deleteValue, getValue, setValue, valuesWithPrefix } from './store';


const STATE_CODES: Record<CycleState, string> = { met: 'm', breached: 'b', ongoing: 'o', paused: 'p' };
export const STATE_OF_CODE: Record<string, CycleState> = { m: 'met', b: 'breached', o: 'ongoing', p: 'paused' };

/**
 * One cycle in an aggregate bucket: [state code, stopped 0/1, reported instant, one value per GROUP_FIELDS, then for
 * an issue under a security level only: the level's id and the issue's id (SECURED_CYCLE_AT)].
 */
export type CycleEntry = [string, 0 | 1, number, ...Array<string | null>];

/** Where a cycle entry's security level and issue id sit: after the group values. */
export const SECURED_CYCLE_AT = 3 + GROUP_FIELDS.length;

/**
 * One ticket's scorecard facts: [resolved at, wall-clock minutes from creation to resolution, reopened count, rating,
 * organizations (the request's JSM organizations, comma-joined; absent in entries stored before it), then for an
 * issue under a security level only: the level's id and the issue's id].
 */
export type TicketEntry = [number | null, number | null, number, number | null, (string | null)?, string?, string?];

/** Where a ticket entry's security level and issue id sit. */
export const SECURED_TICKET_AT = 5;

/**
 * An issue's security level and the issue's id, as entries keep them (nothing for an issue under no level): readers
 * count a secured entry only when the viewer may browse that level (resolvers/security-levels.ts).
 */
const securedTail = (result: Pick<TicketResult, 'securityLevel' | 'id'>): [string, string] | [] => (result.securityLevel ? [result.securityLevel, result.id] : []);

/** The level and issue id at `at` of an entry, or null for an issue under no level. */
export const securedAt = (entry: readonly unknown[], at: number): { level: string; issueId: string } | null =>
  typeof entry[at] === 'string' && typeof entry[at + 1] === 'string' ? { level: entry[at], issueId: entry[at + 1] as string } : null;

export interface Bucket<E> {
  entries: Record<string, E>;
}

/** Open cycles for the "breached or breaching soon" list: one per ticket and policy. */
export interface OpenEntry {
  key: string;
  /** Jira issue id, for the viewer's issue-level permission check (`permissions/check` takes ids). */
  id?: string;
  /** Display name of the assignee at the last sync. */
  assigneeName?: string | null;
  state: CycleState;
  due: number | null;
  remainingMinutes: number;
  assignee: string | null;
}

/** The scorecard facts live in buckets of this pseudo-policy. */
const TICKETS_FAMILY = '_tickets';

/** A field's value as stored and grouped on: several values sorted and comma-joined (JSM organizations, labels). */
export const groupValue = (value: FieldValue | undefined): string | null => (value === null || value === undefined ? null : typeof value === 'string' ? value : [...value].sort().join(', '));

const cycleEntry = (cycle: StoredCycle, result: Pick<TicketResult, 'fields' | 'securityLevel' | 'id'>): CycleEntry => [
  STATE_CODES[cycle.state],
  cycle.stop === null ? 0 : 1,
  reportedAt(cycle),
  ...GROUP_FIELDS.map((f) => groupValue(result.fields[f])),
  ...securedTail(result),
];

/** Where a ticket's entries go and what they are: bucket key → entry key → entry, and open-index key → entry. */
function placementOf(result: TicketResult, timeZone: string, gen = 0) {
  const buckets = new Map<string, Map<string, unknown>>();
  const put = (bucketKey: string, entryKey: string, entry: unknown) => {
    if (!buckets.has(bucketKey)) buckets.set(bucketKey, new Map());
    buckets.get(bucketKey)!.set(entryKey, entry);
  };
  const shard = shardOf(result.key);
  const counters = new Map<string, number>();
  const open = new Map<string, OpenEntry>();
  for (const cycle of result.cycles) {
    const n = counters.get(cycle.policyId) ?? 0;
    counters.set(cycle.policyId, n + 1);
    put(keys.bucket(cycle.policyId, result.project, monthOf(reportedAt(cycle), timeZone), shard, gen), `${result.key}#${n}`, cycleEntry(cycle, result));
    if (cycle.stop === null) {
      open.set(keys.openIndex(cycle.policyId, result.project, shard, gen), {
        key: result.key,
        state: cycle.state,
        due: cycle.due,
        remainingMinutes: cycle.remainingMinutes,
        assignee: groupValue(result.fields.assignee),
        ...(result.id ? { id: result.id } : {}),
        assigneeName: result.assigneeName ?? null,
      });
    }
  }
  const tatMinutes = result.resolvedAt === null ? null : Math.round((result.resolvedAt - result.created) / 60_000);
  const ticketEntry: TicketEntry = [result.resolvedAt, tatMinutes, result.reopened, result.rating, groupValue(result.fields.organization), ...securedTail(result)];
  put(keys.bucket(TICKETS_FAMILY, result.project, monthOf(result.resolvedAt ?? result.computedAt, timeZone), shard, gen), `${result.key}#0`, ticketEntry);
  return { buckets, open };
}

/** Replaces every entry of `ticketKey` in one bucket by `entries` (none: removal). Idempotent. */
async function replaceInBucket(bucketKey: string, ticketKey: string, entries: Map<string, unknown> | undefined): Promise<void> {
  const bucket = (await getValue<Bucket<unknown>>(bucketKey)) ?? { entries: {} };
  const prefix = `${ticketKey}#`;
  for (const entryKey of Object.keys(bucket.entries)) if (entryKey.startsWith(prefix)) delete bucket.entries[entryKey];
  for (const [entryKey, entry] of entries ?? []) bucket.entries[entryKey] = entry;
  await setValue(bucketKey, bucket);
}

async function replaceInOpenIndex(indexKey: string, ticketKey: string, entry: OpenEntry | undefined): Promise<void> {
  const index = (await getValue<Bucket<OpenEntry>>(indexKey)) ?? { entries: {} };
  delete index.entries[ticketKey];
  if (entry) index.entries[ticketKey] = entry;
  await setValue(indexKey, index);
}

/** A project-month's cycle entries of a policy, with their entry keys (`<ticket>#<n>`): the reader of placementOf's buckets. */
export async function cycleEntriesOf(policyId: string, project: string, month: string, gen: number): Promise<Array<[string, CycleEntry]>> {
  const found: Array<[string, CycleEntry]> = [];
  for (const { value } of await valuesWithPrefix<Bucket<CycleEntry>>(keys.monthPrefix(policyId, project, month, gen))) {
    for (const entry of Object.entries(value.entries)) found.push(entry);
  }
  return found;
}

/** A project-month's ticket entries (the scorecard facts of the tickets resolved, or computed, that month). */
export async function ticketEntriesOf(project: string, month: string, gen: number): Promise<TicketEntry[]> {
  const found: TicketEntry[] = [];
  for (const { value } of await valuesWithPrefix<Bucket<TicketEntry>>(keys.monthPrefix(TICKETS_FAMILY, project, month, gen))) {
    for (const entry of Object.values(value.entries)) found.push(entry);
  }
  return found;
}

/** Every open cycle of a policy in a project: the reader of the open-ticket index, all its shards. */
export async function openEntriesOf(policyId: string, project: string, gen: number): Promise<OpenEntry[]> {
  const found: OpenEntry[] = [];
  for (let shard = 0; shard < AGGREGATE_SHARDS; shard++) {
    const index = await getValue<Bucket<OpenEntry>>(keys.openIndex(policyId, project, shard, gen));
    for (const entry of Object.values(index?.entries ?? {})) found.push(entry);
  }
  return found;
}

export interface StoredTicket extends TicketResult {
  /** Bucket and open-index keys that may hold this ticket's entries. */
  buckets: string[];
  openKeys: string[];
  /** Set while the buckets are being rewritten: a crash leaves it, and the retry redoes every listed bucket. */
  pending: boolean;
}

/**
 * Stores a batch of results so that each replaces its ticket's previous contribution, with one read and one write per
 * bucket and open index they touch (KVS counts writes in 10 KB units, so rewriting a large bucket once per ticket would
 * spend the installation's write quota). Every record is first written pending with all buckets that may hold it (old
 * and new), then each bucket swaps the tickets' entries, then the records are finalised; a crash anywhere is repaired
 * by storing again, and nothing is counted twice. An older result never overwrites a newer one ('stale'); a moved
 * issue (same id, new key) purges its old key first. Failures are per ticket: a
 * ticket whose record or bucket could not be written is returned with its error (and stays pending), the others are
 * stored.
 */
export async function storeTicketResults(results: readonly TicketResult[], timeZone: string, gen = 0): Promise<Map<string, { outcome: 'stored' | 'stale' } | { error: unknown }>> {
  const outcomes = new Map<string, { outcome: 'stored' | 'stale' } | { error: unknown }>();
  const prepared: Array<{ result: TicketResult; previous: StoredTicket | undefined; buckets: Map<string, Map<string, unknown>>; open: Map<string, OpenEntry> }> = [];
  const bucketChanges = new Map<string, Map<string, Map<string, unknown> | undefined>>();
  const openChanges = new Map<string, Map<string, OpenEntry | undefined>>();
  for (const result of results) {
    try {
      const previous = await getValue<StoredTicket>(keys.ticket(result.key, gen));
      if (previous && !previous.pending && previous.updated > result.updated) {
        outcomes.set(result.key, { outcome: 'stale' });
        continue;
      }
      if (result.id) {
        const formerKey = await getValue<{ key: string }>(keys.issueId(result.id, gen));
        if (formerKey && formerKey.key !== result.key) await purgeTicket(formerKey.key, gen);
      }
      const { buckets, open } = placementOf(result, timeZone, gen);
      const allBuckets = [...new Set([...(previous?.buckets ?? []), ...buckets.keys()])];
      const allOpen = [...new Set([...(previous?.openKeys ?? []), ...open.keys()])];
      await setValue<StoredTicket>(keys.ticket(result.key, gen), { ...result, buckets: allBuckets, openKeys: allOpen, pending: true });
      for (const bucketKey of allBuckets) {
        if (!bucketChanges.has(bucketKey)) bucketChanges.set(bucketKey, new Map());
        bucketChanges.get(bucketKey)!.set(result.key, buckets.get(bucketKey));
      }
      for (const indexKey of allOpen) {
        if (!openChanges.has(indexKey)) openChanges.set(indexKey, new Map());
        openChanges.get(indexKey)!.set(result.key, open.get(indexKey));
      }
      prepared.push({ result, previous, buckets, open });
    } catch (error) {
      outcomes.set(result.key, { error });
    }
  }
  const failed = new Map<string, unknown>();
  for (const [bucketKey, changes] of bucketChanges) {
    try {
      const bucket = (await getValue<Bucket<unknown>>(bucketKey)) ?? { entries: {} };
      for (const [ticketKey, entries] of changes) {
        const prefix = `${ticketKey}#`;
        for (const entryKey of Object.keys(bucket.entries)) if (entryKey.startsWith(prefix)) delete bucket.entries[entryKey];
        for (const [entryKey, entry] of entries ?? []) bucket.entries[entryKey] = entry;
      }
      await setValue(bucketKey, bucket);
    } catch (error) {
      for (const ticketKey of changes.keys()) failed.set(ticketKey, error);
    }
  }
  for (const [indexKey, changes] of openChanges) {
    try {
      const index = (await getValue<Bucket<OpenEntry>>(indexKey)) ?? { entries: {} };
      for (const [ticketKey, entry] of changes) {
        delete index.entries[ticketKey];
        if (entry) index.entries[ticketKey] = entry;
      }
      await setValue(indexKey, index);
    } catch (error) {
      for (const ticketKey of changes.keys()) failed.set(ticketKey, error);
    }
  }
  for (const { result, previous, buckets, open } of prepared) {
    if (failed.has(result.key)) {
      outcomes.set(result.key, { error: failed.get(result.key) });
      continue;
    }
    try {
      if (result.id && previous?.id !== result.id) await setValue(keys.issueId(result.id, gen), { key: result.key });
      await setValue<StoredTicket>(keys.ticket(result.key, gen), { ...result, buckets: [...buckets.keys()], openKeys: [...open.keys()], pending: false });
      outcomes.set(result.key, { outcome: 'stored' });
    } catch (error) {
      outcomes.set(result.key, { error });
    }
  }
  return outcomes;
}

/**
 * Removes a ticket (deleted in Jira, moved to a new key, or out of scope): its entries leave every bucket and open
 * index its record lists, then the record goes. Idempotent: a crash midway is repaired by purging again.
 */
export async function purgeTicket(issueKey: string, gen = 0): Promise<boolean> {
  const previous = await getValue<StoredTicket>(keys.ticket(issueKey, gen));
  if (!previous) return false;
  for (const bucketKey of previous.buckets) await replaceInBucket(bucketKey, issueKey, undefined);
  for (const indexKey of previous.openKeys) await replaceInOpenIndex(indexKey, issueKey, undefined);
  if (previous.id) {
    const mapped = await getValue<{ key: string }>(keys.issueId(previous.id, gen));
    if (mapped?.key === issueKey) await deleteValue(keys.issueId(previous.id, gen));
  }
  await deleteValue(keys.ticket(issueKey, gen));
  return true;
}

/** Adds JSM SLA metric names to the list the edit views offer; writes only when a name is new (idempotent). */
export async function rememberJsmMetrics(names: Iterable<string>): Promise<void> {
  const stored = (await getValue<{ names: string[] }>(keys.jsmMetrics)) ?? { names: [] };
  const all = new Set(stored.names);
  const before = all.size;
  for (const name of names) all.add(name);
  if (all.size !== before) await setValue(keys.jsmMetrics, { names: [...all].sort() });
}

export async function knownJsmMetrics(): Promise<string[]> {
  return (await getValue<{ names: string[] }>(keys.jsmMetrics))?.names ?? [];
}

/** Records the names behind hashed key segments (names too long to encode in a key), written only when one is new. */
export async function rememberSegmentNames(names: Iterable<string>): Promise<void> {
  const table = (await getValue<{ names: Record<string, string> }>(keys.nameTable)) ?? { names: {} };
  let added = false;
  for (const name of names) {
    const seg = segment(name);
    if (isHashedSegment(seg) && table.names[seg] !== name) {
      table.names[seg] = name;
      added = true;
    }
  }
  if (added) await setValue(keys.nameTable, table);
}

/**
 * The name a key segment stands for: decoded, or looked up in the name table for a hashed one.
 * @internal Exported for its tests.
 */
export async function nameOfSegment(seg: string): Promise<string | null> {
  if (!isHashedSegment(seg)) return decodeSegment(seg);
  return (await getValue<{ names: Record<string, string> }>(keys.nameTable))?.names[seg] ?? null;
}
