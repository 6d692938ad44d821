import { compareNodeKeys, type Graph } from './graph.js';
import { rankKeys } from './heap.js';

/**
 * One cycle: a closed walk through every member of a strongly connected component, starting
 * at its smallest member (by the comparator) and returning to it. `members[i]` depends
 * directly on `members[i + 1]`, and the last member depends on the first. In a simple cycle
 * every member appears once; in a component that is not a simple cycle a member may appear
 * more than once, so that every member is still named.
 */
export interface Cycle {
  readonly members: readonly string[];
}

/** Dense integer adjacency of a graph, each node's dependencies sorted by rank. */
interface Dense {
  readonly keys: readonly string[];
  readonly adjacency: readonly Int32Array[];
}

function densify<T>(graph: Graph<T>, compare: (a: string, b: string) => number): Dense {
  const { keys, rank } = rankKeys(graph.keys(), compare);
  const adjacency = keys.map((key) => {
    const deps = graph.dependencies(key);
    const row = new Int32Array(deps.size);
    let i = 0;
    for (const dep of deps) row[i++] = rank.get(dep) as number;
    return row.sort();
  });
  return { keys, adjacency };
}

/**
 * Tarjan's strongly connected components, iterative (an explicit call stack), so that a chain
 * or cycle of 100,000 nodes cannot overflow the JavaScript stack. Returns component ids per
 * node rank; O(V + E).
 */
function components(dense: Dense): { component: Int32Array; count: number } {
  const n = dense.keys.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const cursor = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const calls: number[] = [];
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    calls.push(root);
    while (calls.length > 0) {
      const v = calls[calls.length - 1] as number;
      const row = dense.adjacency[v] as Int32Array;
      const at = cursor[v] as number;
      if (at < row.length) {
        cursor[v] = at + 1;
        const w = row[at] as number;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          calls.push(w);
        } else if (onStack[w] === 1) {
          low[v] = Math.min(low[v] as number, index[w] as number);
        }
        continue;
      }
      calls.pop();
      const parent = calls[calls.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[v] as number);
      if (low[v] === index[v]) {
        for (;;) {
          const w = stack.pop() as number;
          onStack[w] = 0;
          component[w] = count;
          if (w === v) break;
        }
        count++;
      }
    }
  }
  return { component, count };
}

/** Strongly connected components as key lists, each sorted and listed by its smallest key. */
export function stronglyConnectedComponents<T>(
  graph: Graph<T>,
  compare: (a: string, b: string) => number = compareNodeKeys,
): string[][] {
  const dense = densify(graph, compare);
  const { component, count } = components(dense);
  const groups: string[][] = Array.from({ length: count }, () => []);
  // Ranks ascend, so each group is filled in comparator order.
  dense.keys.forEach((key, i) => groups[component[i] as number]?.push(key));
  return groups.sort((a, b) => compare(a[0] as string, b[0] as string));
}

/**
 * Whether the graph has any cycle (a self-edge included). O(V + E) with no sorting: the cheap
 * check to run before `findCycles`, which orders its answer and costs a sort.
 */
export function hasCycle<T>(graph: Graph<T>): boolean {
  const waiting = new Map<string, number>();
  const queue: string[] = [];
  for (const key of graph.keys()) {
    const count = graph.dependencies(key).size;
    if (count === 0) queue.push(key);
    else waiting.set(key, count);
  }
  for (let head = 0; head < queue.length; head++) {
    for (const dependent of graph.dependents(queue[head] as string)) {
      const left = (waiting.get(dependent) as number) - 1;
      waiting.set(dependent, left);
      if (left === 0) queue.push(dependent);
    }
  }
  return queue.length < graph.size;
}

/**
 * Every cycle of the graph, one per strongly connected component that has more than one
 * member or a self-edge, ordered by first member. Deterministic for a given comparator.
 */
export function findCycles<T>(graph: Graph<T>, compare: (a: string, b: string) => number = compareNodeKeys): Cycle[] {
  const dense = densify(graph, compare);
  const { component, count } = components(dense);
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < dense.keys.length; i++) members[component[i] as number]?.push(i);
  const n = dense.keys.length;
  const search: Search = { generation: 0, seen: new Int32Array(n).fill(-1), parent: new Int32Array(n), named: new Uint8Array(n), cursor: new Int32Array(n) };
  const cycles: Cycle[] = [];
  for (const group of members) {
    const start = group[0] as number;
    const cyclic = group.length > 1 || (dense.adjacency[start] as Int32Array).includes(start);
    if (!cyclic) continue;
    const walk = closedWalk(dense, component, group, search);
    cycles.push({ members: walk.map((i) => dense.keys[i] as string) });
  }
  return cycles.sort((a, b) => compare(a.members[0] as string, b.members[0] as string));
}

interface Search {
  generation: number;
  readonly seen: Int32Array;
  readonly parent: Int32Array;
  /** Members already on a walk; each node is in one component, so one array serves all walks. */
  readonly named: Uint8Array;
  /** Per node, how many of its (sorted) dependencies are known to be named or outside its component. */
  readonly cursor: Int32Array;
}

/**
 * A closed walk from the component's smallest member through all its members: repeatedly the
 * shortest path to the nearest member not yet named, then the shortest path home. Each node's
 * cursor skips dependencies already named, so a simple cycle costs O(V + E) and a hub with
 * many spokes does not rescan its spokes per step.
 */
function closedWalk(dense: Dense, component: Int32Array, group: readonly number[], search: Search): number[] {
  const start = group[0] as number;
  if (group.length === 1) return [start];
  search.named[start] = 1;
  const walk = [start];
  let current = start;
  for (let count = 1; count < group.length; ) {
    const path = shortestPath(dense, component, current, 'unnamed', search);
    for (const v of path) {
      walk.push(v);
      if (search.named[v] === 0) count++;
      search.named[v] = 1;
    }
    current = path[path.length - 1] as number;
  }
  const home = shortestPath(dense, component, current, start, search);
  walk.push(...home.slice(0, -1));
  return walk;
}

/**
 * Breadth-first within one component to `target`, or to the nearest member not yet named.
 * The path excludes `from` and ends at the goal.
 */
function shortestPath(dense: Dense, component: Int32Array, from: number, target: number | 'unnamed', search: Search): number[] {
  const generation = ++search.generation;
  const { seen, parent, named, cursor } = search;
  const own = component[from] as number;
  const pathTo = (w: number, via: number): number[] => {
    const path = [w];
    for (let at = via; at !== from; at = parent[at] as number) path.push(at);
    return path.reverse();
  };
  const queue = [from];
  seen[from] = generation;
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number;
    const row = dense.adjacency[v] as Int32Array;
    if (target === 'unnamed') {
      // Everything queued is named, so an unnamed dependency is found only here.
      let c = cursor[v] as number;
      while (c < row.length && (named[row[c] as number] === 1 || component[row[c] as number] !== own)) c++;
      cursor[v] = c;
      if (c < row.length) return pathTo(row[c] as number, v);
    }
    for (const w of row) {
      if (seen[w] === generation || component[w] !== own) continue;
      seen[w] = generation;
      parent[w] = v;
      if (w === target) return pathTo(w, v);
      queue.push(w);
    }
  }
  throw new Error('findCycles: component is not strongly connected');
}
