import { view } from '@forge/bridge';
import { Button, Form, Label, Select, Spinner, Stack, Textfield } from '@forge/react';
import { useState } from 'react';
import { GROUP_FIELDS } from '../storage/aggregates';
import type { ComplianceGadgetConfig } from './compliance-view';
import { useAppContext, useResolver } from './hooks';

interface Choices {
  policies: Array<{ id: string; name: string }>;
}

/** The gadget's edit view: which SLA (an app policy or a JSM SLA by name), which projects, grouping and window. */
export function ComplianceGadgetEdit() {
  const { context, t } = useAppContext();
  const saved = (context?.extension?.gadgetConfiguration ?? {}) as ComplianceGadgetConfig;
  const choices = useResolver<Choices>('getChoices', {});
  const [values, setValues] = useState<ComplianceGadgetConfig>({});
  const current = { ...saved, ...values };
  if (context === undefined || choices.status === 'loading') return <Spinner label={t.loading} />;
  const policyOptions = choices.status === 'ready' ? choices.data.policies.map((p) => ({ label: p.name, value: p.id })) : [];
  const groupOptions = [{ label: t.none, value: '' }, ...GROUP_FIELDS.map((f) => ({ label: f, value: f }))];
  return (
    <Form onSubmit={() => view.submit(current)}>
      <Stack space="space.100">
        <Label labelFor="policyId">{t.policy}</Label>
        <Select inputId="policyId" options={policyOptions} value={policyOptions.find((o) => o.value === current.policyId)} onChange={(o: { value: string }) => setValues({ ...values, policyId: o.value })} />
        <Label labelFor="projects">{t.projects}</Label>
        <Textfield id="projects" value={current.projects ?? ''} onChange={(e: { target: { value?: string } }) => setValues({ ...values, projects: e.target.value ?? '' })} />
        <Label labelFor="groupBy">{t.groupBy}</Label>
        <Select inputId="groupBy" options={groupOptions} value={groupOptions.find((o) => o.value === (current.groupBy ?? ''))} onChange={(o: { value: string }) => setValues({ ...values, groupBy: o.value })} />
        <Label labelFor="weeks">{t.weeks}</Label>
        <Textfield id="weeks" type="number" value={current.weeks ?? '12'} onChange={(e: { target: { value?: string } }) => setValues({ ...values, weeks: e.target.value ?? '' })} />
        <Button type="submit" appearance="primary">{t.save}</Button>
      </Stack>
    </Form>
  );
}
