import { said } from '../../i18n/error-catalogue';
import { z } from 'zod';
import { SignalError } from './errors';

const share = (name: string) =>
  z.number({ error: `${name}: expected a share from 0 to 1 (0.05 for 5 %)` }).min(0, { error: `${name}: expected a share from 0 to 1 (0.05 for 5 %)` }).max(1, { error: `${name}: expected a share from 0 to 1 (0.05 for 5 %)` });
const whole = (name: string, min: number, what: string) =>
  z.number({ error: `${name}: expected a whole number of ${what}, at least ${min}` }).int({ error: `${name}: expected a whole number of ${what}, at least ${min}` }).min(min, { error: `${name}: expected a whole number of ${what}, at least ${min}` });

/** The gaming signals' parameters; defaults are the contract's (G3-G5) or chosen to flag a habit, not one case (G1, G2, G5). */
export const SignalParametersSchema = z
  .object({
    /** G1: flagged when the share of cycles whose goal grew mid-way exceeds this. */
    lengthenedFlag: share('lengthenedFlag').default(0.05),
    /** G2: a new cycle within this many business days (on the goal's calendar) of a stop makes the stop premature. */
    reopenWithin: whole('reopenWithin', 0, 'business days').default(2),
    /** G2: flagged when the share of stopped cycles stopped prematurely exceeds this. */
    reopenFlag: share('reopenFlag').default(0.1),
    /** G3: a met cycle stopped with less than this share of its goal left is a last-minute stop. */
    lastShare: share('lastShare').default(0.05),
    /** G3: flagged when the share of last-minute stops among met cycles exceeds this … */
    lastFlag: share('lastFlag').default(0.2),
    /** … with at least this many met cycles. */
    lastMinMet: whole('lastMinMet', 1, 'met cycles').default(20),
    /** G4: flagged when the group's pause share exceeds this many times the median of all groups' shares … */
    pauseFactor: z.number({ error: 'pauseFactor: expected a number above 0 (2 for twice the median)' }).positive({ error: 'pauseFactor: expected a number above 0 (2 for twice the median)' }).default(2),
    /** … with at least this many cycles in the group. */
    pauseMinCycles: whole('pauseMinCycles', 1, 'cycles').default(10),
    /** G5: this many tickets or more of one service and requester … */
    splitCount: whole('splitCount', 2, 'tickets').default(3),
    /** … created within this many working minutes form a split request. */
    splitWithin: z.number({ error: 'splitWithin: expected working minutes above 0 (60)' }).positive({ error: 'splitWithin: expected working minutes above 0 (60)' }).default(60),
    /** G5: flagged when the share of the group's tickets in split requests exceeds this. */
    splitFlag: share('splitFlag').default(0.1),
  })
  .strict();

export type SignalParameters = z.output<typeof SignalParametersSchema>;

/** The parameters with their defaults; an error names the parameter and what was expected (`lastShare: …`). */
export function readSignalParameters(input: unknown = {}): SignalParameters {
  const parsed = SignalParametersSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(SignalParametersSchema.shape).join(', ');
    throw new SignalError(issue.keys[0], said('at', { place: issue.keys[0], detail: said('signals.unknownParameter', { parameters: known }) }));
  }
  const field = issue.path.join('.') || 'parameters';
  throw new SignalError(
    field,
    issue.path.length > 0 ? said('schema.issue', { issue: issue.message }) : said('at', { place: 'parameters', detail: said('signals.notObject', { value: String(JSON.stringify(input)) }) }),
  );
}
