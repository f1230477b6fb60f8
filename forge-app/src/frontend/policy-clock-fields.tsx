import { Checkbox, Stack } from '@forge/react';
import type { SlaPolicyInput } from '../../../core';
import type { ConfigProblem } from '../config/problem';
import { errorsElsewhere } from './admin-form';
import { useAdminMessages } from './admin-messages-context';
import { SitePicker } from './admin-picker';
import { EventList } from './policy-event-list';
import { type Choice, choiceField } from './policy-fields';
import { PauseWhile } from './policy-pause-while';

type Start = NonNullable<SlaPolicyInput['start']>;
const START_KINDS: ReadonlyArray<Start['on']> = ['created', 'status', 'field', 'events'];

/** A fresh start condition of a kind (its lists empty: the check names what is missing at its field). */
const startOf = (on: Start['on']): Start => (on === 'created' ? { on } : on === 'status' ? { on, statuses: [] } : on === 'field' ? { on, field: '' } : { on, events: [] });

/** Ticket fields a condition may read: the ones the sync always fills, then the field map's extra fields. */
const STANDARD_FIELDS = ['assignee', 'priority', 'resolution', 'requestType', 'team', 'organization'] as const;

export interface ClockFieldsProps {
  /** The id of a part of this policy's form (`policy-0-start`). */
  id: (part: string) => string;
  policy: SlaPolicyInput;
  projects: readonly string[];
  /** The field map's extra fields: a retroactive start reads one, conditions may test any. */
  extraFields: readonly string[];
  /** Where the policy sits in the configuration (`policies.0`). */
  path: string;
  errors: readonly ConfigProblem[];
  set: (changes: Partial<SlaPolicyInput>) => void;
}

/** When a policy's clock starts, pauses and stops: statuses, events (status, field, comment) and fields that hold values. */
export function ClockFields({ id, policy, projects, extraFields, path, errors, set }: ClockFieldsProps) {
  const m = useAdminMessages();
  const start: Start = policy.start ?? { on: 'created' };
  const pause = policy.pause ?? {};
  const stop = policy.stop;
  const fieldOptions: Choice[] = [...STANDARD_FIELDS.map((field) => ({ label: m.ticketFields[field], value: field })), ...extraFields.map((name) => ({ label: name, value: name }))];
  const startErrors = errorsElsewhere(errors, `${path}.start`, [`${path}.start.events`]);
  const elsewhere = (part: string, inner: string) => errorsElsewhere(errors, `${path}.${part}`, [`${path}.${part}.${inner}`]);
  return (
    <Stack space="space.150">
      {choiceField(id('start'), m.startWhen, START_KINDS.map((on) => ({ label: m.startOn[on], value: on })), start.on, (on) => on !== start.on && set({ start: startOf(on) }), start.on === 'created' || start.on === 'events' ? startErrors : [])}
      {start.on === 'status' && <SitePicker id={id('startStatuses')} kind="statuses" projects={projects} label={m.startStatuses} values={start.statuses} onChange={(statuses) => set({ start: { on: 'status', statuses } })} errors={startErrors} />}
      {start.on === 'field' && choiceField(id('startField'), m.startField, extraFields.map((name) => ({ label: name, value: name })), start.field, (field) => set({ start: { on: 'field', field } }), startErrors)}
      {start.on === 'events' && (
        <EventList id={id('startEvents')} label={m.startEvents} addLabel={m.addStartEvent} events={start.events} projects={projects} fieldOptions={fieldOptions} path={`${path}.start.events`} errors={errors} onChange={(events) => set({ start: { on: 'events', events } })} />
      )}
      <SitePicker id={id('pause')} kind="statuses" projects={projects} label={m.pauseStatuses} values={pause.statuses ?? []} onChange={(statuses) => set({ pause: { ...pause, statuses } })} errors={elsewhere('pause', 'while')} />
      <PauseWhile id={id('pauseWhile')} holds={pause.while ?? []} fieldOptions={fieldOptions} path={`${path}.pause.while`} errors={errors} onChange={(holds) => set({ pause: withList(pause, 'while', holds) })} />
      <SitePicker id={id('stop')} kind="statuses" projects={projects} label={m.stopStatuses} values={stop.statuses ?? []} onChange={(statuses) => set({ stop: { ...stop, statuses } })} errors={elsewhere('stop', 'events')} />
      <Checkbox label={m.stopOnResolution} isChecked={stop.resolutionSet === true} onChange={(e: { target: { checked?: boolean } }) => set({ stop: { ...stop, resolutionSet: e.target.checked === true } })} />
      <EventList id={id('stopEvents')} label={m.stopEvents} addLabel={m.addStopEvent} events={stop.events ?? []} projects={projects} fieldOptions={fieldOptions} path={`${path}.stop.events`} errors={errors} onChange={(events) => set({ stop: withList(stop, 'events', events) })} />
    </Stack>
  );
}

/** The object with this list, or without the key when the list is empty (as a policy without it is written). */
function withList<T extends object>(object: T, key: keyof T, list: readonly unknown[]): T {
  const { [key]: _, ...rest } = object;
  return (list.length > 0 ? { ...rest, [key]: list } : rest) as T;
}
