import { formatAddress, type ResourceAddress } from '../addr/index.js';
import type { ResourceChange } from '../plan/types.js';
import { formatPath, type AttributePath, type JsonObject, type JsonValue } from '../state/index.js';
import type { AfterResolver, AppliedInstance, AppliedLookup, ResolveResult } from './types.js';

/**
 * "The value at `path` of this instance's `after` is the value at `attribute` of the applied
 * object at `from`": a direct reference whose target is known only after apply, e.g.
 * `group_id = iam_group.ops.id` gives `{ path: ['group_id'], from: iam_group.ops, attribute: ['id'] }`.
 */
export interface UnknownReference {
  readonly path: AttributePath;
  readonly from: ResourceAddress;
  readonly attribute: AttributePath;
}

/**
 * A resolver from a table of direct references by formatted instance address. Only direct
 * references fit a table; an expression that transforms a value needs a resolver that
 * re-evaluates the configuration.
 */
export function referenceResolver(table: ReadonlyMap<string, readonly UnknownReference[]>): AfterResolver {
  return (change: ResourceChange, applied: AppliedLookup): ResolveResult => {
    const references = table.get(formatAddress(change.address));
    let after: JsonValue = change.after ?? {};
    if (!references) return { kind: 'ok', after: after as JsonObject };
    for (const reference of references) {
      const source = applied(formatAddress(reference.from));
      const value = source === undefined ? undefined : valueAt(source, reference.attribute);
      if (value === undefined) {
        return {
          kind: 'error',
          message: `${formatPath(reference.path)} refers to ${formatAddress(reference.from)}${reference.attribute.length > 0 ? '.' + formatPath(reference.attribute) : ''}, which is not known after applying its dependencies.`,
        };
      }
      after = setAt(after, reference.path, value);
    }
    return { kind: 'ok', after: after as JsonObject };
  };
}

function valueAt(source: AppliedInstance, path: AttributePath): JsonValue | undefined {
  if (path.length === 1 && path[0] === 'id' && source.attributes['id'] === undefined) return source.id;
  let current: JsonValue | undefined = source.attributes;
  for (const step of path) {
    if (Array.isArray(current) && typeof step === 'number') current = current[step];
    else if (current !== null && typeof current === 'object' && !Array.isArray(current) && typeof step === 'string') current = current[step];
    else return undefined;
  }
  return current;
}

/** `value` with `path` set, copying only the containers along the path. */
function setAt(value: JsonValue, path: AttributePath, leaf: JsonValue): JsonValue {
  const [step, ...rest] = path;
  if (step === undefined) return leaf;
  if (typeof step === 'number') {
    const list: JsonValue[] = Array.isArray(value) ? [...value] : [];
    while (list.length < step) list.push(null);
    list[step] = setAt(list[step] ?? null, rest, leaf);
    return list;
  }
  const object: { [key: string]: JsonValue } = value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
  object[step] = setAt(object[step] ?? null, rest, leaf);
  return object;
}

/**
 * The default natural-key hint of a create, which the planner matches against refreshed
 * objects to adopt the object of an interrupted create: the `name` when the object has one
 * (names are unique per kind in IAM), else the top-level strings, numbers and booleans of
 * `after` (a membership's group, an access key's user and description).
 */
export function defaultObjectHint(change: ResourceChange): JsonObject {
  const after = change.after ?? {};
  const name = after['name'];
  if (typeof name === 'string') return { name };
  const hint: JsonObject = {};
  for (const [key, value] of Object.entries(after)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') hint[key] = value;
  }
  return hint;
}

/** `attributes` without the top-level keys of `drop` (secrets and write-only values handed back by mistake). */
export function withoutKeys(attributes: JsonObject, drop: JsonObject | undefined): JsonObject {
  if (!drop) return attributes;
  const keys = Object.keys(drop).filter((key) => Object.hasOwn(attributes, key));
  if (keys.length === 0) return attributes;
  const copy = { ...attributes };
  for (const key of keys) delete copy[key];
  return copy;
}

/**
 * `text` with every string of `values` (write-only values) replaced, so that a backend
 * message quoting a password does not carry it into events or diagnostics.
 */
export function scrubText(text: string, values: JsonObject | undefined): string {
  if (!values) return text;
  let out = text;
  for (const secret of stringsIn(values)) if (secret.length > 0) out = out.split(secret).join('(write-only value)');
  return out;
}

function stringsIn(value: JsonValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
