import { compareAddresses, formatAddress, resourceOf, withKey, type ResourceAddress } from '../addr/index.js';
import { STATE_VERSION, type InstanceState, type OutputState, type PendingIntent, type ResourceState, type State } from '../state/index.js';
import type { RecordedInstance } from './types.js';

interface ResourceEntry {
  readonly head: ResourceAddress;
  /** By formatted instance address. */
  readonly instances: Map<string, InstanceState>;
  /** The sorted instance list last handed out; dropped when the resource changes. */
  sorted: InstanceState[] | undefined;
}

/**
 * A mutable copy of a State for apply and journal replay. Every change is O(1) on average;
 * `toState` costs O(n) plus sorting the resources that changed since its last call. The
 * lineage and serial of the base are kept; `serial` is set by whoever stores the state.
 */
export class WorkingState {
  private readonly resources = new Map<string, ResourceEntry>();
  private readonly pending = new Map<string, PendingIntent>();
  /** Every instance by formatted instance address (the same objects as in `resources`). */
  private readonly byName = new Map<string, InstanceState>();
  private outputs: Readonly<Record<string, OutputState>>;
  private instanceCount = 0;
  readonly lineage: string;
  serial: number;

  constructor(base: State) {
    this.lineage = base.lineage;
    this.serial = base.serial;
    this.outputs = base.outputs;
    for (const resource of base.resources) {
      const head = resourceOf(resource);
      const instances = new Map<string, InstanceState>();
      for (const instance of resource.instances) {
        const name = formatAddress(withKey(head, instance.key));
        instances.set(name, instance);
        this.byName.set(name, instance);
      }
      this.resources.set(formatAddress(head), { head, instances, sorted: [...resource.instances] });
      this.instanceCount += instances.size;
    }
    for (const intent of base.pending) this.pending.set(intent.intentId, intent);
  }

  /** Number of instances held. */
  get size(): number {
    return this.instanceCount;
  }

  get(address: ResourceAddress): InstanceState | undefined {
    return this.byName.get(formatAddress(address));
  }

  /** By formatted instance address. */
  getByName(address: string): InstanceState | undefined {
    return this.byName.get(address);
  }

  set(address: ResourceAddress, instance: RecordedInstance): void {
    const head = resourceOf(address);
    const name = formatAddress(head);
    let entry = this.resources.get(name);
    if (!entry) {
      entry = { head, instances: new Map(), sorted: undefined };
      this.resources.set(name, entry);
    }
    const key = formatAddress(address);
    if (!entry.instances.has(key)) this.instanceCount++;
    const stored: InstanceState = address.key === undefined ? { ...instance } : { ...instance, key: address.key };
    entry.instances.set(key, stored);
    this.byName.set(key, stored);
    entry.sorted = undefined;
  }

  remove(address: ResourceAddress): void {
    const name = formatAddress(resourceOf(address));
    const entry = this.resources.get(name);
    const key = formatAddress(address);
    if (!entry || !entry.instances.delete(key)) return;
    this.byName.delete(key);
    this.instanceCount--;
    entry.sorted = undefined;
    if (entry.instances.size === 0) this.resources.delete(name);
  }

  /** Adds or replaces an intent (replay may see the same intent twice). */
  addPending(intent: PendingIntent): void {
    this.pending.set(intent.intentId, intent);
  }

  resolvePending(intentId: string): void {
    this.pending.delete(intentId);
  }

  pendingIntents(): PendingIntent[] {
    return [...this.pending.values()];
  }

  setOutputs(outputs: Readonly<Record<string, OutputState>>): void {
    this.outputs = outputs;
  }

  toState(): State {
    const resources: ResourceState[] = [];
    for (const entry of this.resources.values()) {
      entry.sorted ??= [...entry.instances.values()].sort((a, b) => compareAddresses(withKey(entry.head, a.key), withKey(entry.head, b.key)));
      resources.push({ mode: entry.head.mode, type: entry.head.type, name: entry.head.name, instances: entry.sorted });
    }
    resources.sort(compareAddresses);
    return { version: STATE_VERSION, lineage: this.lineage, serial: this.serial, resources, outputs: this.outputs, pending: this.pendingIntents() };
  }
}
