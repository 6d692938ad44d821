import type { JsonObject, JsonValue } from '../state/index.js';

/**
 * A failure reported by a provider call: the backend's status and code (e.g. 409 and
 * `IAM.1109`), a message that names the offending field, and the field when known.
 */
export interface ProviderError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

export type ProviderResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ProviderError };

/**
 * A backend object as the provider sees it, in the attribute shape of its resource schema
 * (computed attributes filled in; write-only attributes never present).
 */
export interface RemoteObject {
  readonly id: string;
  readonly attributes: JsonObject;
}

export interface CreatedObject extends RemoteObject {
  /**
   * Values shown once and never stored in plain text (an access key's secret); the
   * executor hands them to the user's outputs and drops them.
   */
  readonly secrets?: JsonObject;
  /** Provider-private data to keep in state (e.g. a password keeper). */
  readonly private?: JsonValue;
}

/**
 * The result of an update. `private`, when present, replaces the instance's private data
 * (a new password keeper); when absent the prior private data stays as it is.
 */
export interface UpdatedObject extends RemoteObject {
  readonly private?: JsonValue;
}

/**
 * Talks to one IAM backend. Every implementation (memory, embedded, http) passes
 * `test/provider/conformance.ts`.
 *
 * - `refresh` is bulk: one call returns every object of the asked kinds, so that refresh cost
 *   grows with kinds, not with instances.
 * - `create`/`update`/`delete` change exactly one object and are idempotent where the backend
 *   allows it (`delete` of a missing object succeeds).
 * - No method throws for a backend refusal: it comes back as a `ProviderError`.
 */
export interface Provider {
  readonly name: string;
  refresh(types: readonly string[]): Promise<ProviderResult<ReadonlyMap<string, readonly RemoteObject[]>>>;
  create(type: string, values: JsonObject, writeOnly: JsonObject): Promise<ProviderResult<CreatedObject>>;
  update(type: string, id: string, prior: JsonObject, values: JsonObject, writeOnly: JsonObject): Promise<ProviderResult<UpdatedObject>>;
  delete(type: string, id: string, prior: JsonObject): Promise<ProviderResult<void>>;
  /** Reads a data source by its arguments. */
  read(type: string, args: JsonObject): Promise<ProviderResult<RemoteObject>>;
  close(): Promise<void>;
}
