import { route } from '@forge/api';
import type { JiraClient } from './client';
import type { JqlMatchAnswer, JqlParseAnswer } from './types';

/** Issue ids per jql/match call: one sync search page, so a batch of the sync is one call per group of queries. */
const MATCH_ISSUES_PER_CALL = 100;
/** Queries per call: a site's goals and policies rarely pass this; more go in further calls. */
const MATCH_JQLS_PER_CALL = 50;

/** Jira refused some of the queries: each with Jira's own messages, to show the admin as they are. */
class JqlMatchError extends Error {
  constructor(readonly errors: ReadonlyMap<string, string[]>) {
    super([...errors].map(([jql, messages]) => `${jql}: ${messages.join(' ')}`).join('; '));
    this.name = 'JqlMatchError';
  }
}

/**
 * Which of the issues each JQL query matches, by issue id, through Jira's `POST /rest/api/3/jql/match` (scope
 * read:jira-work) in batches, instead of one search per query. A query Jira reports errors for throws JqlMatchError.
 */
export async function matchJql(jira: JiraClient, issueIds: readonly string[], jqls: readonly string[]): Promise<Map<string, Set<string>>> {
  const matched = new Map(jqls.map((jql) => [jql, new Set<string>()]));
  const errors = new Map<string, string[]>();
  for (let i = 0; i < issueIds.length; i += MATCH_ISSUES_PER_CALL) {
    const ids = issueIds.slice(i, i + MATCH_ISSUES_PER_CALL).map(Number);
    for (let j = 0; j < jqls.length; j += MATCH_JQLS_PER_CALL) {
      const batch = jqls.slice(j, j + MATCH_JQLS_PER_CALL);
      const answer = await jira.json<JqlMatchAnswer>(route`/rest/api/3/jql/match`, { method: 'POST', body: JSON.stringify({ issueIds: ids, jqls: batch }) });
      batch.forEach((jql, k) => {
        const match = answer.matches[k];
        if (match.errors.length > 0) errors.set(jql, match.errors);
        for (const id of match.matchedIssues) matched.get(jql)!.add(String(id));
      });
    }
  }
  if (errors.size > 0) throw new JqlMatchError(errors);
  return matched;
}

/**
 * Jira's own check of JQL queries (`POST /rest/api/3/jql/parse?validation=strict`, scope read:jira-work): the
 * queries Jira refuses, each with its messages (an unknown field, a value the site does not have).
 */
export async function jqlErrors(jira: JiraClient, jqls: readonly string[]): Promise<Map<string, string[]>> {
  const errors = new Map<string, string[]>();
  if (jqls.length === 0) return errors;
  const answer = await jira.json<JqlParseAnswer>(route`/rest/api/3/jql/parse?validation=strict`, { method: 'POST', body: JSON.stringify({ queries: jqls }) });
  answer.queries.forEach((parsed, i) => {
    if (parsed.errors?.length) errors.set(jqls[i], parsed.errors);
  });
  return errors;
}
