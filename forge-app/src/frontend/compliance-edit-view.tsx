import { Label, Select, TextArea, Textfield } from '@forge/react';
import { GROUP_FIELDS } from '../model/group-fields';
import type { ComplianceGadgetConfig } from './compliance-view';
import { useGadgetEdit } from './gadget-edit';

interface Choices {
  policies: Array<{ id: string; name: string }>;
  /** JSM SLA metric names the sync has seen. */
  jsmMetrics?: string[];
}

type Option = { label: string; value: string };

/**
 * The gadget's edit view: which SLA (an app policy, or a JSM SLA metric by name), which issues (projects or JQL),
 * grouping, and the trend's period and how many periods back.
 */
export function ComplianceGadgetEdit() {
  const { t, current, set, text, choices, blocked, form } = useGadgetEdit<ComplianceGadgetConfig, Choices>();
  if (blocked) return blocked;
  const pick = (field: keyof ComplianceGadgetConfig) => (o: Option) => set({ [field]: o.value });
  const selected = (options: Option[], value: string | undefined) => options.find((o) => o.value === value);

  const policyOptions = (choices?.policies ?? []).map((p) => ({ label: p.name, value: p.id }));
  const jsmOptions = (choices?.jsmMetrics ?? []).map((name) => ({ label: name, value: name }));
  const sourceOptions = [{ label: t.sourcePolicy, value: 'policy' }, { label: t.sourceJsm, value: 'jsm' }];
  const scopeOptions = [{ label: t.scopeProjects, value: 'projects' }, { label: t.scopeJqlOption, value: 'jql' }];
  const groupOptions = [{ label: t.none, value: '' }, ...GROUP_FIELDS.map((f) => ({ label: f === 'organization' ? t.organization : f, value: f }))];
  const periodOptions = [{ label: t.periodWeek, value: 'week' }, { label: t.periodMonth, value: 'month' }, { label: t.periodQuarter, value: 'quarter' }];
  const source = current.source === 'jsm' ? 'jsm' : 'policy';
  const scope = current.scope === 'jql' ? 'jql' : 'projects';
  return form(
    <>
      <Label labelFor="source">{t.source}</Label>
      <Select inputId="source" options={sourceOptions} value={selected(sourceOptions, source)} onChange={pick('source')} />
      {source === 'policy' ? (
        <>
          <Label labelFor="policyId">{t.policy}</Label>
          <Select inputId="policyId" options={policyOptions} value={selected(policyOptions, current.policyId)} onChange={pick('policyId')} />
        </>
      ) : jsmOptions.length > 0 ? (
        <>
          <Label labelFor="jsmMetric">{t.jsmMetric}</Label>
          <Select inputId="jsmMetric" options={jsmOptions} value={selected(jsmOptions, current.jsmMetric)} onChange={pick('jsmMetric')} />
        </>
      ) : (
        <>
          <Label labelFor="jsmMetric">{t.jsmMetricName}</Label>
          <Textfield id="jsmMetric" value={current.jsmMetric ?? ''} onChange={text('jsmMetric')} />
        </>
      )}
      <Label labelFor="scope">{t.scope}</Label>
      <Select inputId="scope" options={scopeOptions} value={selected(scopeOptions, scope)} onChange={pick('scope')} />
      {scope === 'projects' ? (
        <>
          <Label labelFor="projects">{t.projects}</Label>
          <Textfield id="projects" value={current.projects ?? ''} onChange={text('projects')} />
        </>
      ) : (
        <>
          <Label labelFor="jql">{t.jql}</Label>
          <TextArea id="jql" value={current.jql ?? ''} onChange={text('jql')} />
        </>
      )}
      <Label labelFor="groupBy">{t.groupBy}</Label>
      <Select inputId="groupBy" options={groupOptions} value={selected(groupOptions, current.groupBy ?? '')} onChange={pick('groupBy')} />
      <Label labelFor="period">{t.period}</Label>
      <Select inputId="period" options={periodOptions} value={selected(periodOptions, current.period ?? 'week')} onChange={pick('period')} />
      <Label labelFor="periods">{t.periods}</Label>
      <Textfield id="periods" type="number" value={current.periods ?? '12'} onChange={text('periods')} />
    </>,
  );
}
