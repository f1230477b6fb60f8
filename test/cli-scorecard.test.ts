/** The CLI's scorecard: built from the report of the log, the default one on the sample data and a user's file. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main';

const repoFile = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const SAMPLE = 'examples/bpic2013_vinst_closed_problems.csv';
const dir = mkdtempSync(join(tmpdir(), 'cli-scorecard-'));
/** The first 40 rows of the sample: a log that reads in milliseconds. */
const smallLog = join(dir, 'small.csv');
writeFileSync(smallLog, readFileSync(repoFile(SAMPLE), 'latin1').split('\r\n').slice(0, 41).join('\r\n'), 'latin1');

const capture = () => {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: { write: (text: string) => (out.stdout += text) }, stderr: { write: (text: string) => (out.stderr += text) } } };
};
let files = 0;
const scorecardFile = (content: unknown) => {
  const path = join(dir, `s${++files}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const kpiRow = (id: string, fields: Record<string, unknown>) => ({ id, parent: 'team', kind: 'kpi', name: id, perspective: 'customer', unit: '%', frequency: 'monthly', owner: 'Lan', indicator: 'lagging', ...fields });
const rowsFile = (sources: Record<string, string>): { rows: Record<string, unknown>[]; sources: Record<string, string> } => ({
  rows: [
    { id: 'team', kind: 'scorecard', name: 'Team', level: 'department' },
    kpiRow('policy-sla', { pillar: 'speed', direction: 'higher', target: 0.5, guardedBy: 'reopens' }),
    kpiRow('p90', { pillar: 'speed', direction: 'lower', target: 1000, unit: 'hours', guardedBy: 'reopens' }),
    kpiRow('reopens', { pillar: 'accuracy', direction: 'lower', target: 0.1, method: 'goal-red-flag', redFlag: 0.2 }),
  ],
  sources,
});

describe('npm start: the scorecard from the report', () => {
  it('prints the three-pillar scorecard of the sample data after the SLA report, without typed actuals', async () => {
    const { out, io } = capture();
    expect(await main([], io)).toBe(0);
    expect(out.stderr).toBe('');
    const [report, scorecard] = out.stdout.split('\nScorecard: ');
    expect(report).toContain('  Compliance      30.4%  met / (met + breached + open late)');
    // SLA 30.4 % of 90 %; TAT median 312.5 h from a baseline of 480 h to 80 h; FTR 1,426 of 1,487 against 95 %.
    const sla = 477 / 1567 / 0.9;
    const tat = (312.5 - 480) / (80 - 480);
    const ftr = 1426 / 1487 / 0.95;
    const overall = (2 * ((sla + tat) / 2) + ftr) / 3;
    expect(scorecard).toContain('Problem management (department, owner: Head of problem management), from examples/scorecard.json');
    expect(scorecard).toMatch(new RegExp(`Problem management +${(overall * 100).toFixed(1)}%\\n`));
    expect(scorecard).toMatch(/SLA compliance +sla +30\.4% +90\.0% +33\.8% +RED +11\.3%/);
    expect(scorecard).toContain(`${(tat * 100).toFixed(1)}%  RED`);
    expect(scorecard).toMatch(/First time right +ftr +95\.9% +95\.0% +100\.9% +GREEN/);
    expect(scorecard).toMatch(/CSAT +csat +n\/a +85\.0% +n\/a +no data/);
    expect(scorecard).toContain(`Pillars: speed ${(((sla + tat) / 2) * 100).toFixed(1)}%, accuracy 100.9%, satisfaction n/a`);
  });

  it('--scorecard reads a user\'s rows and sources (policy compliance, TAT p90, reopen rate); --json carries it with the notes', async () => {
    const { out, io } = capture();
    const file = scorecardFile(rowsFile({ 'policy-sla': 'sla:problem-resolution', p90: 'tat:p90', reopens: 'reopen' }));
    expect(await main(['--input', smallLog, '--scorecard', file, '--json'], io)).toBe(0);
    const result = JSON.parse(out.stdout);
    const kpis = Object.fromEntries(result.scorecard.root.kpis.map((k: { id: string }) => [k.id, k]));
    expect(kpis['policy-sla'].actual).toBe(result.overall.compliance); // one policy: its compliance is the overall
    expect(kpis.p90.actual).toBe(result.overall.tat.p90Hours);
    expect(kpis.reopens.actual).toBe(result.accuracy.reopened / result.accuracy.resolved);
    expect(result.scorecard.root.score).toBeCloseTo(
      (Math.min(1.2, result.overall.compliance / 0.5) + Math.min(1.2, 1000 / result.overall.tat.p90Hours) + kpis.reopens.achievement) / 3,
      12,
    );
    expect(result.scorecard.notes).toEqual([]);
  });

  it.each([
    [{ tree: { root: { id: 'x', name: 'x', kind: 'scorecard', kpis: [{ id: 'k' }] } }, sources: {} }, ': tree.root.kpis.0.name: name is required'],
    [{ sources: {} }, ': tree: tree (or rows) is required'],
    [{ ...rowsFile({}), sources: { nope: 'sla' } }, ': sources.nope: "nope" is not a KPI of the scorecard (KPIs: policy-sla, p90, reopens)'],
    [{ ...rowsFile({}), sources: undefined }, ': sources: expected an object of KPI id → source'],
    [{ rows: [{ id: 'a', kind: 'scorecard' }, { id: 'b', parent: 'c', kind: 'objective' }, { id: 'c', parent: 'b', kind: 'objective' }], sources: {} }, ': rows: row 2 ("b"), parent: the parents form a cycle: b → c → b'],
    ['{ not json', ' is not valid JSON'],
    [{ ...rowsFile({}), missing: 'sometimes' }, ': missing: must be ignore, zero, carry-forward, strict, not "sometimes"'],
    [{ tree: { root: { id: 'x', name: 'x', kind: 'scorecard' } }, missing: 'zero', sources: {} }, ': missing: with a tree, the missing-data policy is tree.missing'],
  ])('a bad --scorecard file exits 2 naming the option, the file and the field (%#)', async (content, message) => {
    const { out, io } = capture();
    const file = scorecardFile(content);
    expect(await main(['--input', smallLog, '--scorecard', file], io)).toBe(2);
    expect(out.stderr.startsWith(`--scorecard: ${file}${message}`), out.stderr).toBe(true);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('shows the pay of a person-level scorecard, the notes, and the scorecard in the HTML report', async () => {
    const { out, io } = capture();
    const person = rowsFile({ 'policy-sla': 'sla', p90: 'tat:p90', reopens: 'reopen' });
    Object.assign(person.rows[0], { level: 'person', payBase: 1000, payCap: 1 });
    Object.assign(person.rows[2], { guardedBy: undefined, owner: undefined });
    const html = join(dir, 'report.html');
    expect(await main(['--input', smallLog, '--scorecard', scorecardFile(person), '--html', html], io)).toBe(0);
    const json = capture();
    expect(await main(['--input', smallLog, '--scorecard', scorecardFile(person), '--json'], json.io)).toBe(0);
    const { scorecard } = JSON.parse(json.out.stdout);
    expect(scorecard.root.payout).toBe(1000 * Math.min(1, scorecard.root.score));
    expect(out.stdout).toContain(`  Pay: Team ${new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(scorecard.root.payout)}\n`);
    expect(out.stdout).toContain('  Note: KPI "p90" has no owner: name the person who answers for it.\n');
    expect(out.stdout).toContain('  Note: Speed KPI "p90" has no quality guard');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<h2>Scorecard: Team (person), from ');
    expect(page).toMatch(/<td>\u00a0{4}policy-sla<\/td><td>sla<\/td>/);
    expect(page).toContain('<p>Pay: Team ');
  });

  it('a source the report cannot give exits 2 naming the KPI\'s source and what the report has', async () => {
    const run = async (sources: Record<string, string>) => {
      const { out, io } = capture();
      expect(await main(['--input', smallLog, '--scorecard', scorecardFile(rowsFile(sources))], io)).toBe(2);
      return out.stderr;
    };
    expect(await run({ 'policy-sla': 'sla:payroll' })).toContain(': sources.policy-sla: "sla:payroll": no SLA policy "payroll" in the report (policies: problem-resolution)');
    expect(await run({ p90: 'tat:p75' })).toContain(': sources.p90: "tat:p75": the report gives TAT tat:median, tat:p90');
    expect(await run({ p90: 'speed' })).toContain(': sources.p90: "speed": must be sla, sla:<policy id>, tat:median, tat:p<N>, ftr, reopen, csat or inps');
    const spaced = rowsFile({ 'p 90': 'tat:p75' });
    spaced.rows[2] = { ...spaced.rows[2], id: 'p 90' };
    const { out, io } = capture();
    expect(await main(['--input', smallLog, '--scorecard', scorecardFile(spaced)], io)).toBe(2);
    expect(out.stderr).toContain(': sources.p 90: "tat:p75": the report gives TAT tat:median, tat:p90\n');
  });
});
