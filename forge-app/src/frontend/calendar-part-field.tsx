import { Label, Stack, Textfield } from '@forge/react';
import { useState } from 'react';
import { thrownError } from './admin-field-errors';
import { type CalendarPart, type CalendarSpec, partText, withPart } from './calendar-text';

/** One part of the calendar as a text field: what the admin types is kept until the core parses it, with its error. */
export function PartField({ id, label, spec, part, onSpec }: { id: string; label: string; spec: CalendarSpec; part: CalendarPart; onSpec: (spec: CalendarSpec) => void }) {
  const [typed, setTyped] = useState<{ text: string; error: unknown } | null>(null);
  const change = (text: string) => {
    const next = withPart(spec, part, text);
    if (next.ok) {
      setTyped(null);
      onSpec(next.value);
    } else setTyped({ text, error: next.error });
  };
  return (
    <Stack space="space.050">
      <Label labelFor={id}>{label}</Label>
      <Textfield id={id} value={typed?.text ?? partText(spec, part)} onChange={(e: { target: { value?: string } }) => change(e.target.value ?? '')} />
      {typed && thrownError(typed.error)}
    </Stack>
  );
}
