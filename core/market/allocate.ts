import { said } from '../i18n/error-catalogue';
import { MarketError } from './errors';

/**
 * Splits `total` (a whole number of minor units) over `usage` in proportion, by the largest-remainder method: each
 * share is first rounded down, then the units left go one each to the largest remainders, ties to the earlier
 * entry (callers order entries by name, or keep rows in order). The shares add up to `total` exactly; a negative
 * total is split as its size and given back negative.
 */
export function allocateMinorUnits(total: number, usage: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new MarketError('amount', said('at', { place: 'amount', detail: said('market.notMinorUnits', { value: total }) }));
  usage.forEach((u, i) => {
    if (!Number.isFinite(u) || u < 0) throw new MarketError(`usage.${i}`, said('atRow', { place: 'usage', row: i + 1, detail: said('market.notUsage', { value: u }) }));
  });
  const sum = usage.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new MarketError('usage', said('at', { place: 'usage', detail: said('market.noUsage') }));
  const size = Math.abs(total);
  // Whole-number usage keeps the remainders exact (size × u mod sum), so tied remainders compare equal.
  const exact = usage.every(Number.isInteger) && Number.isSafeInteger(size * sum);
  const floors = usage.map((u) => Math.floor((size * u) / sum));
  const remainders = usage.map((u, i) => (exact ? size * u - floors[i] * sum : (size * u) / sum - floors[i]));
  let left = size - floors.reduce((a, b) => a + b, 0);
  const order = usage.map((_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (const i of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return total < 0 ? floors.map((f) => -f) : floors;
}
