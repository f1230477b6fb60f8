/** How many example tickets a signal lists. */
const EXAMPLE_LIMIT = 10;

/**
 * The example tickets of one signal in one group: the `EXAMPLE_LIMIT` strongest cases (lowest `rank`, then ticket
 * key), each ticket once, so the examples do not depend on the order the cycles arrive in.
 */
export class Examples {
  private readonly kept: Array<{ key: string; rank: number }> = [];

  offer(key: string, rank: number): void {
    const kept = this.kept;
    const at = kept.findIndex((e) => e.key === key);
    if (at >= 0) {
      if (rank >= kept[at].rank) return;
      kept.splice(at, 1);
    } else if (kept.length === EXAMPLE_LIMIT && !before(rank, key, kept[EXAMPLE_LIMIT - 1])) return;
    let i = kept.length;
    while (i > 0 && before(rank, key, kept[i - 1])) i--;
    kept.splice(i, 0, { key, rank });
    if (kept.length > EXAMPLE_LIMIT) kept.pop();
  }

  keys(): string[] {
    return this.kept.map((e) => e.key);
  }
}

const before = (rank: number, key: string, other: { key: string; rank: number }): boolean => rank < other.rank || (rank === other.rank && key < other.key);
