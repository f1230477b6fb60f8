import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HELP, main } from '../cli/main';

const BIN = fileURLToPath(new URL('../bin/backoffice-kpi.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('the CLI shipped as bundled JavaScript with a bin entry', () => {
  it('BIN1 `backoffice-kpi report --help` runs the bundle (built when a source is newer) and prints the help', () => {
    const run = spawnSync(process.execPath, [BIN, 'report', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(HELP);
  }, 60_000);

  it('BIN2 the bundle gives the same report as the sources on the sample log, and exit 2 with one line for a bad option', async () => {
    const out = { stdout: '', stderr: '' };
    await main(['--json'], { stdout: { write: (text: string) => (out.stdout += text) }, stderr: { write: (text: string) => (out.stderr += text) } });
    const run = spawnSync(process.execPath, [BIN, '--json'], { cwd: '/', encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(out.stdout);
    const bad = spawnSync(process.execPath, [BIN, 'report', '--nope'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('--nope: unknown option; npm start -- --help lists the options\n');
  }, 60_000);
});
