import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../core/calendar';
import { evaluateTree, ScorecardTreeSchema } from '../core/scorecard';
import { goalCalendars, GamingSignalTally, kpiReviews, notesOfOwner, payReviews, readSignalParameters, reviewNoteFromText, reviewNotesByGroup, type SignalResult } from '../core/market';
import { jsonSchemaOf } from '../core/schema';
import { Examples } from '../core/market/signals/examples';
import { PauseCounter, pauseResults } from '../core/market/signals/pause-share';
import { createSlaClock, type SlaClock, type SlaCycle, type SlaPolicyInput } from '../core/sla';
import { findNode, kpi } from './helpers/scorecard-builders';

/** Monday to Friday 09:00-17:00 UTC; 3 March 2025 is a Monday. */
const office = () => compileCalendar({ timeZone: 'UTC', weekly: Object.fromEntries(['Mo', 'Tu', 'We', 'Th', 'Fr'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])) });
/** Day `d` of March 2025 at hh:mm UTC (3 = Monday). */
const at = (d: number, hhmm: string) => Date.parse(`2025-03-${String(d).padStart(2, '0')}T${hhmm}:00Z`);

const policy: SlaPolicyInput = {
  id: 'resolve',
  name: 'Resolution',
  pause: { statuses: ['Waiting'] },
  stop: { statuses: ['Done'] },
  goals: [
    { when: [{ field: 'priority', in: ['High'] }], target: '2h', calendar: 'office' },
    { target: '8h', calendar: 'office' },
  ],
};

/** A ticket's changes: [day, hh:mm, status] or [day, hh:mm, { field: value }] (a field change, applied first). */
type Change = [day: number, time: string, change: string | Record<string, string>];

/** Runs tickets through the clock as a streaming reader would (fields replaced as they change) and tallies the signals. */
function signalsOf(tickets: Array<{ key: string; group?: string; fields?: Record<string, string>; changes: Change[] }>, parameters: Record<string, number> = {}, requests = false) {
  const calendars = { office: office() };
  const clock: SlaClock = createSlaClock(policy, calendars);
  const calendarOf = goalCalendars([clock.policy], calendars);
  const tally = new GamingSignalTally(readSignalParameters(parameters), calendarOf, requests);
  for (const t of tickets) {
    const [[day, time]] = t.changes;
    const group = t.group ?? 'team';
    const onCycle = (cycle: SlaCycle, n: number) => {
      tally.addCycle(group, cycle);
      const requester = cycle.fields.requester;
      if (n === 1 && typeof requester === 'string') tally.addRequest({ ticketKey: cycle.ticketKey, created: cycle.start, group, service: cycle.policyId, requester }, calendarOf(cycle.policyId, cycle.goalLabel));
    };
    const tc = clock.open({ key: t.key, created: at(day, time), status: 'Open', fields: t.fields ?? {} }, onCycle);
    for (const [d, hhmm, change] of t.changes.slice(1)) {
      if (typeof change === 'string') tc.apply(at(d, hhmm), 'status', change);
      else tc.fields = { ...tc.fields, ...change };
    }
    tc.finish(at(31, '17:00'));
  }
  return tally.report();
}

const signal = (report: ReturnType<typeof signalsOf>, id: SignalResult['signal'], group = 'team') => report.find((g) => g.group === group)!.signals.find((s) => s.signal === id);

describe('gaming signals from ticket histories', () => {
  it('G1: a priority lowered mid-way lengthens the goal: counted, flagged, the ticket as example', () => {
    const report = signalsOf([
      { key: 'T-1', fields: { priority: 'High' }, changes: [[3, '09:00', ''], [3, '10:00', { priority: 'Low' }], [3, '15:00', 'Done']] },
      { key: 'T-2', fields: { priority: 'High' }, changes: [[3, '09:00', ''], [3, '10:00', 'Done']] },
    ]);
    expect(signal(report, 'G1')).toMatchObject({ name: 'goal lengthened', count: 1, of: 2, share: 0.5, threshold: 0.05, flagged: true, examples: ['T-1'] });
  });

  it('G1: a priority raised mid-way shortens the goal and does not fire', () => {
    const report = signalsOf([{ key: 'T-1', fields: { priority: 'Low' }, changes: [[3, '09:00', ''], [3, '10:00', { priority: 'High' }], [3, '10:30', 'Done']] }]);
    expect(signal(report, 'G1')).toMatchObject({ count: 0, of: 1, share: 0, flagged: false, examples: [] });
  });

  it('G2: a stop followed by a new cycle within 2 business days is premature', () => {
    // Done Monday, reopened Wednesday: 2 business days after the stop's day.
    const report = signalsOf([{ key: 'T-1', changes: [[3, '09:00', ''], [3, '10:00', 'Done'], [5, '16:00', 'Open'], [6, '10:00', 'Done']] }]);
    expect(signal(report, 'G2')).toMatchObject({ name: 'premature stop', count: 1, of: 2, share: 0.5, threshold: 0.1, flagged: true, examples: ['T-1'] });
  });

  it('G2: a reopen 3 business days after the stop does not fire at the default, and does with reopenWithin 3', () => {
    // Done Friday 7th, reopened Wednesday 12th: Monday, Tuesday, Wednesday.
    const ticket = { key: 'T-1', changes: [[7, '09:00', ''], [7, '10:00', 'Done'], [12, '09:30', 'Open'], [12, '10:00', 'Done']] as Change[] };
    expect(signal(signalsOf([ticket]), 'G2')).toMatchObject({ count: 0, of: 2, flagged: false });
    expect(signal(signalsOf([ticket], { reopenWithin: 3 }), 'G2')).toMatchObject({ count: 1, flagged: true });
  });

  /** `n` tickets with a 2h goal created Monday 09:00, stopped with `left` minutes of the goal left. */
  const stoppedWith = (n: number, left: number, from = 0) =>
    Array.from({ length: n }, (_, i) => ({ key: `T-${from + i}`, fields: { priority: 'High' }, changes: [[3, '09:00', ''], [3, `${String(10 + Math.floor((60 - left) / 60)).padStart(2, '0')}:${String((60 - left) % 60).padStart(2, '0')}`, 'Done']] as Change[] }));

  it('G3: more than 20 % of at least 20 met cycles stopped with under 5 % of the goal left is flagged', () => {
    // 5 of 20 stopped at 10:56 (4 of 120 minutes left), 15 at 10:00.
    const report = signalsOf([...stoppedWith(5, 4), ...stoppedWith(15, 60, 5)]);
    expect(signal(report, 'G3')).toMatchObject({ name: 'last-minute stops', count: 5, of: 20, share: 0.25, threshold: 0.2, flagged: true });
    expect(signal(report, 'G3')!.examples).toEqual(['T-0', 'T-1', 'T-2', 'T-3', 'T-4']);
  });

  it('G3: 4 of 20 (20 %, not above), 6 minutes left (exactly 5 %), or fewer than 20 met cycles do not flag', () => {
    expect(signal(signalsOf([...stoppedWith(4, 4), ...stoppedWith(16, 60, 4)]), 'G3')).toMatchObject({ count: 4, share: 0.2, flagged: false });
    expect(signal(signalsOf([...stoppedWith(10, 6), ...stoppedWith(10, 60, 10)]), 'G3')).toMatchObject({ count: 0, flagged: false });
    expect(signal(signalsOf([...stoppedWith(10, 4), ...stoppedWith(9, 60, 10)]), 'G3')).toMatchObject({ count: 10, of: 19, flagged: false });
  });

  /** `n` tickets in `group` that run 1 hour and wait `waitMinutes` (on Monday) before Done. */
  const waiting = (group: string, n: number, waitMinutes: number) =>
    Array.from({ length: n }, (_, i) => ({
      key: `${group}-${i}`,
      group,
      changes: [[3, '09:00', ''], [3, '10:00', 'Waiting'], [3, `${10 + Math.floor(waitMinutes / 60)}:${String(waitMinutes % 60).padStart(2, '0')}`, 'Done']] as Change[],
    }));

  it('G4: a group pausing more than twice the median of the groups, with 10 cycles, is flagged', () => {
    // Pause shares: A 0.75 (3h of 4h), B 0.5, C 0: median 0.5, threshold 1.
    const report = signalsOf([...waiting('A', 10, 180), ...waiting('B', 10, 60), ...waiting('C', 10, 0)]);
    expect(signal(report, 'G4', 'A')).toMatchObject({ share: 0.75, threshold: 1, flagged: false });
    // B waits less: A 0.75, B 0.25 (20 of 80 min), C 0; median 0.25, threshold 0.5.
    const flagged = signalsOf([...waiting('A', 10, 180), ...waiting('B', 10, 20), ...waiting('C', 10, 0)]);
    expect(signal(flagged, 'G4', 'A')).toMatchObject({ name: 'pause share', count: 10, of: 10, share: 0.75, flagged: true });
    expect(signal(flagged, 'G4', 'A')!.threshold).toBeCloseTo(2 * (20 / 80));
    expect(signal(flagged, 'G4', 'A')!.examples).toHaveLength(10);
    expect(signal(flagged, 'G4', 'B')).toMatchObject({ flagged: false });
  });

  it('G4: the same pause share with 9 cycles in the group is not flagged', () => {
    const report = signalsOf([...waiting('A', 9, 180), ...waiting('B', 10, 20), ...waiting('C', 10, 0)]);
    expect(signal(report, 'G4', 'A')).toMatchObject({ share: 0.75, of: 9, flagged: false });
  });

  /** Tickets of requester `who` created at the given [day, hh:mm]s, each stopped an hour later. */
  const requests = (who: string, times: Array<[number, string]>) =>
    times.map(([d, time], i) => ({ key: `${who}-${i}`, fields: { requester: who }, changes: [[d, time, ''], [d + 1, '10:00', 'Done']] as Change[] }));

  it('G5: three tickets of one requester and service within 60 working minutes, across the night, are a split request', () => {
    // 16:40 and 16:50 Monday, 09:10 Tuesday: 30 working minutes apart.
    const report = signalsOf([...requests('ann', [[3, '16:40'], [3, '16:50'], [4, '09:10']]), ...requests('bob', [[3, '09:00']])], {}, true);
    expect(signal(report, 'G5')).toMatchObject({ name: 'split requests', count: 3, of: 4, share: 0.75, flagged: true, examples: ['ann-0', 'ann-1', 'ann-2'] });
  });

  it('G5: a third ticket 61 working minutes after the first is no split; without a requester G5 is left out', () => {
    const spread = requests('ann', [[3, '09:00'], [3, '09:30'], [3, '10:01']]);
    expect(signal(signalsOf(spread, {}, true), 'G5')).toMatchObject({ count: 0, of: 3, flagged: false });
    expect(signal(signalsOf(spread, { splitWithin: 61 }, true), 'G5')).toMatchObject({ count: 3, flagged: true });
    expect(signal(signalsOf(spread), 'G5')).toBeUndefined();
  });

  it('lists at most 10 examples, the strongest first, whatever order the cycles come in', () => {
    const tickets = Array.from({ length: 14 }, (_, i) => ({ key: `P-${String(i).padStart(2, '0')}`, group: 'A', changes: [[3, '09:00', ''], [3, '10:00', 'Waiting'], [3, `${11 + (i % 5)}:00`, 'Done']] as Change[] }));
    const forward = signal(signalsOf(tickets), 'G4', 'A')!.examples;
    expect(forward).toEqual(['P-04', 'P-09', 'P-03', 'P-08', 'P-13', 'P-02', 'P-07', 'P-12', 'P-01', 'P-06']);
    expect(signal(signalsOf([...tickets].reverse()), 'G4', 'A')!.examples).toEqual(forward);
  });
});

describe('gaming signal parameters', () => {
  it('take the defaults and name a parameter that is out of range or unknown', () => {
    expect(readSignalParameters()).toMatchObject({ reopenWithin: 2, lastShare: 0.05, lastFlag: 0.2, lastMinMet: 20, pauseFactor: 2, pauseMinCycles: 10, splitCount: 3, splitWithin: 60 });
    expect(() => readSignalParameters({ lastShare: 5 })).toThrow('lastShare: expected a share from 0 to 1 (0.05 for 5 %)');
    expect(() => readSignalParameters({ reopenWithin: 1.5 })).toThrow('reopenWithin: expected a whole number of business days, at least 0');
    expect(() => readSignalParameters({ splitWithin: 'an hour' })).toThrow('splitWithin: expected working minutes above 0 (60)');
    expect(() => readSignalParameters({ reopenWithn: 2 })).toThrow(/^reopenWithn: not a gaming-signal parameter \(parameters: lengthenedFlag, reopenWithin,/);
    expect(() => readSignalParameters([1])).toThrow('parameters: expected an object of parameters');
  });

  it('export a JSON Schema for editors, defaults included, no other keys allowed', () => {
    const schema = jsonSchemaOf('gamingSignals') as { properties: Record<string, { default?: unknown }>; additionalProperties: unknown };
    expect(schema.properties.reopenWithin.default).toBe(2);
    expect(schema.properties.splitWithin.default).toBe(60);
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('review before paying', () => {
  /** A department (owner Head) with a person scorecard for Lan (pay) and one for Minh (pay); KPIs owned as named. */
  const tree = ScorecardTreeSchema.parse({
    root: {
      id: 'dept',
      name: 'Back office',
      kind: 'scorecard',
      level: 'department',
      owner: 'Head',
      kpis: [kpi({ id: 'sla', direction: 'higher', target: 0.95, owner: 'Head' })],
      children: [
        { id: 'lan', name: 'Lan', kind: 'scorecard', level: 'person', owner: 'Lan', pay: { base: 1000 }, kpis: [kpi({ id: 'closed', direction: 'higher', target: 100, owner: 'Lan' }), kpi({ id: 'errors', direction: 'lower', target: 0.02, owner: 'QA' })] },
        { id: 'minh', name: 'Minh', kind: 'scorecard', level: 'person', owner: 'Minh', pay: { base: 1000 }, kpis: [kpi({ id: 'dso', direction: 'lower', target: 45, owner: 'Minh' })] },
      ],
    },
  });
  const flagged = (group: string, signal: SignalResult['signal'], examples: string[], isFlagged = true) => ({
    group,
    signals: [{ signal, name: '', count: 1, of: 1, share: 1, threshold: 0, flagged: isFlagged, examples }],
  });

  it('a flagged signal of a group puts a note on the KPIs it owns and on their pay line; the scores stay as they were', () => {
    const byGroup = reviewNotesByGroup([flagged('Lan', 'G3', ['T-1', 'T-2']), flagged('Minh', 'G4', ['T-9'], false)]);
    expect([...byGroup.keys()]).toEqual(['Lan']);
    const kpis = kpiReviews(tree, notesOfOwner(byGroup));
    expect(kpis.map((r) => [r.scorecardId, r.kpiId])).toEqual([['lan', 'closed']]);
    expect(kpis[0].notes[0]).toEqual({ signal: 'G3', name: 'last-minute stops', group: 'Lan', examples: ['T-1', 'T-2'], message: 'Review before paying: G3 last-minute stops (Lan); examples: T-1, T-2.' });
    const before = structuredClone(tree);
    const actuals = { sla: 0.9, closed: 120, errors: 0.01, dso: 50 };
    const payout = findNode(evaluateTree(tree, actuals), 'lan').payout;
    expect(payReviews(tree, kpis, byGroup)).toEqual([{ scorecardId: 'lan', notes: kpis[0].notes }]);
    // The notes are beside the scorecard, never in it: the tree and the pay are what they were.
    expect(tree).toEqual(before);
    expect(findNode(evaluateTree(tree, actuals), 'lan').payout).toBe(payout);
  });

  it('a KPI owned by another group brings its note to the pay line of the scorecard holding it; a scorecard owner brings theirs', () => {
    const byGroup = reviewNotesByGroup([flagged('QA', 'G2', ['Q-1']), flagged('Minh', 'G5', [])]);
    const kpis = kpiReviews(tree, notesOfOwner(byGroup));
    expect(kpis.map((r) => r.kpiId)).toEqual(['errors', 'dso']);
    expect(payReviews(tree, kpis, byGroup).map((r) => [r.scorecardId, r.notes.map((n) => `${n.group} ${n.signal}`)])).toEqual([
      ['lan', ['QA G2']],
      ['minh', ['Minh G5']],
    ]);
    // The department has no pay: no pay line, whatever its KPIs carry.
    expect(payReviews(tree, kpiReviews(tree, notesOfOwner(reviewNotesByGroup([flagged('Head', 'G1', ['H-1'])]))))).toEqual([]);
  });

  it('reads a note written in a cell: the signal, then the examples after a colon; names what it expected otherwise', () => {
    expect(reviewNoteFromText('g3 last-minute stops: SUP-1, SUP-2 ,', 'Lan')).toMatchObject({ signal: 'G3', group: 'Lan', examples: ['SUP-1', 'SUP-2'] });
    expect(reviewNoteFromText('G1', '')).toMatchObject({ signal: 'G1', examples: [], message: 'Review before paying: G1 goal lengthened.' });
    expect(reviewNoteFromText('  ', 'Lan')).toBeNull();
    expect(() => reviewNoteFromText('G7: X-1', 'Lan', 'Signal')).toThrow('Signal: expected a gaming signal G1-G5, optionally with example tickets after a colon (G3: SUP-1, SUP-2), got "G7: X-1"');
  });
});

describe('example tickets and the pause median', () => {
  it('keep each ticket once at its strongest case, and drop the weakest past 10', () => {
    const examples = new Examples();
    for (let i = 0; i < 12; i++) examples.offer(`T-${String(i).padStart(2, '0')}`, 12 - i);
    examples.offer('T-00', -5); // its second cycle is the strongest case of all
    examples.offer('T-11', 100); // a weaker case of a listed ticket changes nothing
    expect(examples.keys()).toEqual(['T-00', 'T-11', 'T-10', 'T-09', 'T-08', 'T-07', 'T-06', 'T-05', 'T-04', 'T-03']);
  });

  it('G4: the threshold is the factor times the median share, the mean of the middle two for an even count', () => {
    const counter = (paused: number, running: number, cycles = 10) => Object.assign(new PauseCounter(), { pausedMinutes: paused, runningMinutes: running, of: cycles });
    const odd = pauseResults([counter(1, 9), counter(3, 7), counter(8, 2)], 2, 10);
    expect(odd.map((r) => [r.threshold, r.flagged])).toEqual([[0.6, false], [0.6, false], [0.6, true]]);
    // Shares 0.1, 0.3, 0.5, 0.8 (a group without working minutes has none): median 0.4, threshold 0.8, not exceeded.
    const even = pauseResults([counter(1, 9), counter(3, 7), counter(5, 5), counter(8, 2), counter(0, 0)], 2, 10);
    expect(even[3].threshold).toBeCloseTo(0.8, 12);
    expect(even[3].flagged).toBe(false);
    expect(even[4]).toMatchObject({ share: null, flagged: false });
    // The same shares with the top group under 10 cycles: no flag either way; above the threshold it flags.
    expect(pauseResults([counter(1, 9), counter(3, 7), counter(5, 5), counter(9, 1)], 2, 10)[3].flagged).toBe(true);
    expect(pauseResults([counter(1, 9), counter(3, 7), counter(5, 5), counter(9, 1, 9)], 2, 10)[3].flagged).toBe(false);
  });
});
