import type { BackendError, Result } from '../../backend/index.js';
import type { JsonObject } from '../../state/index.js';
import type { BackendPort } from '../port.js';
import type { CreatedObject, ProviderError, ProviderResult, RemoteObject, UpdatedObject } from '../types.js';

/** What every resource kind's handler gets: the backend, a salt source, per-refresh memos. */
export interface KindContext {
  readonly port: BackendPort;
  /** A fresh random salt (hex) for a write-only keeper. */
  readonly salt: () => string;
  /** Caches a list call for the rest of one refresh (kinds that share a list read it once). */
  readonly memo: <T>(key: string, read: () => T) => T;
  /** Encoded attachment id → the backend's attachment id, filled by lists and creates. */
  readonly attachmentIds: Map<string, string>;
}

/**
 * One resource type's mapping between schema attributes and backend calls. `values` are the
 * planned attributes (all known by apply time); `writeOnly` the write-only ones.
 */
export interface KindHandler {
  list(ctx: KindContext): RemoteObject[];
  create(ctx: KindContext, values: JsonObject, writeOnly: JsonObject): ProviderResult<CreatedObject>;
  update(ctx: KindContext, id: string, prior: JsonObject, values: JsonObject, writeOnly: JsonObject): ProviderResult<UpdatedObject>;
  /** Succeeds when the object is already gone. */
  delete(ctx: KindContext, id: string, prior: JsonObject): ProviderResult<void>;
}

function providerError(error: BackendError): ProviderError {
  return error.field === undefined
    ? { status: error.status, code: error.code, message: error.message }
    : { status: error.status, code: error.code, message: error.message, field: error.field };
}

export function failure(status: number, code: string, message: string, field?: string): Failure {
  return { ok: false, error: field === undefined ? { status, code, message } : { status, code, message, field } };
}

/** A backend result mapped to a provider result. */
export function mapResult<T, U>(result: Result<T>, map: (value: T) => U): ProviderResult<U> {
  return result.ok ? { ok: true, value: map(result.value) } : { ok: false, error: providerError(result.error) };
}

/** A delete result where "not found" counts as done. */
export function deleted(result: Result<unknown>): ProviderResult<void> {
  if (result.ok || result.error.status === 404) return { ok: true, value: undefined };
  return { ok: false, error: providerError(result.error) };
}

export function stringAttr(values: JsonObject, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function boolAttr(values: JsonObject, name: string): boolean | undefined {
  const v = values[name];
  return typeof v === 'boolean' ? v : undefined;
}

/** A failed provider result (what `failure` returns). */
export type Failure = { readonly ok: false; readonly error: ProviderError };

export function requiredString(values: JsonObject, name: string): string | Failure {
  const v = stringAttr(values, name);
  return v !== undefined && v !== '' ? v : failure(400, 'IAM.0072', `"${name}" is a required property`, name);
}

export function remote(id: string, attributes: JsonObject): RemoteObject {
  return { id, attributes };
}

export function isFailure(v: unknown): v is Failure {
  return typeof v === 'object' && v !== null && (v as { ok?: unknown }).ok === false;
}

/** The object without its `undefined` properties (the backend's optional inputs). */
export function compact<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
