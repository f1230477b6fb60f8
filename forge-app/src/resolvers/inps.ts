import api from '@forge/api';
import { inps } from '../../../core';
import { loadConfig } from '../config/store';
import { JiraClient } from '../jira/client';
import { runtime } from '../runtime';
import { groupValue, securedAt } from '../storage/aggregates';
import { answerEntriesOf, answerRecordOf, claimAnswer, countAnswer, type InpsAnswerRecord, type InpsEntry, SECURED_INPS_AT } from '../storage/inps-answers';
import { organizationsOf, securityLevelOf } from '../sync/normalise';
import { securedIn, type SecurityLevelGate } from './security-levels';
import { monthOf } from '../model/ticket-result';

/** The longest comment kept (characters): a portal answer, not a document; a bucket holds thousands of scores. */
const INPS_COMMENT_MAX = 1_000;

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
  const answered = await answerRecordOf(issueKey, caller);
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
  const previous = await answerRecordOf(issueKey, caller);
  if (previous) return alreadyAnswered(facts.project, caller, previous);
  if (!facts.resolved) return { error: 'NOT_ALLOWED', state: 'not-resolved' };
  const { config } = await loadConfig();
  const at = runtime.now();
  const record: InpsAnswerRecord = { issueKey, score, comment, at, month: monthOf(at, config?.sync.reportTimeZone ?? 'UTC'), organization: facts.organization, securityLevel: facts.securityLevel, issueId: facts.issueId };
  if (!(await claimAnswer(caller, record))) return alreadyAnswered(facts.project, caller, (await answerRecordOf(issueKey, caller))!);
  await countAnswer(facts.project, caller, record);
  return { ok: true, score };
}

/** The first answer stands; it is counted now if an earlier call stopped between the record and the bucket. */
async function alreadyAnswered(project: string, caller: string, first: InpsAnswerRecord): Promise<InpsSubmitResult> {
  await countAnswer(project, caller, first);
  return { error: 'ALREADY_ANSWERED', score: first.score };
}

/** Every answer given in the projects in one month (of the report time zone). */
export async function inpsAnswers(projects: readonly string[], month: string, gate: SecurityLevelGate): Promise<InpsEntry[]> {
  const entries: InpsEntry[] = [];
  for (const project of projects) {
    const inProject = await answerEntriesOf(project, month);
    // One by one: a project can hold tens of thousands of entries, too many to spread as arguments.
    for (const item of await gate.visible(inProject, (entry) => securedIn(project, securedAt(entry, SECURED_INPS_AT)))) entries.push(item);
  }
  return entries;
}

/** iNPS (−100..100) of a set of answers, or null when there are none. */
export const inpsOf = (entries: readonly InpsEntry[]): number | null => (entries.length === 0 ? null : inps(entries.map((e) => e[0])));
