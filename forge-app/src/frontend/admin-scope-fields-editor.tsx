import { Button, Inline, Label, Stack, Text, Textfield } from '@forge/react';
import type { ConfigProblem } from '../config/problem';
import type { Messages } from '../i18n/messages';
import { type AdminDraft, errorsAt, errorsElsewhere, scopeOfProjects, scopeProjects } from './admin-form';
import { fieldErrors } from './admin-field-errors';
import { useAdminMessages } from './admin-messages-context';
import { SitePicker } from './admin-picker';

interface ScopeAndFieldsEditorProps {
  draft: AdminDraft;
  errors: readonly ConfigProblem[];
  update: (changes: Partial<AdminDraft>) => void;
  t: Messages;
}

/** The admin page's sync scope (projects or JQL) and the Jira fields it reads: request type, team and extra fields. */
export function ScopeAndFieldsEditor({ draft, errors, update, t }: ScopeAndFieldsEditorProps) {
  const m = useAdminMessages();
  return (
    <Stack space="space.100">
      {scopeProjects(draft.scopeJql) !== null && (
        <SitePicker id="scopeProjects" kind="projects" label={m.scopeProjects} values={scopeProjects(draft.scopeJql) ?? []} onChange={(keys) => update({ scopeJql: scopeOfProjects(keys) })} />
      )}
      <Stack space="space.050">
        <Label labelFor="scopeJql">{t.scopeJql}</Label>
        <Textfield id="scopeJql" value={draft.scopeJql} onChange={(e: { target: { value?: string } }) => update({ scopeJql: e.target.value ?? '' })} />
        {fieldErrors(errorsAt(errors, 'sync.scopeJql'))}
      </Stack>
      <SitePicker id="requestTypeField" kind="fields" isMulti={false} label={t.requestTypeField} values={[draft.requestTypeField]} onChange={([field]) => update({ requestTypeField: field ?? '' })} errors={errorsAt(errors, 'fields.requestType')} />
      <SitePicker id="teamField" kind="fields" isMulti={false} label={t.teamField} values={draft.teamField ? [draft.teamField] : []} onChange={([field]) => update({ teamField: field ?? '' })} errors={errorsAt(errors, 'fields.team')} />
      <Text>{m.extraFieldsHint}</Text>
      {draft.extraFields.map((extra, i) => (
        <Inline key={i} space="space.100" alignBlock="end">
          <Stack space="space.050">
            <Label labelFor={`extra-${i}-name`}>{m.extraFieldName}</Label>
            <Textfield id={`extra-${i}-name`} value={extra.name} onChange={(e: { target: { value?: string } }) => update({ extraFields: draft.extraFields.map((x, j) => (j === i ? { ...x, name: e.target.value ?? '' } : x)) })} />
          </Stack>
          <SitePicker id={`extra-${i}-field`} kind="fields" isMulti={false} label={m.extraFieldJira} values={extra.field ? [extra.field] : []} onChange={([field]) => update({ extraFields: draft.extraFields.map((x, j) => (j === i ? { ...x, field: field ?? '' } : x)) })} errors={errorsAt(errors, `fields.extra.${extra.name}`)} />
          <Button appearance="subtle" onClick={() => update({ extraFields: draft.extraFields.filter((_, j) => j !== i) })}>{m.remove}</Button>
        </Inline>
      ))}
      <Button onClick={() => update({ extraFields: [...draft.extraFields, { name: '', field: '' }] })}>{m.addExtraField}</Button>
      {fieldErrors(errorsElsewhere(errors, 'fields', ['fields.requestType', 'fields.team', ...draft.extraFields.map((x) => `fields.extra.${x.name}`)]))}
    </Stack>
  );
}
