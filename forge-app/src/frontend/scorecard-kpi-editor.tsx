import { Button, Checkbox, Inline, Select, Stack, Text } from '@forge/react';
import { AGGREGATIONS, PARAMS, SCORING_METHODS, TICKET_SOURCES } from './scorecard-kpi-choices';
import { containerOption, type Option, optionsOf, pathOf, type ScorecardEditScope } from './scorecard-editor-fields';
import { containers, type EditCard, type EditKpi, errorPath, kpiChoices, moveKpi, moveKpiTo, type NodePath, numberOrText, removeKpi, setSource, updateKpi } from './scorecard-tree-ops';

/** The KPI's source choices: the policies, the JSM metrics the sync has seen and any the card already names, ticket sources. */
function sourceOptions({ m, policies, jsmMetrics }: ScorecardEditScope, card: EditCard): Option[] {
  // A metric not seen yet stays shown.
  const jsmSourceValues = [
    ...new Set([...jsmMetrics.map((metric) => `sla:jsm:${metric}`), ...Object.values(card.sources ?? {}).filter((source) => source.startsWith('sla:jsm:'))]),
  ];
  return [
    ...policies.map((p) => ({ label: m.slaSource(p.name || p.id), value: `sla:${p.id}` })),
    ...jsmSourceValues.map((value) => ({ label: m.jsmSource(value.slice('sla:jsm:'.length)), value })),
    ...TICKET_SOURCES.map((s) => ({ label: m.sourceNames[s], value: s })),
  ];
}

/** One KPI of a container: its fields, its scoring method and parameters, status rule, guard and source; move and remove. */
export function kpiEditor(scope: ScorecardEditScope, current: EditCard, nodePath: NodePath, kpi: EditKpi, k: number, count: number) {
  const { index, set, m, t } = scope;
  const { field, textField, selectField, errorsOf } = scope.fields;
  const at = `${errorPath(index, nodePath)}.kpis.${k}`;
  const change = (patch: Partial<EditKpi>) => set(updateKpi(current, nodePath, k, patch));
  const scoring = (kpi.scoring ?? { method: 'ratio' }) as Record<string, unknown> & { method: (typeof SCORING_METHODS)[number] };
  const changeStatus = (patch: Record<string, unknown>) => change({ status: Object.fromEntries(Object.entries({ ...kpi.status, ...patch }).filter(([, v]) => v !== undefined)) as EditKpi['status'] });
  const changeScoring = (patch: Record<string, unknown>) => change({ scoring: Object.fromEntries(Object.entries({ ...scoring, ...patch }).filter(([, v]) => v !== undefined)) as EditKpi['scoring'] });
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
        {selectField(`scorecards.${index}.sources.${kpi.id}`, m.source, sourceOptions(scope, current), current.sources?.[kpi.id], (v) => set(setSource(current, kpi.id, v)), true)}
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
}
