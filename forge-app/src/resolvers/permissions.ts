import api, { route } from '@forge/api';
import { JiraClient } from '../jira/client';
import { runtime } from '../runtime';

export class AccessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessError';
  }
}

const asUser = () => new JiraClient(api.asUser().requestJira, runtime.sleep);

/** Of `projectKeys`, those the viewing user may browse (Jira's "Get permitted projects"). */
export async function browsableProjects(projectKeys: readonly string[]): Promise<string[]> {
  const answer = await asUser().json<{ projects: Array<{ id: number; key: string }> }>(route`/rest/api/3/permissions/project`, {
    method: 'POST',
    body: JSON.stringify({ permissions: ['BROWSE_PROJECTS'] }),
  });
  const allowed = new Set(answer.projects.map((p) => p.key));
  return projectKeys.filter((key) => allowed.has(key));
}

/** Whether the viewing user may browse one issue. */
export async function canBrowseIssue(issueKey: string): Promise<boolean> {
  const answer = await asUser().json<{ permissions: Record<string, { havePermission: boolean }> }>(
    route`/rest/api/3/mypermissions?issueKey=${issueKey}&permissions=BROWSE_PROJECTS`,
  );
  return answer.permissions.BROWSE_PROJECTS?.havePermission === true;
}

/** Whether the viewing user is a Jira administrator. */
export async function isJiraAdmin(): Promise<boolean> {
  const answer = await asUser().json<{ permissions: Record<string, { havePermission: boolean }> }>(route`/rest/api/3/mypermissions?permissions=ADMINISTER`);
  return answer.permissions.ADMINISTER?.havePermission === true;
}

/** Throws unless the viewing user is a Jira administrator: the admin page's resolvers change what everyone sees. */
export async function requireJiraAdmin(): Promise<void> {
  if (!(await isJiraAdmin())) throw new AccessError('only Jira administrators can change the SLA configuration');
}

/** The group ids of the viewing user (Jira's "Get current user" with `expand=groups`, as the user). */
export async function myGroupIds(): Promise<Set<string>> {
  const answer = await asUser().json<{ groups?: { items?: Array<{ groupId?: string }> } }>(route`/rest/api/3/myself?expand=groups`);
  return new Set((answer.groups?.items ?? []).map((g) => g.groupId).filter((id): id is string => typeof id === 'string'));
}

/** Get bulk permissions takes at most 1,000 issue ids a call. */
const PERMISSION_CHECK_MAX_ISSUES = 1_000;

/**
 * Of these issue ids, those the viewing user may browse, issue security levels included (Jira's "Get bulk
 * permissions", `POST /rest/api/3/permissions/check`, as the user; unknown ids are ignored by Jira).
 */
export async function browsableIssueIds(issueIds: readonly string[]): Promise<Set<string>> {
  const allowed = new Set<string>();
  const ids = [...new Set(issueIds)].map(Number).filter((id) => Number.isSafeInteger(id));
  for (let i = 0; i < ids.length; i += PERMISSION_CHECK_MAX_ISSUES) {
    const answer = await asUser().json<{ projectPermissions?: Array<{ permission: string; issues?: number[] }> }>(route`/rest/api/3/permissions/check`, {
      method: 'POST',
      body: JSON.stringify({ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: ids.slice(i, i + PERMISSION_CHECK_MAX_ISSUES) }] }),
    });
    for (const grant of answer.projectPermissions ?? []) {
      if (grant.permission === 'BROWSE_PROJECTS') for (const id of grant.issues ?? []) allowed.add(String(id));
    }
  }
  return allowed;
}

/** Throws unless the viewing user may browse at least one project: the gadgets' edit views list configuration names. */
export async function requireSomeBrowsableProject(): Promise<void> {
  const answer = await asUser().json<{ projects: Array<{ key: string }> }>(route`/rest/api/3/permissions/project`, {
    method: 'POST',
    body: JSON.stringify({ permissions: ['BROWSE_PROJECTS'] }),
  });
  if (answer.projects.length === 0) throw new AccessError('you may not browse any Jira project');
}
