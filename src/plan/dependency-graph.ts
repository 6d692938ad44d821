import { formatAddress, resourceOf, type ResourceAddress } from '../addr/index.js';
import type { Diagnostic, SourceRange } from '../diag/index.js';
import type { ResourceInstance } from '../config/index.js';
import { buildResourceGraph, type Graph, type NodeReference, type ResourceNodeInput } from '../graph/index.js';

/**
 * The instance-level dependency graph of a plan: every config instance (managed and data)
 * and every prior instance without config (planned for deletion, linked by the dependencies
 * state recorded). A reference to a resource without a literal key depends on all of its
 * instances. Keys are formatted instance addresses.
 */
export interface InstanceNode extends ResourceNodeInput {
  readonly inConfig: boolean;
}

export interface PriorOnly {
  readonly address: ResourceAddress;
  readonly dependencies: readonly ResourceAddress[];
}

const nowhere: SourceRange = { file: '', start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 0, offset: 0 } };

export function instanceGraph(instances: readonly ResourceInstance[], priorOnly: readonly PriorOnly[]): { graph: Graph<InstanceNode>; diagnostics: Diagnostic[] } {
  const byResource = new Map<string, string[]>();
  const all = new Set<string>();
  const add = (address: ResourceAddress): void => {
    const head = formatAddress(resourceOf(address));
    let list = byResource.get(head);
    if (list === undefined) byResource.set(head, (list = []));
    list.push(formatAddress(address));
    all.add(formatAddress(address));
  };
  for (const inst of instances) add(inst.address);
  for (const p of priorOnly) add(p.address);
  const expand = (address: ResourceAddress, range: SourceRange, out: NodeReference[], seen: Set<string>): void => {
    const exact = formatAddress(address);
    const keys = address.key !== undefined && all.has(exact) ? [exact] : (byResource.get(formatAddress(resourceOf(address))) ?? []);
    for (const key of keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ key, range });
    }
  };
  const nodes: InstanceNode[] = [];
  for (const inst of instances) {
    const references: NodeReference[] = [];
    const dependsOn: NodeReference[] = [];
    const seen = new Set<string>([formatAddress(inst.address)]);
    for (const ref of inst.references) if (ref.kind === 'resource') expand(ref.address, ref.range, references, seen);
    for (const dep of inst.dependsOn) expand(dep, inst.declRange, dependsOn, seen);
    nodes.push({ key: formatAddress(inst.address), address: inst.address, references, dependsOn, range: inst.declRange, inConfig: true });
  }
  for (const p of priorOnly) {
    const references: NodeReference[] = [];
    const seen = new Set<string>([formatAddress(p.address)]);
    for (const dep of p.dependencies) expand(dep, nowhere, references, seen);
    nodes.push({ key: formatAddress(p.address), address: p.address, references, dependsOn: [], range: nowhere, inConfig: false });
  }
  return buildResourceGraph(nodes);
}
