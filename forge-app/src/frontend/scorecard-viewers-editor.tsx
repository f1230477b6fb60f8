import { ErrorMessage, Heading, Label, Stack, Textfield, UserPicker, type UserPickerValue } from '@forge/react';
import { useState } from 'react';
import type { ConfigProblem } from '../config/problem';
import type { ScorecardEditorMessages } from '../i18n/scorecard-editor-messages';
import { SitePicker } from './admin-picker';
import type { EditCard } from './scorecard-tree-ops';

/** The viewer list as saved: every part present (the stored input may leave any out). */
type Viewers = Record<'accounts' | 'groups' | 'projects', string[]>;

/** Group ids as typed: comma-separated, blanks dropped. */
const groupIdsOf = (text: string): string[] => text.split(',').map((id) => id.trim()).filter(Boolean);

/**
 * UI Kit's UserPicker hands back one user, or with `isMulti` the list of them (empty or null when cleared):
 * https://developer.atlassian.com/platform/forge/ui-kit/components/user-picker/
 */
const accountIdsOf = (chosen: UserPickerValue | UserPickerValue[] | null | undefined): string[] =>
  chosen === null || chosen === undefined ? [] : (Array.isArray(chosen) ? chosen : [chosen]).map((user) => user.id);

export interface ScorecardViewersEditorProps {
  card: EditCard;
  /** The scorecard's place in the saved list, for its fields' ids and error paths (`scorecards.<i>.viewers…`). */
  index: number;
  onChange: (card: EditCard) => void;
  errors: readonly ConfigProblem[];
  m: ScorecardEditorMessages;
}

/** Who may see a scorecard besides admins and its owner: people, groups, and anyone who may browse a listed project. */
export function ScorecardViewersEditor({ card, index, onChange, errors, m }: ScorecardViewersEditorProps) {
  const at = `scorecards.${index}.viewers`;
  const viewers: Viewers = { accounts: card.viewers?.accounts ?? [], groups: card.viewers?.groups ?? [], projects: card.viewers?.projects ?? [] };
  const set = (patch: Partial<Viewers>) => onChange({ ...card, viewers: { ...viewers, ...patch } });
  // The groups as typed (a trailing comma stays while typing); the saved list is the ids in it.
  const [groupsText, setGroupsText] = useState(viewers.groups.join(', '));
  /** The check's problems at a field or inside it (a list's item named by its place: `0: …`). */
  const problemsAt = (path: string): string[] =>
    errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`)).map((e) => (e.path === path ? e.message : `${e.path.slice(path.length + 1)}: ${e.message}`));
  const errorsUnder = (path: string) => problemsAt(path).map((text) => <ErrorMessage key={text}>{text}</ErrorMessage>);
  return (
    <Stack space="space.100">
      <Heading size="small">{m.viewers}</Heading>
      <UserPicker name={`${at}.accounts`} label={m.viewerPeople} isMulti defaultValue={viewers.accounts} onChange={(chosen) => set({ accounts: accountIdsOf(chosen) })} />
      {errorsUnder(`${at}.accounts`)}
      <Stack space="space.050">
        <Label labelFor={`${at}.groups`}>{m.viewerGroups}</Label>
        <Textfield
          id={`${at}.groups`}
          value={groupsText}
          onChange={(e: { target: { value?: string } }) => {
            setGroupsText(e.target.value ?? '');
            set({ groups: groupIdsOf(e.target.value ?? '') });
          }}
        />
        {errorsUnder(`${at}.groups`)}
      </Stack>
      <SitePicker id={`${at}.projects`} kind="projects" label={m.viewerProjects} values={viewers.projects} onChange={(projects) => set({ projects })} errors={problemsAt(`${at}.projects`)} />
    </Stack>
  );
}
