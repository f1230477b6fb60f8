import { Button, Heading, Stack, Text } from '@forge/react';
import type { AlertAction, SlaPolicyInput } from '../../../core';
import type { ConfigProblem } from '../config/problem';
import { errorsAt, errorsElsewhere } from './admin-form';
import { fieldErrors } from './admin-field-errors';
import { useAdminMessages } from './admin-messages-context';
import { AlertActionRow } from './policy-alert-action';
import { choiceField, PercentField, targetText, textField } from './policy-fields';

type Alerts = NonNullable<SlaPolicyInput['alerts']>;
type WarnAt = NonNullable<Alerts['warnAt']>;
type WarnKind = 'none' | 'share' | 'remaining';
const WARN_KINDS: readonly WarnKind[] = ['none', 'share', 'remaining'];

const warnKindOf = (warnAt: WarnAt | undefined): WarnKind => (warnAt === undefined ? 'none' : 'remaining' in warnAt ? 'remaining' : 'share');
/** A fresh warning line of a kind: three quarters of the goal, or two working hours left. */
const warnAtOf = (kind: WarnKind): WarnAt | undefined => (kind === 'share' ? { share: 0.75 } : kind === 'remaining' ? { remaining: '2h' } : undefined);

/** The alerts with these changes; nothing left (no line, no action) leaves `alerts` out, as a policy without them is written. */
function tidy(alerts: Alerts): Alerts | undefined {
  const kept = Object.fromEntries(Object.entries(alerts).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

export interface AlertsEditorProps {
  id: (part: string) => string;
  alerts: Alerts | undefined;
  /** Where the alerts sit in the configuration (`policies.0.alerts`). */
  path: string;
  errors: readonly ConfigProblem[];
  onChange: (alerts: Alerts | undefined) => void;
}

/** A policy's warning line (a share of the goal elapsed or a working time left) and its actions at the warning and the breach. */
export function AlertsEditor({ id, alerts = {}, path, errors, onChange }: AlertsEditorProps) {
  const m = useAdminMessages();
  const warnAt = alerts.warnAt;
  const kind = warnKindOf(warnAt);
  const set = (changes: Partial<Alerts>) => onChange(tidy({ ...alerts, ...changes }));
  const warnErrors = errorsElsewhere(errors, `${path}.warnAt`, [`${path}.warnAt.share`, `${path}.warnAt.remaining`]);
  const actionList = (list: 'onWarning' | 'onBreach', label: string, addLabel: string) => {
    const actions: AlertAction[] = alerts[list] ?? [];
    const listPath = `${path}.${list}`;
    return (
      <Stack space="space.100">
        <Text>{label}</Text>
        {fieldErrors(errorsElsewhere(errors, listPath, actions.map((_, i) => `${listPath}.${i}`)))}
        {actions.map((action, i) => (
          <AlertActionRow
            key={i}
            id={id(`${list}-${i}`)}
            action={action}
            path={`${listPath}.${i}`}
            errors={errors}
            onChange={(changed) => set({ [list]: actions.map((a, j) => (j === i ? changed : a)) })}
            onRemove={() => set({ [list]: actions.filter((_, j) => j !== i) })}
          />
        ))}
        <Button onClick={() => set({ [list]: [...actions, { do: 'notify', to: ['assignee'] }] })}>{addLabel}</Button>
      </Stack>
    );
  };
  return (
    <Stack space="space.150">
      <Heading size="xsmall">{m.alertsTitle}</Heading>
      {fieldErrors(errorsElsewhere(errors, path, ['warnAt', 'onWarning', 'onBreach'].map((part) => `${path}.${part}`)))}
      {choiceField(id('warnAt'), m.warnAt, WARN_KINDS.map((k) => ({ label: m.warnKinds[k], value: k })), kind, (chosen) => chosen !== kind && set({ warnAt: warnAtOf(chosen) }), warnErrors)}
      {kind === 'share' && <PercentField id={id('warnShare')} label={m.warnShare} value={warnAt?.share} onChange={(share) => set({ warnAt: share === undefined ? {} : { share } })} errors={errorsAt(errors, `${path}.warnAt.share`)} />}
      {kind === 'remaining' && textField(id('warnRemaining'), m.warnRemaining, targetText(warnAt?.remaining), (remaining) => set({ warnAt: { remaining } }), errorsAt(errors, `${path}.warnAt.remaining`))}
      {actionList('onWarning', m.onWarning, m.addWarningAction)}
      {actionList('onBreach', m.onBreach, m.addBreachAction)}
    </Stack>
  );
}
