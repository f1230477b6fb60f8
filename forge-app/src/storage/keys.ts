import { createHash } from 'node:crypto';

/**
 * Every KVS key the app writes, in one place. Forge's KVS accepts keys of 1 to 500 characters matching
 * `/^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/` (https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs):
 * names that come from people (policy ids, JSM SLA metric names) are encoded into that alphabet by `segment`.
 */
const MAX_KEY_LENGTH = 500;
const KVS_KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

/** Throws a RangeError naming the key when KVS would refuse it, so the failure says what and where. */
export function checkedKey(key: string): string {
  if (key.length > MAX_KEY_LENGTH) throw new RangeError(`KVS key longer than ${MAX_KEY_LENGTH} characters (${key.length}): ${key.slice(0, 60)}…`);
  if (key.length < 2) throw new RangeError(`KVS key must have at least 2 characters: ${JSON.stringify(key)}`);
  if (!KVS_KEY_PATTERN.test(key)) throw new RangeError(`KVS key has characters outside [a-zA-Z0-9:._ -#]: ${JSON.stringify(key.slice(0, 80))}`);
  return key;
}

/** Names whose encoded form is longer than this are stored by hash (with a name table entry). */
const MAX_SEGMENT_LENGTH = 120;
const RAW = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A name as one key segment, injective: plain names (`resolve`, `_tickets`) stay as they are; any other name becomes
 * `#` followed by its characters, each outside [A-Za-z0-9.-] written as `_` and 4 hex digits of its UTF-16 unit
 * (reversible, see `decodeSegment`); an encoding longer than 120 characters becomes `##` and 40 hex digits of the
 * name's SHA-256, and `hashedNames` says to record it in the name table. No segment contains `:`.
 */
export function segment(name: string): string {
  if (name.length === 0) throw new RangeError('a key segment needs a non-empty name');
  if (RAW.test(name)) return name;
  let encoded = '#';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    encoded += /[A-Za-z0-9.-]/.test(ch) ? ch : `_${name.charCodeAt(i).toString(16).padStart(4, '0')}`;
    if (encoded.length > MAX_SEGMENT_LENGTH) return `##${createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 40)}`;
  }
  return encoded;
}

export const isHashedSegment = (seg: string): boolean => seg.startsWith('##');

/** The name a `segment` came from; hashed segments need the name table (`keys.nameTable`). */
export function decodeSegment(seg: string): string | null {
  if (isHashedSegment(seg)) return null;
  if (!seg.startsWith('#')) return seg;
  return seg.slice(1).replace(/_([0-9a-f]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const genPrefix = (gen: number): string => {
  if (!Number.isSafeInteger(gen) || gen < 0) throw new RangeError(`a generation is a whole number ≥ 0, got ${gen}`);
  return gen === 0 ? '' : `g${gen}:`;
};

/** Shards per aggregate bucket: spreads one busy project-month over several values to stay under 240 KiB each. */
export const AGGREGATE_SHARDS = 8;

/** Audit keys count down from this instant (year 2286), so a prefix query lists the newest first. */
const AUDIT_TIME_BASE = 9_999_999_999_999;

export const keys = {
  config: 'config',
  /** The internal market's service catalogue, as the admin saved it (validated against the policies when read). */
  marketCatalogue: 'market-catalogue',
  configBackup: (version: number) => checkedKey(`config-backup:v${version}`),
  syncState: 'sync:state',
  /** Counters the consumers add to: tickets processed and failed, last event. */
  consumed: 'sync:consumed',
  /** The Jira requests a second the consumers pace the app at, learned from 429s (sync/jira-pace.ts): `{ perSecond }`. */
  jiraPace: 'sync:jira-pace',
  /** Names of the JSM SLA metrics the sync has seen, for the gadgets' edit views: `{ names: string[] }`. */
  jsmMetrics: 'jsm-metrics',
  /** Hashed segment → the name it stands for (`{ names: Record<string, string> }`), for reading keys back. */
  nameTable: 'names',
  /** The failure ledger: one entry per ticket whose last sync attempt failed. */
  failure: (issueKey: string) => checkedKey(`fail:${issueKey}`),
  failurePrefix: 'fail:',
  /** Which generation of results the gadgets read, and the one being recomputed. */
  generations: 'gen:state',
  /** The configuration a generation was computed with, kept while a newer generation is being built. */
  generationConfig: (gen: number) => checkedKey(`gen-config:${gen}`),
  // Derived data lives in a generation: generation 0 unprefixed (as stored before generations existed), generation n
  // under `g<n>:`. A recompute fills a new generation while the gadgets read the old one, then they switch at once.
  ticket: (issueKey: string, gen = 0) => checkedKey(`${genPrefix(gen)}ticket:${issueKey}`),
  ticketPrefix: (gen = 0) => `${genPrefix(gen)}ticket:`,
  openPrefix: (gen = 0) => `${genPrefix(gen)}open:`,
  /** Issue id → the key the ticket was last stored under: a moved issue keeps its id and gets a new key. */
  issueId: (id: string, gen = 0) => checkedKey(`${genPrefix(gen)}issue-id:${id}`),
  /** Compliance entries of one policy (or `jsm:<SLA name>`), project and reporting month, split by shard. */
  bucket: (policyId: string, project: string, month: string, shard: number, gen = 0) => checkedKey(`${genPrefix(gen)}agg:${segment(policyId)}:${project}:${month}:${shard}`),
  monthPrefix: (policyId: string, project: string, month: string, gen = 0) => checkedKey(`${genPrefix(gen)}agg:${segment(policyId)}:${project}:${month}:`),
  openIndex: (policyId: string, project: string, shard: number, gen = 0) => checkedKey(`${genPrefix(gen)}open:${segment(policyId)}:${project}:${shard}`),
  /** The index of alert due times: one entry per alert, in 5-minute buckets (`alerts.ts`), read by the alert trigger. */
  alertDue: (bucket: number, alertId: string) => checkedKey(`alert-due:${bucket}:${alertId}`),
  alertDuePrefix: (bucket: number) => `alert-due:${bucket}:`,
  /** The last bucket of the index the alert trigger finished. */
  alertCursor: 'alert-cursor',
  /** Which of an alert's actions were carried out: written before the first, completed after the last. */
  alertFired: (alertId: string) => checkedKey(`alert-fired:${alertId}`),
  /** The audit list, newest first (the key leads with the time counted down). */
  alertAudit: (firedAt: number, alertId: string) => checkedKey(`alert-audit:${String(AUDIT_TIME_BASE - firedAt).padStart(15, '0')}:${alertId}`),
  alertAuditPrefix: 'alert-audit:',
  /** Fingerprint of the SLA state property last written to the issue in Jira (not per generation: Jira holds one). */
  slaProperty: (issueKey: string) => checkedKey(`sla-prop:${issueKey}`),
  /** iNPS answers of one project and answer month, split by shard like the aggregates. */
  inpsBucket: (project: string, month: string, shard: number) => checkedKey(`inps:${project}:${month}:${shard}`),
  inpsMonthPrefix: (project: string, month: string) => checkedKey(`inps:${project}:${month}:`),
  /** One requester's answer on one request (account ids are people's ids: encoded as a segment). */
  inpsAnswer: (issueKey: string, accountId: string) => checkedKey(`inps-answer:${issueKey}:${segment(accountId)}`),
  /** The app language an administrator set for the site (`{ language }`). */
  siteLanguage: 'app-language:site',
  /** One user's own app language (account ids are people's ids: encoded as a segment). */
  userLanguage: (accountId: string) => checkedKey(`app-language:user:${segment(accountId)}`),
  /** Every key prefix of a generation's derived data, for deleting a retired generation. */
  generationPrefixes: (gen: number) => (gen === 0 ? ['ticket:', 'agg:', 'open:', 'issue-id:'] : [genPrefix(gen)]),
};

/** A stable shard for a ticket key (FNV-1a), so a ticket's entries always land in the same shard. */
export function shardOf(issueKey: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < issueKey.length; i++) hash = Math.imul(hash ^ issueKey.charCodeAt(i), 0x01000193) >>> 0;
  return hash % AGGREGATE_SHARDS;
}
