/**
 * An amount in minor units (whole đồng, cents), rounded half away from zero. The product is first read to 15
 * significant digits, so 1.005 × 100 (100.49999… in binary) rounds as the decimal 100.5 people wrote.
 */
export function toMinorUnits(amount: number, decimals: number): number {
  const scaled = Number((Math.abs(amount) * 10 ** decimals).toPrecision(15));
  const rounded = Math.round(scaled);
  return amount < 0 ? -rounded : rounded;
}

/** Minor units back to the amount (12345 cents → 123.45). */
export const fromMinorUnits = (minor: number, decimals: number): number => Number((minor / 10 ** decimals).toFixed(decimals));

/**
 * An amount rounded to `decimals` places, half away from zero (ISO 4217 minor units for a currency).
 * @public Engine API of the internal market (docs/INTERNAL-MARKET.md); the doors round through the statement.
 */
export const roundAmount = (amount: number, decimals: number): number => fromMinorUnits(toMinorUnits(amount, decimals), decimals);
