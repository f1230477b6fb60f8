/**
 * Test doubles for the Forge platform: a Jira Cloud double answering like Atlassian's documented REST responses,
 * an in-memory KVS honouring the platform's size limits, and a queue that records pushes with the real limits.
 * Test files wire them in with vi.mock('@forge/api' | '@forge/kvs' | '@forge/events', () => forgeMocks.<x>()).
 */
import type { JiraChangeHistory, JiraIssue, JsmFeedback, JsmSlaMetric } from '../../forge-app/src/jira/types';
// The real packages' own error classes and push validation, so the app's `instanceof` checks see what production sees.
import { ForgeKvsAPIError } from '../../node_modules/@forge/kvs/out/errors.js';
import { RateLimitError } from '../../node_modules/@forge/events/out/errors.js';
import * as forgeEventErrors from '../../node_modules/@forge/events/out/errors.js';
import { validatePushEvents } from '../../node_modules/@forge/events/out/validators.js';
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../bench/prng';
import { respond, STATUS_TEXT, type DoubleResponse } from './double-response';
import { SiteCatalogue } from './forge-site-catalogue';

/** A small seeded generator (the bench's mulberry32): fault injection that a failing test can replay. */
const seeded = mulberry32;

/** What a fault looks like: an HTTP status the platform answers with, or no answer at all (a timeout). */
type Fault = 500 | 502 | 503 | 504 | 'timeout';
const FAULTS: Fault[] = [500, 502, 503, 504, 'timeout'];

interface RouteLike {
  value: string;
}
interface Init {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface DoubleIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  histories: JiraChangeHistory[];
  sla?: JsmSlaMetric[];
  feedback?: JsmFeedback;
  /** Issue entity properties by key, as Jira keeps them (set and removed through the issue properties API). */
  properties?: Record<string, unknown>;
  /** Comments, oldest first: `public` false is an internal note (JSM); `accountType` `customer` a portal customer. */
  comments?: DoubleComment[];
  /** A JSM customer request (JSM's request APIs answer for it); a Jira Software or Work Management issue when false. */
  request?: boolean;
}

export interface DoubleComment {
  id: string;
  at: number;
  public: boolean;
  author: { accountId: string; accountType?: 'atlassian' | 'customer' };
}

/**
 * Which issues a JQL query matches, for `POST /rest/api/3/jql/match`: the double runs no JQL, so a test says it.
 * An entry whose value is a string is a query Jira rejects with that error.
 */
type JqlMatcher = ((issue: DoubleIssue) => boolean) | string;

/** The scopes manifest.yml asks for: the double refuses a call whose documented scope the app lacks (as Jira's 401/403). */
const manifestScopes = (): Set<string> =>
  new Set([...readFileSync(join(import.meta.dirname, '../../manifest.yml'), 'utf8').matchAll(/^\s+- ((?:read|write|manage|storage):[\w:-]+)$/gm)].map((m) => m[1]));

/** JSM's Organizations field as `GET /rest/api/3/field` lists it (the id differs per site). */
const ORGANIZATIONS_FIELD = { id: 'customfield_10002', name: 'Organizations', custom: true, schema: { type: 'array', items: 'sd-customer-organization', custom: 'com.atlassian.servicedesk:sd-customer-organizations', customId: 10002 } };

/** Jira's JQL date `2025/03/03 02:00`, read as UTC (the double's site time zone). */
const jqlInstant = (text: string) => Date.parse(`${text.replace(/\//g, '-').replace(' ', 'T')}:00Z`);

class JiraDouble {
  readonly issues = new Map<string, DoubleIssue>();
  /**
   * Scripted 429s: the next `count` calls whose path starts with `prefix` answer 429 with this Retry-After, in whole
   * seconds (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/).
   */
  private throttles: Array<{ prefix: string; count: number; retryAfter: string | null }> = [];
  /** Issue keys search/jql leaves out until this many searches were answered (eventual consistency). */
  private hiddenUntil = new Map<string, number>();
  searches = 0;
  readonly calls: string[] = [];
  browsable = new Set<string>();
  /** Projects a given account may browse, where it differs from `browsable` (every other account's). */
  readonly browsableBy = new Map<string, Set<string>>();
  admins = new Set<string>();
  issueBrowsable = true;
  /** JQL Jira refuses: search/jql answers 400 with this errorMessages body when the query contains the key. */
  readonly invalidJql = new Map<string, { errorMessages: string[]; warningMessages: string[] }>();
  searchPageSize = 100;
  bulkfetchHistoriesPerPage = 1000;
  /** Issue keys under an issue security level that these accounts may not see (they may still browse the project). */
  readonly secured = new Map<string, Set<string>>();
  /** Keys of deleted issues, and old key → new key of moved issues (Jira keeps answering to a moved issue's old key). */
  readonly deletedKeys = new Set<string>();
  readonly movedKeys = new Map<string, string>();
  /** Scripted failures: the next `count` calls whose path starts with `prefix` fail this way. */
  private failures: Array<{ prefix: string; count: number; fault: Fault; retryAfter?: string }> = [];
  /** Random faults: each call fails with this probability (seeded), except the paths listed as spared. */
  private random: { rate: number; next: () => number } | null = null;
  faultsInjected = 0;
  /** Account ids and display names the user-facing answers carry. */
  readonly displayNames = new Map<string, string>();
  /** Whether the site has JSM's Organizations field (listed by `GET /rest/api/3/field`). */
  hasOrganizationsField = false;
  /** The scopes the app was granted: those manifest.yml asks for, unless a test takes one away. */
  scopes = manifestScopes();
  /** Issue property writes the app made, in order (`PUT KEY/propertyKey` or `DELETE …`). */
  readonly propertyWrites: string[] = [];
  /** The groups each account belongs to (`GET /rest/api/3/myself?expand=groups` answers them for the caller). */
  readonly groupsOf = new Map<string, Array<{ name: string; groupId: string }>>();
  /** Projects, statuses, request types, priorities and custom fields the admin page's pickers list. */
  readonly catalogue = new SiteCatalogue();
  /** The queries jql/match knows, by JQL text; each call's body is kept in `jqlMatchCalls`. */
  readonly jqlMatchers = new Map<string, JqlMatcher>();
  readonly jqlMatchCalls: Array<{ issueIds: number[]; jqls: string[] }> = [];
  /** Actions carried out on issues, in order: `notify KEY assignee,watchers`, `comment KEY internal`, `set KEY priority=Highest`. */
  readonly actionsDone: string[] = [];
  /** Priorities that exist on the site (setting another is refused, as Jira does). */
  priorities = new Set(['Highest', 'High', 'Medium', 'Low']);

  add(issue: DoubleIssue): void {
    this.issues.set(issue.key, issue);
  }

  /** Deletes an issue: it leaves search results, and a JQL naming its key is refused with a 400. */
  deleteIssue(key: string): void {
    this.issues.delete(key);
    this.deletedKeys.add(key);
  }

  /** Moves an issue to another project: a new key and project, the same id; the old key still finds it. */
  moveIssue(oldKey: string, newKey: string, updated: string): void {
    const issue = this.issues.get(oldKey)!;
    this.issues.delete(oldKey);
    const project = newKey.slice(0, newKey.lastIndexOf('-'));
    this.issues.set(newKey, { ...issue, key: newKey, fields: { ...issue.fields, project: { id: '200', key: project, name: project }, updated } });
    this.movedKeys.set(oldKey, newKey);
  }

  /** Hides an issue from an account through an issue security level. */
  secure(key: string, fromAccount: string): void {
    if (!this.secured.has(key)) this.secured.set(key, new Set());
    this.secured.get(key)!.add(fromAccount);
  }

  /** A transient 5xx may carry Retry-After (a 503 at a resource limit, https://developer.atlassian.com/cloud/jira/platform/rate-limiting/). */
  fail(prefix: string, count: number, fault: Fault, retryAfter?: string): void {
    this.failures.push({ prefix, count, fault, retryAfter });
  }

  /** Jira recovers: scripted failures still pending are dropped. */
  recover(): void {
    this.failures = [];
  }

  injectFaults(rate: number, seed: number): void {
    this.random = rate > 0 ? { rate, next: seeded(seed) } : null;
  }

  /** The projects this caller may browse (the app, acting as itself, browses every project the user list names). */
  private projectsOf(asUser: string | null): Set<string> {
    return (asUser !== null && this.browsableBy.get(asUser)) || this.browsable;
  }

  private canSee(asUser: string | null, key: string): boolean {
    return asUser === null || !this.secured.get(key)?.has(asUser);
  }

  /** A key as Jira resolves it: itself, or the key a moved issue has now. */
  private resolveKey(key: string): string {
    let current = key;
    for (let hops = 0; this.movedKeys.has(current) && hops < 10; hops++) current = this.movedKeys.get(current)!;
    return current;
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
    // Server errors and timeouts happen on any call (https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/#status-codes):
    // a timeout reaches the app as a rejected requestJira promise, not as a response.
    const scripted = this.failures.find((f) => f.count > 0 && url.pathname.startsWith(f.prefix));
    let fault: Fault | null = null;
    let retryAfter: string | undefined;
    if (scripted) {
      scripted.count--;
      fault = scripted.fault;
      retryAfter = scripted.retryAfter;
    } else if (this.random && this.random.next() < this.random.rate) {
      fault = FAULTS[Math.floor(this.random.next() * FAULTS.length)];
    }
    if (fault !== null) {
      this.faultsInjected++;
      if (fault === 'timeout') throw new Error(`double: ${method} ${url.pathname} timed out`);
      return respond(fault, { errorMessages: [`double: injected ${fault}`] }, retryAfter === undefined ? {} : { 'Retry-After': retryAfter });
    }
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    if (method === 'POST' && url.pathname === '/rest/api/3/search/jql') {
      const refused = [...this.invalidJql].find(([text]) => body.jql.includes(text));
      if (refused) return respond(400, refused[1]);
      // A JQL naming a key that does not exist (deleted, or never was) is refused with 400, one message per key
      // (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-post:
      // "400 If the JQL query is invalid"; the message is Jira's "An issue with key 'X' does not exist for field 'key'.").
      const named = /key in \(([^)]*)\)/i.exec(body.jql)?.[1].split(',').map((k: string) => k.trim()).filter(Boolean) ?? [];
      const unknown = named.filter((k: string) => !this.issues.has(this.resolveKey(k)));
      if (unknown.length > 0) return respond(400, { errorMessages: unknown.map((k: string) => `An issue with key '${k}' does not exist for field 'key'.`), warningMessages: [] });
      return respond(200, this.search(body, asUser));
    }
    // Issue properties (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/):
    // PUT needs write:jira-work, a key of at most 255 characters and a non-empty JSON value of at most 32,768
    // characters (400 otherwise); 404 for an issue that does not exist; DELETE of a missing property is a 404.
    const property = /^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/.exec(url.pathname);
    if (property) {
      const scope = method === 'GET' ? 'read:jira-work' : 'write:jira-work';
      if (!this.scopes.has(scope)) return respond(403, { errorMessages: [`double: the app lacks the scope ${scope}`] });
      const issue = this.issues.get(this.resolveKey(decodeURIComponent(property[1])));
      const propertyKey = decodeURIComponent(property[2]);
      if (!issue || !this.canSee(asUser, issue.key)) return respond(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] });
      if (propertyKey.length > 255) return respond(400, { errorMessages: ['The property key cannot be longer than 255 characters.'] });
      if (method === 'PUT') {
        const text = typeof init.body === 'string' ? init.body : '';
        if (text.length === 0) return respond(400, { errorMessages: ['The property value cannot be empty.'] });
        if (text.length > 32_768) return respond(400, { errorMessages: ['The property value cannot be longer than 32768 characters.'] });
        issue.properties = { ...issue.properties, [propertyKey]: JSON.parse(text) };
        this.propertyWrites.push(`PUT ${issue.key}/${propertyKey}`);
        return respond(200, {});
      }
      const has = issue.properties !== undefined && propertyKey in issue.properties;
      if (method === 'DELETE') {
        if (!has) return respond(404, { errorMessages: ['The property was not found.'] });
        delete issue.properties![propertyKey];
        this.propertyWrites.push(`DELETE ${issue.key}/${propertyKey}`);
        return respond(204, {});
      }
      return has ? respond(200, { key: propertyKey, value: issue.properties![propertyKey] }) : respond(404, { errorMessages: ['The property was not found.'] });
    }
    // Get fields (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get).
    if (method === 'GET' && url.pathname === '/rest/api/3/field') {
      const system = [{ id: 'summary', name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } }];
      return respond(200, this.hasOrganizationsField ? [...system, ORGANIZATIONS_FIELD] : system);
    }
    // Get issue (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get):
    // the fields asked for; 404 when the issue does not exist or the caller may not see it.
    const single = /^\/rest\/api\/3\/issue\/([^/]+)$/.exec(url.pathname);
    if (method === 'GET' && single) {
      const issue = this.issues.get(this.resolveKey(decodeURIComponent(single[1])));
      if (!issue || !this.canSee(asUser, issue.key)) return respond(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] });
      const wanted = (url.searchParams.get('fields') ?? '').split(',').filter(Boolean);
      return respond(200, { id: issue.id, key: issue.key, fields: Object.fromEntries(wanted.filter((f) => f in issue.fields).map((f) => [f, issue.fields[f]])) });
    }
    if (method === 'POST' && url.pathname === '/rest/api/3/permissions/check') {
      // Get bulk permissions (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-permissions-check-post):
      // for each project permission, the ids of the listed issues the calling user has it for; unknown ids are
      // ignored; at most 1,000 issues a call.
      const asked = (body.projectPermissions ?? []) as Array<{ permissions: string[]; issues?: number[]; projects?: number[] }>;
      if (asked.some((p) => (p.issues?.length ?? 0) > 1000)) return respond(400, { errorMessages: ['A maximum of 1000 issues can be checked.'] });
      const byId = new Map([...this.issues.values()].map((i) => [Number(i.id), i]));
      return respond(200, {
        globalPermissions: [],
        projectPermissions: asked.flatMap((p) => p.permissions.map((permission) => ({
          permission,
          projects: [],
          issues: (p.issues ?? []).filter((id) => {
            const issue = byId.get(id);
            return issue !== undefined && this.projectsOf(asUser).has((issue.fields.project as { key: string }).key) && this.canSee(asUser, issue.key);
          }),
        }))),
      });
    }
    if (method === 'POST' && url.pathname === '/rest/api/3/changelog/bulkfetch') {
      // Bulk fetch changelogs (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-changelog-bulkfetch-post):
      // at most 1,000 issue ids or keys a call.
      if ((body.issueIdsOrKeys?.length ?? 0) > 1000) return respond(400, { errorMessages: ['issueIdsOrKeys: at most 1000 issues'] });
      return respond(200, this.bulkfetch(body));
    }
    // Get permitted projects (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-permissions-project-post):
    // the projects where the calling user has the permissions asked for.
    if (method === 'POST' && url.pathname === '/rest/api/3/permissions/project') {
      return respond(200, { projects: [...this.projectsOf(asUser)].map((key, i) => ({ id: 10000 + i, key })) });
    }
    // Get my permissions (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-mypermissions-get):
    // with issueKey, issue security levels count.
    if (method === 'GET' && url.pathname === '/rest/api/3/mypermissions') {
      const wanted = url.searchParams.get('permissions')!;
      const issueKey = url.searchParams.get('issueKey');
      const have = wanted === 'ADMINISTER' ? asUser !== null && this.admins.has(asUser) : this.issueBrowsable && (issueKey === null || this.canSee(asUser, issueKey));
      return respond(200, { permissions: { [wanted]: { id: '0', key: wanted, havePermission: have } } });
    }
    // Get current user (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-myself/#api-rest-api-3-myself-get):
    // the calling user; `expand=groups` adds `groups: { size, items: [{ name, groupId }] }`; as the app there is no
    // current user to describe (401).
    if (method === 'GET' && url.pathname === '/rest/api/3/myself') {
      if (asUser === null) return respond(401, { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'] });
      const groups = this.groupsOf.get(asUser) ?? [];
      const expanded = (url.searchParams.get('expand') ?? '').split(',').includes('groups');
      return respond(200, { accountId: asUser, active: true, ...(expanded ? { groups: { size: groups.length, items: groups } } : {}) });
    }
    // JSM request SLA and feedback (https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/):
    // paged `values` with isLastPage; 404 for an issue that is not a request, and for a request without feedback.
    const jsm = /^\/rest\/servicedeskapi\/request\/([^/]+)\/(sla|feedback)$/.exec(url.pathname);
    if (jsm) {
      const issue = this.issues.get(jsm[1]);
      if (jsm[2] === 'sla') {
        if (!issue?.sla) return respond(404, { errorMessage: 'Request does not exist' });
        return respond(200, { size: issue.sla.length, start: 0, limit: 50, isLastPage: true, values: issue.sla });
      }
      return issue?.feedback ? respond(200, issue.feedback) : respond(404, { errorMessage: 'No feedback' });
    }
    const answered = this.answerCommentsOrMatch(method, url, body) ?? this.answerActions(method, url, body);
    if (answered) return answered;
    const listed = this.catalogue.answer(method, url, respond);
    if (listed) return listed;
    return respond(404, { errorMessages: [`double: no route for ${method} ${url.pathname}`] });
  };

  /**
   * JSM request comments (https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-comment-get:
   * paged `values` with `public`, `author`, `created.epochMillis`, `isLastPage`; 404 for an issue that is no request;
   * scope read:servicedesk-request), Jira issue comments (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-get:
   * `comments` paged by startAt/maxResults with `total`, `jsdPublic` on JSM issues; scope read:jira-work) and
   * jql/match (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-jql-match-post:
   * `{ issueIds, jqls }` answers `{ matches: [{ matchedIssues, errors }] }`, one per query in order; read:jira-work).
   */
  private answerCommentsOrMatch(method: string, url: URL, body: any): DoubleResponse | null {
    const jsmComments = /^\/rest\/servicedeskapi\/request\/([^/]+)\/comment$/.exec(url.pathname);
    if (method === 'GET' && jsmComments) {
      if (!this.scopes.has('read:servicedesk-request')) return respond(403, { errorMessages: ['double: the app lacks the scope read:servicedesk-request'] });
      const issue = this.issues.get(decodeURIComponent(jsmComments[1]));
      if (!issue?.request) return respond(404, { errorMessage: 'Request does not exist' });
      const start = Number(url.searchParams.get('start') ?? 0);
      const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 50));
      const all = issue.comments ?? [];
      const values = all.slice(start, start + limit).map((c) => ({ id: c.id, body: 'text', public: c.public, author: c.author, created: { epochMillis: c.at, iso8601: new Date(c.at).toISOString() } }));
      return respond(200, { size: values.length, start, limit, isLastPage: start + limit >= all.length, values });
    }
    const jiraComments = /^\/rest\/api\/3\/issue\/([^/]+)\/comment$/.exec(url.pathname);
    if (method === 'GET' && jiraComments) {
      const issue = this.issues.get(this.resolveKey(decodeURIComponent(jiraComments[1])));
      if (!issue) return respond(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] });
      const startAt = Number(url.searchParams.get('startAt') ?? 0);
      const maxResults = Math.min(100, Number(url.searchParams.get('maxResults') ?? 50));
      const all = issue.comments ?? [];
      const comments = all.slice(startAt, startAt + maxResults).map((c) => ({ id: c.id, author: c.author, created: new Date(c.at).toISOString().replace('Z', '+0000'), ...(issue.request ? { jsdPublic: c.public } : {}) }));
      return respond(200, { startAt, maxResults, total: all.length, comments });
    }
    // Parse JQL (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-jql/#api-rest-api-3-jql-parse-post):
    // `{ queries }` answers one entry per query, with `errors` for a query Jira refuses (the double: those in `invalidJql`).
    if (method === 'POST' && url.pathname === '/rest/api/3/jql/parse') {
      return respond(200, {
        queries: (body.queries as string[]).map((query) => {
          const refused = [...this.invalidJql].find(([text]) => query.includes(text));
          return refused ? { query, errors: refused[1].errorMessages } : { query, structure: {} };
        }),
      });
    }
    if (method === 'POST' && url.pathname === '/rest/api/3/jql/match') {
      if (!this.scopes.has('read:jira-work')) return respond(403, { errorMessages: ['double: the app lacks the scope read:jira-work'] });
      this.jqlMatchCalls.push({ issueIds: body.issueIds, jqls: body.jqls });
      const byId = new Map([...this.issues.values()].map((i) => [Number(i.id), i]));
      return respond(200, {
        matches: (body.jqls as string[]).map((jql) => {
          const matcher = this.jqlMatchers.get(jql);
          if (typeof matcher === 'string') return { matchedIssues: [], errors: [matcher] };
          return { matchedIssues: (body.issueIds as number[]).filter((id) => byId.has(id) && matcher !== undefined && matcher(byId.get(id)!)), errors: [] };
        }),
      });
    }
    return null;
  }

  /**
   * Issue actions, each needing write:jira-work: notify (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-notify-post:
   * `{ subject, textBody, to }`, 204), add comment (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-post:
   * an ADF `body` and `properties`; JSM's `sd.public.comment` `{ internal: true }` makes it internal; 201) and edit
   * issue (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-put:
   * `{ fields }`, 204; 400 for a priority that does not exist).
   */
  private answerActions(method: string, url: URL, body: any): DoubleResponse | null {
    const action = /^\/rest\/api\/3\/issue\/([^/]+)(\/notify|\/comment)?$/.exec(url.pathname);
    if (!action || (method !== 'POST' && method !== 'PUT') || (method === 'PUT' && action[2] !== undefined) || (method === 'POST' && action[2] === undefined)) return null;
    if (!this.scopes.has('write:jira-work')) return respond(403, { errorMessages: ['double: the app lacks the scope write:jira-work'] });
    const issue = this.issues.get(this.resolveKey(decodeURIComponent(action[1])));
    if (!issue) return respond(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] });
    if (action[2] === '/notify') {
      if (!body.subject || !body.textBody) return respond(400, { errorMessages: ['double: subject and textBody are required'] });
      this.actionsDone.push(`notify ${issue.key} ${Object.keys(body.to).sort().join(',')}`);
      return respond(204, {});
    }
    if (action[2] === '/comment') {
      if (body.body?.type !== 'doc') return respond(400, { errorMessages: ['Comment body is not valid Atlassian Document Format'] });
      const internal = (body.properties ?? []).some((p: { key: string; value: { internal?: boolean } }) => p.key === 'sd.public.comment' && p.value.internal === true);
      const id = String(90000 + this.actionsDone.length);
      issue.comments = [...(issue.comments ?? []), { id, at: Date.now(), public: !internal, author: { accountId: 'app', accountType: 'atlassian' } }];
      this.actionsDone.push(`comment ${issue.key} ${internal ? 'internal' : 'public'}`);
      return respond(201, { id });
    }
    const [[field, value]] = Object.entries(body.fields as Record<string, { name?: string; accountId?: string }>);
    if (field === 'priority' && !this.priorities.has(value.name ?? '')) return respond(400, { errorMessages: [], errors: { priority: `Priority name '${value.name}' is not valid` } });
    issue.fields[field] = value;
    this.actionsDone.push(`set ${issue.key} ${field}=${value.name ?? value.accountId}`);
    return respond(204, {});
  }

  private matching(jql: string, asUser: string | null, reconcile: ReadonlySet<string> = new Set()): DoubleIssue[] {
    const keyList = /key in \(([^)]*)\)/i.exec(jql);
    const wantedKeys = keyList ? new Set(keyList[1].split(',').map((k) => this.resolveKey(k.trim()))) : null;
    const projects = /project in \(([^)]*)\)/i.exec(jql);
    const since = /updated >= "([^"]+)"/.exec(jql);
    // Search is eventually consistent (https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile):
    // a recent change may be missing for a while, unless the request lists the issue's id in `reconcileIssues` (at
    // most 50); issues under a security level the user lacks are never returned.
    const visible = [...this.issues.values()].filter((issue) => ((this.hiddenUntil.get(issue.key) ?? 0) < this.searches || reconcile.has(issue.id)) && this.canSee(asUser, issue.key));
    return visible
      .filter((issue) => !wantedKeys || wantedKeys.has(issue.key))
      .filter((issue) => !projects || projects[1].split(',').map((k) => k.trim()).includes((issue.fields.project as { key: string }).key))
      .filter((issue) => !since || Date.parse(issue.fields.updated as string) >= jqlInstant(since[1]))
      .sort((a, b) => Date.parse(a.fields.updated as string) - Date.parse(b.fields.updated as string) || a.key.localeCompare(b.key));
  }

  /**
   * search/jql (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-post):
   * pages of `maxResults` (at most the double's page size), opaque nextPageToken, isLast; no total.
   */
  private search(body: { jql: string; fields: string[]; maxResults?: number; nextPageToken?: string; reconcileIssues?: number[] }, asUser: string | null) {
    this.searches++;
    if ((body.reconcileIssues?.length ?? 0) > 50) throw new Error('double: reconcileIssues takes at most 50 issue ids');
    const all = this.matching(body.jql, asUser, new Set((body.reconcileIssues ?? []).map(String)));
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

  /** changelog/bulkfetch: histories of the requested issues, paged by history count, nextPageToken until the last page. */
  private bulkfetch(body: { issueIdsOrKeys: string[]; fieldIds?: string[]; nextPageToken?: string }) {
    const wanted = new Set(body.issueIdsOrKeys);
    // `fieldIds` narrows each history to the items of those fields; a history left with none is not returned.
    const fields = body.fieldIds?.length ? new Set(body.fieldIds) : null;
    const narrowed = (h: JiraChangeHistory) => (fields ? { ...h, items: h.items.filter((item) => fields.has(item.fieldId ?? item.field)) } : h);
    const rows = [...this.issues.values()]
      .filter((i) => wanted.has(i.id) || wanted.has(i.key))
      .flatMap((i) => i.histories.map(narrowed).filter((h) => h.items.length > 0).map((h) => ({ issueId: i.id, h })));
    const start = body.nextPageToken ? Number(body.nextPageToken) : 0;
    const page = rows.slice(start, start + this.bulkfetchHistoriesPerPage);
    const byIssue = new Map<string, JiraChangeHistory[]>();
    for (const { issueId, h } of page) byIssue.set(issueId, [...(byIssue.get(issueId) ?? []), h]);
    const next = start + this.bulkfetchHistoriesPerPage < rows.length ? String(start + this.bulkfetchHistoriesPerPage) : undefined;
    return { issueChangeLogs: [...byIssue].map(([issueId, changeHistories]) => ({ issueId, changeHistories })), ...(next ? { nextPageToken: next } : {}) };
  }
}

const MAX_KVS_VALUE_BYTES = 240 * 1024;

const kvsError = (status: number, code: string, message: string) =>
  new ForgeKvsAPIError({ status, statusText: STATUS_TEXT[status] ?? 'Error' }, { code, message });

/**
 * A Map that also keeps its keys in order, so a prefix query starts at its first key by binary search rather than
 * scanning and sorting every key (the Forge scale bench holds 200,000 keys and queries on every event). Keys set since
 * the last query wait unsorted and are merged in by the next one; deleted keys leave at that merge. Tests that write
 * `data` directly are seen too.
 */
class KeyOrderedMap<V> extends Map<string, V> {
  private ordered: string[] = [];
  private unordered: string[] = [];
  private deletions = false;

  override set(key: string, value: V): this {
    if (!this.has(key)) this.unordered.push(key);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.deletions ||= this.has(key);
    return super.delete(key);
  }

  override clear(): void {
    this.ordered = [];
    this.unordered = [];
    super.clear();
  }

  /** Up to `count` keys beginning with `prefix` and greater than `after`, in key order (UTF-16 code units, as sort()). */
  keysWithPrefix(prefix: string, after: string | null, count: number): string[] {
    this.merge();
    const found: string[] = [];
    let at = after !== null && after >= prefix ? this.firstAtOrAfter(after) : this.firstAtOrAfter(prefix);
    if (after !== null && this.ordered[at] === after) at++;
    for (; at < this.ordered.length && found.length < count && this.ordered[at].startsWith(prefix); at++) found.push(this.ordered[at]);
    return found;
  }

  /** One pass over both lists; a key deleted (and maybe set again) is kept once, if it is still there. */
  private merge(): void {
    if (this.unordered.length === 0 && !this.deletions) return;
    const added = this.unordered.sort();
    const merged: string[] = [];
    const keep = (key: string) => {
      if (this.has(key) && merged[merged.length - 1] !== key) merged.push(key);
    };
    let [i, j] = [0, 0];
    while (i < this.ordered.length || j < added.length) keep(j >= added.length || (i < this.ordered.length && this.ordered[i] <= added[j]) ? this.ordered[i++] : added[j++]);
    [this.ordered, this.unordered, this.deletions] = [merged, [], false];
  }

  private firstAtOrAfter(key: string): number {
    let [low, high] = [0, this.ordered.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.ordered[middle] < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/**
 * KVS in memory with the platform's rules (https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs
 * and https://developer.atlassian.com/platform/forge/limits-kvs-ce): keys of more than one and at most 500 characters
 * matching /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/ (INVALID_KEY, KEY_TOO_SHORT, KEY_TOO_LONG), values ≤ 240 KiB (MAX_SIZE)
 * and ≤ 32 levels deep (MAX_DEPTH), 429 RATE_LIMIT_EXCEEDED and 5xx answers when faults are injected.
 */
class MemoryKvs {
  readonly data = new KeyOrderedMap<unknown>();
  sets = 0;
  calls = 0;
  largestValueBytes = 0;
  /**
   * Throw on the n-th next set (simulates the function dying mid-batch): every later call fails too until `revive()`,
   * as a dead invocation makes no more calls (the app's own retries must not paper over it).
   */
  crashOnSet: number | null = null;
  private dead = false;
  revive(): void {
    this.dead = false;
  }
  private random: { rate: number; next: () => number } | null = null;
  faultsInjected = 0;

  injectFaults(rate: number, seed: number): void {
    this.random = rate > 0 ? { rate, next: seeded(seed) } : null;
  }

  private call(): void {
    if (this.dead) throw new Error('simulated crash: function timed out');
    this.calls++;
    if (this.random && this.random.next() < this.random.rate) {
      this.faultsInjected++;
      throw this.random.next() < 0.5 ? kvsError(429, 'RATE_LIMIT_EXCEEDED', 'Rate limit exceeded') : kvsError(500, 'INTERNAL_SERVER_ERROR', 'double: injected 500');
    }
  }

  private checkKey(key: string): void {
    if (typeof key !== 'string' || key.length <= 1) throw kvsError(400, 'KEY_TOO_SHORT', 'The provided key needs to be more than one character.');
    if (key.length > 500) throw kvsError(400, 'KEY_TOO_LONG', `The provided key has exceeded the maximum 500 characters (${key.length}).`);
    if (!/^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/.test(key)) throw kvsError(400, 'INVALID_KEY', `The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/ (${key.slice(0, 80)})`);
  }

  async get(key: string) {
    this.checkKey(key);
    this.call();
    const value = this.data.get(key);
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
  /**
   * `keyPolicy: 'FAIL_IF_EXISTS'` writes only a key that does not exist, checked and written in one step
   * (https://developer.atlassian.com/platform/forge/runtime-reference/storage-api-basic-api/, SetOptions); otherwise
   * the call is refused and the value kept. The double refuses with a 409, as a conflict; the app reads the key back
   * rather than relying on the code.
   */
  async set(key: string, value: unknown, options?: { keyPolicy?: 'OVERRIDE' | 'FAIL_IF_EXISTS' }) {
    this.checkKey(key);
    if (options?.keyPolicy === 'FAIL_IF_EXISTS' && this.data.has(key)) {
      this.call();
      throw kvsError(409, 'KEY_CONFLICT', `double: the key ${key.slice(0, 80)} already exists`);
    }
    const bytes = Buffer.byteLength(JSON.stringify(value));
    if (bytes > MAX_KVS_VALUE_BYTES) throw kvsError(400, 'MAX_SIZE', `value of ${bytes} bytes exceeds 240 KiB`);
    const depth = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0);
    if (depth(value) > 32) throw kvsError(400, 'MAX_DEPTH', 'The provided value has exceeded the maximum object depth (32) limit.');
    if (this.crashOnSet !== null && --this.crashOnSet <= 0) {
      this.crashOnSet = null;
      this.dead = true;
    }
    this.call();
    this.sets++;
    this.largestValueBytes = Math.max(this.largestValueBytes, bytes);
    this.data.set(key, JSON.parse(JSON.stringify(value)));
  }
  async delete(key: string) {
    this.checkKey(key);
    this.call();
    this.data.delete(key);
  }
  /**
   * Key-prefix queries, in key order, `limit` (default 10, at most 20) a page; the cursor is opaque
   * (https://developer.atlassian.com/platform/forge/runtime-reference/storage-api-query/: "up to a maximum of 20",
   * "Cursors shouldn't be persisted"). A limit over 20 is refused here rather than capped, so the app cannot rely on
   * it. This double's cursor names the last key returned, so a key deleted between pages shifts nothing.
   */
  /** Every prefix a query asked for, in order: tests read which months a resolver touched. */
  readonly queriedPrefixes: string[] = [];

  query() {
    let prefix = '';
    let after: string | null = null;
    let limit = 10;
    const builder = {
      where: (_field: 'key', clause: { condition: string; values: [string] }) => {
        if (clause.condition !== 'BEGINS_WITH') throw new Error(`MemoryKvs supports BEGINS_WITH only, got ${clause.condition}`);
        prefix = clause.values[0];
        this.queriedPrefixes.push(prefix);
        return builder;
      },
      cursor: (c: string) => ((after = Buffer.from(c, 'base64').toString('utf8')), builder),
      limit: (n: number) => {
        if (n > 20) throw kvsError(400, 'INVALID_LIMIT', `query limit ${n} is over the maximum of 20`);
        limit = n;
        return builder;
      },
      getMany: async () => {
        this.call();
        const matching = this.data.keysWithPrefix(prefix, after, limit + 1);
        const page = matching.slice(0, limit);
        return {
          results: page.map((key) => ({ key, value: JSON.parse(JSON.stringify(this.data.get(key))) })),
          ...(limit < matching.length ? { nextCursor: Buffer.from(page[page.length - 1], 'utf8').toString('base64') } : {}),
        };
      },
    };
    return builder;
  }
}

/**
 * Records pushes with the platform's limits (https://developer.atlassian.com/platform/forge/limits-async-events):
 * 50 events and 200 KB a push (checked by @forge/events' own validator), 100 KB an event for consumers with a
 * timeout over 55 s (ours: 900 s), and 500 events a minute per installation, beyond which the push throws
 * RateLimitError (https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-error-handling).
 */
class QueueDouble {
  readonly pushes: Array<Array<{ body: Record<string, unknown> }>> = [];
  largestPushBytes = 0;
  /** Fail the n-th next push (simulates the trigger dying between batches). */
  failOnPush: number | null = null;
  /** The clock the per-minute limit is counted on; tests point it at the app's runtime clock. */
  now: () => number = () => Date.now();
  /** When each accepted event was pushed, for the 500-a-minute window. */
  private accepted: number[] = [];
  rateLimited = 0;

  /**
   * The next push fails with the platform's InvocationLimitReachedError: a chain of pushes that began with one
   * invocation may hold at most 1,000 pushes (https://developer.atlassian.com/platform/forge/limits-async-events).
   * The double cannot see invocation chains, so tests script the moment a chain reaches it.
   */
  chainLimitOnNextPush = false;

  async push(events: Array<{ body: Record<string, unknown> }>) {
    if (this.failOnPush !== null && --this.failOnPush <= 0) {
      this.failOnPush = null;
      throw new Error('simulated crash while pushing');
    }
    if (this.chainLimitOnNextPush) {
      this.chainLimitOnNextPush = false;
      throw new forgeEventErrors.InvocationLimitReachedError('The event cannot be pushed: the invocation chain reached 1000 push requests');
    }
    validatePushEvents(events as never);
    for (const event of events) {
      if (Buffer.byteLength(JSON.stringify(event)) > 100 * 1024) throw new forgeEventErrors.PayloadTooBigError('The maximum payload size allowed for a long-running consumer event is 100KB');
    }
    const now = this.now();
    this.accepted = this.accepted.filter((at) => at > now - 60_000);
    if (this.accepted.length + events.length > 500) {
      this.rateLimited++;
      throw new RateLimitError('Too many events pushed in a minute; retry after a minute');
    }
    const bytes = Buffer.byteLength(JSON.stringify(events));
    this.largestPushBytes = Math.max(this.largestPushBytes, bytes);
    this.pushes.push(events);
    for (let i = 0; i < events.length; i++) this.accepted.push(now);
    return { jobId: `job-${this.pushes.length}` };
  }

  /** Takes every event pushed so far, oldest first, as the consumer receives them. */
  drain(): Array<{ body: Record<string, unknown>; queueName: string; jobId: string; eventId: string }> {
    const events = this.pushes.flatMap((push, p) => push.map((e, i) => ({ ...e, queueName: 'sla-sync', jobId: `job-${p + 1}`, eventId: `${p}-${i}` })));
    this.pushes.length = 0;
    return events;
  }
}

/**
 * The app's environment as `getAppContext().environmentType` reports it (DEVELOPMENT, STAGING or PRODUCTION,
 * https://developer.atlassian.com/platform/forge/runtime-reference/app-context-api/). Tests run as a development
 * install, where Atlassian sends no license (https://developer.atlassian.com/platform/forge/function-reference/arguments/),
 * unless they say otherwise.
 */
export type EnvironmentType = 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';

/** The platform as one test sees it; reset between tests. */
export const forge = {
  jira: new JiraDouble(),
  kvs: new MemoryKvs(),
  queue: new QueueDouble(),
  environmentType: 'DEVELOPMENT' as EnvironmentType,
  reset() {
    this.jira = new JiraDouble();
    this.kvs = new MemoryKvs();
    this.queue = new QueueDouble();
    this.environmentType = 'DEVELOPMENT';
  },
};

/**
 * The user an invocation runs for. `api.asUser()` acts as the user who made the invocation (the resolver's principal)
 * and has no user to act as in a trigger or consumer, so the double keeps the principal per invocation.
 */
const invocationUser = new AsyncLocalStorage<{ accountId: string | null }>();

const currentUser = (): string => {
  const accountId = invocationUser.getStore()?.accountId;
  if (!accountId) throw new Error('double: api.asUser() was called in an invocation without a user (a trigger, a consumer or an anonymous visitor)');
  return accountId;
};

/** One resolver call as the Forge host makes it: the module it comes from, the user, the license (none by default). */
export interface ResolverCall {
  moduleKey: string;
  /** The caller; null for an anonymous portal visitor. */
  accountId?: string | null;
  extension?: Record<string, unknown>;
  license?: Record<string, unknown>;
}

/**
 * The module whose view invokes each resolver (manifest.yml resources → the views under forge-app/src/frontend): the
 * `moduleKey` the Forge host sends with that invoke. Gadget edit views share their gadget's key.
 */
export const VIEW_MODULE: Record<string, string> = {
  getConfig: 'sla-admin-page',
  saveConfig: 'sla-admin-page',
  retryFailedNow: 'sla-admin-page',
  startRecompute: 'sla-admin-page',
  adminPicker: 'sla-admin-page',
  previewCalendar: 'sla-admin-page',
  tryPolicy: 'sla-admin-page',
  checkConfig: 'sla-admin-page',
  checkJql: 'sla-admin-page',
  getAlertAudit: 'sla-admin-page',
  getScorecardActuals: 'sla-admin-page',
  saveScorecardActuals: 'sla-admin-page',
  getCompliance: 'sla-compliance-gadget',
  getCycleList: 'sla-compliance-gadget',
  getChoices: 'sla-compliance-gadget',
  getScorecard: 'scorecard-gadget',
  getCustomerReport: 'customer-report-gadget',
  getMarketStatement: 'market-statement-gadget',
  getMarketOla: 'market-statement-gadget',
  getCatalogue: 'sla-admin-page',
  saveCatalogue: 'sla-admin-page',
  getIssueClocks: 'sla-clocks-panel',
  getInpsQuestion: 'inps-portal-question',
  submitInps: 'inps-portal-question',
  // Every view asks for its language; the issue panel stands for them here (SEC6 tries every other module).
  getAppLanguage: 'sla-clocks-panel',
  setUserLanguage: 'sla-compliance-gadget',
  setSiteLanguage: 'sla-admin-page',
};

/**
 * Calls the app's resolver handler as the platform does: `context` holds what the module's frontend is (module key,
 * extension), the backend payload the principal and license (@forge/resolver's getDefinitions merges them), and
 * `asUser()` acts as that principal for the whole invocation.
 */
export function invokeResolver(
  handler: (event: never, backend?: Record<string, unknown>) => Promise<unknown>,
  functionKey: string,
  payload: unknown,
  call: ResolverCall,
): Promise<any> {
  const accountId = call.accountId === undefined ? forgeUser.accountId : call.accountId;
  const event = { call: { functionKey, payload }, context: { moduleKey: call.moduleKey, ...(call.extension ? { extension: call.extension } : {}) } };
  const backend = { principal: accountId ? { accountId } : undefined, ...(call.license ? { license: call.license } : {}) };
  return invocationUser.run({ accountId }, () => handler(event as never, backend));
}

/** Module factories for vi.mock. */
export const forgeMocks = {
  async api() {
    const { route } = await import('../../node_modules/@forge/api/out/safeUrl.js');
    const api = {
      asApp: () => ({ requestJira: (p: RouteLike, i?: Init) => forge.jira.request(null)(p, i) }),
      asUser: () => ({ requestJira: (p: RouteLike, i?: Init) => forge.jira.request(currentUser())(p, i) }),
    };
    const getAppContext = () => ({ environmentType: forge.environmentType });
    return { default: api, ...api, route, getAppContext };
  },
  kvs() {
    const kvs = {
      get: (k: string) => forge.kvs.get(k),
      set: (k: string, v: unknown, options?: { keyPolicy?: 'OVERRIDE' | 'FAIL_IF_EXISTS' }) => forge.kvs.set(k, v, options),
      delete: (k: string) => forge.kvs.delete(k),
      query: () => forge.kvs.query(),
    };
    return { kvs, default: kvs, ForgeKvsAPIError, WhereConditions: { beginsWith: (value: string) => ({ condition: 'BEGINS_WITH', values: [value] }) } };
  },
  events() {
    class Queue {
      constructor(readonly params: { key: string }) {}
      push(events: Array<{ body: Record<string, unknown> }>) {
        return forge.queue.push(events);
      }
    }
    return { Queue, ...forgeEventErrors };
  },
};

/** The account the resolver tests act as. */
export const forgeUser = { accountId: '5b10a2844c20165700ede21g' };
