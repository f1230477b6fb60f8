import { z } from 'zod';
import { CalendarSpecSchema } from '../calendar/spec';
import { ScorecardSchema } from '../scorecard/schema';
import { ScorecardTreeSchema } from '../scorecard/tree';
import { SlaPolicySchema } from '../sla/policy';
import { TicketHistorySchema } from '../sla/ticket';

/** Every configuration and input the engine accepts, by the name editors and the admin page use. */
export const CONFIG_SCHEMAS = {
  calendar: CalendarSpecSchema,
  slaPolicy: SlaPolicySchema,
  ticketHistory: TicketHistorySchema,
  /** The perspective-based scorecard of stored configurations (treeOfScorecard turns it into a tree). */
  scorecard: ScorecardSchema,
  /** The scorecard definition: the objective tree (docs/SCORING.md). */
  scorecardTree: ScorecardTreeSchema,
} as const;

export type ConfigKind = keyof typeof CONFIG_SCHEMAS;

/**
 * JSON Schema (draft 2020-12) of what a person may write, for editor completion and validation. Checks that JSON
 * Schema cannot say (targets in text form, cross-references between KPIs) are left to the zod schema.
 */
export const jsonSchemaOf = (kind: ConfigKind): Record<string, unknown> =>
  z.toJSONSchema(CONFIG_SCHEMAS[kind], { io: 'input', unrepresentable: 'any' });
