import { Button, Stack, Text } from '@forge/react';
import type { EventMatcher } from '../../../core';
import type { ConfigProblem } from '../config/problem';
import { errorsElsewhere } from './admin-form';
import { fieldErrors } from './admin-field-errors';
import { EventRow } from './policy-event-row';
import type { Choice } from './policy-fields';

export interface EventListProps {
  id: string;
  label: string;
  addLabel: string;
  events: readonly EventMatcher[];
  projects: readonly string[];
  fieldOptions: readonly Choice[];
  /** Where the list sits in the configuration (`policies.0.start.events`). */
  path: string;
  errors: readonly ConfigProblem[];
  onChange: (events: EventMatcher[]) => void;
}

/** The events that start or stop a clock (JSM's conditions): one row each, added and removed here. */
export function EventList({ id, label, addLabel, events, projects, fieldOptions, path, errors, onChange }: EventListProps) {
  const rowPath = (i: number) => `${path}.${i}`;
  return (
    <Stack space="space.100">
      <Text>{label}</Text>
      {fieldErrors(errorsElsewhere(errors, path, events.map((_, i) => rowPath(i))))}
      {events.map((event, i) => (
        <EventRow
          key={i}
          id={`${id}-${i}`}
          event={event}
          projects={projects}
          fieldOptions={fieldOptions}
          path={rowPath(i)}
          errors={errors}
          onChange={(changed) => onChange(events.map((e, j) => (j === i ? changed : e)))}
          onRemove={() => onChange(events.filter((_, j) => j !== i))}
        />
      ))}
      <Button onClick={() => onChange([...events, { on: 'statusEntered', statuses: [] }])}>{addLabel}</Button>
    </Stack>
  );
}
