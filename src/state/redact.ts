import type { AttributePath, JsonObject, JsonValue } from './types.js';

/**
 * `attributes` without the values at `paths` (write-only attributes: passwords, secrets).
 * The key itself is removed, not nulled, so that nothing hints at the value. Paths that do
 * not exist are ignored; the input is never modified. The empty path is not allowed: the
 * whole object cannot be write-only.
 */
export function redactWriteOnly(attributes: JsonObject, paths: readonly AttributePath[]): JsonObject {
  let result = attributes;
  for (const path of paths) {
    if (path.length === 0) throw new Error('redactWriteOnly: the empty path cannot be write-only');
    result = without(result, path) as JsonObject;
  }
  return result;
}

function without(value: JsonValue, path: AttributePath): JsonValue {
  const [step, ...rest] = path;
  if (step === undefined) return value;
  if (Array.isArray(value)) {
    if (typeof step !== 'number' || step >= value.length) return value;
    const copy = [...value];
    if (rest.length === 0) {
      // A list element cannot be removed without shifting its siblings: null keeps positions.
      copy[step] = null;
    } else copy[step] = without(copy[step] as JsonValue, rest);
    return copy;
  }
  if (value === null || typeof value !== 'object' || typeof step !== 'string' || !Object.hasOwn(value, step)) return value;
  const copy: { [key: string]: JsonValue } = { ...value };
  if (rest.length === 0) delete copy[step];
  else copy[step] = without(copy[step] as JsonValue, rest);
  return copy;
}

/** True when `attributes` holds a value at `path` (used to refuse or report secrets). */
export function hasValueAt(attributes: JsonObject, path: AttributePath): boolean {
  let current: JsonValue = attributes;
  for (const step of path) {
    if (Array.isArray(current)) {
      if (typeof step !== 'number' || step >= current.length) return false;
      current = current[step] as JsonValue;
    } else if (current !== null && typeof current === 'object' && typeof step === 'string' && Object.hasOwn(current, step)) {
      current = current[step] as JsonValue;
    } else return false;
  }
  return true;
}
