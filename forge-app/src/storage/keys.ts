/** Every KVS key the app writes, in one place: keys must stay ≤ 500 characters. */
export const MAX_KEY_LENGTH = 500;

const checked = (key: string): string => {
  if (key.length > MAX_KEY_LENGTH) throw new RangeError(`KVS key longer than ${MAX_KEY_LENGTH} characters: ${key.slice(0, 60)}…`);
  return key;
};

/** Shards per aggregate bucket: spreads one busy project-month over several values to stay under 240 KiB each. */
export const AGGREGATE_SHARDS = 8;

export const keys = {
  config: 'config',
  configBackup: (version: number) => checked(`config-backup:v${version}`),
  syncState: 'sync:state',
  /** Names of the JSM SLA metrics the sync has seen, for the gadgets' edit views: `{ names: string[] }`. */
  jsmMetrics: 'jsm-metrics',
  ticket: (issueKey: string) => checked(`ticket:${issueKey}`),
  /** Compliance entries of one policy (or `jsm:<SLA name>`), project and reporting month, split by shard. */
  bucket: (policyId: string, project: string, month: string, shard: number) => checked(`agg:${policyId}:${project}:${month}:${shard}`),
  bucketPrefix: (policyId: string, project: string) => checked(`agg:${policyId}:${project}:`),
  openIndex: (policyId: string, project: string, shard: number) => checked(`open:${policyId}:${project}:${shard}`),
};

/** A stable shard for a ticket key (FNV-1a), so a ticket's entries always land in the same shard. */
export function shardOf(issueKey: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < issueKey.length; i++) hash = Math.imul(hash ^ issueKey.charCodeAt(i), 0x01000193) >>> 0;
  return hash % AGGREGATE_SHARDS;
}
