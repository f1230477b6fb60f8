import { Box, Button, Checkbox, ErrorMessage, Heading, Inline, Label, Select, Stack, Text, Textfield, xcss } from '@forge/react';
import { type ReactNode, useState } from 'react';
import { MISSING_POLICIES, ROLL_UP_METHODS } from '../../../core';
import type { ConfigProblem } from '../config/problem';
import { messagesFor } from '../i18n/messages';
import { ScorecardActuals } from './scorecard-actuals';
import { AGGREGATIONS, PARAMS, SCORING_METHODS, TICKET_SOURCES } from './scorecard-kpi-choices';
import { ScorecardViewersEditor } from './scorecard-viewers-editor';
import { scorecardEditorMessagesFor } from '../i18n/scorecard-editor-messages';
import {
  addChild, addKpi, canMoveNodeTo, containers, type EditCard, type EditKpi, type EditNode, errorPath, kpiChoices, moveKpi, moveKpiTo, moveNode, moveNodeTo, newScorecard,
  type NodePath, numberOrText, removeKpi, removeNode, setSource, updateKpi, updateNode,
} from './scorecard-tree-ops';

export interface ScorecardEditorProps {
  /** The scorecards as stored (input form); the editor hands every change back whole. */
  value: EditCard[];
  onChange: (scorecards: EditCard[]) => void;
  /** The last save's errors, with their full paths (`scorecards.0.root.kpis.1.target`). */
  errors: readonly ConfigProblem[];
  /** The policies being edited, for `sla:<policy>` sources. */
  policies: ReadonlyArray<{ id: string; name?: string }>;
  /** The JSM SLA metrics the sync has seen, for `sla:jsm:<metric>` sources. */
  jsmMetrics?: readonly string[];
  locale: string | undefined;
}

const NESTED = xcss({ paddingInlineStart: 'space.300' });

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`);
/** `0.8=0.5, 1=1` as pay step rows; blank is no steps, and a row that is not two numbers is kept as typed for the check to name. */
const stepsOf = (text: string): unknown[] | undefined =>
  text.trim() === '' ? undefined : text.split(',').map((row) => (row.includes('=') ? row.split('=').map((part) => numberOrText(part) ?? part) : row.trim()));

/** A number or text field's value as typed; anything else (a list where a number belongs) as its JSON. */
const shownText = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value));
type Option = { label: string; value: string };
/** A container as a "move to" choice: indented by depth, its path as the value. */
const containerOption = ({ path, node }: { path: NodePath; node: EditNode }): Option => ({ label: `${'\u2003'.repeat(path.length)}${node.name}`, value: path.join('.') });
const pathOf = (value: string): NodePath => (value === '' ? [] : value.split('.').map(Number));

/**
 * The admin page's scorecard editor: one scorecard at a time as a tree of containers and KPIs; per KPI its scoring
 * method and parameters, direction, target, weight, owner, guard and source; per container its method and weights
 * mode; per scorecard its missing-data policy. Bulk changes go through the admin page's JSON import/export.
 */
export function ScorecardEditor({ value, onChange, errors, policies, jsmMetrics = [], locale }: ScorecardEditorProps) {
  const m = scorecardEditorMessagesFor(locale);
  /** The JSM metrics the sync has seen, and any a card already names (a metric not seen yet stays shown). */
  const jsmSourceValues = (card: EditCard): string[] => [
    ...new Set([...jsmMetrics.map((metric) => `sla:jsm:${metric}`), ...Object.values(card.sources ?? {}).filter((source) => source.startsWith('sla:jsm:'))]),
  ];
  const t = messagesFor(locale);
  const [selected, setSelected] = useState(0);
  const index = Math.max(0, Math.min(selected, value.length - 1));
  const card = value[index] as EditCard | undefined;
  const set = (next: EditCard) => onChange(value.map((c, i) => (i === index ? next : c)));

  // Paths whose errors are shown below (a field: its path and inside; `exact`: that path only); the errors none of
  // them shows are listed at the top, so none is lost. A block's `rest` shows what its own fields did not.
  const shown: string[] = [];
  const shownExact: string[] = [];
  const message = (e: ConfigProblem, path: string) => <ErrorMessage key={`${e.path}:${e.message}`}>{e.path === path ? e.message : `${e.path.slice(path.length + 1)}: ${e.message}`}</ErrorMessage>;
  const errorsOf = (path: string, mode: 'field' | 'exact' | 'rest' = 'field'): ReactNode[] => {
    if (mode === 'exact') {
      shownExact.push(path);
      return errors.filter((e) => e.path === path).map((e) => message(e, path));
    }
    const picked = errors.filter((e) => under(e.path, path) && (mode === 'field' || !shown.some((s) => under(e.path, s)) && !shownExact.includes(e.path)));
    shown.push(path);
    return picked.map((e) => message(e, path));
  };
  const field = (id: string, label: string, input: ReactNode, path: string) => (
    <Stack space="space.050" key={id}>
      <Label labelFor={id}>{label}</Label>
      {input}
      {errorsOf(path)}
    </Stack>
  );
  const textField = (path: string, label: string, current: unknown, onText: (text: string) => void) =>
    field(path, label, <Textfield id={path} value={shownText(current)} onChange={(e: { target: { value?: string } }) => onText(e.target.value ?? '')} />, path);
  const selectField = (path: string, label: string, options: Option[], current: string | undefined, onValue: (value: string | undefined) => void, clearable = false) =>
    field(
      path,
      label,
      <Select inputId={path} options={options} isClearable={clearable} value={options.find((o) => o.value === current) ?? null} onChange={(o: Option | null) => onValue(o?.value)} />,
      path,
    );
  const optionsOf = (labels: Record<string, string>, values: readonly string[]): Option[] => values.map((v) => ({ label: labels[v] ?? v, value: v }));

  const kpiEditor = (current: EditCard, nodePath: NodePath, kpi: EditKpi, k: number, count: number) => {
    const at = `${errorPath(index, nodePath)}.kpis.${k}`;
    const change = (patch: Partial<EditKpi>) => set(updateKpi(current, nodePath, k, patch));
    const scoring = (kpi.scoring ?? { method: 'ratio' }) as Record<string, unknown> & { method: (typeof SCORING_METHODS)[number] };
    const changeStatus = (patch: Record<string, unknown>) => change({ status: Object.fromEntries(Object.entries({ ...kpi.status, ...patch }).filter(([, v]) => v !== undefined)) as EditKpi['status'] });
    const changeScoring = (patch: Record<string, unknown>) => change({ scoring: Object.fromEntries(Object.entries({ ...scoring, ...patch }).filter(([, v]) => v !== undefined)) as EditKpi['scoring'] });
    const sources: Option[] = [
      ...policies.map((p) => ({ label: m.slaSource(p.name || p.id), value: `sla:${p.id}` })),
      ...jsmSourceValues(current).map((value) => ({ label: m.jsmSource(value.slice('sla:jsm:'.length)), value })),
      ...TICKET_SOURCES.map((s) => ({ label: m.sourceNames[s], value: s })),
    ];
    const guards = kpiChoices(current).filter((g) => g.id !== kpi.id).map((g) => ({ label: g.name, value: g.id }));
    const targets = containers(current).filter(({ path }) => path.join('.') !== nodePath.join('.')).map(containerOption);
    return (
      <Stack space="space.100" key={`kpi-${k}`}>
        <Text weight="bold">{`${t.kpi}: ${kpi.name}`}</Text>
        <Inline space="space.100" shouldWrap alignBlock="start">
          {textField(`${at}.id`, m.id, kpi.id, (text) => change({ id: text }))}
          {textField(`${at}.name`, m.name, kpi.name, (text) => change({ name: text }))}
          {textField(`${at}.unit`, m.unit, kpi.unit, (text) => change({ unit: text }))}
          {selectField(`${at}.direction`, m.direction, optionsOf(m.directions, ['higher', 'lower']), kpi.direction, (v) => change({ direction: v as EditKpi['direction'] }))}
          {selectField(`${at}.pillar`, m.pillar, optionsOf(m.pillars, ['speed', 'accuracy', 'satisfaction', 'volume', 'other']), kpi.pillar, (v) => change({ pillar: v as EditKpi['pillar'] }))}
          {textField(`${at}.target`, m.target, kpi.target, (text) => change({ target: numberOrText(text) as number }))}
          {textField(`${at}.weight`, m.weight, kpi.weight, (text) => change({ weight: numberOrText(text) as number }))}
          {textField(`${at}.owner`, m.owner, kpi.owner, (text) => change({ owner: text.trim() === '' ? undefined : text }))}
        </Inline>
        <Inline space="space.100" shouldWrap alignBlock="start">
          {selectField(`${at}.scoring.method`, m.scoring, optionsOf(t.scoringMethods, SCORING_METHODS), scoring.method, (v) => change({ scoring: { method: v ?? 'ratio' } as EditKpi['scoring'] }))}
          {PARAMS[scoring.method].map((param) => textField(`${at}.scoring.${param}`, m.params[param], scoring[param], (text) => changeScoring({ [param]: numberOrText(text) })))}
          {scoring.method === 'bands' &&
            textField(`${at}.scoring.bands`, m.params.bands, Array.isArray(scoring.bands) ? scoring.bands.join(', ') : scoring.bands, (text) =>
              changeScoring({ bands: text.trim() === '' ? undefined : text.split(',').map((part) => numberOrText(part) ?? part) }))}
          {scoring.method === 'progress' &&
            field(`${at}.scoring.clamp`, m.clamp, <Checkbox id={`${at}.scoring.clamp`} label={m.clamp} isChecked={scoring.clamp !== false} onChange={() => changeScoring({ clamp: scoring.clamp === false })} />, `${at}.scoring.clamp`)}
          {scoring.method === 'ratio' && textField(`${at}.floor`, m.params.floor, kpi.floor, (text) => change({ floor: numberOrText(text) as number }))}
          {scoring.method === 'ratio' && textField(`${at}.cap`, m.params.cap, kpi.cap, (text) => change({ cap: numberOrText(text) as number }))}
          {kpi.scoring === undefined && textField(`${at}.amber`, m.amber, kpi.amber, (text) => change({ amber: numberOrText(text) as number }))}
          {kpi.scoring === undefined && textField(`${at}.red`, m.red, kpi.red, (text) => change({ red: numberOrText(text) as number }))}
          {kpi.scoring !== undefined &&
            selectField(`${at}.status.by`, m.ragBy, optionsOf(m.ragRules, ['default', 'achievement', ...(scoring.method === 'goal-red-flag' ? ['goal-red-flag'] : [])]), kpi.status?.by ?? 'default', (v) =>
              change({ status: v === 'achievement' || v === 'goal-red-flag' ? { by: v } : undefined }))}
          {kpi.status?.by === 'achievement' && textField(`${at}.status.greenFrom`, m.greenFrom, kpi.status.greenFrom, (text) => changeStatus({ greenFrom: numberOrText(text) }))}
          {kpi.status?.by === 'achievement' && textField(`${at}.status.redBelow`, m.redBelow, kpi.status.redBelow, (text) => changeStatus({ redBelow: numberOrText(text) }))}
          {selectField(`${at}.aggregation`, m.aggregation, optionsOf(m.aggregations, AGGREGATIONS), kpi.aggregation, (v) => change({ aggregation: v as EditKpi['aggregation'] }), true)}
          {selectField(`${at}.guardedBy`, m.guard, guards, kpi.guardedBy, (v) => change({ guardedBy: v }), true)}
          {selectField(`scorecards.${index}.sources.${kpi.id}`, m.source, sources, current.sources?.[kpi.id], (v) => set(setSource(current, kpi.id, v)), true)}
        </Inline>
        <Inline space="space.100" alignBlock="end">
          <Button appearance="subtle" isDisabled={k === 0} onClick={() => set(moveKpi(current, nodePath, k, -1))}>{m.up}</Button>
          <Button appearance="subtle" isDisabled={k === count - 1} onClick={() => set(moveKpi(current, nodePath, k, 1))}>{m.down}</Button>
          <Select inputId={`${at}.moveTo`} placeholder={m.moveTo} options={targets} value={null} onChange={(o: Option | null) => o && set(moveKpiTo(current, nodePath, k, pathOf(o.value)))} />
          <Button appearance="subtle" onClick={() => set(removeKpi(current, nodePath, k))}>{m.remove}</Button>
        </Inline>
        {errorsOf(at, 'rest')}
      </Stack>
    );
  };

  const nodeEditor = (current: EditCard, node: EditNode, nodePath: NodePath, siblings: number): ReactNode => {
    const at = errorPath(index, nodePath);
    const change = (patch: Partial<EditNode>) => set(updateNode(current, nodePath, patch));
    const isRoot = nodePath.length === 0;
    const pay: Partial<NonNullable<EditNode['pay']>> = node.pay ?? {};
    const changePay = (patch: Record<string, unknown>) => {
      const next = Object.fromEntries(Object.entries({ ...pay, ...patch }).filter(([, v]) => v !== undefined));
      change({ pay: Object.keys(next).length === 0 ? undefined : (next as EditNode['pay']) });
    };
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
          {node.kind === 'scorecard' && node.level === 'person' && (
            <Inline space="space.100" shouldWrap alignBlock="start">
              {textField(`${at}.pay.base`, m.payBase, pay.base, (text) => changePay({ base: numberOrText(text) }))}
              {textField(`${at}.pay.gate`, m.payGate, pay.gate, (text) => changePay({ gate: numberOrText(text) }))}
              {textField(`${at}.pay.cap`, m.payCap, pay.cap, (text) => changePay({ cap: numberOrText(text) }))}
              {textField(`${at}.pay.steps`, m.paySteps, pay.steps?.map(([from, rate]) => `${from}=${rate}`).join(', '), (text) => changePay({ steps: stepsOf(text) }))}
            </Inline>
          )}
          {kpis.map((kpi, k) => kpiEditor(current, nodePath, kpi, k, kpis.length))}
          {children.map((child, i) => nodeEditor(current, child, [...nodePath, i], children.length))}
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
  };

  const choices = value.map((c, i) => ({ label: `${c.tree.root.name} (${c.tree.root.id})`, value: String(i) }));
  const body = card && (
    <Stack space="space.200">
      {selectField(`scorecards.${index}.tree.missing`, m.missing, optionsOf(m.missingPolicies, MISSING_POLICIES), card.tree.missing ?? 'ignore', (v) => set({ ...card, tree: { ...card.tree, missing: v as EditCard['tree']['missing'] } }))}
      {nodeEditor(card, card.tree.root, [], 1)}
      {errorsOf(`scorecards.${index}.sources`, 'rest')}
      {/* Keyed by the scorecard: its account picker and group text start afresh with another scorecard's list. */}
      <ScorecardViewersEditor key={`viewers-${card.tree.root.id}`} card={card} index={index} onChange={set} errors={errors} m={m} />
      <ScorecardActuals
        key={card.tree.root.id}
        scorecardId={card.tree.root.id}
        kpis={kpiChoices(card).filter((k) => card.sources?.[k.id] === undefined)}
        m={m}
      />
    </Stack>
  );
  // The viewer list shows its own errors under its fields.
  if (card) shown.push(`scorecards.${index}.viewers`);
  const elsewhere = errors.filter((e) => under(e.path, 'scorecards') && !shown.some((s) => under(e.path, s)) && !shownExact.includes(e.path));
  return (
    <Stack space="space.200">
      <Heading size="medium">{m.title}</Heading>
      <Text>{m.hint}</Text>
      {elsewhere.map((e) => <ErrorMessage key={`${e.path}:${e.message}`}>{`${e.path}: ${e.message}`}</ErrorMessage>)}
      <Inline space="space.100" alignBlock="end">
        {value.length > 0 && (
          <Stack space="space.050">
            <Label labelFor="scorecard-choice">{m.choose}</Label>
            <Select inputId="scorecard-choice" options={choices} value={choices[index]} onChange={(o: Option) => setSelected(Number(o.value))} />
          </Stack>
        )}
        <Button onClick={() => { onChange([...value, newScorecard(value, { scorecard: m.newScorecard, perspective: m.newPerspective, kpi: m.newKpi })]); setSelected(value.length); }}>{m.addScorecard}</Button>
        {card && <Button appearance="subtle" onClick={() => { onChange(value.filter((_, i) => i !== index)); setSelected(0); }}>{m.removeScorecard}</Button>}
      </Inline>
      {body}
    </Stack>
  );
}
