import { parseAddress, formatAddress, type ResourceAddress } from '../../src/addr/index.js';
import type { ChangeAction, ResourceChange } from '../../src/plan/types.js';
import { createMemoryProvider, MemoryBackend, type Provider, type ProviderError, type ProviderResult } from '../../src/provider/index.js';
import { emptyState, memoryStateStore, MemoryStorage, setInstance, type JsonObject, type State, type StateStore } from '../../src/state/index.js';
import { MemoryJournalStorage, type ApplyEvent } from '../../src/apply/index.js';
import { fakeEnv } from '../state/fake-env.js';

export function addr(text: string): ResourceAddress {
  const parsed = parseAddress(text);
  if (!parsed.address) throw new Error(`bad address ${text}`);
  return parsed.address;
}

export interface ChangeSpec {
  readonly action: ChangeAction;
  readonly after?: JsonObject | null;
  readonly before?: JsonObject | null;
  readonly id?: string;
  readonly dependsOn?: readonly string[];
  readonly afterUnknown?: readonly (readonly (string | number)[])[];
  readonly cbd?: boolean;
  readonly writeOnly?: JsonObject;
}

export function change(address: string, spec: ChangeSpec): ResourceChange {
  return {
    address: addr(address),
    action: spec.action,
    ...(spec.id !== undefined ? { id: spec.id } : {}),
    before: spec.before ?? null,
    after: spec.after ?? null,
    afterUnknown: spec.afterUnknown ?? [],
    beforeSensitive: [],
    afterSensitive: [],
    replacePaths: [],
    dependsOn: (spec.dependsOn ?? []).map(addr),
    createBeforeDestroy: spec.cbd ?? false,
    ...(spec.writeOnly !== undefined ? { writeOnly: spec.writeOnly } : {}),
  };
}

/** One provider call as a test reads it: `create iam_user alice`, `delete iam_group ops`. */
export interface Call {
  readonly method: 'create' | 'update' | 'delete' | 'read';
  readonly type: string;
  readonly name: string;
  readonly values: JsonObject;
  readonly writeOnly: JsonObject;
}

export function callName(call: Call): string {
  return `${call.method} ${call.type} ${call.name}`;
}

/**
 * The memory provider with a window onto it: every create/update/delete is logged with the
 * object's name, concurrency is measured, and tests may fail or pause chosen calls.
 */
export class WatchedProvider implements Provider {
  readonly name = 'watched';
  readonly calls: Call[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Answers a call with an error instead of passing it on. */
  fail: (call: Call) => ProviderError | undefined = () => undefined;
  /** Awaited before the call is passed on (after it is logged). */
  pause: (call: Call) => Promise<void> | undefined = () => undefined;
  /** Names of objects by id, learned from creates and seeds, so deletes can be logged by name. */
  readonly names = new Map<string, string>();

  constructor(readonly inner: Provider = createMemoryProvider({ backend: new MemoryBackend() })) {}

  private async run<T>(call: Call, go: () => Promise<ProviderResult<T>>): Promise<ProviderResult<T>> {
    this.calls.push(call);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.pause(call);
      await Promise.resolve();
      const error = this.fail(call);
      if (error) return { ok: false, error };
      return await go();
    } finally {
      this.inFlight--;
    }
  }

  refresh(types: readonly string[]): ReturnType<Provider['refresh']> {
    return this.inner.refresh(types);
  }
  async create(type: string, values: JsonObject, writeOnly: JsonObject): ReturnType<Provider['create']> {
    const result = await this.run({ method: 'create', type, name: this.nameOf(values), values, writeOnly }, () => this.inner.create(type, values, writeOnly));
    if (result.ok && type !== 'iam_group_membership') this.names.set(result.value.id, this.nameOf(values));
    return result;
  }
  update(type: string, id: string, prior: JsonObject, values: JsonObject, writeOnly: JsonObject): ReturnType<Provider['update']> {
    return this.run({ method: 'update', type, name: this.nameOf(values), values, writeOnly }, () => this.inner.update(type, id, prior, values, writeOnly));
  }
  delete(type: string, id: string, prior: JsonObject): ReturnType<Provider['delete']> {
    const name = type === 'iam_group_membership' ? this.nameOf(prior) : (this.names.get(id) ?? this.nameOf(prior));
    return this.run({ method: 'delete', type, name, values: prior, writeOnly: {} }, () => this.inner.delete(type, id, prior));
  }
  read(type: string, args: JsonObject): ReturnType<Provider['read']> {
    return this.run({ method: 'read', type, name: this.nameOf(args), values: args, writeOnly: {} }, () => this.inner.read(type, args));
  }
  close(): Promise<void> {
    return this.inner.close();
  }

  /** Creates objects directly (not through apply) and returns a state that records them. */
  async seed(state: State, objects: readonly { address: string; type?: string; values: JsonObject; dependsOn?: readonly string[] }[]): Promise<{ state: State; ids: Map<string, string> }> {
    const ids = new Map<string, string>();
    let out = state;
    for (const object of objects) {
      const at = addr(object.address);
      const created = await this.inner.create(at.type, object.values, {});
      if (!created.ok) throw new Error(`seed ${object.address}: ${created.error.message}`);
      if (at.type !== 'iam_group_membership') this.names.set(created.value.id, this.nameOf(object.values));
      ids.set(object.address, created.value.id);
      out = setInstance(out, at, { id: created.value.id, attributes: created.value.attributes, sensitivePaths: [], dependencies: (object.dependsOn ?? []).map(addr) });
    }
    return { state: out, ids };
  }

  /** A membership is named after its group (`ops members`), an access key by its description. */
  nameOf(values: JsonObject): string {
    const group = values['group'];
    if (typeof group === 'string') return `${this.names.get(group) ?? group} members`;
    const name = values['name'] ?? values['description'];
    return typeof name === 'string' ? name : '?';
  }
}

export interface Rig {
  readonly provider: WatchedProvider;
  readonly store: StateStore;
  readonly storage: MemoryStorage;
  readonly journal: MemoryJournalStorage;
  readonly events: ApplyEvent[];
  readonly options: {
    provider: WatchedProvider;
    stateStore: StateStore;
    journal: MemoryJournalStorage;
    onEvent: (event: ApplyEvent) => void;
    clock: () => number;
    newIntentId: () => string;
  };
  /** The current stored state. */
  stored(): Promise<State>;
}

export function rig(): Rig {
  const { env } = fakeEnv();
  const storage = new MemoryStorage();
  const store = memoryStateStore({ env, storage });
  const provider = new WatchedProvider();
  const journal = new MemoryJournalStorage();
  const events: ApplyEvent[] = [];
  let now = Date.parse('2026-03-01T10:00:00.000Z');
  let intent = 0;
  return {
    provider,
    store,
    storage,
    journal,
    events,
    options: { provider, stateStore: store, journal, onEvent: (e) => events.push(e), clock: () => (now += 5), newIntentId: () => `intent-${++intent}` },
    async stored() {
      const read = await store.read();
      if (read.kind !== 'ok') throw new Error(JSON.stringify(read.diagnostics));
      return read.state;
    },
  };
}

export function fresh(): State {
  return emptyState('lineage-1');
}

/** The instance addresses recorded in a state. */
export function addressesIn(state: State): string[] {
  return state.resources.flatMap((r) => r.instances.map((i) => formatAddress({ mode: r.mode, type: r.type, name: r.name, ...(i.key !== undefined ? { key: i.key } : {}) })));
}
