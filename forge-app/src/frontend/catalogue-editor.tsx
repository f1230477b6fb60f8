import { invoke } from '@forge/bridge';
import { Button, Heading, Label, SectionMessage, Select, Stack, Text } from '@forge/react';
import { useEffect, useState } from 'react';
import type { MarketMessages } from '../i18n/market-messages';
import type { CatalogueProblem } from '../config/catalogue-store';
import { fieldErrors } from './admin-field-errors';
import { type CatalogueDraft, catalogueDraftOf, catalogueOf, newService } from './catalogue-form';
import { CatalogueServiceEditor } from './catalogue-service-editor';
import { useResolver } from './hooks';

/** The problem as the server answers it: in the caller's language, without its code. */
type SaveAnswer = { ok: true } | { ok: false; problem: Pick<CatalogueProblem, 'field' | 'message'> } | { error: string; message: string };

/** ISO 4217 codes offered; a stored code outside the list still shows. */
const CURRENCIES = ['VND', 'USD', 'EUR', 'JPY', 'SGD', 'THB', 'KRW', 'CNY', 'GBP'];
const CUSTOMER_FIELDS = ['organization', 'team', 'requestType', 'priority', 'assignee'];

/**
 * The internal market's service catalogue on the admin page: currency, the customer field, and each service with its
 * pickers (request types, policy); saved on its own, checked by the core against the saved configuration's policies,
 * the error shown under the field it names.
 */
export function CatalogueEditor({ policyIds, m }: { policyIds: readonly string[]; m: MarketMessages }) {
  const loaded = useResolver<{ catalogue: unknown } | { error: string }>('getCatalogue', {});
  const [draft, setDraft] = useState<CatalogueDraft | null>(null);
  const [answer, setAnswer] = useState<SaveAnswer | null>(null);
  // A refusal (not an admin, no license) or no answer leaves the section out; the page says why elsewhere.
  const data = loaded.status === 'ready' ? (loaded.data as unknown) : undefined;
  const stored = typeof data === 'object' && data !== null && 'catalogue' in data ? (data).catalogue : undefined;
  useEffect(() => {
    if (stored !== undefined) setDraft(catalogueDraftOf(stored));
  }, [stored]);
  if (draft === null) return null;
  const update = (change: Partial<CatalogueDraft>) => setDraft({ ...draft, ...change });
  const problem = answer !== null && 'ok' in answer && !answer.ok ? answer.problem : null;
  const errorsAt = (path: string) => (problem !== null && problem.field === path ? [problem.message] : []);
  const option = (value: string, label = value) => ({ value, label });
  const currencies = [...new Set([...CURRENCIES, draft.currency])].map((c) => option(c));
  const customers = [...new Set([...CUSTOMER_FIELDS, draft.customer])].map((f) => option(f, m.customerFields[f] ?? f));
  const save = async () => setAnswer((await invoke<SaveAnswer>('saveCatalogue', { catalogue: catalogueOf(draft) })) as SaveAnswer);
  const shown = ['currency', 'customer', 'services', ...draft.services.map((_, i) => `services.${i}.`)];
  const elsewhere = problem !== null && !shown.some((p) => problem.field === p || problem.field.startsWith(p)) ? [problem.message] : [];
  return (
    <Stack space="space.150">
      <Heading size="medium">{m.catalogueTitle}</Heading>
      <Label labelFor="catalogue-currency">{m.currency}</Label>
      <Select inputId="catalogue-currency" options={currencies} value={option(draft.currency)} onChange={(o: { value: string }) => update({ currency: o.value })} />
      {fieldErrors(errorsAt('currency'))}
      <Label labelFor="catalogue-customer">{m.customerField}</Label>
      <Select inputId="catalogue-customer" options={customers} value={customers.find((o) => o.value === draft.customer)} onChange={(o: { value: string }) => update({ customer: o.value })} />
      {draft.services.map((service, i) => (
        <CatalogueServiceEditor
          key={i}
          index={i}
          service={service}
          policyIds={policyIds}
          errorsAt={(field) => errorsAt(`services.${i}.${field}`)}
          m={m}
          onChange={(changed) => update({ services: draft.services.map((s, j) => (j === i ? changed : s)) })}
          onRemove={() => update({ services: draft.services.filter((_, j) => j !== i) })}
        />
      ))}
      {fieldErrors([...errorsAt('services'), ...elsewhere])}
      <Button onClick={() => update({ services: [...draft.services, newService(`service-${draft.services.length + 1}`, policyIds[0] ?? '')] })}>{m.addService}</Button>
      <Button appearance="primary" onClick={() => void save().catch((error: unknown) => setAnswer({ error: 'FAILED', message: String(error) }))}>{m.saveCatalogue}</Button>
      {answer !== null && 'ok' in answer && answer.ok && <SectionMessage appearance="success"><Text>{m.catalogueSaved}</Text></SectionMessage>}
      {answer !== null && 'error' in answer && <SectionMessage appearance="error"><Text>{answer.message}</Text></SectionMessage>}
    </Stack>
  );
}
