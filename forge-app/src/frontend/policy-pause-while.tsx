import { Button, Inline, Stack, Text } from '@forge/react';
import type { HoldCondition } from '../../../core';
import type { ConfigProblem } from '../config/problem';
import { errorsAt, errorsElsewhere } from './admin-form';
import { fieldErrors } from './admin-field-errors';
import { useAdminMessages } from './admin-messages-context';
import { type Choice, choiceField, ListField } from './policy-fields';

export interface PauseWhileProps {
  id: string;
  holds: readonly HoldCondition[];
  fieldOptions: readonly Choice[];
  /** Where the list sits in the configuration (`policies.0.pause.while`). */
  path: string;
  errors: readonly ConfigProblem[];
  onChange: (holds: HoldCondition[]) => void;
}

/** The fields that pause the clock while they hold one of their values (waiting for a vendor): a field and its values each. */
export function PauseWhile({ id, holds, fieldOptions, path, errors, onChange }: PauseWhileProps) {
  const m = useAdminMessages();
  const change = (i: number, changes: Partial<HoldCondition>) => onChange(holds.map((hold, j) => (j === i ? { ...hold, ...changes } : hold)));
  return (
    <Stack space="space.100">
      <Text>{m.pauseWhile}</Text>
      {fieldErrors(errorsElsewhere(errors, path, holds.map((_, i) => `${path}.${i}`)))}
      {holds.map((hold, i) => {
        const row = `${path}.${i}`;
        return (
          <Inline key={i} space="space.100" alignBlock="end">
            {choiceField(`${id}-${i}-field`, m.holdField, fieldOptions, hold.field, (field) => change(i, { field }), errorsElsewhere(errors, row, [`${row}.in`]))}
            <ListField id={`${id}-${i}-values`} label={m.holdValues} values={hold.in} onChange={(values) => change(i, { in: values })} errors={errorsAt(errors, `${row}.in`)} />
            <Button appearance="subtle" onClick={() => onChange(holds.filter((_, j) => j !== i))}>{m.removeHold}</Button>
          </Inline>
        );
      })}
      <Button onClick={() => onChange([...holds, { field: '', in: [] }])}>{m.addHold}</Button>
    </Stack>
  );
}
