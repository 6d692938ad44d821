import { addressContains, compareAddresses, compareInstanceKeys, formatAddress, resourceOf, withKey, type ResourceAddress } from '../addr/index.js';
import type { InstanceState, JsonValue, OutputState, PendingIntent, ResourceState, State } from './types.js';
import { STATE_VERSION } from './types.js';

/** A state with nothing in it, at serial 0 (never written). */
export function emptyState(lineage: string): State {
  return { version: STATE_VERSION, lineage, serial: 0, resources: [], outputs: {}, pending: [] };
}

/** The address of each instance, in address order. */
export function instanceAddresses(state: State): ResourceAddress[] {
  const out: ResourceAddress[] = [];
  for (const resource of state.resources) {
    for (const instance of resource.instances) out.push(withKey(resource, instance.key));
  }
  return out;
}

export function findResource(state: State, address: ResourceAddress): ResourceState | undefined {
  const head = resourceOf(address);
  return state.resources.find((resource) => compareAddresses(resource, head) === 0);
}

/** The instance at an instance address; a key-less address finds a key-less instance only. */
export function findInstance(state: State, address: ResourceAddress): InstanceState | undefined {
  return findResource(state, address)?.instances.find((instance) => instance.key === address.key);
}

/** Instances selected by `filter` (a resource address selects all its instances). */
export function selectInstances(state: State, filter: ResourceAddress): { address: ResourceAddress; instance: InstanceState }[] {
  const out: { address: ResourceAddress; instance: InstanceState }[] = [];
  for (const resource of state.resources) {
    for (const instance of resource.instances) {
      const address = withKey(resource, instance.key);
      if (addressContains(filter, address)) out.push({ address, instance });
    }
  }
  return out;
}

/**
 * Records `instance` at `address` (its key is taken from the address), replacing any previous
 * one. Costs O(resources + instances of that resource): apply calls it after every change.
 */
export function setInstance(state: State, address: ResourceAddress, instance: Omit<InstanceState, 'key'>): State {
  const head = resourceOf(address);
  const stored: InstanceState = address.key === undefined ? { ...instance } : { ...instance, key: address.key };
  const r = lowerBound(state.resources, (resource) => compareAddresses(resource, head));
  const existing = state.resources[r];
  const found = existing !== undefined && compareAddresses(existing, head) === 0;
  let instances: InstanceState[];
  if (found) {
    const i = lowerBound(existing.instances, (other) => compareInstanceKeys(other.key, address.key));
    const same = existing.instances[i]?.key === address.key;
    instances = [...existing.instances];
    instances.splice(i, same ? 1 : 0, stored);
  } else instances = [stored];
  const resource: ResourceState = { mode: head.mode, type: head.type, name: head.name, instances };
  const resources = [...state.resources];
  resources.splice(r, found ? 1 : 0, resource);
  return { ...state, resources };
}

/** The first index whose element does not compare below the target (`compare` < 0 means below). */
function lowerBound<T>(items: readonly T[], compare: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(items[mid] as T) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Removes the instance at `address`, and its resource when no instance is left. */
export function removeInstance(state: State, address: ResourceAddress): State {
  const head = resourceOf(address);
  const resources: ResourceState[] = [];
  for (const resource of state.resources) {
    if (compareAddresses(resource, head) !== 0) {
      resources.push(resource);
      continue;
    }
    const instances = resource.instances.filter((i) => i.key !== address.key);
    if (instances.length > 0) resources.push({ ...resource, instances });
  }
  return { ...state, resources };
}

export function setOutput(state: State, name: string, value: JsonValue, sensitive: boolean): State {
  const output: OutputState = { value, sensitive };
  return { ...state, outputs: { ...state.outputs, [name]: output } };
}

export function removeOutput(state: State, name: string): State {
  const outputs = { ...state.outputs };
  delete outputs[name];
  return { ...state, outputs };
}

/** Adds an intent to the journal. An intent with the same id is a bug in the caller. */
export function addPending(state: State, intent: PendingIntent): State {
  if (state.pending.some((p) => p.intentId === intent.intentId)) {
    throw new Error(`intent ${intent.intentId} is already pending for ${formatAddress(intent.address)}`);
  }
  return { ...state, pending: [...state.pending, intent] };
}

/** Removes an intent once its outcome is recorded; removing an unknown id changes nothing. */
export function resolvePending(state: State, intentId: string): State {
  return { ...state, pending: state.pending.filter((p) => p.intentId !== intentId) };
}
