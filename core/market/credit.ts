import { said } from '../i18n/error-catalogue';
import { MarketError } from './errors';

/** One step of a credit ladder: when compliance is below `below`, the service credits `credit` of the charge. */
export interface CreditTier {
  below: number;
  credit: number;
}

const checkShare = (field: string, value: number): void => {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new MarketError(field, said('at', { place: field, detail: said('market.notFraction', { value }) }));
  }
};

/**
 * The service credit rate: the largest `credit` among the tiers whose `below` is greater than the compliance
 * (compliance equal to `below` is not below it), capped at `cap`; 0 when compliance is null or no tier applies.
 */
export function creditRate(compliance: number | null, tiers: readonly CreditTier[], cap = 1): number {
  checkShare('cap', cap);
  tiers.forEach((tier, i) => {
    checkShare(`tiers.${i}.below`, tier.below);
    checkShare(`tiers.${i}.credit`, tier.credit);
  });
  if (compliance === null) return 0;
  checkShare('compliance', compliance);
  let rate = 0;
  for (const tier of tiers) if (compliance < tier.below && tier.credit > rate) rate = tier.credit;
  return Math.min(rate, cap);
}
