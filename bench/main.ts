import './process-zone';
import os from 'node:os';
import { type AgreementReport, checkAgreement, closingTimeCases } from './agreement';
import { checkHolidays, HOLIDAYS, ourCalendar, touchesHoliday } from './calendar';
import { int, markdown, mib, seconds, si, table, when, wrap } from './format';
import { generateInputs, MAX_ADD_MINUTES, MAX_GAP_DAYS } from './inputs';
import { dayLoopEngine, PEERS } from './peers';
import { measureRangesInChild, RANGES } from './ranges';
import { runSlaInChild, type SlaRun } from './sla';
import { measureOurs, measurePeer, type Operation, type Rate, type TimingOptions } from './throughput';
import { PRIORITIES, STATUS_PATH } from './tickets';

export interface BenchOptions {
  /** Small counts and short timings: a smoke run for tests (seconds, not a minute). */
  quick?: boolean;
  log?: (line: string) => void;
}

export interface Target {
  name: string;
  result: string;
  goal: string;
  pass: boolean | null;
}

export interface BenchReport {
  agreement: AgreementReport;
  rates: Rate[];
  sla: SlaRun[];
  targets: Target[];
  markdown: string;
}

const SEED = 20240101;
/** The range lengths run in UTC and in a zone with DST. */
const ZONES = ['UTC', 'Europe/Brussels'];
const OPERATIONS: Operation[] = ['durations', 'additions'];

export function runBench(options: BenchOptions = {}): BenchReport {
  const log = options.log ?? ((line: string) => console.log(line));
  const quick = options.quick === true;
  const started = performance.now();
  const counts = quick
    ? { random: 200, closing: 50, timing: { minSeconds: 0.1, warmSeconds: 0.05 }, sla: [5_000, 10_000, 20_000] }
    : { random: 2_000, closing: 500, timing: { minSeconds: 0.5, warmSeconds: 0.2 }, sla: [250_000, 500_000, 1_000_000] };
  const timing: TimingOptions = counts.timing;

  checkHolidays();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  log(`# Business-time and SLA benchmark${quick ? ' (--quick smoke run: small counts, figures not meaningful)' : ''}`);
  log('');
  log(`Node ${process.version} on ${cpu} (${os.cpus().length} cores), one thread.`);
  log(`Calendar for every engine: Mo-Fr 08:00-12:00, 13:00-17:00, ${HOLIDAYS.length / 3} weekday holidays a year in 2024-2026 (${HOLIDAYS.length} dates modelled`);
  log(`on Vietnam's, identical for all). Peers: ${PEERS.map((p) => p.name).join(', ')} (durations only for the last two).`);
  log('The peers have no time-zone option (they read the process zone), so sections 1-3 run with TZ=UTC and ours gets timeZone "UTC";');
  log('section 4 repeats the durations in a child process per zone, UTC and Europe/Brussels.');
  log(`Inputs: mulberry32 seed ${SEED}; whole-minute instants in 2024-2026 (1 in 10 exactly on 08:00/12:00/13:00/17:00), durations over`);
  log(`0-${MAX_GAP_DAYS} calendar days, additions of 0-${int(MAX_ADD_MINUTES)} working minutes.`);

  // ---- 1. agreement -----------------------------------------------------------------------------------------
  let t = performance.now();
  const ours = ourCalendar();
  ours.workingMinutesBetween(Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 2)); // builds the first tables
  const compileMs = performance.now() - t;
  const samples = {
    random: generateInputs(counts.random, SEED),
    'closing-time': closingTimeCases(counts.closing, SEED + 1),
  };
  t = performance.now();
  const agreement = checkAgreement(ours, PEERS, samples);
  log('');
  log(`## 1. Agreement (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  log('');
  log(`Each engine against ours and against a naive minute-stepping reference (bench/calendar.ts). "random": ${int(counts.random)} random`);
  log(`cases; "closing-time": ${int(counts.closing)} additions chosen to land exactly on a 12:00 or 17:00 closing (durations from the same start to`);
  log('that closing). For additions the reference is the earliest instant with n working minutes after the start.');
  const random = samples.random;
  let holidayDurations = 0;
  let holidayStarts = 0;
  for (let i = 0; i < random.size; i++) {
    if (touchesHoliday(random.a[i], random.b[i])) holidayDurations++;
    if (touchesHoliday(random.start[i], ours.addWorkingMinutes(random.start[i], random.minutes[i]))) holidayStarts++;
  }
  log(`Holidays in the random sample: ${int(holidayDurations)} durations and ${int(holidayStarts)} additions start, end or run through a holiday.`);
  log('');
  log(
    table(
      ['engine', 'operation', 'sample', 'cases', 'same as ours', 'same as reference'],
      agreement.rows.map((r) => [r.engine, r.operation, r.sample, int(r.cases), `${int(r.agree)} (${pct(r.agree, r.cases)})`, `${int(r.matchReference)} (${pct(r.matchReference, r.cases)})`]),
    ),
  );
  const findings = agreement.rows.filter((r) => r.findings.length > 0);
  if (findings.length > 0) {
    log('');
    log('Disagreements with the reference, and which side is right:');
    for (const r of findings) {
      for (const f of r.findings) {
        log('');
        log(`- ${r.engine}, ${r.operation}, ${r.sample}: ${int(f.count)} × ${f.kind}`);
        log(`  ${wrap(f.verdict, 118, '  ')}`);
        for (const e of f.examples) log(`    e.g. ${e}`);
      }
    }
  }
  const closingAdditions = agreement.rows.filter((r) => r.sample === 'closing-time' && r.operation === 'additions');
  if (closingAdditions.every((r) => r.matchReference === r.cases)) {
    log('');
    log('Additions landing exactly on a closing time: every engine returns the closing instant (none jumps to the next opening).');
  }
  log('');
  log(
    agreement.oursCorrect
      ? 'Ours matches the reference on every case.'
      : 'OURS DIFFERS FROM THE REFERENCE: a bug in core/calendar (see above). The bench exits with status 1.',
  );

  // ---- 2. throughput ----------------------------------------------------------------------------------------
  log('');
  log(`## 2. Throughput (≥ ${timing.minSeconds} s per measurement after a ${timing.warmSeconds} s warm-up)`);
  log('');
  const pool = generateInputs(1 << 16, SEED + 2);
  const rates: Rate[] = [];
  for (const operation of OPERATIONS) {
    rates.push(measureOurs(ours, pool, operation, timing));
    for (const peer of PEERS.filter((p) => operation === 'durations' || p.add !== undefined)) rates.push(measurePeer(peer, pool, 2_000, operation, timing));
  }
  log(
    table(
      ['engine', 'operation', 'ops', 'time', 'ops/s', 'checksum'],
      rates.map((r) => [r.engine, r.operation, int(r.ops), seconds(r.seconds), si(r.perSecond), int(r.checksum)]),
    ),
  );
  log('');
  log(`Ours: ${int(pool.size)} inputs in a pool on plain epoch-ms numbers; peers: the first 2,000 of the same pool, their date objects`);
  log(`built before the clock starts (favours them). Compiling our calendar and building its first tables: ${compileMs.toFixed(1)} ms, once.`);
  const targets: Target[] = [];
  const rateOf = (engine: string, operation: Operation) => rates.find((r) => r.engine === engine && r.operation === operation)!;
  for (const operation of OPERATIONS) {
    const mine = rates.find((r) => r.operation === operation && r.engine.startsWith('ours'))!;
    const libraries = rates.filter((r) => r.operation === operation && !r.engine.startsWith('ours') && r.engine !== dayLoopEngine.name);
    const fastest = libraries.sort((x, y) => y.perSecond - x.perSecond)[0];
    const ratio = mine.perSecond / fastest.perSecond;
    targets.push({ name: `${operation}: ours ÷ fastest library (${fastest.engine})`, result: times(ratio), goal: '≥ 100×', pass: ratio >= 100 });
    const loop = rates.find((r) => r.operation === operation && r.engine === dayLoopEngine.name);
    if (loop) targets.push({ name: `${operation}: ours ÷ ${loop.engine}`, result: times(mine.perSecond / loop.perSecond), goal: '', pass: null });
  }
  const durations = rateOf('ours (WorkCalendar)', 'durations');
  targets.splice(1, 0, { name: 'durations per second, ours, one core', result: `${si(durations.perSecond)}/s`, goal: '≥ 5 M/s', pass: durations.perSecond >= 5e6 });
  log('');
  for (const target of targets) log(target.goal ? `${target.name}: ${target.result} (target ${target.goal}) ${verdict(target.pass)}` : `${target.name}: ${target.result}`);
  log('On these short ranges (0-5 days) a plain loop is close: our edge is a cost that stays flat as ranges grow (section 4).');

  // ---- 3. SLA -----------------------------------------------------------------------------------------------
  log('');
  log('## 3. SLA cycles');
  log('');
  const priorities = PRIORITIES.map((p) => `${p.priority} ${Math.round(p.share * 100)} % ${'minutes' in p.target ? `${p.target.minutes} min` : `${p.target.businessDays} business days`}`);
  log(
    wrap(
      `Synthetic tickets, 6 status changes each: Open → ${STATUS_PATH.join(' → ')} (Waiting for customer pauses the clock, ` +
        'the first Resolved stops it, the reopening starts a second cycle). Gaps log-uniform from 1 minute to 5 days; tickets ' +
        `created 2024-01-01 to the as-of instant 2026-12-15, so the latest are still open. Priorities ${priorities.join(', ')}.`,
      130,
      '',
    ),
  );
  log("Timed, two ways: (stream) createSlaClock(policy, { office }).compute(ticket, asOf) for every ticket, each cycle counted into a");
  log("ComplianceTally({ groupBy: 'priority', period: 'month' }) and dropped, as the CLI and the Forge sync work; (keep) every result and");
  log("one flat array of all cycles kept, then slaCompliance(cycles, …) over it. Generating the tickets is not timed. Each row runs in a");
  log('fresh child process (node --expose-gc, cold heap: V8 tunes its GC to what a process did before), heap measured after a full gc.');
  log('');
  const sla: SlaRun[] = counts.sla.map((n) => runSlaInChild(n, SEED + 3, 'keep'));
  const largest = sla[sla.length - 1];
  const stream = runSlaInChild(largest.tickets, SEED + 3, 'stream');
  log(
    table(
      ['tickets', 'cycles', 'generate', 'clock', 'compliance', 'clock+compliance', 'cycles/s', 'ticket heap', 'B/ticket', 'result heap', 'B/ticket'],
      sla.map((r) => {
        const total = r.computeSeconds + r.complianceSeconds;
        return [int(r.tickets), int(r.cycles), seconds(r.generateSeconds), seconds(r.computeSeconds), seconds(r.complianceSeconds), seconds(total), si(r.cycles / total),
          mib(r.ticketBytes), int(r.ticketBytes / r.tickets), mib(r.resultBytes), int(r.resultBytes / r.tickets)];
      }),
    ),
  );
  const total = largest.computeSeconds + largest.complianceSeconds;
  log('');
  log(`Largest run: states ${Object.entries(largest.states).map(([k, v]) => `${k} ${int(v)}`).join(', ')}; compliance ${(largest.report!.total.compliance! * 100).toFixed(2)} % over ${largest.report!.groups.length} priority × month groups.`);
  log(`Streaming the same ${int(stream.tickets)} tickets (clock and compliance in one pass, nothing kept): ${seconds(stream.computeSeconds)}.`);
  log(`Keeping every result costs the rest: ${int(largest.cycles)} live cycles make the garbage collector walk a heap that keeps growing.`);
  if (stream.cycles !== largest.cycles) throw new Error(`bench: ${stream.cycles} cycles streamed, ${largest.cycles} kept`);
  if (JSON.stringify(stream.report) !== JSON.stringify(largest.report)) throw new Error('bench: streamed and kept compliance differ');
  targets.push({
    name: `SLA: ${int(stream.tickets)} tickets → ${int(stream.cycles)} cycles and their compliance, streamed`,
    result: seconds(stream.computeSeconds),
    goal: '< 3 s for 1,000,000 tickets',
    pass: quick ? null : stream.computeSeconds < 3,
  });
  const perTicket = sla.map((r) => (r.ticketBytes + r.resultBytes) / r.tickets);
  const spread = (Math.max(...perTicket) - Math.min(...perTicket)) / Math.min(...perTicket);
  targets.push({
    name: `SLA: ${int(largest.tickets)} tickets → ${int(largest.cycles)} cycles, every cycle kept, then compliance`,
    result: `${seconds(total)} (clock ${seconds(largest.computeSeconds)}, compliance ${seconds(largest.complianceSeconds)})`,
    goal: '',
    pass: null,
  });
  targets.push({
    name: `heap per ticket at ${sla.map((r) => si(r.tickets)).join(' / ')} tickets (tickets + results)`,
    result: `${perTicket.map((b) => int(b)).join(' / ')} B (spread ${(spread * 100).toFixed(1)} %)`,
    goal: 'linear (spread ≤ 10 %)',
    pass: quick ? null : spread <= 0.1,
  });
  log('');
  for (const target of targets.slice(-3)) log(target.goal ? `${target.name}: ${target.result} (target ${target.goal}) ${verdict(target.pass)}` : `${target.name}: ${target.result}`);

  // ---- 4. ranges -------------------------------------------------------------------------------------------------
  log('');
  log('## 4. Durations by range length, in UTC and in a zone with DST');
  log('');
  log(`Each range length from 1 hour to 10 years, starts uniform over 2024-2026 (whole minutes), ends start + length; ${RANGES.map((r) => r.label).join(', ')}`);
  log('(a month is 30 days, a year 365). Each zone runs in a fresh process whose TZ is that zone, as the peers read the process zone;');
  log('ours gets the same zone. Europe/Brussels has DST, so the range crosses its clock changes. "same as ours": of the first 200');
  log('inputs (fewer for a slow peer: one second of them), how many the engine answers exactly as ours does.');
  const ranges = ZONES.flatMap((zone) => measureRangesInChild(zone, SEED + 4, quick));
  const oursIn = (zone: string, range: string) => ranges.find((r) => r.zone === zone && r.range === range && r.engine.startsWith('ours'))!;
  for (const zone of ZONES) {
    log('');
    log(`### ${zone}`);
    log('');
    log(
      table(
        ['range', 'engine', 'durations/s', 'ours ÷ engine', 'same as ours'],
        ranges.filter((r) => r.zone === zone).map((r) => [r.range, r.engine, si(r.perSecond), times(oursIn(zone, r.range).perSecond / r.perSecond), `${r.sameAsOurs} / ${r.checked}`]),
      ),
    );
  }

  // ---- summary ----------------------------------------------------------------------------------------------
  const rows: string[][] = [];
  for (const operation of OPERATIONS) {
    for (const r of rates.filter((x) => x.operation === operation)) rows.push([`${cap(operation)} per second, ${r.engine}`, `${si(r.perSecond)}/s`, '', '']);
  }
  for (const target of targets) rows.push([cap(target.name), target.result, target.goal, target.goal ? verdict(target.pass) : '']);
  rows.push(['Compiling our calendar and building its first tables (once)', `${compileMs.toFixed(1)} ms`, '', '']);
  for (const zone of ZONES) {
    for (const peer of PEERS) {
      const ratios = RANGES.map((range) => {
        const theirs = ranges.find((r) => r.zone === zone && r.range === range.label && r.engine === peer.name)!;
        return times(oursIn(zone, range.label).perSecond / theirs.perSecond);
      });
      rows.push([`Durations of ${RANGES.map((r) => r.label).join(' / ')}, ${zone}: ours ÷ ${peer.name}`, ratios.join(' / '), '', '']);
    }
  }
  for (const engine of ['ours (WorkCalendar)', ...PEERS.map((p) => p.name)]) {
    const split = Object.keys(samples).map((sample) => {
      const mine = agreement.rows.filter((r) => r.engine === engine && r.sample === sample);
      const cases = mine.reduce((sum, r) => sum + r.cases, 0);
      const right = mine.reduce((sum, r) => sum + r.matchReference, 0);
      return `${sample} ${int(right)} / ${int(cases)} (${pct(right, cases)})`;
    });
    rows.push([`Agreement with a minute-stepping reference, ${engine}`, split.join('; '), '', '']);
  }
  const md = [
    markdown(['Measure', 'Result', 'Target', 'Status'], rows),
    '',
    `\`npm run bench\` on Node ${process.version}, ${cpu}, one core. Calendar Mo-Fr 08:00-12:00, 13:00-17:00 plus 15 holidays a year, ` +
      'zone UTC for every engine in sections 1-2 (the peers have no time-zone option), UTC and Europe/Brussels for the range lengths; ' +
      'the same seeded random inputs for all. Durations and additions cover 0-5 days unless a range length is named. ' +
      `SLA: ${int(largest.tickets)} synthetic tickets with 6 status changes each (a pause and a reopening), each run in a fresh process.`,
  ].join('\n');
  log('');
  log(`## Summary (Markdown, for the README; ${quick ? 'quick run' : `${new Date().toISOString().slice(0, 10)}`}, Node ${process.version}, ${cpu})`);
  log('');
  log(md);
  log('');
  log(`Bench finished in ${((performance.now() - started) / 1000).toFixed(1)} s; run at ${when(Date.now())} UTC.`);
  return { agreement, rates, sla, targets, markdown: md };
}

/** Percentages rounded down, so 100.0 % means every case. */
/** A ratio: 0.93×, 4.2×, 13×, 1,100×. */
const times = (ratio: number) => `${ratio < 10 ? ratio.toFixed(ratio < 1 ? 2 : 1) : Math.round(ratio).toLocaleString('en-US')}×`;
const pct = (part: number, whole: number) => `${whole === 0 ? '-' : (Math.floor((part / whole) * 1000) / 10).toFixed(1)} %`;
const verdict = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
