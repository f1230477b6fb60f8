import { z } from 'zod';
import type { FieldValue } from './ticket';

/**
 * Clock conditions as JSM names them: event matchers (a status entered or left, a field set, cleared or changed, a
 * comment for customers or by the customer) start or stop a cycle; hold conditions (a field holding given values)
 * pause it for as long as they hold. The clock consumes generic ticket events; a comment is one too, on the field
 * `COMMENT_FIELD`, so every door feeds comments the same way.
 */

/** The event field of a comment: its value says who wrote it and who may read it (see `commentValue`). */
export const COMMENT_FIELD = '@comment';

/** A comment's visibility and its author's role. */
export interface CommentFacts {
  /** Shown to the customer (JSM "reply to customer"); false for an internal note. */
  public: boolean;
  /** Written by the customer (the reporter or a request participant), not by an agent. */
  byCustomer: boolean;
}

/** A comment as the value of a `COMMENT_FIELD` event: `public agent`, `public customer`, `internal agent`... */
export const commentValue = (comment: CommentFacts): string =>
  `${comment.public ? 'public' : 'internal'} ${comment.byCustomer ? 'customer' : 'agent'}`;

const COMMENT_VALUE = /^(public|internal) (customer|agent)$/;

/**
 * The facts of a comment event's value, or null when the value is not one `commentValue` writes.
 * @internal Exported for its tests; the clock's matchers read comments through it.
 */
export function readCommentValue(value: string | null): CommentFacts | null {
  const match = value === null ? null : COMMENT_VALUE.exec(value);
  return match ? { public: match[1] === 'public', byCustomer: match[2] === 'customer' } : null;
}

const FieldNameSchema = z.lazy(() => z.string().min(1, { message: 'name the field' }));
const StatusesSchema = z.lazy(() => z.array(z.string().min(1)).min(1, { message: 'list at least one status' }));

/** What happened to a ticket that starts or stops a clock. */
export const EventMatcherSchema = z.lazy(() =>
  z.discriminatedUnion('on', [
    z.strictObject({ on: z.literal('statusEntered'), statuses: StatusesSchema }),
    z.strictObject({ on: z.literal('statusLeft'), statuses: StatusesSchema }),
    /** The field went from blank to a value: `assignee` set is JSM's "Assignee: from unassigned". */
    z.strictObject({ on: z.literal('fieldSet'), field: FieldNameSchema }),
    z.strictObject({ on: z.literal('fieldCleared'), field: FieldNameSchema }),
    /** Any change of the field's value; with `to`, only a change to one of those values. */
    z.strictObject({ on: z.literal('fieldChanged'), field: FieldNameSchema, to: z.array(z.string()).min(1, { message: 'list at least one value' }).optional() }),
    /** A comment; `public: true` is JSM's "Comment: for customers", `byCustomer: true` its "Comment: by customer". */
    z.strictObject({ on: z.literal('comment'), public: z.boolean().optional(), byCustomer: z.boolean().optional() }),
  ]),
);
export type EventMatcher = z.infer<typeof EventMatcherSchema>;

/** A state that pauses the clock while it lasts: the field holds one of the values (waiting for a vendor). */
export const HoldConditionSchema = z.lazy(() =>
  z.strictObject({
    field: FieldNameSchema,
    in: z.array(z.string()).min(1, { message: 'list at least one value the field holds while the clock pauses' }),
  }),
);
export type HoldCondition = z.infer<typeof HoldConditionSchema>;

/** One change of a ticket as matchers see it: the field, its value before and after. */
interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

const blank = (value: string | null): boolean => value === null || value === '';

/** Whether one matcher fires on a change. */
function matches(matcher: EventMatcher, change: FieldChange): boolean {
  switch (matcher.on) {
    case 'statusEntered':
      return change.field === 'status' && change.from !== change.to && matcher.statuses.includes(change.to ?? '');
    case 'statusLeft':
      return change.field === 'status' && change.from !== change.to && matcher.statuses.includes(change.from ?? '');
    case 'fieldSet':
      return change.field === matcher.field && blank(change.from) && !blank(change.to);
    case 'fieldCleared':
      return change.field === matcher.field && !blank(change.from) && blank(change.to);
    case 'fieldChanged':
      return change.field === matcher.field && change.from !== change.to && (matcher.to === undefined || matcher.to.includes(change.to ?? ''));
    case 'comment': {
      const comment = change.field === COMMENT_FIELD ? readCommentValue(change.to) : null;
      return comment !== null && (matcher.public === undefined || matcher.public === comment.public) && (matcher.byCustomer === undefined || matcher.byCustomer === comment.byCustomer);
    }
  }
}

/** The field a matcher listens to (`status` for the status matchers). */
const fieldOf = (matcher: EventMatcher): string =>
  matcher.on === 'statusEntered' || matcher.on === 'statusLeft' ? 'status' : matcher.on === 'comment' ? COMMENT_FIELD : matcher.field;

/** Matchers compiled for the clock: whether any fires on a change, and which fields they listen to. */
export interface CompiledMatchers {
  readonly fields: ReadonlySet<string>;
  fires(change: FieldChange): boolean;
}

export function compileMatchers(matchers: readonly EventMatcher[]): CompiledMatchers {
  const fields = new Set(matchers.map(fieldOf));
  return {
    fields,
    fires: (change) => fields.has(change.field) && matchers.some((m) => matches(m, change)),
  };
}

/** Whether any hold condition holds on the tracked field values. */
export function anyHolds(conditions: readonly HoldCondition[], values: ReadonlyMap<string, string | null>): boolean {
  return conditions.some((c) => {
    const value = values.get(c.field);
    return value !== null && value !== undefined && c.in.includes(value);
  });
}

/** A field's value as one text for matchers and hold conditions: a list field is compared by its first value. */
export const singleValue = (value: FieldValue | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : (value[0] ?? null);
