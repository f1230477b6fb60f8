import { Box, Button, Heading, Inline, Select, Stack, xcss } from '@forge/react';
import type { ReactNode } from 'react';
import { ROLL_UP_METHODS } from '../../../core';
import { containerOption, type Option, optionsOf, pathOf, type ScorecardEditScope } from './scorecard-editor-fields';
import { kpiEditor } from './scorecard-kpi-editor';
import {
  addChild, addKpi, canMoveNodeTo, containers, type EditCard, type EditNode, errorPath, moveNode, moveNodeTo, type NodePath, numberOrText, removeNode, updateNode,
} from './scorecard-tree-ops';

const NESTED = xcss({ paddingInlineStart: 'space.300' });

/** `0.8=0.5, 1=1` as pay step rows; blank is no steps, and a row that is not two numbers is kept as typed for the check to name. */
const stepsOf = (text: string): unknown[] | undefined =>
  text.trim() === '' ? undefined : text.split(',').map((row) => (row.includes('=') ? row.split('=').map((part) => numberOrText(part) ?? part) : row.trim()));

/** A person's scorecard pay: base, gate, cap and steps; a pay left with no part is removed. */
function payFields({ index, set, m, fields }: ScorecardEditScope, current: EditCard, node: EditNode, nodePath: NodePath) {
  const at = errorPath(index, nodePath);
  const pay: Partial<NonNullable<EditNode['pay']>> = node.pay ?? {};
  const changePay = (patch: Record<string, unknown>) => {
    const next = Object.fromEntries(Object.entries({ ...pay, ...patch }).filter(([, v]) => v !== undefined));
    set(updateNode(current, nodePath, { pay: Object.keys(next).length === 0 ? undefined : (next as EditNode['pay']) }));
  };
  return (
    <Inline space="space.100" shouldWrap alignBlock="start">
      {fields.textField(`${at}.pay.base`, m.payBase, pay.base, (text) => changePay({ base: numberOrText(text) }))}
      {fields.textField(`${at}.pay.gate`, m.payGate, pay.gate, (text) => changePay({ gate: numberOrText(text) }))}
      {fields.textField(`${at}.pay.cap`, m.payCap, pay.cap, (text) => changePay({ cap: numberOrText(text) }))}
      {fields.textField(`${at}.pay.steps`, m.paySteps, pay.steps?.map(([from, rate]) => `${from}=${rate}`).join(', '), (text) => changePay({ steps: stepsOf(text) }))}
    </Inline>
  );
}

/**
 * One container of the tree (the root scorecard, a perspective or an objective): its fields, a person's pay, its KPIs
 * and children (indented), the buttons that add, move and remove.
 */
export function nodeEditor(scope: ScorecardEditScope, current: EditCard, node: EditNode, nodePath: NodePath, siblings: number): ReactNode {
  const { index, set, m, t } = scope;
  const { textField, selectField, errorsOf } = scope.fields;
  const at = errorPath(index, nodePath);
  const change = (patch: Partial<EditNode>) => set(updateNode(current, nodePath, patch));
  const isRoot = nodePath.length === 0;
  const kpis = node.kpis ?? [];
  const children = node.children ?? [];
  const last = nodePath[nodePath.length - 1];
  return (
    <Box xcss={isRoot ? undefined : NESTED} key={at}>
      <Stack space="space.150">
        <Heading size="small">{`${t.kinds[node.kind] ?? node.kind}: ${node.name}`}</Heading>
        <Inline space="space.100" shouldWrap alignBlock="start">
          {textField(`${at}.id`, m.id, node.id, (text) => change({ id: text }))}
          {textField(`${at}.name`, m.name, node.name, (text) => change({ name: text }))}
          {!isRoot && selectField(`${at}.kind`, m.kind, optionsOf(t.kinds, ['perspective', 'objective', 'scorecard']), node.kind, (v) => change({ kind: v as EditNode['kind'] }))}
          {selectField(`${at}.method`, m.rollUp, optionsOf(t.rollUps, ROLL_UP_METHODS), node.method ?? 'weighted', (v) => change({ method: v as EditNode['method'] }))}
          {selectField(`${at}.weights`, m.weights, optionsOf(m.weightModes, ['relative', 'absolute']), node.weights ?? 'relative', (v) => change({ weights: v as EditNode['weights'] }))}
          {!isRoot && textField(`${at}.weight`, m.weight, node.weight, (text) => change({ weight: numberOrText(text) as number }))}
          {node.kind === 'scorecard' && selectField(`${at}.level`, m.level, optionsOf(m.levels, ['company', 'department', 'person']), node.level, (v) => change({ level: v as EditNode['level'] }), true)}
          {textField(`${at}.owner`, m.owner, node.owner, (text) => change({ owner: text.trim() === '' ? undefined : text }))}
        </Inline>
        {node.kind === 'scorecard' && node.level === 'person' && payFields(scope, current, node, nodePath)}
        {kpis.map((kpi, k) => kpiEditor(scope, current, nodePath, kpi, k, kpis.length))}
        {children.map((child, i) => nodeEditor(scope, current, child, [...nodePath, i], children.length))}
        <Inline space="space.100">
          {node.kind === 'scorecard' && <Button onClick={() => set(addChild(current, nodePath, 'perspective', m.newPerspective))}>{m.addPerspective}</Button>}
          <Button onClick={() => set(addChild(current, nodePath, 'objective', m.newObjective))}>{m.addObjective}</Button>
          <Button onClick={() => set(addKpi(current, nodePath, m.newKpi))}>{m.addKpi}</Button>
          {!isRoot && <Button appearance="subtle" isDisabled={last === 0} onClick={() => set(moveNode(current, nodePath, -1))}>{m.up}</Button>}
          {!isRoot && <Button appearance="subtle" isDisabled={last === siblings - 1} onClick={() => set(moveNode(current, nodePath, 1))}>{m.down}</Button>}
          {!isRoot && (
            <Select
              inputId={`${at}.moveTo`}
              placeholder={m.moveTo}
              options={containers(current).filter(({ path }) => canMoveNodeTo(nodePath, path)).map(containerOption)}
              value={null}
              onChange={(o: Option | null) => o && set(moveNodeTo(current, nodePath, pathOf(o.value)))}
            />
          )}
          {!isRoot && <Button appearance="subtle" onClick={() => set(removeNode(current, nodePath))}>{m.remove}</Button>}
        </Inline>
        {errorsOf(`${at}.children`, 'exact')}
        {errorsOf(`${at}.pay`, 'rest')}
      </Stack>
    </Box>
  );
}
