import { view } from '@forge/bridge';
import { Button, Form, Label, SectionMessage, Select, Spinner, Stack, Text, Textfield } from '@forge/react';
import { useState } from 'react';
import type { CustomerReportConfig } from './customer-report-view';
import { useAppContext, useResolver } from './hooks';
import { UnlicensedMessage } from './unlicensed';

/** The per-customer gadget's edit view: the policy, the projects and how many months. */
export function CustomerReportEdit() {
  const { context, t } = useAppContext();
  const saved = (context?.extension?.gadgetConfiguration ?? {}) as CustomerReportConfig;
  const choices = useResolver<{ policies: Array<{ id: string; name: string }> }>('getChoices', {});
  const [values, setValues] = useState<CustomerReportConfig>({});
  const current = { ...saved, ...values };
  if (context === undefined || choices.status === 'loading') return <Spinner label={t.loading} />;
  if (choices.status === 'unlicensed') return <UnlicensedMessage t={t} />;
  if (choices.status === 'ready' && 'error' in (choices.data as object)) return <SectionMessage appearance="warning"><Text>{t.forbidden}</Text></SectionMessage>;
  const options = choices.status === 'ready' ? choices.data.policies.map((p) => ({ label: p.name, value: p.id })) : [];
  const text = (field: keyof CustomerReportConfig) => (e: { target: { value?: string } }) => setValues({ ...values, [field]: e.target.value ?? '' });
  return (
    <Form onSubmit={() => view.submit(current)}>
      <Stack space="space.100">
        <Label labelFor="policyId">{t.policy}</Label>
        <Select inputId="policyId" options={options} value={options.find((o) => o.value === current.policyId)} onChange={(o: { value: string }) => setValues({ ...values, policyId: o.value })} />
        <Label labelFor="projects">{t.projects}</Label>
        <Textfield id="projects" value={current.projects ?? ''} onChange={text('projects')} />
        <Label labelFor="months">{t.months}</Label>
        <Textfield id="months" type="number" value={current.months ?? '3'} onChange={text('months')} />
        <Button type="submit" appearance="primary">{t.save}</Button>
      </Stack>
    </Form>
  );
}
