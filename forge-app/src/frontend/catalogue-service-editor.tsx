import { Button, Heading, Inline, Label, Select, Stack, TextArea } from '@forge/react';
import type { MarketMessages } from '../i18n/market-messages';
import { fieldErrors } from './admin-field-errors';
import { SitePicker } from './admin-picker';
import type { CreditTierDraft, ServiceDraft } from './catalogue-form';
import { PercentField, textField } from './policy-fields';

interface ServiceEditorProps {
  index: number;
  service: ServiceDraft;
  policyIds: readonly string[];
  /** The errors of this service from the last save, by field (`price.perRequest`, `credits.0.below`). */
  errorsAt: (field: string) => string[];
  m: MarketMessages;
  onChange: (service: ServiceDraft) => void;
  onRemove: () => void;
}

/** One credit tier: below which compliance, what share of the charge is credited back. */
function TierRow({ id, tier, m, errors, onChange, onRemove }: { id: string; tier: CreditTierDraft; m: MarketMessages; errors: (field: string) => string[]; onChange: (tier: CreditTierDraft) => void; onRemove: () => void }) {
  return (
    <Inline space="space.100" alignBlock="end">
      <PercentField id={`${id}-below`} label={m.below} value={tier.below} onChange={(below) => onChange({ ...tier, below })} errors={errors('below')} />
      <PercentField id={`${id}-credit`} label={m.creditPercent} value={tier.credit} onChange={(credit) => onChange({ ...tier, credit })} errors={errors('credit')} />
      <Button appearance="subtle" onClick={onRemove}>{m.removeTier}</Button>
    </Inline>
  );
}

/** A service of the catalogue: who provides it, which request types it takes, its policy, price and credit tiers. */
export function CatalogueServiceEditor({ index, service, policyIds, errorsAt, m, onChange, onRemove }: ServiceEditorProps) {
  const id = `service-${index}`;
  const set = (change: Partial<ServiceDraft>) => onChange({ ...service, ...change });
  const policies = policyIds.map((p) => ({ label: p, value: p }));
  const chosenBy = [{ label: m.byRequestType, value: 'requestType' }, { label: m.byJql, value: 'jql' }];
  const setTier = (i: number, tier: CreditTierDraft) => set({ credits: service.credits.map((t, j) => (j === i ? tier : t)) });
  return (
    <Stack space="space.100">
      <Heading size="small">{service.name || service.id}</Heading>
      {textField(`${id}-id`, m.serviceId, service.id, (value) => set({ id: value }), errorsAt('id'))}
      {textField(`${id}-name`, m.serviceName, service.name, (name) => set({ name }), errorsAt('name'))}
      {textField(`${id}-provider`, m.provider, service.provider, (provider) => set({ provider }), errorsAt('provider'))}
      <Label labelFor={`${id}-chosen-by`}>{m.chosenBy}</Label>
      <Select inputId={`${id}-chosen-by`} options={chosenBy} value={chosenBy[service.jql === null ? 0 : 1]} onChange={(o: { value: string }) => set({ jql: o.value === 'jql' ? (service.jql ?? '') : null })} />
      {service.jql === null ? (
        <SitePicker id={`${id}-types`} kind="requestTypes" label={m.requestTypes} values={service.requestTypes} onChange={(requestTypes) => set({ requestTypes })} errors={errorsAt('when')} />
      ) : (
        <Stack space="space.050">
          <Label labelFor={`${id}-jql`}>{m.jql}</Label>
          <TextArea id={`${id}-jql`} value={service.jql} onChange={(e: { target: { value?: string } }) => set({ jql: e.target.value ?? '' })} />
          {fieldErrors(errorsAt('jql'))}
        </Stack>
      )}
      <Label labelFor={`${id}-policy`}>{m.policy}</Label>
      <Select inputId={`${id}-policy`} options={policies} value={policies.find((o) => o.value === service.policy) ?? null} onChange={(o: { value: string }) => set({ policy: o.value })} />
      <PercentField id={`${id}-agreed`} label={m.agreedPercent} value={service.agreed} onChange={(agreed) => set({ agreed })} errors={errorsAt('agreed')} />
      {textField(`${id}-per-request`, m.perRequest, service.perRequest, (perRequest) => set({ perRequest }), errorsAt('price.perRequest'))}
      {textField(`${id}-monthly`, m.monthlyCost, service.monthlyCost, (monthlyCost) => set({ monthlyCost }), errorsAt('price.monthlyCost'))}
      <Label labelFor={`${id}-tier-0-below`}>{m.creditTiers}</Label>
      {service.credits.map((tier, i) => (
        <TierRow key={i} id={`${id}-tier-${i}`} tier={tier} m={m} errors={(field) => errorsAt(`credits.${i}.${field}`)} onChange={(t) => setTier(i, t)} onRemove={() => set({ credits: service.credits.filter((_, j) => j !== i) })} />
      ))}
      <Inline space="space.100">
        <Button onClick={() => set({ credits: [...service.credits, { below: undefined, credit: undefined }] })}>{m.addTier}</Button>
        <Button appearance="subtle" onClick={onRemove}>{m.removeService}</Button>
      </Inline>
      <PercentField id={`${id}-cap`} label={m.creditCap} value={service.creditCap} onChange={(creditCap) => set({ creditCap })} errors={errorsAt('creditCap')} />
    </Stack>
  );
}
