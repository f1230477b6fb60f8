import { Stack } from '@forge/react';
import type { ConfigProblem } from '../config/problem';
import { type AdminDraft, freshName } from './admin-form';
import { PolicyAddButtons } from './policy-add-buttons';
import { PolicyEditor, type PolicyEditorProps } from './policy-editor';

interface PoliciesEditorProps {
  draft: AdminDraft;
  errors: readonly ConfigProblem[];
  update: (changes: Partial<AdminDraft>) => void;
  locale: string | undefined;
  timeZone: string | undefined;
  tryContext: PolicyEditorProps['tryContext'];
}

/** The admin page's SLA policies: one editor each, and buttons that add one (blank, or JSM's two metrics). */
export function PoliciesEditor({ draft, errors, update, locale, timeZone, tryContext }: PoliciesEditorProps) {
  const calendarNames = draft.calendars.map((c) => c.name);
  return (
    <Stack space="space.200">
      {draft.policies.map((policy, i) => (
        <PolicyEditor
          key={i}
          index={i}
          policy={policy}
          calendarNames={calendarNames}
          dateFields={draft.extraFields.map((x) => x.name).filter(Boolean)}
          errors={errors}
          locale={locale}
          timeZone={timeZone}
          onChange={(changed) => update({ policies: draft.policies.map((p, j) => (j === i ? changed : p)) })}
          onRemove={() => update({ policies: draft.policies.filter((_, j) => j !== i) })}
          tryContext={tryContext}
        />
      ))}
      <PolicyAddButtons policies={draft.policies} calendarNames={calendarNames} freshId={freshName} onAdd={(policy) => update({ policies: [...draft.policies, policy] })} />
    </Stack>
  );
}
