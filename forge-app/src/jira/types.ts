/** The parts of Jira Cloud REST responses the app reads, as documented by Atlassian. */

/** `POST /rest/api/3/search/jql`: pages by `nextPageToken`, no `total`; `isLast` on the final page. */
export interface JiraSearchPage {
  issues: JiraIssue[];
  nextPageToken?: string;
  isLast?: boolean;
}

export interface JiraIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
}

interface JiraChangeItem {
  field: string;
  fieldId?: string;
  fieldtype?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface JiraChangeHistory {
  id: string;
  /** Jira date-time text (`2025-03-03T09:00:00.000+0700`) or epoch milliseconds. */
  created: string | number;
  items: JiraChangeItem[];
}

/** `POST /rest/api/3/changelog/bulkfetch`: up to 1,000 issues per call, pages by `nextPageToken`. */
export interface JiraBulkChangelogPage {
  issueChangeLogs: Array<{ issueId: string; changeHistories: JiraChangeHistory[] }>;
  nextPageToken?: string;
}

/** `GET /rest/servicedeskapi/request/{key}/sla`: JSM's own SLA metrics and their cycles. */
export interface JsmSlaPage {
  values: JsmSlaMetric[];
  isLastPage?: boolean;
}

interface JsmTime {
  epochMillis: number;
}

interface JsmDuration {
  millis: number;
}

interface JsmCompletedCycle {
  startTime: JsmTime;
  stopTime: JsmTime;
  breachTime?: JsmTime;
  breached: boolean;
  goalDuration: JsmDuration;
  elapsedTime: JsmDuration;
  remainingTime: JsmDuration;
}

interface JsmOngoingCycle {
  startTime: JsmTime;
  breachTime?: JsmTime;
  breached: boolean;
  paused: boolean;
  withinCalendarHours: boolean;
  goalDuration: JsmDuration;
  elapsedTime: JsmDuration;
  remainingTime: JsmDuration;
}

export interface JsmSlaMetric {
  id: string;
  name: string;
  completedCycles: JsmCompletedCycle[];
  ongoingCycle?: JsmOngoingCycle;
}

/** `GET /rest/servicedeskapi/request/{key}/feedback`: the customer's satisfaction rating (1-5). */
export interface JsmFeedback {
  type?: string;
  rating: number;
  comment?: { body: string };
}

/** A comment's author as the JSM and Jira comment APIs give it (`accountType` is `customer` for a portal-only customer). */
interface JiraCommentAuthor {
  accountId?: string;
  accountType?: string;
}

/** `GET /rest/servicedeskapi/request/{key}/comment`: paged `values` with `public`, the author and `created.epochMillis`. */
export interface JsmCommentPage {
  values: Array<{ id: string; public: boolean; author?: JiraCommentAuthor; created: { epochMillis: number } }>;
  isLastPage?: boolean;
}

/** `GET /rest/api/3/issue/{key}/comment`: `comments` with `jsdPublic` (JSM's visibility; absent outside JSM), paged by startAt. */
export interface JiraCommentPage {
  comments: Array<{ id: string; jsdPublic?: boolean; author?: JiraCommentAuthor; created: string }>;
  startAt: number;
  maxResults: number;
  total: number;
}

/** `POST /rest/api/3/jql/match`: one entry per JQL, in the order asked, with the matched issue ids or errors. */
export interface JqlMatchAnswer {
  matches: Array<{ matchedIssues: number[]; errors: string[] }>;
}

/** `POST /rest/api/3/jql/parse`: each query parsed, with `errors` when Jira refuses it. */
export interface JqlParseAnswer {
  queries: Array<{ query: string; errors?: string[] }>;
}
