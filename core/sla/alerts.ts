import { z } from 'zod';
import { readTarget, targetExpectation } from './target';

/**
 * What a policy does before and at a breach: a warning line (a share of the goal elapsed, or a working time left),
 * and actions at the warning and at the breach. The core validates them and places the warning on the clock; a door
 * that can act (the Forge app) carries the actions out.
 */

/** When a running clock is "at risk": a share of the goal elapsed (0.75), or working time remaining (`2h`, `30m`). */
const SHARE_EXPECTED = 'give the share of the goal as a fraction above 0 and below 1 (0.75)';
const WarnAtSchema = z.lazy(() =>
  z
    .strictObject({
      share: z.number().gt(0, { message: SHARE_EXPECTED }).lt(1, { message: SHARE_EXPECTED }).optional(),
      remaining: z
        .unknown()
        .transform((value, ctx) => {
          const target = readTarget(value);
          if (target && 'minutes' in target) return target.minutes;
          ctx.addIssue({ code: 'custom', message: `${targetExpectation(value)}; business days are not a remaining time` });
          return z.NEVER;
        })
        .optional(),
    })
    .refine((w) => (w.share === undefined) !== (w.remaining === undefined), { message: 'give either share (0.75) or remaining working time (2h)' }),
);

/** Something the app does on a ticket when its clock reaches the warning or the breach. */
const AlertActionSchema = z.lazy(() =>
  z.discriminatedUnion('do', [
    /** Jira's issue notification (email) to these recipients. */
    z.strictObject({ do: z.literal('notify'), to: z.array(z.enum(['assignee', 'reporter', 'watchers'])).min(1, { message: 'name at least one recipient: assignee, reporter or watchers' }) }),
    /** An internal comment (agents only on a JSM request). */
    z.strictObject({ do: z.literal('comment'), text: z.string().trim().min(1, { message: 'give the comment text' }) }),
    /** Sets the priority (by name) or the assignee (by account id). */
    z.strictObject({ do: z.literal('setField'), field: z.enum(['priority', 'assignee']), value: z.string().min(1, { message: 'give the value to set' }) }),
  ]),
);
export type AlertAction = z.infer<typeof AlertActionSchema>;

export const AlertsSchema = z.lazy(() =>
  z.strictObject({
    warnAt: WarnAtSchema.optional(),
    onWarning: z.array(AlertActionSchema).default([]),
    onBreach: z.array(AlertActionSchema).default([]),
  }).refine((a) => a.onWarning.length === 0 || a.warnAt !== undefined, { message: 'actions at the warning need warnAt: a share of the goal or a remaining time', path: ['warnAt'] }),
);
export type SlaAlerts = z.output<typeof AlertsSchema>;

/** The running minutes at which a cycle with this goal reaches its warning line (0 at the earliest), or null for none. */
export function warningMinutes(alerts: SlaAlerts | undefined, goalMinutes: number): number | null {
  const warnAt = alerts?.warnAt;
  if (warnAt === undefined) return null;
  return warnAt.share !== undefined ? goalMinutes * warnAt.share : Math.max(0, goalMinutes - warnAt.remaining!);
}
