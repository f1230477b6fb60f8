import type { Bucket } from './aggregates';
import { keys, shardOf } from './keys';
import { createValue, getValue, setValue, valuesWithPrefix } from './store';

/**
 * The portal survey's storage: one record per requester and request (`inps-answer:<KEY>:<account>`, the claim) and
 * project-month buckets of answers (`inps:<project>:<YYYY-MM>:<shard>`) that the gadgets read by prefix.
 */

/**
 * One answer in a project-month bucket: [score 0-10, answered at, the request's organizations or null, then for a
 * request under an issue security level only: the level's id and the issue's id (SECURED_INPS_AT)].
 */
export type InpsEntry = [number, number, string | null, string?, string?];

/** Where an answer entry's security level and issue id sit. */
export const SECURED_INPS_AT = 3;

/** The answer as kept per requester and request (the comment lives only here, not in the buckets). */
export interface InpsAnswerRecord {
  issueKey: string;
  score: number;
  comment: string | null;
  at: number;
  month: string;
  organization: string | null;
  /** The request's issue security level (id) and the issue's id, kept with the answer; absent in older records. */
  securityLevel?: string | null;
  issueId?: string;
}

/** The requester's answer on a request, if any. */
export const answerRecordOf = (issueKey: string, accountId: string): Promise<InpsAnswerRecord | undefined> => getValue<InpsAnswerRecord>(keys.inpsAnswer(issueKey, accountId));

/** Stores the requester's answer only if there is none yet, atomically (createValue): true when this one was stored. */
export const claimAnswer = (accountId: string, record: InpsAnswerRecord): Promise<boolean> => createValue(keys.inpsAnswer(record.issueKey, accountId), record);

/** The answer in its project-month bucket, keyed by request and requester (adding it twice changes nothing). */
export async function countAnswer(project: string, accountId: string, record: InpsAnswerRecord): Promise<void> {
  const bucketKey = keys.inpsBucket(project, record.month, shardOf(record.issueKey));
  const bucket = (await getValue<Bucket<InpsEntry>>(bucketKey)) ?? { entries: {} };
  const entryKey = keys.inpsAnswer(record.issueKey, accountId).slice('inps-answer:'.length);
  if (bucket.entries[entryKey] !== undefined) return;
  const secured: [string, string] | [] = record.securityLevel && record.issueId ? [record.securityLevel, record.issueId] : [];
  bucket.entries[entryKey] = [record.score, record.at, record.organization, ...secured];
  await setValue(bucketKey, bucket);
}

/** Every answer stored in a project's month, all shards. */
export async function answerEntriesOf(project: string, month: string): Promise<InpsEntry[]> {
  const found: InpsEntry[] = [];
  for (const { value } of await valuesWithPrefix<Bucket<InpsEntry>>(keys.inpsMonthPrefix(project, month))) {
    for (const entry of Object.values(value.entries)) found.push(entry);
  }
  return found;
}
