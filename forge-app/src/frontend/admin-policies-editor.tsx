import { Button, Stack } from '@forge/react';
import type { ConfigProblem } from '../config/problem';
import { type AdminDraft, freshName } from './admin-form';
import { useAdminMessages } from './admin-messages-context';
import { PolicyEditor, type PolicyEditorProps } from './policy-editor';

interface PoliciesEditorProps {
  draft: AdminDraft;
  errors: readonly ConfigProblem[];
  update: (changes: Partial<AdminDraft>) => void;
  locale: string | undefined;
  timeZone: string | undefined;
  tryContext: PolicyEditorProps['tryContext'];
}

/** The admin page's SLA policies: one editor each, and a button that adds one on the first calendar. */
export function PoliciesEditor({ draft, errors, update, locale, timeZone, tryContext }: PoliciesEditorProps) {
  const m = useAdminMessages();
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
      <Button
        onClick={() =>
          update({ policies: [...draft.policies, { id: freshName('policy', draft.policies.map((p) => p.id)), name: '', stop: { statuses: [], resolutionSet: true }, goals: [{ target: '8h', calendar: calendarNames[0] ?? '' }] }] })
        }
      >
        {m.addPolicy}
      </Button>
    </Stack>
  );
}
