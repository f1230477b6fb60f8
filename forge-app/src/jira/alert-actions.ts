import { route } from '@forge/api';
import type { AlertAction } from '../../../core';
import { type JiraClient, JiraError } from './client';

/** What an action says: the policy, goal and kind, in English and Vietnamese. */
export interface AlertText {
  subject: string;
  body: string;
}

const expectOk = async (response: { ok: boolean; status: number; text(): Promise<string> }, call: string) => {
  if (!response.ok) throw new JiraError(response.status, `Jira answered ${response.status} to ${call}: ${(await response.text()).slice(0, 300)}`);
};

/** A paragraph of Atlassian Document Format, the body Jira's v3 comment API takes. */
const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/**
 * Carries out one action on an issue (every call needs write:jira-work): Jira's issue notification
 * (`POST /rest/api/3/issue/{key}/notify`), an internal comment (`POST …/comment` with JSM's `sd.public.comment`
 * property `{ internal: true }`, so customers do not see it), or a field set (`PUT /rest/api/3/issue/{key}`).
 */
export async function performAction(jira: JiraClient, issueKey: string, action: AlertAction, text: AlertText): Promise<void> {
  if (action.do === 'notify') {
    const to = Object.fromEntries(action.to.map((who) => [who, true]));
    const response = await jira.send(route`/rest/api/3/issue/${issueKey}/notify`, { method: 'POST', body: JSON.stringify({ subject: text.subject, textBody: text.body, to }) });
    return expectOk(response, `POST /rest/api/3/issue/${issueKey}/notify`);
  }
  if (action.do === 'comment') {
    const body = { body: adf(`${action.text}\n${text.body}`), properties: [{ key: 'sd.public.comment', value: { internal: true } }] };
    const response = await jira.send(route`/rest/api/3/issue/${issueKey}/comment`, { method: 'POST', body: JSON.stringify(body) });
    return expectOk(response, `POST /rest/api/3/issue/${issueKey}/comment`);
  }
  const value = action.field === 'priority' ? { name: action.value } : { accountId: action.value };
  const response = await jira.send(route`/rest/api/3/issue/${issueKey}`, { method: 'PUT', body: JSON.stringify({ fields: { [action.field]: value } }) });
  return expectOk(response, `PUT /rest/api/3/issue/${issueKey}`);
}
