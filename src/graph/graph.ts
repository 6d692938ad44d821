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
  // Adjacency sets exist only for nodes that have edges in that direction: most nodes of an
  // IAM graph have no dependents or no dependencies, and 100,000 empty sets cost real memory.
  private readonly deps = new Map<string, Set<string>>();
  private readonly rdeps = new Map<string, Set<string>>();
  private edgeTotal = 0;

  /** Adds a node, or replaces the payload of an existing one (its edges are kept). */
  addNode(key: string, payload: T): void {
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
    if (!this.payloads.has(from) || !this.payloads.has(to)) {
      throw new Error(`Graph.addEdge: unknown node ${this.payloads.has(from) ? to : from}`);
    }
    const out = setIn(this.deps, from);
    if (out.has(to)) return;
    out.add(to);
    setIn(this.rdeps, to).add(from);
    this.edgeTotal++;
  }

  hasEdge(from: string, to: string): boolean {
    return this.deps.get(from)?.has(to) ?? false;
  }

  /** Removes `from → to`; returns whether it existed. */
  removeEdge(from: string, to: string): boolean {
    const out = this.deps.get(from);
    if (out === undefined || !out.delete(to)) return false;
    if (out.size === 0) this.deps.delete(from);
    const into = this.rdeps.get(to);
    into?.delete(from);
    if (into?.size === 0) this.rdeps.delete(to);
    this.edgeTotal--;
    return true;
  }

  /** Removes a node with all its incoming and outgoing edges; returns whether it existed. */
  removeNode(key: string): boolean {
    if (!this.payloads.has(key)) return false;
    for (const to of [...this.dependencies(key)]) this.removeEdge(key, to);
    for (const from of [...this.dependents(key)]) this.removeEdge(from, key);
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
    for (const from of this.payloads.keys()) {
      for (const to of this.dependencies(from)) yield [from, to];
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

function setIn(map: Map<string, Set<string>>, key: string): Set<string> {
  let set = map.get(key);
  if (set === undefined) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}

const EMPTY: ReadonlySet<string> = new Set<string>();

/** Compares keys by UTF-16 code units: the default tie-breaker wherever an order must be stable. */
export function compareNodeKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
