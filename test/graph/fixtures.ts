import { parseAddress } from '../../src/addr/index.js';
import type { SourceRange } from '../../src/diag/index.js';
import { Graph, type ResourceNodeInput } from '../../src/graph/index.js';

/** A range on one line of main.hcl; offset grows with line so that source order is line order. */
export function at(line: number, column = 3, file = 'main.hcl'): SourceRange {
  const offset = line * 100 + column;
  return { file, start: { line, column, offset }, end: { line, column: column + 10, offset: offset + 10 } };
}

export interface NodeSpec {
  readonly key: string;
  readonly line: number;
  /** `[key, line]` of each reference; `line` locates it for diagnostics. */
  readonly refs?: readonly (readonly [string, number])[];
  readonly dependsOn?: readonly (readonly [string, number])[];
}

/** A ResourceNodeInput from a compact spec; the key must parse as an address. */
export function node(spec: NodeSpec): ResourceNodeInput {
  const address = parseAddress(spec.key).address;
  if (address === undefined) throw new Error(`bad fixture key ${spec.key}`);
  return {
    key: spec.key,
    address,
    range: at(spec.line, 1),
    references: (spec.refs ?? []).map(([key, line]) => ({ key, range: at(line, 12) })),
    dependsOn: (spec.dependsOn ?? []).map(([key, line]) => ({ key, range: at(line, 16) })),
  };
}

/** A graph from `from>to` edge strings and lone node names; payload = key. */
export function graphOf(...items: string[]): Graph<string> {
  const graph = new Graph<string>();
  for (const item of items) {
    for (const key of item.split('>')) graph.addNode(key, key);
  }
  for (const item of items) {
    const [from, to] = item.split('>');
    if (from !== undefined && to !== undefined) graph.addEdge(from, to);
  }
  return graph;
}

export function edgeList<T>(graph: Graph<T>): string[] {
  return [...graph.edges()].map(([from, to]) => `${from}>${to}`).sort();
}
