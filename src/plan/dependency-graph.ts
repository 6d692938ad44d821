import { formatAddress, resourceOf, type ResourceAddress } from '../addr/index.js';
import type { Diagnostic, SourceRange } from '../diag/index.js';
import type { ResourceInstance } from '../config/index.js';
import { buildResourceGraph, type Graph, type NodeReference, type ResourceNodeInput } from '../graph/index.js';

/**
 * The instance-level dependency graph of a plan: every config instance (managed and data)
 * and every prior instance without config (planned for deletion, linked by the dependencies
 * state recorded). Keys are formatted instance addresses.
 *
 * A reference to an expanded resource without a literal key (`iam_group.team[each.key]`)
 * cannot be pinned to one instance before evaluation, so it depends on the whole resource.
 * Such references go through one *resource node* per resource (key `iam_group.team`, never
 * equal to an instance key), which depends on each of its instances: the graph stays O(n)
 * where direct edges to every instance would be O(n²). Resource nodes have `resource: true`.
 */
export interface InstanceNode extends ResourceNodeInput {
  readonly inConfig: boolean;
  readonly resource: boolean;
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

  const hubs = new Map<string, InstanceNode>();
  const target = (address: ResourceAddress): string | undefined => {
    const exact = formatAddress(address);
    if (address.key !== undefined && all.has(exact)) return exact;
    const head = formatAddress(resourceOf(address));
    const members = byResource.get(head);
    if (members === undefined) return undefined;
    // A resource without count/for_each has one instance whose key is the resource's.
    if (members.length === 1 && members[0] === head) return head;
    if (!hubs.has(head)) {
      hubs.set(head, { key: head, address: resourceOf(address), references: members.map((key) => ({ key, range: nowhere })), dependsOn: [], range: nowhere, inConfig: false, resource: true });
    }
    return head;
  };
  const link = (address: ResourceAddress, range: SourceRange, out: NodeReference[], seen: Set<string>): void => {
    const key = target(address);
    if (key === undefined || seen.has(key)) return;
    seen.add(key);
    out.push({ key, range });
  };

  const nodes: InstanceNode[] = [];
  for (const inst of instances) {
    const key = formatAddress(inst.address);
    const references: NodeReference[] = [];
    const dependsOn: NodeReference[] = [];
    const seen = new Set<string>([key]);
    for (const ref of inst.references) if (ref.kind === 'resource') link(ref.address, ref.range, references, seen);
    for (const dep of inst.dependsOn) link(dep, inst.declRange, dependsOn, seen);
    nodes.push({ key, address: inst.address, references, dependsOn, range: inst.declRange, inConfig: true, resource: false });
  }
  for (const p of priorOnly) {
    const key = formatAddress(p.address);
    const references: NodeReference[] = [];
    const seen = new Set<string>([key]);
    for (const dep of p.dependencies) link(dep, nowhere, references, seen);
    nodes.push({ key, address: p.address, references, dependsOn: [], range: nowhere, inConfig: false, resource: false });
  }
  return buildResourceGraph([...nodes, ...hubs.values()]);
}
