import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from './helpers/cli-run';

const { dir, file } = tempFiles('cli-outputs-');
let n = 0;
const calendar = file({ c: 'Mo-Fr 09:00-17:00 | tz=UTC' });
const policy = (id = 'p', label?: string) => ({ id, name: 'P', stop: { statuses: ['Done'] }, goals: [{ target: '1h', calendar: 'c', ...(label ? { label } : {}) }] });
const mapping = file({ case: 'id', time: { column: 'at' }, status: 'status' });
const LOG = 'id,at,status\nT-1,2025-03-03T09:00:00Z,Open\nT-1,2025-03-03T11:00:00Z,Done\n';

const run = runCli;
const report = (input: string, more: string[], policies = file([policy()])) => run(['--input', input, '--map', mapping, '--policies', policies, '--calendars', calendar, ...more]);

describe('outputs never harm inputs', () => {
  it('OUT1 --cycles naming the input is exit 2 before anything is opened; the log keeps every byte', async () => {
    const log = file(LOG, 'csv');
    const result = await report(log, ['--cycles', log]);
    expect(result).toMatchObject({ status: 2, stdout: '', stderr: `--cycles: ${log} is the file given to --input; writing it would destroy it (name another file)\n` });
    expect(readFileSync(log, 'utf8')).toBe(LOG);
  });

  it('OUT2 --html naming the input through a symbolic link, or the policies file, is exit 2; both keep their bytes', async () => {
    const log = file(LOG, 'csv');
    const link = join(dir, 'link-to-log.html');
    symlinkSync(log, link);
    const linked = await report(log, ['--html', link]);
    expect(linked.status).toBe(2);
    expect(linked.stderr).toBe(`--html: ${link} is the file given to --input; writing it would destroy it (name another file)\n`);
    expect(readFileSync(log, 'utf8')).toBe(LOG);
    const policies = file([policy()]);
    const before = readFileSync(policies, 'utf8');
    const clash = await report(log, ['--cycles', policies], policies);
    expect(clash.stderr).toBe(`--cycles: ${policies} is the file given to --policies; writing it would destroy it (name another file)\n`);
    expect(readFileSync(policies, 'utf8')).toBe(before);
  });

  it('OUT3 a run that fails on a late row leaves the earlier --cycles and --html files as they were, and no temporary file', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `T-${i},2025-03-03T09:00:00Z,Open\nT-${i},2025-03-03T10:00:00Z,Done`);
    const log = file(`id,at,status\n${rows.join('\n')}\nT-x,not a time,Done\n`, 'csv');
    const sub = mkdtempSync(join(dir, 'out-'));
    const cycles = join(sub, 'cycles.csv');
    const html = join(sub, 'report.html');
    writeFileSync(cycles, 'kept');
    writeFileSync(html, 'kept too');
    const result = await report(log, ['--cycles', cycles, '--html', html]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('row 6002, column "at": "not a time" is not a time');
    expect(readFileSync(cycles, 'utf8')).toBe('kept');
    expect(readFileSync(html, 'utf8')).toBe('kept too');
    expect(readdirSync(sub).sort()).toEqual(['cycles.csv', 'report.html']);
    const ok = await report(file(LOG, 'csv'), ['--cycles', cycles]);
    expect(ok.status).toBe(0);
    expect(readFileSync(cycles, 'utf8').split('\n')[1]).toMatch(/^T-1,p,1,1h,/);
    expect(readdirSync(sub).sort()).toEqual(['cycles.csv', 'report.html']);
  });

  it('OUT4 --cycles /dev/full is exit 2 naming the file and the full device, not a stack trace', async () => {
    const result = await report(file(LOG, 'csv'), ['--cycles', '/dev/full']);
    expect(result).toMatchObject({ status: 2, stdout: '', stderr: '--cycles: cannot write /dev/full (no space left on device)\n' });
  });
});

describe('--cycles neutralises spreadsheet formulas in text from the input; computed numbers stay numbers', () => {
  const cyclesOf = async (log: string, policies: object[]) => {
    const out = join(dir, `cycles-${++n}.csv`);
    const result = await report(file(log, 'csv'), ['--cycles', out], file(policies));
    expect(result.status).toBe(0);
    const records: string[][] = parse(readFileSync(out, 'utf8'), { relax_quotes: true });
    return { text: readFileSync(out, 'utf8'), records };
  };
  const ids = { CSV1: "=cmd|' /C calc'!A0", CSV2: '@SUM(1+1)', CSV3: '+1', CSV4: '-2+3' };
  for (const [id, ticket] of Object.entries(ids)) {
    it(`${id} a ticket id ${JSON.stringify(ticket)} is written as text: a leading apostrophe, quoted`, async () => {
      const log = `id,at,status\n"${ticket.replace(/"/g, '""')}",2025-03-03T09:00:00Z,Open\n"${ticket.replace(/"/g, '""')}",2025-03-03T13:00:00Z,Done\n`;
      const { text, records } = await cyclesOf(log, [policy()]);
      expect(records[1][0]).toBe(`'${ticket}`);
      expect(text.split('\n')[1].startsWith(`"'${ticket.charAt(0)}`)).toBe(true);
      // 4 hours against a 1-hour goal: remaining −180 minutes, a number a spreadsheet sums.
      expect(records[1][9]).toBe('-180');
    });
  }
  it('CSV5 a policy id starting with a tab is written as text', async () => {
    const { records } = await cyclesOf(LOG, [policy('\tp')]);
    expect(records[1][1]).toBe("'\tp");
  });
  it('CSV6 a goal label starting with a carriage return is written as text', async () => {
    const { records } = await cyclesOf(LOG, [policy('p', '\rfast')]);
    expect(records[1][3]).toBe("'\rfast");
  });
});

describe('the Data quality section', () => {
  it('DQ1 text, HTML and --json carry the rows, tickets and each correction, and name unused statuses and unmapped fields', async () => {
    const log = file('id,at,status,team\nT-1,2025-03-03T09:00:00Z,Open,\nT-2,2025-03-03T09:30:00Z,Triage,\nT-1,2025-03-03T08:00:00Z,Done,\nT-1,2025-03-03T12:00:00Z,,\n', 'csv');
    const map = file({ case: 'id', time: { column: 'at' }, status: 'status', fields: { team: 'team' } });
    const policies = file([{ ...policy(), appliesTo: [{ field: 'priority', notIn: ['Low'] }] }]);
    const html = join(dir, `dq-${++n}.html`);
    const args = ['--input', log, '--map', map, '--policies', policies, '--calendars', calendar];
    const text = await run([...args, '--html', html]);
    expect(text.status).toBe(0);
    const section = text.stdout.slice(text.stdout.indexOf('Data quality'));
    for (const line of ['Rows read                   4', 'Tickets                     2', 'Rows reordered              1', 'Times corrected             0', 'Blank statuses skipped      1', 'Statuses no policy names    Open, Triage', 'Mapped fields never filled  team', 'Policy fields not mapped    priority']) {
      expect(section).toContain(line);
    }
    expect(text.stderr).toContain('warning: --policies: policy p reads the field "priority", which the mapping does not map: it is blank on every ticket (map it under "fields")');
    expect(readFileSync(html, 'utf8')).toContain('<h2>Data quality</h2>\n<table><thead><tr><th>Measure</th><th>Value</th></tr></thead><tbody><tr><td>Rows read</td><td>4</td></tr>');
    const json = JSON.parse((await run([...args, '--json'])).stdout);
    expect(json.dataQuality).toEqual({
      rows: 4,
      tickets: 2,
      rowsReordered: 1,
      timesCorrected: 0,
      blankStatusesSkipped: 1,
      statusesNoPolicyNames: ['Open', 'Triage'],
      mappedFieldsNeverFilled: ['team'],
      policyFieldsNotMapped: ['priority'],
    });
  });
});
