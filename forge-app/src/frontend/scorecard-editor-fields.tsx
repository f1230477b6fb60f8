import { ErrorMessage, Label, Select, Stack, Textfield } from '@forge/react';
import type { ReactNode } from 'react';
import type { ConfigProblem } from '../config/problem';
import type { Messages } from '../i18n/messages';
import type { ScorecardEditorMessages } from '../i18n/scorecard-editor-messages';
import type { EditCard, EditNode, NodePath } from './scorecard-tree-ops';

export type Option = { label: string; value: string };

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`);

/** A number or text field's value as typed; anything else (a list where a number belongs) as its JSON. */
const shownText = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value));

export const optionsOf = (labels: Record<string, string>, values: readonly string[]): Option[] => values.map((v) => ({ label: labels[v] ?? v, value: v }));
/** A container as a "move to" choice: indented by depth, its path as the value. */
export const containerOption = ({ path, node }: { path: NodePath; node: EditNode }): Option => ({ label: `${'\u2003'.repeat(path.length)}${node.name}`, value: path.join('.') });
export const pathOf = (value: string): NodePath => (value === '' ? [] : value.split('.').map(Number));

/** The scorecard editor's form fields, each showing the save errors at its path. */
export interface EditorFields {
  /** The errors at `path` (`field`: it and inside; `exact`: that path only; `rest`: inside, those no field showed). */
  errorsOf: (path: string, mode?: 'field' | 'exact' | 'rest') => ReactNode[];
  field: (id: string, label: string, input: ReactNode, path: string) => ReactNode;
  textField: (path: string, label: string, current: unknown, onText: (text: string) => void) => ReactNode;
  selectField: (path: string, label: string, options: Option[], current: string | undefined, onValue: (value: string | undefined) => void, clearable?: boolean) => ReactNode;
  /** Counts the errors under `path` as shown (a part that lists its own errors). */
  markShown: (path: string) => void;
  /** The errors under `prefix` that no field placed so far showed. */
  unshownUnder: (prefix: string) => ConfigProblem[];
}

/**
 * Fields that remember which error paths they showed, so the errors none of them shows can be listed at the top and
 * none is lost. The placement depends on the order fields are built, so the editor's parts are render functions
 * called in order (not components React would render after the list at the top is built).
 */
export function editorFields(errors: readonly ConfigProblem[]): EditorFields {
  const shown: string[] = [];
  const shownExact: string[] = [];
  const message = (e: ConfigProblem, path: string) => <ErrorMessage key={`${e.path}:${e.message}`}>{e.path === path ? e.message : `${e.path.slice(path.length + 1)}: ${e.message}`}</ErrorMessage>;
  const unshown = (e: ConfigProblem) => !shown.some((s) => under(e.path, s)) && !shownExact.includes(e.path);
  const errorsOf = (path: string, mode: 'field' | 'exact' | 'rest' = 'field'): ReactNode[] => {
    if (mode === 'exact') {
      shownExact.push(path);
      return errors.filter((e) => e.path === path).map((e) => message(e, path));
    }
    const picked = errors.filter((e) => under(e.path, path) && (mode === 'field' || unshown(e)));
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
  return {
    errorsOf,
    field,
    textField: (path, label, current, onText) =>
      field(path, label, <Textfield id={path} value={shownText(current)} onChange={(e: { target: { value?: string } }) => onText(e.target.value ?? '')} />, path),
    selectField: (path, label, options, current, onValue, clearable = false) =>
      field(
        path,
        label,
        <Select inputId={path} options={options} isClearable={clearable} value={options.find((o) => o.value === current) ?? null} onChange={(o: Option | null) => onValue(o?.value)} />,
        path,
      ),
    markShown: (path) => {
      shown.push(path);
    },
    unshownUnder: (prefix) => errors.filter((e) => under(e.path, prefix) && unshown(e)),
  };
}

/** What every part of the scorecard editor works with: the scorecard's place, its setter, fields and messages. */
export interface ScorecardEditScope {
  index: number;
  set: (next: EditCard) => void;
  fields: EditorFields;
  m: ScorecardEditorMessages;
  t: Messages;
  policies: ReadonlyArray<{ id: string; name?: string }>;
  jsmMetrics: readonly string[];
}
