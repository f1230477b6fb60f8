import { route } from '@forge/api';
import { type JiraClient, JiraError } from './client';
import type { JiraCommentPage, JsmCommentPage } from './types';

/** A comment as the SLA conditions need it: when, whether the customer can read it, and who wrote it. */
export interface TicketComment {
  at: number;
  public: boolean;
  authorAccountId: string | null;
  /** A JSM portal-only customer account (`accountType: customer`). */
  authorIsCustomer: boolean;
}

const JSM_PAGE = 50;
const JIRA_PAGE = 100;

const fail = async (response: { status: number; text(): Promise<string> }, call: string) =>
  new JiraError(response.status, `Jira answered ${response.status} to GET ${call}: ${(await response.text()).slice(0, 300)}`);

/**
 * An issue's comments, oldest first. A JSM request's come from JSM's request comment API (`public` says whether the
 * customer sees it; scope read:servicedesk-request); an issue that is no request (404 there: a Jira Software or
 * Work Management project) from Jira's issue comment API (scope read:jira-work), where every comment is public.
 */
export async function readComments(jira: JiraClient, issueKey: string): Promise<TicketComment[]> {
  const comments: TicketComment[] = [];
  for (let start = 0; ; ) {
    const response = await jira.send(route`/rest/servicedeskapi/request/${issueKey}/comment?start=${start}&limit=${JSM_PAGE}`);
    if (response.status === 404) return readJiraComments(jira, issueKey);
    if (!response.ok) throw await fail(response, `/rest/servicedeskapi/request/${issueKey}/comment`);
    const page = (await response.json()) as JsmCommentPage;
    for (const c of page.values) {
      comments.push({ at: c.created.epochMillis, public: c.public, authorAccountId: c.author?.accountId ?? null, authorIsCustomer: c.author?.accountType === 'customer' });
    }
    if (page.isLastPage !== false || page.values.length === 0) return comments.sort((a, b) => a.at - b.at);
    start += page.values.length;
  }
}

async function readJiraComments(jira: JiraClient, issueKey: string): Promise<TicketComment[]> {
  const comments: TicketComment[] = [];
  for (let startAt = 0; ; ) {
    const page = await jira.json<JiraCommentPage>(route`/rest/api/3/issue/${issueKey}/comment?startAt=${startAt}&maxResults=${JIRA_PAGE}&orderBy=created`);
    for (const c of page.comments) {
      comments.push({ at: Date.parse(c.created), public: c.jsdPublic ?? true, authorAccountId: c.author?.accountId ?? null, authorIsCustomer: c.author?.accountType === 'customer' });
    }
    startAt += page.comments.length;
    if (page.comments.length === 0 || startAt >= page.total) return comments.sort((a, b) => a.at - b.at);
  }
}
