import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../cli/report/result';

const repoFile = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cli-tz-'));
const ZONES = ['UTC', 'America/New_York', 'Asia/Ho_Chi_Minh'];

/** The CLI as a process with the machine zone set to `tz`: its JSON result and its --cycles file. */
function runIn(tz: string, args: string[]): Promise<{ status: number | null; result: ReportResult; cycles: string; stderr: string }> {
  const cycles = join(dir, `${tz.replace('/', '_')}-${Math.random().toString(36).slice(2)}.csv`);
  const child = spawn(process.execPath, [repoFile('node_modules/tsx/dist/cli.mjs'), repoFile('cli/main.ts'), ...args, '--json', '--cycles', cycles], { env: { ...process.env, TZ: tz } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, result: JSON.parse(stdout) as ReportResult, cycles: readFileSync(cycles, 'utf8'), stderr }));
  });
}

describe('results do not depend on the machine time zone', () => {
  it('times without an offset (ServiceNow dd-MM-yyyy HH:mm, a retroactive start field) read the same under UTC, New York and Ho Chi Minh City', async () => {
    const retroLog = join(dir, 'retro.csv');
    writeFileSync(retroLog, 'id,at,status,requested\nT-1,2025-03-03T02:00:00Z,Open,2025-03-03 08:00\nT-1,2025-03-03T04:00:00Z,Done,\nT-2,2025-03-07T09:00:00Z,Open,2025-03-07\n');
    const retroMap = join(dir, 'retro.map.json');
    writeFileSync(retroMap, JSON.stringify({ case: 'id', time: { column: 'at' }, status: 'status', fields: { requested: 'requested' } }));
    const retroPolicies = join(dir, 'retro.policies.json');
    writeFileSync(retroPolicies, JSON.stringify([{ id: 'p', name: 'P', start: { on: 'field', field: 'requested' }, stop: { statuses: ['Done'] }, goals: [{ target: '8h', calendar: 'c' }] }]));
    const hanoi = join(dir, 'hanoi.json');
    writeFileSync(hanoi, JSON.stringify({ c: 'Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh' }));

    const serviceNow = ['--input', repoFile('examples/servicenow-incidents.csv'), '--map', repoFile('examples/servicenow.map.json'), '--policies', repoFile('examples/servicenow.policies.json'), '--calendars', repoFile('examples/calendars-text.json'), '--by', 'team'];
    const retro = ['--input', retroLog, '--map', retroMap, '--policies', retroPolicies, '--calendars', hanoi];
    const runs = await Promise.all(ZONES.flatMap((tz) => [runIn(tz, serviceNow), runIn(tz, retro)]));
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    const [sn, re] = [runs.filter((_, i) => i % 2 === 0), runs.filter((_, i) => i % 2 === 1)];
    for (const group of [sn, re]) {
      for (const run of group.slice(1)) {
        expect(run.result).toEqual(group[0].result);
        expect(run.cycles).toBe(group[0].cycles);
      }
    }
    expect(sn[0].result.overall).toMatchObject({ met: 8, breached: 9 });
    expect(sn[0].result.input.firstEvent).toBe('2010-05-28T09:41:00+01:00');
    // T-1: requested 08:00 in Hanoi. T-2: requested on Friday 7 March (midnight in Hanoi), still open at the as-of
    // (its row at 09:00Z = 16:00 in Hanoi): 08:00→16:00 is 480 min, exactly the goal, so not yet breached, due now.
    expect(re[0].cycles.trim().split('\n').slice(1)).toEqual([
      'T-1,p,1,8h,2025-03-03T08:00:00+07:00,2025-03-03T11:00:00+07:00,met,180,0,300,2025-03-03T16:00:00+07:00',
      'T-2,p,1,8h,2025-03-07T00:00:00+07:00,,ongoing,480,0,0,2025-03-07T16:00:00+07:00',
    ]);
  });
});
