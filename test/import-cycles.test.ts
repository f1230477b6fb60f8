/**
 * `npm run check:cycles` (package.json) on a throwaway tree: it reports a cycle between files in every source folder,
 * a cycle held only by types included, and passes a tree without one.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['check:cycles'];
const FOLDERS = ['core/sla', 'cli', 'forge-app/src', 'sheets-addon/src', 'src', 'bench', 'scripts/holidays', 'test/helpers'];

let tree: string;
afterEach(() => rmSync(tree, { recursive: true, force: true }));

/** Writes `files` (path → text) into a fresh folder and runs the check there with the project's tools. */
function checkCycles(files: Record<string, string>): { status: number | null; output: string } {
  tree = mkdtempSync(join(tmpdir(), 'cycles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
  const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` };
  const run = spawnSync('bash', ['-c', script], { cwd: tree, env, encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('check:cycles', () => {
  it('fails on a cycle in any source folder, a type-only one included, naming its files', () => {
    const files: Record<string, string> = {};
    for (const folder of FOLDERS) {
      const ext = folder.startsWith('forge-app') ? 'tsx' : 'ts';
      files[`${folder}/a.${ext}`] = "import type { B } from './b';\nexport interface A { b?: B }\n";
      files[`${folder}/b.${ext}`] = "import type { A } from './a';\nexport interface B { a?: A }\n";
    }
    const { status, output } = checkCycles(files);
    expect(status).toBe(1);
    for (const folder of FOLDERS) expect(output).toMatch(new RegExp(`${folder}/[ab]\\.tsx? -> ${folder}/[ab]\\.tsx?`));
  });

  it('passes files that import each other one way only', () => {
    const { status, output } = checkCycles({ 'core/sla/a.ts': "import { b } from './b';\nexport const a = b;\n", 'core/sla/b.ts': 'export const b = 1;\n' });
    expect(output).not.toContain('Circular Dependencies\n  1)');
    expect(status).toBe(0);
  });
});
