import { z } from 'zod';
import { parseTarget } from './target';

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

const TargetSchema = z.union([
  z.object({ minutes: z.number().positive({ message: 'expected working minutes greater than 0' }) }),
  z.object({ businessDays: z.number().int().positive({ message: 'expected a whole number of business days ≥ 1' }) }),
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    try {
      return parseTarget(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  }),
]);

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
