const integer = new Intl.NumberFormat('en-US');

export const formatCount = (n: number): string => integer.format(n);
/** A share as a percentage to one decimal; "n/a" when nothing was measurable. */
export const formatPercent = (share: number | null): string => (share === null ? 'n/a' : `${(share * 100).toFixed(1)}%`);
