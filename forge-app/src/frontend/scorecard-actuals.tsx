import { invoke } from '@forge/bridge';
import { Button, Heading, Inline, Label, SectionMessage, Stack, Text, Textfield } from '@forge/react';
import { useState } from 'react';
import type { ConfigProblem } from '../config/problem';
import type { ScorecardEditorMessages } from '../i18n/scorecard-editor-messages';
import { fieldErrors } from './admin-field-errors';
import type { TypedValue } from '../resolvers/scorecard-actuals';
import { numberOrText } from './scorecard-tree-ops';

type Loaded = { values: Record<string, TypedValue> } | { error: string; message: string };
type KpiField = { id: string; name: string; unit: string; aggregation?: string };

/** The form's fields of a KPI: one value, or a numerator and a denominator for ratio-of-sums (summed over a period). */
const fieldsOf = (kpi: KpiField): string[] => (kpi.aggregation === 'ratio-of-sums' ? [`${kpi.id}.numerator`, `${kpi.id}.denominator`] : [kpi.id]);

/** The stored value as the form's texts, by field. */
function textsOf(kpi: KpiField, value: TypedValue | undefined): Array<[string, string]> {
  if (kpi.aggregation !== 'ratio-of-sums') return [[kpi.id, typeof value === 'number' ? String(value) : '']];
  const pair = typeof value === 'object' ? value : undefined;
  return [[`${kpi.id}.numerator`, pair ? String(pair.numerator) : ''], [`${kpi.id}.denominator`, pair ? String(pair.denominator) : '']];
}

/** The form's texts as the values to save: a cleared KPI is null (removed); text that is not a number goes as typed. */
function valueOf(kpi: KpiField, texts: Readonly<Record<string, string>>): unknown {
  if (kpi.aggregation !== 'ratio-of-sums') return numberOrText(texts[kpi.id] ?? '') ?? null;
  const numerator = numberOrText(texts[`${kpi.id}.numerator`] ?? '');
  const denominator = numberOrText(texts[`${kpi.id}.denominator`] ?? '');
  return numerator === undefined && denominator === undefined ? null : { numerator, denominator };
}
type Saved = { ok: true } | { ok: false; errors: ConfigProblem[] } | { error: string; message?: string };

/**
 * Values typed for one month of a saved scorecard, for the KPIs that no Jira data measures (payroll accuracy, DSO):
 * load the month, type, save; the resolver checks them and answers each problem at `values.<kpi id>`.
 */
export function ScorecardActuals({ scorecardId, kpis, m }: { scorecardId: string; kpis: readonly KpiField[]; m: ScorecardEditorMessages }) {
  const [month, setMonth] = useState('');
  const [values, setValues] = useState<Record<string, string> | null>(null);
  const [errors, setErrors] = useState<ConfigProblem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const load = async () => {
    const answer = (await invoke<Loaded>('getScorecardActuals', { scorecardId, month: month.trim() })) as Loaded;
    setNotice(null);
    if ('error' in answer) return setErrors([{ path: 'month', message: answer.message }]);
    setErrors([]);
    setValues(Object.fromEntries(kpis.flatMap((k) => textsOf(k, answer.values[k.id]))));
  };
  const save = async () => {
    // A cleared field removes its value; anything else goes as typed and the resolver names what is not a number.
    const typed = Object.fromEntries(kpis.map((k) => [k.id, valueOf(k, values ?? {})]));
    const answer = (await invoke<Saved>('saveScorecardActuals', { scorecardId, month: month.trim(), values: typed })) as Saved;
    if ('error' in answer) return setErrors([{ path: 'month', message: answer.message ?? m.actualsNotSaved }]);
    setErrors(answer.ok ? [] : answer.errors);
    setNotice(answer.ok ? m.actualsSaved : null);
  };
  const errorsAt = (path: string) => fieldErrors(errors.filter((e) => e.path === path).map((e) => e.message));
  const failed = () => setNotice(m.actualsNotSaved);
  if (kpis.length === 0) return null;
  return (
    <Stack space="space.100">
      <Heading size="small">{m.actualsTitle}</Heading>
      <Text>{m.actualsHint}</Text>
      <Inline space="space.100" alignBlock="end">
        <Stack space="space.050">
          <Label labelFor={`actuals-${scorecardId}-month`}>{m.actualsMonth}</Label>
          <Textfield id={`actuals-${scorecardId}-month`} value={month} onChange={(e: { target: { value?: string } }) => setMonth(e.target.value ?? '')} />
          {errorsAt('month')}
        </Stack>
        <Button onClick={() => void load().catch(failed)}>{m.actualsLoad}</Button>
      </Inline>
      {values !== null && (
        <Stack space="space.100">
          {kpis.map((k) => (
            <Stack space="space.050" key={k.id}>
              {fieldsOf(k).flatMap((field) => [
                <Label key={`${field}:label`} labelFor={`actuals-${scorecardId}-${field}`}>{field === k.id ? `${k.name} (${k.unit})` : `${k.name}: ${field.endsWith('.numerator') ? m.numerator : m.denominator}`}</Label>,
                <Textfield key={field} id={`actuals-${scorecardId}-${field}`} value={values[field] ?? ''} onChange={(e: { target: { value?: string } }) => setValues({ ...values, [field]: e.target.value ?? '' })} />,
              ])}
              {errorsAt(`values.${k.id}`)}
            </Stack>
          ))}
          <Button onClick={() => void save().catch(failed)}>{m.actualsSave}</Button>
        </Stack>
      )}
      {notice !== null && <SectionMessage appearance="information"><Text>{notice}</Text></SectionMessage>}
    </Stack>
  );
}
