/** The shared scorecard vectors (test/vectors/scorecard.json) through the core; the Sheets bundle and the Forge resolver run the same file. */
import { describe, expect, it } from 'vitest';
import { evaluateTree, periodActuals, ScorecardTreeSchema, type TreeResult } from '../core/scorecard';
import { expectCaseAnswer, readScorecardVectors, seriesOf } from './vectors/scorecard';

const flatten = (result: TreeResult): TreeResult[] => [result, ...result.children.flatMap(flatten)];

describe('scorecard vectors through the core', () => {
  const { cases } = readScorecardVectors();
  it('has cases', () => expect(cases.length).toBeGreaterThan(15));
  for (const c of cases) {
    it(c.name, () => {
      const tree = ScorecardTreeSchema.parse(c.tree);
      const fromSeries = c.series && c.period ? periodActuals(tree, seriesOf(c.series), c.period.view, c.period.key) : {};
      const result = evaluateTree(tree, { ...c.actuals, ...fromSeries }, { lastKnown: c.lastKnown });
      const nodes = flatten(result);
      expectCaseAnswer(c, {
        nodes: new Map(nodes.map((r) => [r.node.id, r])),
        kpis: new Map(nodes.flatMap((r) => r.kpis).map((k) => [k.kpi.id, k])),
      });
    });
  }
});
