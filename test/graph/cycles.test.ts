import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCycles, Graph, hasCycle, stronglyConnectedComponents, topologicalOrder, transitiveDependencies } from '../../src/graph/index.js';

const key = (i: number): string => `k${String(i).padStart(3, '0')}`;

function randomGraph(n: number, pairs: readonly [number, number][]): Graph<null> {
  const graph = new Graph<null>();
  for (let i = 0; i < n; i++) graph.addNode(key(i), null);
  for (const [a, b] of pairs) graph.addEdge(key(a), key(b));
  return graph;
}

const arbitraryGraph = fc
  .integer({ min: 1, max: 30 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 2 * n })));

describe('findCycles on random graphs', () => {
  it('returns closed walks along real edges that name each cyclic component exactly', () => {
    fc.assert(
      fc.property(arbitraryGraph, ([n, pairs]) => {
        const graph = randomGraph(n, pairs);
        const cycles = findCycles(graph);
        const components = stronglyConnectedComponents(graph);
        const cyclic = components.filter((c) => c.length > 1 || graph.hasEdge(c[0] as string, c[0] as string));
        expect(cycles.map((c) => [...new Set(c.members)].sort())).toEqual(cyclic);
        expect(hasCycle(graph)).toBe(cycles.length > 0);
        for (const { members } of cycles) {
          members.forEach((from, i) => expect(graph.hasEdge(from, members[(i + 1) % members.length] as string)).toBe(true));
          expect(members[0]).toBe([...members].sort()[0]);
        }
        // A graph has a topological order exactly when it has no cycle.
        if (cycles.length === 0) expect(topologicalOrder(graph)).toHaveLength(n);
        else expect(() => topologicalOrder(graph)).toThrow(/cycle/);
      }),
      { numRuns: 300 },
    );
  });

  it('puts two nodes in one component exactly when each reaches the other', () => {
    fc.assert(
      fc.property(arbitraryGraph, ([n, pairs]) => {
        const graph = randomGraph(n, pairs);
        const componentOf = new Map<string, number>();
        stronglyConnectedComponents(graph).forEach((c, i) => c.forEach((k) => componentOf.set(k, i)));
        for (let a = 0; a < n; a++) {
          const reach = transitiveDependencies(graph, [key(a)]);
          for (let b = 0; b < n; b++) {
            const mutual = reach.has(key(b)) && transitiveDependencies(graph, [key(b)]).has(key(a));
            expect(componentOf.get(key(a)) === componentOf.get(key(b))).toBe(mutual);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('findCycles on large components', () => {
  it('names every spoke of a 20,000-spoke hub in linear time', () => {
    const spokes = 20_000;
    const graph = new Graph<null>();
    graph.addNode('hub', null);
    for (let i = 0; i < spokes; i++) {
      const spoke = `spoke${String(i).padStart(5, '0')}`;
      graph.addNode(spoke, null);
      graph.addEdge('hub', spoke);
      graph.addEdge(spoke, 'hub');
    }
    const [cycle] = findCycles(graph);
    const members = cycle?.members ?? [];
    expect(members).toHaveLength(2 * spokes);
    expect(members.filter((m) => m === 'hub')).toHaveLength(spokes);
    expect(new Set(members).size).toBe(spokes + 1);
  });
});
