import { type Catalogue, MarketError, readCatalogue, type SlaPolicy } from '../../../core';
import { keys } from '../storage/keys';
import { getValue, setValue } from '../storage/store';

/** A catalogue that does not validate: the field at fault and what was expected (the core's words). */
export interface CatalogueProblem {
  field: string;
  message: string;
}

export type CatalogueCheck = { ok: true; catalogue: Catalogue } | { ok: false; problem: CatalogueProblem };

/** Validates a catalogue against the configuration's policies (docs/INTERNAL-MARKET.md, "Catalogue file"). */
export function checkCatalogue(input: unknown, policies: readonly SlaPolicy[]): CatalogueCheck {
  try {
    return { ok: true, catalogue: readCatalogue(input, policies) };
  } catch (error) {
    if (error instanceof MarketError) return { ok: false, problem: { field: error.field, message: error.message } };
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
