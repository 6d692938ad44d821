import { formatAddress, withKey, type ResourceAddress } from '../addr/index.js';
import { StateBuilder, type OutputState, type PendingIntent, type State } from '../state/index.js';
import type { RecordedInstance } from './types.js';

/**
 * A mutable copy of a State for apply and journal replay: a `StateBuilder` (O(1) changes,
 * `toState` re-sorting only what changed) that also finds instances by formatted address, as
 * references name them. The lineage of the base is kept; `serial` is set by whoever stores
 * the state.
 */
export class WorkingState {
  private readonly builder: StateBuilder;
  /** Every instance by formatted instance address. */
  private readonly byName = new Map<string, RecordedInstance>();
  readonly lineage: string;
  serial: number;

  constructor(base: State) {
    this.builder = new StateBuilder(base);
    this.lineage = base.lineage;
    this.serial = base.serial;
    for (const resource of base.resources) {
      for (const instance of resource.instances) this.byName.set(formatAddress(withKey(resource, instance.key)), instance);
    }
  }

  /** Number of instances held. */
  get size(): number {
    return this.byName.size;
  }

  get(address: ResourceAddress): RecordedInstance | undefined {
    return this.builder.get(address);
  }

  /** By formatted instance address. */
  getByName(address: string): RecordedInstance | undefined {
    return this.byName.get(address);
  }

  set(address: ResourceAddress, instance: RecordedInstance): void {
    this.builder.set(address, instance);
    this.byName.set(formatAddress(address), instance);
  }

  remove(address: ResourceAddress): void {
    this.builder.remove(address);
    this.byName.delete(formatAddress(address));
  }

  /** Adds or replaces an intent (replay may see the same intent twice). */
  addPending(intent: PendingIntent): void {
    this.builder.putPending(intent);
  }

  resolvePending(intentId: string): void {
    this.builder.resolvePending(intentId);
  }

  pendingIntents(): PendingIntent[] {
    return this.builder.pendingIntents();
  }

  setOutputs(outputs: Readonly<Record<string, OutputState>>): void {
    this.builder.setOutputs(outputs);
  }

  toState(): State {
    return { ...this.builder.state(), serial: this.serial };
  }
}
