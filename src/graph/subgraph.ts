import type { Graph } from './graph.js';
import { topologicalOrder } from './order.js';

/** Every node reachable from `roots` by following `next` (roots included); iterative, O(V + E). */
function reach(roots: Iterable<string>, has: (key: string) => boolean, next: (key: string) => Iterable<string>): Set<string> {
  const found = new Set<string>();
  const stack: string[] = [];
  for (const root of roots) {
    if (has(root) && !found.has(root)) {
      found.add(root);
      stack.push(root);
    }
  }
  while (stack.length > 0) {
    const key = stack.pop() as string;
    for (const other of next(key)) {
      if (!found.has(other)) {
        found.add(other);
        stack.push(other);
      }
    }
  }
  return found;
}

/** `keys` and everything they depend on, transitively. Unknown keys are ignored. */
export function transitiveDependencies<T>(graph: Graph<T>, keys: Iterable<string>): Set<string> {
  return reach(keys, (key) => graph.hasNode(key), (key) => graph.dependencies(key));
}

/** `keys` and everything that depends on them, transitively. Unknown keys are ignored. */
export function transitiveDependents<T>(graph: Graph<T>, keys: Iterable<string>): Set<string> {
  return reach(keys, (key) => graph.hasNode(key), (key) => graph.dependents(key));
}

/**
 * The targeted part of a graph for creating and updating (`--target`): the targets and all
 * their transitive dependencies, with every edge among them. Unknown keys are ignored: the
 * caller reports targets that match nothing.
 */
export function subgraphWithDependencies<T>(graph: Graph<T>, keys: Iterable<string>): Graph<T> {
  return graph.induced(transitiveDependencies(graph, keys));
}

/**
 * The targeted part of a graph for destroying (`destroy --target`): the targets and
 * everything that transitively depends on them, since those cannot outlive them.
 */
export function subgraphWithDependents<T>(graph: Graph<T>, keys: Iterable<string>): Graph<T> {
  return graph.induced(transitiveDependents(graph, keys));
}

/**
 * The transitive reduction of an acyclic graph, for display: the same reachability with no
 * edge that a longer path already implies (`a → c` goes when `a → b → c` exists). Payloads are
 * shared. Only nodes with two or more dependencies can lose an edge, and only those are
 * searched, so chains and trees cost O(V + E); the worst case is O(V · (V + E)) time with
 * O(V) extra memory. A cyclic graph is a bug here and throws (see `topologicalOrder`).
 */
export function transitiveReduction<T>(graph: Graph<T>): Graph<T> {
  topologicalOrder(graph); // asserts acyclic
  const result = graph.clone();
  const seen = new Map<string, number>();
  let generation = 0;
  for (const key of graph.keys()) {
    const deps = graph.dependencies(key);
    if (deps.size < 2) continue;
    generation++;
    // Depth-first from the dependencies, marking only what is reached over at least one edge:
    // a direct dependency marked so is implied by a longer path.
    const stack = [...deps];
    while (stack.length > 0) {
      const at = stack.pop() as string;
      for (const deeper of graph.dependencies(at)) {
        if (seen.get(deeper) !== generation) {
          seen.set(deeper, generation);
          stack.push(deeper);
        }
      }
    }
    for (const dep of deps) {
      if (seen.get(dep) === generation) result.removeEdge(key, dep);
    }
  }
  return result;
}
