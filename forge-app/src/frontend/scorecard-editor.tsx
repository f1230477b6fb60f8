import { Button, ErrorMessage, Heading, Inline, Label, Select, Stack, Text } from '@forge/react';
import { useState } from 'react';
import { MISSING_POLICIES } from '../../../core';
import type { ConfigProblem } from '../config/problem';
import { messagesFor } from '../i18n/messages';
import { scorecardEditorMessagesFor } from '../i18n/scorecard-editor-messages';
import { ScorecardActuals } from './scorecard-actuals';
import { editorFields, type Option, optionsOf, type ScorecardEditScope } from './scorecard-editor-fields';
import { nodeEditor } from './scorecard-node-editor';
import { type EditCard, kpiChoices, newScorecard } from './scorecard-tree-ops';
import { ScorecardViewersEditor } from './scorecard-viewers-editor';

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

/**
 * The admin page's scorecard editor: one scorecard at a time as a tree of containers and KPIs; per KPI its scoring
 * method and parameters, direction, target, weight, owner, guard and source; per container its method and weights
 * mode; per scorecard its missing-data policy. Bulk changes go through the admin page's JSON import/export.
 */
export function ScorecardEditor({ value, onChange, errors, policies, jsmMetrics = [], locale }: ScorecardEditorProps) {
  const m = scorecardEditorMessagesFor(locale);
  const t = messagesFor(locale);
  const [selected, setSelected] = useState(0);
  const index = Math.max(0, Math.min(selected, value.length - 1));
  const card = value[index] as EditCard | undefined;
  const set = (next: EditCard) => onChange(value.map((c, i) => (i === index ? next : c)));
  const fields = editorFields(errors);
  const scope: ScorecardEditScope = { index, set, fields, m, t, policies, jsmMetrics };

  const choices = value.map((c, i) => ({ label: `${c.tree.root.name} (${c.tree.root.id})`, value: String(i) }));
  const body = card && (
    <Stack space="space.200">
      {fields.selectField(`scorecards.${index}.tree.missing`, m.missing, optionsOf(m.missingPolicies, MISSING_POLICIES), card.tree.missing ?? 'ignore', (v) => set({ ...card, tree: { ...card.tree, missing: v as EditCard['tree']['missing'] } }))}
      {nodeEditor(scope, card, card.tree.root, [], 1)}
      {fields.errorsOf(`scorecards.${index}.sources`, 'rest')}
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
  if (card) fields.markShown(`scorecards.${index}.viewers`);
  const elsewhere = fields.unshownUnder('scorecards');
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
