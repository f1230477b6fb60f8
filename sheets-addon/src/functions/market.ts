import { allocateMinorUnits, type CreditTier, creditRate, fromMinorUnits, toMinorUnits } from '../../../core/market';
import { CellError, isBlank, numberOf, numberOr } from '../cells/coerce';
import { cellsOf, readArgument, readRow, rejectErrorValues } from '../cells/grid';

/**
 * The internal market's arithmetic in cells (docs/INTERNAL-MARKET.md): the service credit rate of a credit ladder
 * and a cost split by largest remainder, each through the core's own function.
 */

/** A share of 0..1: a 95% cell arrives as 0.95. */
function shareOf(cell: unknown): number {
  const n = numberOf(cell);
  if (n < 0 || n > 1) throw new CellError(`${n} is not a fraction from 0 to 1 (0.95 for 95 %)`);
  return n;
}

/** The tiers: a two-column range (below, credit) without its blank rows, each row named in its error. */
function tiersOf(tiers: unknown): CreditTier[] {
  const rows = Array.isArray(tiers) ? (tiers as unknown[][]) : [[tiers]];
  if (rows[0].length !== 2) throw new Error(`tiers must have two columns (below, credit), not ${rows[0].length}`);
  rejectErrorValues('tiers', rows);
  const read: CreditTier[] = [];
  rows.forEach((row, index) => {
    if (row.every(isBlank)) return;
    read.push(readRow('tiers', index, () => ({ below: shareOf(row[0]), credit: shareOf(row[1]) })));
  });
  return read;
}

/** One compliance or a column of them (a blank row: no credit); `cap` defaults to 1. */
export function SERVICE_CREDIT(compliance: unknown, tiers: unknown, cap?: unknown) {
  const ladder = tiersOf(tiers);
  const limit = readArgument('cap', () => (isBlank(cap) ? 1 : shareOf(cap)));
  const rateOf = (cell: unknown) => creditRate(isBlank(cell) ? null : shareOf(cell), ladder, limit);
  if (!Array.isArray(compliance)) return readArgument('compliance', () => rateOf(compliance));
  return cellsOf(compliance).map((cell, index) => [readRow('compliance', index, () => rateOf(cell))]);
}

const MAX_DECIMALS = 4;

/** `amount` split over the usage column in proportion, rounded to `decimals`, adding up to `amount` exactly. */
export function ALLOCATE(amount: unknown, usage: unknown, decimals?: unknown) {
  const total = readArgument('amount', () => numberOf(amount));
  const places = readArgument('decimals', () => {
    const d = numberOr(decimals, 0);
    if (!Number.isInteger(d) || d < 0 || d > MAX_DECIMALS) throw new CellError(`${d} is not a whole number from 0 to ${MAX_DECIMALS}`);
    return d;
  });
  const weights = cellsOf(usage).map((cell, index) =>
    readRow('usage', index, () => {
      if (isBlank(cell)) return 0;
      const n = numberOf(cell);
      if (n < 0) throw new CellError(`${n} is negative; usage is 0 or more`);
      return n;
    }),
  );
  if (!weights.some((w) => w > 0)) throw new Error('usage has no value above 0 to split the amount by');
  const minor = toMinorUnits(total, places);
  if (!Number.isSafeInteger(minor)) throw new Error(`amount ${total} is too large to split to ${places} decimals`);
  return allocateMinorUnits(minor, weights).map((share) => [fromMinorUnits(share, places)]);
}
