/**
 * Test doubles for the Forge platform: a Jira Cloud double answering like Atlassian's documented REST responses,
 * an in-memory KVS honouring the platform's size limits, and a queue that records pushes with the real limits.
 * Test files wire them in with vi.mock('@forge/api' | '@forge/kvs' | '@forge/events', () => forgeMocks.<x>()).
 */
import type { JiraChangeHistory, JiraIssue, JsmFeedback, JsmSlaMetric } from '../../forge-app/src/jira/types';

interface RouteLike {
  value: string;
}
interface Init {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface DoubleResponse {
  ok: boolean;
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

const respond = (status: number, body: unknown, headers: Record<string, string> = {}): DoubleResponse => ({
  ok: status >= 200 && status < 300,
  status,
  statusText: status === 429 ? 'Too Many Requests' : status === 404 ? 'Not Found' : 'OK',
  headers: { get: (name) => headers[name] ?? headers[name.toLowerCase()] ?? null },
  json: async () => JSON.parse(JSON.stringify(body)),
  text: async () => JSON.stringify(body),
});

export interface DoubleIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  histories: JiraChangeHistory[];
  sla?: JsmSlaMetric[];
  feedback?: JsmFeedback;
}

/** Jira's JQL date `2025/03/03 02:00`, read as UTC (the double's site time zone). */
const jqlInstant = (text: string) => Date.parse(`${text.replace(/\//g, '-').replace(' ', 'T')}:00Z`);

export class JiraDouble {
  readonly issues = new Map<string, DoubleIssue>();
  /** Scripted 429s: the next `count` calls whose path starts with `prefix` answer 429 with this Retry-After. */
  private throttles: Array<{ prefix: string; count: number; retryAfter: string | null }> = [];
  /** Issue keys search/jql leaves out until this many searches were answered (eventual consistency). */
  private hiddenUntil = new Map<string, number>();
  searches = 0;
  readonly calls: string[] = [];
  browsable = new Set<string>();
  admins = new Set<string>();
  issueBrowsable = true;
  /** JQL Jira refuses: search/jql answers 400 with this errorMessages body when the query contains the key. */
  readonly invalidJql = new Map<string, { errorMessages: string[]; warningMessages: string[] }>();
  searchPageSize = 100;
  bulkfetchHistoriesPerPage = 1000;

  add(issue: DoubleIssue): void {
    this.issues.set(issue.key, issue);
  }

  throttle(prefix: string, count: number, retryAfter: string | null): void {
    this.throttles.push({ prefix, count, retryAfter });
  }

  hideFromSearch(key: string, searches: number): void {
    this.hiddenUntil.set(key, searches);
  }

  /** `api.asApp().requestJira` / `api.asUser().requestJira`, with the calling user. */
  request = (asUser: string | null) => async (path: RouteLike, init: Init = {}): Promise<DoubleResponse> => {
    const method = init.method ?? 'GET';
    const url = new URL(path.value, 'https://site.atlassian.net');
    this.calls.push(`${asUser ? 'user' : 'app'} ${method} ${url.pathname}`);
    const throttle = this.throttles.find((t) => t.count > 0 && url.pathname.startsWith(t.prefix));
    if (throttle) {
      throttle.count--;
      return respond(429, { errorMessages: ['Rate limit exceeded'] }, throttle.retryAfter === null ? {} : { 'Retry-After': throttle.retryAfter });
    }
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    if (method === 'POST' && url.pathname === '/rest/api/3/search/jql') {
      const refused = [...this.invalidJql].find(([text]) => body.jql.includes(text));
      return refused ? respond(400, refused[1]) : respond(200, this.search(body));
    }
    if (method === 'POST' && url.pathname === '/rest/api/3/changelog/bulkfetch') return respond(200, this.bulkfetch(body));
    if (method === 'POST' && url.pathname === '/rest/api/3/permissions/project') {
      return respond(200, { projects: [...this.browsable].map((key, i) => ({ id: 10000 + i, key })) });
    }
    if (method === 'GET' && url.pathname === '/rest/api/3/mypermissions') {
      const wanted = url.searchParams.get('permissions')!;
      const have = wanted === 'ADMINISTER' ? asUser !== null && this.admins.has(asUser) : this.issueBrowsable;
      return respond(200, { permissions: { [wanted]: { id: '0', key: wanted, havePermission: have } } });
    }
    const jsm = /^\/rest\/servicedeskapi\/request\/([^/]+)\/(sla|feedback)$/.exec(url.pathname);
    if (jsm) {
      const issue = this.issues.get(jsm[1]);
      if (jsm[2] === 'sla') {
        if (!issue?.sla) return respond(404, { errorMessage: 'Request does not exist' });
        return respond(200, { size: issue.sla.length, start: 0, limit: 50, isLastPage: true, values: issue.sla });
      }
      return issue?.feedback ? respond(200, issue.feedback) : respond(404, { errorMessage: 'No feedback' });
    }
    return respond(404, { errorMessages: [`double: no route for ${method} ${url.pathname}`] });
  };

  private matching(jql: string): DoubleIssue[] {
    const keyList = /key in \(([^)]*)\)/i.exec(jql);
    const projects = /project in \(([^)]*)\)/i.exec(jql);
    const since = /updated >= "([^"]+)"/.exec(jql);
    const visible = [...this.issues.values()].filter((issue) => (this.hiddenUntil.get(issue.key) ?? 0) < this.searches);
    return visible
      .filter((issue) => !keyList || keyList[1].split(',').map((k) => k.trim()).includes(issue.key))
      .filter((issue) => !projects || projects[1].split(',').map((k) => k.trim()).includes((issue.fields.project as { key: string }).key))
      .filter((issue) => !since || Date.parse(issue.fields.updated as string) >= jqlInstant(since[1]))
      .sort((a, b) => Date.parse(a.fields.updated as string) - Date.parse(b.fields.updated as string) || a.key.localeCompare(b.key));
  }

  /** search/jql: pages of `maxResults` (at most the double's page size), opaque nextPageToken, isLast; no total. */
  private search(body: { jql: string; fields: string[]; maxResults?: number; nextPageToken?: string }) {
    this.searches++;
    const all = this.matching(body.jql);
    const start = body.nextPageToken ? Number(Buffer.from(body.nextPageToken, 'base64').toString()) : 0;
    const size = Math.min(body.maxResults ?? 50, this.searchPageSize);
    const page = all.slice(start, start + size);
    const isLast = start + size >= all.length;
    const issues: JiraIssue[] = page.map((issue) => ({
      id: issue.id,
      key: issue.key,
      fields: Object.fromEntries(body.fields.filter((f) => f in issue.fields).map((f) => [f, issue.fields[f]])),
    }));
    return { issues, ...(isLast ? { isLast: true } : { isLast: false, nextPageToken: Buffer.from(String(start + size)).toString('base64') }) };
  }

  /** changelog/bulkfetch: histories of the requested issues, paged by history count. */
  private bulkfetch(body: { issueIdsOrKeys: string[]; nextPageToken?: string }) {
    const wanted = new Set(body.issueIdsOrKeys);
    const rows = [...this.issues.values()].filter((i) => wanted.has(i.id) || wanted.has(i.key)).flatMap((i) => i.histories.map((h) => ({ issueId: i.id, h })));
    const start = body.nextPageToken ? Number(body.nextPageToken) : 0;
    const page = rows.slice(start, start + this.bulkfetchHistoriesPerPage);
    const byIssue = new Map<string, JiraChangeHistory[]>();
    for (const { issueId, h } of page) byIssue.set(issueId, [...(byIssue.get(issueId) ?? []), h]);
    const next = start + this.bulkfetchHistoriesPerPage < rows.length ? String(start + this.bulkfetchHistoriesPerPage) : undefined;
    return { issueChangeLogs: [...byIssue].map(([issueId, changeHistories]) => ({ issueId, changeHistories })), ...(next ? { nextPageToken: next } : {}) };
  }
}

export const MAX_KVS_VALUE_BYTES = 240 * 1024;

/** KVS in memory with the platform's limits: values ≤ 240 KiB, keys ≤ 500 characters. */
export class MemoryKvs {
  readonly data = new Map<string, unknown>();
  sets = 0;
  largestValueBytes = 0;
  /** Throw on the n-th next set (simulates the function dying mid-batch). */
  crashOnSet: number | null = null;

  async get(key: string) {
    const value = this.data.get(key);
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
  async set(key: string, value: unknown) {
    if (key.length > 500) throw new Error(`key longer than 500 characters: ${key.length}`);
    const bytes = Buffer.byteLength(JSON.stringify(value));
    if (bytes > MAX_KVS_VALUE_BYTES) throw new Error(`value of ${bytes} bytes exceeds 240 KiB`);
    if (this.crashOnSet !== null && --this.crashOnSet <= 0) {
      this.crashOnSet = null;
      throw new Error('simulated crash: function timed out');
    }
    this.sets++;
    this.largestValueBytes = Math.max(this.largestValueBytes, bytes);
    this.data.set(key, JSON.parse(JSON.stringify(value)));
  }
  async delete(key: string) {
    this.data.delete(key);
  }
  query() {
    let prefix = '';
    let cursor = 0;
    let limit = 10;
    const builder = {
      where: (_field: 'key', clause: { condition: string; values: [string] }) => {
        if (clause.condition !== 'BEGINS_WITH') throw new Error(`MemoryKvs supports BEGINS_WITH only, got ${clause.condition}`);
        prefix = clause.values[0];
        return builder;
      },
      cursor: (c: string) => ((cursor = Number(c)), builder),
      limit: (n: number) => ((limit = n), builder),
      getMany: async () => {
        const matching = [...this.data.keys()].filter((k) => k.startsWith(prefix)).sort();
        const page = matching.slice(cursor, cursor + limit);
        return {
          results: page.map((key) => ({ key, value: JSON.parse(JSON.stringify(this.data.get(key))) })),
          ...(cursor + limit < matching.length ? { nextCursor: String(cursor + limit) } : {}),
        };
      },
    };
    return builder;
  }
}

/** Records pushes; applies the real per-push limits (50 events, 200 KB). */
export class QueueDouble {
  readonly pushes: Array<Array<{ body: Record<string, unknown> }>> = [];
  largestPushBytes = 0;
  /** Fail the n-th next push (simulates the trigger dying between batches). */
  failOnPush: number | null = null;

  async push(events: Array<{ body: Record<string, unknown> }>) {
    if (this.failOnPush !== null && --this.failOnPush <= 0) {
      this.failOnPush = null;
      throw new Error('simulated crash while pushing');
    }
    if (events.length > 50) throw new Error('The maximum number of events allowed is 50');
    const bytes = Buffer.byteLength(JSON.stringify(events));
    if (bytes / 1024 > 200) throw new Error('The maximum payload size allowed is 200KB');
    this.largestPushBytes = Math.max(this.largestPushBytes, bytes);
    this.pushes.push(events);
    return { jobId: `job-${this.pushes.length}` };
  }

  /** Takes every event pushed so far, oldest first, as the consumer receives them. */
  drain(): Array<{ body: Record<string, unknown>; queueName: string; jobId: string; eventId: string }> {
    const events = this.pushes.flatMap((push, p) => push.map((e, i) => ({ ...e, queueName: 'sla-sync', jobId: `job-${p + 1}`, eventId: `${p}-${i}` })));
    this.pushes.length = 0;
    return events;
  }
}

/** The platform as one test sees it; reset between tests. */
export const forge = {
  jira: new JiraDouble(),
  kvs: new MemoryKvs(),
  queue: new QueueDouble(),
  reset() {
    this.jira = new JiraDouble();
    this.kvs = new MemoryKvs();
    this.queue = new QueueDouble();
  },
};

/** Module factories for vi.mock. */
export const forgeMocks = {
  async api() {
    const { route } = await import('../../node_modules/@forge/api/out/safeUrl.js');
    const api = {
      asApp: () => ({ requestJira: (p: RouteLike, i?: Init) => forge.jira.request(null)(p, i) }),
      asUser: () => ({ requestJira: (p: RouteLike, i?: Init) => forge.jira.request(forgeUser.accountId)(p, i) }),
    };
    return { default: api, ...api, route };
  },
  kvs() {
    const kvs = {
      get: (k: string) => forge.kvs.get(k),
      set: (k: string, v: unknown) => forge.kvs.set(k, v),
      delete: (k: string) => forge.kvs.delete(k),
      query: () => forge.kvs.query(),
    };
    return { kvs, default: kvs, WhereConditions: { beginsWith: (value: string) => ({ condition: 'BEGINS_WITH', values: [value] }) } };
  },
  events() {
    class Queue {
      constructor(readonly params: { key: string }) {}
      push(events: Array<{ body: Record<string, unknown> }>) {
        return forge.queue.push(events);
      }
    }
    return { Queue };
  },
};

/** The account the resolver tests act as. */
export const forgeUser = { accountId: '5b10a2844c20165700ede21g' };
