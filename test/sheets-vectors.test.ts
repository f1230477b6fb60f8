import { describe, expect, it } from 'vitest';
import { readCalendarVectors, readSlaVectors } from './vectors/load';
import { expectCaseAnswer, readScorecardVectors, runsThrough } from './vectors/scorecard';
import { loadBundle } from './helpers/sheets-sandbox';

/**
 * The shared SLA vectors that a spreadsheet row can express (one cycle, no pauses) through the built bundle, with the
 * case's own calendar text and as-of: the same due times, states, working minutes and compliance as every door.
 */
const raw = readSlaVectors();
const ROWS: Record<string, string> = { 'IT-1': '8h', 'IT-5': '8h', 'IT-6': '8h', 'PUR-7': '3bd' };
const STATUS = { met: 'MET', breached: 'BREACHED', ongoing: 'ON TRACK' } as const;

describe('shared SLA vectors through the Sheets functions', () => {
  const sandbox = loadBundle({ timeZone: 'UTC' });
  const calendar = raw.calendars['vn-office'];
  const date = (iso: string) => sandbox.date(iso);

  for (const c of raw.cases.filter((v) => (v.ticket as { key: string }).key in ROWS)) {
    const key = (c.ticket as { key: string }).key;
    const [cycle] = c.cycles!;
    const target = ROWS[key];
    const goal = raw.policies.find((p) => p.id === c.policy)!.goals.find((g) => g.target === target);
    it(`${key}: ${c.name}`, () => {
      expect(goal?.calendar).toBe('vn-office');
      const start = date(cycle.start);
      const end = cycle.stop === null ? '' : date(cycle.stop);
      const asOf = date(c.asOf);
      expect((sandbox.call('SLA_DUE', start, target, calendar) as Date).toISOString()).toBe(new Date(cycle.due!).toISOString());
      expect(sandbox.call('SLA_STATUS', start, end, target, calendar, '', asOf)).toBe(STATUS[cycle.state as keyof typeof STATUS]);
      expect(sandbox.call('SLA_REMAINING', start, target, calendar, '', cycle.stop === null ? asOf : date(cycle.stop))).toBe(cycle.remainingMinutes / 60);
      expect(sandbox.call('BUSINESS_HOURS', start, cycle.stop === null ? asOf : end, calendar)).toBe(cycle.elapsedMinutes / 60);
      if (cycle.state === 'ongoing') {
        expect(() => sandbox.call('SLA_COMPLIANCE', [[start]], [[end]], target, calendar, '', asOf)).toThrow('nothing is measurable');
      } else {
        expect(sandbox.call('SLA_COMPLIANCE', [[start]], [[end]], target, calendar, '', asOf)).toBe(cycle.state === 'met' ? 1 : 0);
      }
    });
  }

  it('the four rows together: compliance over the measurable ones as of the latest as-of date', () => {
    const cases = raw.cases.filter((v) => (v.ticket as { key: string }).key in ROWS);
    const starts = cases.map((c) => [date(c.cycles![0].start)]);
    const ends = cases.map((c) => [c.cycles![0].stop === null ? '' : date(c.cycles![0].stop)]);
    const targets = cases.map((c) => [ROWS[(c.ticket as { key: string }).key]]);
    // As of 12 March 08:30 (IT-5's): IT-1 met, IT-5 open past due, IT-6 open past due too by then, PUR-7 still open and due that day at 17:00.
    const result = sandbox.call('SLA_COMPLIANCE', starts, ends, targets, calendar, '', date('2025-03-12T01:30:00Z'));
    expect(result).toBeCloseTo(1 / 3, 12);
  });
});

describe('shared calendar vectors through the Sheets functions', () => {
  const vectors = readCalendarVectors();
  const sandbox = loadBundle({ timeZone: 'UTC' });
  const date = (iso: string) => sandbox.date(iso);
  const day = (iso: string) => date(`${iso}T00:00:00Z`);

  it.each(vectors.durations)('BUSINESS_HOURS on $calendar: $how', ({ calendar, start, end, minutes }) => {
    expect(sandbox.call('BUSINESS_HOURS', date(start), date(end), vectors.calendars[calendar])).toBe(minutes / 60);
  });
  it.each(vectors.additions)('SLA_DUE on $calendar: $how', ({ calendar, start, minutes, due }) => {
    const dueDate = sandbox.call('SLA_DUE', date(start), `${minutes}m`, vectors.calendars[calendar]) as Date;
    expect(dueDate.toISOString()).toBe(new Date(due).toISOString());
  });
  it.each(vectors.businessDaysDue)('SLA_DUE in business days on $calendar: $how', ({ calendar, start, days, due }) => {
    const dueDate = sandbox.call('SLA_DUE', date(start), `${days}bd`, vectors.calendars[calendar]) as Date;
    expect(dueDate.toISOString()).toBe(new Date(due).toISOString());
  });
  it.each(vectors.networkdays)('BUSINESS_DAYS $start $end $weekend: $source', ({ start, end, weekend, holidays, result }) => {
    expect(sandbox.call('BUSINESS_DAYS', day(start), day(end), weekend, holidays.map((h) => [day(h)]))).toBe(result);
  });
  it.each(vectors.workday)('ADD_BUSINESS_DAYS $start $days $weekend: $source', ({ start, days, weekend, holidays, result, error }) => {
    const run = () => sandbox.call('ADD_BUSINESS_DAYS', day(start), days, weekend, holidays.map((h) => [day(h)]));
    if (error) expect(run).toThrow(error);
    else expect((run() as Date).toISOString().slice(0, 10)).toBe(result);
  });
});

/**
 * The shared scorecard vectors (test/vectors/scorecard.json) through the built bundle, two ways: as a scorecard sheet
 * read by the sidebar's getScorecard, and as the KPI_* / SCORECARD / KPI_PAYOUT functions a user would type. Both
 * give the core's numbers. Left out: the cases whose `doors` leave out Sheets (period series: a sheet holds one actual
 * per KPI, the period's own formula is the user's), and greying under strict with SCORECARD.
 */
type VectorNode = {
  id: string;
  name: string;
  kind: string;
  method?: string;
  weights?: string;
  weight?: number;
  level?: string;
  owner?: string;
  pay?: { base: number; gate?: number; cap?: number; steps?: [number, number][] };
  kpis?: VectorKpi[];
  children?: VectorNode[];
};
type VectorKpi = {
  id: string;
  name: string;
  perspective: string;
  pillar: string;
  direction: string;
  unit: string;
  target: number;
  weight?: number;
  owner?: string;
  floor?: number;
  cap?: number;
  amber?: number;
  red?: number;
  status?: { by: string; greenFrom?: number; redBelow?: number };
  aggregation?: string;
  scoring?: { method: string; baseline?: number; clamp?: boolean; min?: number; max?: number; redFlag?: number; scale?: number; tolerance?: number; bands?: number[] };
};

const SHEET_HEADER = [
  'ID', 'Parent', 'Kind', 'Name', 'Perspective', 'Pillar', 'Method', 'Direction', 'Unit', 'Target', 'Baseline', 'Clamp', 'Min', 'Max', 'Red flag', 'Scale',
  'Tolerance', 'Bands', 'Weight', 'Roll-up', 'Weights', 'Owner', 'Level', 'Pay base', 'Pay gate', 'Pay cap', 'Pay steps', 'Missing data', 'Actual', 'Previous',
  'Floor', 'Cap', 'Amber', 'Red', 'Green from', 'Red below', 'Aggregation',
] as const;
type SheetLine = Partial<Record<(typeof SHEET_HEADER)[number], unknown>>;

/** A vector's tree as the rows a user would type: every row names its parent; the core's words are the English ones. */
function sheetRowsOf(root: VectorNode, missing: string | undefined, actuals: Record<string, number | null>, lastKnown: Record<string, number | null> = {}): unknown[][] {
  const lines: SheetLine[] = [];
  const visit = (node: VectorNode, parent?: string) => {
    lines.push({
      ID: node.id, Parent: parent, Kind: node.kind, Name: node.name, Weight: node.weight, 'Roll-up': node.method, Weights: node.weights, Owner: node.owner, Level: node.level,
      'Pay base': node.pay?.base, 'Pay gate': node.pay?.gate, 'Pay cap': node.pay?.cap, 'Pay steps': node.pay?.steps?.map(([from, rate]) => `${from}: ${rate}`).join('; '),
      'Missing data': parent === undefined ? missing : undefined,
    });
    for (const k of node.kpis ?? []) {
      const s = k.scoring;
      lines.push({
        ID: k.id, Parent: node.id, Kind: 'KPI', Name: k.name, Perspective: k.perspective, Pillar: k.pillar, Method: s?.method, Direction: k.direction, Unit: k.unit, Target: k.target,
        Baseline: s?.baseline, Clamp: s?.clamp, Min: s?.min, Max: s?.max, 'Red flag': s?.redFlag, Scale: s?.scale, Tolerance: s?.tolerance, Bands: s?.bands?.join('; '),
        Weight: k.weight, Owner: k.owner, Actual: actuals[k.id], Previous: lastKnown[k.id],
        Floor: k.floor, Cap: k.cap, Amber: k.amber, Red: k.red, 'Green from': k.status?.greenFrom, 'Red below': k.status?.redBelow, Aggregation: k.aggregation,
      });
    }
    for (const child of node.children ?? []) visit(child, node.id);
  };
  visit(root);
  return [[...SHEET_HEADER], ...lines.map((line) => SHEET_HEADER.map((column) => line[column] ?? ''))];
}

const closeTo = (actual: unknown, expected: number | null, what: string) => {
  if (expected === null) expect(actual, what).toBeNull();
  else expect(actual, what).toBeCloseTo(expected, 9);
};

describe('shared scorecard vectors through the Sheets scorecard sheet', () => {
  type ReportNode = { id: string; score: number | null; payout: number | null; kpis: { id: string; score: number | null; achievement: number | null; status: string | null }[]; children: ReportNode[] };
  const flatten = (node: ReportNode): ReportNode[] => [node, ...node.children.flatMap(flatten)];
  const { cases } = readScorecardVectors();
  const expressible = cases.filter((c) => runsThrough(c, 'sheets'));
  it('leaves out only the period-series cases, each saying why', () => {
    const left = cases.filter((c) => !runsThrough(c, 'sheets'));
    expect(left.map((c) => Boolean(c.series && c.doorsWhy))).toEqual([true, true, true]);
  });

  for (const c of expressible) {
    it(c.name, () => {
      const sandbox = loadBundle();
      const { root, missing } = c.tree as { root: VectorNode; missing?: string };
      const rows = sheetRowsOf(root, missing, c.actuals, c.lastKnown);
      sandbox.book.insertSheet('Vector').getRange(1, 1, rows.length, SHEET_HEADER.length).setValues(rows);
      const report = sandbox.call('getScorecard') as { tree: ReportNode };
      const nodes = flatten(report.tree);
      expectCaseAnswer(c, { nodes: new Map(nodes.map((n) => [n.id, n])), kpis: new Map(nodes.flatMap((n) => n.kpis).map((k) => [k.id, k])) });
    });
  }
});

describe('shared scorecard vectors through KPI_* , SCORECARD and KPI_PAYOUT', () => {
  const sandbox = loadBundle();
  const call = (name: string, ...args: unknown[]) => sandbox.call(name, ...args);
  const column = (values: unknown[]) => values.map((v) => [v]);

  /** One KPI as its scoring function scores it: [method score, achievement, status or undefined when no function says it]. */
  function scoreOf(k: VectorKpi, actual: number): [number, number, string | undefined] {
    const s = k.scoring;
    const same = (score: unknown): [number, number, undefined] => [score as number, score as number, undefined];
    switch (s?.method) {
      case undefined: {
        const score = call('KPI_SCORE', actual, k.target, k.direction, k.floor ?? '', k.cap ?? '') as number;
        return [score, score, call('KPI_STATUS', actual, k.target, k.direction, k.amber ?? 0.9, k.red ?? 0.7) as string];
      }
      case 'ratio': {
        const score = call('KPI_SCORE', actual, k.target, k.direction, k.floor ?? '', k.cap ?? '') as number;
        return [score, score, call('KPI_STATUS', actual, k.target, k.direction, k.status?.greenFrom ?? '', k.status?.redBelow ?? '') as string];
      }
      case 'progress':
        return same(call('KPI_PROGRESS', actual, k.target, s.baseline, s.clamp ?? ''));
      case 'performance':
        return same(call('KPI_PERFORMANCE', actual, s.min, s.max, k.direction));
      case 'goal-red-flag': {
        const score = call('KPI_GOAL_SCORE', actual, k.target, s.redFlag, s.scale ?? '') as number;
        return [score, score / (s.scale ?? 10), call('KPI_GOAL_STATUS', actual, k.target, s.redFlag) as string];
      }
      case 'stabilize':
        return same(call('KPI_STABILIZE_SCORE', actual, k.target, s.tolerance));
      case 'binary':
        return same(call('KPI_BINARY_SCORE', actual, k.target, k.direction));
      case 'bands':
        return same(call('KPI_BAND_SCORE', actual, column(s.bands!), k.direction));
      default:
        throw new Error(`no function for ${s?.method}`);
    }
  }

  const { cases } = readScorecardVectors();
  for (const c of cases.filter((v) => runsThrough(v, 'sheets'))) {
    it(c.name, () => {
      const { root, missing = 'ignore' } = c.tree as { root: VectorNode; missing?: string };
      const valueOf = (id: string) => c.actuals[id] ?? (missing === 'carry-forward' ? c.lastKnown?.[id] ?? null : null);
      /** A container's score by SCORECARD over its items' achievements (blank when not scored), as a sheet would chain them. */
      const visit = (node: VectorNode): number | null => {
        const items: [number | '', number][] = [];
        for (const k of node.kpis ?? []) {
          const actual = valueOf(k.id);
          const want = c.expected.kpis[k.id];
          if (actual === null) {
            items.push(['', k.weight ?? 1]);
            continue;
          }
          const [score, achievement, status] = scoreOf(k, actual);
          if (want) {
            closeTo(score, want.score, `KPI ${k.id} score`);
            closeTo(achievement, want.achievement, `KPI ${k.id} achievement`);
            if (status !== undefined) expect(status, `KPI ${k.id} status`).toBe(want.status);
          }
          items.push([achievement, k.weight ?? 1]);
        }
        for (const child of node.children ?? []) items.push([visit(child) ?? '', child.weight ?? 1]);
        const method = node.weights === 'absolute' && (node.method ?? 'weighted') === 'weighted' ? 'sum' : node.method ?? 'weighted';
        let score: number | null;
        try {
          score = call('SCORECARD', column(items.map(([s]) => s)), column(items.map(([, w]) => w)), method, missing === 'zero' ? 'zero' : 'ignore') as number;
        } catch {
          score = null;
        }
        // Strict greys a container with a missing item: SCORECARD has no such policy, so those are not compared.
        const greyed = missing === 'strict' && c.expected.nodes[node.id] === null;
        if (node.id in c.expected.nodes && !greyed) closeTo(score, c.expected.nodes[node.id], `node ${node.id}`);
        if (node.pay && c.expected.payouts?.[node.id] !== undefined) {
          const steps = node.pay.steps ?? '';
          closeTo(call('KPI_PAYOUT', score, node.pay.base, node.pay.gate ?? '', node.pay.cap ?? '', steps), c.expected.payouts[node.id], `payout ${node.id}`);
        }
        return greyed ? null : score;
      };
      visit(root);
    });
  }
});
