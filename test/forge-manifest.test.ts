import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getClientSideLintersOnly, lint, PermissionLinter, problemCount } from '@forge/lint';
import { validate, type ManifestSchema } from '@forge/manifest';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const MANIFEST = join(ROOT, 'manifest.yml');

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );

describe('manifest.yml', () => {
  it('passes @forge/manifest full validation', async () => {
    const result = await validate(false, MANIFEST);
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);

    // The validation is real: a resource path that does not exist is reported.
    const broken = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'manifest.yml');
    writeFileSync(broken, readFileSync(MANIFEST, 'utf8').replace('admin-page.tsx', 'no-such-page.tsx'));
    const failed = await validate(false, broken);
    expect(failed.success).toBe(false);
    expect(failed.errors?.map((e) => e.message)).toContain("missing resource 'forge-app/src/frontend/no-such-page.tsx' is being referenced by 'admin-page' in resources");
  });

  it("passes @forge/lint's offline linters (all client-side ones except the scope linter, which downloads API specs)", async () => {
    const { manifestObject } = await validate(false, MANIFEST);
    const manifest = manifestObject!.typedContent as ManifestSchema;
    const messages: string[] = [];
    const logger = { info: (m: string) => messages.push(m), debug: () => {}, warn: (m: string) => messages.push(m), error: (m: string) => messages.push(m) };
    const statsig = { getDeprecatedRuntimes: async () => [] };
    const linters = (await getClientSideLintersOnly(manifest, 'development', logger as never, statsig as never)).filter((l) => !(l instanceof PermissionLinter));
    expect(linters.length).toBeGreaterThanOrEqual(10);
    const files = ['src/index.ts', ...sourceFiles('forge-app/src')];
    const results = await lint(files, manifest, 'development', logger, statsig as never, { linter: { mode: 'client-side' }, linters });
    const problems = results.flatMap((r) => [...r.errors, ...r.warnings].map((p) => `${r.file}:${p.line} ${p.message}`));
    expect(problems).toEqual([]);
    expect(problemCount(results)).toEqual({ errors: 0, warnings: 0, approvals: 0 });
    expect(messages.filter((m) => m.includes('Could not perform'))).toEqual([]);
    // @forge/lint parses every source file with its own TypeScript parser: about 12 s idle, 50 s seen under load.
  }, 300_000);

  it('exports, by name from src/index.ts, every handler the manifest names', async () => {
    const index = await import('../src/index');
    const text = readFileSync(MANIFEST, 'utf8');
    const handlers = [...text.matchAll(/handler:\s*index\.(\w+)/g)].map((m) => m[1]);
    expect(handlers.sort()).toEqual(['alertsTrigger', 'appLifecycle', 'issueEvents', 'resolverHandler', 'syncConsumer', 'syncTrigger']);
    for (const name of handlers) expect(typeof (index as Record<string, unknown>)[name], name).toBe('function');
    expect(readFileSync(join(ROOT, 'src/index.ts'), 'utf8')).not.toMatch(/^export \*/m);
  });

  it('asks only for the scopes the app uses, and no egress', () => {
    const text = readFileSync(MANIFEST, 'utf8');
    expect([...text.matchAll(/^\s+- ((?:read|write|manage|storage):[\w:-]+)$/gm)].map((m) => m[1])).toEqual(['read:jira-work', 'write:jira-work', 'read:servicedesk-request', 'read:jira-user', 'storage:app']);
    expect(text).not.toMatch(/external:|fetch:/);
  });
});
