import { view } from '@forge/bridge';
import { Button, Form, SectionMessage, Spinner, Stack, Text } from '@forge/react';
import { type ReactElement, type ReactNode, useState } from 'react';
import type { Messages } from '../i18n/messages';
import { gadgetConfigurationOf } from './gadget-configuration';
import { useAppContext, useResolver } from './hooks';
import { LanguagePicker } from './language-picker';
import { UnlicensedMessage } from './unlicensed';

/** A gadget edit view's state: the saved configuration with the edits made so far, and the choices it offers. */
export interface GadgetEdit<C, Choices> {
  t: Messages;
  current: C;
  set: (change: Partial<C>) => void;
  /** A text field's change handler, for one field of the configuration. */
  text: (field: keyof C) => (e: { target: { value?: string } }) => void;
  /** The resolver's `getChoices` answer; null until it came (or when it failed: the form then offers no names). */
  choices: Choices | null;
  /** What shows instead of the form: loading, an inactive license, or a user who may browse no project; null: the form. */
  blocked: ReactElement | null;
  /**
   * The view around its fields: a form whose Save submits the configuration, then the user's own app language (saved
   * at once, apart from the gadget's configuration).
   */
  form: (fields: ReactNode) => ReactElement;
}

/** What every gadget edit view starts with: its saved configuration, its edits, and `getChoices` with its refusals. */
export function useGadgetEdit<C extends object, Choices extends object>(): GadgetEdit<C, Choices> {
  const app = useAppContext();
  const { context, t } = app;
  const choices = useResolver<Choices | { error: string }>('getChoices', {});
  const [values, setValues] = useState<Partial<C>>({});
  const current = { ...gadgetConfigurationOf<C>(context), ...values } as C;
  const set = (change: Partial<C>) => setValues({ ...values, ...change });
  const text = (field: keyof C) => (e: { target: { value?: string } }) => set({ [field]: e.target.value ?? '' } as Partial<C>);
  // A user who may browse no project gets no configuration names (the resolver answers FORBIDDEN).
  const refused = choices.status === 'ready' && 'error' in choices.data;
  const blocked =
    context === undefined || choices.status === 'loading' ? <Spinner label={t.loading} />
    : choices.status === 'unlicensed' ? <UnlicensedMessage t={t} />
    : refused ? <SectionMessage appearance="warning"><Text>{t.forbidden}</Text></SectionMessage>
    : null;
  const form = (fields: ReactNode) => (
    <Stack space="space.200">
      <Form onSubmit={() => view.submit(current)}>
        <Stack space="space.100">
          {fields}
          <Button type="submit" appearance="primary">{t.save}</Button>
        </Stack>
      </Form>
      <LanguagePicker app={app} />
    </Stack>
  );
  return { t, current, set, text, choices: choices.status === 'ready' && !refused ? (choices.data as Choices) : null, blocked, form };
}
