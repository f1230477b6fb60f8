import type Resolver from '@forge/resolver';
import { loadCatalogueInput, saveCatalogue } from '../config/catalogue-store';
import { loadConfig } from '../config/store';
import { defineSecured, MODULES } from './access';
import { marketOla } from './market-ola';
import { marketStatement } from './market-statement';
import { CatalogueEnvelopeSchema, MarketMonthQuerySchema, NoPayloadSchema } from './payloads';
import { requireJiraAdmin } from './permissions';

/** The internal market: the statement gadget and its OLA view (projects the viewer may browse), the admin's catalogue. */
export function defineMarketResolvers(resolver: Resolver): void {
  const { adminPage, marketGadget } = MODULES;
  defineSecured(resolver, 'getMarketStatement', { modules: [marketGadget], payload: MarketMonthQuerySchema }, (query) => marketStatement(query));
  defineSecured(resolver, 'getMarketOla', { modules: [marketGadget], payload: MarketMonthQuerySchema }, (query) => marketOla(query));

  defineSecured(resolver, 'getCatalogue', { modules: [adminPage], payload: NoPayloadSchema }, async () => {
    await requireJiraAdmin();
    return { catalogue: await loadCatalogueInput() };
  });

  /** Checked against the saved configuration's policies: a service names the policy it is judged by. */
  defineSecured(resolver, 'saveCatalogue', { modules: [adminPage], payload: CatalogueEnvelopeSchema }, async ({ catalogue }) => {
    await requireJiraAdmin();
    const { config } = await loadConfig();
    if (!config) return { error: 'NO_CONFIG' as const, message: 'save a configuration first' };
    return saveCatalogue(catalogue, config.policies);
  });
}
