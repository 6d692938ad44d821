import { describe, expect, it } from 'vitest';
import {
  Graph,
  subgraphWithDependencies,
  subgraphWithDependents,
  transitiveDependencies,
  transitiveDependents,
  transitiveReduction,
} from '../../src/graph/index.js';
import { edgeList, graphOf } from './fixtures.js';

describe('Graph', () => {
  it('keeps both directions of every edge and counts edges once', () => {
    const graph = graphOf('a>b', 'a>c', 'b>c', 'a>b');
    expect(graph.size).toBe(3);
    expect(graph.edgeCount).toBe(3);
    expect([...graph.dependencies('a')].sort()).toEqual(['b', 'c']);
    expect([...graph.dependents('c')].sort()).toEqual(['a', 'b']);
    expect(graph.hasEdge('a', 'b')).toBe(true);
    expect(graph.hasEdge('b', 'a')).toBe(false);
    expect([...graph.dependencies('missing')]).toEqual([]);
  });

  it('replaces a payload without losing edges', () => {
    const graph = graphOf('a>b');
    graph.addNode('a', 'A');
    expect(graph.payload('a')).toBe('A');
    expect(edgeList(graph)).toEqual(['a>b']);
  });

  it('refuses an edge to a missing node (a caller bug)', () => {
    const graph = graphOf('a');
    expect(() => graph.addEdge('a', 'b')).toThrow(/unknown node b/);
    expect(() => graph.addEdge('x', 'a')).toThrow(/unknown node x/);
  });

  const removals: [string, string[], string, string[], number][] = [
    ['a middle node', ['a>b', 'b>c', 'a>c'], 'b', ['a>c'], 1],
    ['a node with a self-edge', ['a>a', 'a>b', 'c>a'], 'a', [], 0],
    ['a leaf', ['a>b'], 'b', [], 0],
  ];
  it.each(removals)('removes %s with its edges', (_, items, key, edges, count) => {
    const graph = graphOf(...items);
    expect(graph.removeNode(key)).toBe(true);
    expect(graph.hasNode(key)).toBe(false);
    expect(edgeList(graph)).toEqual(edges);
    expect(graph.edgeCount).toBe(count);
    for (const other of graph.keys()) {
      expect(graph.dependents(other).has(key)).toBe(false);
      expect(graph.dependencies(other).has(key)).toBe(false);
    }
    expect(graph.removeNode(key)).toBe(false);
  });

  it('removes single edges', () => {
    const graph = graphOf('a>b', 'b>c');
    expect(graph.removeEdge('a', 'b')).toBe(true);
    expect(graph.removeEdge('a', 'b')).toBe(false);
    expect(graph.dependents('b').size).toBe(0);
    expect(graph.edgeCount).toBe(1);
  });

  it('clones structure independently and shares payloads', () => {
    const payload = { n: 1 };
    const graph = new Graph<{ n: number }>();
    graph.addNode('a', payload);
    graph.addNode('b', payload);
    graph.addEdge('a', 'b');
    const copy = graph.clone();
    copy.removeEdge('a', 'b');
    expect(graph.hasEdge('a', 'b')).toBe(true);
    expect(copy.payload('a')).toBe(payload);
  });
});

describe('subgraphs for targeting', () => {
  // user <- membership -> group <- attachment -> policy; other stands alone; key -> user
  const items = ['membership>user', 'membership>group', 'attachment>group', 'attachment>policy', 'key>user', 'other'];

  const withDeps: [string, string[], string[], string[]][] = [
    ['a leaf target', ['user'], ['user'], []],
    ['a target with dependencies', ['membership'], ['group', 'membership', 'user'], ['membership>group', 'membership>user']],
    ['two targets', ['membership', 'attachment'], ['attachment', 'group', 'membership', 'policy', 'user'], ['attachment>group', 'attachment>policy', 'membership>group', 'membership>user']],
    ['an unknown target', ['nope'], [], []],
  ];
  it.each(withDeps)('with dependencies of %s', (_, targets, nodes, edges) => {
    const graph = graphOf(...items);
    const sub = subgraphWithDependencies(graph, targets);
    expect([...sub.keys()].sort()).toEqual(nodes);
    expect(edgeList(sub)).toEqual(edges);
    expect([...transitiveDependencies(graph, targets)].sort()).toEqual(nodes);
  });

  const withDependents: [string, string[], string[], string[]][] = [
    ['a root target', ['membership'], ['membership'], []],
    ['a shared dependency', ['user'], ['key', 'membership', 'user'], ['key>user', 'membership>user']],
    ['group', ['group'], ['attachment', 'group', 'membership'], ['attachment>group', 'membership>group']],
  ];
  it.each(withDependents)('with dependents of %s', (_, targets, nodes, edges) => {
    const graph = graphOf(...items);
    const sub = subgraphWithDependents(graph, targets);
    expect([...sub.keys()].sort()).toEqual(nodes);
    expect(edgeList(sub)).toEqual(edges);
    expect([...transitiveDependents(graph, targets)].sort()).toEqual(nodes);
  });

  it('follows long chains transitively', () => {
    const chain = Array.from({ length: 50 }, (_, i) => `n${i + 1}>n${i}`);
    const graph = graphOf(...chain, 'loose');
    expect(subgraphWithDependencies(graph, ['n50']).size).toBe(51);
    expect(subgraphWithDependents(graph, ['n0']).size).toBe(51);
    expect(subgraphWithDependents(graph, ['n49']).size).toBe(2);
  });
});

describe('transitiveReduction', () => {
  const cases: [string, string[], string[]][] = [
    ['a triangle', ['a>b', 'b>c', 'a>c'], ['a>b', 'b>c']],
    ['a diamond with a shortcut', ['a>b', 'a>c', 'b>d', 'c>d', 'a>d'], ['a>b', 'a>c', 'b>d', 'c>d']],
    ['a long shortcut', ['a>b', 'b>c', 'c>d', 'a>d', 'b>d'], ['a>b', 'b>c', 'c>d']],
    ['nothing to remove', ['a>b', 'c>b'], ['a>b', 'c>b']],
  ];
  it.each(cases)('reduces %s', (_, items, expected) => {
    const graph = graphOf(...items);
    const reduced = transitiveReduction(graph);
    expect(edgeList(reduced)).toEqual(expected);
    expect(edgeList(graph)).toEqual([...items].sort());
  });

  it('keeps reachability', () => {
    const graph = graphOf('a>b', 'a>c', 'b>c', 'c>d', 'b>d', 'a>d', 'e>a', 'e>d');
    const reduced = transitiveReduction(graph);
    for (const key of graph.keys()) {
      expect([...transitiveDependencies(reduced, [key])].sort()).toEqual([...transitiveDependencies(graph, [key])].sort());
    }
  });

  it('refuses a cyclic graph (a caller bug)', () => {
    expect(() => transitiveReduction(graphOf('a>b', 'b>a'))).toThrow(/cycle/);
  });
});
