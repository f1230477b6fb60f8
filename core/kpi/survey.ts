import { said } from '../i18n/error-catalogue';
import { KpiInputError } from './errors';
import { checkList, checkNumber, describe, isBlank } from './validate';

type Answers = readonly (number | null | undefined)[];

/** The non-blank answers, each a whole number from `low` to `high`; at least one. */
function wholeAnswers(fn: string, argument: string, answers: unknown, low: number, high: number): number[] {
  const scores: number[] = [];
  checkList(fn, argument, answers).forEach((answer, index) => {
    if (isBlank(answer)) return;
    if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < low || answer > high) {
      throw new KpiInputError(fn, argument, said('kpi.notWholeNumber', { value: describe(answer), low, high }), index + 1);
    }
    scores.push(answer);
  });
  if (scores.length === 0) throw new KpiInputError(fn, argument, said('kpi.noAnswers'));
  return scores;
}

/**
 * Internal Net Promoter Score = % promoters (9-10) − % detractors (0-6) of 0-10 answers (Reichheld's NPS applied to
 * internal customers); −100..100. Blank answers are left out.
 */
export function inps(scores: Answers): number {
  const answers = wholeAnswers('INPS', 'scores', scores, 0, 10);
  const promoters = answers.filter((score) => score >= 9).length;
  const detractors = answers.filter((score) => score <= 6).length;
  return ((promoters - detractors) / answers.length) * 100;
}

/**
 * CSAT = satisfied answers ÷ answers, where satisfied is the top two points of a 1..scaleMax scale (top-two-box,
 * the ACSI / common CSAT definition: 4 and 5 on a 5-point scale); 0..1. Blank answers are left out.
 */
export function csat(scores: Answers, scaleMax = 5): number {
  if (!Number.isInteger(checkNumber('CSAT', 'scale_max', scaleMax)) || scaleMax < 3) {
    throw new KpiInputError('CSAT', 'scale_max', said('kpi.notWholeAtLeast', { min: 3 }));
  }
  const answers = wholeAnswers('CSAT', 'scores', scores, 1, scaleMax);
  return answers.filter((score) => score >= scaleMax - 1).length / answers.length;
}
