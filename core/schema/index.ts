import { z } from 'zod';
import { CalendarSpecSchema } from '../calendar/spec';
import { CatalogueSchema } from '../market/catalogue';
import { ScorecardTreeSchema } from '../scorecard/tree';
import { SignalParametersSchema } from '../market/signals/params';
import { SlaPolicySchema } from '../sla/policy';
import { TicketHistorySchema } from '../sla/ticket';

/**
 * Every configuration and input the engine accepts, by the name editors and the admin page use.
 * @public
 */
export const CONFIG_SCHEMAS = {
  calendar: CalendarSpecSchema,
  slaPolicy: SlaPolicySchema,
  ticketHistory: TicketHistorySchema,
  /** The scorecard definition: the objective tree (docs/SCORING.md). */
  scorecardTree: ScorecardTreeSchema,
  /** The gaming signals' parameters (`--signals`, docs/GAMING-SIGNALS.md). */
  gamingSignals: SignalParametersSchema,
  /** The internal market's service catalogue (docs/INTERNAL-MARKET.md). */
  catalogue: CatalogueSchema,
} as const;

/** @public */
export type ConfigKind = keyof typeof CONFIG_SCHEMAS;

/**
 * JSON Schema (draft 2020-12) of what a person may write, for editor completion and validation. Checks that JSON
 * Schema cannot say (targets in text form, cross-references between KPIs) are left to the zod schema.
 * @public
 */
export const jsonSchemaOf = (kind: ConfigKind): Record<string, unknown> =>
  z.toJSONSchema(CONFIG_SCHEMAS[kind], { io: 'input', unrepresentable: 'any' });
