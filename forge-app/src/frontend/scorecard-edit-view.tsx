import { Label, Select, TextArea, Textfield } from '@forge/react';
import { SCORECARD_PERIODS } from '../model/periods';
import { useGadgetEdit } from './gadget-edit';
import type { ScorecardGadgetConfig } from './scorecard-view';

interface Choices {
  scorecards: Array<{ id: string; name: string; kpis: Array<{ id: string; name: string }> }>;
}

/** The scorecard gadget's edit view: the scorecard, the projects, the month and its period, and any source overrides. */
export function ScorecardGadgetEdit() {
  const { t, current, set, text, choices, blocked, form } = useGadgetEdit<ScorecardGadgetConfig, Choices>();
  if (blocked) return blocked;
  const options = (choices?.scorecards ?? []).map((s) => ({ label: s.name, value: s.id }));
  const periods = SCORECARD_PERIODS.map((period) => ({ label: t.scorecardPeriods[period], value: period }));
  return form(
    <>
      <Label labelFor="scorecardId">{t.scorecard}</Label>
      <Select inputId="scorecardId" options={options} value={options.find((o) => o.value === current.scorecardId)} onChange={(o: { value: string }) => set({ scorecardId: o.value })} />
      <Label labelFor="projects">{t.projects}</Label>
      <Textfield id="projects" value={current.projects ?? ''} onChange={text('projects')} />
      <Label labelFor="month">{t.month}</Label>
      <Textfield id="month" value={current.month ?? ''} onChange={text('month')} />
      <Label labelFor="period">{t.period}</Label>
      <Select inputId="period" options={periods} value={periods.find((o) => o.value === (current.period ?? 'month'))} onChange={(o: { value: string }) => set({ period: o.value })} />
      <Label labelFor="sources">{t.sources}</Label>
      <TextArea id="sources" value={current.sources ?? ''} onChange={text('sources')} />
    </>,
  );
}
