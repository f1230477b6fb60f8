import { said } from '../i18n/error-catalogue';
import { z } from 'zod';
import { allHold, prepareConditions, type PreparedCondition } from '../sla/clock';
import { ConditionSchema, type SlaPolicy } from '../sla/policy';
import { readTarget } from '../sla/target';
import type { FieldValue } from '../sla/ticket';
import type { CreditTier } from './credit';
import { minorUnitsOf } from './minor-units';
import { MarketError } from './errors';

const SHARE = 'expected a fraction from 0 to 1 (0.95 for 95 %)';
const Share = z.number({ message: SHARE }).min(0, { message: SHARE }).max(1, { message: SHARE });
const Amount = z.number({ message: 'expected an amount of 0 or more' }).min(0, { message: 'expected an amount of 0 or more, not a negative one' });

/** An OLA budget is working time: `16h`, `90m`, a number of hours, or `{ "minutes": 960 }`; never business days. */
const BudgetSchema = z.unknown().transform((value, ctx): number => {
  const minutes = typeof value === 'object' && value !== null ? (value as { minutes?: unknown }).minutes : undefined;
  if (typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0) return minutes;
  const target = minutes === undefined ? readTarget(value) : null;
  if (target !== null && 'minutes' in target) return target.minutes;
  const days = target !== null ? ' (business days are not working time: give hours, such as 16h)' : '';
  ctx.addIssue({ code: 'custom', message: `expected working time such as "16h", "90m" or { "minutes": 960 }, got ${JSON.stringify(value)}${days}` });
  return z.NEVER;
});

const ServiceSchema = z.strictObject({
  id: z.string().min(1, { message: 'give the service an id' }),
  name: z.string().min(1, { message: 'give the service a name' }),
  provider: z.string().min(1, { message: 'name the team that provides the service' }),
  /** The tickets of the service: all conditions hold (the SLA goal conditions' syntax). None: every ticket. */
  when: z.array(ConditionSchema).default([]),
  /** The SLA policy whose cycles the service is judged by. */
  policy: z.string().min(1, { message: 'name the SLA policy the service is judged by' }),
  /** The agreed compliance, 0..1; default: the policy's agreedCompliance, then 0.95. */
  agreed: Share.optional(),
  price: z.strictObject({ perRequest: Amount.default(0), monthlyCost: Amount.default(0) }).default({ perRequest: 0, monthlyCost: 0 }),
  /** The credit ladder: below each compliance, the share of the charge credited back. */
  credits: z.array(z.strictObject({ below: Share, credit: Share })).default([]),
  creditCap: Share.default(1),
  ola: z
    .strictObject({
      /** The ticket field naming the team that holds the ticket at each instant. */
      owner: z.string().min(1, { message: 'name the field that says which team holds the ticket' }),
      budgets: z.record(z.string(), BudgetSchema).default({}),
    })
    .optional(),
});

/** The catalogue file of the internal market (docs/INTERNAL-MARKET.md, "Catalogue file"). */
export const CatalogueSchema = z
  .strictObject({
    /** An editor's pointer to a JSON Schema; ignored. */
    $schema: z.string().optional(),
    currency: z.string().refine((code) => minorUnitsOf(code) !== null, { message: 'expected an ISO 4217 currency code such as VND or USD' }),
    /** The ticket field naming the internal customer. */
    customer: z.string().min(1, { message: 'name the ticket field of the internal customer' }),
    services: z.array(ServiceSchema).min(1, { message: 'list at least one service' }),
  })
  .superRefine((catalogue, ctx) => {
    const seen = new Set<string>();
    catalogue.services.forEach((service, i) => {
      if (seen.has(service.id)) ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: `the id "${service.id}" is already another service's` });
      seen.add(service.id);
    });
  });

/** A service ready to match tickets: conditions prepared, agreed level and OLA budgets resolved. */
export interface MarketService {
  id: string;
  name: string;
  provider: string;
  policyId: string;
  agreed: number;
  perRequest: number;
  monthlyCost: number;
  credits: readonly CreditTier[];
  creditCap: number;
  /** Budgets in working minutes per owner value; owners without one are never over. */
  ola: { owner: string; budgets: ReadonlyMap<string, number> } | null;
  when: readonly PreparedCondition[];
}

export interface Catalogue {
  currency: string;
  /** Decimals of the currency's minor unit. */
  decimals: number;
  customer: string;
  services: readonly MarketService[];
}

const DEFAULT_AGREED = 0.95;

/** Where a zod issue is, with the service's id when it is inside one: `services.0 (po): price.perRequest`. */
function issuePlace(json: unknown, path: readonly PropertyKey[]): string {
  if (path[0] !== 'services' || typeof path[1] !== 'number') return path.map(String).join('.') || 'catalogue';
  const services = (json as { services?: unknown[] }).services;
  const id = (services?.[path[1]] as { id?: unknown } | undefined)?.id;
  const service = `services.${path[1]}${typeof id === 'string' && id !== '' ? ` (${id})` : ''}`;
  return path.length > 2 ? `${service}: ${path.slice(2).map(String).join('.')}` : service;
}

/**
 * Validates a catalogue against the SLA policies it names. The error names the service and the field: an unknown
 * policy, a share outside 0..1, a negative price, an OLA budget in business days.
 */
export function readCatalogue(json: unknown, policies: readonly SlaPolicy[]): Catalogue {
  const parsed = CatalogueSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const place = issuePlace(json, issue.path);
    throw new MarketError(issue.path.map(String).join('.') || 'catalogue', said('at', { place, detail: said('schema.issue', { issue: issue.message }) }));
  }
  const byId = new Map(policies.map((p) => [p.id, p]));
  const services = parsed.data.services.map((service, i): MarketService => {
    const policy = byId.get(service.policy);
    if (policy === undefined) {
      const known = policies.map((p) => p.id).join(', ') || 'none';
      throw new MarketError(`services.${i}.policy`, said('at', { place: `services.${i} (${service.id}): policy`, detail: said('market.unknownPolicy', { policy: service.policy, policies: known }) }));
    }
    const { ola } = service;
    return {
      id: service.id,
      name: service.name,
      provider: service.provider,
      policyId: policy.id,
      agreed: service.agreed ?? policy.agreedCompliance ?? DEFAULT_AGREED,
      perRequest: service.price.perRequest,
      monthlyCost: service.price.monthlyCost,
      credits: service.credits,
      creditCap: service.creditCap,
      ola: ola === undefined ? null : { owner: ola.owner, budgets: new Map(Object.entries(ola.budgets)) },
      when: prepareConditions(service.when),
    };
  });
  const { currency, customer } = parsed.data;
  return { currency, decimals: minorUnitsOf(currency)!, customer, services };
}

/** The first service whose conditions the ticket's fields all meet (a ticket belongs to one service), or null. */
export function serviceOf(catalogue: Catalogue, fields: Readonly<Record<string, FieldValue>>): MarketService | null {
  for (const service of catalogue.services) if (allHold(service.when, fields)) return service;
  return null;
}
