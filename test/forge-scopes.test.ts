import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every Jira endpoint the app calls and the OAuth scope Atlassian's REST reference documents for it (classic scopes,
 * the ones a Forge manifest asks for): `@forge/lint`'s scope linter downloads these specs, so offline this table
 * stands in for it. Paths as the app writes them, with `{}` for each interpolated part and no query string.
 * References: https://developer.atlassian.com/cloud/jira/platform/rest/v3/ (each operation's "OAuth 2.0 scopes
 * required") and https://developer.atlassian.com/cloud/jira/service-desk/rest/.
 */
const ENDPOINTS: Record<string, Partial<Record<'GET' | 'POST' | 'PUT' | 'DELETE', string>>> = {
  '/rest/api/3/changelog/bulkfetch': { POST: 'read:jira-work' },
  '/rest/api/3/field': { GET: 'read:jira-work' },
  '/rest/api/3/field/search': { GET: 'read:jira-work' },
  '/rest/api/3/issue/{}': { GET: 'read:jira-work', PUT: 'write:jira-work' },
  '/rest/api/3/issue/{}/comment': { GET: 'read:jira-work', POST: 'write:jira-work' },
  '/rest/api/3/issue/{}/notify': { POST: 'write:jira-work' },
  '/rest/api/3/issue/{}/properties/{}': { GET: 'read:jira-work', PUT: 'write:jira-work', DELETE: 'write:jira-work' },
  '/rest/api/3/jql/match': { POST: 'read:jira-work' },
  '/rest/api/3/jql/parse': { POST: 'read:jira-work' },
  '/rest/api/3/mypermissions': { GET: 'read:jira-work' },
  '/rest/api/3/myself': { GET: 'read:jira-user' },
  '/rest/api/3/permissions/check': { POST: 'read:jira-work' },
  '/rest/api/3/permissions/project': { POST: 'read:jira-work' },
  '/rest/api/3/priority/search': { GET: 'read:jira-work' },
  '/rest/api/3/project/{}/statuses': { GET: 'read:jira-work' },
  '/rest/api/3/project/search': { GET: 'read:jira-work' },
  '/rest/api/3/search/jql': { POST: 'read:jira-work' },
  '/rest/api/3/status': { GET: 'read:jira-work' },
  '/rest/servicedeskapi/request/{}/comment': { GET: 'read:servicedesk-request' },
  '/rest/servicedeskapi/request/{}/feedback': { GET: 'read:servicedesk-request' },
  '/rest/servicedeskapi/request/{}/sla': { GET: 'read:servicedesk-request' },
  '/rest/servicedeskapi/requesttype': { GET: 'read:servicedesk-request' },
};

/** Scopes that no REST call needs: Forge storage. */
const PLATFORM_SCOPES = ['storage:app'];

const ROOT = join(import.meta.dirname, '..');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : []));

/** Each `route\`…\`` call in the app, as path pattern and method (the `method:` written right after it, else GET). */
function calls(): Array<{ file: string; path: string; method: string }> {
  return sourceFiles(join(ROOT, 'forge-app/src')).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/route`([^`]*)`/g)].map((m) => {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 200);
      const method = /^[^;]*?method: '([A-Z]+)'/.exec(after)?.[1] ?? 'GET';
      return { file: file.slice(ROOT.length + 1), path: m[1].replace(/\$\{[^}]*\}/g, '{}').split('?')[0], method };
    });
  });
}

const manifestScopes = () => [...readFileSync(join(ROOT, 'manifest.yml'), 'utf8').matchAll(/^\s+- ((?:read|write|manage|storage):[\w:-]+)$/gm)].map((m) => m[1]);

describe('manifest scopes against the endpoints the app calls', () => {
  it('every call of the app is in the endpoint table, with its method', () => {
    const found = calls();
    expect(found.length).toBeGreaterThan(15);
    for (const call of found) expect(ENDPOINTS[call.path]?.[call.method as 'GET'], `${call.method} ${call.path} (${call.file})`).toBeDefined();
  });

  it('the manifest asks for exactly the scopes those calls need, plus storage', () => {
    const needed = new Set(calls().map((call) => ENDPOINTS[call.path][call.method as 'GET']));
    expect(manifestScopes().sort()).toEqual([...needed, ...PLATFORM_SCOPES].sort());
  });

  it('finds the method written after a route and a query string or interpolation in the path', () => {
    const paths = calls().map((c) => `${c.method} ${c.path}`);
    expect(paths).toContain('PUT /rest/api/3/issue/{}/properties/{}');
    expect(paths).toContain('POST /rest/api/3/jql/match');
    expect(paths).toContain('GET /rest/servicedeskapi/request/{}/sla');
  });
});
