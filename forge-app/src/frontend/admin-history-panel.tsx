import { invoke } from '@forge/bridge';
import { Button, Heading, ProgressBar, SectionMessage, Stack, Text } from '@forge/react';
import { useState } from 'react';
import { formatCount, formatInstant, type Messages } from '../i18n/messages';
import type { GenerationState } from '../sync/generations';
import { refusalText } from './unlicensed';

type RecomputeAnswer = { ok: true; recompute: GenerationState['building'] } | { error: string; message: string };

/** History recompute: progress of the one running, the last one finished, and a button to start one. */
export function HistoryPanel({ generations, t, locale, timeZone }: { generations: GenerationState; t: Messages; locale: string | undefined; timeZone: string | undefined }) {
  const [notice, setNotice] = useState<string | null>(null);
  const start = async () => {
    const answer = (await invoke<RecomputeAnswer>('startRecompute', {})) as RecomputeAnswer;
    if ('error' in answer) return setNotice(refusalText(answer, t));
    setNotice(answer.recompute ? t.recomputeStarted : t.nothingToRecompute);
  };
  const building = generations.building;
  return (
    <Stack space="space.100">
      <Heading size="medium">{t.history}</Heading>
      {building && <Text>{t.recomputing(formatCount(building.done, locale), formatCount(building.expected, locale), formatInstant(building.startedAt, locale, timeZone))}</Text>}
      {building && <ProgressBar value={building.expected > 0 ? Math.min(1, building.done / building.expected) : 0} ariaLabel={t.history} />}
      {generations.lastCompleted && <Text>{t.lastRecompute(formatInstant(generations.lastCompleted.completedAt, locale, timeZone), formatCount(generations.lastCompleted.tickets, locale))}</Text>}
      <Button onClick={() => void start().catch(() => setNotice(t.error))}>{t.recomputeHistory}</Button>
      {notice !== null && <SectionMessage appearance="information"><Text>{notice}</Text></SectionMessage>}
    </Stack>
  );
}
