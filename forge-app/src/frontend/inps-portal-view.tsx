import { invoke } from '@forge/bridge';
import { Button, ErrorMessage, Label, RadioGroup, SectionMessage, Spinner, Stack, Text, TextArea } from '@forge/react';
import { useState } from 'react';
import type { InpsQuestion, InpsSubmitResult } from '../resolvers/inps';
import { useAppContext, useResolver } from './hooks';
import { UnlicensedMessage } from './unlicensed';

const SCORES = Array.from({ length: 11 }, (_, score) => ({ name: 'score', label: String(score), value: String(score) }));

type Submitted = InpsSubmitResult | { error: 'INVALID'; field: string; message: string } | { error: 'UNLICENSED' | 'FORBIDDEN'; message: string };

/**
 * The iNPS question under a resolved request on the customer portal: 0-10 and an optional comment, answered once by
 * the request's reporter; a second answer is refused by the resolver and the first one shown.
 */
export function InpsPortalQuestion() {
  const { context, t } = useAppContext();
  const question = useResolver<InpsQuestion | { error: string; message?: string }>('getInpsQuestion', context === undefined ? undefined : {});
  const [score, setScore] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState<Submitted | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (context === undefined || question.status === 'loading') return <Spinner label={t.loading} />;
  if (question.status === 'unlicensed') return <UnlicensedMessage t={t} />;
  if (question.status === 'error') return <SectionMessage appearance="error" title={t.error}><Text>{question.message}</Text></SectionMessage>;
  const asked = question.data;
  if ('error' in asked) return null;
  const answered = sent && 'ok' in sent ? sent.score : sent && sent.error === 'ALREADY_ANSWERED' ? sent.score : asked.state === 'answered' ? asked.score : null;
  if (answered !== null) return <SectionMessage appearance="success"><Text>{t.inpsThanks(answered)}</Text></SectionMessage>;
  if (asked.state === 'not-requester') return null;
  if (asked.state === 'not-resolved') return <Text>{t.inpsNotResolved}</Text>;
  const send = async () => {
    if (score === null) {
      setProblem(t.inpsChooseScore);
      return;
    }
    setProblem(null);
    const answer = (await invoke('submitInps', { score: Number(score), ...(comment.trim() ? { comment } : {}) })) as Submitted;
    // The resolver words a refused answer in the portal's app language.
    if ('error' in answer && answer.error === 'INVALID') setProblem(answer.message);
    // A license that lapsed after the question was shown: said, not a silent no-op.
    else if ('error' in answer && answer.error === 'UNLICENSED') setProblem(t.unlicensed);
    else setSent(answer);
  };
  return (
    <Stack space="space.100">
      <Label labelFor="inps-score">{t.inpsQuestion}</Label>
      <Text>{t.inpsScale}</Text>
      <RadioGroup name="score" options={SCORES} value={score ?? undefined} onChange={(e) => setScore(String(e.target.value))} />
      <Label labelFor="inps-comment">{t.inpsComment}</Label>
      <TextArea id="inps-comment" value={comment} onChange={(e: { target: { value?: string } }) => setComment(e.target.value ?? '')} />
      {problem && <ErrorMessage>{problem}</ErrorMessage>}
      <Button appearance="primary" onClick={() => void send().catch(() => setProblem(t.error))}>{t.inpsSend}</Button>
    </Stack>
  );
}
