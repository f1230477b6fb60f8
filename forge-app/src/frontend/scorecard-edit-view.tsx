import { view } from '@forge/bridge';
import { Button, Form, Label, SectionMessage, Select, Spinner, Stack, Text, TextArea, Textfield } from '@forge/react';
import { useState } from 'react';
import { useAppContext, useResolver } from './hooks';
import { UnlicensedMessage } from './unlicensed';
import { SCORECARD_PERIODS } from '../config/scorecards';
import type { ScorecardGadgetConfig } from './scorecard-view';

interface Choices {
  scorecards: Array<{ id: string; name: string; kpis: Array<{ id: string; name: string }> }>;
}

/** The scorecard gadget's edit view: the scorecard, the projects, the month and its period, and any source overrides. */
export function ScorecardGadgetEdit() {
  const { context, t } = useAppContext();
  const saved = (context?.extension?.gadgetConfiguration ?? {}) as ScorecardGadgetConfig;
  const choices = useResolver<Choices>('getChoices', {});
  const [values, setValues] = useState<ScorecardGadgetConfig>({});
  const current = { ...saved, ...values };
  if (context === undefined || choices.status === 'loading') return <Spinner label={t.loading} />;
  if (choices.status === 'unlicensed') return <UnlicensedMessage t={t} />;
  // A user who may browse no project gets no configuration names (the resolver answers FORBIDDEN).
  if (choices.status === 'ready' && 'error' in (choices.data as object)) return <SectionMessage appearance="warning"><Text>{t.forbidden}</Text></SectionMessage>;
  const options = choices.status === 'ready' ? choices.data.scorecards.map((s) => ({ label: s.name, value: s.id })) : [];
  const periods = SCORECARD_PERIODS.map((period) => ({ label: t.scorecardPeriods[period], value: period }));
  const text = (field: keyof ScorecardGadgetConfig) => (e: { target: { value?: string } }) => setValues({ ...values, [field]: e.target.value ?? '' });
  return (
    <Form onSubmit={() => view.submit(current)}>
      <Stack space="space.100">
        <Label labelFor="scorecardId">{t.scorecard}</Label>
        <Select inputId="scorecardId" options={options} value={options.find((o) => o.value === current.scorecardId)} onChange={(o: { value: string }) => setValues({ ...values, scorecardId: o.value })} />
        <Label labelFor="projects">{t.projects}</Label>
        <Textfield id="projects" value={current.projects ?? ''} onChange={text('projects')} />
        <Label labelFor="month">{t.month}</Label>
        <Textfield id="month" value={current.month ?? ''} onChange={text('month')} />
        <Label labelFor="period">{t.period}</Label>
        <Select inputId="period" options={periods} value={periods.find((o) => o.value === (current.period ?? 'month'))} onChange={(o: { value: string }) => setValues({ ...values, period: o.value })} />
        <Label labelFor="sources">{t.sources}</Label>
        <TextArea id="sources" value={current.sources ?? ''} onChange={text('sources')} />
        <Button type="submit" appearance="primary">{t.save}</Button>
      </Stack>
    </Form>
  );
}
