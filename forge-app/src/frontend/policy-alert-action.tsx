import { Button, Inline, Label, Select, Stack, UserPicker, type UserPickerValue } from '@forge/react';
import type { AlertAction } from '../../../core';
import type { ConfigProblem } from '../config/problem';
import { errorsAt, errorsElsewhere } from './admin-form';
import { fieldErrors } from './admin-field-errors';
import { useAdminMessages } from './admin-messages-context';
import { SitePicker } from './admin-picker';
import { type Choice, choiceField, textField } from './policy-fields';

type Kind = AlertAction['do'];
type Recipient = Extract<AlertAction, { do: 'notify' }>['to'][number];
const KINDS: readonly Kind[] = ['notify', 'comment', 'setField'];
const RECIPIENTS: readonly Recipient[] = ['assignee', 'reporter', 'watchers'];

/** A fresh action of a kind: the assignee notified, an empty comment, the priority to set. */
const actionOf = (kind: Kind): AlertAction => (kind === 'notify' ? { do: kind, to: ['assignee'] } : kind === 'comment' ? { do: kind, text: '' } : { do: kind, field: 'priority', value: '' });

/** UI Kit's UserPicker hands back one user, or null when cleared (https://developer.atlassian.com/platform/forge/ui-kit/components/user-picker/). */
const accountIdOf = (chosen: UserPickerValue | UserPickerValue[] | null | undefined): string => (Array.isArray(chosen) ? chosen[0]?.id : chosen?.id) ?? '';

export interface AlertActionRowProps {
  id: string;
  action: AlertAction;
  /** Where the action sits in the configuration (`policies.0.alerts.onBreach.1`). */
  path: string;
  errors: readonly ConfigProblem[];
  onChange: (action: AlertAction) => void;
  onRemove: () => void;
}

/** One action at the warning or the breach: notify recipients, an internal comment, or a new priority or assignee. */
export function AlertActionRow({ id, action, path, errors, onChange, onRemove }: AlertActionRowProps) {
  const m = useAdminMessages();
  const at = (part: string) => errorsAt(errors, `${path}.${part}`);
  const rest = errorsElsewhere(errors, path, ['to', 'text', 'field', 'value'].map((part) => `${path}.${part}`));
  const recipients: Array<Choice<Recipient>> = RECIPIENTS.map((to) => ({ label: m.recipients[to], value: to }));
  return (
    <Stack space="space.050">
      <Inline space="space.100" alignBlock="end">
        {choiceField(`${id}-kind`, m.actionKind, KINDS.map((kind) => ({ label: m.actionKinds[kind], value: kind })), action.do, (kind) => kind !== action.do && onChange(actionOf(kind)), rest)}
        <Button appearance="subtle" onClick={onRemove}>{m.removeAction}</Button>
      </Inline>
      {action.do === 'notify' && (
        <Stack space="space.050">
          <Label labelFor={`${id}-to`}>{m.notifyTo}</Label>
          <Select inputId={`${id}-to`} isMulti options={recipients} value={recipients.filter((r) => action.to.includes(r.value))} onChange={(chosen: Array<Choice<Recipient>> | null) => onChange({ do: 'notify', to: (chosen ?? []).map((r) => r.value) })} />
          {fieldErrors(at('to'))}
        </Stack>
      )}
      {action.do === 'comment' && textField(`${id}-text`, m.commentText, action.text, (text) => onChange({ do: 'comment', text }), at('text'))}
      {action.do === 'setField' && (
        <Inline space="space.100" alignBlock="end">
          {choiceField(`${id}-field`, m.setFieldName, (['priority', 'assignee'] as const).map((field) => ({ label: m.ticketFields[field], value: field })), action.field, (field) => field !== action.field && onChange({ do: 'setField', field, value: '' }), at('field'))}
          {action.field === 'priority' ? (
            <SitePicker id={`${id}-value`} kind="priorities" isMulti={false} label={m.newPriority} values={action.value ? [action.value] : []} onChange={(values) => onChange({ ...action, value: values[0] ?? '' })} errors={at('value')} />
          ) : (
            <Stack space="space.050">
              <UserPicker name={`${id}-value`} label={m.newAssignee} defaultValue={action.value || undefined} onChange={(chosen) => onChange({ ...action, value: accountIdOf(chosen) })} />
              {fieldErrors(at('value'))}
            </Stack>
          )}
        </Inline>
      )}
    </Stack>
  );
}
