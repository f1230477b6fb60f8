import { Inline, Lozenge, SectionMessage, Spinner, Stack, Text } from '@forge/react';
import { formatMinutes } from '../i18n/messages';
import type { issuePanelData } from '../resolvers/issue-panel';
import { useAppContext, useResolver } from './hooks';
import { UnlicensedMessage } from './unlicensed';

type Answer = Awaited<ReturnType<typeof issuePanelData>>;

const STATE_APPEARANCE: Record<string, 'success' | 'removed' | 'inprogress' | 'moved'> = { met: 'success', breached: 'removed', ongoing: 'inprogress', paused: 'moved' };

/** The ticket's SLA clocks: one line per policy with its state, time left or overdue, and cycles so far. */
export function IssuePanel() {
  const { context, t, locale } = useAppContext();
  const data = useResolver<Answer>('getIssueClocks', context === undefined ? undefined : {});
  if (context === undefined || data.status === 'loading') return <Spinner label={t.loading} />;
  if (data.status === 'unlicensed') return <UnlicensedMessage t={t} />;
  if (data.status === 'error') return <SectionMessage appearance="error" title={t.error}><Text>{data.message}</Text></SectionMessage>;
  if ('error' in data.data) return <SectionMessage appearance="information"><Text>{data.data.error === 'FORBIDDEN' ? t.forbidden : t.notSynced}</Text></SectionMessage>;
  if (data.data.clocks.length === 0) return <Text>{t.noClocks}</Text>;
  return (
    <Stack space="space.100">
      {data.data.clocks.map((clock) => (
        <Inline key={clock.policyId} space="space.100" alignBlock="center">
          <Text>{clock.policyName === clock.goalLabel ? clock.policyName : `${clock.policyName} (${clock.goalLabel})`}</Text>
          <Lozenge appearance={STATE_APPEARANCE[clock.state]}>{t.states[clock.state]}</Lozenge>
          <Text>{clock.remainingMinutes < 0 ? t.overdue(formatMinutes(clock.remainingMinutes, locale)) : t.remaining(formatMinutes(clock.remainingMinutes, locale))}</Text>
          <Text>{t.cycles(clock.cycles)}</Text>
        </Inline>
      ))}
    </Stack>
  );
}
