import { compareAddresses, type ResourceAddress } from '../addr/index.js';
import { errorDiag, formatRangeShort, type Diagnostic, type SourceRange } from '../diag/index.js';
import { findCycles, hasCycle, type Cycle } from './cycles.js';
import { compareNodeKeys, Graph } from './graph.js';

/** Where one node names another: an expression reference or a `depends_on` entry. */
export interface NodeReference {
  readonly key: string;
  readonly range: SourceRange;
}

/**
 * What the config evaluator hands over for one resource (or one instance): its graph key
 * (normally the formatted address), the keys it references and lists in `depends_on`, and the
 * range of its block. The whole value becomes the node payload, so callers may extend it.
 */
export interface ResourceNodeInput {
  readonly key: string;
  readonly address: ResourceAddress;
  readonly references: readonly NodeReference[];
  readonly dependsOn: readonly NodeReference[];
  readonly range: SourceRange;
}

/** Why an edge exists: the first (in source order) reference or `depends_on` entry behind it. */
export interface EdgeOrigin {
  readonly kind: 'reference' | 'depends_on';
  readonly range: SourceRange;
}

export interface ResourceGraph<N extends ResourceNodeInput> {
  readonly graph: Graph<N>;
  /** One `graph.cycle` error per cycle, ordered by the cycle's first member. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Builds the dependency graph of resources or instances. A reference to a key that is not a
 * node is skipped: the config evaluator has already diagnosed it, and the graph must not say
 * it twice. A node that references itself is a cycle of one. Keys must be unique (a repeated
 * key is a bug in the caller and throws). O(V + E) when there is no cycle.
 */
export function buildResourceGraph<N extends ResourceNodeInput>(nodes: readonly N[]): ResourceGraph<N> {
  const graph = new Graph<N>();
  for (const node of nodes) {
    if (graph.hasNode(node.key)) throw new Error(`buildResourceGraph: duplicate node key ${node.key}`);
    graph.addNode(node.key, node);
  }
  for (const node of nodes) {
    for (const reference of node.references) {
      if (graph.hasNode(reference.key)) graph.addEdge(node.key, reference.key);
    }
    for (const reference of node.dependsOn) {
      if (graph.hasNode(reference.key)) graph.addEdge(node.key, reference.key);
    }
  }
  if (!hasCycle(graph)) return { graph, diagnostics: [] };
  const compare = (a: string, b: string): number => {
    const pa = graph.payload(a);
    const pb = graph.payload(b);
    const byAddress = pa && pb ? compareAddresses(pa.address, pb.address) : 0;
    return byAddress !== 0 ? byAddress : compareNodeKeys(a, b);
  };
  return { graph, diagnostics: findCycles(graph, compare).map((cycle) => cycleDiagnostic(cycle, graph)) };
}

/**
 * Why `node` depends on `to`: its first reference or `depends_on` entry naming `to`, in
 * source order; undefined when it names `to` nowhere.
 */
export function edgeOrigin(node: ResourceNodeInput, to: string): EdgeOrigin | undefined {
  let found: EdgeOrigin | undefined;
  const consider = (references: readonly NodeReference[], kind: EdgeOrigin['kind']): void => {
    for (const reference of references) {
      if (reference.key === to && (found === undefined || reference.range.start.offset < found.range.start.offset)) {
        found = { kind, range: reference.range };
      }
    }
  };
  consider(node.references, 'reference');
  consider(node.dependsOn, 'depends_on');
  return found;
}

/**
 * `Cycle: iam_group.a → iam_policy_attachment.b → iam_group.a`, with one detail line per
 * member naming the reference that leads to the next member, and the range of the first.
 */
export function cycleDiagnostic<N extends ResourceNodeInput>(cycle: Cycle, graph: Graph<N>): Diagnostic {
  const { members } = cycle;
  const first = members[0] as string;
  const lines: string[] = [];
  let firstRange: SourceRange | undefined;
  members.forEach((from, i) => {
    const to = members[(i + 1) % members.length] as string;
    const payload = graph.payload(from);
    const origin = payload ? edgeOrigin(payload, to) : undefined;
    if (i === 0) firstRange = origin?.range;
    const verb = origin?.kind === 'depends_on' ? 'depends on' : 'refers to';
    const target = from === to ? 'itself' : to;
    lines.push(`  ${from} ${verb} ${target}${origin ? ` (${formatRangeShort(origin.range)})` : ''}`);
  });
  const node = graph.payload(first);
  const detail =
    (members.length === 1
      ? 'A resource cannot depend on itself:\n'
      : `These ${new Set(members).size} resources depend on each other, so none of them can be created first:\n`) +
    lines.join('\n') +
    '\nRemove one of these references or depends_on entries to break the cycle.';
  return errorDiag('graph.cycle', `Cycle: ${[...members, first].join(' → ')}`, {
    detail,
    range: firstRange ?? node?.range,
    context: node ? blockContext(node.address) : undefined,
  });
}

/** `resource "iam_group" "a"` / `data "iam_policy" "ro"`, as diagnostics name a block. */
function blockContext(address: ResourceAddress): string {
  return `${address.mode === 'data' ? 'data' : 'resource'} "${address.type}" "${address.name}"`;
}
