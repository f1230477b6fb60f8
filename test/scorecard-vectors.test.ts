/** The shared scorecard vectors (test/vectors/scorecard.json) through the core; the Sheets bundle and the Forge resolver run the same file. */
import { describe, expect, it } from 'vitest';
import { evaluateTree, periodActuals, ScorecardTreeSchema, type TreeResult } from '../core/scorecard';
import { readScorecardVectors, seriesOf } from './vectors/scorecard';

const flatten = (result: TreeResult): TreeResult[] => [result, ...result.children.flatMap(flatten)];
const close = (actual: number | null | undefined, expected: number | null, what: string) => {
  if (expected === null) expect(actual, what).toBeNull();
  else expect(actual, what).toBeCloseTo(expected, 9);
};

describe('scorecard vectors through the core', () => {
  const { cases } = readScorecardVectors();
  it('has cases', () => expect(cases.length).toBeGreaterThan(15));
  for (const c of cases) {
    it(c.name, () => {
      const tree = ScorecardTreeSchema.parse(c.tree);
      const fromSeries = c.series && c.period ? periodActuals(tree, seriesOf(c.series), c.period.view, c.period.key) : {};
      const result = evaluateTree(tree, { ...c.actuals, ...fromSeries }, { lastKnown: c.lastKnown });
      const nodes = new Map(flatten(result).map((r) => [r.node.id, r]));
      for (const [id, score] of Object.entries(c.expected.nodes)) close(nodes.get(id)!.score, score, `node ${id}`);
      const kpis = new Map(flatten(result).flatMap((r) => r.kpis).map((k) => [k.kpi.id, k]));
      for (const [id, want] of Object.entries(c.expected.kpis)) {
        const got = kpis.get(id)!;
        close(got.score, want.score, `KPI ${id} score`);
        close(got.achievement, want.achievement, `KPI ${id} achievement`);
        expect(got.status, `KPI ${id} status`).toBe(want.status);
      }
      for (const [id, payout] of Object.entries(c.expected.payouts ?? {})) close(nodes.get(id)!.payout, payout, `payout ${id}`);
    });
  }
});
