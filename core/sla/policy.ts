import { z } from 'zod';
import { readTarget, type SlaTarget, targetExpectation } from './target';

/** A test on a ticket field (`requestType`, `priority`, `project`, `labels` or any other field key). */
export const ConditionSchema = z
  .object({
    field: z.string().min(1, { message: 'name the field to test' }),
    in: z.array(z.string()).optional(),
    notIn: z.array(z.string()).optional(),
  })
  .refine((c) => c.in !== undefined || c.notIn !== undefined, { message: 'give "in" or "notIn" values to compare with' });
export type Condition = z.infer<typeof ConditionSchema>;

const StatusListSchema = z.array(z.string().min(1)).min(1, { message: 'list at least one status' });

export const StartConditionSchema = z.discriminatedUnion('on', [
  z.object({ on: z.literal('created') }),
  z.object({ on: z.literal('status'), statuses: StatusListSchema }),
  /** Retroactive start: the instant held in a date field of the ticket (a request date, a hire date). */
  z.object({ on: z.literal('field'), field: z.string().min(1) }),
]);

export const StopConditionSchema = z
  .object({
    statuses: z.array(z.string().min(1)).default([]),
    /** Stop when the resolution field is set (Jira's "Resolution: set"). */
    resolutionSet: z.boolean().default(false),
  })
  .refine((s) => s.statuses.length > 0 || s.resolutionSet, { message: 'give stop statuses or resolutionSet: true' });

/** `{ minutes }`, `{ businessDays }`, or the text people write (`8h`, `30m`, `3bd`; a bare number is hours). */
const TargetSchema = z.unknown().transform((value, ctx): SlaTarget => {
  if (typeof value === 'object' && value !== null) {
    const { minutes, businessDays } = value as { minutes?: unknown; businessDays?: unknown };
    if (typeof minutes === 'number' && minutes > 0 && Number.isFinite(minutes)) return { minutes };
    if (typeof businessDays === 'number' && Number.isInteger(businessDays) && businessDays > 0) return { businessDays };
  } else {
    const target = readTarget(value);
    if (target) return target;
  }
  ctx.addIssue({ code: 'custom', message: targetExpectation(value) });
  return z.NEVER;
});

export const GoalSchema = z.object({
  /** Conditions on the ticket; the first goal whose conditions all hold applies (none: the default goal). */
  when: z.array(ConditionSchema).default([]),
  target: TargetSchema,
  /** Name of a calendar in the calendar set the policy is evaluated with. */
  calendar: z.string().min(1),
  label: z.string().optional(),
});

export const SlaPolicySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  appliesTo: z.array(ConditionSchema).default([]),
  start: StartConditionSchema.default({ on: 'created' }),
  pause: z.object({ statuses: z.array(z.string().min(1)).default([]) }).default({ statuses: [] }),
  stop: StopConditionSchema,
  goals: z.array(GoalSchema).min(1, { message: 'give at least one goal' }),
});

export type SlaPolicy = z.output<typeof SlaPolicySchema>;
export type SlaPolicyInput = z.input<typeof SlaPolicySchema>;
export type SlaGoal = z.output<typeof GoalSchema>;

export const SlaPolicySetSchema = z.array(SlaPolicySchema);
