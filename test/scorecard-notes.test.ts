/** Design notes on a scorecard tree: too many KPIs for a person, KPIs without an owner, speed KPIs without a guard. */
import { describe, expect, it } from 'vitest';
import { scorecardNotes, ScorecardTreeSchema } from '../core/scorecard';
import { kpi } from './helpers/scorecard-builders';

const personCard = (kpiCount: number) => ({
  id: 'ana',
  name: 'Ana',
  kind: 'scorecard',
  level: 'person',
  children: [{ id: 'ana-work', name: 'Work', kind: 'objective', kpis: Array.from({ length: kpiCount }, (_, i) => kpi({ id: `k${i}`, direction: 'higher', target: 1 })) }],
});
const tree = (kpiCount: number, extra: Record<string, unknown>[] = []) =>
  ScorecardTreeSchema.parse({
    root: { id: 'dept', name: 'Back office', kind: 'scorecard', level: 'department', kpis: extra, children: [{ ...personCard(kpiCount), weight: 0 }] },
  });

describe('scorecardNotes', () => {
  it('notes a person-level scorecard with more than 5 KPIs, counting its objectives\' KPIs', () => {
    expect(scorecardNotes(tree(5, [kpi({ id: 'x', direction: 'higher', target: 1 })]))).toEqual([]);
    expect(scorecardNotes(tree(6, [kpi({ id: 'x', direction: 'higher', target: 1 })]))).toEqual([
      { code: 'TOO_MANY_KPIS', scorecardId: 'ana', count: 6, message: 'Scorecard "Ana" has 6 KPIs for one person: focus on the 3-5 that matter most.' },
    ]);
  });

  it('does not hold a department to the 5-KPI limit of a person', () => {
    const many = Array.from({ length: 8 }, (_, i) => kpi({ id: `d${i}`, direction: 'higher', target: 1 }));
    expect(scorecardNotes(tree(1, many))).toEqual([]);
  });

  it('notes a KPI with no owner and a speed KPI with no quality guard, naming the scorecard and KPI', () => {
    const notes = scorecardNotes(
      tree(1, [
        kpi({ id: 'tat', name: 'Turnaround', pillar: 'speed', direction: 'lower', target: 8, owner: undefined }),
        kpi({ id: 'sla', name: 'SLA met', pillar: 'speed', direction: 'higher', target: 0.95, guardedBy: 'ftr' }),
        kpi({ id: 'ftr', pillar: 'accuracy', direction: 'higher', target: 0.9 }),
      ]),
    );
    expect(notes).toEqual([
      { code: 'KPI_WITHOUT_OWNER', scorecardId: 'dept', kpiId: 'tat', message: 'KPI "Turnaround" has no owner: name the person who answers for it.' },
      {
        code: 'SPEED_KPI_UNGUARDED',
        scorecardId: 'dept',
        kpiId: 'tat',
        message: 'Speed KPI "Turnaround" has no quality guard: set guardedBy to an accuracy KPI so speed is not bought with errors.',
      },
    ]);
  });
});
