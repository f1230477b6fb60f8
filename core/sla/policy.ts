import { z } from 'zod';
import { reachesThreshold } from '../util/tolerance';
import { AlertsSchema } from './alerts';
import { EventMatcherSchema, HoldConditionSchema } from './conditions';
import { readTarget, type SlaTarget, targetExpectation } from './target';

/**
 * The ticket field a door fills with the JQL queries (of goals and policies) the ticket matches; the core cannot run
 * JQL, so a `jql` condition is a test on this field.
 */
export const JQL_FIELD = '@jql';
const JqlSchema = z.lazy(() => z.string().trim().min(1, { message: 'give a JQL query, or leave jql out' }));

/** A test on a ticket field (`requestType`, `priority`, `project`, `labels` or any other field key). */
/** Also the internal market's service conditions (core/market). */
export const ConditionSchema = z.lazy(() =>
  z
    .object({
      field: z.string().min(1, { message: 'name the field to test' }),
      in: z.array(z.string()).optional(),
      notIn: z.array(z.string()).optional(),
    })
    .refine((c) => c.in !== undefined || c.notIn !== undefined, { message: 'give "in" or "notIn" values to compare with' }),
);
export type Condition = z.infer<typeof ConditionSchema>;

const StatusListSchema = z.lazy(() => z.array(z.string().min(1)).min(1, { message: 'list at least one status' }));

const StartConditionSchema = z.lazy(() =>
  z.discriminatedUnion('on', [
    z.object({ on: z.literal('created') }),
    z.object({ on: z.literal('status'), statuses: StatusListSchema }),
    /** Retroactive start: the instant held in a date field of the ticket (a request date, a hire date). */
    z.object({ on: z.literal('field'), field: z.string().min(1) }),
    /** A cycle starts when any of these events happens while no cycle runs (JSM's start conditions). */
    z.object({ on: z.literal('events'), events: z.array(EventMatcherSchema).min(1, { message: 'list at least one start event' }) }),
  ]),
);

const StopConditionSchema = z.lazy(() =>
  z
    .object({
      statuses: z.array(z.string().min(1)).default([]),
      /** Stop when the resolution field is set (Jira's "Resolution: set"). */
      resolutionSet: z.boolean().default(false),
      /** Events that stop a running cycle (a public agent comment for a first response). */
      events: z.array(EventMatcherSchema).default([]),
    })
    .refine((s) => s.statuses.length > 0 || s.resolutionSet || s.events.length > 0, { message: 'give stop statuses, resolutionSet: true or stop events' }),
);

const PauseConditionSchema = z.lazy(() =>
  z.object({
    statuses: z.array(z.string().min(1)).default([]),
    /** The clock also pauses while any of these fields holds one of its values (waiting for a vendor). */
    while: z.array(HoldConditionSchema).default([]),
  }),
);

/** `{ minutes }`, `{ businessDays }`, or the text people write (`8h`, `30m`, `3bd`; a bare number is hours). */
const TargetSchema = z.lazy(() =>
  z.unknown().transform((value, ctx): SlaTarget => {
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
  }),
);

const GoalSchema = z.lazy(() =>
  z.object({
    /** Conditions on the ticket; the first goal whose conditions all hold applies (none: the default goal). */
    when: z.array(ConditionSchema).default([]),
    /** A JQL query the ticket must also match (the door checks it with Jira and fills `JQL_FIELD`). */
    jql: JqlSchema.optional(),
    target: TargetSchema,
    /** Name of a calendar in the calendar set the policy is evaluated with: each goal may name its own (a team's, a site's). */
    calendar: z.string().min(1),
    label: z.string().optional(),
  }),
);

export const SlaPolicySchema = z.lazy(() =>
  z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    appliesTo: z.array(ConditionSchema).default([]),
    /** A JQL query scoping the policy (any Jira project: Software and Work Management too). */
    jql: JqlSchema.optional(),
    start: StartConditionSchema.default({ on: 'created' }),
    pause: PauseConditionSchema.default({ statuses: [], while: [] }),
    stop: StopConditionSchema,
    goals: z.array(GoalSchema).min(1, { message: 'give at least one goal' }),
    /** A warning line and the actions at the warning and at the breach. */
    alerts: AlertsSchema.optional(),
    /** The agreed share of cycles met (the internal market's "95 of 100"), 0..1; default 0.95. */
    agreedCompliance: z.number().min(0, { message: 'give the agreed compliance as a fraction from 0 to 1 (0.95 for 95 %)' }).max(1, { message: 'give the agreed compliance as a fraction from 0 to 1 (0.95 for 95 %)' }).optional(),
    /** How far below the agreed level is still amber rather than red, 0..1; default 0.1. */
    amberMargin: z.number().min(0, { message: 'give the amber margin as a fraction from 0 to 1 (0.1 for 10 points)' }).max(1, { message: 'give the amber margin as a fraction from 0 to 1 (0.1 for 10 points)' }).optional(),
  }),
);

export type SlaPolicy = z.output<typeof SlaPolicySchema>;
export type SlaPolicyInput = z.input<typeof SlaPolicySchema>;
export type SlaGoal = z.output<typeof GoalSchema>;

/** The level a policy's compliance is judged against, with the defaults the gadgets used before (95 % and 85 %). */
export interface ComplianceTarget {
  /** At or above: green. */
  level: number;
  /** At or above (and below `level`): amber; below: red. */
  amberFrom: number;
}

const DEFAULT_AGREED_COMPLIANCE = 0.95;
const DEFAULT_AMBER_MARGIN = 0.1;

export function complianceTargetOf(policy: Pick<SlaPolicy, 'agreedCompliance' | 'amberMargin'> | undefined): ComplianceTarget {
  const level = policy?.agreedCompliance ?? DEFAULT_AGREED_COMPLIANCE;
  return { level, amberFrom: Math.max(0, level - (policy?.amberMargin ?? DEFAULT_AMBER_MARGIN)) };
}

/**
 * Green, amber or red for a compliance ratio against a target; null (nothing measured) has no colour, and neither has
 * NaN (0 ÷ 0 met of measured, a missing figure): it is "no data", never a red the team did not earn.
 */
export function complianceRag(ratio: number | null, target: ComplianceTarget): 'green' | 'amber' | 'red' | null {
  if (ratio === null || Number.isNaN(ratio)) return null;
  // 19/20 is 0.95 exactly, but 0.1 + 0.85 style sums must not turn a met level amber.
  if (reachesThreshold(ratio, target.level)) return 'green';
  return reachesThreshold(ratio, target.amberFrom) ? 'amber' : 'red';
}
