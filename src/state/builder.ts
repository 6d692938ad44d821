import { compareAddresses, compareInstanceKeys, resourceOf, type InstanceKey, type ResourceAddress } from '../addr/index.js';
import type { InstanceState, JsonValue, OutputState, PendingIntent, ResourceState, State } from './types.js';
import { STATE_VERSION } from './types.js';

interface ResourceEntry {
  readonly head: ResourceAddress;
  readonly instances: Map<string, InstanceState>;
  /** The sorted instances of the last snapshot; dropped when the resource changes. */
  sorted: InstanceState[] | undefined;
}

/** Distinct for `undefined`, each number and each string (`1` and `"1"` differ). */
function instanceKeyOf(key: InstanceKey | undefined): string {
  return key === undefined ? '' : typeof key === 'number' ? `#${key}` : `$${key}`;
}

function resourceKeyOf(address: ResourceAddress): string {
  return `${address.mode} ${address.type} ${address.name}`;
}

/**
 * A mutable working copy of a State for apply, which records thousands of results: a change
 * is O(1), and `state()` builds an immutable State, re-sorting only the resources changed
 * since the previous call (apply takes a snapshot per state write, not per change). The
 * functions of `state.ts` copy arrays on every change, which is fine for a few changes but
 * quadratic for a whole apply.
 */
export class StateBuilder {
  private readonly resources = new Map<string, ResourceEntry>();
  private outputs: Readonly<Record<string, OutputState>>;
  private readonly pending = new Map<string, PendingIntent>();
  private snapshot: State | undefined;
  private readonly lineage: string;
  private readonly serial: number;

  constructor(base: State) {
    this.lineage = base.lineage;
    this.serial = base.serial;
    for (const resource of base.resources) {
      const entry: ResourceEntry = { head: resourceOf(resource), instances: new Map(), sorted: [...resource.instances] };
      for (const instance of resource.instances) entry.instances.set(instanceKeyOf(instance.key), instance);
      this.resources.set(resourceKeyOf(entry.head), entry);
    }
    this.outputs = { ...base.outputs };
    for (const intent of base.pending) this.pending.set(intent.intentId, intent);
    this.snapshot = base;
  }

  get(address: ResourceAddress): InstanceState | undefined {
    return this.resources.get(resourceKeyOf(address))?.instances.get(instanceKeyOf(address.key));
  }

  /** Records `instance` at `address` (key from the address), replacing any previous one. */
  set(address: ResourceAddress, instance: Omit<InstanceState, 'key'>): void {
    const name = resourceKeyOf(address);
    let entry = this.resources.get(name);
    if (!entry) {
      entry = { head: resourceOf(address), instances: new Map(), sorted: undefined };
      this.resources.set(name, entry);
    }
    entry.instances.set(instanceKeyOf(address.key), address.key === undefined ? { ...instance } : { ...instance, key: address.key });
    entry.sorted = undefined;
    this.snapshot = undefined;
  }

  remove(address: ResourceAddress): void {
    const name = resourceKeyOf(address);
    const entry = this.resources.get(name);
    if (!entry || !entry.instances.delete(instanceKeyOf(address.key))) return;
    if (entry.instances.size === 0) this.resources.delete(name);
    entry.sorted = undefined;
    this.snapshot = undefined;
  }

  setOutput(name: string, value: JsonValue, sensitive: boolean): void {
    this.outputs = { ...this.outputs, [name]: { value, sensitive } };
    this.snapshot = undefined;
  }

  /** Replaces every output. */
  setOutputs(outputs: Readonly<Record<string, OutputState>>): void {
    this.outputs = outputs;
    this.snapshot = undefined;
  }

  removeOutput(name: string): void {
    if (!(name in this.outputs)) return;
    const outputs = { ...this.outputs };
    delete outputs[name];
    this.outputs = outputs;
    this.snapshot = undefined;
  }

  /** Journals an intent; an id already pending is a bug in the caller. */
  addPending(intent: PendingIntent): void {
    if (this.pending.has(intent.intentId)) throw new Error(`intent ${intent.intentId} is already pending`);
    this.putPending(intent);
  }

  /** Journals an intent, replacing one with the same id in its place (journal replay may see an intent again). */
  putPending(intent: PendingIntent): void {
    this.pending.set(intent.intentId, intent);
    this.snapshot = undefined;
  }

  /** The pending intents, in the order they were first added. */
  pendingIntents(): PendingIntent[] {
    return [...this.pending.values()];
  }

  resolvePending(intentId: string): void {
    if (this.pending.delete(intentId)) this.snapshot = undefined;
  }

  /** The current content as an immutable State (same object until the next change). */
  state(): State {
    if (this.snapshot) return this.snapshot;
    const resources: ResourceState[] = [];
    for (const entry of this.resources.values()) {
      entry.sorted ??= [...entry.instances.values()].sort((a, b) => compareInstanceKeys(a.key, b.key));
      resources.push({ mode: entry.head.mode, type: entry.head.type, name: entry.head.name, instances: entry.sorted });
    }
    resources.sort(compareAddresses);
    this.snapshot = { version: STATE_VERSION, lineage: this.lineage, serial: this.serial, resources, outputs: this.outputs, pending: this.pendingIntents() };
    return this.snapshot;
  }
}
