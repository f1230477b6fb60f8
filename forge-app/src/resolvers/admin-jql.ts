import api from '@forge/api';
import type { ConfigProblem } from '../config/problem';
import { JiraClient, JqlError } from '../jira/client';
import { jqlErrors } from '../jira/jql-match';
import { runtime } from '../runtime';

/** Issue keys shown as a sample of what a query matches. */
const SAMPLE = 5;

/** The JQL queries of a configuration's policies and goals, each with the path of its field. */
function jqlFields(config: unknown): Array<{ path: string; jql: string }> {
  const policies = (config as { policies?: unknown } | null)?.policies;
  if (!Array.isArray(policies)) return [];
  return policies.flatMap((policy: { jql?: unknown; goals?: unknown }, i) => [
    ...(typeof policy?.jql === 'string' ? [{ path: `policies.${i}.jql`, jql: policy.jql }] : []),
    ...(Array.isArray(policy?.goals) ? policy.goals : []).flatMap((goal: { jql?: unknown }, g: number) => (typeof goal?.jql === 'string' ? [{ path: `policies.${i}.goals.${g}.jql`, jql: goal.jql }] : [])),
  ]);
}

/** Saving checks every policy's and goal's JQL with Jira first: a query Jira refuses is a problem at its field. */
export async function jqlProblems(config: unknown): Promise<ConfigProblem[]> {
  const fields = jqlFields(config);
  if (fields.length === 0) return [];
  const errors = await jqlErrors(new JiraClient(api.asUser().requestJira, runtime.sleep), [...new Set(fields.map((f) => f.jql))]);
  return fields.filter((f) => errors.has(f.jql)).map((f) => ({ path: f.path, message: `Jira refuses this JQL: ${errors.get(f.jql)!.join(' ')}` }));
}

export type JqlCheckAnswer = { ok: true; sample: string[]; more: boolean } | { ok: false; message: string };

/** The editor's "test JQL": Jira's verdict on the query and, when it is valid, a few issues it matches that the admin may browse. */
export async function checkJql(payload: unknown): Promise<JqlCheckAnswer> {
  const jql = typeof (payload as { jql?: unknown } | null)?.jql === 'string' ? (payload as { jql: string }).jql.trim() : '';
  if (jql === '') return { ok: false, message: 'jql: give a JQL query to test' };
  const jira = new JiraClient(api.asUser().requestJira, runtime.sleep);
  const errors = await jqlErrors(jira, [jql]);
  if (errors.has(jql)) return { ok: false, message: errors.get(jql)!.join(' ') };
  try {
    const { keys, truncated } = await jira.searchKeys(jql, SAMPLE);
    return { ok: true, sample: keys, more: truncated };
  } catch (error) {
    if (error instanceof JqlError) return { ok: false, message: error.message };
    throw error;
  }
}
