import { ErrorMessage, Label, Select, Stack, Textfield } from '@forge/react';
import { useState } from 'react';
import { fieldErrors } from './admin-field-errors';
import { useAdminMessages } from './admin-messages-context';

/** A time as the admin wrote it (`8h`, 30) or, stored as an object (`{ minutes: 90 }`), as its JSON; unset is empty. */
export const targetText = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' || typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? '');

/** A labelled text field with its errors from the last save. */
export const textField = (id: string, label: string, value: string, onChange: (value: string) => void, errors: readonly string[] = []) => (
  <Stack space="space.050">
    <Label labelFor={id}>{label}</Label>
    <Textfield id={id} value={value} onChange={(e: { target: { value?: string } }) => onChange(e.target.value ?? '')} />
    {fieldErrors(errors)}
  </Stack>
);

/**
 * A fraction (0.95) edited as percent (95): empty leaves it unset (the core's default applies); text that is not a
 * number is kept as typed with a message, and the range is checked with the rest of the configuration on save.
 */
export function PercentField({ id, label, value, onChange, errors }: { id: string; label: string; value: number | undefined; onChange: (value: number | undefined) => void; errors: readonly string[] }) {
  const m = useAdminMessages();
  const [typed, setTyped] = useState<string | null>(null);
  const change = (text: string) => {
    const trimmed = text.trim().replace(',', '.');
    if (trimmed === '') onChange(undefined);
    else if (/^\d+(\.\d+)?$/.test(trimmed)) onChange(Number(trimmed) / 100);
    else return setTyped(text);
    setTyped(null);
  };
  // Rounded for display: 0.95 * 100 is 94.99999999999999 in floating point.
  const shown = value === undefined ? '' : String(Math.round(value * 1e6) / 1e4);
  return (
    <Stack space="space.050">
      <Label labelFor={id}>{label}</Label>
      <Textfield id={id} value={typed ?? shown} onChange={(e: { target: { value?: string } }) => change(e.target.value ?? '')} />
      {typed !== null && <ErrorMessage>{m.percentExpected}</ErrorMessage>}
      {fieldErrors(errors)}
    </Stack>
  );
}

export interface Choice<T extends string = string> {
  label: string;
  value: T;
}

/** A labelled single select; a value the options do not list (typed in JSON) still shows, by itself. */
export const choiceField = <T extends string>(id: string, label: string, options: ReadonlyArray<Choice<T>>, value: T | '', onChange: (value: T) => void, errors: readonly string[] = []) => (
  <Stack space="space.050">
    <Label labelFor={id}>{label}</Label>
    <Select inputId={id} options={options} value={options.find((o) => o.value === value) ?? (value === '' ? null : { label: value, value })} onChange={(chosen: Choice<T> | null) => chosen && onChange(chosen.value)} />
    {fieldErrors(errors)}
  </Stack>
);

/** Values as a comma-separated list. */
const listOf = (text: string): string[] => text.split(',').map((value) => value.trim()).filter(Boolean);

/** A list of values typed comma-separated; the text stays as typed (a trailing comma) while the list is what it says. */
export function ListField({ id, label, values, onChange, errors = [] }: { id: string; label: string; values: readonly string[]; onChange: (values: string[]) => void; errors?: readonly string[] }) {
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed !== null && listOf(typed).join('\u0000') === values.join('\u0000') ? typed : values.join(', ');
  return textField(id, label, shown, (text) => {
    setTyped(text);
    onChange(listOf(text));
  }, errors);
}
