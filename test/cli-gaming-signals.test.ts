import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SignalResult } from '../core/market';
import { runCli, tempFiles } from './helpers/cli-run';

/** Day `d` of March 2025 at hh:mm UTC (3 = Monday). */
const at = (d: number, hhmm: string) => `2025-03-${String(d).padStart(2, '0')}T${hhmm}:00Z`;
type Row = [day: number, time: string, status: string, priority?: string];

/**
 * A log of three teams. A games the numbers: priorities lowered mid-way (G1), a reopen two days after Done (G2),
 * stops 3 minutes before the 2h goal (G3), long waits (G4), one request split in three (G5). B has the near misses: a
 * priority raised, a reopen 3 business days later, three requests over 61 working minutes. C waits a little.
 */
function gamingLog(): string {
  const lines = ['key,time,status,priority,team,requester'];
  const ticket = (key: string, team: string, rows: Row[], requester = key) => {
    let priority = 'High';
    for (const [d, time, status, p] of rows) lines.push(`${key},${at(d, time)},${status},${(priority = p ?? priority)},${team},${requester}`);
  };
  const lowered = (from: string, to: string): Row[] => [[3, '09:00', 'Open', from], [3, '10:00', 'In Progress', to], [3, '10:30', 'Done']];
  ticket('A-01', 'A', lowered('High', 'Low'));
  ticket('A-24', 'A', lowered('High', 'Low'));
  ticket('A-02', 'A', [[3, '09:00', 'Open'], [3, '10:00', 'Done'], [5, '09:00', 'In Progress'], [5, '10:00', 'Done']]);
  for (let i = 3; i <= 8; i++) ticket(`A-0${i}`, 'A', [[4, '09:00', 'Open'], [4, '10:57', 'Done']]);
  for (let i = 9; i <= 20; i++) ticket(`A-${String(i).padStart(2, '0')}`, 'A', [[4, '09:00', 'Open'], [4, '09:30', 'Waiting'], [4, '13:30', 'In Progress'], [4, '14:00', 'Done']]);
  ['09:00', '09:20', '09:40'].forEach((time, i) => ticket(`A-2${i + 1}`, 'A', [[6, time, 'Open'], [6, '10:00', 'Done']], 'ann'));
  ticket('B-01', 'B', lowered('Low', 'High'));
  ticket('B-02', 'B', [[7, '09:00', 'Open'], [7, '10:00', 'Done'], [12, '09:30', 'In Progress'], [12, '10:00', 'Done']]);
  ['09:00', '09:30', '10:01'].forEach((time, i) => ticket(`B-0${i + 3}`, 'B', [[6, time, 'Open'], [6, '11:00', 'Done']], 'bob'));
  for (let i = 0; i < 10; i++) ticket(`C-0${i}`, 'C', [[4, '09:00', 'Open'], [4, '09:30', 'Waiting'], [4, '09:40', 'In Progress'], [4, '10:00', 'Done']]);
  return `${lines.join('\n')}\n`;
}

const policies = [
  {
    id: 'resolve',
    name: 'Resolution',
    pause: { statuses: ['Waiting'] },
    stop: { statuses: ['Done'] },
    goals: [{ when: [{ field: 'priority', in: ['High'] }], target: '2h', calendar: 'office' }, { target: '8h', calendar: 'office' }],
  },
];
const mapping = { format: 'csv', case: 'key', time: { column: 'time' }, status: 'status', fields: { priority: 'priority', team: 'team', requester: 'requester' } };

function setup() {
  const { dir, file } = tempFiles('gaming-');
  const args = ['--input', file(gamingLog(), 'csv'), '--map', file(mapping), '--policies', file(policies), '--calendars', file({ office: 'Mo-Fr 09:00-17:00 | tz=UTC' }), '--by', 'team'];
  return { dir, file, args };
}

type Groups = Array<{ group: string; signals: SignalResult[] }>;
const signalsOf = (stdout: string): Groups => (JSON.parse(stdout) as { gamingSignals: { byField: Array<{ field: string; groups: Groups }> } }).gamingSignals.byField[0].groups;
const pick = (groups: Groups, group: string, id: string) => groups.find((g) => g.group === group)!.signals.find((s) => s.signal === id)!;

describe('gaming signals through the CLI', () => {
  it('G1-G5: --json flags each signal for the team that games it, with example tickets, per --by group', async () => {
    const { file, args } = setup();
    // G2's one premature stop in 25 stopped cycles is 4 %: a lower flag level through --signals.
    const run = await runCli([...args, '--signals', file({ reopenFlag: 0.02 }), '--json']);
    expect(run.stderr).toBe('');
    const groups = signalsOf(run.stdout);
    expect(groups.map((g) => g.group)).toEqual(['A', 'B', 'C']);
    expect(pick(groups, 'A', 'G1')).toMatchObject({ count: 2, of: 25, flagged: true, examples: ['A-01', 'A-24'] });
    expect(pick(groups, 'A', 'G2')).toMatchObject({ count: 1, of: 25, threshold: 0.02, flagged: true, examples: ['A-02'] });
    expect(pick(groups, 'A', 'G3')).toMatchObject({ count: 6, of: 25, share: 0.24, flagged: true, examples: ['A-03', 'A-04', 'A-05', 'A-06', 'A-07', 'A-08'] });
    expect(pick(groups, 'A', 'G4')).toMatchObject({ count: 12, of: 25, flagged: true });
    expect(pick(groups, 'A', 'G5')).toMatchObject({ count: 3, of: 24, flagged: true, examples: ['A-21', 'A-22', 'A-23'] });
  });

  it('G1-G5: the near misses of team B and the small waits of team C flag nothing', async () => {
    const run = await runCli([...setup().args, '--json']);
    const groups = signalsOf(run.stdout);
    for (const id of ['G1', 'G2', 'G5']) expect(pick(groups, 'B', id)).toMatchObject({ count: 0, flagged: false });
    for (const group of ['B', 'C']) expect(groups.find((g) => g.group === group)!.signals.filter((s) => s.flagged)).toEqual([]);
    // At the default reopenFlag (10 %), A's one premature stop is counted, not flagged.
    expect(pick(groups, 'A', 'G2')).toMatchObject({ count: 1, flagged: false });
  });

  it('shows the section in the text report and the HTML page, with the examples of flagged signals', async () => {
    const { dir, args } = setup();
    const html = join(dir, 'report.html');
    const run = await runCli([...args, '--html', html]);
    expect(run.stdout).toMatch(/Gaming signals per team\n {2}Team {2}Signal +Cases +Of +Share +Flag above +Review\n/);
    expect(run.stdout).toMatch(/ {2}A +G3 last-minute stops +6 +25 +24\.0% +20\.0% +review before paying\n/);
    expect(run.stdout).toContain('  Examples: team A, G5 split requests: A-21, A-22, A-23\n');
    expect(run.stdout).not.toContain('team B, ');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<h2>Gaming signals per team</h2>');
    expect(page).toContain('<p>Examples: team A, G1 goal lengthened: A-01, A-24</p>');
  });

  it('gives the same signals and examples whatever the order of the rows (grouped, or shuffled and sorted back)', async () => {
    const { file, args } = setup();
    const [header, ...rows] = gamingLog().trimEnd().split('\n');
    // A fixed permutation: every 7th row first, then the rest, reversed; the CLI sorts a shuffled log by time.
    const shuffled = [header, ...[...rows.filter((_, i) => i % 7 === 0), ...rows.filter((_, i) => i % 7 !== 0)].reverse()].join('\n');
    type Json = { gamingSignals: unknown; dataQuality: { rowsReordered: number } };
    const run = async (input: string[]) => JSON.parse((await runCli([...input, '--json'])).stdout) as Json;
    const [grouped, reordered] = [await run(args), await run(args.map((a, i) => (args[i - 1] === '--input' ? file(`${shuffled}\n`, 'csv') : a)))];
    expect(reordered.dataQuality.rowsReordered).toBeGreaterThan(0);
    expect(reordered.gamingSignals).toEqual(grouped.gamingSignals);
  });

  it('leaves G5 out when the mapping has no requester, and says so', async () => {
    const { file, args } = setup();
    const noRequester = { ...mapping, fields: { priority: 'priority', team: 'team' } };
    const run = await runCli([...args.map((a, i) => (args[i - 1] === '--map' ? file(noRequester) : a))]);
    expect(run.stdout).toContain('G5 (split requests) needs a mapped "requester" field: left out.');
    expect(run.stdout).not.toContain('G5 split requests');
  });

  it('puts a review note on the KPIs a flagged team owns and on the pay line holding them; the pay is unchanged', async () => {
    const { file, args } = setup();
    const kpi = (id: string, owner: string) => ({ id, name: id.toUpperCase(), perspective: 'customer', pillar: 'speed', direction: 'higher', unit: '%', target: 0.9, frequency: 'monthly', owner, indicator: 'lagging' });
    const tree = (owner: string) => ({
      root: { id: 'desk', name: 'Desk', kind: 'scorecard', level: 'department', children: [{ id: 'ann', name: 'Ann', kind: 'scorecard', level: 'person', owner: 'Ann', pay: { base: 1000 }, kpis: [kpi('sla', owner)] }] },
    });
    const runWith = (owner: string) => runCli([...args, '--scorecard', file({ tree: tree(owner), sources: { sla: 'sla' } }), '--json']);
    const [owned, notOwned] = [await runWith('A'), await runWith('B')];
    type Json = { scorecard: { root: { children: Array<{ payout: number }> }; reviews: { kpis: Array<{ kpiId: string; notes: Array<{ signal: string }> }>; pay: Array<{ scorecardId: string }> } } };
    const [a, b] = [JSON.parse(owned.stdout) as Json, JSON.parse(notOwned.stdout) as Json];
    expect(a.scorecard.reviews.kpis.map((r) => [r.kpiId, r.notes.map((n) => n.signal)])).toEqual([['sla', ['G1', 'G3', 'G4', 'G5']]]);
    expect(a.scorecard.reviews.pay.map((r) => r.scorecardId)).toEqual(['ann']);
    expect(b.scorecard.reviews).toEqual({ kpis: [], pay: [] });
    expect(a.scorecard.root.children[0].payout).toBe(b.scorecard.root.children[0].payout);
    const text = await runCli([...args, '--scorecard', file({ tree: tree('A'), sources: { sla: 'sla' } })]);
    expect(text.stdout).toMatch(/ {2}Pay: Ann [\d,]+ \(review before paying: G1, G3, G4, G5\)\n/);
    expect(text.stdout).toContain('  KPI "SLA": Review before paying: G3 last-minute stops (A); examples: A-03, A-04, A-05, A-06, A-07, A-08.\n');
  });

  it('names the file and the parameter of a bad --signals file', async () => {
    const { file, args } = setup();
    const bad = file({ lastShare: 5 });
    const run = await runCli([...args, '--signals', bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`--signals: ${bad}: lastShare: expected a share from 0 to 1 (0.05 for 5 %)\n`);
  });
});
