/**
 * `npm run check:exports` (package.json, with the project's knip.json) on a throwaway project: it fails on an export
 * nothing imports and on one only tests import unless tagged @internal, and passes when every export is used.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const projectPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

let project: string;
afterEach(() => {
  // The link first, on its own: removing the folder must never reach the project's node_modules.
  unlinkSync(join(project, 'node_modules'));
  rmSync(project, { recursive: true, force: true });
});

/** A project with the real knip.json (whose entries include the CLI's cli/main.ts) and start script, and the vitest its tests use, and `files` (path → text). */
function checkExports(files: Record<string, string>): { status: number | null; output: string } {
  project = mkdtempSync(join(tmpdir(), 'exports-'));
  const fixture: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'fixture', private: true, type: 'module', scripts: { start: projectPackage.scripts.start }, devDependencies: { vitest: '*' } }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', strict: true } }),
    'core/kpi/index.ts': "export * from './ratios';\n",
    'cli/main.ts': "import { used } from '../core/kpi';\nconsole.log(used);\n",
    ...files,
  };
  for (const [path, text] of Object.entries(fixture)) {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), text);
  }
  copyFileSync(join(root, 'knip.json'), join(project, 'knip.json'));
  // The project's installed packages, so knip resolves vitest and the core's imports as it does at home.
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
  const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` };
  const run = spawnSync('bash', ['-c', projectPackage.scripts['check:exports']], { cwd: project, env, encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

const TEST_FILE = "import { it } from 'vitest';\nimport { forTests, onlyTests } from '../core/kpi/ratios';\nit('reads', () => void [forTests, onlyTests]);\n";

describe('check:exports', () => {
  it('fails on an export nothing imports', () => {
    const { status, output } = checkExports({ 'core/kpi/ratios.ts': 'export const used = 1;\nexport const nobody = 2;\n' });
    expect(status).toBe(1);
    expect(output).toMatch(/nobody +core\/kpi\/ratios\.ts:2/);
    expect(output).not.toMatch(/\bused +core/);
  });

  it('fails on an export only tests import, unless its comment says @internal', () => {
    const ratios = 'export const used = 1;\nexport const onlyTests = 2;\n/** @internal */\nexport const forTests = 3;\n';
    const { status, output } = checkExports({ 'core/kpi/ratios.ts': ratios, 'test/ratios.test.ts': TEST_FILE });
    expect(status).toBe(1);
    expect(output).toMatch(/onlyTests +core\/kpi\/ratios\.ts:2/);
    expect(output).not.toContain('forTests');
  });

  it('passes when production code imports every export and tests import only @internal ones', () => {
    const ratios = 'export const used = 1;\n/** @internal */\nexport const onlyTests = 2;\n/** @internal */\nexport const forTests = 3;\n';
    const { status, output } = checkExports({ 'core/kpi/ratios.ts': ratios, 'test/ratios.test.ts': TEST_FILE });
    expect(output).not.toContain('Unused');
    expect(status).toBe(0);
  });
});
