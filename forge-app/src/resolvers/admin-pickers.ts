import api, { route, type Route } from '@forge/api';
import { JiraClient } from '../jira/client';
import { runtime } from '../runtime';

/**
 * The admin page's pickers: projects, statuses, JSM request types, priorities and custom fields, read from the site as
 * the admin (`asUser()`: an admin sees what their own permissions show) and searched by Jira itself where the endpoint
 * takes a search term. Every endpoint here is within the app's scopes (`read:jira-work`, `read:servicedesk-request`).
 */
export type PickerKind = 'projects' | 'statuses' | 'requestTypes' | 'priorities' | 'fields';
const PICKER_KINDS: readonly PickerKind[] = ['projects', 'statuses', 'requestTypes', 'priorities', 'fields'];

export interface PickerOption {
  label: string;
  value: string;
}

interface PickerQuery {
  kind: PickerKind;
  /** What the admin typed in the select; empty lists everything. */
  query?: string;
  /** For statuses: the project keys whose workflows to read (none: every status of the site's active workflows). */
  projects?: string[];
}

export interface PickerAnswer {
  options: PickerOption[];
  /** More matched than the picker lists: the admin narrows by typing. */
  truncated: boolean;
}

/** Enough for any select; a site with more matches asks the admin to type a few letters. */
const PICKER_MAX_OPTIONS = 500;

/** Jira's offset pages (`startAt`, `maxResults`, `isLast`, `values`): project/search, priority/search, field/search. */
interface JiraOffsetPage<T> {
  startAt?: number;
  maxResults?: number;
  isLast?: boolean;
  values: T[];
}
/** JSM's offset pages (`start`, `limit`, `isLastPage`, `values`). */
interface JsmOffsetPage<T> {
  start?: number;
  limit?: number;
  isLastPage?: boolean;
  values: T[];
}

interface Named {
  id: string;
  name: string;
}

const asAdmin = () => new JiraClient(api.asUser().requestJira, runtime.sleep);

/**
 * Follows offset pages until the last one or PICKER_MAX_OPTIONS items. The next offset is what the page returned,
 * not what was asked for: Jira caps `maxResults` per endpoint without saying so in the request.
 */
async function offsetPages<T>(page: (startAt: number) => Promise<{ values: T[]; last: boolean }>): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  for (let startAt = 0; ; ) {
    const { values, last } = await page(startAt);
    items.push(...values);
    if (last || values.length === 0) return { items: items.slice(0, PICKER_MAX_OPTIONS), truncated: items.length > PICKER_MAX_OPTIONS };
    if (items.length >= PICKER_MAX_OPTIONS) return { items: items.slice(0, PICKER_MAX_OPTIONS), truncated: true };
    startAt += values.length;
  }
}

const jiraPages = <T>(jira: JiraClient, path: (startAt: number) => Route) =>
  offsetPages(async (startAt) => {
    const page = await jira.json<JiraOffsetPage<T>>(path(startAt));
    return { values: page.values, last: page.isLast !== false };
  });

const matches = (query: string) => (text: string) => text.toLowerCase().includes(query.toLowerCase());

/** Projects visible to the admin (GET /rest/api/3/project/search, 50 a page; `query` matches key or name). */
async function projects(jira: JiraClient, query: string): Promise<PickerAnswer> {
  const { items, truncated } = await jiraPages<{ key: string; name: string }>(jira, (startAt) => route`/rest/api/3/project/search?query=${query}&startAt=${startAt}&maxResults=50&orderBy=key`);
  return { options: items.map((p) => ({ label: `${p.name} (${p.key})`, value: p.key })), truncated };
}

/**
 * Statuses by name (the sync reads status names from changelogs). With projects: each project's workflow statuses
 * (GET /rest/api/3/project/{key}/statuses, grouped by issue type, one call a project); without: every status of the
 * site's active workflows (GET /rest/api/3/status). Neither pages nor searches, so the query filters here. The paged
 * /rest/api/3/statuses/search needs manage:jira-configuration, a scope the app does not ask for.
 */
async function statuses(jira: JiraClient, query: string, projectKeys: readonly string[]): Promise<PickerAnswer> {
  const names = new Set<string>();
  if (projectKeys.length === 0) {
    for (const status of await jira.json<Named[]>(route`/rest/api/3/status`)) names.add(status.name);
  } else {
    for (const key of projectKeys) {
      const byIssueType = await jira.json<Array<{ statuses: Named[] }>>(route`/rest/api/3/project/${key}/statuses`);
      for (const issueType of byIssueType) for (const status of issueType.statuses) names.add(status.name);
    }
  }
  const found = [...names].filter(matches(query)).sort((a, b) => a.localeCompare(b));
  return { options: found.slice(0, PICKER_MAX_OPTIONS).map((name) => ({ label: name, value: name })), truncated: found.length > PICKER_MAX_OPTIONS };
}

/** JSM request types by name, as the sync stores them (GET /rest/servicedeskapi/requesttype, `searchQuery`, 50 a page). */
async function requestTypes(jira: JiraClient, query: string): Promise<PickerAnswer> {
  const { items, truncated } = await offsetPages(async (start) => {
    const page = await jira.json<JsmOffsetPage<Named>>(route`/rest/servicedeskapi/requesttype?searchQuery=${query}&start=${start}&limit=50`);
    return { values: page.values, last: page.isLastPage !== false };
  });
  const names = [...new Set(items.map((t) => t.name))];
  return { options: names.map((name) => ({ label: name, value: name })), truncated };
}

/** Priorities by name (GET /rest/api/3/priority/search, `priorityName`, 50 a page). */
async function priorities(jira: JiraClient, query: string): Promise<PickerAnswer> {
  const { items, truncated } = await jiraPages<Named>(jira, (startAt) => route`/rest/api/3/priority/search?priorityName=${query}&startAt=${startAt}&maxResults=50`);
  return { options: items.map((p) => ({ label: p.name, value: p.name })), truncated };
}

/** Custom fields by id, labelled by name (GET /rest/api/3/field/search?type=custom, `query`, 50 a page). */
async function fields(jira: JiraClient, query: string): Promise<PickerAnswer> {
  const { items, truncated } = await jiraPages<Named>(jira, (startAt) => route`/rest/api/3/field/search?type=custom&query=${query}&startAt=${startAt}&maxResults=50`);
  return { options: items.map((f) => ({ label: `${f.name} (${f.id})`, value: f.id })), truncated };
}

/** One picker's options; an unknown kind or a malformed payload is an error naming the argument. */
export async function pickerOptions(payload: unknown): Promise<PickerAnswer> {
  const { kind, query = '', projects: projectKeys = [] } = (payload ?? {}) as Partial<PickerQuery>;
  if (!PICKER_KINDS.includes(kind as PickerKind)) throw new TypeError(`kind: expected one of ${PICKER_KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
  if (typeof query !== 'string') throw new TypeError(`query: expected text, got ${JSON.stringify(query)}`);
  if (!Array.isArray(projectKeys) || projectKeys.some((k) => typeof k !== 'string')) throw new TypeError(`projects: expected a list of project keys, got ${JSON.stringify(projectKeys)}`);
  const jira = asAdmin();
  const search = query.trim();
  switch (kind as PickerKind) {
    case 'projects':
      return projects(jira, search);
    case 'statuses':
      return statuses(jira, search, projectKeys);
    case 'requestTypes':
      return requestTypes(jira, search);
    case 'priorities':
      return priorities(jira, search);
    case 'fields':
      return fields(jira, search);
  }
}
