/**
 * A directed graph over string keys with one payload per node. An edge `from → to` means
 * "`from` depends on `to`": `to` must be created before `from` and deleted after it.
 *
 * Keys are opaque to this module; callers use formatted addresses (`iam_user.alice`,
 * `iam_user.team["bob"]`) so that resource-level and instance-level graphs share the code.
 * Self-edges are allowed (a self-reference is a cycle of one). Every lookup is O(1) on
 * average; nothing here scans the whole node set except the iterators.
 */
export class Graph<T> {
  private readonly payloads = new Map<string, T>();
  private readonly deps = new Map<string, Set<string>>();
  private readonly rdeps = new Map<string, Set<string>>();
  private edgeTotal = 0;

  /** Adds a node, or replaces the payload of an existing one (its edges are kept). */
  addNode(key: string, payload: T): void {
    if (!this.payloads.has(key)) {
      this.deps.set(key, new Set());
      this.rdeps.set(key, new Set());
    }
    this.payloads.set(key, payload);
  }

  hasNode(key: string): boolean {
    return this.payloads.has(key);
  }

  /** The payload of `key`, or undefined when there is no such node. */
  payload(key: string): T | undefined {
    return this.payloads.get(key);
  }

  get size(): number {
    return this.payloads.size;
  }

  get edgeCount(): number {
    return this.edgeTotal;
  }

  /** Node keys in insertion order. */
  keys(): IterableIterator<string> {
    return this.payloads.keys();
  }

  /** `[key, payload]` pairs in insertion order. */
  entries(): IterableIterator<[string, T]> {
    return this.payloads.entries();
  }

  /**
   * Adds `from → to` ("from depends on to"). Adding an existing edge is a no-op. Both nodes
   * must exist: an edge to a missing node is a bug in the caller, who decides what a dangling
   * reference means.
   */
  addEdge(from: string, to: string): void {
    const out = this.deps.get(from);
    const into = this.rdeps.get(to);
    if (out === undefined || into === undefined) {
      throw new Error(`Graph.addEdge: unknown node ${out === undefined ? from : to}`);
    }
    if (out.has(to)) return;
    out.add(to);
    into.add(from);
    this.edgeTotal++;
  }

  hasEdge(from: string, to: string): boolean {
    return this.deps.get(from)?.has(to) ?? false;
  }

  /** Removes `from → to`; returns whether it existed. */
  removeEdge(from: string, to: string): boolean {
    const out = this.deps.get(from);
    if (out === undefined || !out.delete(to)) return false;
    this.rdeps.get(to)?.delete(from);
    this.edgeTotal--;
    return true;
  }

  /** Removes a node with all its incoming and outgoing edges; returns whether it existed. */
  removeNode(key: string): boolean {
    const out = this.deps.get(key);
    const into = this.rdeps.get(key);
    if (out === undefined || into === undefined) return false;
    for (const to of out) {
      this.rdeps.get(to)?.delete(key);
      this.edgeTotal--;
    }
    for (const from of into) {
      if (from === key) continue; // the self-edge was counted once, above
      this.deps.get(from)?.delete(key);
      this.edgeTotal--;
    }
    this.deps.delete(key);
    this.rdeps.delete(key);
    this.payloads.delete(key);
    return true;
  }

  /** What `key` depends on directly (empty for an unknown key). Do not mutate. */
  dependencies(key: string): ReadonlySet<string> {
    return this.deps.get(key) ?? EMPTY;
  }

  /** What depends on `key` directly (empty for an unknown key). Do not mutate. */
  dependents(key: string): ReadonlySet<string> {
    return this.rdeps.get(key) ?? EMPTY;
  }

  /** Every edge as `[from, to]`, grouped by `from` in node insertion order. */
  *edges(): IterableIterator<[string, string]> {
    for (const [from, out] of this.deps) {
      for (const to of out) yield [from, to];
    }
  }

  /** The induced subgraph on `keys` (unknown keys are ignored): those nodes and the edges among them. */
  induced(keys: Iterable<string>): Graph<T> {
    const result = new Graph<T>();
    for (const key of keys) {
      if (this.payloads.has(key)) result.addNode(key, this.payloads.get(key) as T);
    }
    for (const key of result.keys()) {
      for (const to of this.dependencies(key)) {
        if (result.hasNode(to)) result.addEdge(key, to);
      }
    }
    return result;
  }

  /** A copy sharing payloads but not structure. */
  clone(): Graph<T> {
    return this.induced(this.payloads.keys());
  }
}

const EMPTY: ReadonlySet<string> = new Set<string>();

/** Compares keys by UTF-16 code units: the default tie-breaker wherever an order must be stable. */
export function compareNodeKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
