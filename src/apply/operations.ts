import { formatAddress, resourceOf, type ResourceAddress } from '../addr/index.js';
import { Graph } from '../graph/index.js';
import { changeKey, type ResourceChange } from '../plan/types.js';
import { findInstance } from '../state/index.js';
import type { ApplyInput } from './types.js';

/** One backend step. A `replace` change is two: a `create` and a `delete` of the old object. */
export type OperationKind = 'create' | 'update' | 'delete' | 'read';

export interface Operation {
  readonly key: string;
  readonly kind: OperationKind;
  readonly change: ResourceChange;
  /** The change's key (`changeKey`): its formatted instance address, unless it deletes a deposed object. */
  readonly address: string;
}

export interface OperationGraph {
  /** An edge `a → b` means operation `a` waits for operation `b`; walk it forward. */
  readonly graph: Graph<Operation>;
  /** The operations of each change by change key (one, or two for a replacement). */
  readonly byChange: ReadonlyMap<string, readonly Operation[]>;
  /** Replacements carried out create-then-delete: asked for, or inherited from a dependent that asked. */
  readonly createBeforeDestroy: ReadonlySet<string>;
}

/** The node key of an operation: the address, then what is done to it. */
export function operationKey(address: string, kind: OperationKind): string {
  return `${address} ${kind}`;
}

/**
 * The instance-level order of an apply. With F(x) the operation that produces x's new object
 * (create, update or read) and D(x) the deletion of its old one:
 *
 * 1. F(a) waits for F(b) for every b the new a depends on;
 * 2. D(b) waits for D(a) for every a whose old object depends on b (deletions in reverse);
 * 3. D(b) of a plain deletion or a create-before-destroy replacement also waits for the
 *    update or creation of every a that referred to b, so that a stops referring to it first;
 * 4. a replacement's create waits for its delete, or the other way round for create-before-
 *    destroy, which a replacement inherits from any create-before-destroy replacement that
 *    depends on it (otherwise 1, 2 and 4 would form a cycle).
 *
 * Dependencies on instances without a change are satisfied already and leave no edge. A
 * deposed object's deletion is a plain deletion: a dependency on its instance address is a
 * dependency on both the instance's change and its deposed objects' deletions.
 */
export function buildOperationGraph(input: ApplyInput): OperationGraph {
  const changes = new Map<string, ResourceChange>();
  /** Change keys by formatted instance address and by formatted resource address. */
  const keysAt = new Map<string, string[]>();
  const push = (name: string, key: string): void => {
    const list = keysAt.get(name);
    if (list) list.push(key);
    else keysAt.set(name, [key]);
  };
  for (const change of input.changes) {
    if (change.action === 'no-op') continue;
    const key = changeKey(change);
    changes.set(key, change);
    const instance = formatAddress(change.address);
    const resource = formatAddress(resourceOf(change.address));
    push(instance, key);
    if (resource !== instance) push(resource, key);
  }

  /** Formatted instance or resource addresses → the changes they name. */
  const expand = (self: string, deps: Iterable<string | ResourceAddress>): Set<string> => {
    const out = new Set<string>();
    for (const dep of deps) {
      for (const target of keysAt.get(typeof dep === 'string' ? dep : formatAddress(dep)) ?? []) if (target !== self) out.add(target);
    }
    return out;
  };
  const newDeps = new Map<string, Set<string>>();
  const oldDeps = new Map<string, Set<string>>();
  for (const [address, change] of changes) {
    if (change.action !== 'delete') newDeps.set(address, expand(address, input.instanceDependencies?.get(address) ?? change.dependsOn));
    if (change.action === 'delete' || change.action === 'replace' || change.action === 'update') {
      // A deposed object's own dependencies are not recorded: its instance's stand for them.
      const recorded = findInstance(input.prior, change.address)?.dependencies ?? [];
      oldDeps.set(address, expand(address, change.action === 'delete' ? [...recorded, ...change.dependsOn] : recorded));
    }
  }

  const cbd = new Set<string>();
  for (const [address, change] of changes) if (change.action === 'replace' && change.createBeforeDestroy) cbd.add(address);
  const work = [...cbd];
  while (work.length > 0) {
    for (const dep of newDeps.get(work.pop() as string) ?? []) {
      if (changes.get(dep)?.action === 'replace' && !cbd.has(dep)) {
        cbd.add(dep);
        work.push(dep);
      }
    }
  }

  const graph = new Graph<Operation>();
  const byChange = new Map<string, Operation[]>();
  const add = (address: string, change: ResourceChange, kind: OperationKind): void => {
    const op: Operation = { key: operationKey(address, kind), kind, change, address };
    graph.addNode(op.key, op);
    const list = byChange.get(address);
    if (list) list.push(op);
    else byChange.set(address, [op]);
  };
  const forward = new Map<string, string>();
  const deletion = new Map<string, string>();
  for (const [address, change] of changes) {
    switch (change.action) {
      case 'create':
      case 'update':
      case 'read':
        add(address, change, change.action);
        forward.set(address, operationKey(address, change.action));
        break;
      case 'delete':
        add(address, change, 'delete');
        deletion.set(address, operationKey(address, 'delete'));
        break;
      case 'replace':
        add(address, change, 'create');
        add(address, change, 'delete');
        forward.set(address, operationKey(address, 'create'));
        deletion.set(address, operationKey(address, 'delete'));
        if (cbd.has(address)) graph.addEdge(operationKey(address, 'delete'), operationKey(address, 'create'));
        else graph.addEdge(operationKey(address, 'create'), operationKey(address, 'delete'));
        break;
      case 'no-op':
        break;
      default: {
        const unreachable: never = change.action;
        throw new Error(`unknown change action ${String(unreachable)}`);
      }
    }
  }

  const waitsOnDependents = (b: string): boolean => changes.get(b)?.action === 'delete' || cbd.has(b);
  for (const [a, deps] of newDeps) {
    const fa = forward.get(a) as string;
    for (const b of deps) {
      const fb = forward.get(b);
      if (fb !== undefined) graph.addEdge(fa, fb); // rule 1
      const db = deletion.get(b);
      if (db !== undefined && cbd.has(b)) graph.addEdge(db, fa); // rule 3, new references
    }
  }
  for (const [a, deps] of oldDeps) {
    const da = deletion.get(a);
    const fa = forward.get(a);
    for (const b of deps) {
      const db = deletion.get(b);
      if (db === undefined) continue;
      if (da !== undefined) graph.addEdge(db, da); // rule 2
      if (fa !== undefined && waitsOnDependents(b)) graph.addEdge(db, fa); // rule 3, old references
    }
  }
  return { graph, byChange, createBeforeDestroy: cbd };
}
