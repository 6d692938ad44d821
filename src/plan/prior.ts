import { compareAddresses, formatAddress, resourceOf, withKey, type ResourceAddress } from '../addr/index.js';
import { warningDiag, type Diagnostic, type SourceRange } from '../diag/index.js';
import type { AttributePath, InstanceState, JsonObject, JsonValue, PendingIntent, ResourceState, State } from '../state/index.js';
import { canonicalDocuments, differingPaths } from './attribute-diff.js';
import type { RefreshedObject, RefreshedObjects } from './input.js';
import type { ResourceDrift } from './types.js';

/**
 * The prior picture the diff starts from: state with `moved` applied, each instance's value
 * replaced by what refresh read (objects gone from the backend marked), drift recorded.
 * Keyed by formatted instance address so every later lookup is O(1).
 */
export interface PriorInstance {
  readonly address: ResourceAddress;
  readonly id: string;
  /** The refreshed value (`id` included); the state value when not refreshed. */
  readonly attributes: JsonObject;
  readonly sensitivePaths: readonly AttributePath[];
  readonly dependencies: readonly ResourceAddress[];
  readonly private?: JsonValue;
  /** True when refresh found the object missing: the instance is planned anew. */
  readonly gone: boolean;
  /** How the instance came to be managed in this plan, when not from state. */
  readonly adopted?: 'pending_intent' | 'import';
  readonly importId?: string;
  /** The address state had before a `moved` block moved the instance here. */
  readonly movedFrom?: ResourceAddress;
}

export interface PriorPicture {
  readonly instances: Map<string, PriorInstance>;
  /** Drift per formatted address (every instance that differs from its refreshed object). */
  readonly drift: Map<string, ResourceDrift>;
  /** Ids per type of objects already managed, so adoption never takes one twice. */
  readonly managedIds: Map<string, Set<string>>;
}

/** Objects of one kind by id, built on first use. */
export class RefreshIndex {
  private readonly byId = new Map<string, Map<string, RefreshedObject>>();
  constructor(readonly refreshed: RefreshedObjects) {}

  has(kind: string): boolean {
    return this.refreshed.has(kind);
  }

  list(kind: string): readonly RefreshedObject[] {
    return this.refreshed.get(kind) ?? [];
  }

  get(kind: string, id: string): RefreshedObject | undefined {
    let index = this.byId.get(kind);
    if (index === undefined) {
      index = new Map();
      for (const o of this.list(kind)) index.set(o.id, o);
      this.byId.set(kind, index);
    }
    return index.get(id);
  }
}

export function withId(id: string, attributes: JsonObject): JsonObject {
  return attributes['id'] === id ? attributes : { ...attributes, id };
}

/** Applies `moved` blocks to the state's instances (resource- or instance-level). */
export interface MovedInstance {
  readonly address: ResourceAddress;
  readonly instance: InstanceState;
  readonly movedFrom?: ResourceAddress;
}

export function applyMoves(state: State, moved: readonly { readonly from: ResourceAddress; readonly to: ResourceAddress; readonly range: SourceRange }[], diags: Diagnostic[]): Map<string, MovedInstance> {
  const out = new Map<string, MovedInstance>();
  for (const resource of state.resources) {
    if (resource.mode !== 'managed') continue;
    for (const instance of resource.instances) {
      const address = withKey(resource, instance.key);
      out.set(formatAddress(address), { address, instance });
    }
  }
  for (const move of moved) {
    const fromResource = move.from.key === undefined;
    const matches = [...out.values()].filter((e) => (fromResource ? formatAddress(resourceOf(e.address)) === formatAddress(move.from) : formatAddress(e.address) === formatAddress(move.from)));
    for (const entry of matches) {
      const target = fromResource ? withKey(move.to, entry.address.key) : move.to;
      const targetKey = formatAddress(target);
      if (out.has(targetKey)) {
        diags.push(warningDiag('plan.moved-target-exists', 'Cannot move to an address already in state', { detail: `${formatAddress(entry.address)} was not moved: ${targetKey} is already managed.`, range: move.range }));
        continue;
      }
      out.delete(formatAddress(entry.address));
      out.set(targetKey, { address: target, instance: entry.instance, movedFrom: entry.movedFrom ?? entry.address });
    }
  }
  return out;
}

/** Refreshes every moved state instance against the backend's lists and records drift. */
export function refreshPrior(moved: Map<string, MovedInstance>, index: RefreshIndex, refresh: boolean): PriorPicture {
  const instances = new Map<string, PriorInstance>();
  const drift = new Map<string, ResourceDrift>();
  const managedIds = new Map<string, Set<string>>();
  for (const [key, { address, instance, movedFrom }] of moved) {
    let ids = managedIds.get(address.type);
    if (ids === undefined) managedIds.set(address.type, (ids = new Set()));
    ids.add(instance.id);
    const stateValue = withId(instance.id, instance.attributes);
    const base = {
      address,
      id: instance.id,
      sensitivePaths: instance.sensitivePaths,
      dependencies: instance.dependencies,
      ...(instance.private !== undefined ? { private: instance.private } : {}),
      ...(movedFrom !== undefined ? { movedFrom } : {}),
    };
    if (!refresh || !index.has(address.type)) {
      instances.set(key, { ...base, attributes: stateValue, gone: false });
      continue;
    }
    const remote = index.get(address.type, instance.id);
    if (remote === undefined) {
      instances.set(key, { ...base, attributes: stateValue, gone: true });
      drift.set(key, { address, kind: 'deleted', before: stateValue, after: null, paths: [], sensitive: instance.sensitivePaths });
      continue;
    }
    const remoteValue = withId(remote.id, remote.attributes);
    const paths = differingPaths(address.type, 'managed', canonicalDocuments(address.type, 'managed', stateValue), canonicalDocuments(address.type, 'managed', remoteValue));
    if (paths.length > 0) drift.set(key, { address, kind: 'changed', before: stateValue, after: remoteValue, paths, sensitive: instance.sensitivePaths });
    instances.set(key, { ...base, attributes: remoteValue, gone: false });
  }
  return { instances, drift, managedIds };
}

/**
 * A State holding `instances` (objects gone from the backend left out), with the base's
 * lineage, serial and outputs, and of the pending intents only `pending` (the planner has
 * resolved the others). Sorted as State requires.
 */
export function stateFromPrior(base: State, instances: Iterable<PriorInstance>, pending: readonly PendingIntent[] = []): State {
  const byResource = new Map<string, { head: ResourceAddress; instances: InstanceState[] }>();
  for (const p of instances) {
    if (p.gone) continue;
    const head = resourceOf(p.address);
    const key = formatAddress(head);
    let entry = byResource.get(key);
    if (entry === undefined) byResource.set(key, (entry = { head, instances: [] }));
    entry.instances.push({
      ...(p.address.key !== undefined ? { key: p.address.key } : {}),
      id: p.id,
      attributes: p.attributes,
      sensitivePaths: p.sensitivePaths,
      dependencies: p.dependencies,
      ...(p.private !== undefined ? { private: p.private } : {}),
    });
  }
  const resources: ResourceState[] = [...byResource.values()]
    .sort((a, b) => compareAddresses(a.head, b.head))
    .map(({ head, instances: list }) => ({
      mode: head.mode,
      type: head.type,
      name: head.name,
      instances: list.sort((a, b) => compareAddresses(withKey(head, a.key), withKey(head, b.key))),
    }));
  // Data sources are not kept between runs: they are read anew by every plan.
  const data = base.resources.filter((r) => r.mode === 'data');
  return { ...base, resources: [...resources, ...data].sort((a, b) => compareAddresses(a, b)), pending: [...pending] };
}
