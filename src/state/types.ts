import type { Diagnostic } from '../diag/index.js';
import type { InstanceKey, ResourceMode } from '../addr/index.js';
import type { ResourceAddress } from '../addr/index.js';

/** A JSON value as stored in state: what `JSON.parse` can return. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * A path into an instance's attributes: object keys as strings, list indices as numbers.
 * `["tags", "team"]` is `attributes.tags.team`; the empty path is the whole object.
 */
export type AttributePath = readonly (string | number)[];

/** The in-memory state model's version; equal to the file format version it serializes to. */
export const STATE_VERSION = 1;

/**
 * iamform's record of the backend objects it manages. A State value is immutable: helpers in
 * `state.ts` return new values. `serial` is the serial the state was read at (0 for a state
 * never persisted); stores, not callers, advance it.
 */
export interface State {
  readonly version: typeof STATE_VERSION;
  /** Identifies one history of a state; never changes once created. */
  readonly lineage: string;
  readonly serial: number;
  /** Sorted by address (`compareAddresses`), each address at most once. */
  readonly resources: readonly ResourceState[];
  readonly outputs: Readonly<Record<string, OutputState>>;
  /** The intent journal: backend calls started but whose result is not yet recorded. */
  readonly pending: readonly PendingIntent[];
}

/**
 * One resource and its instances. Structurally a key-less `ResourceAddress`, so
 * `formatAddress(resource)` names it. `instances` are sorted by key and never empty.
 */
export interface ResourceState {
  readonly mode: ResourceMode;
  readonly type: string;
  readonly name: string;
  readonly instances: readonly InstanceState[];
}

export interface InstanceState {
  /** Absent exactly when the resource has neither `count` nor `for_each`. */
  readonly key?: InstanceKey;
  /** The backend object's id. */
  readonly id: string;
  /** The values last seen or written; never holds a value at a write-only path. */
  readonly attributes: JsonObject;
  /** Paths whose values are shown as `(sensitive value)`; a path covers everything under it. */
  readonly sensitivePaths: readonly AttributePath[];
  /** Resource addresses this instance depended on when last applied (key-less or instance). */
  readonly dependencies: readonly ResourceAddress[];
  /** Provider-private data (e.g. a password keeper hash); opaque to everything but the provider. */
  readonly private?: JsonValue;
}

export interface OutputState {
  readonly value: JsonValue;
  readonly sensitive: boolean;
}

export type IntentAction = 'create' | 'update' | 'delete';

/**
 * Written before a backend call and removed when its result is recorded. A leftover entry
 * means the call may or may not have happened; the planner resolves it on the next run.
 */
export interface PendingIntent {
  /** Unique within one state. */
  readonly intentId: string;
  /** The instance address the call is for. */
  readonly address: ResourceAddress;
  readonly action: IntentAction;
  /** ISO 8601 timestamp. */
  readonly startedAt: string;
  /** What the planner needs to find the object if the call did happen (e.g. its name). */
  readonly objectHint?: JsonObject;
  /**
   * Set only on a `delete`: the backend id of a deposed object, the old object of a
   * create-before-destroy replacement after the new one took its place in state. Nothing but
   * this intent remembers the object until it is deleted, so the intent outlives plans and
   * checkpoints until a delete of that id succeeds or refresh finds the object gone.
   */
  readonly deposedId?: string;
}

/** A held state lock, as recorded where the store keeps it. */
export interface Lock {
  readonly id: string;
  /** Who took it: a user name, or what `LockInfo.who` said. */
  readonly holder: string;
  readonly pid: number;
  readonly host: string;
  /** The command that took it, e.g. `apply`. */
  readonly operation: string;
  /** ISO 8601 timestamp. */
  readonly created: string;
}

export interface LockInfo {
  readonly operation: string;
  readonly who?: string;
  /** How long to wait for another holder to release; 0 fails at once. */
  readonly timeoutMs: number;
}

export type StateResult =
  | {
      readonly kind: 'ok';
      readonly state: State;
      /** False when nothing is stored yet: `state` is a fresh empty state with a new lineage. */
      readonly persisted: boolean;
    }
  | { readonly kind: 'error'; readonly diagnostics: Diagnostic[] };

export type WriteResult =
  | { readonly kind: 'ok'; /** The serial now stored: `expectSerial + 1`. */ readonly serial: number }
  | { readonly kind: 'error'; readonly diagnostics: Diagnostic[] };

export type LockResult =
  | { readonly kind: 'ok'; readonly lock: Lock }
  | {
      readonly kind: 'error';
      readonly diagnostics: Diagnostic[];
      /** The lock that stood in the way, when one did. */
      readonly holder?: Lock;
    };

export interface WriteOptions {
  /** The serial the caller read; the write fails unless the stored serial still equals it. */
  readonly expectSerial: number;
}

/**
 * Where state is kept. Every implementation passes `test/state/conformance.ts`.
 *
 * - `read` of an empty store is not an error: it yields a fresh state, `persisted: false`.
 * - `write` is a compare-and-swap on the serial and keeps the lineage: it fails, writing
 *   nothing, when the stored serial is not `expectSerial` or the stored lineage differs.
 * - `lock` is advisory: `write` does not check it; callers that change state lock first.
 * - `unlock` and `forceUnlock` succeed only for the id of the current lock.
 *
 * No method throws for a user-facing problem; IO failures come back as diagnostics.
 */
export interface StateStore {
  read(): Promise<StateResult>;
  write(state: State, options: WriteOptions): Promise<WriteResult>;
  lock(info: LockInfo): Promise<LockResult>;
  unlock(lockId: string): Promise<Diagnostic[]>;
  forceUnlock(lockId: string): Promise<Diagnostic[]>;
  /** The current lock, if any (for messages and `force-unlock`). */
  currentLock(): Promise<Lock | undefined>;
}

/** The environment a store needs, injected so tests control time and identity. */
export interface StoreEnvironment {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** A fresh random id (UUID) for lineages and lock ids. */
  newId(): string;
}
