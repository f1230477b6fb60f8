import { Lozenge, Text } from '@forge/react';
import type { ReactNode } from 'react';
import { formatNumber, formatPercent, type Messages } from '../i18n/messages';
import type { ScorecardNodeView } from '../resolvers/scorecard-node-view';

const RAG_APPEARANCE = { GREEN: 'success', AMBER: 'moved', RED: 'removed' } as const;
/** Depth in the tree, shown as an indent: DynamicTable has no tree rows. */
const indent = (depth: number) => '\u2003'.repeat(depth);

/** The tree as table rows, depth first: each container, then its KPIs, then its children. */
export function treeRows(node: ScorecardNodeView, depth: number, t: Messages, locale: string | undefined): Array<{ key: string; cells: Array<{ key: string; content: ReactNode }> }> {
  const label = `${indent(depth)}${t.kinds[node.kind] ?? node.kind}: ${node.name}`;
  const own = {
    key: `node:${node.id}`,
    cells: [
      { key: 'item', content: node.greyed ? <Text color="color.text.subtlest">{label}</Text> : <Text weight="bold">{label}</Text> },
      { key: 'method', content: t.rollUps[node.method] ?? node.method },
      { key: 'actual', content: '' },
      { key: 'target', content: '' },
      { key: 'score', content: node.greyed ? <Lozenge appearance="default">{t.greyed}</Lozenge> : formatPercent(node.score, locale) },
      { key: 'part', content: node.contribution === null ? '' : formatPercent(node.contribution, locale) },
      { key: 'rag', content: '' },
    ],
  };
  const kpis = node.kpis.map((k) => {
    const actual = k.actual === null ? (k.source === 'zero' ? `— (${t.scoredZero})` : '—') : `${formatNumber(k.actual, locale)} ${k.unit}${k.source === 'carried' ? ` (${t.carried})` : ''}`;
    const name = `${indent(depth + 1)}${k.name}`;
    return {
      key: `kpi:${k.id}`,
      cells: [
        { key: 'item', content: k.achievement === null ? <Text color="color.text.subtlest">{name}</Text> : name },
        { key: 'method', content: t.scoringMethods[k.method] ?? k.method },
        { key: 'actual', content: actual },
        { key: 'target', content: `${formatNumber(k.target, locale)} ${k.unit}` },
        { key: 'score', content: formatPercent(k.achievement, locale) },
        { key: 'part', content: k.contribution === null ? '' : formatPercent(k.contribution, locale) },
        { key: 'rag', content: k.status === null ? '—' : <Lozenge appearance={RAG_APPEARANCE[k.status]}>{t.ragLabels[k.status] ?? k.status}</Lozenge> },
      ],
    };
  });
  return [own, ...kpis, ...node.children.flatMap((child) => treeRows(child, depth + 1, t, locale))];
}
