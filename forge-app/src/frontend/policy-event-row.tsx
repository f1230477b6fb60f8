import { Button, Inline, Stack } from '@forge/react';
import type { EventMatcher } from '../../../core';
import type { ConfigProblem } from '../config/problem';
import { errorsAt, errorsElsewhere } from './admin-form';
import { useAdminMessages } from './admin-messages-context';
import { SitePicker } from './admin-picker';
import { type Choice, choiceField, ListField } from './policy-fields';

type Kind = EventMatcher['on'];
const KINDS: readonly Kind[] = ['statusEntered', 'statusLeft', 'fieldSet', 'fieldCleared', 'fieldChanged', 'comment'];

/** The event of another kind, keeping the statuses or the field already picked. */
function ofKind(event: EventMatcher, on: Kind): EventMatcher {
  if (on === 'statusEntered' || on === 'statusLeft') return { on, statuses: 'statuses' in event ? event.statuses : [] };
  if (on === 'comment') return { on };
  return { on, field: 'field' in event ? event.field : '' };
}

/** A comment condition's flag as a choice: unset is "any". */
type Flag = 'any' | 'yes' | 'no';
const flagOf = (value: boolean | undefined): Flag => (value === undefined ? 'any' : value ? 'yes' : 'no');
const flagValue = (flag: Flag): boolean | undefined => (flag === 'any' ? undefined : flag === 'yes');
const FLAGS: readonly Flag[] = ['any', 'yes', 'no'];
const VISIBILITY = { any: 'any', yes: 'public', no: 'internal' } as const;
const AUTHOR = { any: 'any', yes: 'customer', no: 'agent' } as const;

/** A comment event with only the flags that are set (JSON keeps no `undefined`, and the round trip stays exact). */
function commentEvent(isPublic: boolean | undefined, byCustomer: boolean | undefined): EventMatcher {
  return { on: 'comment', ...(isPublic === undefined ? {} : { public: isPublic }), ...(byCustomer === undefined ? {} : { byCustomer }) };
}

export interface EventRowProps {
  id: string;
  event: EventMatcher;
  /** The policy's projects, whose workflows the status picker lists. */
  projects: readonly string[];
  fieldOptions: readonly Choice[];
  /** Where the event sits in the configuration (`policies.0.stop.events.1`), for its errors. */
  path: string;
  errors: readonly ConfigProblem[];
  onChange: (event: EventMatcher) => void;
  onRemove: () => void;
}

/** One start or stop event: its kind, then the statuses, the field (and values) or the comment's visibility and author. */
export function EventRow({ id, event, projects, fieldOptions, path, errors, onChange, onRemove }: EventRowProps) {
  const m = useAdminMessages();
  const kinds = KINDS.map((on) => ({ label: m.eventKinds[on], value: on }));
  const at = (part: string) => errorsAt(errors, `${path}.${part}`);
  const rest = errorsElsewhere(errors, path, ['statuses', 'field', 'to'].map((part) => `${path}.${part}`));
  return (
    <Stack space="space.050">
      <Inline space="space.100" alignBlock="end">
        {choiceField(`${id}-kind`, m.eventKind, kinds, event.on, (on) => on !== event.on && onChange(ofKind(event, on)), rest)}
        <Button appearance="subtle" onClick={onRemove}>{m.removeEvent}</Button>
      </Inline>
      {(event.on === 'statusEntered' || event.on === 'statusLeft') && (
        <SitePicker id={`${id}-statuses`} kind="statuses" projects={projects} label={m.eventStatuses} values={event.statuses} onChange={(statuses) => onChange({ on: event.on, statuses })} errors={at('statuses')} />
      )}
      {(event.on === 'fieldSet' || event.on === 'fieldCleared' || event.on === 'fieldChanged') &&
        choiceField(`${id}-field`, m.eventField, fieldOptions, event.field, (field) => onChange({ ...event, field }), at('field'))}
      {event.on === 'fieldChanged' && (
        <ListField
          id={`${id}-to`}
          label={m.changedTo}
          values={event.to ?? []}
          onChange={(to) => onChange(to.length > 0 ? { ...event, to } : { on: event.on, field: event.field })}
          errors={at('to')}
        />
      )}
      {event.on === 'comment' && (
        <Inline space="space.100">
          {choiceField(`${id}-public`, m.commentVisibility, FLAGS.map((flag) => ({ label: m.commentVisibilities[VISIBILITY[flag]], value: flag })), flagOf(event.public), (flag) => onChange(commentEvent(flagValue(flag), event.byCustomer)))}
          {choiceField(`${id}-author`, m.commentAuthor, FLAGS.map((flag) => ({ label: m.commentAuthors[AUTHOR[flag]], value: flag })), flagOf(event.byCustomer), (flag) => onChange(commentEvent(event.public, flagValue(flag))))}
        </Inline>
      )}
    </Stack>
  );
}
