import type { ResourceAddress } from '../addr/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { Config, Value } from '../config/index.js';
import type { FunctionContext, FunctionDef } from '../config/functions/types.js';
import type { Catalog } from '../backend/policy/index.js';
import type { JsonObject, JsonValue, OutputState, State } from '../state/index.js';
import type { AppliedLookup, ResolvedAfter } from './apply-values.js';
import type { Plan, PlanMode, ResourceChange } from './types.js';

/**
 * A backend object as a refresh lists it: the provider's `RemoteObject`, restated here so
 * that the pure planner does not depend on the provider module.
 */
export interface RefreshedObject {
  readonly id: string;
  readonly attributes: JsonObject;
}

/**
 * The refreshed backend, by kind. Managed kinds are keyed by resource type (`iam_user`);
 * data-source kinds by `data.<type>` (`data.iam_policy` lists system and custom policies,
 * `data.iam_project` region projects and sub-projects). A kind missing from the map was not
 * refreshed: state stands for the backend there.
 */
export type RefreshedObjects = ReadonlyMap<string, readonly RefreshedObject[]>;

export interface PlanOptions {
  readonly mode: PlanMode;
  /** `--target`: resource or instance addresses. */
  readonly targets: readonly ResourceAddress[];
  /** `--replace`: instance addresses to replace even without a forcing change. */
  readonly replace: readonly ResourceAddress[];
  /** `--refresh=false` makes it false: prior state stands for the backend. */
  readonly refresh: boolean;
}

/**
 * Everything the planner reads, as values. `keeper(secret, salt)` is the keeper hash of a
 * write-only value (HMAC-SHA-256 hex of the schema's keepers); it is injected so that the
 * provider and the planner agree on it by construction.
 */
export interface PlanInput {
  readonly config: Config;
  readonly variables: ReadonlyMap<string, Value>;
  readonly functions: ReadonlyMap<string, FunctionDef>;
  readonly functionContext: FunctionContext;
  readonly state: State;
  readonly refreshed: RefreshedObjects;
  readonly catalog: Catalog;
  readonly keeper: (secret: string, salt: string) => string;
  readonly options: PlanOptions;
  readonly configHash: string;
  /** Region project names for `iam_project` name checks; default the schema's regions. */
  readonly regions?: readonly string[];
}

/**
 * What the executor needs beyond the Plan (in memory only; never serialized).
 *
 * - `priorState` is the state to update: `moved` applied, refreshed values written (objects
 *   deleted outside removed), pending intents resolved, imported objects adopted.
 * - `order` lists every changed instance (formatted address), dependencies first; deletions
 *   run in the reverse of it.
 * - `dependencies` holds, per changed instance, what it waits for on create/update: changed
 *   instances, or a resource key (`iam_group.team`) standing for every changed instance of it
 *   (a reference without a literal key depends on the whole resource).
 * - `applyValues` holds, per change whose `after` has unknown parts, the planned value with
 *   placeholders (see `placeholder.ts`) that the executor resolves once the objects they
 *   name exist; instances missing here apply `after` as it is.
 * - `writeOnly` holds the write-only values (password) per instance, with placeholders too.
 * - Output placeholders are named `output.<name>#value` when the whole value is unknown.
 */
export interface ApplyPlan {
  readonly plan: Plan;
  readonly priorState: State;
  readonly order: readonly string[];
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
  readonly applyValues: ReadonlyMap<string, JsonObject>;
  readonly writeOnly: ReadonlyMap<string, JsonObject>;
  /** Every config output's value, with placeholders where known only after apply. */
  readonly outputValues: ReadonlyMap<string, JsonValue>;
  /** Fills a change's unknown parts from the objects applied so far (the executor's `resolveAfter`). */
  readonly resolveAfter: (change: ResourceChange, applied: AppliedLookup) => ResolvedAfter;
  /** The outputs of the state after apply (the executor's `outputs`). */
  readonly outputs: (state: State, secrets: ReadonlyMap<string, JsonObject>) => Record<string, OutputState>;
}

export interface PlanResult {
  /** Absent when an error diagnostic prevents planning. */
  readonly plan?: Plan;
  readonly applyPlan?: ApplyPlan;
  readonly diagnostics: Diagnostic[];
}
