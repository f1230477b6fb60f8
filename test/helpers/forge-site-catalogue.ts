/**
 * The site's catalogue as the admin page's pickers read it: projects, workflow statuses, JSM request types, priorities
 * and custom fields, answered like Atlassian's documented endpoints, with their paging and their limits. JiraDouble
 * routes these paths here (test/helpers/forge-doubles.ts).
 */
import type { DoubleResponse } from './double-response';

export interface CatalogueProject {
  id: string;
  key: string;
  name: string;
  /** Workflow statuses by issue type name. */
  statuses: Record<string, string[]>;
}

/** Jira caps `maxResults` silently at the endpoint's maximum (a larger request gets a shorter page, not an error). */
const CATALOGUE_PAGE_CAPS = {
  /** Get projects paginated: at most 50 a call (https://jira.atlassian.com/browse/JRACLOUD-84803). */
  projects: 50,
  /** Search priorities: default and maximum 50 (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-priorities/#api-rest-api-3-priority-search-get). */
  priorities: 50,
  /** Get fields paginated: default and maximum 50 (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-search-get). */
  fields: 50,
  /** JSM's `limit` (https://developer.atlassian.com/cloud/jira/service-desk/rest/intro/#pagination): 50 here. */
  requestTypes: 50,
};

type Respond = (status: number, body: unknown) => DoubleResponse;

const MAX_INT = 2 ** 31 - 1;

export class SiteCatalogue {
  projects: CatalogueProject[] = [];
  priorities: string[] = [];
  requestTypes: Array<{ id: string; name: string; serviceDeskId: string }> = [];
  customFields: Array<{ id: string; name: string }> = [];
  /** Page caps this test uses: lower them to make a small catalogue span several pages. */
  pageCaps = { ...CATALOGUE_PAGE_CAPS };
  /** Every catalogue request, path and query, for tests that check the paging. */
  readonly requests: string[] = [];

  /** Answers a catalogue path, or null when the path is not one of the catalogue's. */
  answer(method: string, url: URL, respond: Respond): DoubleResponse | null {
    if (method !== 'GET') return null;
    const path = url.pathname;
    const q = url.searchParams;
    const known = path === '/rest/api/3/project/search' || path === '/rest/api/3/status' || /^\/rest\/api\/3\/project\/[^/]+\/statuses$/.test(path) ||
      path === '/rest/api/3/priority/search' || path === '/rest/api/3/field/search' || path === '/rest/servicedeskapi/requesttype';
    if (!known) return null;
    this.requests.push(`${path}${url.search}`);
    // Offset paging as Jira documents it (https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/#pagination):
    // startAt/maxResults must be non-negative integers (400 otherwise); the page says isLast.
    const offset = (name: string, fallback: number): number | DoubleResponse => {
      const text = q.get(name);
      if (text === null || text === '') return fallback;
      if (!/^\d+$/.test(text) || Number(text) > MAX_INT) return respond(400, { errorMessages: [`The '${name}' parameter must be a non-negative integer.`] });
      return Number(text);
    };
    const page = <T>(all: T[], cap: number, startName: string, sizeName: string) => {
      const start = offset(startName, 0);
      const size = offset(sizeName, cap);
      if (typeof start !== 'number') return start;
      if (typeof size !== 'number') return size;
      const values = all.slice(start, start + Math.min(size, cap));
      return { start, size: Math.min(size, cap), values, last: start + values.length >= all.length };
    };
    const like = (text: string, term: string | null) => !term || text.toLowerCase().includes(term.toLowerCase());

    if (path === '/rest/api/3/project/search') {
      const found = this.projects.filter((p) => like(p.key, q.get('query')) || like(p.name, q.get('query'))).sort((a, b) => a.key.localeCompare(b.key));
      const p = page(found, this.pageCaps.projects, 'startAt', 'maxResults');
      if (!('values' in p)) return p;
      return respond(200, { startAt: p.start, maxResults: p.size, total: found.length, isLast: p.last, values: p.values.map(({ id, key, name }) => ({ id, key, name })) });
    }
    // Get all statuses for project (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-projectidorkey-statuses-get):
    // statuses grouped by issue type; 404 when the project is not found or the user may not browse it.
    const projectStatuses = /^\/rest\/api\/3\/project\/([^/]+)\/statuses$/.exec(path);
    if (projectStatuses) {
      const project = this.projects.find((p) => p.key === decodeURIComponent(projectStatuses[1]) || p.id === projectStatuses[1]);
      if (!project) return respond(404, { errorMessages: [`No project could be found with key '${projectStatuses[1]}'.`], errors: {} });
      return respond(200, Object.entries(project.statuses).map(([name, statuses], i) => ({ id: String(10000 + i), name, statuses: statuses.map((s, j) => ({ id: String(j + 1), name: s })) })));
    }
    // Get all statuses (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-workflow-statuses/#api-rest-api-3-status-get): not paged.
    if (path === '/rest/api/3/status') {
      const names = [...new Set(this.projects.flatMap((p) => Object.values(p.statuses).flat()))];
      return respond(200, names.map((name, i) => ({ id: String(i + 1), name })));
    }
    if (path === '/rest/api/3/priority/search') {
      const found = this.priorities.filter((name) => like(name, q.get('priorityName')));
      const p = page(found, this.pageCaps.priorities, 'startAt', 'maxResults');
      if (!('values' in p)) return p;
      return respond(200, { startAt: p.start, maxResults: p.size, total: found.length, isLast: p.last, values: p.values.map((name, i) => ({ id: String(p.start + i + 1), name })) });
    }
    if (path === '/rest/api/3/field/search') {
      // "Only custom fields can be queried, type must be set to custom" (400 otherwise, same page as above).
      if (q.get('query') && q.get('type') !== 'custom') return respond(400, { errorMessages: ['Only custom fields can be queried.'], errors: {} });
      const found = this.customFields.filter((f) => like(f.name, q.get('query')));
      const p = page(found, this.pageCaps.fields, 'startAt', 'maxResults');
      if (!('values' in p)) return p;
      return respond(200, { startAt: p.start, maxResults: p.size, total: found.length, isLast: p.last, values: p.values.map((f) => ({ ...f, schema: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' } })) });
    }
    // Get all request types (https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-requesttype/#api-rest-servicedeskapi-requesttype-get):
    // `searchQuery` matches name or description; JSM paging is start/limit/isLastPage.
    const found = this.requestTypes.filter((t) => like(t.name, q.get('searchQuery')));
    const p = page(found, this.pageCaps.requestTypes, 'start', 'limit');
    if (!('values' in p)) return p;
    return respond(200, { start: p.start, limit: p.size, size: p.values.length, isLastPage: p.last, values: p.values });
  }
}
