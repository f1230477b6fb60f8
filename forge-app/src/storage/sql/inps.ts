import type { InpsAnswerRecord, InpsEntry } from '../../model/inps-answer';
import { database } from './database';
import { insertRows, keepStored, num } from './rows';

/**
 * Survey answers in Forge SQL (`inps_answers`, one row per request and requester): the row is both the claim and what
 * the gadgets count, so an answer is stored once (INSERT IGNORE) however often it is submitted or delivered.
 */

type AnswerRow = { issue_key: string; score: unknown; comment: string | null; answered_at: unknown; answer_month: string; organization: string | null; security_level: string | null; issue_id: string | null };

const recordOf = (r: AnswerRow): InpsAnswerRecord => ({
  issueKey: r.issue_key, score: num(r.score), comment: r.comment, at: num(r.answered_at), month: r.answer_month, organization: r.organization,
  securityLevel: r.security_level, ...(r.issue_id === null ? {} : { issueId: r.issue_id }),
});

export async function answerRecordSql(issueKey: string, accountId: string): Promise<InpsAnswerRecord | undefined> {
  const [row] = await database.select<AnswerRow>('SELECT issue_key, score, comment, answered_at, answer_month, organization, security_level, issue_id FROM inps_answers WHERE issue_key = ? AND account_id = ?', [issueKey, accountId]);
  return row && recordOf(row);
}

const COLUMNS = ['issue_key', 'account_id', 'project', 'answer_month', 'score', 'answered_at', 'organization', 'security_level', 'issue_id', 'comment'];
const projectOfKey = (issueKey: string) => issueKey.slice(0, issueKey.lastIndexOf('-'));
const rowOf = (accountId: string, record: InpsAnswerRecord) => [record.issueKey, accountId, projectOfKey(record.issueKey), record.month, record.score, record.at, record.organization, record.securityLevel ?? null, record.issueId ?? null, record.comment];

/**
 * Stores the answer unless the requester already answered the request: true when this one was stored. Filed under the
 * project of the issue key (Jira's keys begin with their project's); countAnswerSql files it under the project the
 * request's facts name.
 */
export async function claimAnswerSql(accountId: string, record: InpsAnswerRecord): Promise<boolean> {
  const { affectedRows } = await database.write(`INSERT IGNORE INTO inps_answers (${COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, rowOf(accountId, record));
  return affectedRows === 1;
}

/** Answers copied from KVS by the upgrade, a few multi-row INSERTs: an answer SQL already holds is kept. */
export async function copyAnswersSql(answers: ReadonlyArray<{ accountId: string; record: InpsAnswerRecord }>): Promise<void> {
  await insertRows('inps_answers', COLUMNS, answers.map((a) => rowOf(a.accountId, a.record)), keepStored('issue_key'));
}

/** Files the answer under `project` (nothing to do when the claim already did: the row is what the gadgets count). */
export async function countAnswerSql(project: string, accountId: string, record: InpsAnswerRecord): Promise<void> {
  await database.write('UPDATE inps_answers SET project = ? WHERE issue_key = ? AND account_id = ? AND project <> ?', [project, record.issueKey, accountId, project]);
}

/** A project's answers of a month, as the KVS buckets held them (the level and issue id only for a secured request). */
export async function answerEntriesSql(project: string, month: string): Promise<InpsEntry[]> {
  const rows = await database.select<AnswerRow>('SELECT score, answered_at, organization, security_level, issue_id FROM inps_answers WHERE project = ? AND answer_month = ?', [project, month]);
  return rows.map((r) => (r.security_level && r.issue_id ? [num(r.score), num(r.answered_at), r.organization, r.security_level, r.issue_id] : [num(r.score), num(r.answered_at), r.organization]));
}
