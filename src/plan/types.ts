import { formatAddress, type ResourceAddress } from '../addr/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { AttributePath, JsonObject, JsonValue } from '../state/index.js';

/** The plan JSON format version (`format_version`); bump on any incompatible change. */
export const PLAN_FORMAT_VERSION = '1.0';

/**
 * What happens to one resource instance. A closed union: every switch over it is exhaustive.
 * `replace` deletes and re-creates (order per `createBeforeDestroy`); `read` reads a data
 * source during apply because its arguments are only known then.
 */
export type ChangeAction = 'create' | 'update' | 'replace' | 'delete' | 'read' | 'no-op';

/**
 * Why a change was planned, for display only: apply never branches on it.
 */
export type ChangeReason =
  | 'new'
  | 'config_changed'
  | 'replace_forced_by_attribute'
  | 'replace_requested'
  | 'not_in_config'
  | 'count_index_removed'
  | 'each_key_removed'
  | 'deleted_outside'
  | 'destroy_requested'
  | 'data_depends_on_unknown'
  | 'pending_intent';

/**
 * A planned change of one instance. `before` is the refreshed value (null on create), `after`
 * the planned value (null on delete) in which unknown parts are absent and listed in
 * `afterUnknown`. Sensitive paths are listed, never shown; write-only values never appear.
 */
export interface ResourceChange {
  readonly address: ResourceAddress;
  readonly action: ChangeAction;
  readonly reason?: ChangeReason;
  /** The backend object the change applies to (absent on create). */
  readonly id?: string;
  readonly before: JsonObject | null;
  readonly after: JsonObject | null;
  readonly afterUnknown: readonly AttributePath[];
  readonly beforeSensitive: readonly AttributePath[];
  readonly afterSensitive: readonly AttributePath[];
  /** For `replace`: the attribute paths whose change forces it. */
  readonly replacePaths: readonly AttributePath[];
  /** Resource addresses this instance depends on (ordering for apply). */
  readonly dependsOn: readonly ResourceAddress[];
  /** For `replace`: create the new object before deleting the old one. */
  readonly createBeforeDestroy: boolean;
  /**
   * Values the provider needs but the plan must not show (write-only attributes such as a
   * password): kept in memory only, never serialized into a plan file in plain text.
   */
  readonly writeOnly?: JsonObject;
  /**
   * Write-only attributes (a password) that the change sets or changes: shown as a sensitive
   * change, since their values appear neither in `before` nor in `after`.
   */
  readonly writeOnlyChanges?: readonly AttributePath[];
  /** Set when the change adopts an existing backend object by an `import` block. */
  readonly importId?: string;
  /** Set when a `moved` block moved the instance here from this address (state follows). */
  readonly previousAddress?: ResourceAddress;
  /**
   * Set on the `delete` of a deposed object: the backend id of an old object that an
   * interrupted create-before-destroy replacement left behind (it equals `id`). Such a change
   * may share its address with the instance's own change, so changes are told apart by
   * `changeKey`, never by address alone.
   */
  readonly deposed?: string;
}

/**
 * What tells one change of a plan from every other: the formatted address, followed for a
 * deposed object by ` (deposed object <id>)`. Also how views name the change. A formatted
 * address never ends with `)`, so no deposed key equals an instance's key. The address may be
 * given formatted (as in the JSON plan).
 */
export function changeKey(change: { readonly address: ResourceAddress | string; readonly deposed?: string }): string {
  const address = typeof change.address === 'string' ? change.address : formatAddress(change.address);
  return change.deposed === undefined ? address : `${address} (deposed object ${change.deposed})`;
}

/** A difference between state and the backend found by refresh ("changed outside iamform"). */
export interface ResourceDrift {
  readonly address: ResourceAddress;
  readonly kind: 'changed' | 'deleted';
  readonly before: JsonObject;
  readonly after: JsonObject | null;
  /** Paths that differ; empty for `deleted`. */
  readonly paths: readonly AttributePath[];
  readonly sensitive: readonly AttributePath[];
}

/** Who gains or loses which action in which scope because of the plan. */
export interface AccessChange {
  readonly kind: 'grant' | 'revoke';
  /** `user:alice` or `group:ops` (the principal as a person reads it). */
  readonly principal: string;
  readonly scope: string;
  readonly actions: readonly string[];
  /** The resource changes that cause it. */
  readonly causes: readonly ResourceAddress[];
}

export interface PlannedOutput {
  readonly name: string;
  readonly action: 'create' | 'update' | 'delete' | 'no-op';
  readonly before: JsonValue | null;
  readonly after: JsonValue | null;
  readonly afterUnknown: boolean;
  readonly sensitive: boolean;
}

export interface PlanSummary {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  readonly read: number;
  readonly import: number;
}

/** Which kind of run produced the plan. */
export type PlanMode = 'normal' | 'destroy' | 'refresh-only';

/**
 * The one Plan model: every output (text, markdown, JSON, Ink) is a function of it. A saved
 * plan records the state lineage and serial it was made against and a hash of the config, so
 * that applying it later can refuse a stale plan.
 */
export interface Plan {
  readonly formatVersion: typeof PLAN_FORMAT_VERSION;
  readonly mode: PlanMode;
  readonly lineage: string;
  readonly serial: number;
  readonly configHash: string;
  /** Sorted by address. Includes `no-op` changes; renderers hide them. */
  readonly changes: readonly ResourceChange[];
  readonly drift: readonly ResourceDrift[];
  readonly accessChanges: readonly AccessChange[];
  readonly outputs: readonly PlannedOutput[];
  readonly summary: PlanSummary;
  /** Warnings found while planning (errors prevent a plan). */
  readonly diagnostics: readonly Diagnostic[];
  /** Flags the plan was made with, for display and for re-validation on apply. */
  readonly targets: readonly ResourceAddress[];
}
