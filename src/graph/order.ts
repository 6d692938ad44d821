import { compareNodeKeys, type Graph } from './graph.js';
import { RankHeap, rankKeys } from './heap.js';

/** How to order nodes that are ready at the same time. */
export interface TopologicalOrderOptions {
  /** Tie-breaker among ready nodes; default: key order (UTF-16 code units). */
  readonly compare?: (a: string, b: string) => number;
  /**
   * False (default): dependencies before dependents — the order of creation.
   * True: dependents before dependencies — the order of deletion.
   */
  readonly reverse?: boolean;
}

/**
 * The two directions of one graph as seen by a traversal: a node waits for its
 * `prerequisites`, and on completion releases its `waiters`. Forward, prerequisites are the
 * dependencies; in reverse (deletion), the dependents.
 */
export interface Direction {
  prerequisites(key: string): ReadonlySet<string>;
  waiters(key: string): ReadonlySet<string>;
}

export function direction<T>(graph: Graph<T>, reverse: boolean): Direction {
  return reverse
    ? { prerequisites: (key) => graph.dependents(key), waiters: (key) => graph.dependencies(key) }
    : { prerequisites: (key) => graph.dependencies(key), waiters: (key) => graph.dependents(key) };
}

/**
 * A topological order of an acyclic graph: every node after all its prerequisites. Among the
 * nodes ready at the same moment the smallest by `compare` comes first, so the result is the
 * lexicographically smallest valid order and depends only on the graph, never on insertion
 * order. O(E + V log V): one sort of the keys, then a heap of ranks.
 *
 * The graph must be acyclic: callers check `findCycles` first (the resource graph builder
 * reports cycles as diagnostics). A cycle here is a bug and throws.
 */
export function topologicalOrder<T>(graph: Graph<T>, options: TopologicalOrderOptions = {}): string[] {
  const { keys, rank } = rankKeys(graph.keys(), options.compare ?? compareNodeKeys);
  const dir = direction(graph, options.reverse ?? false);
  const waiting = new Int32Array(keys.length);
  const heap = new RankHeap();
  keys.forEach((key, i) => {
    waiting[i] = dir.prerequisites(key).size;
    if (waiting[i] === 0) heap.push(i);
  });
  const order: string[] = [];
  for (let i = heap.pop(); i !== undefined; i = heap.pop()) {
    const key = keys[i] as string;
    order.push(key);
    for (const waiter of dir.waiters(key)) {
      const w = rank.get(waiter) as number;
      waiting[w] = (waiting[w] as number) - 1;
      if (waiting[w] === 0) heap.push(w);
    }
  }
  if (order.length !== keys.length) {
    const stuck = keys.filter((_, i) => (waiting[i] as number) > 0);
    throw new Error(`topologicalOrder: the graph has a cycle among ${stuck.slice(0, 5).join(', ')}${stuck.length > 5 ? ', …' : ''}`);
  }
  return order;
}
