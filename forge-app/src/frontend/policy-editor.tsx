import { Button, Heading, Inline, Label, Select, Stack, Text } from '@forge/react';
import type { SlaPolicyInput } from '../../../core';
import type { ConfigProblem } from '../config/problem';
import { useAdminMessages } from './admin-messages-context';
import { conditionValues, errorsAt, errorsElsewhere, withCondition } from './admin-form';
import { fieldErrors } from './admin-field-errors';
import { SitePicker } from './admin-picker';
import { AlertsEditor } from './policy-alerts';
import { ClockFields } from './policy-clock-fields';
import { PercentField, targetText, textField } from './policy-fields';
import { JqlField } from './policy-jql-field';
import { TryOnIssue } from './policy-try-on-issue';

type Goal = SlaPolicyInput['goals'][number];

export interface PolicyEditorProps {
  index: number;
  policy: SlaPolicyInput;
  calendarNames: readonly string[];
  /** The extra fields of the field map: a retroactive start reads one of them, conditions may test any. */
  dateFields: readonly string[];
  errors: readonly ConfigProblem[];
  locale: string | undefined;
  timeZone: string | undefined;
  onChange: (policy: SlaPolicyInput) => void;
  onRemove: () => void;
  /** The rest of the draft "try on issue" needs: the calendar texts and the field map being edited. */
  tryContext: () => { calendars: Record<string, string>; fields: unknown };
}

/**
 * One SLA policy: which tickets (projects, request types, JQL), when its clock starts, pauses and stops (statuses,
 * events, fields that hold values), its goals per priority, request type and JQL, each on a calendar, and its warning
 * line and actions; errors at their fields.
 */
export function PolicyEditor({ index, policy, calendarNames, dateFields, errors, locale, timeZone, onChange, onRemove, tryContext }: PolicyEditorProps) {
  const m = useAdminMessages();
  const path = `policies.${index}`;
  const id = (part: string) => `policy-${index}-${part}`;
  const at = (part: string) => errorsAt(errors, `${path}.${part}`);
  const set = (changes: Partial<SlaPolicyInput>) => onChange({ ...policy, ...changes });
  const projects = conditionValues(policy.appliesTo, 'project');
  const goals = policy.goals ?? [];
  const setGoal = (g: number, changes: Partial<Goal>) => set({ goals: goals.map((goal, i) => (i === g ? { ...goal, ...changes } : goal)) });
  const shown = ['id', 'name', 'appliesTo', 'jql', 'start', 'pause', 'stop', 'alerts', 'agreedCompliance', 'amberMargin', ...goals.map((_, g) => `goals.${g}`)].map((p) => `${path}.${p}`);
  return (
    <Stack space="space.150">
      <Inline space="space.100" alignBlock="center">
        <Heading size="small">{policy.name || policy.id || m.newPolicy}</Heading>
        <Button appearance="subtle" onClick={onRemove}>{m.removePolicy}</Button>
      </Inline>
      {fieldErrors(errorsElsewhere(errors, path, shown))}
      {textField(id('id'), m.policyId, policy.id, (value) => set({ id: value }), at('id'))}
      {textField(id('name'), m.policyName, policy.name, (value) => set({ name: value }), at('name'))}
      <SitePicker id={id('projects')} kind="projects" label={m.appliesToProjects} values={projects} onChange={(values) => set({ appliesTo: withCondition(policy.appliesTo, 'project', values) })} errors={at('appliesTo')} />
      <SitePicker id={id('requestTypes')} kind="requestTypes" label={m.appliesToRequestTypes} values={conditionValues(policy.appliesTo, 'requestType')} onChange={(values) => set({ appliesTo: withCondition(policy.appliesTo, 'requestType', values) })} />
      <JqlField id={id('jql')} label={m.policyJql} value={policy.jql} onChange={(jql) => set({ jql })} errors={at('jql')} />
      <ClockFields id={id} policy={policy} projects={projects} extraFields={dateFields} path={path} errors={errors} set={set} />
      <Inline space="space.100">
        <PercentField id={id('agreedCompliance')} label={m.agreedCompliance} value={policy.agreedCompliance} onChange={(agreedCompliance) => set({ agreedCompliance })} errors={at('agreedCompliance')} />
        <PercentField id={id('amberMargin')} label={m.amberMargin} value={policy.amberMargin} onChange={(amberMargin) => set({ amberMargin })} errors={at('amberMargin')} />
      </Inline>
      <Heading size="xsmall">{m.goals}</Heading>
      {goals.map((goal, g) => {
        const gid = (part: string) => id(`goal-${g}-${part}`);
        const gat = (part: string) => at(`goals.${g}.${part}`);
        const calendarOptions = calendarNames.map((name) => ({ label: name, value: name }));
        return (
          <Stack key={g} space="space.100">
            <Inline space="space.100" alignBlock="center">
              <Text>{m.goalNumber(g + 1)}</Text>
              <Button appearance="subtle" onClick={() => set({ goals: goals.filter((_, i) => i !== g) })}>{m.removeGoal}</Button>
            </Inline>
            <SitePicker id={gid('priorities')} kind="priorities" label={m.goalPriorities} values={conditionValues(goal.when, 'priority')} onChange={(values) => setGoal(g, { when: withCondition(goal.when, 'priority', values) })} errors={gat('when')} />
            <SitePicker id={gid('requestTypes')} kind="requestTypes" label={m.goalRequestTypes} values={conditionValues(goal.when, 'requestType')} onChange={(values) => setGoal(g, { when: withCondition(goal.when, 'requestType', values) })} />
            <JqlField id={gid('jql')} label={m.goalJql} value={goal.jql} onChange={(jql) => setGoal(g, { jql })} errors={gat('jql')} />
            {textField(gid('target'), m.goalTarget, targetText(goal.target), (target) => setGoal(g, { target }), gat('target'))}
            <Stack space="space.050">
              <Label labelFor={gid('calendar')}>{m.goalCalendar}</Label>
              <Select inputId={gid('calendar')} options={calendarOptions} value={calendarOptions.find((o) => o.value === goal.calendar) ?? null} onChange={(chosen: { value: string } | null) => chosen && setGoal(g, { calendar: chosen.value })} />
              {fieldErrors(gat('calendar'))}
            </Stack>
            {textField(gid('label'), m.goalLabel, goal.label ?? '', (label) => setGoal(g, { label: label || undefined }), gat('label'))}
          </Stack>
        );
      })}
      <Button onClick={() => set({ goals: [...goals, { target: '8h', calendar: calendarNames[0] ?? '' }] })}>{m.addGoal}</Button>
      <AlertsEditor id={id} alerts={policy.alerts} path={`${path}.alerts`} errors={errors} onChange={(alerts) => set({ alerts })} />
      <TryOnIssue id={id('try')} request={() => ({ policy, ...tryContext() })} locale={locale} timeZone={timeZone} />
    </Stack>
  );
}
