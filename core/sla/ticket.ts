import { z } from 'zod';
import type { Instant } from '../calendar/types';
import { parseIsoDateTime } from '../calendar/iso';

export type FieldValue = string | readonly string[] | null;

/** A change of one field: `status`, `resolution`, a comment (`COMMENT_FIELD`) or any other field key. */
export interface TicketEvent {
  at: Instant;
  field: string;
  to: string | null;
  /** The value before the change, when the source logs it (Jira's changelog does): conditions on a field read it. */
  from?: string | null;
}

/** A ticket as the SLA clock sees it: adapters turn Jira changelogs, spreadsheet rows and event logs into this. */
export interface TicketHistory {
  key: string;
  created: Instant;
  /** Status at creation. */
  status: string;
  /** Current field values, used to pick policies and goals and to group compliance. */
  fields: Readonly<Record<string, FieldValue>>;
  /** Status and field changes, oldest first. */
  events: readonly TicketEvent[];
}

const InstantSchema = z.union([z.number(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    ctx.addIssue({ code: 'custom', message: `expected epoch milliseconds or an ISO date-time, got ${value}` });
    return z.NEVER;
  }
  {
    const text = value;
    const t = parseIsoDateTime(text); // no zone given: the text must carry its offset
    if (Number.isNaN(t)) {
      ctx.addIssue({ code: 'custom', message: `expected an ISO date-time with a zone offset (2025-03-01T08:30:00+07:00), got "${text}"` });
      return z.NEVER;
    }
    return t;
  }
});

const FieldValueSchema = z.union([z.string(), z.array(z.string()), z.null()]);

/** The JSON form of a ticket history (shared vectors, files given to the CLI). */
export const TicketHistorySchema = z
  .object({
    key: z.string().min(1),
    created: InstantSchema,
    status: z.string().min(1),
    fields: z.record(z.string(), FieldValueSchema).default({}),
    events: z
      .array(z.object({ at: InstantSchema, field: z.string().min(1), to: z.string().nullable(), from: z.string().nullable().optional() }))
      .default([]),
  })
  .superRefine((ticket, ctx) => {
    ticket.events.forEach((event, i) => {
      const previous = i === 0 ? ticket.created : ticket.events[i - 1].at;
      if (event.at < previous) {
        ctx.addIssue({ code: 'custom', path: ['events', i, 'at'], message: 'events must be in time order, none before the ticket was created' });
      }
    });
  });
