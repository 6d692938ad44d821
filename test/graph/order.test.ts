import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Graph, topologicalOrder } from '../../src/graph/index.js';
import { graphOf } from './fixtures.js';

describe('topologicalOrder', () => {
  const cases: [string, string[], string[], string[]][] = [
    ['a chain', ['c>b', 'b>a'], ['a', 'b', 'c'], ['c', 'b', 'a']],
    ['ties in key order', ['z', 'y', 'x'], ['x', 'y', 'z'], ['x', 'y', 'z']],
    ['a diamond', ['d>b', 'd>c', 'b>a', 'c>a'], ['a', 'b', 'c', 'd'], ['d', 'b', 'c', 'a']],
    ['the smallest ready node first', ['a>z', 'b'], ['b', 'z', 'a'], ['a', 'b', 'z']],
    ['an empty graph', [], [], []],
  ];
  it.each(cases)('orders %s', (_, items, forward, reverse) => {
    const graph = graphOf(...items);
    expect(topologicalOrder(graph)).toEqual(forward);
    expect(topologicalOrder(graph, { reverse: true })).toEqual(reverse);
  });

  it('breaks ties with the given comparator', () => {
    const graph = graphOf('a', 'b', 'c', 'd>c');
    const descending = (x: string, y: string): number => (x < y ? 1 : x > y ? -1 : 0);
    expect(topologicalOrder(graph, { compare: descending })).toEqual(['c', 'd', 'b', 'a']);
  });

  it('throws on a cycle (callers check findCycles first)', () => {
    expect(() => topologicalOrder(graphOf('a>b', 'b>a', 'c'))).toThrow(/cycle among a, b/);
    expect(() => topologicalOrder(graphOf('a>a'))).toThrow(/cycle/);
  });

  it('is valid and independent of insertion order on random DAGs', () => {
    const dag = fc
      .integer({ min: 1, max: 40 })
      .chain((n) => {
        const indices = Array.from({ length: n }, (_, i) => i);
        return fc.tuple(
          fc.constant(indices),
          fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 120 }),
          fc.shuffledSubarray(indices, { minLength: n, maxLength: n }),
        );
      });
    fc.assert(
      fc.property(dag, ([indices, pairs, shuffled]) => {
        const key = (i: number): string => `k${String(i).padStart(2, '0')}`;
        // Edges only from larger to smaller index keep the graph acyclic.
        const edges = pairs.filter(([a, b]) => a !== b).map(([a, b]): [number, number] => (a > b ? [a, b] : [b, a]));
        const build = (nodeOrder: number[], edgeOrder: [number, number][]): Graph<null> => {
          const graph = new Graph<null>();
          for (const i of nodeOrder) graph.addNode(key(i), null);
          for (const [a, b] of edgeOrder) graph.addEdge(key(a), key(b));
          return graph;
        };
        const first = build(indices, edges);
        const second = build(shuffled, [...edges].reverse());
        const order = topologicalOrder(first);
        expect(topologicalOrder(second)).toEqual(order);
        expect(new Set(order).size).toBe(indices.length);
        const position = new Map(order.map((k, i) => [k, i]));
        for (const [a, b] of edges) expect(position.get(key(b))).toBeLessThan(position.get(key(a)) as number);
        const reverse = topologicalOrder(first, { reverse: true });
        const reversePosition = new Map(reverse.map((k, i) => [k, i]));
        for (const [a, b] of edges) expect(reversePosition.get(key(a))).toBeLessThan(reversePosition.get(key(b)) as number);
      }),
      { numRuns: 200 },
    );
  });

  it('orders a 100,000-node chain and a 100,000-node fan', () => {
    const n = 100_000;
    const chain = new Graph<null>();
    for (let i = 0; i < n; i++) chain.addNode(`n${i}`, null);
    for (let i = 1; i < n; i++) chain.addEdge(`n${i}`, `n${i - 1}`);
    const order = topologicalOrder(chain);
    expect(order[0]).toBe('n0');
    expect(order[n - 1]).toBe(`n${n - 1}`);
    expect(topologicalOrder(chain, { reverse: true })[0]).toBe(`n${n - 1}`);

    const fan = new Graph<null>();
    fan.addNode('root', null);
    for (let i = 0; i < n; i++) {
      fan.addNode(`leaf${i}`, null);
      fan.addEdge(`leaf${i}`, 'root');
    }
    const fanOrder = topologicalOrder(fan);
    expect(fanOrder[0]).toBe('root');
    expect(fanOrder).toHaveLength(n + 1);
  });
});
