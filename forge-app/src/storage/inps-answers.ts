import type { Bucket } from './aggregates';
import type { InpsAnswerRecord, InpsEntry } from '../model/inps-answer';
import { currentBackend } from './backend';
import { keys, shardOf } from './keys';
import { answerEntriesSql, answerRecordSql, claimAnswerSql, countAnswerSql } from './sql/inps';
import { createValue, getValue, setValue, valuesWithPrefix } from './store';

/**
 * The portal survey's storage. On Forge SQL (storage state `sql`) one row per request and requester in
 * `inps_answers` (storage/sql/inps.ts). Before the upgrade, in KVS: one record per requester and request
 * (`inps-answer:<KEY>:<account>`, the claim) and project-month buckets of answers (`inps:<project>:<YYYY-MM>:<shard>`)
 * that the gadgets read by prefix; the upgrade copies the records into SQL.
 */

export { type InpsAnswerRecord, type InpsEntry, SECURED_INPS_AT } from '../model/inps-answer';

const onSql = async (): Promise<boolean> => (await currentBackend()) === 'sql';

/** The requester's answer on a request, if any. */
export const answerRecordOf = async (issueKey: string, accountId: string): Promise<InpsAnswerRecord | undefined> =>
  (await onSql()) ? answerRecordSql(issueKey, accountId) : getValue<InpsAnswerRecord>(keys.inpsAnswer(issueKey, accountId));

/** Stores the requester's answer only if there is none yet, atomically (createValue, INSERT IGNORE): true when this one was stored. */
export const claimAnswer = async (accountId: string, record: InpsAnswerRecord): Promise<boolean> =>
  (await onSql()) ? claimAnswerSql(accountId, record) : createValue(keys.inpsAnswer(record.issueKey, accountId), record);

/** The answer in its project-month bucket, keyed by request and requester (adding it twice changes nothing). */
export async function countAnswer(project: string, accountId: string, record: InpsAnswerRecord): Promise<void> {
  if (await onSql()) return countAnswerSql(project, accountId, record);
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
  if (await onSql()) return answerEntriesSql(project, month);
  const found: InpsEntry[] = [];
  for (const { value } of await valuesWithPrefix<Bucket<InpsEntry>>(keys.inpsMonthPrefix(project, month))) {
    for (const entry of Object.values(value.entries)) found.push(entry);
  }
  return found;
}
