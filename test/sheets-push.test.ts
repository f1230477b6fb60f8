// `npm run push:sheets` from a clean clone: clasp is installed by the project (a devDependency), and the example
// project file, copied as the README says, pushes exactly the built files. No Google account is reachable here, so
// the push stops at clasp's own "No credentials found." before any network call; `clasp status` runs offline.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const CLASP = join(ROOT, 'node_modules', '.bin', 'clasp');

/** A folder laid out like the repository root after `cp sheets-addon/.clasp.json.example .clasp.json`. */
function projectFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clasp-'));
  copyFileSync(join(ROOT, 'sheets-addon', '.clasp.json.example'), join(dir, '.clasp.json'));
  cpSync(join(ROOT, 'dist', 'sheets-addon'), join(dir, 'dist', 'sheets-addon'), { recursive: true });
  return dir;
}

const clasp = (cwd: string, ...args: string[]) =>
  spawnSync(CLASP, args, { cwd, encoding: 'utf8', env: { ...process.env, HOME: mkdtempSync(join(tmpdir(), 'home-')) } });

describe('npm run push:sheets', () => {
  it('clasp comes with the project and tracks exactly the four built files (npm test builds them first)', () => {
    const status = clasp(projectFolder(), 'status', '--json');
    expect(status.stderr).toBe('');
    const files = JSON.parse(status.stdout) as { filesToPush: string[]; untrackedFiles: string[] };
    expect(files.filesToPush.map((f) => f.replace(/^.*dist\//, 'dist/')).sort()).toEqual(
      ['dist/sheets-addon/Calendars.html', 'dist/sheets-addon/Code.js', 'dist/sheets-addon/Sidebar.html', 'dist/sheets-addon/appsscript.json'],
    );
  });

  it('push stops at clasp asking for a login, not at a missing command', () => {
    const push = clasp(projectFolder(), 'push', '--force');
    expect(push.status).not.toBe(0);
    expect(`${push.stdout}${push.stderr}`).toContain('No credentials found.');
  });
});
