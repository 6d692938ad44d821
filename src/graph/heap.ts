/**
 * A binary min-heap of non-negative integers (node ranks). Ranks come from sorting the keys
 * once with the caller's comparator, so the heap itself never calls back into user code.
 */
export class RankHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(rank: number): void {
    const items = this.items;
    let i = items.length;
    items.push(rank);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent] as number;
      if (above <= rank) break;
      items[i] = above;
      i = parent;
    }
    items[i] = rank;
  }

  /** The smallest rank, removed; undefined when empty. */
  pop(): number | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0] as number;
    const last = items.pop() as number;
    const n = items.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && (items[right] as number) < (items[left] as number)) child = right;
      const value = items[child] as number;
      if (value >= last) break;
      items[i] = value;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

/**
 * Dense indices for a graph's keys in the order of `compare`: `keys[rank]` is the key of that
 * rank, `rank.get(key)` its index. Sorting once here is what makes every later tie-break O(log n).
 */
export interface Ranking {
  readonly keys: readonly string[];
  readonly rank: ReadonlyMap<string, number>;
}

export function rankKeys(keys: Iterable<string>, compare: (a: string, b: string) => number): Ranking {
  const sorted = [...keys].sort(compare);
  const rank = new Map<string, number>();
  sorted.forEach((key, i) => rank.set(key, i));
  return { keys: sorted, rank };
}
