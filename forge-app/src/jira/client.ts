import { route, type APIResponse, type RequestInit, type Route } from '@forge/api';
import type { JiraBulkChangelogPage, JiraIssue, JiraSearchPage, JsmFeedback, JsmSlaMetric, JsmSlaPage } from './types';

/** `api.asApp().requestJira` or `api.asUser().requestJira`: injected so the client runs against a double in tests. */
export type RequestJira = (path: Route, init?: RequestInit) => Promise<APIResponse>;

export interface RetryPolicy {
  maxAttempts: number;
  /** First back-off when Jira sends no Retry-After; doubles on each further 429, 5xx or timeout. */
  baseDelayMs: number;
  maxDelayMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/** Counters the sync reports and the tests hold against the platform's limits. */
export interface JiraCallStats {
  requests: number;
  rateLimited: number;
  /** 5xx answers and calls that got no answer (timeouts, dropped connections), each retried. */
  serverErrors: number;
  sleptMs: number;
}

/** Answers worth another try: rate limiting and the server-side failures a later attempt may not meet. */
const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);

export class JiraError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'JiraError';
    this.status = status;
  }
}

/**
 * Jira asked to wait longer than the client waits inside one invocation (Retry-After over `maxDelayMs`): the caller
 * defers the work (the sync pushes it back onto the queue with that delay) rather than cutting the wait short.
 */
export class JiraRetryLater extends Error {
  constructor(readonly retryAfterMs: number, call: string) {
    super(`Jira asked to retry ${call} after ${Math.ceil(retryAfterMs / 1000)} s`);
    this.name = 'JiraRetryLater';
  }
}

/** Jira refused a JQL query (400): its own messages, to show the user as they are. */
export class JqlError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join(' '));
    this.name = 'JqlError';
  }
}

/** Jira's search/jql returns at most 100 issues a page when fields are asked for. */
const SEARCH_PAGE_SIZE = 100;
/** search/jql reconciles at most 50 issue ids a call (https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile). */
const RECONCILE_MAX = 50;
/** bulkfetch takes up to 1,000 issue ids a call. */
const BULKFETCH_MAX_ISSUES = 1_000;

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After is whole seconds (or an HTTP date); anything else falls back to exponential back-off. */
function retryAfterMs(response: APIResponse, now: number): number | null {
  const header = response.headers.get('Retry-After');
  if (header === null) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1_000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Jira's 400 to a JQL search, with its own messages. */
async function jqlErrorOf(response: APIResponse): Promise<JqlError> {
  const text = await response.text();
  let messages: string[] = [];
  try {
    const body = JSON.parse(text) as { errorMessages?: string[]; errors?: Record<string, string> };
    messages = [...(body.errorMessages ?? []), ...Object.values(body.errors ?? {})];
  } catch {
    messages = [text.slice(0, 300)];
  }
  return new JqlError(messages.length > 0 ? messages : ['Jira rejected the JQL query']);
}

export class JiraClient {
  readonly stats: JiraCallStats = { requests: 0, rateLimited: 0, serverErrors: 0, sleptMs: 0 };

  constructor(
    private readonly requestJira: RequestJira,
    private readonly sleep: (ms: number) => Promise<void> = sleepFor,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  /**
   * One call, retried with back-off on 429 (after Retry-After when given), on 500/502/503/504 and when the call gets no
   * answer at all (a timeout or a dropped connection: every call the app makes reads, so repeating it is safe). Other
   * answers are returned as they are; giving up throws a JiraError naming the call and the last failure.
   */
  async send(path: Route, init: RequestInit = {}): Promise<APIResponse> {
    const method = init.method ?? 'GET';
    for (let attempt = 1; ; attempt++) {
      this.stats.requests++;
      let response: APIResponse | null = null;
      let failure: string;
      try {
        response = await this.requestJira(path, { ...init, headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers } });
      } catch (error) {
        failure = `no answer (${error instanceof Error ? error.message : String(error)})`;
      }
      if (response !== null) {
        if (!RETRIED_STATUSES.has(response.status)) return response;
        failure = response.status === 429 ? '429 Too Many Requests' : `${response.status} ${response.statusText ?? ''}`.trim();
      }
      if (response?.status === 429) this.stats.rateLimited++;
      else this.stats.serverErrors++;
      if (attempt >= this.retry.maxAttempts) {
        throw new JiraError(response?.status ?? 0, `Jira answered ${failure!} ${attempt} times to ${method} ${path.value}; giving up`);
      }
      const backoff = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
      // Retry-After comes with 429s and with some transient 5xx such as a 503 at a resource limit
      // (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/): honoured whenever given; a wait longer
      // than this invocation should sleep is handed to the caller to defer, never shortened.
      const asked = response ? retryAfterMs(response, Date.now()) : null;
      if (asked !== null && asked > this.retry.maxDelayMs) throw new JiraRetryLater(asked, `${method} ${path.value}`);
      const wait = asked ?? backoff;
      this.stats.sleptMs += wait;
      await this.sleep(wait);
    }
  }

  async json<T>(path: Route, init: RequestInit = {}): Promise<T> {
    const response = await this.send(path, init);
    if (response.status === 400 && path.value.startsWith('/rest/api/3/search/jql')) throw await jqlErrorOf(response);
    if (!response.ok) {
      const text = await response.text();
      throw new JiraError(response.status, `Jira answered ${response.status} to ${init.method ?? 'GET'} ${path.value}: ${text.slice(0, 300)}`);
    }
    return (await response.json()) as T;
  }

  /** One page of issues matching `jql`; pass the previous page's nextPageToken to continue. */
  searchPage(jql: string, fields: readonly string[], nextPageToken?: string, maxResults = SEARCH_PAGE_SIZE, reconcileIssues?: readonly number[]): Promise<JiraSearchPage> {
    return this.json<JiraSearchPage>(route`/rest/api/3/search/jql`, {
      method: 'POST',
      body: JSON.stringify({ jql, fields, maxResults, ...(nextPageToken ? { nextPageToken } : {}), ...(reconcileIssues?.length ? { reconcileIssues: reconcileIssues.slice(0, RECONCILE_MAX) } : {}) }),
    });
  }

  /**
   * Every issue matching `jql`, following nextPageToken to the end. `reconcileIssues` (≤ 50 issue ids) asks for
   * read-after-write consistency for those issues: search is otherwise eventually consistent.
   */
  async searchAll(jql: string, fields: readonly string[], reconcileIssues?: readonly number[]): Promise<JiraIssue[]> {
    const issues: JiraIssue[] = [];
    let token: string | undefined;
    do {
      const page = await this.searchPage(jql, fields, token, SEARCH_PAGE_SIZE, reconcileIssues);
      issues.push(...page.issues);
      token = page.isLast ? undefined : page.nextPageToken;
    } while (token);
    return issues;
  }

  /**
   * The issues with these keys (the app reads each afresh), and the keys Jira says do not exist. search/jql answers 400
   * for a JQL naming a deleted key ("An issue with key 'X' does not exist for field 'key'."); those keys are taken out
   * and the rest searched again. A moved issue comes back under its new key (same id).
   */
  async issuesByKeys(
    issueKeys: readonly string[],
    fields: readonly string[],
    jqlOf: (keys: readonly string[]) => string = (k) => `key in (${k.join(', ')})`,
    reconcileIssues?: readonly number[],
  ): Promise<{ issues: JiraIssue[]; deleted: string[] }> {
    let remaining = [...issueKeys];
    const deleted: string[] = [];
    while (remaining.length > 0) {
      try {
        return { issues: await this.searchAll(jqlOf(remaining), fields, reconcileIssues), deleted };
      } catch (error) {
        if (!(error instanceof JqlError)) throw error;
        const named = new Set(error.messages.flatMap((m) => [...m.matchAll(/issue with key '([^']+)' does not exist/gi)].map((x) => x[1])));
        const gone = remaining.filter((key) => named.has(key));
        if (gone.length === 0) throw error;
        deleted.push(...gone);
        remaining = remaining.filter((key) => !named.has(key));
      }
    }
    return { issues: [], deleted };
  }

  /**
   * The keys of the first `limit` issues matching `jql` (no fields: keys only), following nextPageToken; `truncated`
   * says more matched. A query Jira rejects (400 with errorMessages) throws a JqlError carrying Jira's messages.
   */
  async searchKeys(jql: string, limit: number): Promise<{ keys: string[]; truncated: boolean }> {
    const keys: string[] = [];
    let token: string | undefined;
    for (;;) {
      const response = await this.send(route`/rest/api/3/search/jql`, {
        method: 'POST',
        body: JSON.stringify({ jql, fields: ['key'], maxResults: Math.min(SEARCH_PAGE_SIZE, limit - keys.length), ...(token ? { nextPageToken: token } : {}) }),
      });
      if (response.status === 400) throw await jqlErrorOf(response);
      if (!response.ok) throw new JiraError(response.status, `Jira answered ${response.status} to POST /rest/api/3/search/jql: ${(await response.text()).slice(0, 300)}`);
      const page = (await response.json()) as JiraSearchPage;
      keys.push(...page.issues.map((issue) => issue.key));
      token = page.isLast ? undefined : page.nextPageToken;
      if (!token) return { keys, truncated: false };
      if (keys.length >= limit) return { keys: keys.slice(0, limit), truncated: true };
    }
  }

  /** The full changelogs of up to 1,000 issues, by issue id, following nextPageToken (search/jql's expand stops at 40 entries). */
  async changelogs(issueIds: readonly string[], fieldIds: readonly string[]): Promise<Map<string, JiraBulkChangelogPage['issueChangeLogs'][number]['changeHistories']>> {
    if (issueIds.length > BULKFETCH_MAX_ISSUES) {
      throw new RangeError(`changelogs: at most ${BULKFETCH_MAX_ISSUES} issues a call, got ${issueIds.length}`);
    }
    const byIssue = new Map<string, JiraBulkChangelogPage['issueChangeLogs'][number]['changeHistories']>();
    let token: string | undefined;
    do {
      const page = await this.json<JiraBulkChangelogPage>(route`/rest/api/3/changelog/bulkfetch`, {
        method: 'POST',
        body: JSON.stringify({ issueIdsOrKeys: issueIds, fieldIds, maxResults: 1000, ...(token ? { nextPageToken: token } : {}) }),
      });
      for (const log of page.issueChangeLogs) {
        const histories = byIssue.get(log.issueId) ?? [];
        histories.push(...log.changeHistories);
        byIssue.set(log.issueId, histories);
      }
      token = page.nextPageToken;
    } while (token);
    return byIssue;
  }

  /** JSM's own SLA metrics of a request; an issue that is not a JSM request answers 404: no metrics. */
  async jsmSla(issueKey: string): Promise<JsmSlaMetric[]> {
    const metrics: JsmSlaMetric[] = [];
    for (let start = 0; ; ) {
      const response = await this.send(route`/rest/servicedeskapi/request/${issueKey}/sla?start=${start}&limit=50`);
      if (response.status === 404) return metrics;
      if (!response.ok) throw new JiraError(response.status, `Jira answered ${response.status} to GET /rest/servicedeskapi/request/${issueKey}/sla: ${(await response.text()).slice(0, 300)}`);
      const page = (await response.json()) as JsmSlaPage;
      metrics.push(...page.values);
      if (page.isLastPage !== false || page.values.length === 0) return metrics;
      start += page.values.length;
    }
  }

  /** The customer's satisfaction rating, or null when none was given (JSM answers 404). */
  async jsmFeedback(issueKey: string): Promise<JsmFeedback | null> {
    const response = await this.send(route`/rest/servicedeskapi/request/${issueKey}/feedback`);
    if (response.status === 404) return null;
    if (!response.ok) throw new JiraError(response.status, `Jira answered ${response.status} to GET /rest/servicedeskapi/request/${issueKey}/feedback: ${(await response.text()).slice(0, 300)}`);
    return (await response.json()) as JsmFeedback;
  }

  /**
   * Sets an issue entity property (PUT /rest/api/3/issue/{key}/properties/{propertyKey}, scope write:jira-work): the key
   * at most 255 characters, the value valid JSON of at most 32,768 characters, both checked before the call.
   */
  async setIssueProperty(issueKey: string, propertyKey: string, value: unknown): Promise<void> {
    if (propertyKey.length === 0 || propertyKey.length > ISSUE_PROPERTY_KEY_MAX) throw new RangeError(`issue property key must have 1 to ${ISSUE_PROPERTY_KEY_MAX} characters, got ${propertyKey.length}`);
    const body = JSON.stringify(value);
    if (body.length > ISSUE_PROPERTY_VALUE_MAX) throw new RangeError(`issue property ${propertyKey} of ${issueKey} is ${body.length} characters, over Jira's ${ISSUE_PROPERTY_VALUE_MAX}`);
    const response = await this.send(route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`, { method: 'PUT', body });
    if (!response.ok) throw new JiraError(response.status, `Jira answered ${response.status} to PUT /rest/api/3/issue/${issueKey}/properties/${propertyKey}: ${(await response.text()).slice(0, 300)}`);
  }

  /** Removes an issue entity property; one that is not there (404) is already removed. */
  async deleteIssueProperty(issueKey: string, propertyKey: string): Promise<void> {
    const response = await this.send(route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`, { method: 'DELETE' });
    if (!response.ok && response.status !== 404) throw new JiraError(response.status, `Jira answered ${response.status} to DELETE /rest/api/3/issue/${issueKey}/properties/${propertyKey}: ${(await response.text()).slice(0, 300)}`);
  }

  /** The id of JSM's Organizations field (custom type `sd-customer-organizations`), or null on a site without JSM. */
  async organizationsFieldId(): Promise<string | null> {
    const fields = await this.json<Array<{ id: string; schema?: { custom?: string } }>>(route`/rest/api/3/field`);
    return fields.find((field) => field.schema?.custom === JSM_ORGANIZATIONS_FIELD_TYPE)?.id ?? null;
  }

  /** One issue's fields (GET /rest/api/3/issue/{key}), or null when it does not exist or cannot be seen (404). */
  async issueFields(issueKey: string, fields: readonly string[]): Promise<JiraIssue | null> {
    const response = await this.send(route`/rest/api/3/issue/${issueKey}?fields=${fields.join(',')}`);
    if (response.status === 404) return null;
    if (!response.ok) throw new JiraError(response.status, `Jira answered ${response.status} to GET /rest/api/3/issue/${issueKey}: ${(await response.text()).slice(0, 300)}`);
    return (await response.json()) as JiraIssue;
  }
}

/** Issue entity property limits (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/). */
const ISSUE_PROPERTY_KEY_MAX = 255;
const ISSUE_PROPERTY_VALUE_MAX = 32_768;
/** The custom field type of JSM's Organizations field, as `GET /rest/api/3/field` reports it in `schema.custom`. */
const JSM_ORGANIZATIONS_FIELD_TYPE = 'com.atlassian.servicedesk:sd-customer-organizations';
