import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from './helpers/cli-run';
import { type MarketVectors, readMarketVectors } from './vectors/market';

const v = readMarketVectors();
const files = tempFiles('cli-market-');
const FIELDS = ['department', 'requestType', 'team'];

/**
 * The vectors' ticket histories as an event log, one row per change: the first row (the creation) carries the status
 * and the fields, with any change made at that instant; later rows repeat the status and give the changed field only
 * (a blank cell leaves a field as it was).
 */
function eventLog(tickets: MarketVectors['statement']['tickets']): string {
  const rows = [['ticket', 'time', 'status', ...FIELDS].join(',')];
  for (const t of tickets) {
    const atCreation = t.events.filter((e) => e.at === t.created);
    const first: Record<string, string> = { ...t.fields };
    for (const e of atCreation) first[e.field] = e.to;
    let status = first.status ?? t.status;
    rows.push([t.key, t.created, status, ...FIELDS.map((f) => first[f] ?? '')].join(','));
    for (const e of t.events.filter((e) => e.at !== t.created)) {
      if (e.field === 'status') status = e.to;
      rows.push([t.key, e.at, status, ...FIELDS.map((f) => (f === e.field ? e.to : ''))].join(','));
    }
  }
  return `${rows.join('\n')}\n`;
}

const MAPPING = { case: 'ticket', time: { column: 'time' }, status: 'status', fields: Object.fromEntries(FIELDS.map((f) => [f, f])) };
const common = ['--map', files.file(MAPPING), '--policies', files.file(v.policies), '--calendars', files.file(v.calendars)];

async function marketJson(tickets: MarketVectors['statement']['tickets'], catalogue: object, asOf: string) {
  const run = await runCli(['--input', files.file(eventLog(tickets), 'csv'), ...common, '--catalogue', files.file(catalogue), '--as-of', asOf, '--json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout).internalMarket;
}

describe('the internal market through the CLI --json', () => {
  it('MK1: statement lines and totals of the shared vectors', async () => {
    const market = await marketJson(v.statement.tickets, v.statement.catalogue, v.statement.asOf);
    expect(market.statements).toEqual(v.statement.lines);
    expect(market.totals).toEqual(v.statement.totals);
  });

  it.each(v.ola.budgets)('MK4: OLA chain of the shared vectors from rows that change the team: $name', async (expected) => {
    const market = await marketJson(v.ola.tickets, expected.catalogue, v.ola.asOf);
    expect(market.ola).toEqual([
      { service: 'po', provider: 'Purchasing', ownerField: 'team', cycles: 2, breached: expected.breached, unallocated: expected.unallocated, owners: expected.owners },
    ]);
  });
});

describe('the owner field through a closed ticket', () => {
  it('MK4: a team change while the ticket is closed (kept as a few numbers) holds the reopened cycle from its start', async () => {
    // X-1's row between R-1's rows ends R-1's group: R-1 is kept suspended, then resumed by its later rows.
    const log = [
      'ticket,time,status,department,requestType,team',
      'R-1,2025-03-03T09:00:00Z,Open,HR,Purchase,Purchasing',
      'R-1,2025-03-03T10:00:00Z,Done,,,',
      'X-1,2025-03-03T10:30:00Z,Open,HR,Travel,',
      'R-1,2025-03-03T11:00:00Z,Done,,,Finance',
      'X-1,2025-03-03T12:00:00Z,Done,,,',
      'R-1,2025-03-03T13:00:00Z,Open,,,',
      'R-1,2025-03-03T14:30:00Z,Done,,,',
    ].join('\n');
    const catalogue = files.file(v.ola.budgets[0].catalogue);
    const run = await runCli(['--input', files.file(log, 'csv'), ...common, '--catalogue', catalogue, '--as-of', v.ola.asOf, '--json']);
    expect(run.status).toBe(0);
    const [ola] = JSON.parse(run.stdout).internalMarket.ola;
    expect(ola.owners.map((o: { owner: string; cycles: number; heldMedian: number }) => [o.owner, o.cycles, o.heldMedian])).toEqual([['Finance', 1, 90], ['Purchasing', 1, 60]]);
  });
});

describe('--statement and --catalogue', () => {
  it('MK1: --statement writes the contract header and one row per line, formula text neutralised', async () => {
    const catalogue = structuredClone(v.statement.catalogue) as { services: Array<{ provider: string }> };
    catalogue.services[0].provider = '=HYPERLINK("x")';
    const out = `${files.dir}/statement.csv`;
    const run = await runCli(['--input', files.file(eventLog(v.statement.tickets), 'csv'), ...common, '--catalogue', files.file(catalogue), '--as-of', v.statement.asOf, '--statement', out]);
    expect(run.status).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toBe('period,customer,service,provider,requests,met,breached,compliance,agreed,charge,credit_rate,credit,net,currency');
    expect(lines[1]).toBe(`2025-03,HR,po,"'=HYPERLINK(""x"")",3,2,0,1,0.95,600000,0,0,600000,VND`);
    expect(lines[4]).toBe('2025-03,Sales,it,IT,2,1,1,0.5,0.9,666667,0.1,66667,600000,VND');
    expect(lines).toHaveLength(v.statement.lines.length + 2); // header, lines, and the empty string after the last CRLF
  });

  it('--statement without --catalogue, and a catalogue naming an unknown policy, are errors naming the option, file, service and field', async () => {
    const noCatalogue = await runCli(['--statement', `${files.dir}/s.csv`]);
    expect(noCatalogue).toMatchObject({ status: 2, stderr: '--statement: give the service catalogue it is drawn from with --catalogue\n' });
    const bad = files.file({ ...v.statement.catalogue, services: [{ ...(v.statement.catalogue as { services: object[] }).services[0], policy: 'nope' }] });
    const run = await runCli([...common.slice(2), '--input', files.file(eventLog(v.statement.tickets), 'csv'), '--map', common[1], '--catalogue', bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`--catalogue: ${bad}: services.0 (po): policy: no SLA policy "nope" (policies: request, purchase-chain)\n`);
  });

  it('--statement never overwrites the catalogue', async () => {
    const catalogue = files.file(v.statement.catalogue);
    const run = await runCli(['--input', files.file(eventLog(v.statement.tickets), 'csv'), ...common, '--catalogue', catalogue, '--statement', catalogue]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--statement: ${catalogue} is the file given to --catalogue`);
  });

  it('the bundled BPIC 2013 log with examples/catalogue.json prints a statement and an OLA table, and the HTML page has both', async () => {
    const html = `${files.dir}/report.html`;
    const run = await runCli(['--catalogue', 'examples/catalogue.json', '--html', html]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Internal market: statement \(EUR\), the latest 2 months\n  Period +Customer +Service +Provider +Requests/);
    expect(run.stdout).toMatch(/\n {2}2012-05 +Org line C +major-problem +Volvo IT problem management +\d+/);
    expect(run.stdout).toMatch(/OLA chain: major-problem \(Volvo IT problem management\), owner field owner\n {2}Owner +Budget h +Cycles held +Within budget/);
    expect(run.stdout).toMatch(/\n {2}G88 2nd +6\.0 +\d+ +[\d.]+% /);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<h2>Internal market: statement (EUR)</h2>');
    expect(page).toContain('<h3>OLA chain: high-problem (Volvo IT problem management), owner field owner</h3>');
  });
});
