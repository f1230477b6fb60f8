import { Button, Inline } from '@forge/react';
import { type SlaPolicyInput, slaPolicyTemplate } from '../../../core';
import { useAdminMessages } from './admin-messages-context';

/**
 * Adds a policy: a blank one, or one of JSM's two standard metrics (time to first response, time to resolution) as a
 * template to edit, each with a fresh id and the first calendar.
 */
export function PolicyAddButtons({ policies, calendarNames, freshId, onAdd }: { policies: readonly SlaPolicyInput[]; calendarNames: readonly string[]; freshId: (base: string, taken: string[]) => string; onAdd: (policy: SlaPolicyInput) => void }) {
  const m = useAdminMessages();
  const calendar = calendarNames[0] ?? '';
  const taken = policies.map((p) => p.id);
  const blank = (): SlaPolicyInput => ({ id: freshId('policy', taken), name: '', stop: { statuses: [], resolutionSet: true }, goals: [{ target: '8h', calendar }] });
  const fromTemplate = (template: 'timeToFirstResponse' | 'timeToResolution', target: string) => {
    const policy = slaPolicyTemplate(template, { target, calendar });
    return { ...policy, id: freshId(policy.id, taken) };
  };
  return (
    <Inline space="space.100">
      <Button onClick={() => onAdd(blank())}>{m.addPolicy}</Button>
      <Button onClick={() => onAdd(fromTemplate('timeToFirstResponse', '4h'))}>{m.addFirstResponse}</Button>
      <Button onClick={() => onAdd(fromTemplate('timeToResolution', '8h'))}>{m.addResolution}</Button>
    </Inline>
  );
}
