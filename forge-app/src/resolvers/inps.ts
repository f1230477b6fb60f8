import api from '@forge/api';
import { inps } from '../../../core';
import { loadConfig } from '../config/store';
import { JiraClient } from '../jira/client';
import { runtime } from '../runtime';
import { type Bucket, groupValue, securedAt } from '../storage/aggregates';
import { keys, shardOf } from '../storage/keys';
import { createValue, getValue, setValue, valuesWithPrefix } from '../storage/store';
import { organizationsOf, securityLevelOf } from '../sync/normalise';
import { securedIn, type SecurityLevelGate } from './security-levels';
import { monthOf } from '../model/ticket-result';

/** The longest comment kept (characters): a portal answer, not a document; a bucket holds thousands of scores. */
export const INPS_COMMENT_MAX = 1_000;

/**
 * One answer in a project-month bucket: [score 0-10, answered at, the request's organizations or null, then for a
 * request under an issue security level only: the level's id and the issue's id (SECURED_INPS_AT)].
 */
export type InpsEntry = [number, number, string | null, string?, string?];

/** Where an answer entry's security level and issue id sit. */
const SECURED_INPS_AT = 3;

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

export type InpsQuestion =
  | { state: 'open' }
  | { state: 'answered'; score: number }
  /** Not resolved yet: the question waits for the resolution. */
  | { state: 'not-resolved' }
  /** Only the request's reporter (the requester) is asked. */
  | { state: 'not-requester' };

export class InpsInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'InpsInputError';
  }
}

interface RequestFacts {
  project: string;
  resolved: boolean;
  reporter: string | null;
  organization: string | null;
  issueId: string;
  securityLevel: string | null;
}

/** Read as the app: portal customers have no access to the Jira platform API; the caller is checked against the reporter. */
async function requestFacts(issueKey: string): Promise<RequestFacts | null> {
  const jira = new JiraClient(api.asApp().requestJira, runtime.sleep);
  const organizationsField = await jira.organizationsFieldId();
  const issue = await jira.issueFields(issueKey, ['project', 'status', 'resolution', 'reporter', 'security', ...(organizationsField ? [organizationsField] : [])]);
  if (!issue) return null;
  return {
    project: (issue.fields.project as { key?: string } | undefined)?.key ?? issueKey.slice(0, issueKey.lastIndexOf('-')),
    // Resolved: a resolution is set, or the status is in the Done category (workflows that set no resolution).
    resolved: (issue.fields.resolution ?? null) !== null || (issue.fields.status as { statusCategory?: { key?: string } } | undefined)?.statusCategory?.key === 'done',
    reporter: (issue.fields.reporter as { accountId?: string } | null | undefined)?.accountId ?? null,
    // Keyed as the sync stores the request's tickets and cycles, so that the customer report joins the two.
    organization: organizationsField ? groupValue(organizationsOf(issue.fields[organizationsField])) : null,
    issueId: issue.id,
    securityLevel: securityLevelOf(issue.fields.security),
  };
}

const requireCaller = (accountId: string | undefined): string => {
  if (!accountId) throw new InpsInputError('accountId', 'only a signed-in customer can answer (anonymous portal visitors cannot)');
  return accountId;
};

/** What the portal panel shows the calling customer on one request. */
export async function inpsQuestion(issueKey: string, accountId: string | undefined): Promise<InpsQuestion> {
  const caller = requireCaller(accountId);
  const facts = await requestFacts(issueKey);
  if (!facts || facts.reporter !== caller) return { state: 'not-requester' };
  const answered = await getValue<InpsAnswerRecord>(keys.inpsAnswer(issueKey, caller));
  if (answered) return { state: 'answered', score: answered.score };
  return facts.resolved ? { state: 'open' } : { state: 'not-resolved' };
}

export type InpsSubmitResult = { ok: true; score: number } | { error: 'ALREADY_ANSWERED'; score: number } | { error: 'NOT_ALLOWED'; state: InpsQuestion['state'] };

/**
 * Stores a requester's answer on a resolved request, once: a second answer is refused (the first stands and is
 * shown), so a score cannot be nudged by answering again, even by two answers sent at the same moment. The
 * per-requester record is the claim, written only if absent (storage createValue); the month's bucket entry follows.
 * A crash between the two leaves the record without its entry: the next answer or look finds the record and adds the
 * entry then (same entry key, so never counted twice).
 */
export async function submitInps(issueKey: string, accountId: string | undefined, input: { score?: unknown; comment?: unknown }): Promise<InpsSubmitResult> {
  const caller = requireCaller(accountId);
  const score = input.score;
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 10) {
    throw new InpsInputError('score', `expected a whole number from 0 to 10, got ${JSON.stringify(score)}`);
  }
  if (input.comment !== undefined && input.comment !== null && typeof input.comment !== 'string') throw new InpsInputError('comment', 'expected text');
  const comment = typeof input.comment === 'string' && input.comment.trim() !== '' ? input.comment.trim() : null;
  if (comment !== null && comment.length > INPS_COMMENT_MAX) throw new InpsInputError('comment', `at most ${INPS_COMMENT_MAX} characters, got ${comment.length}`);
  const facts = await requestFacts(issueKey);
  if (!facts || facts.reporter !== caller) return { error: 'NOT_ALLOWED', state: 'not-requester' };
  const recordKey = keys.inpsAnswer(issueKey, caller);
  const previous = await getValue<InpsAnswerRecord>(recordKey);
  if (previous) return alreadyAnswered(facts.project, recordKey, previous);
  if (!facts.resolved) return { error: 'NOT_ALLOWED', state: 'not-resolved' };
  const { config } = await loadConfig();
  const at = runtime.now();
  const record: InpsAnswerRecord = { issueKey, score, comment, at, month: monthOf(at, config?.sync.reportTimeZone ?? 'UTC'), organization: facts.organization, securityLevel: facts.securityLevel, issueId: facts.issueId };
  if (!(await createValue(recordKey, record))) return alreadyAnswered(facts.project, recordKey, (await getValue<InpsAnswerRecord>(recordKey))!);
  await countAnswer(facts.project, recordKey, record);
  return { ok: true, score };
}

/** The answer in its project-month bucket, keyed by request and requester (adding it twice changes nothing). */
async function countAnswer(project: string, recordKey: string, record: InpsAnswerRecord): Promise<void> {
  const bucketKey = keys.inpsBucket(project, record.month, shardOf(record.issueKey));
  const bucket = (await getValue<Bucket<InpsEntry>>(bucketKey)) ?? { entries: {} };
  const entryKey = recordKey.slice('inps-answer:'.length);
  if (bucket.entries[entryKey] !== undefined) return;
  const secured: [string, string] | [] = record.securityLevel && record.issueId ? [record.securityLevel, record.issueId] : [];
  bucket.entries[entryKey] = [record.score, record.at, record.organization, ...secured];
  await setValue(bucketKey, bucket);
}

/** The first answer stands; it is counted now if an earlier call stopped between the record and the bucket. */
async function alreadyAnswered(project: string, recordKey: string, first: InpsAnswerRecord): Promise<InpsSubmitResult> {
  await countAnswer(project, recordKey, first);
  return { error: 'ALREADY_ANSWERED', score: first.score };
}

/** Every answer given in the projects in one month (of the report time zone). */
export async function inpsAnswers(projects: readonly string[], month: string, gate: SecurityLevelGate): Promise<InpsEntry[]> {
  const entries: InpsEntry[] = [];
  for (const project of projects) {
    const inProject: InpsEntry[] = [];
    for (const { value } of await valuesWithPrefix<Bucket<InpsEntry>>(keys.inpsMonthPrefix(project, month))) inProject.push(...Object.values(value.entries));
    // One by one: a project can hold tens of thousands of entries, too many to spread as arguments.
    for (const item of await gate.visible(inProject, (entry) => securedIn(project, securedAt(entry, SECURED_INPS_AT)))) entries.push(item);
  }
  return entries;
}

/** iNPS (−100..100) of a set of answers, or null when there are none. */
export const inpsOf = (entries: readonly InpsEntry[]): number | null => (entries.length === 0 ? null : inps(entries.map((e) => e[0])));
