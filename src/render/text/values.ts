import type { AttributePath, JsonValue } from '../../state/index.js';
import { pathCovers } from '../../state/index.js';

export type JsonMap = { readonly [key: string]: JsonValue };

export function isMap(value: JsonValue | undefined): value is JsonMap {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

export function isList(value: JsonValue | undefined): value is JsonValue[] {
  return Array.isArray(value);
}

/** True when one of `paths` is `path` or an ancestor of it. */
export function coveredBy(paths: readonly AttributePath[], path: AttributePath): boolean {
  return paths.some((prefix) => pathCovers(prefix, path));
}

/** True when one of `paths` lies strictly below `path`. */
export function hasBelow(paths: readonly AttributePath[], path: AttributePath): boolean {
  return paths.some((candidate) => candidate.length > path.length && pathCovers(path, candidate));
}

export function samePath(a: AttributePath, b: AttributePath): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i]);
}

/**
 * Structural equality in which a null member of an object equals a missing one (the plan
 * treats both as "not set"). List order matters.
 */
export function valuesEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return true;
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false;
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    return x.every((item, i) => valuesEqual(item, y[i]));
  }
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) if (!valuesEqual(x[key], y[key])) return false;
  return true;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Top-level attribute names are bare; nested map keys are quoted, as Terraform shows them. */
export function formatKey(key: string, nested: boolean): string {
  return nested || !IDENT.test(key) ? JSON.stringify(key) : key;
}

/** Any value on one line, as JSON: a scalar as HCL shows it (strings quoted with JSON escapes). */
export function formatInline(value: JsonValue): string {
  return JSON.stringify(value);
}
