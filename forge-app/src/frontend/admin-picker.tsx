import { invoke } from '@forge/bridge';
import { ErrorMessage, Label, Select, Stack } from '@forge/react';
import { createContext, useContext, useEffect, useState } from 'react';
import type { PickerAnswer, PickerKind, PickerOption } from '../resolvers/admin-pickers';
import { fieldErrors } from './admin-field-errors';
import { useAdminMessages } from './admin-messages-context';

type Answer = PickerAnswer | { error: string; message: string };

/**
 * One load per kind, search term and projects for the whole page: every goal's priority picker shares the same
 * answer. AdminPage provides a fresh cache on each mount.
 */
export const PickerCache = createContext<Map<string, Promise<Answer>>>(new Map());

function load(cache: Map<string, Promise<Answer>>, kind: PickerKind, query: string, projects: readonly string[]): Promise<Answer> {
  const signature = JSON.stringify([kind, query, projects]);
  let answer = cache.get(signature);
  if (!answer) {
    answer = invoke<Answer>('adminPicker', { kind, query, ...(projects.length > 0 ? { projects } : {}) }) as Promise<Answer>;
    // A failed load is not kept: the next search tries again.
    answer.catch(() => cache.delete(signature));
    cache.set(signature, answer);
  }
  return answer;
}

export interface SitePickerProps {
  id: string;
  kind: PickerKind;
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  isMulti?: boolean;
  /** For statuses: the projects whose workflows to list. */
  projects?: readonly string[];
  errors?: readonly string[];
}

/** A searchable select filled from the site: typing asks Jira again with the text as its search term. */
export function SitePicker({ id, kind, label, values, onChange, isMulti = true, projects = [], errors = [] }: SitePickerProps) {
  const m = useAdminMessages();
  const cache = useContext(PickerCache);
  const [query, setQuery] = useState('');
  const [state, setState] = useState<{ loading: boolean; options: PickerOption[]; truncated: boolean; failure: string | null }>({ loading: true, options: [], truncated: false, failure: null });
  const projectList = projects.join(',');
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load(cache, kind, query, projectList ? projectList.split(',') : [])
      .then((answer) => {
        if (!live) return;
        if ('error' in answer) setState({ loading: false, options: [], truncated: false, failure: answer.message });
        else setState({ loading: false, options: answer.options, truncated: answer.truncated, failure: null });
      })
      .catch((error: unknown) => live && setState({ loading: false, options: [], truncated: false, failure: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
    };
  }, [cache, kind, query, projectList]);
  // A chosen value the current search does not list (or a site that renamed it) still shows, by its stored name.
  const labelOf = (value: string) => state.options.find((o) => o.value === value)?.label ?? value;
  const selected = values.map((value) => ({ label: labelOf(value), value }));
  return (
    <Stack space="space.050">
      <Label labelFor={id}>{label}</Label>
      <Select
        inputId={id}
        isMulti={isMulti}
        isSearchable
        isClearable
        isLoading={state.loading}
        options={state.options}
        value={isMulti ? selected : (selected[0] ?? null)}
        placeholder={m.pickerPlaceholder}
        onInputChange={(text: string) => setQuery(text)}
        onChange={(chosen: PickerOption | PickerOption[] | null) => onChange(chosen === null ? [] : Array.isArray(chosen) ? chosen.map((o) => o.value) : [chosen.value])}
      />
      {state.truncated && <ErrorMessage>{m.pickerTruncated}</ErrorMessage>}
      {state.failure !== null && <ErrorMessage>{m.pickerFailed(state.failure)}</ErrorMessage>}
      {fieldErrors(errors)}
    </Stack>
  );
}
