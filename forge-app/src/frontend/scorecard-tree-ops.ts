import type { ScorecardConfigInput } from '../config/scorecards';

/**
 * Pure edits of a scorecard as the admin page holds it (the stored input form): every edit returns a new scorecard and
 * leaves checking to the configuration's own validation, so the editor never decides what is valid.
 */
export type EditCard = ScorecardConfigInput;
export type EditNode = EditCard['tree']['root'];
export type EditKpi = NonNullable<EditNode['kpis']>[number];

/** A container's place: the child indices from the root (`[]` is the root). */
export type NodePath = readonly number[];

const childrenOf = (node: EditNode): EditNode[] => node.children ?? [];
const kpisOf = (node: EditNode): EditKpi[] => node.kpis ?? [];

const nodeAt = (card: EditCard, path: NodePath): EditNode => path.reduce((node, index) => childrenOf(node)[index], card.tree.root);

/** The path of a node inside the whole configuration, as validation errors name it (`scorecards.0.tree.root.children.1`). */
export const errorPath = (cardIndex: number, path: NodePath): string => [`scorecards.${cardIndex}.tree.root`, ...path.map((i) => `children.${i}`)].join('.');

function withNode(card: EditCard, path: NodePath, change: (node: EditNode) => EditNode): EditCard {
  const rebuild = (node: EditNode, rest: NodePath): EditNode => {
    if (rest.length === 0) return change(node);
    const children = [...childrenOf(node)];
    children[rest[0]] = rebuild(children[rest[0]], rest.slice(1));
    return { ...node, children };
  };
  return { ...card, tree: { ...card.tree, root: rebuild(card.tree.root, path) } };
}

/** Moves item `index` of a list by `delta` places (−1 up, +1 down); out of range leaves the list as it is. */
function moved<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

const allIds = (node: EditNode): string[] => [node.id, ...kpisOf(node).map((k) => k.id), ...childrenOf(node).flatMap(allIds)];

/** `prefix-n` with the smallest n not used by any node or KPI of the scorecard. */
function freshId(card: EditCard, prefix: string): string {
  const used = new Set(allIds(card.tree.root));
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** Drops keys set to undefined, so that a cleared optional field is left out of the stored form. */
const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export const updateNode = (card: EditCard, path: NodePath, patch: Partial<EditNode>): EditCard => withNode(card, path, (node) => defined({ ...node, ...patch }));

export function addChild(card: EditCard, path: NodePath, kind: 'perspective' | 'objective', name: string): EditCard {
  const id = freshId(card, kind);
  return withNode(card, path, (node) => ({ ...node, children: [...childrenOf(node), { id, name, kind, kpis: [], children: [] }] }));
}

/** A new KPI: ratio scoring on a target of 100 %, higher is better; the admin fills in the rest. */
export function addKpi(card: EditCard, path: NodePath, name: string): EditCard {
  const kpi: EditKpi = {
    id: freshId(card, 'kpi'),
    name,
    perspective: 'internal-process',
    pillar: 'other',
    direction: 'higher',
    unit: '%',
    target: 100,
    weight: 1,
    frequency: 'monthly',
    indicator: 'lagging',
    scoring: { method: 'ratio' },
  };
  return withNode(card, path, (node) => ({ ...node, kpis: [...kpisOf(node), kpi] }));
}

export function removeNode(card: EditCard, path: NodePath): EditCard {
  if (path.length === 0) return card;
  return withNode(card, path.slice(0, -1), (parent) => ({ ...parent, children: childrenOf(parent).filter((_, i) => i !== path[path.length - 1]) }));
}

export function moveNode(card: EditCard, path: NodePath, delta: number): EditCard {
  if (path.length === 0) return card;
  return withNode(card, path.slice(0, -1), (parent) => ({ ...parent, children: moved(childrenOf(parent), path[path.length - 1], delta) }));
}

/** Removes a KPI and its source; a KPI it guarded keeps `guardedBy`, which validation then reports. */
export function removeKpi(card: EditCard, path: NodePath, index: number): EditCard {
  const id = kpisOf(nodeAt(card, path))[index]?.id;
  const next = withNode(card, path, (node) => ({ ...node, kpis: kpisOf(node).filter((_, i) => i !== index) }));
  const { [id]: _removed, ...sources } = card.sources ?? {};
  return { ...next, sources };
}

export const moveKpi = (card: EditCard, path: NodePath, index: number, delta: number): EditCard =>
  withNode(card, path, (node) => ({ ...node, kpis: moved(kpisOf(node), index, delta) }));

/** Moves a KPI to the end of another container's KPIs. */
export function moveKpiTo(card: EditCard, from: NodePath, index: number, to: NodePath): EditCard {
  const kpi = kpisOf(nodeAt(card, from))[index];
  if (kpi === undefined) return card;
  const without = withNode(card, from, (node) => ({ ...node, kpis: kpisOf(node).filter((_, i) => i !== index) }));
  return withNode(without, to, (node) => ({ ...node, kpis: [...kpisOf(node), kpi] }));
}

const startsWith = (path: NodePath, prefix: NodePath) => prefix.length <= path.length && prefix.every((index, i) => path[i] === index);

/** Whether a node may move under `to`: not the root, not into itself or below itself, not where it already is. */
export const canMoveNodeTo = (from: NodePath, to: NodePath): boolean =>
  from.length > 0 && !startsWith(to, from) && !(to.length === from.length - 1 && startsWith(from, to));

/** Moves a container (with everything under it) to the end of another container's children. */
export function moveNodeTo(card: EditCard, from: NodePath, to: NodePath): EditCard {
  if (!canMoveNodeTo(from, to)) return card;
  const node = nodeAt(card, from);
  const parent = from.slice(0, -1);
  const index = from[from.length - 1];
  // Taking the node out shifts its later siblings (and the paths through them) up by one.
  const target = startsWith(to, parent) && to.length > parent.length && to[parent.length] > index ? [...to.slice(0, parent.length), to[parent.length] - 1, ...to.slice(parent.length + 1)] : to;
  return withNode(removeNode(card, from), target, (container) => ({ ...container, children: [...childrenOf(container), node] }));
}

/** Changes a KPI's fields; a new id carries its source and the guards that named it along. */
export function updateKpi(card: EditCard, path: NodePath, index: number, patch: Partial<EditKpi>): EditCard {
  const before = kpisOf(nodeAt(card, path))[index];
  let next = withNode(card, path, (node) => ({ ...node, kpis: kpisOf(node).map((k, i) => (i === index ? defined({ ...k, ...patch }) : k)) }));
  if (patch.id !== undefined && before !== undefined && patch.id !== before.id) {
    const renameGuards = (node: EditNode): EditNode => ({
      ...node,
      kpis: kpisOf(node).map((k) => (k.guardedBy === before.id ? { ...k, guardedBy: patch.id } : k)),
      children: childrenOf(node).map(renameGuards),
    });
    next = { ...next, tree: { ...next.tree, root: renameGuards(next.tree.root) } };
    const { [before.id]: source, ...sources } = next.sources ?? {};
    if (source !== undefined) next = { ...next, sources: { ...sources, [patch.id]: source } };
  }
  return next;
}

/** Sets or (with undefined) clears where a KPI's actual comes from. */
export function setSource(card: EditCard, kpiId: string, source: string | undefined): EditCard {
  const { [kpiId]: _old, ...sources } = card.sources ?? {};
  return { ...card, sources: source === undefined ? sources : { ...sources, [kpiId]: source } };
}

/** A new scorecard with one perspective and one KPI, so that it validates once the KPI is filled in. */
export function newScorecard(existing: readonly EditCard[], names: { scorecard: string; perspective: string; kpi: string }): EditCard {
  const used = new Set(existing.map((c) => c.tree.root.id));
  let n = 1;
  while (used.has(`scorecard-${n}`)) n++;
  const card: EditCard = { tree: { missing: 'ignore', root: { id: `scorecard-${n}`, name: names.scorecard, kind: 'scorecard', kpis: [], children: [] } }, sources: {} };
  const withPerspective = addChild(card, [], 'perspective', names.perspective);
  return addKpi(withPerspective, [0], names.kpi);
}

/** Every container of a scorecard with its path, depth first (the "move to" choices of a KPI). */
export function containers(card: EditCard): Array<{ path: NodePath; node: EditNode }> {
  const walk = (node: EditNode, path: NodePath): Array<{ path: NodePath; node: EditNode }> => [
    { path, node },
    ...childrenOf(node).flatMap((child, i) => walk(child, [...path, i])),
  ];
  return walk(card.tree.root, []);
}

/** Every KPI of a scorecard: id, name, unit, aggregation (the guard choices, the typed-actuals form). */
export const kpiChoices = (card: EditCard): Array<{ id: string; name: string; unit: string; aggregation?: string }> => {
  const walk = (node: EditNode): Array<{ id: string; name: string; unit: string; aggregation?: string }> => [
    ...kpisOf(node).map((k) => ({ id: k.id, name: k.name, unit: k.unit, ...(k.aggregation === undefined ? {} : { aggregation: k.aggregation }) })),
    ...childrenOf(node).flatMap(walk),
  ];
  return walk(card.tree.root);
};

/** Text typed in a number field: blank is left out, a number is stored as a number, anything else as typed (validation names it). */
export function numberOrText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}
