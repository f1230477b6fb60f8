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

/** Throws unless the viewing user is a Jira administrator: the admin page's resolvers change what everyone sees. */
export async function requireJiraAdmin(): Promise<void> {
  const answer = await asUser().json<{ permissions: Record<string, { havePermission: boolean }> }>(route`/rest/api/3/mypermissions?permissions=ADMINISTER`);
  if (answer.permissions.ADMINISTER?.havePermission !== true) throw new AccessError('only Jira administrators can change the SLA configuration');
}
