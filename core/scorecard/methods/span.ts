/**
 * Where `value` lies on the scale from `from` (0) to `to` (1): (value − from) ÷ (to − from), not limited. Bounds near
 * ±1.8e308 make those differences overflow to Infinity (and the fraction 0 or NaN); halving every term first is exact
 * at that magnitude and cannot overflow, so the answer stays right. Ordinary values take the plain formula unchanged.
 */
export function fractionOfSpan(value: number, from: number, to: number): number {
  const offset = value - from;
  const span = to - from;
  if (Number.isFinite(offset) && Number.isFinite(span)) return offset / span;
  return (value / 2 - from / 2) / (to / 2 - from / 2);
}
