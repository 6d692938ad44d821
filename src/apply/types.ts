import type { ResourceAddress } from '../addr/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { ResourceChange } from '../plan/types.js';
import type { Provider } from '../provider/types.js';
import type { InstanceState, JsonObject, OutputState, State, StateStore, WriteOnlyLookup } from '../state/index.js';
import type { ApplyEventListener } from './events.js';
import type { JournalStorage } from './journal.js';

/**
 * What the executor applies: the plan's changes, the state they were planned against, and
 * the in-memory extras that never go into a plan file. The planner's `ApplyPlan` provides
 * these fields.
 */
export interface ApplyInput {
  /** The changes to carry out; `no-op` changes are ignored. Each instance address at most once. */
  readonly changes: readonly ResourceChange[];
  /**
   * The state the plan was made against, as read from the store (with any leftover journal
   * replayed, see `readStateWithJournal`). Its serial is the compare-and-swap base of every
   * state write of the apply; its lineage is kept.
   */
  readonly prior: State;
  /**
   * Instance-level dependencies by formatted instance address, when the planner knows them
   * (`iam_group_membership.m["a"]` → `['iam_group.team["ops"]']`), as `ApplyPlan.dependencies`
   * gives them. An entry that names a resource stands for every planned instance of it. When
   * an address is absent here, the change's `dependsOn` is used.
   */
  readonly instanceDependencies?: ReadonlyMap<string, readonly (string | ResourceAddress)[]>;
  /**
   * Fills the unknown parts of a change's `after` from the results of the changes it depends
   * on, called just before the change's provider call (its dependencies are applied by then).
   * Absent: `after` is passed as planned, and unknown paths stay absent for the provider to
   * compute. See `referenceResolver` for the table-driven form.
   */
  readonly resolveAfter?: AfterResolver;
  /**
   * Computes the outputs of the final state (called once, after the walk, before the last
   * state write); `secrets` are the values providers returned to show once. Absent: the
   * prior outputs are kept.
   */
  readonly outputs?: (state: State, secrets: ReadonlyMap<string, JsonObject>) => Readonly<Record<string, OutputState>>;
}

/** The applied object of an instance as the executor knows it at that moment. */
export interface AppliedInstance {
  readonly id: string;
  readonly attributes: JsonObject;
}

/** The current (applied or prior) object at an instance address (formatted or not), or undefined. */
export type AppliedLookup = (address: string | ResourceAddress) => AppliedInstance | undefined;

/** `writeOnly`, when given, replaces the change's write-only values (resolved the same way). */
export type ResolveResult =
  | { readonly kind: 'ok'; readonly after: JsonObject; readonly writeOnly?: JsonObject }
  | { readonly kind: 'error'; readonly message: string };

export type AfterResolver = (change: ResourceChange, applied: AppliedLookup) => ResolveResult;

/** How often the journal is folded into a full state write. */
export interface CheckpointPolicy {
  /**
   * Fold after at least this many journalled results; the threshold grows to the number of
   * instances the previous fold wrote, so that total checkpoint cost stays linear.
   */
  readonly changes: number;
  /** Fold after this long (ms) with results pending, unless the last fold took over a tenth of it. */
  readonly intervalMs: number;
}

export interface ApplyOptions {
  readonly provider: Provider;
  readonly stateStore: StateStore;
  /**
   * Where the journal of intents and results lives (`<state>.journal` beside a state file,
   * see `fileJournalStorage`; `MemoryJournalStorage` for the memory store).
   */
  readonly journal: JournalStorage;
  /** Most provider calls in flight at once; default 10. */
  readonly parallelism?: number;
  readonly onEvent?: ApplyEventListener;
  /** Asked before each new change starts; once true, in-flight calls finish and nothing new starts. */
  readonly shouldStop?: () => boolean;
  /** Milliseconds since the epoch; default `Date.now`. */
  readonly clock?: () => number;
  /** Unique ids for intents; default random UUIDs. */
  readonly newIntentId?: () => string;
  /** Write-only attribute paths per resource: values there are never journalled or stored. */
  readonly writeOnly?: WriteOnlyLookup;
  /** Default: every 1,000 results (or state size) or 30 s. */
  readonly checkpoint?: Partial<CheckpointPolicy>;
  /**
   * What the planner needs to find the object of a leftover create intent (its natural key).
   * Default: the top-level strings, numbers and booleans of the change's `after`.
   */
  readonly objectHint?: (change: ResourceChange) => JsonObject;
}

export interface ApplyOutcome {
  /** Objects created (a replacement counts once here and once in `destroyed`). */
  readonly added: number;
  readonly changed: number;
  readonly destroyed: number;
  /** Changes with a failed provider call (or a failed state write). */
  readonly failed: number;
  /** Changes not carried out because something they waited on failed. */
  readonly skipped: number;
  /** Changes not (fully) carried out because the apply was stopped. */
  readonly notStarted: number;
}

export interface ApplyResult {
  /** The state as last stored (serial advanced); every success is in it. */
  readonly state: State;
  readonly outcome: ApplyOutcome;
  /**
   * Values shown once (an access key's secret) by formatted instance address. They are in no
   * state, journal or event; the caller shows them and drops them.
   */
  readonly secrets: ReadonlyMap<string, JsonObject>;
  /** Errors that stopped the apply (state persistence, cycles); provider failures are in events. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The instance as the executor records it after a successful call. */
export type RecordedInstance = Omit<InstanceState, 'key'>;
