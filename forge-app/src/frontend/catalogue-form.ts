/**
 * The service catalogue as the admin page edits it: request types picked, shares in percent, amounts as typed; every
 * part the page does not show (OLA budgets, conditions on other fields) rides along unchanged. The core checks the
 * result on save (docs/INTERNAL-MARKET.md, "Catalogue file").
 */

type Json = Record<string, unknown>;

export interface CreditTierDraft {
  below: number | undefined;
  credit: number | undefined;
}

export interface ServiceDraft {
  id: string;
  name: string;
  provider: string;
  /** The JSM request types whose tickets the service takes (when it is not chosen by JQL). */
  requestTypes: string[];
  /** A JQL that finds the service's tickets instead of request types; null: chosen by request type. */
  jql: string | null;
  policy: string;
  agreed: number | undefined;
  perRequest: string;
  monthlyCost: string;
  credits: CreditTierDraft[];
  creditCap: number | undefined;
  /** What the page does not edit: other conditions, the OLA, unknown keys. */
  rest: Json;
}

export interface CatalogueDraft {
  currency: string;
  customer: string;
  services: ServiceDraft[];
}

const isRequestTypeCondition = (c: unknown): c is { field: 'requestType'; in: string[] } =>
  typeof c === 'object' && c !== null && (c as Json).field === 'requestType' && Array.isArray((c as Json).in) && (c as Json).notIn === undefined;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const amountText = (value: unknown): string => (typeof value === 'number' ? String(value) : '');
const share = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

function serviceDraftOf(service: Json): ServiceDraft {
  const { id, name, provider, when, jql, policy, agreed, price, credits, creditCap, ...rest } = service;
  const conditions = Array.isArray(when) ? when : [];
  const picked = conditions.find(isRequestTypeCondition);
  const others = conditions.filter((c) => c !== picked);
  const prices = (price ?? {}) as Json;
  return {
    id: text(id),
    name: text(name),
    provider: text(provider),
    requestTypes: picked ? [...picked.in] : [],
    jql: typeof jql === 'string' ? jql : null,
    policy: text(policy),
    agreed: share(agreed),
    perRequest: amountText(prices.perRequest),
    monthlyCost: amountText(prices.monthlyCost),
    credits: (Array.isArray(credits) ? (credits as Json[]) : []).map((tier) => ({ below: share(tier.below), credit: share(tier.credit) })),
    creditCap: share(creditCap),
    rest: others.length > 0 ? { ...rest, when: others } : rest,
  };
}

/** The draft of a stored catalogue; a new catalogue is in VND, its customers the JSM organizations. */
export function catalogueDraftOf(stored: unknown): CatalogueDraft {
  const json = (typeof stored === 'object' && stored !== null ? stored : {}) as Json;
  const services = Array.isArray(json.services) ? (json.services as Json[]) : [];
  return { currency: text(json.currency) || 'VND', customer: text(json.customer) || 'organization', services: services.map(serviceDraftOf) };
}

/** A typed amount as a number; blank is 0; anything else stays text, for the core to name it. */
const amountOf = (typed: string): unknown => (typed.trim() === '' ? 0 : /^\d+(\.\d+)?$/.test(typed.trim()) ? Number(typed.trim()) : typed);

function serviceOf(draft: ServiceDraft): Json {
  const otherWhen = Array.isArray(draft.rest.when) ? (draft.rest.when as unknown[]) : [];
  const byType = draft.jql === null && draft.requestTypes.length > 0 ? [{ field: 'requestType', in: draft.requestTypes }] : [];
  return {
    ...draft.rest,
    id: draft.id,
    name: draft.name,
    provider: draft.provider,
    when: [...byType, ...otherWhen],
    ...(draft.jql === null ? {} : { jql: draft.jql }),
    policy: draft.policy,
    ...(draft.agreed === undefined ? {} : { agreed: draft.agreed }),
    price: { perRequest: amountOf(draft.perRequest), monthlyCost: amountOf(draft.monthlyCost) },
    credits: draft.credits.map((tier) => ({ below: tier.below, credit: tier.credit })),
    ...(draft.creditCap === undefined ? {} : { creditCap: draft.creditCap }),
  };
}

/** The catalogue a draft stands for, as saveCatalogue takes it. */
export const catalogueOf = (draft: CatalogueDraft): Json => ({ currency: draft.currency, customer: draft.customer, services: draft.services.map(serviceOf) });

/** A new service: the first policy, nothing charged yet. */
export const newService = (id: string, policy: string): ServiceDraft => ({ id, name: '', provider: '', requestTypes: [], jql: null, policy, agreed: undefined, perRequest: '', monthlyCost: '', credits: [], creditCap: undefined, rest: {} });
