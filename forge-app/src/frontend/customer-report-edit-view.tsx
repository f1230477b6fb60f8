import { Label, Select, Textfield } from '@forge/react';
import type { CustomerReportConfig } from './customer-report-view';
import { useGadgetEdit } from './gadget-edit';

/** The per-customer gadget's edit view: the policy, the projects and how many months. */
export function CustomerReportEdit() {
  const { t, current, set, text, choices, blocked, form } = useGadgetEdit<CustomerReportConfig, { policies: Array<{ id: string; name: string }> }>();
  if (blocked) return blocked;
  const options = (choices?.policies ?? []).map((p) => ({ label: p.name, value: p.id }));
  return form(
    <>
      <Label labelFor="policyId">{t.policy}</Label>
      <Select inputId="policyId" options={options} value={options.find((o) => o.value === current.policyId)} onChange={(o: { value: string }) => set({ policyId: o.value })} />
      <Label labelFor="projects">{t.projects}</Label>
      <Textfield id="projects" value={current.projects ?? ''} onChange={text('projects')} />
      <Label labelFor="months">{t.months}</Label>
      <Textfield id="months" type="number" value={current.months ?? '3'} onChange={text('months')} />
    </>,
  );
}
