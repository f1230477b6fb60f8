import { ErrorMessage, Label, Select, Stack } from '@forge/react';
import { useState } from 'react';
import type { LanguageChoice } from '../i18n/language';
import type { AppContext, LanguageScope } from './hooks';

type Option = { label: string; value: string };

/** "Not chosen" as an option value (Select options carry strings). */
const UNSET = 'unset';

/** One language choice, saved as soon as it is picked; the view re-renders in the language it resolves to. */
function LanguageSelect({ app, scope }: { app: AppContext; scope: LanguageScope }) {
  const { t, settings, changeLanguage } = app;
  const [failed, setFailed] = useState(false);
  const options: Option[] = [
    { label: scope === 'user' ? t.languageUnsetUser : t.languageUnsetSite, value: UNSET },
    // Each language under its own name, so a user who cannot read the current one still finds theirs.
    { label: 'English', value: 'en' },
    { label: 'Tiếng Việt', value: 'vi' },
  ];
  const current = settings?.[scope] ?? UNSET;
  const id = `app-language-${scope}`;
  const pick = (option: Option) => {
    const choice = (option.value === UNSET ? null : option.value) as LanguageChoice;
    void changeLanguage(scope, choice).then((ok) => setFailed(!ok), () => setFailed(true));
  };
  return (
    <Stack space="space.050">
      <Label labelFor={id}>{scope === 'user' ? t.languageUser : t.languageSite}</Label>
      <Select inputId={id} options={options} value={options.find((o) => o.value === current)} onChange={pick} />
      {failed && <ErrorMessage>{t.languageNotSaved}</ErrorMessage>}
    </Stack>
  );
}

/** The user's own app language (gadget edit views); on the admin page also the site default. */
export function LanguagePicker({ app, site = false }: { app: AppContext; site?: boolean }) {
  return (
    <Stack space="space.100">
      {site && <LanguageSelect app={app} scope="site" />}
      <LanguageSelect app={app} scope="user" />
    </Stack>
  );
}
