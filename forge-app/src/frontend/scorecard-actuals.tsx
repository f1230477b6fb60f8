import { invoke } from '@forge/bridge';
import { Button, ErrorMessage, Heading, Inline, Label, SectionMessage, Stack, Text, Textfield } from '@forge/react';
import { useState } from 'react';
import type { FieldError } from '../config/schema';
import type { ScorecardEditorMessages } from './scorecard-editor-messages';
import { numberOrText } from './scorecard-tree-ops';

type Loaded = { values: Record<string, number> } | { error: string; message: string };
type Saved = { ok: true } | { ok: false; errors: FieldError[] } | { error: string; message?: string };

/**
 * Values typed for one month of a saved scorecard, for the KPIs that no Jira data measures (payroll accuracy, DSO):
 * load the month, type, save; the resolver checks them and answers each problem at `values.<kpi id>`.
 */
export function ScorecardActuals({ scorecardId, kpis, m }: { scorecardId: string; kpis: ReadonlyArray<{ id: string; name: string; unit: string }>; m: ScorecardEditorMessages }) {
  const [month, setMonth] = useState('');
  const [values, setValues] = useState<Record<string, string> | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const load = async () => {
    const answer = (await invoke<Loaded>('getScorecardActuals', { scorecardId, month: month.trim() })) as Loaded;
    setNotice(null);
    if ('error' in answer) return setErrors([{ path: 'month', message: answer.message }]);
    setErrors([]);
    setValues(Object.fromEntries(kpis.map((k) => [k.id, answer.values[k.id] === undefined ? '' : String(answer.values[k.id])])));
  };
  const save = async () => {
    // A cleared field removes its value; anything else goes as typed and the resolver names what is not a number.
    const typed = Object.fromEntries(Object.entries(values ?? {}).map(([id, text]) => [id, numberOrText(text) ?? null]));
    const answer = (await invoke<Saved>('saveScorecardActuals', { scorecardId, month: month.trim(), values: typed })) as Saved;
    if ('error' in answer) return setErrors([{ path: 'month', message: answer.message ?? m.actualsNotSaved }]);
    setErrors(answer.ok ? [] : answer.errors);
    setNotice(answer.ok ? m.actualsSaved : null);
  };
  const errorsAt = (path: string) => errors.filter((e) => e.path === path).map((e) => <ErrorMessage key={e.message}>{e.message}</ErrorMessage>);
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
              <Label labelFor={`actuals-${scorecardId}-${k.id}`}>{`${k.name} (${k.unit})`}</Label>
              <Textfield id={`actuals-${scorecardId}-${k.id}`} value={values[k.id] ?? ''} onChange={(e: { target: { value?: string } }) => setValues({ ...values, [k.id]: e.target.value ?? '' })} />
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
