import { type Catalogue, MarketError, readCatalogue, type SlaPolicy } from '../../../core';
import type { CoreMessage } from '../../../core/i18n';
import { keys } from '../storage/keys';
import { getValue, setValue } from '../storage/store';

/** A catalogue that does not validate: the field at fault and what was expected (the core's words). */
export interface CatalogueProblem {
  field: string;
  /** In English; the caller reads it in their app language (resolvers/access.ts). */
  message: string;
  /** The message by code, rendered in the caller's language: never answered to the views. */
  said: CoreMessage;
}

export type CatalogueCheck = { ok: true; catalogue: Catalogue; jql: ReadonlyMap<string, string> } | { ok: false; problem: CatalogueProblem };

/** The field a JQL service's tickets are marked with (a name no Jira field has): `jql:<service id>`. */
export const jqlMarker = (serviceId: string): string => `jql:${serviceId}`;
export const JQL_MATCH = 'match';

/**
 * In Jira a service may be chosen by a JQL instead of field conditions (docs/INTERNAL-MARKET.md, "Catalogue file"):
 * the core's catalogue knows conditions only, so each `jql` becomes a condition on the service's marker field, which
 * the statement sets on the tickets the JQL finds. Returns the core's catalogue and the JQL of each service.
 */
function withJqlMarkers(input: unknown): { json: unknown; jql: Map<string, string> } {
  const jql = new Map<string, string>();
  const services = (input as { services?: unknown } | null)?.services;
  if (!Array.isArray(services)) return { json: input, jql };
  const marked = services.map((service: unknown, i) => {
    if (typeof service !== 'object' || service === null || !('jql' in service)) return service;
    const { jql: query, ...rest } = service as { jql: unknown; id?: unknown; when?: unknown };
    if (typeof query !== 'string' || query.trim() === '') throw new MarketError(`services.${i}.jql`, `services.${i}: jql: expected the JQL that finds the service's requests, such as "issuetype = Purchase"`);
    const id = typeof rest.id === 'string' ? rest.id : '';
    jql.set(id, query);
    return { ...rest, when: [...(Array.isArray(rest.when) ? (rest.when as unknown[]) : []), { field: jqlMarker(id), in: [JQL_MATCH] }] };
  });
  return { json: { ...(input as object), services: marked }, jql };
}

/** Validates a catalogue against the configuration's policies (docs/INTERNAL-MARKET.md, "Catalogue file"). */
export function checkCatalogue(input: unknown, policies: readonly SlaPolicy[]): CatalogueCheck {
  try {
    const { json, jql } = withJqlMarkers(input);
    return { ok: true, catalogue: readCatalogue(json, policies), jql };
  } catch (error) {
    if (error instanceof MarketError) return { ok: false, problem: { field: error.field, message: error.message, said: error.said } };
    throw error;
  }
}

/** The stored catalogue as the admin saved it, or null before one was saved. */
export const loadCatalogueInput = async (): Promise<unknown> => (await getValue<unknown>(keys.marketCatalogue)) ?? null;

/** Validates and stores; nothing is written when the catalogue is wrong. */
export async function saveCatalogue(input: unknown, policies: readonly SlaPolicy[]): Promise<{ ok: true } | { ok: false; problem: CatalogueProblem }> {
  const check = checkCatalogue(input, policies);
  if (!check.ok) return check;
  await setValue(keys.marketCatalogue, input);
  return { ok: true };
}
